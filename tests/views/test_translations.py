"""The interface in Traditional Chinese and English.

The first tests keep the translation files honest: every string of the code is in the .ts and
translated, the translations keep their placeholders and mnemonics, and the shipped .qm is the one
the .ts compiles to. When one fails after a code change, run ``python
scripts/update_translations.py --todo todo.json``, translate what it lists and run it again with
``--fill todo.json``.

The others use the interface as a Chinese-speaking user does: the wizard, a validation message,
country names, the list, and switching languages in Preferences.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from pcdesk import app
from pcdesk.messages import QT_TRANSLATE_NOOP, Joined, Message
from pcdesk.models.database import DatabaseTooNewError, sqlite_url
from pcdesk.services.partner.roles import Task, not_allowed_message
from pcdesk.services.validation import country_name
from pcdesk.views.common import language
from pcdesk.views.common.money import format_money
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.add.pages import REVIEW, SUBSCRIPTIONS
from pcdesk.views.customers.list.filter_bar import CustomerFilterBar
from pcdesk.views.customers.list.table_model import COLUMNS
from pcdesk.views.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
CANCEL = QWizard.WizardButton.CancelButton


def _load_tooling() -> ModuleType:
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


tooling = _load_tooling()
HOW_TO_FIX = (
    "run `python scripts/update_translations.py --todo todo.json`, translate the strings it "
    "lists in todo.json, then `python scripts/update_translations.py --fill todo.json`"
)


@pytest.fixture
def chinese() -> Iterator[None]:
    """The interface in Traditional Chinese for one test, as on a Taiwanese system."""
    taiwan = QLocale(
        QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript, QLocale.Country.Taiwan
    )
    language.install_language(language.CHINESE, system=taiwan)
    yield
    language.install_language(language.ENGLISH)


# -- the translation files ------------------------------------------------------------------------


@pytest.mark.parametrize("code", tooling.LANGUAGES)
def test_every_string_is_translated(code: str) -> None:
    messages = tooling.read_ts(tooling.ts_path(code))
    assert messages, "the .ts file holds no strings"
    left = [f"{m.context}: {m.source!r} ({m.state or 'empty'})" for m in messages if not m.finished]
    assert not left, f"{len(left)} strings not translated; {HOW_TO_FIX}:\n" + "\n".join(left)


@pytest.mark.parametrize("code", tooling.LANGUAGES)
def test_translations_keep_placeholders_mnemonics_and_tags(code: str) -> None:
    problems = tooling.translation_problems(tooling.read_ts(tooling.ts_path(code)))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", tooling.LANGUAGES)
def test_the_ts_holds_every_string_of_the_code(code: str, tmp_path: Path) -> None:
    """lupdate over the code finds nothing the .ts does not already have, and the .ts has
    nothing the code lost."""
    shipped = tooling.ts_path(code)
    copy = tmp_path / shipped.name
    shutil.copy(shipped, copy)
    tooling.lupdate(copy)
    before = {m.key for m in tooling.read_ts(shipped)}
    after = {m.key for m in tooling.read_ts(copy)}
    new = sorted(f"{context}: {source!r}" for context, source, _ in after - before)
    gone = sorted(f"{context}: {source!r}" for context, source, _ in before - after)
    assert not new and not gone, (
        f"{shipped.name} is not up to date with the code; {HOW_TO_FIX}.\n"
        + "".join(f"new in the code: {line}\n" for line in new)
        + "".join(f"no longer in the code: {line}\n" for line in gone)
    )


def test_lupdate_can_read_every_translated_string() -> None:
    unreadable = tooling.unreadable_calls(tooling.sources())
    assert not unreadable, (
        "these calls translate a text lupdate cannot see, so it is never translated: pass a "
        "string literal, or mark the texts with QT_TRANSLATE_NOOP where they are written and "
        f"add `# {tooling.DYNAMIC_OK}` to the call\n" + "\n".join(unreadable)
    )


def _lookups(qm: Path, messages: list[Any]) -> list[str]:
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    return [
        translator.translate(m.context, m.source, m.comment or None, 2 if m.numerus else -1)
        for m in messages
    ]


@pytest.mark.parametrize("code", tooling.LANGUAGES)
def test_the_shipped_qm_is_compiled_from_the_ts(code: str, tmp_path: Path) -> None:
    shipped = tooling.ts_path(code)
    compiled = tmp_path / "fresh.qm"
    tooling.lrelease(shipped, compiled)
    if tooling.qm_path(shipped).read_bytes() == compiled.read_bytes():
        return
    # Another lrelease may lay the file out differently: what matters is what it translates.
    messages = tooling.read_ts(shipped)
    stale = [
        f"{m.context}: {m.source!r}: shipped {old!r}, .ts {new!r}"
        for m, old, new in zip(
            messages,
            _lookups(tooling.qm_path(shipped), messages),
            _lookups(compiled, messages),
            strict=True,
        )
        if old != new
    ]
    assert not stale, (
        f"{tooling.qm_path(shipped).name} is older than {shipped.name}: run "
        "`python scripts/update_translations.py`\n" + "\n".join(stale)
    )


def test_qts_own_chinese_translations_ship_with_pyside6() -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_TW.qm").is_file()


# -- which language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("zh_TW", language.CHINESE),
        ("zh_HK", language.CHINESE),
        ("zh_MO", language.CHINESE),
        ("zh-Hant", language.CHINESE),
        ("zh_CN", language.ENGLISH),
        ("zh_SG", language.ENGLISH),
        ("en_US", language.ENGLISH),
        ("en_GB", language.ENGLISH),
        ("de_DE", language.ENGLISH),
        ("C", language.ENGLISH),
    ],
)
def test_the_system_locale_decides_by_default(system: str, expected: str) -> None:
    assert language.system_language(QLocale(system)) == expected
    assert language.language_of(language.SYSTEM, QLocale(system)) == expected
    assert language.language_of(language.ENGLISH, QLocale(system)) == language.ENGLISH
    assert language.language_of(language.CHINESE, QLocale(system)) == language.CHINESE


def test_formats_follow_the_language_but_keep_a_matching_system_locale() -> None:
    assert language.formats_locale(language.CHINESE, QLocale("de_DE")).name() == "zh_TW"
    assert language.formats_locale(language.ENGLISH, QLocale("zh_TW")).name() == "en_US"
    assert language.formats_locale(language.ENGLISH, QLocale("en_GB")).name() == "en_GB"
    assert language.formats_locale(language.CHINESE, QLocale("zh_HK")).name() == "zh_HK"


# -- what a Chinese-speaking user sees --------------------------------------------------------------


def test_qt_and_pcdesk_speak_chinese_together(chinese: None) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own
    assert QLocale().name() == "zh_TW"
    assert QLocale().toString(1234567) == "1,234,567"
    # Prices as Taiwan writes them: its own dollar plain, the US one marked.
    assert format_money(Decimal("1920"), "TWD") == "$1,920.00"
    assert format_money(Decimal("7.2"), "USD") == "US$7.20"


def combo_texts(bar: CustomerFilterBar) -> list[str]:
    return [bar.country.itemText(row) for row in range(bar.country.count())]


def shown_bar(qtbot: QtBot) -> CustomerFilterBar:
    """A filter bar on screen: it names its countries once it has been painted."""
    bar = CustomerFilterBar(None)
    qtbot.addWidget(bar)
    with qtbot.waitExposed(bar):
        bar.show()
    qtbot.waitUntil(lambda: bar.country.count() > 1)
    return bar


def test_countries_are_listed_by_strokes_in_chinese(chinese: None, qtbot: QtBot) -> None:
    shown = combo_texts(shown_bar(qtbot))
    # 千 and 土 3 strokes, 中 and 日 4, 台 5, 美 9, 德 15, 蘇 20
    assert shown[1:3] == ["千里達及托巴哥", "土耳其"]
    assert shown.index("中國") < shown.index("日本") < shown.index("台灣") < shown.index("美國")
    assert shown.index("美國") < shown.index("德國") < shown.index("蘇丹") < len(shown) - 1


def test_countries_are_listed_alphabetically_in_english(qtbot: QtBot) -> None:
    assert combo_texts(shown_bar(qtbot))[1:4] == ["Afghanistan", "Åland Islands", "Albania"]


def test_service_messages_are_translated_with_their_parameters(chinese: None) -> None:
    # A country named in English by the service is named in Chinese.
    message = Message(
        QT_TRANSLATE_NOOP("validation", "Enter a phone number: it is required in {country}."),
        context="validation",
        country=country_name("TW"),
    )
    assert str(message) == "Enter a phone number: it is required in Taiwan."
    assert translated(message) == "請輸入電話號碼：台灣必須提供電話號碼。"
    # Role names joined into one parameter are each translated.
    assert translated(not_allowed_message(Task.MANAGE_TEAM)) == (
        "您的角色無法執行此操作。需要的角色：全域管理員。請向您的全域管理員要求此角色。"
    )
    joined = Joined([Message("Sales agent", context="roles"), Message("Admin agent", "roles")])
    assert translated(Message("line {line}: {reason}", "catalog", line=3, reason=joined)) == (
        "第 3 行：銷售代理人 / 管理員代理人"
    )
    # The models' errors carry their template too.
    error = DatabaseTooNewError(
        QT_TRANSLATE_NOOP(
            "database",
            "The database {url} was written by a newer version of pcdesk (schema "
            "{revision}). Update pcdesk to open it; the database was not changed.",
        ),
        url="sqlite:///x",
        revision="0099",
    )
    assert translated(error).startswith("資料庫 sqlite:///x 由較新版本的 pcdesk 寫入")


def test_the_wizard_in_chinese(
    chinese: None, wizard_driver, tw_account, qtbot: QtBot, prompts: Any
) -> None:
    driver = wizard_driver
    prompts.whenever("要保留您為此客戶輸入的內容嗎？", "捨棄")  # as the test's end closes it
    wizard = driver.open()
    assert wizard.windowTitle() == "新增客戶"
    assert wizard.account_page.title() == "帳戶資訊"
    assert wizard.subscriptions_page.title() == "訂用帳戶"
    assert wizard.review_page.title() == "檢閱"
    assert wizard.button(NEXT).text() == "下一步：訂用帳戶(&N)"
    assert wizard.button(CANCEL).text() == "取消"  # from Qt's qtbase_zh_TW.qm

    form = wizard.account_page.form
    assert form.country.currentText() != "Taiwan"
    driver.choose(form.country, "台灣")
    assert form.country_code() == "TW"
    # A validation message, with the country named in Chinese.
    driver.type_into(form.editor("contact_phone"), "12")
    phone = form.messages["contact_phone"]
    assert phone.is_error()
    assert phone.text().startswith("「12」不是台灣的有效電話號碼")

    tw_account["country"] = "台灣"
    driver.fill_account(wizard, tw_account)
    driver.click(wizard, NEXT)
    assert wizard.currentId() == SUBSCRIPTIONS
    assert wizard.button(NEXT).text() == "下一步：檢閱(&N)"
    driver.add_offer(wizard, "Business Basic", 5)
    driver.click(wizard, NEXT)

    assert wizard.currentId() == REVIEW
    assert wizard.button(COMMIT).text() == "送出(&S)"
    summary = wizard.review_page.account.text()
    assert "台灣" in summary and "Taiwan" not in summary  # the Taiwanese address's country
    assert "公司名稱" in summary
    assert "5 個授權" in wizard.review_page.subscriptions.text()


def test_the_customer_list_in_chinese(
    chinese: None, qtbot: QtBot, tmp_path: Path, list_loaded
) -> None:
    window = app.build_main_window(sqlite_url(tmp_path / "demo.sqlite3"), demo=True)
    qtbot.addWidget(window)
    window.show()
    list_loaded(window)
    model = window.customer_model
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(3)]
    assert headers == ["公司名稱", "主要網域", "Microsoft 識別碼"]
    country_column = [field for field, _ in COLUMNS].index("country")
    rows = {
        model.index(row, 0).data(): model.index(row, country_column).data()
        for row in range(model.rowCount())
    }
    assert rows["台灣晶片設計股份有限公司"] == "台灣"
    assert rows["Contoso Pharmaceuticals"] == "美國"
    added = model.index(0, [field for field, _ in COLUMNS].index("created_at")).data()
    assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", added), added  # Taiwan's short date
    assert window.count_label.text() == f"{model.rowCount()} 位客戶"
    assert window.menuBar().actions()[0].text() == "檔案(&F)"
    countries = window.filter_bar.country
    assert countries.itemText(0) == "所有國家/地區"
    assert countries.findText("台灣") > 0 and countries.findText("Taiwan") == -1
    window.close()


# -- Preferences -------------------------------------------------------------------------------------


def _shown_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def test_preferences_is_in_the_file_menu_with_its_role(qtbot: QtBot, tmp_path: Path) -> None:
    window = app.build_main_window(sqlite_url(tmp_path / "demo.sqlite3"), demo=True)
    qtbot.addWidget(window)
    action = window.preferences.action
    assert action.menuRole() == action.MenuRole.PreferencesRole
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.text() == "Pr&eferences…"
    window.close()


def test_choosing_chinese_reopens_the_window_in_chinese_and_is_remembered(
    qtbot: QtBot, tmp_path: Path, list_loaded
) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite3")
    window = app.build_main_window(url, demo=True)
    qtbot.addWidget(window)
    app._keep_reopening(window, url)
    window.show()
    list_loaded(window)
    assert window.menuBar().actions()[0].text() == "&File"
    dialog = window.preferences.open()
    qtbot.waitExposed(dialog)
    assert "pcdesk reopens its window in the language you chose" in dialog.note.text()
    dialog.buttons_by_choice[language.CHINESE].click()
    qtbot.mouseClick(
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    try:
        qtbot.waitUntil(lambda: not window.isVisible())
        (replacement,) = _shown_main_windows()
        qtbot.addWidget(replacement)
        list_loaded(replacement)
        assert replacement.menuBar().actions()[0].text() == "檔案(&F)"
        assert replacement.windowTitle().endswith("— pcdesk")
        assert QSettings().value(language.SETTINGS_KEY) == language.CHINESE
        # The next start reads the same choice.
        assert language.language_of(language.saved_choice()) == language.CHINESE
        # And back to English, now from the Chinese window.
        dialog = replacement.preferences.open()
        assert dialog.buttons_by_choice[language.CHINESE].isChecked()
        dialog.buttons_by_choice[language.ENGLISH].click()
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not replacement.isVisible())
        (english,) = _shown_main_windows()
        qtbot.addWidget(english)
        list_loaded(english)
        assert english.menuBar().actions()[0].text() == "&File"
        assert QSettings().value(language.SETTINGS_KEY) == language.ENGLISH
        english.close()
    finally:
        language.install_language(language.ENGLISH)


def test_a_window_that_cannot_close_keeps_its_language_until_restart(
    qtbot: QtBot, tmp_path: Path, list_loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite3")
    window = app.build_main_window(url, demo=True)
    qtbot.addWidget(window)
    app._keep_reopening(window, url)
    window.show()
    list_loaded(window)
    monkeypatch.setattr(window, "close", lambda: False)  # the user kept unsaved edits
    try:
        dialog = window.preferences.open()
        dialog.buttons_by_choice[language.CHINESE].click()
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        assert _shown_main_windows() == [window]
        assert language.current_language() == language.ENGLISH
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert window.statusBar().currentMessage() == (
            "The new language will be used the next time pcdesk starts."
        )
        assert language.saved_choice() == language.CHINESE
    finally:
        language.install_language(language.ENGLISH)
        monkeypatch.undo()
        window.close()


def test_the_system_choice_names_the_system_language(qtbot: QtBot) -> None:
    from pcdesk.views.partner.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.buttons_by_choice[language.SYSTEM].isChecked()
    system = language.system_language()
    expected = "English" if system == language.ENGLISH else "繁體中文 (台灣)"
    assert expected in dialog.buttons_by_choice[language.SYSTEM].text()
    assert dialog.buttons_by_choice[language.CHINESE].text() == "繁體中文 (台灣)(&C)"
