"""The list and the pane: the pane shows the highlighted row, or says that none is; an empty list
says what to do next, with links that do it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pcdesk.services.demo_data import DEMO_PARTNER
from pcdesk.services.partner.profile import set_partner_profile


def selected_ids(window) -> list[int]:
    table = window.customer_table
    return [index.data(Qt.ItemDataRole.UserRole) for index in table.selectionModel().selectedRows()]


def test_at_start_the_pane_shows_the_highlighted_first_row(main_window, settle) -> None:
    window = main_window
    settle()
    first = window.customer_model.index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert selected_ids(window) == [first]
    assert window.detail_pane.current_id == first


def test_a_search_matching_nothing_empties_the_pane_and_says_so(
    main_window, keyboard, list_loaded, settle, qtbot
) -> None:
    window = main_window
    keyboard.type(window.filter_bar.search, "zzzz")
    qtbot.waitUntil(lambda: window.customer_model.query.text == "zzzz")
    list_loaded(window)
    settle()
    assert window.customer_model.rowCount() == 0
    assert window.detail_pane.current_id is None
    assert window.detail_pane.empty.text() == "No customer selected"
    assert window.detail_pane.stack.currentWidget() is window.detail_pane.empty
    message = window.customer_table.empty_message()
    assert "No customers match “zzzz”." in message and "Show all customers" in message

    # The link shows everyone again, and the pane follows the first row.
    window.customer_table.empty_link_activated.emit("show-all")
    list_loaded(window)
    settle()
    assert window.filter_bar.search.text() == ""
    assert window.customer_table.empty_message() == ""
    assert window.detail_pane.current_id == selected_ids(window)[0]


def test_a_search_keeps_the_shown_customer_when_it_still_matches(
    main_window, keyboard, list_loaded, settle, qtbot
) -> None:
    window = main_window
    settle()
    row = next(
        r
        for r in range(window.customer_model.rowCount())
        if "台灣" in window.customer_model.index(r, 0).data()
    )
    window.customer_table.select_row(row)
    settle()
    shown = window.detail_pane.current_id
    keyboard.type(window.filter_bar.search, "台")
    qtbot.waitUntil(lambda: window.customer_model.query.text == "台")
    list_loaded(window)
    settle()
    assert window.detail_pane.current_id == shown
    assert selected_ids(window) == [shown]


def test_a_new_database_says_how_to_add_or_import(
    sqlite_db, open_main_window, settle, prompts
) -> None:
    set_partner_profile(sqlite_db, DEMO_PARTNER)
    window = open_main_window(sqlite_db)
    settle()
    message = window.customer_table.empty_message()
    assert "No customers yet." in message
    assert "Add customer (Ctrl+N)" in message and "Import customers…" in message
    assert window.detail_pane.current_id is None
    opened: list[bool] = []
    window.add_customer.action.triggered.connect(lambda: opened.append(True))
    window.add_customer.action.triggered.disconnect()
    window.add_customer.action.triggered.connect(lambda: opened.append(True))
    window.customer_table.empty_link_activated.emit("add")
    assert opened == [True]
