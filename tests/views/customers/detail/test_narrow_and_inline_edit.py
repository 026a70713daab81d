"""Narrow windows cut nothing silently (the pane goes under the list, long values end in "…"),
and the inline Edit saves with Enter and shows a reseller's name, not the end of its text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pcdesk.services.customers.details import get_customer


def show_row(window, settle, predicate) -> int:
    model = window.customer_model
    row = next(r for r in range(model.rowCount()) if predicate(model.row_at(r)))
    window.customer_table.select_row(row)
    settle()
    return model.row_at(row).id


def test_a_narrow_window_puts_the_pane_under_the_list(main_window, qtbot) -> None:
    window = main_window
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.splitter.orientation() == Qt.Orientation.Horizontal)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.splitter.orientation() == Qt.Orientation.Vertical)
    assert not window.detail_pane.tabs.usesScrollButtons()  # every tab in sight


def test_a_long_id_ends_in_an_ellipsis_with_the_whole_value_in_its_tooltip(
    main_window, settle, qtbot
) -> None:
    window = main_window
    settle()
    header = window.detail_pane.header
    full = header.microsoft_id.full_text()
    assert full
    header.microsoft_id.resize(80, header.microsoft_id.height())
    assert header.microsoft_id.is_elided()
    assert header.microsoft_id.text().endswith("…")
    assert header.microsoft_id.toolTip() == full


def test_inline_edit_enter_saves_and_the_reseller_shows_its_name(
    main_window, settle, qtbot, keyboard
) -> None:
    window = main_window
    found = show_row(window, settle, lambda row: row.indirect_reseller.startswith("Litware"))
    tab = window.detail_pane.account_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.edit_button.isEnabled)
    tab.edit()
    qtbot.waitUntil(tab.is_editing)
    settle()
    assert tab.save_button.isDefault()
    reseller = tab.form.reseller.text_edit()
    assert reseller.text().startswith("Litware")
    assert reseller.cursorPosition() == 0  # the name shows, not "… — Partner ID 4410287"
    city = tab.form.address.edits["city"]
    keyboard.replace(city, "Bellevue")
    qtbot.keyClick(city, Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: not tab.is_editing())
    assert get_customer(window.db, found).city == "Bellevue"
