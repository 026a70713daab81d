"""GUI test helpers: typing as a user does (including text QTest.keyClicks cannot send), the one
object that answers every question pcdesk asks, and waiting for operations."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.partner_center import auth
from pcdesk.services.catalog.offers import import_starter_catalog, markets
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import PartnerProfileData, get_partner_profile
from pcdesk.views.common.gui_gc import GuiGarbageCollector
from pcdesk.views.common.mnemonics import button_text
from pcdesk.views.common.operations import runner
from pcdesk.views.common.prompts import Prompter, install_prompter
from pcdesk.views.customers.add import AddCustomerWizard
from pcdesk.views.main_window import MainWindow
from pcsimulator.server import running
from pcsimulator.state import Simulator
from tests.tokens import jwt


@dataclass
class Asked:
    """A question as the user saw it: its title, text, details and buttons (mnemonics removed),
    the default button (Enter) and the one Esc clicks."""

    title: str
    text: str
    informative: str
    buttons: list[str]
    default: str | None
    escape: str | None = None


@dataclass
class FileAsked:
    """A file dialog as the user saw it: its caption, the path it suggested ("" when opening)
    and its filters."""

    caption: str
    suggested: str
    filters: str


@dataclass
class ScriptedPrompter(Prompter):
    """Answers from a script: ``answer("Cancel request")`` clicks that button in the next box,
    ``file("/tmp/x.csv")`` names the next file; every question asked is kept in ``asked``, every
    file dialog in ``opened`` or ``saved``. A question with no answer scripted fails the test,
    rather than hanging it, unless ``whenever`` said how to answer that question every time."""

    answers: deque[str | Callable[[Asked], str | None] | None] = field(default_factory=deque)
    files: deque[str] = field(default_factory=deque)
    asked: list[Asked] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)  # the HTML of each document printed
    texts: deque[str | None] = field(default_factory=deque)  # typed in the next text questions
    opened: list[FileAsked] = field(default_factory=list)
    saved: list[FileAsked] = field(default_factory=list)
    standing: dict[str, str] = field(default_factory=dict)

    def answer(self, *buttons: str | Callable[[Asked], str | None] | None) -> None:
        """The buttons to click in the next boxes, in order (None: close the box)."""
        self.answers.extend(buttons)

    def whenever(self, text: str, button: str) -> None:
        """Click ``button`` whenever the question ``text`` is asked with no answer scripted (a
        question a window asks as it is closed at the end of a test)."""
        self.standing[text] = button

    def file(self, *paths: str) -> None:
        """The files to choose in the next file dialogs ("" cancels)."""
        self.files.extend(paths)

    def ask(self, box: QMessageBox) -> QAbstractButton | None:
        buttons = {button_text(b.text()): b for b in box.buttons()}
        default, escape = box.defaultButton(), box.escapeButton()
        asked = Asked(
            box.windowTitle(),
            box.text(),
            box.informativeText(),
            list(buttons),
            button_text(default.text()) if default is not None else None,
            button_text(escape.text()) if escape is not None else None,
        )
        self.asked.append(asked)
        if self.answers:
            answer = self.answers.popleft()
        else:
            assert asked.text in self.standing, f"no answer scripted for the question {asked}"
            answer = self.standing[asked.text]
        if callable(answer):
            answer = answer(asked)
        # The box is left to its parent, as exec() leaves it (not deleted while the widget that
        # asked, a wizard closing at a test's end, is itself being closed).
        if answer is None:
            return None
        assert answer in buttons, f"{answer!r} is not one of {list(buttons)}"
        return buttons[answer]

    def open_file(self, parent: QWidget | None, caption: str, filters: str) -> str:
        self.opened.append(FileAsked(caption, "", filters))
        assert self.files, f"no file scripted for {caption!r}"
        return self.files.popleft()

    def save_file(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        self.saved.append(FileAsked(caption, suggested, filters))
        assert self.files, f"no file scripted for {caption!r}"
        return self.files.popleft()

    def print_document(self, parent: QWidget | None, title: str, html: str) -> bool:
        self.printed.append(html)
        return True

    def type_text(self, *texts: str | None) -> None:
        """What the user types in the next text questions (None cancels)."""
        self.texts.extend(texts)

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        assert self.texts, f"no text scripted for {title!r}"
        return self.texts.popleft()


class Keyboard:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def type(self, widget: QWidget, text: str) -> None:
        """Type ``text`` key by key, in any script (QTest.keyClicks aborts on non-ASCII)."""
        widget.setFocus()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )

    def replace(self, edit: QLineEdit, text: str) -> None:
        edit.selectAll()
        edit.del_()
        self.type(edit, text)

    def leave(self, edit: QLineEdit) -> None:
        """Tab out of a field, as a user leaving it (editingFinished fires)."""
        self.qtbot.keyClick(edit, Qt.Key.Key_Tab)


@pytest.fixture
def keyboard(qtbot: QtBot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture(autouse=True)
def us_english() -> Iterator[None]:
    """Prices, dates and counts read as in en_US whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def catalog_db(sqlite_db: Database) -> Database:
    """An empty database with the starter catalog (US and Taiwan offers)."""
    import_starter_catalog(sqlite_db)
    return sqlite_db


