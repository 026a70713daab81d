"""Customers > Relationship requests…: the requests sent, their status and age; Mark accepted and
Cancel request on the one selected.

A partner has hundreds of requests, not millions: the window reads them all for the status shown
(one query, off the GUI thread) and sorts them in the model. It reads them again when it is
activated and when someone else's operation published changed requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import RequestStatus
from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, PcdeskError
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.services.relationships.sent import RequestRow, cancel_request, list_requests
from pcdesk.views.common.changes import comes_from, publisher
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.labels import request_status_label
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.relationships.requests.model import (
    AGE,
    COMPANY,
    LANGUAGE,
    RECIPIENT,
    REQUESTED_BY,
    REQUESTED_ON,
    STATUS,
    RequestTableModel,
    company_text,
    local_today,
    short_date,
)

ALL = "all"  # the status filter's "All" entry

if TYPE_CHECKING:
    from pcdesk.services.relationships.acceptance import AcceptResult
    from pcdesk.views.relationships.requests.accept_dialog import AcceptRequestDialog


class RelationshipRequestsWindow(QWidget):
    """A window of its own beside the main window. Marking a request accepted and cancelling
    one are published as changes (the customer's pane and the "Pending" filter follow)."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = local_today,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self._allowed = True
        self._reads = 0  # the latest read of the requests; an older answer is ignored
        self._cancelling: Operation[None] | None = None  # Cancel request's write, while it runs
        self.accept_dialog: AcceptRequestDialog | None = None
        self.setObjectName("relationship_requests")
        self.setWindowTitle(self.tr("Relationship requests"))
        self.resize(780, 420)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        for status in (RequestStatus.PENDING, RequestStatus.ACCEPTED, RequestStatus.CANCELLED):
            self.status_filter.addItem(request_status_label(status), status.value)
        self.status_filter.addItem(self.tr("All"), ALL)
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.status_filter)
        self.count_label = QLabel(self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the requests again (F5)"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)
        self.refresh_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(show_label)
        top.addWidget(self.status_filter)
        top.addSpacing(12)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)

        self.model = RequestTableModel(self, today=today)
        self.table = QTableView(self)
        self.table.setObjectName("requests_table")
        self.table.setAccessibleName(self.tr("Relationship requests"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(REQUESTED_ON, Qt.SortOrder.DescendingOrder)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.table.horizontalHeader()
        columns.setHighlightSections(False)
        # A narrow column then cuts the end of its title, not both ends.
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # see fit_columns
        columns.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)
        columns.setStretchLastSection(False)
        # Enter or double-click (both "activate" a row) opens Mark accepted on a pending one;
        # connecting doubleClicked as well would open it twice.
        self.table.activated.connect(lambda _index: self.mark_accepted())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.empty = QLabel(self.table.viewport())
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty.hide()
        self.table.viewport().installEventFilter(self)

        self.reason = QLabel(self)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.notice = FieldMessage(self)
        self.notice.setObjectName("notice")

        self.accept_button = QPushButton(self.tr("Mark &accepted…"), self)
        self.accept_button.setObjectName("mark_accepted")
        self.accept_button.clicked.connect(self.mark_accepted)
        self.cancel_button = QPushButton(self.tr("&Cancel request…"), self)
        self.cancel_button.setObjectName("cancel_request")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        self.status_filter.currentIndexChanged.connect(lambda _index: self._filter_changed())
        self.refresh_button.clicked.connect(lambda: self.refresh())
        publisher().changed.connect(self._on_changes)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------

    def shown_status(self) -> RequestStatus | None:
        value = self.status_filter.currentData()
        return None if value == ALL else RequestStatus(value)

    def selected_request(self) -> RequestRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request(rows[0].row()) if rows else None

    def refresh(self, *, fit: bool = False) -> None:
        """Read the requests again, keeping the one selected if it is still shown (and with
        ``fit``, fit the columns to them)."""
        self._reads += 1
        read = self._reads
        db, status = self._db, self.shown_status()

        def work() -> tuple[bool, tuple[RequestRow, ...]]:
            return may(db, Task.REQUEST_RELATIONSHIP), list_requests(db, status=status)

        def arrived(found: tuple[bool, tuple[RequestRow, ...]]) -> None:
            if read == self._reads:  # else the filter changed, or a later read is on its way
                self._show_rows(*found)
                if fit:
                    self.fit_columns()

        def failed(error: PcdeskError) -> bool:
            if read == self._reads:
                self.notice.show_error(translated(error.message))
            return True

        Operation(self, work).success(arrived).failure(failed).run()

    def _show_rows(self, allowed: bool, rows: tuple[RequestRow, ...]) -> None:
        selected = self.selected_request()
        self._allowed = allowed
        self.model.set_rows(rows)
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is None and self.model.rowCount() > 0:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_count()
        self._update_buttons()

    def _on_changes(self, changes: Changes, source: object) -> None:
        # A change from this window or its dialog: read again already.
        if changes.requests and self.isVisible() and not comes_from(source, self):
            self.refresh()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        status = self.shown_status()
        if count == 0:
            self.count_label.clear()
            empty = {
                RequestStatus.PENDING: self.tr(
                    "No pending requests. Customers > Request a reseller relationship… sends one."
                ),
                RequestStatus.ACCEPTED: self.tr("No request was marked accepted yet."),
                RequestStatus.CANCELLED: self.tr("No request was cancelled."),
                None: self.tr(
                    "No relationship request was sent yet. Customers > Request a "
                    "relationship… sends one."
                ),
            }
            self.empty.setText(empty[status])
            self.empty.show()
            self._place_empty()
            return
        self.empty.hide()
        if count == 1:
            self.count_label.setText(self.tr("1 request"))
        else:
            self.count_label.setText(self.tr("%Ln requests", "", count))

    def _place_empty(self) -> None:
        self.empty.setGeometry(self.table.viewport().rect().adjusted(8, 8, -8, -8))

    def _filter_changed(self) -> None:
        self.refresh(fit=True)

    def fit_columns(self) -> None:
        """Dates, age and status whole; the width left shared by company, recipient and
        language (their tooltips give what is cut), the company taking any surplus.

        Done when the window opens or is resized and when the filter changes, not on every
        refresh, so a column the user widened stays as it is meanwhile."""
        chars = self.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()

        def wanted(column: int) -> int:
            return max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))

        widths = {column: wanted(column) for column in (REQUESTED_ON, AGE, STATUS)}
        widths[REQUESTED_BY] = min(wanted(REQUESTED_BY), 16 * chars)
        flexible = {COMPANY: (14, 40), RECIPIENT: (10, 28), LANGUAGE: (8, 22)}  # in characters
        asked = {
            column: min(wanted(column), most * chars) for column, (_, most) in flexible.items()
        }
        room = self.table.viewport().width() - sum(widths.values())
        share = min(1.0, max(room, 0) / max(sum(asked.values()), 1))
        for column, (least, _) in flexible.items():
            widths[column] = max(int(asked[column] * share), min(least * chars, asked[column]))
        widths[COMPANY] += max(self.table.viewport().width() - sum(widths.values()), 0)
        for column, width in widths.items():
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty()
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        """Both actions work on a pending request only; otherwise say why not."""
        request = self.selected_request()
        reason = ""
        if request is None:
            if self.model.rowCount() > 0:
                reason = self.tr("Select a request to mark it accepted or to cancel it.")
        elif request.status is RequestStatus.ACCEPTED:
            when = short_date(request.accepted_at) if request.accepted_at else ""
            reason = self.tr("This request was marked accepted on {date}.").format(date=when)
        elif request.status is RequestStatus.CANCELLED:
            when = short_date(request.cancelled_at) if request.cancelled_at else ""
            reason = self.tr("This request was cancelled on {date}.").format(date=when)
        elif not self._allowed:
            reason = translated(not_allowed_message(Task.REQUEST_RELATIONSHIP))
        enabled = request is not None and not reason and not self.is_cancelling()
        tips = (
            (self.accept_button, self.tr("Type the customer's Microsoft ID and initial domain")),
            (self.cancel_button, self.tr("Stop waiting for this customer to accept")),
        )
        for button, tip in tips:
            button.setEnabled(enabled)
            button.setToolTip(tip if enabled else reason)
            button.setStatusTip(button.toolTip())
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))

    def changeEvent(self, event: QEvent) -> None:
        # Back to this window: another dialog or workstation may have sent or closed requests.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_empty()

    # -- Mark accepted ------------------------------------------------------------------------

    def mark_accepted(self) -> AcceptRequestDialog | None:
        request = self.selected_request()
        if request is None or not self.accept_button.isEnabled():
            return None
        self.notice.clear()
        # (Imported here: the acceptance and its dialog wait until a request is marked.)
        from pcdesk.views.relationships.requests.accept_dialog import AcceptRequestDialog

        dialog = AcceptRequestDialog(self._db, request, self)
        dialog.setObjectName("accept_request_dialog")
        dialog.accepted_request.connect(lambda result: self._accepted(request, result))
        dialog.request_gone.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.accept_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: AcceptRequestDialog) -> None:
        if self.accept_dialog is dialog:
            self.accept_dialog = None
        dialog.deleteLater()

    def _accepted(self, request: RequestRow, result: AcceptResult) -> None:
        company = request.company_name
        self.refresh()
        if result.created:
            text = self.tr("{company} accepted and was added to your customers.")
        else:
            text = self.tr("{company} accepted: you are its reseller.")
        self.notice.show_ok(text.format(company=company))

    # -- Cancel request -----------------------------------------------------------------------

    def is_cancelling(self) -> bool:
        return self._cancelling is not None and self._cancelling in runner().running()

    def ask_cancel(self) -> None:
        """Ask to confirm (Keep is the default), then cancel the request."""
        request = self.selected_request()
        if request is None or not self.cancel_button.isEnabled() or self.is_cancelling():
            return
        self.notice.clear()
        company = request.company_name or company_text(request)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel request"))
        box.setText(
            self.tr("Cancel the relationship request to {company}?").format(company=company)
        )
        box.setInformativeText(
            self.tr(
                "pcdesk stops waiting for it. The email already sent cannot be called back: "
                "its link is the same for every customer and stays valid, so tell the customer "
                "if it should not accept."
            )
        )
        yes = box.addButton(self.tr("Cancel &request"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        answer = prompter().ask(box)
        box.deleteLater()
        if answer is None or answer is not yes:
            return
        db = self._db
        self._cancelling = (
            Operation(self, lambda: cancel_request(db, request.id))
            .busy(self.accept_button, self.cancel_button)
            .success(lambda _none: self._cancelled(company))
            .failure(self._not_cancelled)
            .changes(Changes(requests=True))
            .run()
        )

    def _cancelled(self, company: str) -> None:
        self._cancelling = None
        self.notice.show_ok(
            self.tr("The request to {company} is cancelled.").format(company=company)
        )
        self.refresh()

    def _not_cancelled(self, failure: PcdeskError) -> bool:
        self._cancelling = None
        self.notice.show_error(
            self.tr("This request no longer exists: another workstation may have removed it.")
            if isinstance(failure, NotFound)
            else translated(failure.message)
        )
        if isinstance(failure, ConcurrentChange | NotAllowed | NotFound):
            self.refresh()  # show it as it is now
        else:
            self._update_buttons()  # the database unavailable: try again
        return True
