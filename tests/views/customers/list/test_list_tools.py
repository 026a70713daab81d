"""The list's columns, context menus, multi-selection, agreement and tag filters, saved views."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from pcdesk.services.customer_list.query import AgreementFilter
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import get_partner_profile
from pcdesk.views.customers.list.saved_views import SavedView, load_views
from pcdesk.views.customers.list.table_model import COLUMNS
from pcdesk.views.main_window import MainWindow

FIELDS = [field for field, _title in COLUMNS]


def visible_fields(window) -> list[str]:
    header = window.customer_table.horizontalHeader()
    return [f for i, f in enumerate(FIELDS) if not header.isSectionHidden(i)]


def test_default_columns_fit_beside_the_pane_and_the_header_menu_chooses(main_window) -> None:
    window = main_window
    assert "microsoft_id" not in visible_fields(window)  # in the pane's header, with Copy
    assert visible_fields(window)[:2] == ["company_name", "domain"]
    table = window.customer_table
    header = table.horizontalHeader()
    visible = [i for i in range(len(FIELDS)) if not header.isSectionHidden(i)]
    # Every column but the last (which stretches) is in sight beside the pane at 1280 px.
    assert sum(header.sectionSize(i) for i in visible[:-1]) <= table.viewport().width()
    menu = table.column_menu()
    titles = {a.text(): a for a in menu.actions()}
    assert not titles["Company name"].isEnabled()  # always shown
    titles["Microsoft ID"].trigger()
    assert "microsoft_id" in visible_fields(window)


def test_a_cut_value_has_a_tooltip_with_the_whole_value(main_window, qtbot) -> None:
    table = main_window.customer_table
    table.setColumnWidth(0, 40)
    index = main_window.customer_model.index(0, 0)
    rect = table.visualRect(index)
    event = QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == index.data()


def open_row_menu(window, row: int):
    table = window.customer_table
    rect = table.visualRect(window.customer_model.index(row, 0))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, rect.center(), table.viewport().mapToGlobal(rect.center())
    )
    QApplication.sendEvent(table.viewport(), event)
    menu = window.row_menu.last_menu
    assert menu is not None
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def test_the_row_menu_copies_the_microsoft_id_and_the_domain(main_window, settle) -> None:
    window = main_window
    actions = open_row_menu(window, 2)
    row = window.customer_model.row_at(2)
    assert window.customer_table.selected_customer_ids() == [row.id]  # right-click selected it
    assert list(actions) == [
        "Copy Microsoft ID",
        "Copy domain",
        "Edit account info",
        "Request a reseller relationship…",
        "Export selected…",
    ]
    actions["Copy Microsoft ID"].trigger()
    assert QGuiApplication.clipboard().text() == row.microsoft_id
    actions["Copy domain"].trigger()
    assert QGuiApplication.clipboard().text().endswith(".onmicrosoft.com")
    settle()
    actions["Edit account info"].trigger()
    settle()
    tab = window.detail_pane.account_tab
    assert window.detail_pane.current_id == row.id
    assert tab.is_editing()
    tab.cancel_edit()


def test_the_menu_key_opens_the_row_menu_on_the_current_row(main_window, settle) -> None:
    window = main_window
    table = window.customer_table
    table.select_row(3)
    settle()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), table.viewport().mapToGlobal(QPoint(1, 1))
    )
    QApplication.sendEvent(table.viewport(), event)
    assert window.row_menu.last_menu is not None
    assert table.selected_customer_ids() == [window.customer_model.row_at(3).id]


def test_several_rows_are_exported_from_the_row_menu(
    main_window, qtbot, prompts, tmp_path: Path, settle
) -> None:
    window = main_window
    table = window.customer_table
    table.select_row(0)
    for row in (2, 4):
        rect = table.visualRect(window.customer_model.index(row, 0))
        qtbot.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    ids = table.selected_customer_ids()
    assert len(ids) == 3
    actions = open_row_menu(window, 4)  # a selected row: the selection stays
    assert "Export 3 selected customers…" in actions
    target = tmp_path / "selected.csv"
    prompts.file(str(target))
    with qtbot.waitSignal(window.exporter.finished, timeout=10_000) as finished:
        actions["Export 3 selected customers…"].trigger()
    assert finished.args[0] == 3
    with target.open(encoding="utf-8-sig") as handle:
        names = [row["Company name"] for row in csv.DictReader(handle)]
    expected = [window.customer_model.index(r, 0).data() for r in (0, 2, 4)]
    assert sorted(names) == sorted(expected)


def test_filters_by_agreement_and_tag(main_window, list_loaded, qtbot, settle) -> None:
    window = main_window
    bar = window.filter_bar
    settle()
    assert [bar.tag.itemText(i) for i in range(bar.tag.count())] == [
        "All tags",
        "enterprise",
        "healthcare",
        "seasonal",
    ]
    bar.agreement.setCurrentIndex(bar.agreement.findData(AgreementFilter.PENDING))
    list_loaded(window)
    assert window.customer_model.query.agreement is AgreementFilter.PENDING
    assert window.customer_model.rowCount() == 3
    bar.agreement.setCurrentIndex(0)
    bar.tag.setCurrentIndex(bar.tag.findData("healthcare"))
    list_loaded(window)
    assert window.customer_model.rowCount() == 1


def test_a_saved_view_is_kept_in_the_settings_and_applied_again(
    demo_db, main_window, open_main_window, list_loaded, prompts, qtbot, settle
) -> None:
    window = main_window
    bar = window.filter_bar
    bar.search.setText("台")
    bar.agreement.setCurrentIndex(bar.agreement.findData(AgreementFilter.ACCEPTED))
    window.customer_table.horizontalHeader().setSortIndicator(
        FIELDS.index("country"), Qt.SortOrder.DescendingOrder
    )
    list_loaded(window)
    prompts.type_text("Taiwan, accepted")
    window.saved_views.save_action.trigger()
    (view,) = load_views(window.settings)
    assert view.name == "Taiwan, accepted"
    assert view.filters == {"text": "台", "agreement": "accepted"}
    assert (view.sort, view.descending) == ("country", True)

    # Saving under the same name asks before replacing; Cancel is the default.
    prompts.type_text("Taiwan, accepted")
    prompts.answer("Cancel")
    window.saved_views.save_action.trigger()
    assert prompts.asked[-1].default == "Cancel"

    bar.clear()
    list_loaded(window)
    window.saved_views.rebuild()
    (applied,) = [a for a in window.saved_views.menu.actions() if a.text() == "Taiwan, accepted"]
    applied.trigger()
    list_loaded(window)
    query = window.customer_model.query
    assert (query.text, query.agreement, query.descending) == ("台", AgreementFilter.ACCEPTED, True)
    assert query.sort.value == "country"

    # Another window (the next start) has it too: it is in the user's settings.
    profile = get_partner_profile(demo_db)
    other = MainWindow(
        demo_db, profile, DraftStore(Path("/tmp"), "sqlite:///x"), settings=QSettings()
    )
    qtbot.addWidget(other)
    assert [v.name for v in other.saved_views.views()] == ["Taiwan, accepted"]
    window.saved_views.delete("Taiwan, accepted")
    assert other.saved_views.views() == []


def test_the_country_filter_lists_every_country_once_the_window_is_shown(
    demo_db, open_main_window, list_loaded, qtbot
) -> None:
    """The names (CLDR) load after the window's first paint; a saved view naming a country
    finds it even before."""
    hidden = open_main_window(demo_db, shown=False)
    assert hidden.filter_bar.country.count() == 1  # "All countries/regions", until painted
    hidden.apply_view(SavedView("Taiwan", {"country": "TW"}, "company_name", False))
    assert hidden.filter_bar.country.currentText() == "Taiwan"

    window = open_main_window(demo_db)
    countries = window.filter_bar.country
    qtbot.waitUntil(lambda: countries.count() > 200)
    assert countries.itemText(0) == "All countries/regions"
    assert (
        countries.findData("TW") > 0 and countries.itemText(countries.findData("DE")) == "Germany"
    )
    assert countries.currentIndex() == 0
