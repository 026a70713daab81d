"""The small read-only tables of the detail pane (subscriptions, requests, history).

A customer has tens of rows in each, so a QTableWidget filled in one go is enough; the customer
list, with its million rows, has its own model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_ID = Qt.ItemDataRole.UserRole


class DetailTable(QTableWidget):
    """Rows of text, whole rows selected, no editing; a hint on the viewport when empty."""

    def __init__(
        self,
        headers: Sequence[str],
        accessible_name: str,
        empty_text: str,
        parent: QWidget | None = None,
        *,
        stretch: int = 0,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons below
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # tens of rows
        columns.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        columns.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)

        self.empty = QLabel(empty_text, self.viewport())
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty.hide()

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        ids: Sequence[Any] | None = None,
        *,
        right: Sequence[int] = (),
        tooltips: Sequence[Sequence[str]] | None = None,
    ) -> None:
        """Fill the table; ``ids`` go with each row (``row_id``), ``right`` aligns numbers."""
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in right:
                    item.setTextAlignment(RIGHT)
                if ids is not None:
                    item.setData(ROW_ID, ids[row])
                tip = tooltips[row][column] if tooltips is not None else ""
                if tip:
                    item.setToolTip(tip)
                self.setItem(row, column, item)
        self.empty.setVisible(not rows)
        self._place_empty()

    def row_id(self, row: int) -> Any:
        item = self.item(row, 0)
        return None if item is None else item.data(ROW_ID)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_id(self, wanted: Any) -> bool:
        for row in range(self.rowCount()):
            if self.row_id(row) == wanted:
                self.selectRow(row)
                return True
        return False

    def _place_empty(self) -> None:
        rect = self.viewport().rect().adjusted(8, 8, -8, -8)
        self.empty.setGeometry(rect)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_empty()
