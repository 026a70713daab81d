"""The customer list as a Qt item model: a count and pages fetched on demand from the service.

The model never holds every customer: it knows the count (one SQL query) and keeps a bounded
cache of pages, loading a page when the view paints one of its rows.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt

from pcdesk.models.database import Database
from pcdesk.services.customer_list import (
    CustomerQuery,
    CustomerRow,
    count_customers,
    customer_page,
    customer_position,
)
from pcdesk.services.validation import country_name
from pcdesk.views.labels import agreement_label, relationship_label

PAGE_SIZE = 200
MAX_CACHED_PAGES = 50

_ModelIndex = QModelIndex | Any  # Qt passes QPersistentModelIndex too


def _header(text: str) -> str:
    return QCoreApplication.translate("CustomerTableModel", text)


COLUMNS: tuple[tuple[str, str], ...] = (
    ("company_name", "Company name"),
    ("domain", "Primary domain"),
    ("microsoft_id", "Microsoft ID"),
    ("country", "Country/region"),
    ("relationship", "Relationship"),
    ("indirect_reseller", "Indirect reseller"),
    ("active_subscriptions", "Subscriptions"),
    ("agreement", "Agreement"),
    ("created_at", "Date added"),
    ("tags", "Tags"),
)


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = CustomerQuery()
        self._count = count_customers(db, self._query)
        self._pages: OrderedDict[int, tuple[CustomerRow, ...]] = OrderedDict()

    # -- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _header(COLUMNS[section][1])
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        # Called for every selected row: never touches the database.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return self._display(row, COLUMNS[index.column()][0])

    # -- our own ------------------------------------------------------------------------------
    def row_at(self, row: int) -> CustomerRow | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = customer_page(self._db, self._query, offset=number * PAGE_SIZE, limit=PAGE_SIZE)
            self._pages[number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def refresh(self) -> None:
        """Forget every cached row and count again (after a change was written)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = count_customers(self._db, self._query)
        self.endResetModel()

    def _display(self, row: CustomerRow, field: str) -> str:
        value = getattr(row, field)
        if field == "relationship":
            return relationship_label(row.relationship)
        if field == "agreement":
            return agreement_label(row.agreement)
        if field == "country":
            return country_name(row.country)
        if field == "created_at":
            return QLocale().toString(value.astimezone().date(), QLocale.FormatType.ShortFormat)
        if field == "active_subscriptions":
            return QLocale().toString(value)
        if value is None:
            return ""
        return str(getattr(value, "value", value))

    def row_of(self, customer_id: int) -> int | None:
        """The row showing this customer, asked of the database (not searched in the cache)."""
        return customer_position(self._db, customer_id, self._query)
