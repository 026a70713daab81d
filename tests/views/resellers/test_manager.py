"""Partner > Indirect resellers…: adding, editing, suspending and importing, as a user does it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.models import PartnerRole, PartnerType, ResellerState
from pcdesk.models.database import Database
from pcdesk.services.customer_list.query import NO_RESELLER, CustomerQuery, count_customers
from pcdesk.services.partner import actor
from pcdesk.services.partner.profile import get_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.resellers.records import (
    ResellerData,
    ResellerInput,
    get_reseller,
    list_resellers,
    update_reseller,
)
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.list.filter_bar import CustomerFilterBar
from pcdesk.views.main_window import MainWindow
from pcdesk.views.resellers.form import ResellerFormDialog
from pcdesk.views.resellers.import_preview import ResellerImportDialog
from pcdesk.views.resellers.launcher import ResellerManagerLauncher
from pcdesk.views.resellers.manager import ResellerManagerDialog
from pcdesk.views.resellers.table_model import COUNTRY, NAME, PARTNER_ID, STATE, TENANT_ID

TENANT = "0f4c2a8e-5b1d-4e7a-9c3f-2d6b8a1e4f70"


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def open_manager(qtbot: QtBot, window: MainWindow) -> ResellerManagerDialog:
    """The manager, once it has read the resellers and the user's role (off the GUI thread)."""
    window.resellers.action.trigger()
    manager = window.resellers.dialog
    assert manager is not None
    qtbot.waitUntil(manager.isVisible)
    settled(qtbot)
    return manager


def settled(qtbot: QtBot) -> None:
    """Every operation started so far has ended and its callbacks have run."""
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


