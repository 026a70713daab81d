"""The customer table: a QTableView set up for a list of any length."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pcdesk.views.customers.list.table_model import COLUMNS, CustomerTableModel

# Starting widths in average characters, before the user drags them (then QSettings keeps them).
_WIDTHS = {
    "company_name": 30,
    "domain": 28,
    "microsoft_id": 36,
    "country": 16,
    "relationship": 12,
    "indirect_reseller": 22,
    "active_subscriptions": 11,
    "agreement": 12,
    "created_at": 12,
    "tags": 20,
}


class CustomerTableView(QTableView):
    def __init__(self, model: CustomerTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        self.setSortingEnabled(False)  # sorted by the header below, not by Qt on every row
        vertical = self.verticalHeader()
        # Fixed heights: Qt never measures a row, whatever the count.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.hide()
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        average = self.fontMetrics().averageCharWidth()
        for column, (field, _title) in enumerate(COLUMNS):
            self.setColumnWidth(column, _WIDTHS[field] * average)
        header.sortIndicatorChanged.connect(model.sort)

    @property
    def customer_model(self) -> CustomerTableModel:
        model = self.model()
        assert isinstance(model, CustomerTableModel)
        return model

    def sort_by_header(self) -> None:
        """Sort the model as the header's indicator says (after its state was restored)."""
        header = self.horizontalHeader()
        self.customer_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def current_customer_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, int) else None

    def select_row(self, row: int) -> None:
        index = self.customer_model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
