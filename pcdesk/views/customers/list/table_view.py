"""The customer table: a QTableView set up for a list of any length."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

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
    empty_link_activated = Signal(str)  # a link of the empty list's message: "add", "show-all"…

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

        # An empty list's message sits on the viewport: the headers stay, the links are reachable
        # with Tab (the label takes the focus) and followed with Enter.
        self._empty = QLabel(self.viewport())
        self._empty.setObjectName("empty_state")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._empty.setTextFormat(Qt.TextFormat.RichText)
        self._empty.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._empty.linkActivated.connect(self.empty_link_activated)
        self._empty.hide()

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

    def set_empty_message(self, rich_text: str) -> None:
        """What an empty list says, over its viewport, with links (``empty_link_activated``);
        "" hides it."""
        self._empty.setText(rich_text)
        self._empty.setVisible(bool(rich_text))
        self._place_empty()

    def empty_message(self) -> str:
        return self._empty.text() if self._empty.isVisible() else ""

    def _place_empty(self) -> None:
        area = self.viewport().rect().adjusted(12, 24, -12, 0)
        area.setHeight(max(self._empty.heightForWidth(area.width()), 40))
        self._empty.setGeometry(area)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_empty()

    def select_row(self, row: int) -> None:
        index = self.customer_model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
