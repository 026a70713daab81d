"""The relationship requests as a table: who each is for, the recipient, language, who sent it
and when, its age and status. Hundreds of rows at most, so they are sorted here, in Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from pcdesk.services.collation import sort_key
from pcdesk.services.relationships.sent import RequestRow
from pcdesk.services.validation import culture_label
from pcdesk.views.common.dates import date_text
from pcdesk.views.common.labels import request_status_label
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.account_summary import local_date_time

COMPANY, RECIPIENT, LANGUAGE, REQUESTED_BY, REQUESTED_ON, AGE, STATUS = range(7)
REQUEST_ID = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


def local_today() -> dt.date:
    return dt.datetime.now().astimezone().date()


def short_date(moment: dt.datetime) -> str:
    """The day of a stored moment (UTC) in the workstation's time zone, as the locale writes it."""
    return date_text(moment.astimezone().date())


def age_text(created_at: dt.datetime, today: dt.date) -> str:
    """How long ago, in the user's days: "today", "1 day", "3 days"."""
    days = (today - created_at.astimezone().date()).days
    if days <= 0:
        return QCoreApplication.translate("relationship_requests", "today")
    if days == 1:
        return QCoreApplication.translate("relationship_requests", "1 day")
    return QCoreApplication.translate("relationship_requests", "%n days", None, days)


def company_text(row: RequestRow) -> str:
    if not row.company_name:
        return QCoreApplication.translate("relationship_requests", "(customer removed)")
    if row.is_prospect:
        return QCoreApplication.translate("relationship_requests", "{company} (prospect)").format(
            company=row.company_name
        )
    return row.company_name


class RequestTableModel(QAbstractTableModel):
    """The requests shown, sorted in Python (hundreds of rows)."""

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], dt.date] = local_today
    ) -> None:
        super().__init__(parent)
        self._rows: list[RequestRow] = []
        self._today = today
        self._sort_column = REQUESTED_ON
        self._order = Qt.SortOrder.DescendingOrder
        self._headers = (
            QCoreApplication.translate("relationship_requests", "Customer or prospect"),
            QCoreApplication.translate("relationship_requests", "Recipient"),
            QCoreApplication.translate("relationship_requests", "Language"),
            QCoreApplication.translate("relationship_requests", "Requested by"),
            QCoreApplication.translate("relationship_requests", "Requested on"),
            QCoreApplication.translate("relationship_requests", "Age"),
            QCoreApplication.translate("relationship_requests", "Status"),
        )

    # -- content ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RequestRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def request(self, row: int) -> RequestRow:
        return self._rows[row]

    def row_of(self, request_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == request_id), None)

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == REQUEST_ID:
            return row.id
        return None

    def _text(self, row: RequestRow, column: int) -> str:
        if column == COMPANY:
            return company_text(row)
        if column == RECIPIENT:
            return row.recipient_email
        if column == LANGUAGE:
            return culture_label(row.language, ui_locale()) if row.language else ""
        if column == REQUESTED_BY:
            return row.created_by
        if column == REQUESTED_ON:
            return short_date(row.created_at)
        if column == AGE:
            return age_text(row.created_at, self._today())
        if column == STATUS:
            return request_status_label(row.status)
        return ""

    def _tip(self, row: RequestRow, column: int) -> str | None:
        if column == COMPANY and row.is_prospect and row.company_name:
            return "{company}\n{note}".format(
                company=row.company_name,
                note=QCoreApplication.translate(
                    "relationship_requests", "A prospect: not a customer in pcdesk yet."
                ),
            )
        if column in (COMPANY, RECIPIENT, LANGUAGE):
            return self._text(row, column) or None  # the column may cut it
        if column in (REQUESTED_ON, AGE):
            return local_date_time(row.created_at)
        if column == STATUS and row.accepted_at is not None:
            return QCoreApplication.translate("relationship_requests", "Accepted {when}").format(
                when=local_date_time(row.accepted_at)
            )
        if column == STATUS and row.cancelled_at is not None:
            return QCoreApplication.translate("relationship_requests", "Cancelled {when}").format(
                when=local_date_time(row.cancelled_at)
            )
        return None

    # -- sorting ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = [row.id for row in self._rows]
        self._sort_column, self._order = column, order
        self._rows = self._sorted(self._rows)
        after = {row.id: position for position, row in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(after[before[index.row()]], index.column()) for index in persistent],
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[RequestRow]) -> list[RequestRow]:
        column = self._sort_column

        def key(row: RequestRow) -> tuple[Any, ...]:
            if column in (REQUESTED_ON, AGE):
                moment = row.created_at.timestamp()
                return (moment if column == REQUESTED_ON else -moment, row.id)
            return (sort_key(self._text(row, column)), row.created_at.timestamp(), row.id)

        return sorted(rows, key=key, reverse=self._order == Qt.SortOrder.DescendingOrder)