@pytest.fixture(autouse=True)
def _private_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts and other per-user files go to a temporary folder, never the tester's own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setattr("pcdesk.config.data_dir", lambda: folder)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> None:
    """Window sizes, columns and sort are remembered in a temporary INI file, per test."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("pcdesk")
    qapp.setApplicationName("pcdesk")


@pytest.fixture(autouse=True)
def prompts() -> Iterator[ScriptedPrompter]:
    """Answers every question a dialog asks; a question the test did not script fails it."""
    scripted = ScriptedPrompter()
    previous = install_prompter(scripted)
    yield scripted
    install_prompter(previous)


@pytest.fixture
def settle(qtbot: QtBot) -> Callable[[], None]:
    """Waits until every operation started so far has finished and its callbacks have run (an
    operation works off the GUI thread, as it does for a user)."""

    def wait() -> None:
        qtbot.waitUntil(runner().is_idle, timeout=10_000)

    return wait


@pytest.fixture
def sqlite_db(sqlite_db: Database, qtbot: QtBot) -> Iterator[Database]:
    """The test's database stays open until its operations are over (one may still read it)."""
    yield sqlite_db
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread() -> Iterator[None]:
    """As in the application (views/common/gui_gc.py): no cyclic collection on a worker thread
    while a GUI test runs; what the test left is collected here, on the GUI thread."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    started = QApplication.instance()
    collector = started.findChild(GuiGarbageCollector) if started is not None else None
    if collector is not None:  # app.main() installed the application's own: not past its test
        collector.setParent(None)
        collector.deleteLater()
        was_enabled = True
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def _operations_end_with_their_test(qtbot: QtBot, qapp: QApplication) -> Iterator[None]:
    """No operation of one test finishes in the next: each test waits for its own."""
    yield
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


@pytest.fixture
def list_loaded(qtbot: QtBot) -> Callable[[MainWindow], MainWindow]:
    """Waits until a window's customer list, and whatever else it reads, has been read (off the
    GUI thread); for a window shown, its detail pane's tabs too, which are made once the list's
    first rows are painted (with the customer the list selected)."""

    def loaded(window: MainWindow) -> bool:
        if not (window.customer_model.is_idle() and runner().is_idle()):
            return False
        return window.detail_pane.tabs_built or not window.isVisible()

    def wait(window: MainWindow) -> MainWindow:
        qtbot.waitUntil(lambda: loaded(window))
        return window

    return wait


# ---------------------------------------------------------------------------------------------
# The Add customer wizard, driven as a user drives it: typing, tabbing, clicking real buttons.


CLOSE_QUESTION = "Keep what you entered for this customer?"


class WizardDriver:
    def __init__(
        self,
        qtbot: QtBot,
        keyboard: Keyboard,
        db: Database,
        drafts: DraftStore,
        prompts: ScriptedPrompter,
    ) -> None:
        self.qtbot = qtbot
        self.keyboard = keyboard
        self.db = db
        self.drafts = drafts
        self.prompts = prompts

    @property
    def close_questions(self) -> int:
        """How often closing the wizard asked whether to keep what was entered."""
        return sum(asked.text == CLOSE_QUESTION for asked in self.prompts.asked)

    def open(self, access: Any = None) -> AddCustomerWizard:
        """``access``: the wizard's view of Partner Center (None: not used)."""
        profile = get_partner_profile(self.db)
        assert profile is not None
        wizard = AddCustomerWizard(self.db, profile, self.drafts, access=access)
        self.qtbot.addWidget(wizard)
        wizard.show()
        wizard.activateWindow()  # focus, and so editingFinished on Tab, needs an active window
        self.qtbot.waitUntil(wizard.isActiveWindow)
        return wizard

    def type_into(self, widget: QWidget, text: str, *, leave: bool = True) -> None:
        if isinstance(widget, QLineEdit):
            self.keyboard.replace(widget, text)
        else:
            self.keyboard.type(widget, text)
        if leave:
            self.qtbot.keyClick(widget, Qt.Key.Key_Tab)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Pick an entry the way a keyboard user does: open the list, type its name, Enter."""
        combo.setFocus()
        combo.showPopup()
        view = combo.view()
        view.keyboardSearch("")  # a fresh search, not one continuing the previous choice's
        view.keyboardSearch(text)  # what the list does with typed letters, spaces included
        self.qtbot.keyClick(view, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: not view.isVisible())
        # Offscreen, the closed list can stay the active window once events run: the user is
        # back in the wizard.
        combo.window().activateWindow()
        self.qtbot.waitUntil(combo.window().isActiveWindow)
        assert combo.currentText().startswith(text), combo.currentText()
        self.qtbot.keyClick(combo, Qt.Key.Key_Tab)

    def fill_account(self, wizard: AddCustomerWizard, values: dict[str, str]) -> None:
        """Company first, then the country (it decides the address fields), then the rest."""
        form = wizard.account_page.form
        for name, text in values.items():
            if name == "country":
                self.choose(form.country, text)
            elif name == "state" and form.address.has_state_list():
                self.choose(form.address.state_list, text)
            elif name == "domain_prefix":
                self.type_into(form.domain.edit, text)
            else:
                self.type_into(form.editor(name), text)

    def click(self, wizard: AddCustomerWizard, which: QWizard.WizardButton) -> None:
        button = wizard.button(which)
        self.qtbot.waitUntil(button.isEnabled, timeout=3000)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def add_offer(self, wizard: AddCustomerWizard, search: str, licenses: int) -> None:
        picker = wizard.subscriptions_page.picker
        self.type_into(picker.search, search, leave=False)

        def listed() -> bool:  # the market's offers are read off the GUI thread
            model = picker.model
            return runner().is_idle() and any(
                search in model.offer(row).sku_title and model.offer(row).market == picker.market()
                for row in range(model.rowCount())
            )

        self.qtbot.waitUntil(listed, timeout=3000)
        row = next(
            row
            for row in range(picker.model.rowCount())
            if search in picker.model.offer(row).sku_title
        )
        table = picker.table
        rect = table.visualRect(picker.model.index(row, 0))
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        picker.quantity.selectAll()
        self.qtbot.keyClicks(picker.quantity, str(licenses))
        self.qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)


US_ACCOUNT = {
    "company_name": "Northwind Traders",
    "country": "United States",
    "address_line1": "1 Microsoft Way",
    "city": "Redmond",
    "state": "Washington",
    "postal_code": "98052",
    "contact_first_name": "Ana",
    "contact_last_name": "Trujillo",
    "contact_email": "ana@northwindtraders.com",
    "contact_phone": "+1 425 555 0100",
}
TW_ACCOUNT = {
    "company_name": "北風貿易股份有限公司",
    "country": "Taiwan",
    "postal_code": "110",
    "state": "台北市",
    "city": "信義區",
    "address_line1": "信義路五段7號",
    "contact_first_name": "美玲",
    "contact_last_name": "陳",
    "contact_email": "meiling@northwind.com.tw",
    "contact_phone": "02 2720 1234",
    "domain_prefix": "northwindtw",
}


@pytest.fixture
def demo_db(sqlite_db: Database) -> Database:
    seed_demo(sqlite_db)
    if not markets(sqlite_db):
        import_starter_catalog(sqlite_db)
    return sqlite_db


@pytest.fixture
def wizard_driver(
    qtbot: QtBot,
    keyboard: Keyboard,
    demo_db: Database,
    tmp_path: Path,
    prompts: ScriptedPrompter,
) -> WizardDriver:
    drafts = DraftStore(tmp_path / "drafts", "sqlite:///x")
    # A wizard left with something typed in asks as the test's end closes it.
    prompts.whenever(CLOSE_QUESTION, "Discard")
    return WizardDriver(qtbot, keyboard, demo_db, drafts, prompts)


@pytest.fixture
def us_account() -> dict[str, str]:
    return dict(US_ACCOUNT)


@pytest.fixture
def tw_account() -> dict[str, str]:
    return dict(TW_ACCOUNT)


# ---------------------------------------------------------------------------------------------
# The main window, as a user opens it: shown, active, its list and first reads done.

OpenMainWindow = Callable[..., MainWindow]


@pytest.fixture
def open_main_window(
    qtbot: QtBot, tmp_path: Path, list_loaded: Callable[[MainWindow], MainWindow]
) -> OpenMainWindow:
    """Opens a main window on a database (with its partner profile, or the one given): shown,
    active, its list and first reads done. ``shown=False`` only builds it (nothing waited for)."""

    def open_window(
        db: Database, profile: PartnerProfileData | None = None, *, shown: bool = True
    ) -> MainWindow:
        profile = profile or get_partner_profile(db)
        assert profile is not None
        window = MainWindow(db, profile, DraftStore(tmp_path / "drafts", "sqlite:///x"))
        qtbot.addWidget(window)
        if not shown:
            return window
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return list_loaded(window)

    return open_window


@pytest.fixture
def main_window(demo_db: Database, open_main_window: OpenMainWindow) -> MainWindow:
    """The main window on the demo database."""
    return open_main_window(demo_db)


@pytest.fixture
def connected(sim: Simulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test module's ``sim`` served on 127.0.0.1, pcdesk pointed at it and signed in (a
    token with MFA, as Partner Center asks): the simulator's address."""
    with running(sim) as url:
        monkeypatch.setenv(auth.API_ENV, url)
        monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="mei@partner.example", amr=["mfa"]))
        yield url
