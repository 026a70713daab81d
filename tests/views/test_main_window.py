"""The main window: menus, search, filters, sort, the detail pane, remembered layout."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import pcdesk
from pcdesk import app
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.customer_list.query import CustomerQuery, SortKey, customer_page
from pcdesk.services.customers.details import get_customer
from pcdesk.services.demo_data import DEMO_CUSTOMERS, seed_demo
from pcdesk.views.main_window import MainWindow


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def shown_names(window: MainWindow) -> list[str]:
    model = window.customer_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def plain(text: str) -> str:
    return text.replace("&", "")


def test_title_menus_and_toolbar(window: MainWindow) -> None:
    assert window.windowTitle() == "Fabrikam Cloud Partners 富碧坎雲端 — pcdesk"
    menus = {
        plain(action.text()): [plain(a.text()) for a in action.menu().actions() if a.text()]
        for action in window.menuBar().actions()
    }
    assert menus["File"] == ["Open database…", "Import price list…", "Preferences…", "Quit"]
    assert menus["Customers"][:6] == [
        "Add customer…",
        "Request a reseller relationship…",
        "Relationship requests…",
        "Remove relationship…",
        "Import customers…",
        "Export customers…",
    ]
    assert menus["Help"] == ["About pcdesk"]
    toolbar = window.findChild(type(window.addToolBar("x")), "customers_toolbar")
    assert toolbar is not None
    for action in toolbar.actions():
        assert not action.icon().isNull() and action.toolTip()


def test_find_focuses_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    window.customer_table.setFocus()
    qtbot.keyClick(window.customer_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_bar.search.hasFocus()


def test_typing_a_search_narrows_the_list_as_the_user_types(
    window: MainWindow, keyboard, list_loaded
) -> None:
    assert window.count_label.text() == f"{len(DEMO_CUSTOMERS)} customers"
    keyboard.type(window.filter_bar.search, "晶片")
    list_loaded(window)
    assert shown_names(window) == ["台灣晶片設計股份有限公司"]
    assert window.count_label.text() == f"1 match · {len(DEMO_CUSTOMERS)} customers"
    window.filter_bar.search.clear()
    keyboard.type(window.filter_bar.search, "台")
    list_loaded(window)
    assert window.count_label.text() == f"2 matches · {len(DEMO_CUSTOMERS)} customers"
    window.filter_bar.search.clear()
    keyboard.type(window.filter_bar.search, "CONTOSOPHARMA.onmicrosoft.com")
    list_loaded(window)
    assert shown_names(window) == ["Contoso Pharmaceuticals"]
    window.clear_filters_action.trigger()
    list_loaded(window)
    assert len(shown_names(window)) == len(DEMO_CUSTOMERS)
    assert window.count_label.text() == f"{len(DEMO_CUSTOMERS)} customers"


def test_filters_by_relationship_and_country(window: MainWindow, list_loaded) -> None:
    bar = window.filter_bar
    bar.country.setCurrentIndex(bar.country.findData("TW"))
    list_loaded(window)
    assert len(shown_names(window)) == 5
    assert {window.customer_model.index(r, 3).data() for r in range(5)} == {"Taiwan"}
    bar.status.setCurrentIndex(bar.status.findText("Former"))
    list_loaded(window)
    assert shown_names(window) == []
    assert window.count_label.text().startswith("No match")


def test_clicking_a_header_sorts_and_clicking_again_reverses(
    window: MainWindow, qtbot: QtBot, demo_db: Database, list_loaded
) -> None:
    header = window.customer_table.horizontalHeader()
    date_added = 8
    assert header.isSectionHidden(date_added)  # hidden at first: the header's menu shows it
    menu = window.customer_table.column_menu()
    (shown,) = [a for a in menu.actions() if a.text() == "Date added"]
    shown.trigger()
    assert not header.isSectionHidden(date_added)
    header.moveSection(header.visualIndex(date_added), 1)  # in sight, whatever the width
    where = QPoint(header.sectionViewportPosition(date_added) + 10, header.height() // 2)
    for descending in (False, True):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
        list_loaded(window)
        query = CustomerQuery(sort=SortKey.CREATED_AT, descending=descending)
        assert window.customer_model.query == query
        expected = [row.company_name for row in customer_page(demo_db, query, limit=100)]
        assert shown_names(window) == expected


def test_selecting_a_customer_shows_it_in_the_detail_pane(window: MainWindow, qtbot: QtBot) -> None:
    table = window.customer_table
    rect = table.visualRect(window.customer_model.index(2, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    expected = window.customer_model.index(2, 0).data(Qt.ItemDataRole.UserRole)
    assert window.detail_pane.current_id == expected


def test_the_detail_pane_makes_its_tabs_once_the_window_is_painted_then_shows_the_first_row(
    demo_db: Database, open_main_window: Any, list_loaded: Any, qtbot: QtBot
) -> None:
    """Start-up (issue 18): the tabs' modules load after the first paint; the customer the list
    selected meanwhile is then read and shown, with the Relationship tab's buttons connected."""
    window = open_main_window(demo_db, shown=False)
    pane = window.detail_pane
    assert not pane.tabs_built
    assert [pane.tabs.tabText(i) for i in range(pane.tabs.count())] == [
        "Account",
        "Agreement",
        "Subscriptions",
        "Relationship",
        "History",
    ]
    window.show()
    qtbot.waitUntil(lambda: pane.tabs_built)
    list_loaded(window)
    first = window.customer_model.index(0, 0).data(Qt.ItemDataRole.UserRole)
    qtbot.waitUntil(lambda: pane.details is not None and pane.details.id == first)
    assert pane.stack.currentWidget() is pane.content
    assert pane.tabs.currentWidget() is pane.account_tab
    assert pane.relationship_tab.remove_button.toolTip()  # follows Remove relationship
    assert pane.agreement_tab.access is not None


