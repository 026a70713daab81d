"""Partner > Sign in to Partner Center, Sign out, Sync with Partner Center, Sync conflicts; the
connection's state in the status bar; the scheduled sync.

Every call that waits on the network or the database runs as an operation. The status bar says
who is signed in, whether a sync is running, when the last one finished, or that Partner Center
could not be reached ("offline"). A sync shows its progress with Cancel (what it brought in stays,
and the next one goes on from there) and ends with its summary; everything it wrote is published
as a change, so the list and the detail pane read again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from pcdesk.errors import PcdeskError
from pcdesk.partner_center.auth import TOKEN_ENV
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.errors import Unreachable
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.partner import actor
from pcdesk.views.common.operations import Operation, ProgressCallback
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated

# Partner Center's customer calls, its sync and outbox, and the device code's, Pending changes and
# Conflicts windows are imported when first used (the sync status is read off the GUI thread).
if TYPE_CHECKING:
    from pcdesk.partner_center.auth import DeviceCode
    from pcdesk.partner_center.customers import PartnerCenterAccess
    from pcdesk.partner_center.outbox import SendSummary
    from pcdesk.partner_center.sync import SyncProgress, SyncStatus, SyncSummary
    from pcdesk.views.partner.device_code import DeviceCodeDialog
    from pcdesk.views.partner.pending_changes import PendingChangesDialog

SYNC_INTERVAL_KEY = "partner_center/sync_interval_minutes"  # 0: no scheduled sync


def sync_interval(settings: QSettings) -> int:
    value = settings.value(SYNC_INTERVAL_KEY, 0)
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True)
class ConnectionState:
    account: str | None
    status: SyncStatus
    notice: str | None = None  # the in-memory cache's notice, once
    pending: int = 0  # changes waiting in the outbox
    uses_partner_center: bool = False  # an app ID or a token: this database works with it


class PartnerCenterLauncher(QObject):
    """Owns the Partner Center actions, the status bar label and the schedule."""

    state_changed = Signal()
    sync_finished = Signal(object)  # the SyncSummary

    def __init__(
        self,
        db: Database,
        window: QWidget,
        settings: QSettings,
        *,
        connection: PartnerCenterConnection | None = None,
    ) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self._settings = settings
        locale = QLocale().name().replace("_", "-")
        self.connection = connection or PartnerCenterConnection(db, locale=locale)
        self.account: str | None = None
        self.status: SyncStatus | None = None  # until it has been read
        self.offline = False
        self.syncing = False
        self.last_summary: SyncSummary | None = None
        self.conflicts_dialog: QDialog | None = None
        self.pending_dialog: PendingChangesDialog | None = None
        self.pending = 0
        self.sending = False
        self.uses_partner_center = self.connection.uses_environment_token
        self.device_dialog: DeviceCodeDialog | None = None

        self.sign_in_action = self._action(
            self.tr("&Sign in to Partner Center…"),
            self.tr("Sign in with your work account, to sync with Partner Center"),
        )
        self.sign_out_action = self._action(
            self.tr("Sign &out of Partner Center"), self.tr("Forget your Partner Center sign-in")
        )
        self.sync_action = self._action(
            self.tr("S&ync with Partner Center"),
            self.tr("Bring in Partner Center's customers, resellers and subscriptions"),
        )
        self.sync_action.setShortcut("Ctrl+Shift+Y")
        self.conflicts_action = self._action(
            self.tr("Sync &conflicts…"),
            self.tr("Fields changed both here and in Partner Center, for you to settle"),
        )
        self.pending_action = self._action(
            self.tr("&Pending changes…"),
            self.tr("Changes waiting to reach Partner Center: send, retry, edit or cancel them"),
        )
        self.pending_action.triggered.connect(self.open_pending)
        self.sign_in_action.triggered.connect(self.start_sign_in)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.sync_action.triggered.connect(lambda: self.start_sync(scheduled=False))
        self.conflicts_action.triggered.connect(self.open_conflicts)

        self.status_label = QLabel(window)
        self.status_label.setObjectName("partner_center_status")
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.start_sync(scheduled=True))
        self.apply_schedule()
        self._show_state()
        QTimer.singleShot(0, self.refresh_state)

    def _action(self, text: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    # -- state ------------------------------------------------------------------------------------

    def refresh_state(self) -> None:
        """Read who is signed in and when the last sync ran (off the GUI thread)."""

        def read() -> ConnectionState:
            from pcdesk.partner_center.customers import uses_partner_center
            from pcdesk.partner_center.sync import sync_status
            from pcdesk.services.outbox import pending_count

            account = None
            try:
                account = self.connection.signed_in_as()
            except PcdeskError:
                account = None
            notice = None
            if not self.connection.uses_environment_token and account is not None:
                found = self.connection.cache().take_notice()
                notice = translated(found) if found is not None else None
            return ConnectionState(
                account,
                sync_status(self._db),
                notice,
                pending_count(self._db),
                uses_partner_center(self._db),
            )

        Operation(self._window, read).quiet().success(self._state_read).failure(
            lambda _e: True
        ).run()

    def _state_read(self, state: ConnectionState) -> None:
        was_signed_in = self.account is not None
        self.account = state.account
        # The signed-in user is who acts (on SQLite; PostgreSQL knows its login); a token from
        # the environment names no one.
        actor.signed_in(None if self.connection.uses_environment_token else state.account)
        self.status = state.status
        self.pending = state.pending
        self.uses_partner_center = state.uses_partner_center
        if self.account is not None and not was_signed_in and self.pending:
            QTimer.singleShot(0, lambda: self.send_outbox(quiet=True))
        if state.notice:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Partner Center"),
                state.notice,
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            prompter().ask(box)
        self._show_state()

    def state_text(self) -> str:
        parts: list[str] = []
        if self.account == TOKEN_ENV and self.connection.uses_environment_token:
            # a token that names no account: say where it comes from, not whom it is
            parts.append(
                self.tr("Partner Center: using the token in {variable}").format(variable=TOKEN_ENV)
            )
        elif self.account:
            parts.append(
                self.tr("Partner Center: signed in as {account}").format(account=self.account)
            )
        else:
            parts.append(self.tr("Partner Center: not signed in"))
        if self.syncing:
            parts.append(self.tr("syncing…"))
        elif self.offline:
            parts.append(self.tr("offline"))
        if self.sending:
            parts.append(self.tr("sending pending changes…"))
        if self.pending:
            parts.append(self.tr("pending changes: {count}").format(count=self.pending))
        status = self.status
        if status is not None and status.last_sync_at is not None:
            from pcdesk.views.partner.sync_conflicts import short_datetime

            shown = short_datetime(status.last_sync_at)
            parts.append(self.tr("last synced {when}").format(when=shown))
        elif status is not None and status.interrupted:
            parts.append(self.tr("sync interrupted (the next one goes on)"))
        return " · ".join(parts)

    def _show_state(self) -> None:
        self.status_label.setText(self.state_text())
        signed_in = self.account is not None
        self.sign_out_action.setEnabled(signed_in and not self.connection.uses_environment_token)
        self.sync_action.setEnabled(signed_in and not self.syncing)
        self.state_changed.emit()

    # -- signing in ---------------------------------------------------------------------------------

    def start_sign_in(self) -> None:
        if self.connection.uses_environment_token:
            self.refresh_state()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign in to Partner Center"),
            self.tr(
                "Sign in with your work account. Partner Center asks for multi-factor "
                "authentication."
            ),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        browser = box.addButton(
            self.tr("Sign in with the &browser"), QMessageBox.ButtonRole.AcceptRole
        )
        device = box.addButton(
            self.tr("Use a code on &another device"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(browser)
        clicked = prompter().ask(box)
        if clicked is browser:
            Operation(
                self._window, lambda: self.connection.sign_in().sign_in_interactive()
            ).success(lambda _name: self.refresh_state()).run()
        elif clicked is device:
            Operation(self._window, lambda: self.connection.sign_in().start_device_code()).success(
                self._show_device_code
            ).run()

    def _show_device_code(self, code: DeviceCode) -> None:
        from pcdesk.views.partner.device_code import DeviceCodeDialog

        dialog = DeviceCodeDialog(code, self._window)
        self.device_dialog = dialog

        def finished(_name: str) -> None:
            dialog.accept()
            self.refresh_state()

        Operation(
            dialog, lambda: self.connection.sign_in().finish_device_code(code, dialog.stop.is_set)
        ).success(finished).run()
        dialog.open()

    def sign_out(self) -> None:
        Operation(self._window, self.connection.sign_out).success(
            lambda _none: self.refresh_state()
        ).run()

    # -- syncing ------------------------------------------------------------------------------------

    def apply_schedule(self) -> None:
        minutes = sync_interval(self._settings)
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def start_sync(self, *, scheduled: bool = False) -> Operation[SyncSummary] | None:
        if self.syncing or (scheduled and self.account is None):
            return None
        self.syncing = True
        self._show_state()

        def work(progress: ProgressCallback) -> SyncSummary:
            stop = threading.Event()

            def report(step: SyncProgress) -> None:
                if not progress(step.done, step.total or 0):
                    stop.set()

            return self.connection.sync(progress=report, cancelled=stop.is_set)

        label = QCoreApplication.translate("PartnerCenterLauncher", "Syncing with Partner Center…")
        operation = Operation.with_progress(self._window, work, label)
        operation.success(lambda summary: self._synced(summary, scheduled)).failure(
            self._sync_failed
        ).changes(lambda _summary: Changes(many_customers=True, resellers=True))
        return operation.run()

    def _synced(self, summary: SyncSummary, scheduled: bool) -> None:
        self.syncing = False
        self.offline = False
        self.last_summary = summary
        self._show_state()
        text = translated(summary.message())
        if self._window.isWindow() and hasattr(self._window, "statusBar"):
            self._window.statusBar().showMessage(text, 15_000)
        self.sync_finished.emit(summary)
        self.refresh_state()
        QTimer.singleShot(0, lambda: self.send_outbox(quiet=True))
        if not scheduled:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Partner Center"),
                text,
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            if summary.conflicts:
                settle = box.addButton(
                    self.tr("&Settle conflicts…"), QMessageBox.ButtonRole.ActionRole
                )
                if prompter().ask(box) is settle:
                    self.open_conflicts()
                return
            prompter().ask(box)

    def _sync_failed(self, error: PcdeskError) -> bool:
        self.syncing = False
        self.offline = isinstance(error, Unreachable)
        self._show_state()
        self.refresh_state()
        return False  # the presenter shows it (a cancellation: nothing)

    def access(self) -> PartnerCenterAccess:
        """For Add customer and the detail pane: whether Partner Center is used, and reachable
        by a sign-in (the network decides the rest, when asked)."""
        from pcdesk.partner_center.customers import PartnerCenterAccess

        used = self.uses_partner_center or self.account is not None
        return PartnerCenterAccess(self.connection if used else None, self.account is not None)

    # -- the outbox -------------------------------------------------------------------------------

    def send_outbox(self, *, quiet: bool = False) -> Operation[SendSummary] | None:
        """Send the pending changes (quietly after signing in and after a sync: the status bar
        and the Pending changes window say how it went)."""
        if self.sending or self.account is None:
            return None
        self.sending = True
        self._show_state()

        def done(summary: SendSummary) -> None:
            self.sending = False
            self.offline = summary.stopped is not None and not summary.sent
            self.refresh_state()
            if self._window.isWindow() and hasattr(self._window, "statusBar"):
                self._window.statusBar().showMessage(translated(summary.message()), 15_000)
            if self.pending_dialog is not None and self.pending_dialog.isVisible():
                self.pending_dialog._sent(summary)

        def failed(error: PcdeskError) -> bool:
            self.sending = False
            self.offline = isinstance(error, Unreachable)
            self.refresh_state()
            return quiet

        operation = Operation(self._window, self.connection.send_outbox)
        if quiet:
            operation.quiet()
        return (
            operation.success(done)
            .failure(failed)
            .changes(lambda summary: Changes.of_customers(summary.customers))
            .run()
        )

    def open_pending(self) -> PendingChangesDialog:
        if self.pending_dialog is not None and self.pending_dialog.isVisible():
            self.pending_dialog.raise_()
            return self.pending_dialog
        from pcdesk.views.partner.pending_changes import PendingChangesDialog

        send = self.connection.send_outbox if self.account is not None else None
        dialog = PendingChangesDialog(self._db, send, self._window)
        dialog.finished.connect(lambda _result: self._pending_closed())
        self.pending_dialog = dialog
        dialog.open()
        return dialog

    def _pending_closed(self) -> None:
        self.pending_dialog = None
        self.refresh_state()

    # -- conflicts -----------------------------------------------------------------------------------

    def open_conflicts(self) -> QDialog:
        if self.conflicts_dialog is not None and self.conflicts_dialog.isVisible():
            self.conflicts_dialog.raise_()
            return self.conflicts_dialog
        from pcdesk.views.partner.sync_conflicts import SyncConflictsDialog

        dialog = SyncConflictsDialog(self._db, self._window)
        dialog.finished.connect(lambda _result: setattr(self, "conflicts_dialog", None))
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog
