"""The History tab: the customer's audit events, newest first, in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pcdesk.services.audit import AuditEntry
from pcdesk.views.customers.detail.common import selectable_label
from pcdesk.views.customers.detail.history_words import entry_texts
from pcdesk.views.customers.detail.tables import DetailTable
from pcdesk.views.customers.forms.account_summary import local_date_time

WHEN, WHO, WHAT, DETAILS = range(4)


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = DetailTable(
            (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")),
            self.tr("History"),
            self.tr("Nothing recorded yet."),
            self,
            stretch=DETAILS,
        )
        # A narrow pane cuts the details column short: the selected event's are shown whole here.
        self.selected_details = selectable_label(self, "selected_details", Qt.TextFormat.PlainText)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_details)
        layout.addWidget(self.problem)

    def show_entries(self, entries: tuple[AuditEntry, ...]) -> None:
        """Events newest first (as the service gives them); the details' full text is the
        row's tooltip, for details longer than the column."""
        self.problem.hide()
        rows = []
        for entry in entries:
            what, details = entry_texts(entry)
            rows.append([local_date_time(entry.occurred_at), entry.actor, what, details])
        self.table.set_rows(
            rows,
            [entry.id for entry in entries],
            tooltips=[["", "", "", row[DETAILS]] for row in rows],
        )
        if rows:
            self.table.selectRow(0)
        self._show_selected()

    def _show_selected(self, *_: object) -> None:
        row = self.table.selected_row()
        item = self.table.item(row, DETAILS) if row is not None else None
        when = self.table.item(row, WHEN) if row is not None else None
        what = self.table.item(row, WHAT) if row is not None else None
        if item is None or when is None or what is None:
            self.selected_details.clear()
            self.selected_details.hide()
            return
        self.selected_details.setText(f"{when.text()} — {what.text()}\n{item.text()}")
        self.selected_details.show()

    def show_problem(self, text: str) -> None:
        self.table.set_rows([])
        self._show_selected()
        self.problem.setText(text)
        self.problem.show()

    def clear(self) -> None:
        self.table.set_rows([])
        self._show_selected()
        self.problem.hide()

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (what the user reads)."""
        return [
            [
                item.text() if (item := self.table.item(row, column)) is not None else ""
                for column in range(self.table.columnCount())
            ]
            for row in range(self.table.rowCount())
        ]
