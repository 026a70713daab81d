"""The partner's indirect resellers as a Qt item model, with a proxy that sorts and filters them.

A partner has tens, at most some thousands, of resellers: the model holds them all, and a
``QSortFilterProxyModel`` sorting and filtering in memory is the right tool here (unlike the
customer list).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from pcdesk.enums import ResellerState
from pcdesk.services.collation import sort_text
from pcdesk.services.resellers.records import ResellerData, fold
from pcdesk.services.validation import country_name
from pcdesk.views.common.ui_locale import ui_locale

_ModelIndex = QModelIndex | QPersistentModelIndex

NAME, PARTNER_ID, TENANT_ID, COUNTRY, STATE = range(5)
COLUMN_COUNT = 5
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def reseller_state_label(state: ResellerState) -> str:
    if state is ResellerState.SUSPENDED:
        return QCoreApplication.translate("ResellerTableModel", "Suspended")
    return QCoreApplication.translate("ResellerTableModel", "Active")


class GuidDelegate(QStyledItemDelegate):
    """Shows a GUID on one line; one too wide for its column keeps its two ends
    ("0f4c2a8e…2d6b8a1e4f70"), which is how people compare them."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class ResellerTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._resellers: tuple[ResellerData, ...] = ()
        self._locale = ui_locale()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._resellers)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == NAME:
            return self.tr("Name")
        if section == PARTNER_ID:
            return self.tr("Partner ID")
        if section == TENANT_ID:
            return self.tr("Tenant ID")
        if section == COUNTRY:
            return self.tr("Country/region")
        if section == STATE:
            return self.tr("State")
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._resellers):
            return None
        reseller = self._resellers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(reseller, column)
        if role == SORT_ROLE:
            return self._sort_key(reseller, column)
        if role == ID_ROLE:
            return reseller.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TENANT_ID:
                if reseller.tenant_id:
                    return reseller.tenant_id  # whole, when the column shortens it
                return self.tr("No tenant ID recorded yet: edit the reseller to add it.")
            if column == COUNTRY:
                return reseller.country
            return None
        if role == Qt.ItemDataRole.FontRole and not reseller.is_active:
            # Suspended rows read differently without relying on a colour.
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, reseller: ResellerData, column: int) -> str:
        if column == NAME:
            return reseller.name
        if column == PARTNER_ID:
            return reseller.partner_id
        if column == TENANT_ID:
            return reseller.tenant_id or "—"
        if column == COUNTRY:
            return country_name(reseller.country, self._locale)
        return reseller_state_label(reseller.state)

    def _sort_key(self, reseller: ResellerData, column: int) -> Any:
        if column == PARTNER_ID:
            return int(reseller.partner_id) if reseller.partner_id.isdigit() else 0
        if column == NAME:
            return sort_text(reseller.name)
        # Ties in other columns (same country, same state) then read by name.
        return f"{sort_text(self._display(reseller, column))}\0{sort_text(reseller.name)}"

    # -- our own ------------------------------------------------------------------------------
    def set_resellers(self, resellers: tuple[ResellerData, ...]) -> None:
        self.beginResetModel()
        self._resellers = tuple(resellers)
        self.endResetModel()

    def resellers(self) -> tuple[ResellerData, ...]:
        return self._resellers

    def reseller(self, row: int) -> ResellerData:
        return self._resellers[row]

    def row_of(self, reseller_id: int) -> int | None:
        return next((row for row, r in enumerate(self._resellers) if r.id == reseller_id), None)

    def matches(self, row: int, needle: str) -> bool:
        """Whether the filter text is in the reseller's name, IDs or country (any case, width)."""
        reseller = self._resellers[row]
        haystack = (
            reseller.name,
            reseller.partner_id,
            reseller.tenant_id or "",
            reseller.country,
            country_name(reseller.country, self._locale),
            reseller_state_label(reseller.state),
        )
        return any(needle in fold(text) for text in haystack)


class ResellerProxyModel(QSortFilterProxyModel):
    """Sorts by each column's key and keeps the rows matching the filter text."""

    def __init__(self, source: ResellerTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._needle = ""
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def set_filter_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:
        return not self._needle or self._source.matches(source_row, self._needle)
