"""Partner > Pending changes…: the writes waiting to reach Partner Center (the outbox).

Each item shows what it does, for which customer, its state (queued, sending, refused with
Partner Center's message, done, cancelled) and when it was queued. The user sends them now,
retries a refused one, edits the one field that can be fixed (a customer's domain, a licence
count) or cancels an item that cannot have reached Partner Center. Admin passwords from
customers created by a send are shown here once, in memory only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import PcdeskError, ValidationFailed
from pcdesk.partner_center.outbox import SendSummary
from pcdesk.services import outbox as ob
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.partner.sync_conflicts import short_datetime


def state_text(item: ob.OutboxItem) -> str:
    if item.state == ob.QUEUED and item.attempts > 0:
        return QCoreApplication.translate("PendingChangesDialog", "Queued (sent, no answer yet)")
    names = {
        ob.QUEUED: QCoreApplication.translate("PendingChangesDialog", "Queued"),
        ob.SENDING: QCoreApplication.translate("PendingChangesDialog", "Sending"),
        ob.FAILED: QCoreApplication.translate("PendingChangesDialog", "Refused"),
        ob.DONE: QCoreApplication.translate("PendingChangesDialog", "Done"),
        ob.CANCELLED: QCoreApplication.translate("PendingChangesDialog", "Cancelled"),
        ob.HELD: QCoreApplication.translate("PendingChangesDialog", "Held"),
    }
    return names.get(item.state, item.state)


def field_label(name: str) -> str:
    return {
        "domain_prefix": QCoreApplication.translate(
            "PendingChangesDialog", "Domain (before .onmicrosoft.com):"
        ),
        "quantity": QCoreApplication.translate("PendingChangesDialog", "Licences:"),
    }.get(name, name)


class PendingChangesDialog(QDialog):
    COLUMNS = 5

    def __init__(
        self,
        db: Database,
        send: Callable[[], SendSummary] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._send = send
        self.items: tuple[ob.OutboxItem, ...] = ()
        self.setWindowTitle(self.tr("Pending changes"))
        self.resize(900, 460)
        intro = QLabel(
            self.tr(
                "Changes waiting to reach Partner Center. They are sent in order, each once: a "
                "change sent again after a lost answer carries the same request ID, so Partner "
                "Center does not do it twice."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Change"),
                self.tr("Customer"),
                self.tr("State"),
                self.tr("Queued"),
                self.tr("Partner Center's answer"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.empty = QLabel(self.tr("Nothing is waiting: every change has reached Partner Center."))

        self.edit_label = QLabel(self)
        self.edit_value = QLineEdit(self)
        self.edit_label.setBuddy(self.edit_value)
        self.save_edit_button = QPushButton(self.tr("Save &edit"), self)
        self.save_edit_button.clicked.connect(self._save_edit)
        self.edit_value.returnPressed.connect(self._save_edit)
        self.edit_message = QLabel(self)
        self.edit_message.setWordWrap(True)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_label)
        edit_row.addWidget(self.edit_value, 1)
        edit_row.addWidget(self.save_edit_button)

        self.send_button = QPushButton(self.tr("&Send now"), self)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.cancel_button = QPushButton(self.tr("Cancel this &change"), self)
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self._retry)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.credentials = QPlainTextEdit(self)
        self.credentials.setReadOnly(True)
        self.credentials.setMaximumHeight(90)
        self.credentials.setAccessibleName(self.tr("New customers' admin sign-in"))
        self.credentials.hide()

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(edit_row)
        layout.addWidget(self.edit_message)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.credentials)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self._selected_changed()
        self.reload()

    # -- reading ----------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        db = self._db  # the work runs off the GUI thread: it touches no widget
        Operation(self, lambda: ob.recent_items(db)).success(
            lambda found: self._show(found, select_id)
        ).run()

    def _show(self, found: tuple[ob.OutboxItem, ...], select_id: int | None) -> None:
        current = self.selected()
        wanted = select_id if select_id is not None else (current.id if current else None)
        self.items = found
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            cells = (
                translated(item.summary),
                item.company_name,
                state_text(item),
                short_datetime(item.queued_at),
                translated(item.error) if item.error is not None else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column == 4:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        pending = [item for item in found if item.state in ob.PENDING]
        self.empty.setVisible(not pending)
        self.send_button.setEnabled(self._send is not None and bool(pending))
        for row, item in enumerate(found):
            if item.id == wanted or (wanted is None and item.state in ob.PENDING):
                self.table.selectRow(row)
                break
        self._selected_changed()

    def selected(self) -> ob.OutboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selected_changed(self) -> None:
        item = self.selected()
        self.retry_button.setEnabled(item is not None and item.can_retry)
        self.cancel_button.setEnabled(item is not None and item.can_cancel)
        editable = item.editable_field if item is not None else None
        self.edit_message.clear()
        if item is not None and editable is not None:
            self.edit_label.setText(field_label(editable))
            self.edit_label.setMinimumWidth(self.edit_label.sizeHint().width())
            self.edit_value.setText(item.editable_value)
            if item.error_field == editable:
                self.edit_message.setText(
                    self.tr("Partner Center refused this value: change it, then Save edit.")
                )
        for widget in (self.edit_label, self.edit_value, self.save_edit_button):
            widget.setVisible(editable is not None)

    # -- acting ----------------------------------------------------------------------------------

    def send_now(self) -> Operation[SendSummary] | None:
        if self._send is None:
            return None
        send = self._send
        return (
            Operation(self, send)
            .busy(self.send_button, self.retry_button, self.cancel_button)
            .success(self._sent)
            .failure(self._send_failed)
            .changes(lambda summary: Changes.of_customers(summary.customers))
            .run()
        )

    def _sent(self, summary: SendSummary) -> None:
        self.result_label.setText(translated(summary.message()))
        if summary.credentials:
            lines = [
                self.tr("{domain}: admin user {user}, temporary password {password}").format(
                    domain=found.domain,
                    user=found.admin_user,
                    password=found.password,
                )
                for found in summary.credentials
            ]
            lines.append(
                self.tr(
                    "Copy these now: the passwords are not saved anywhere and are gone when this "
                    "window closes."
                )
            )
            self.credentials.setPlainText("\n".join(lines))
            self.credentials.show()
        self.reload()

    def _send_failed(self, error: PcdeskError) -> bool:
        self.result_label.setText(translated(error.message))
        self.reload()
        return True

    def _retry(self) -> None:
        item = self.selected()
        if item is None:
            return
        db = self._db
        Operation(self, lambda: ob.retry(db, item.id)).busy(self.retry_button).success(
            lambda _item: self._retried(item.id)
        ).run()

    def _retried(self, item_id: int) -> None:
        self.reload(item_id)
        self.send_now()

    def _cancel(self) -> None:
        item = self.selected()
        if item is None:
            return
        db = self._db
        Operation(self, lambda: ob.cancel(db, item.id)).busy(self.cancel_button).success(
            lambda _item: self.reload(item.id)
        ).changes(
            Changes.of_customers([item.customer_id] if item.customer_id is not None else [])
        ).run()

    def _save_edit(self) -> None:
        item = self.selected()
        if item is None or item.editable_field is None:
            return
        value = self.edit_value.text()
        db = self._db
        Operation(self, lambda: ob.edit(db, item.id, value)).busy(self.save_edit_button).success(
            lambda _item: self._edited(item.id)
        ).failure(self._edit_refused).changes(
            Changes.of_customers([item.customer_id] if item.customer_id is not None else [])
        ).run()

    def _edited(self, item_id: int) -> None:
        self.edit_message.setText(self.tr("Saved. The change is queued again."))
        self.reload(item_id)

    def _edit_refused(self, error: PcdeskError) -> bool:
        if isinstance(error, ValidationFailed):
            self.edit_message.setText("\n".join(translated(text) for text in error.errors.values()))
            return True
        return False
