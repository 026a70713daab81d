"""Keeps the customer list's selection and the detail pane in step: the pane shows the customer
of the highlighted row, and a list read again (a search, a filter, a sort, a refresh, a customer
added or acted on) selects the customer the pane shows, or else the pane follows the list. Once a
list has arrived it also says, when empty, why and what to do next."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from pcdesk.views.customers.detail import CustomerDetailPane
from pcdesk.views.customers.list.filter_bar import CustomerFilterBar
from pcdesk.views.customers.list.table_model import PAGE_SIZE, CustomerTableModel
from pcdesk.views.customers.list.table_view import CustomerTableView


class CustomerListSelection(QObject):
    def __init__(
        self,
        customer_table: CustomerTableView,
        customer_model: CustomerTableModel,
        detail_pane: CustomerDetailPane,
        filter_bar: CustomerFilterBar,
        *,
        clear_filters_action: QAction,
        add_customer_action: QAction,
        import_customers_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.customer_table = customer_table
        self.customer_model = customer_model
        self.detail_pane = detail_pane
        self.filter_bar = filter_bar
        # What the empty list's links do: "show-all", "add" and "import".
        self.clear_filters_action = clear_filters_action
        self.add_customer_action = add_customer_action
        self.import_customers_action = import_customers_action

        self._shown_id: int | None = None  # the customer in the detail pane
        self._find_after_load: int | None = None  # a customer to select once the list is in
        self._following = True  # the detail pane follows the current row

        model = self.customer_model
        model.first_rows_ready.connect(self._list_arrived)
        model.dataChanged.connect(self._follow_current_row)
        selection = self.customer_table.selectionModel()
        selection.currentRowChanged.connect(self._follow_current_row)
        self.customer_table.empty_link_activated.connect(self._empty_state_link)
        model.idle.connect(self._show_list_empty_state)

    def show_customer(self, customer_id: int) -> None:
        """The customer acted on elsewhere (a request accepted, a relationship removed) is shown;
        the list selects it once read again (``refresh``)."""
        self._shown_id = customer_id
        self.detail_pane.show_customer(customer_id)

    def refresh(self) -> None:
        """Read the list again, keeping the shown customer selected if it is still listed."""
        self._find_after_load = self._shown_id
        self.customer_model.refresh()

    def _list_arrived(self) -> None:
        """The list was reset (a new search, filter, sort or refresh): select the shown customer.

        A customer asked for by id (just added or changed, or on Refresh) is looked up in the
        database by the list's worker, one indexed count; otherwise only the first page is
        looked at, so typing in the search box never costs a count per keystroke.
        """
        wanted, self._find_after_load = self._find_after_load, None
        if wanted is not None:
            self._show_list_empty_state()
            self.customer_model.find_row(wanted, self._select_arrived)
            return
        shown = self._shown_id
        self._select_arrived(None if shown is None else self._row_in_first_page(shown))

    def _select_arrived(self, row: int | None) -> None:
        """Select the shown customer's row in the list just arrived (``row``, None when it is not
        listed), or else follow the list."""
        found = None if row is None else self.customer_model.row_at(row)
        if row is not None and found is not None and found.id == self._shown_id:
            self._select_quietly(row)  # the pane already shows it
        else:
            self._follow_list_without_shown(row)
        self._show_list_empty_state()

    def _follow_list_without_shown(self, row: int | None) -> None:
        """The pane always shows the highlighted row: the customer asked for, else the first row,
        else nobody ("No customer selected"). An edit in progress is never dropped here."""
        if self.detail_pane.has_unsaved_edits():
            return
        if row is None and self.customer_model.rowCount() > 0:
            row = 0
        if row is not None:
            self.customer_table.select_row(row)  # the pane follows the current row
            return
        self.customer_table.clearSelection()
        self._shown_id = None
        self.detail_pane.show_customer(None)

    def _show_list_empty_state(self) -> None:
        """An empty list says why and what to do next, with links that do it."""
        model = self.customer_model
        if model.rowCount() > 0 or not model.is_idle():
            self.customer_table.set_empty_message("")
        elif model.query.is_filtered:
            search = self.filter_bar.search.text().strip()
            text = (
                self.tr("No customers match “{search}”.").format(search=html.escape(search))
                if search
                else self.tr("No customers match these filters.")
            )
            self.customer_table.set_empty_message(
                "{text}<br><a href='show-all'>{show_all}</a>".format(
                    text=text, show_all=html.escape(self.tr("Show all customers"))
                )
            )
        else:
            shortcut = self.add_customer_action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.customer_table.set_empty_message(
                "{text}<br><a href='add'>{add}</a> · <a href='import'>{imported}</a>".format(
                    text=html.escape(self.tr("No customers yet.")),
                    add=html.escape(self.tr("Add customer ({shortcut})").format(shortcut=shortcut)),
                    imported=html.escape(self.tr("Import customers…")),
                )
            )

    def _empty_state_link(self, link: str) -> None:
        actions = {
            "show-all": self.clear_filters_action,
            "add": self.add_customer_action,
            "import": self.import_customers_action,
        }
        if link in actions:
            actions[link].trigger()

    def _row_in_first_page(self, customer_id: int) -> int | None:
        model = self.customer_model
        for row in range(min(model.rowCount(), PAGE_SIZE)):
            found = model.row_at(row)
            if found is not None and found.id == customer_id:
                return row
        return None

    def _select_quietly(self, row: int) -> None:
        """Select a row without asking the detail pane to change (it already shows it)."""
        self._following = False
        try:
            self.customer_table.select_row(row)
        finally:
            self._following = True

    def _follow_current_row(self) -> None:
        """Show the current row's customer in the detail pane (once its row has been read)."""
        if not self._following:
            return
        customer_id = self.customer_table.current_customer_id()
        if customer_id is None or customer_id == self._shown_id:
            return
        if self.detail_pane.has_unsaved_edits() and not self.detail_pane.confirm_leave(
            then=lambda: self._show_row_customer(customer_id)  # once a Save chosen has saved
        ):
            self._reselect_shown()
            return
        self._shown_id = customer_id
        self.detail_pane.show_customer(customer_id)

    def _show_row_customer(self, customer_id: int) -> None:
        """Move on to the customer the user picked before the save they asked for."""

        def select(row: int | None) -> None:
            if row is not None:
                self.customer_table.select_row(row)  # followed like any change of row

        self.customer_model.find_row(customer_id, select)

    def _reselect_shown(self) -> None:
        """Put the highlight back on the customer the pane shows (the user stayed with its
        unsaved edits)."""

        def reselect(row: int | None) -> None:
            if row is not None:
                self._select_quietly(row)
            else:
                self.customer_table.clearSelection()

        if self._shown_id is None:
            self.customer_table.clearSelection()
        else:
            self.customer_model.find_row(self._shown_id, reselect)

    def selected_customer_id(self) -> int | None:
        """The customer the user is looking at (the detail pane's), if any."""
        return self._shown_id

    def show_new_customer(self, customer_id: int) -> None:
        """After Add customer: list everyone, then select the new customer and show it."""
        self.filter_bar.clear()
        self._shown_id = customer_id
        self.detail_pane.show_customer(customer_id)
        self._find_after_load = customer_id
        self.customer_model.refresh()
