"""The interface's language: which one the user wants, and putting it in place.

pcdesk speaks English (its source texts) and Traditional Chinese (``pcdesk_zh_TW.qm``). By default
it follows the system: the first of the system's preferred languages that pcdesk speaks wins, so
zh-TW, zh-HK, zh-MO and any zh-Hant locale get Chinese and everything else gets English (a
Simplified Chinese system too: its users read English screens rather than a script not theirs).
The user's own choice (Preferences) is kept in QSettings.

Installing a language installs pcdesk's translator and Qt's own (``qtbase_zh_TW.qm``, standard
buttons and dialogs), and makes the matching QLocale the default, so dates, numbers, prices and
country names follow the interface language.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_TW"
SYSTEM = "system"
LANGUAGES = (ENGLISH, CHINESE)
SETTINGS_KEY = "interface/language"

# Translators stay referenced here: Qt does not own them, and a collected one stops translating.
_installed: list[QTranslator] = []
_current = ENGLISH


def _speaks(locale: QLocale) -> str | None:
    """The language of pcdesk's that ``locale`` asks for, if any."""
    if locale.language() == QLocale.Language.English:
        return ENGLISH
    if (
        locale.language() == QLocale.Language.Chinese
        and locale.script() == QLocale.Script.TraditionalHanScript
    ):
        return CHINESE  # zh-TW, zh-HK, zh-MO and zh-Hant-* all get Traditional script
    return None


def system_language(system: QLocale | None = None) -> str:
    """The language the system asks for: its preferred UI languages in order, else English."""
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        found = _speaks(QLocale(name))
        if found is not None:
            return found
    return ENGLISH


def saved_choice(settings: QSettings | None = None) -> str:
    """SYSTEM, ENGLISH or CHINESE, as chosen in Preferences (SYSTEM until the user chooses)."""
    value = (settings or QSettings()).value(SETTINGS_KEY, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def save_choice(choice: str, settings: QSettings | None = None) -> None:
    if choice not in (SYSTEM, *LANGUAGES):
        raise ValueError(f"not a language choice: {choice!r}")
    settings = settings or QSettings()
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


def language_of(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means on this system."""
    return choice if choice in LANGUAGES else system_language(system)


def formats_locale(language: str, system: QLocale | None = None) -> QLocale:
    """Where dates, numbers and money come from: the system's locale when it is in the interface
    language (an en_GB or zh_HK user keeps their formats), else the language's own country."""
    locale = system if system is not None else QLocale.system()
    if _speaks(locale) == language:
        return locale
    if language == CHINESE:
        return QLocale(
            QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _pcdesk_qm(language: str) -> str:
    return str(resources.files("pcdesk.resources") / "translations" / f"pcdesk_{language}.qm")


def _translator(path: str, app: QCoreApplication) -> QTranslator | None:
    translator = QTranslator(app)
    if translator.load(path):
        return translator
    log.warning("no translations loaded from %s", path)
    return None


def install_language(language: str, system: QLocale | None = None) -> None:
    """Make ``language`` the interface's from now on: translators and default locale.

    Widgets already built keep their texts; windows built afterwards speak the new language.
    """
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == CHINESE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in (f"{qt_folder}/qtbase_zh_TW.qm", _pcdesk_qm(CHINESE)):
            loaded = _translator(path, app)
            if loaded is not None:
                app.installTranslator(loaded)
                _installed.append(loaded)
    QLocale.setDefault(formats_locale(language, system))
    _current = language
    log.info("interface language: %s (formats: %s)", language, QLocale().name())


def current_language() -> str:
    """The language last installed (English before any)."""
    return _current
