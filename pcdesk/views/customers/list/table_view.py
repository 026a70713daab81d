"""The customer table: a QTableView set up for a list of any length."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableView,
    QToolTip,
    QWidget,
)

from pcdesk.views.customers.list.table_model import COLUMNS, CustomerTableModel

# Starting widths in average characters, before the user drags them (then QSettings keeps them):
# what matters fits beside the detail pane at 1280 px.
_WIDTHS = {
    "company_name": 24,
    "domain": 22,
    "microsoft_id": 38,
    "country": 13,
    "relationship": 11,
    "indirect_reseller": 15,
    "active_subscriptions": 8,
    "agreement": 11,
    "created_at": 12,
    "tags": 16,
}
# Shown until the user chooses otherwise (header's context menu). The Microsoft ID is in the
# detail pane's header, with Copy, and in the row's context menu.
_HIDDEN_AT_FIRST = {"microsoft_id", "created_at", "tags"}


class CustomerTableView(QTableView):
    empty_link_activated = Signal(str)  # a link of the empty list's message: "add", "show-all"…
    row_menu_requested = Signal(QPoint)  # a context menu on the rows, at this global position

    def __init__(self, model: CustomerTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for an export (Shift, Ctrl/Cmd); the pane follows the current row.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # "…", the whole value in a tooltip
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
        for column, (field, _title) in enumerate(COLUMNS):
            self.setColumnWidth(column, self._starting_width(column))
            header.setSectionHidden(column, field in _HIDDEN_AT_FIRST)
        header.sortIndicatorChanged.connect(model.sort)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

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

    # -- columns --------------------------------------------------------------------------------

    def hide_column(self, field: str, hidden: bool = True) -> None:
        """Hide or show a column by its field name (the reseller column for direct partners)."""
        for column, (name, _title) in enumerate(COLUMNS):
            if name == field:
                self.horizontalHeader().setSectionHidden(column, hidden)

    def column_menu(self) -> QMenu:
        """The header's menu: a check per column (the company name always shows)."""
        menu = QMenu(self)
        header = self.horizontalHeader()
        model = self.customer_model
        for column, (field, _title) in enumerate(COLUMNS):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(field != "company_name")
            action.setData(column)
            action.toggled.connect(lambda shown, column=column: self._show_column(column, shown))
        return menu

    def _starting_width(self, column: int) -> int:
        """Room for the column's usual values and for its whole title (in any language)."""
        field = COLUMNS[column][0]
        values = _WIDTHS[field] * self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        title = str(self.customer_model.headerData(column, Qt.Orientation.Horizontal))
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        return max(values, header.fontMetrics().horizontalAdvance(title) + 4 * margin + arrow)

    def _show_column(self, column: int, shown: bool) -> None:
        header = self.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and header.sectionSize(column) < 20:
            header.resizeSection(column, self._starting_width(column))

    def _column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.horizontalHeader().mapToGlobal(position))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click acts on the row under the pointer; the menu key or Shift+F10 on the
        current row, the menu opening beside it."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            position = self.viewport().mapFromGlobal(event.globalPos())
            index = self.indexAt(position)
            if index.isValid() and not self.selectionModel().isRowSelected(index.row()):
                self.select_row(index.row())
        else:
            current = self.currentIndex()
            rect = self.visualRect(current) if current.isValid() else self.viewport().rect()
            position = rect.center() if current.isValid() else rect.topLeft()
        event.accept()
        self.row_menu_requested.emit(self.viewport().mapToGlobal(position))

    def selected_customer_ids(self) -> list[int]:
        """The selected rows' customers, in list order (rows not read yet are left out)."""
        ids: list[int] = []
        for index in sorted(self.selectionModel().selectedRows(), key=lambda i: i.row()):
            value = index.data(Qt.ItemDataRole.UserRole)
            if isinstance(value, int):
                ids.append(value)
        return ids

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip with the whole value, only where the cell cuts it short."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            text = index.data() if index.isValid() else None
            if isinstance(text, str) and text:
                rect = self.visualRect(index)
                margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
                if self.fontMetrics().horizontalAdvance(text) + margin > rect.width():
                    QToolTip.showText(event.globalPos(), text, self.viewport(), rect)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().viewportEvent(event)

    # -- the empty list -------------------------------------------------------------------------

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