def test_the_layout_columns_and_sort_come_back_on_the_next_start(
    demo_db: Database, open_main_window: Any, list_loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pane stays beside the list at this width (the offscreen screen is only 800 px wide).
    monkeypatch.setattr(MainWindow, "NARROW", 600)
    first = open_main_window(demo_db)
    first.resize(760, 560)  # within the offscreen screen (800 x 600)
    header = first.customer_table.horizontalHeader()
    header.resizeSection(0, 333)
    header.moveSection(header.visualIndex(3), 0)  # Country/region first
    header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # most subscriptions first
    list_loaded(first)
    first.splitter.setSizes([300, 440])
    sizes = first.splitter.sizes()
    first.close()

    # pcdesk closes its database with the window; the next start opens it again
    again = open_database(str(demo_db.engine.url))
    second = open_main_window(again)
    header = second.customer_table.horizontalHeader()
    assert (second.width(), second.height()) == (760, 560)
    assert header.sectionSize(0) == 333
    assert header.logicalIndex(0) == 3
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        6,
        Qt.SortOrder.DescendingOrder,
    )
    assert second.customer_model.query == CustomerQuery(sort=SortKey.SUBSCRIPTIONS, descending=True)
    assert second.splitter.sizes() == sizes


def test_open_database_asks_for_a_file_and_the_application_reopens_on_it(
    qtbot: QtBot, tmp_path: Path, prompts: Any, list_loaded
) -> None:
    first_url, other_url = sqlite_url(tmp_path / "a.sqlite3"), sqlite_url(tmp_path / "b.sqlite3")
    other = open_database(other_url)
    seed_demo(other)
    other.dispose()
    window = app.build_main_window(first_url, demo=True)
    qtbot.addWidget(window)
    window.show()
    app._keep_reopening(window, first_url)
    prompts.file(str(tmp_path / "b.sqlite3"))
    window.open_database_action.trigger()
    (asked,) = prompts.opened
    assert asked.caption == "Open database"
    assert "pcdesk databases (*.sqlite3 *.sqlite *.db)" in asked.filters
    qtbot.waitUntil(lambda: not window.isVisible())
    (replacement,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    qtbot.addWidget(replacement)
    assert replacement.db.display_url == other_url
    list_loaded(replacement)
    assert len(shown_names(replacement)) == len(DEMO_CUSTOMERS)


def click_row(window: MainWindow, qtbot: QtBot, row: int) -> int:
    table = window.customer_table
    rect = table.visualRect(window.customer_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return int(window.customer_model.index(row, 0).data(Qt.ItemDataRole.UserRole))


def edit_city(window: MainWindow, qtbot: QtBot, keyboard: Any, city: str) -> None:
    tab = window.detail_pane.account_tab
    qtbot.waitUntil(lambda: window.detail_pane.details is not None and tab.edit_button.isEnabled())
    window.detail_pane.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.is_editing)
    keyboard.replace(tab.form.address.edits["city"], city)


def test_save_on_leaving_an_edit_saves_then_shows_the_customer_picked(
    window: MainWindow, qtbot: QtBot, keyboard: Any, prompts: Any, settle: Any, demo_db: Database
) -> None:
    first = click_row(window, qtbot, 0)
    edit_city(window, qtbot, keyboard, "Oakland")
    prompts.answer("Save")
    second = click_row(window, qtbot, 2)
    settle()
    qtbot.waitUntil(lambda: window.detail_pane.current_id == second)
    assert window.customer_table.current_customer_id() == second
    assert get_customer(demo_db, first).city == "Oakland"


def test_save_on_closing_saves_then_closes(
    window: MainWindow, qtbot: QtBot, keyboard: Any, prompts: Any, settle: Any, demo_db: Database
) -> None:
    first = click_row(window, qtbot, 0)
    edit_city(window, qtbot, keyboard, "Fremont")
    prompts.answer("Save")
    window.close()
    settle()
    qtbot.waitUntil(lambda: not window.isVisible())
    reopened = open_database(str(demo_db.engine.url), migrate=False)  # the window closed its own
    try:
        assert get_customer(reopened, first).city == "Fremont"
    finally:
        reopened.dispose()


def test_about_names_the_installed_version_and_shows_the_application_icon(
    window: MainWindow, qtbot: QtBot
) -> None:
    box = window.about.box()
    qtbot.addWidget(box)
    assert box.text() == f"<b>pcdesk {pcdesk.__version__}</b>"
    assert pcdesk.__version__ == metadata.version("pcdesk")  # pyproject's, as installed
    assert f"Qt {qVersion()}, Python {platform.python_version()}" in box.informativeText()
    # The database's file, not a raw "sqlite:////…" address.
    assert str(window.db.engine.url.database) in box.informativeText()
    assert "sqlite:" not in box.informativeText()
    assert not box.iconPixmap().isNull()
    window.about.action.trigger()  # opens without blocking
    shown = window.findChildren(QMessageBox)
    assert any(dialog.isVisible() for dialog in shown)