def closed(dialog: QWidget) -> bool:
    """Closed, and maybe deleted already (a saved form is deleted once closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def save(qtbot: QtBot, button: QWidget) -> None:
    """Click a button that writes, and wait for the write and what follows it."""
    click(qtbot, button)
    settled(qtbot)


def shown_rows(manager: ResellerManagerDialog) -> list[tuple[str, ...]]:
    proxy = manager.proxy
    return [
        tuple(
            proxy.index(row, column).data()
            for column in (NAME, PARTNER_ID, TENANT_ID, COUNTRY, STATE)
        )
        for row in range(proxy.rowCount())
    ]


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def select_row(qtbot: QtBot, manager: ResellerManagerDialog, name: str) -> None:
    proxy = manager.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, NAME).data() == name)
    rect = manager.table.visualRect(proxy.index(row, NAME))
    qtbot.mouseClick(manager.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert manager.selected() is not None and manager.selected().name == name


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_form(qtbot: QtBot, manager: ResellerManagerDialog) -> ResellerFormDialog:
    """The add/edit form just opened, active (focus and editingFinished need that)."""
    form = manager.form
    assert isinstance(form, ResellerFormDialog)
    qtbot.waitUntil(form.isVisible)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_the_partner_menu_opens_the_manager_listing_every_reseller(
    qtbot: QtBot, window: MainWindow
) -> None:
    texts = [a.text().replace("&", "") for a in window.partner_menu.actions()]
    assert "Indirect resellers…" in texts
    manager = open_manager(qtbot, window)
    assert manager.windowTitle() == "Indirect resellers"
    assert shown_rows(manager) == [
        ("Adatum Solutions 艾達姆資訊", "6035518", "—", "Taiwan", "Active"),
        ("Litware Inc.", "4410287", "—", "United States", "Active"),
        ("Northwind Traders IT Services", "5120931", "—", "Taiwan", "Active"),
        ("Proseware Partners (suspended)", "3987765", "—", "United States", "Suspended"),
    ]
    # Opening it again shows the same dialog.
    window.resellers.action.trigger()
    assert window.resellers.dialog is manager


@pytest.mark.parametrize(
    ("partner_type", "reason"),
    [
        (PartnerType.DIRECT_BILL, "as a direct-bill partner you sell to customers yourself"),
        (PartnerType.INDIRECT_RESELLER, "you are an indirect reseller yourself"),
    ],
)
def test_other_partners_see_the_action_disabled_with_the_reason(
    qtbot: QtBot, demo_db: Database, partner_type: PartnerType, reason: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    demo_profile = get_partner_profile(demo_db)
    assert demo_profile is not None
    profile = replace(demo_profile, partner_type=partner_type)
    launcher = ResellerManagerLauncher(demo_db, profile, parent)
    assert not launcher.action.isEnabled()
    assert reason in launcher.action.toolTip()
    assert launcher.action.statusTip() == launcher.action.toolTip()
    assert launcher.open() is None


def test_adding_a_reseller_shows_what_is_wrong_then_lists_it_everywhere(
    qtbot: QtBot, window: MainWindow, keyboard, list_loaded
) -> None:
    manager = open_manager(qtbot, window)
    click(qtbot, manager.add_button)
    form = shown_form(qtbot, manager)
    assert form.windowTitle() == "Add indirect reseller"

    keyboard.type(form.name, "Contoso 康圖索")
    keyboard.type(form.partner_id, "48A7")
    keyboard.type(form.tenant_id, "not-a-guid")
    save(qtbot, form.save_button)
    assert form.isVisible()  # refused: still open, with a message next to each bad field
    assert form.messages["partner_id"].text() == (
        "A Partner ID is 5 to 10 digits, like 4847383; “48A7” is not."
    )
    assert form.messages["tenant_id"].text().startswith("“not-a-guid” is not a tenant ID")
    assert form.messages["name"].text() == ""
    assert (form.name.text(), form.partner_id.text(), form.tenant_id.text()) == (
        "Contoso 康圖索",
        "48A7",
        "not-a-guid",
    )
    assert form.partner_id.hasFocus()  # the first field at fault

    keyboard.replace(form.partner_id, "6035518")  # Adatum's
    keyboard.replace(form.tenant_id, TENANT.upper())
    form.country.setCurrentIndex(form.country.findData("TW"))
    save(qtbot, form.save_button)
    assert form.isVisible()
    assert form.messages["partner_id"].text() == (
        "Partner ID 6035518 already belongs to Adatum Solutions 艾達姆資訊."
    )
    assert form.messages["tenant_id"].text() == ""

    keyboard.replace(form.partner_id, "7 204 518")
    click(qtbot, form.save_button)
    assert not form.save_button.isEnabled()  # while it writes: a second click saves nothing
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert closed(form)
    assert [r.name for r in list_resellers(window.db)].count("Contoso 康圖索") == 1
    assert manager.selected() is not None
    assert manager.selected().name == "Contoso 康圖索"
    assert ("Contoso 康圖索", "7204518", TENANT, "Taiwan", "Active") in shown_rows(manager)
    assert manager.status.text() == "Contoso 康圖索 saved."

    # The main window's reseller filter and the wizard's picker offer it now.
    list_loaded(window)
    filter_combo = window.filter_bar.reseller
    assert filter_combo is not None
    assert "Contoso 康圖索" in combo_texts(filter_combo)
    wizard = window.add_customer.start()
    assert wizard is not None
    qtbot.waitUntil(runner().is_idle)  # the wizard reads the resellers off the GUI thread
    picker = wizard.account_page.form.reseller
    assert any(
        text.startswith("Contoso 康圖索 — Partner ID 7204518") for text in combo_texts(picker)
    )
    wizard.reject()


def test_the_form_grows_to_show_its_messages_whole(qtbot: QtBot, window, keyboard) -> None:
    # Messages of two lines under the fields once squeezed the rows and were cut.
    manager = open_manager(qtbot, window)
    click(qtbot, manager.add_button)
    form = shown_form(qtbot, manager)
    before = form.height()
    save(qtbot, form.save_button)
    assert form.messages["tenant_id"].text().startswith("Enter the reseller's tenant ID")
    layout = form.layout()
    assert layout is not None
    qtbot.waitUntil(lambda: form.height() >= layout.totalHeightForWidth(form.width()))
    assert form.height() > before
    form.reject()


def test_a_live_message_appears_when_leaving_a_bad_field(qtbot: QtBot, window, keyboard) -> None:
    manager = open_manager(qtbot, window)
    manager.add()
    form = shown_form(qtbot, manager)
    keyboard.type(form.tenant_id, "1234")
    keyboard.leave(form.tenant_id)
    assert form.messages["tenant_id"].text().startswith("“1234” is not a tenant ID")
    keyboard.replace(form.tenant_id, TENANT)
    keyboard.leave(form.tenant_id)
    assert form.messages["tenant_id"].text() == ""
    form.reject()


def test_suspending_keeps_the_reseller_in_the_filter_but_not_in_the_wizard(
    qtbot: QtBot, window: MainWindow, prompts, list_loaded
) -> None:
    manager = open_manager(qtbot, window)
    prompts.answer("Cancel", "Suspend")
    select_row(qtbot, manager, "Litware Inc.")
    assert manager.suspend_button.isEnabled() and not manager.reactivate_button.isEnabled()
    litware_customers = count_customers(
        window.db, CustomerQuery(indirect_reseller_id=manager.selected().id)
    )
    assert litware_customers > 0
    save(qtbot, manager.suspend_button)  # the user cancels
    assert manager.selected().state is ResellerState.ACTIVE
    save(qtbot, manager.suspend_button)  # the user confirms
    assert [(asked.title, asked.text) for asked in prompts.asked] == [
        ("Suspend reseller", "Suspend Litware Inc.?")
    ] * 2
    assert f"the customers it has now ({litware_customers})" in prompts.asked[0].informative
    assert prompts.asked[0].default == "Cancel"
    assert manager.selected().state is ResellerState.SUSPENDED
    assert ("Litware Inc.", "4410287", "—", "United States", "Suspended") in shown_rows(manager)
    assert manager.reactivate_button.isEnabled() and not manager.suspend_button.isEnabled()
    assert "its customers keep it" in manager.status.text()

    # Still a filter in the main window (its customers keep it) ...
    list_loaded(window)
    filter_combo = window.filter_bar.reseller
    assert filter_combo is not None
    assert "Litware Inc." in combo_texts(filter_combo)
    # ... but no longer offered to a new customer.
    wizard = window.add_customer.start()
    assert wizard is not None
    qtbot.waitUntil(runner().is_idle)  # the wizard reads the resellers off the GUI thread
    offered = combo_texts(wizard.account_page.form.reseller)
    assert not any("Litware" in text for text in offered)
    assert any("Northwind Traders IT Services" in text for text in offered)
    wizard.reject()

    save(qtbot, manager.reactivate_button)
    assert manager.selected().state is ResellerState.ACTIVE
    assert [r.name for r in list_resellers(window.db)].count("Litware Inc.") == 1


def test_the_filter_bar_keeps_its_choice_and_shows_a_new_name(
    qtbot: QtBot, window: MainWindow, keyboard, list_loaded
) -> None:
    combo = window.filter_bar.reseller
    assert combo is not None
    litware = next(r for r in list_resellers(window.db) if r.name == "Litware Inc.")
    combo.setCurrentIndex(combo.findData(litware.id))
    list_loaded(window)
    before = window.customer_model.rowCount()
    assert before > 0

    manager = open_manager(qtbot, window)
    select_row(qtbot, manager, "Litware Inc.")
    changed: list[int] = []
    window.filter_bar.changed.connect(lambda: changed.append(1))
    click(qtbot, manager.edit_button)
    form = shown_form(qtbot, manager)
    assert form.windowTitle() == "Edit indirect reseller"
    keyboard.replace(form.name, "Litware Group 利特威")
    keyboard.replace(form.tenant_id, TENANT)
    save(qtbot, form.save_button)
    assert closed(form)
    list_loaded(window)

    assert combo.currentData() == litware.id
    assert combo.currentText() == "Litware Group 利特威"
    assert "Litware Inc." not in combo_texts(combo)
    assert changed == []  # the same filter: no new query for it
    list_loaded(window)
    assert window.customer_model.rowCount() == before
    column = 5  # Indirect reseller
    assert window.customer_model.index(0, column).data() == "Litware Group 利特威"


def test_the_table_filters_and_sorts(qtbot: QtBot, window: MainWindow, keyboard) -> None:
    manager = open_manager(qtbot, window)
    keyboard.type(manager.filter, "taiwan")
    assert [row[0] for row in shown_rows(manager)] == [
        "Adatum Solutions 艾達姆資訊",
        "Northwind Traders IT Services",
    ]
    keyboard.replace(manager.filter, "艾達")
    assert [row[0] for row in shown_rows(manager)] == ["Adatum Solutions 艾達姆資訊"]
    manager.filter.clear()
    header = manager.table.horizontalHeader()
    x = header.sectionViewportPosition(PARTNER_ID) + header.sectionSize(PARTNER_ID) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [row[1] for row in shown_rows(manager)] == ["3987765", "4410287", "5120931", "6035518"]


def write_csv(tmp_path: Path) -> Path:
    path = tmp_path / "resellers.csv"
    path.write_bytes(
        (
            "\ufeffCompany name,MPN ID,Microsoft ID,Location\r\n"
            f'"Wingtip Toys, Inc.",7311452,{TENANT},United States\r\n'
            "\r\n"
            "Fourth Coffee 第四咖啡,5550001,not-a-guid,TW\r\n"
            "Litware Inc.,4410287,,Canada\r\n"
        ).encode()
    )
    return path


def test_importing_a_csv_previews_each_row_then_imports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, prompts, list_loaded
) -> None:
    manager = open_manager(qtbot, window)
    path = write_csv(tmp_path)
    prompts.file(str(path))
    save(qtbot, manager.import_button)
    preview = manager.import_dialog
    assert isinstance(preview, ResellerImportDialog)
    qtbot.waitUntil(preview.isVisible)
    table = preview.table
    rows = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    assert [row[:4] for row in rows] == [
        ["2", "New", "", "Wingtip Toys, Inc."],
        [
            "4",
            "Invalid",
            "Tenant ID: “not-a-guid” is not a tenant ID, a GUID like "
            "72f988bf-86f1-41af-91ab-2d7cd011db47.",
            "Fourth Coffee 第四咖啡",
        ],
        ["5", "Update", "Country/region: United States → Canada", "Litware Inc."],
    ]
    assert preview.summary.text() == (
        "resellers.csv — New: 1 · To update: 1 · Unchanged: 0 · Duplicate: 0 · Invalid: 1"
    )
    # An invalid row blocks the import until the user chooses to skip it.
    assert not preview.import_button.isEnabled()
    assert preview.message.text() == "Correct the invalid rows in the file, or choose to skip them."
    preview.skip_invalid.click()
    click(qtbot, preview.import_button)
    assert not preview.import_button.isEnabled()  # while it writes: no second import
    settled(qtbot)
    assert closed(preview)

    assert ("Wingtip Toys, Inc.", "7311452", TENANT, "United States", "Active") in shown_rows(
        manager
    )
    assert ("Litware Inc.", "4410287", "—", "Canada", "Active") in shown_rows(manager)
    assert "Fourth Coffee 第四咖啡" not in [row[0] for row in shown_rows(manager)]
    assert manager.status.text() == (
        "Resellers added: 1, updated: 1, unchanged: 0. Rows left out: invalid 1, duplicate 0."
    )
    list_loaded(window)
    filter_combo = window.filter_bar.reseller
    assert filter_combo is not None
    assert "Wingtip Toys, Inc." in combo_texts(filter_combo)


def test_a_file_that_is_not_a_reseller_list_is_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, prompts
) -> None:
    manager = open_manager(qtbot, window)
    path = tmp_path / "prices.csv"
    path.write_text("ProductTitle,ProductId\nx,y\n", encoding="utf-8")
    prompts.file(str(path))
    save(qtbot, manager.import_button)
    assert manager.import_dialog is None
    assert manager.status.is_error()
    assert manager.status.text().startswith("The first line of the file must name the columns")


def test_an_edit_over_another_workstations_change_shows_it_first(
    qtbot: QtBot, window: MainWindow, keyboard
) -> None:
    manager = open_manager(qtbot, window)
    select_row(qtbot, manager, "Northwind Traders IT Services")
    click(qtbot, manager.edit_button)
    form = shown_form(qtbot, manager)
    keyboard.replace(form.name, "Northwind IT (mine)")
    keyboard.replace(form.tenant_id, TENANT)
    # Meanwhile another workstation renames it.
    northwind = manager.selected()
    assert northwind is not None
    update_reseller(
        window.db, northwind.id, ResellerInput("Northwind IT (theirs)", "5120931", "", "TW")
    )
    save(qtbot, form.save_button)
    assert form.isVisible()
    assert "It now reads: Northwind IT (theirs), Partner ID 5120931" in form.notice.text()
    assert form.name.text() == "Northwind IT (mine)"  # what the user typed stays
    assert get_reseller(window.db, northwind.id).name == "Northwind IT (theirs)"
    save(qtbot, form.save_button)  # knowingly replacing theirs
    assert closed(form)
    assert get_reseller(window.db, northwind.id).name == "Northwind IT (mine)"
    assert manager.selected() is not None
    assert manager.selected().name == "Northwind IT (mine)"


def test_the_filter_bar_falls_back_to_all_when_its_reseller_is_gone(qtbot: QtBot) -> None:
    first = ResellerData(1, "Alpine Ski House", "5550001", "US", ResellerState.ACTIVE)
    second = ResellerData(2, "Blue Yonder 藍天", "5550002", "TW", ResellerState.SUSPENDED)
    bar = CustomerFilterBar((first, second))
    qtbot.addWidget(bar)
    combo = bar.reseller
    assert combo is not None
    assert combo_texts(combo) == [
        "All resellers",
        "None (billed directly)",
        "Alpine Ski House",
        "Blue Yonder 藍天",
    ]
    combo.setCurrentIndex(combo.findData(2))
    with qtbot.assertNotEmitted(bar.changed):
        bar.set_resellers((first, replace(second, name="Blue Yonder Airlines")))
    assert (combo.currentText(), combo.currentData()) == ("Blue Yonder Airlines", 2)
    with qtbot.waitSignal(bar.changed, timeout=1000):
        bar.set_resellers((first,))
    assert combo.currentText() == "All resellers"
    assert bar.apply_to(CustomerQuery()).indirect_reseller_id is None
    combo.setCurrentIndex(combo.findData(NO_RESELLER))
    with qtbot.assertNotEmitted(bar.changed):
        bar.set_resellers(())
    assert combo.currentText() == "None (billed directly)"


def test_a_sales_agent_sees_the_resellers_but_every_change_is_disabled_saying_why(
    qtbot: QtBot,
    demo_db: Database,
    open_main_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_team(
        demo_db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("sam", frozenset({PartnerRole.SALES_AGENT})),
        ],
        actor="ana",
    )
    monkeypatch.setattr(actor, "_acting_as", ["sam"])
    window = open_main_window(demo_db)
    manager = open_manager(qtbot, window)
    before = list_resellers(demo_db, active_only=False)
    assert len(shown_rows(manager)) == len(before)  # the list is there to see
    select_row(qtbot, manager, "Litware Inc.")

    reason = (
        "Your role cannot do this. It needs: Global admin / Admin agent. Ask your Global admin "
        "for the role."
    )
    buttons = (
        manager.add_button,
        manager.edit_button,
        manager.suspend_button,
        manager.reactivate_button,
        manager.import_button,
    )
    for button in buttons:
        assert not button.isEnabled()
        assert button.toolTip() == reason
    assert manager.read_only.text() == f"You can see the resellers but not change them. {reason}"
    # A double-click (or any other way in) opens no form.
    manager.table.doubleClicked.emit(manager.table.currentIndex())
    assert manager.add() is None and manager.edit() is None
    assert manager.form is None
    manager.suspend()
    assert list_resellers(demo_db, active_only=False) == before
