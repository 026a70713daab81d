"""The Agreement tab: the Microsoft Customer Agreement's status, and confirming a pending one.

Confirming uses the wizard's own attestation form (AgreementForm): the signer starts as the
primary contact, the date as today, and the same rules apply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import AgreementStatus as LocalAgreementStatus
from pcdesk.enums import AgreementType
from pcdesk.errors import PcdeskError
from pcdesk.partner_center.agreement import AgreementStatus, agreement_status
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.services.customers.details import AgreementData, CustomerDetails
from pcdesk.services.customers.edits import confirm_agreement
from pcdesk.services.database import Database
from pcdesk.services.inputs import AgreementInput
from pcdesk.services.partner.roles import Task, not_allowed_message
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.labels import agreement_label
from pcdesk.views.common.mnemonics import assign_mnemonics
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.acceptance_email import AcceptanceEmailDialog
from pcdesk.views.customers.detail.common import customer_write, selectable_label, under_way
from pcdesk.views.customers.forms.account_summary import (
    local_date_time,
    long_date,
    person,
    summary_table,
)
from pcdesk.views.customers.forms.agreement_form import AGREEMENT_URL, AgreementForm
from pcdesk.views.partner.sync_conflicts import short_datetime

T = TypeVar("T")

RECHECK_MS = 3 * 60_000  # how often a customer not yet signed is checked again in Partner Center


def is_pending(details: CustomerDetails) -> bool:
    """Nothing recorded yet, or the customer is to accept in the Microsoft 365 admin center."""
    return details.agreement is None or details.agreement.status is LocalAgreementStatus.PENDING


class ConfirmAgreementDialog(QDialog):
    """Signer and date of an acceptance; ``submitted(AgreementInput)`` when the user confirms
    input the form finds valid. The tab writes it and closes the dialog (or says why not)."""

    submitted = Signal(AgreementInput)

    def __init__(self, details: CustomerDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm acceptance"))
        self.details = details
        intro = QLabel(
            self.tr(
                "Record that {company} accepted the Microsoft Customer Agreement: who signed "
                "it, and on which day."
            ).format(company=details.company_name),
            self,
        )
        intro.setWordWrap(True)
        self.form = AgreementForm(self)
        self.form.accepted.setChecked(True)
        for widget in (self.form.accepted, self.form.pending, self.form.pending_note):
            widget.hide()
        signer_layout = self.form.signer.layout()
        if signer_layout is not None:
            signer_layout.setContentsMargins(0, 0, 0, 0)  # no choice to indent it under
        self.form.set_country(details.country)
        self.form.follow_contact(
            details.contact_first_name,
            details.contact_last_name,
            details.contact_email,
            details.contact_phone,
        )
        assign_mnemonics(self.form.labels, ("c",))
        self.failure = FieldMessage(self)
        buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(self.tr("&Confirm"), self)
        self.confirm_button.setDefault(True)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.failure)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 480), self.sizeHint().height())

    def _confirm(self) -> None:
        self.failure.clear()
        errors = self.form.errors()
        if errors:
            self.form.show_errors(errors)
            self.form.editor(next(iter(errors))).setFocus()
            return
        self.submitted.emit(self.form.agreement_input())

    def agreement_input(self) -> AgreementInput:
        return self.form.agreement_input()


class AgreementTab(QWidget):
    """``saved(details)`` after an acceptance is recorded; ``refreshed(details)`` when another
    workstation's change was found instead; ``reload_requested()`` when the customer no longer exists."""

    saved = Signal(CustomerDetails)
    refreshed = Signal(CustomerDetails)
    reload_requested = Signal()
    agreement_signed = Signal(int)  # Partner Center says this customer accepted the agreement

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._details: CustomerDetails | None = None
        self.dialog: ConfirmAgreementDialog | None = None
        self._allowed = True  # the user's role may attest (the pane reads it with the customer)
        self.summary = selectable_label(self, "agreement_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pending_note = QLabel(self)
        self.pending_note.setWordWrap(True)
        self.pending_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_button = QPushButton(self.tr("Confirm &acceptance…"), self)
        self.confirm_button.setToolTip(
            self.tr("Record that the customer accepted the agreement, with signer and date")
        )
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.clicked.connect(self.open_confirmation)
        self.notice = FieldMessage(self)
        button_row = QHBoxLayout()
        button_row.addWidget(self.confirm_button)
        button_row.addStretch(1)

        # Partner Center: whether the customer accepted (read there), the e-mail asking its
        # admin to, and a check again on its own until it is signed.
        self.access: Callable[[], PartnerCenterAccess] | None = None
        self.partner_name = ""
        self.pc_status: AgreementStatus | None = None
        self.pc_box = QGroupBox(self.tr("In Partner Center"), self)
        self.pc_state = QLabel(self.pc_box)
        self.pc_state.setObjectName("partner_center_agreement")
        self.pc_state.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check a&gain"), self.pc_box)
        self.check_button.clicked.connect(self.check_partner_center)
        self.email_button = QPushButton(self.tr("Ask the customer by &e-mail…"), self.pc_box)
        self.email_button.clicked.connect(self.open_acceptance_email)
        pc_buttons = QHBoxLayout()
        pc_buttons.addWidget(self.email_button)
        pc_buttons.addWidget(self.check_button)
        pc_buttons.addStretch(1)
        pc_layout = QVBoxLayout(self.pc_box)
        pc_layout.addWidget(self.pc_state)
        pc_layout.addLayout(pc_buttons)
        self.pc_box.hide()
        self.local_heading = QLabel(
            self.tr(
                "Local record (kept in pcdesk only: Partner Center no longer takes a partner's "
                "attestation from a desktop app)"
            ),
            self,
        )
        self.local_heading.setWordWrap(True)
        bold = QFont(self.local_heading.font())
        bold.setBold(True)
        self.local_heading.setFont(bold)
        self.local_heading.hide()
        self.email_dialog: AcceptanceEmailDialog | None = None
        self.recheck = QTimer(self)
        self.recheck.setInterval(RECHECK_MS)
        self.recheck.timeout.connect(self.check_partner_center)
        self._checking: Operation[AgreementStatus] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.pc_box)
        layout.addWidget(self.local_heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.pending_note)
        layout.addLayout(button_row)
        layout.addStretch(1)

    def show_details(self, details: CustomerDetails) -> None:
        same = self._details is not None and self._details.id == details.id
        self._details = details
        self.summary.setText(self._summary_html(details.agreement))
        connected = self._connection() is not None and details.partner_center == "linked"
        self.pc_box.setVisible(connected)
        self.local_heading.setVisible(connected)
        if not connected:
            self.recheck.stop()
        elif not same or self.pc_status is None:
            self.pc_status = None
            self.pc_state.setText(self.tr("Checking with Partner Center…"))
            self.check_partner_center()
        pending = is_pending(details)
        self.pending_note.setVisible(pending)
        self.confirm_button.setVisible(pending)
        if pending:
            self._follow_role()
            self.pending_note.setText(
                self.tr(
                    "The customer's admin accepts it in the Microsoft 365 admin center ({url}). "
                    "Until it is accepted, no subscriptions can be ordered and no licenses added."
                ).format(url=AGREEMENT_URL)
            )

    def set_allowed(self, allowed: bool) -> None:
        """Whether the user's role may attest (read by the pane off the GUI thread; a database
        that cannot be read counts as yes: confirming then says why not)."""
        self._allowed = allowed
        if self._details is not None and is_pending(self._details):
            self._follow_role()

    def _follow_role(self) -> None:
        """Only Admin and Sales agents attest (partner-center.md): others see why not."""
        allowed = self._allowed
        self.confirm_button.setEnabled(allowed)
        self.confirm_button.setToolTip(
            self.tr("Record that the customer accepted the agreement, with signer and date")
            if allowed
            else translated(not_allowed_message(Task.ATTEST_AGREEMENT))
        )

    # -- Partner Center ---------------------------------------------------------------------------

    def _connection(self) -> PartnerCenterConnection | None:
        if self.access is None:
            return None
        access = self.access()
        return access.connection if access.online else None

    def check_partner_center(self) -> None:
        """Ask Partner Center whether the customer's admin has accepted (off the GUI thread)."""
        details, connection = self._details, self._connection()
        if details is None or connection is None or under_way(self._checking):
            return
        customer_id, tenant = details.id, details.microsoft_id
        self._checking = (
            Operation(self, lambda: agreement_status(connection, tenant))
            .quiet()
            .success(lambda status: self._checked(customer_id, status))
            .failure(lambda error: self._unchecked(customer_id, error))
            .run()
        )

    def _checked(self, customer_id: int, status: AgreementStatus) -> None:
        if self._details is None or self._details.id != customer_id:
            return
        self.pc_status = status
        when = short_datetime(status.checked_at)
        if status.signed:
            self.recheck.stop()
            self.pc_state.setText(
                self.tr(
                    "The customer has accepted the Microsoft Customer Agreement (checked {when})."
                ).format(when=when)
            )
            self.email_button.hide()
            self.agreement_signed.emit(customer_id)
        else:
            self.email_button.show()
            self.pc_state.setText(
                self.tr(
                    "The customer has not accepted the Microsoft Customer Agreement yet (checked "
                    "{when}). Its admin accepts it in the Microsoft 365 admin center; pcdesk "
                    "checks again on its own every few minutes."
                ).format(when=when)
            )
            if not self.recheck.isActive():
                self.recheck.start()

    def _unchecked(self, customer_id: int, error: PcdeskError) -> bool:
        if self._details is not None and self._details.id == customer_id:
            self.pc_state.setText(
                self.tr("Partner Center could not be asked: {reason}").format(
                    reason=translated(error.message)
                )
            )
            if not self.recheck.isActive():
                self.recheck.start()
        return True

    def open_acceptance_email(self) -> AcceptanceEmailDialog | None:
        details = self._details
        if details is None:
            return None
        dialog = AcceptanceEmailDialog(
            partner_name=self.partner_name,
            customer_name=details.company_name,
            recipient=details.contact_email,
            culture=details.culture,
            parent=self,
        )
        self.email_dialog = dialog
        dialog.open()
        return dialog

    def clear(self) -> None:
        self.recheck.stop()
        self.pc_status = None
        self._details = None
        self.summary.clear()
        self.notice.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def _summary_html(self, agreement: AgreementData | None) -> str:
        status = agreement_label(None if agreement is None else agreement.status)
        rows: list[tuple[str, list[str]]] = [(self.tr("Status"), [status])]
        if agreement is None:
            return summary_table(rows)
        kind = {
            AgreementType.MICROSOFT_CUSTOMER_AGREEMENT: self.tr("Microsoft Customer Agreement"),
            AgreementType.MICROSOFT_CLOUD_AGREEMENT: self.tr("Microsoft Cloud Agreement"),
        }.get(agreement.agreement_type, str(agreement.agreement_type))
        rows.append((self.tr("Agreement"), [kind]))
        if agreement.status is LocalAgreementStatus.ACCEPTED:
            signer = person(agreement.signer_first_name, agreement.signer_last_name)
            rows.append(
                (
                    self.tr("Signer"),
                    [signer, agreement.signer_email, agreement.signer_phone],
                )
            )
            if agreement.date_accepted is not None:
                rows.append((self.tr("Date accepted"), [long_date(agreement.date_accepted)]))
        rows.append(
            (
                self.tr("Recorded"),
                [
                    self.tr("{when} by {who}").format(
                        when=local_date_time(agreement.recorded_at), who=agreement.recorded_by
                    )
                ],
            )
        )
        return summary_table(rows)

    # -- confirming -----------------------------------------------------------------------------

    def open_confirmation(self) -> None:
        if self._details is None or not is_pending(self._details):
            return
        self.notice.clear()
        dialog = ConfirmAgreementDialog(self._details, self)
        dialog.setObjectName("confirm_agreement_dialog")
        dialog.submitted.connect(self._record)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _record(self, agreement: AgreementInput) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        details = dialog.details

        def refused(errors: dict[str, str]) -> None:
            dialog.form.show_errors(errors)
            shown = set(dialog.form.messages)
            others = [text for name, text in errors.items() if name not in shown]
            dialog.failure.show_error(
                translated(others[0]) if others else self.tr("Correct the fields marked.")
            )

        def gone() -> None:
            if self.dialog is dialog:
                dialog.reject()
            self.reload_requested.emit()

        def not_allowed(reason: str) -> None:  # the role was taken away since it was shown
            dialog.failure.show_error(reason)
            self.set_allowed(False)

        def saved(saved: CustomerDetails) -> None:
            if self.dialog is dialog:
                dialog.accept()
            self.saved.emit(saved)

        def open_dialog(handle: Callable[[T], None]) -> Callable[[T], None]:
            """``handle``, while the dialog is still open (the user may close it meanwhile)."""

            def handler(value: T) -> None:
                if self.dialog is dialog:
                    handle(value)

            return handler

        customer_write(
            self,
            details.id,
            lambda: confirm_agreement(self._db, details.id, details.version, agreement),
            busy=(dialog.confirm_button, dialog.form),
            saved=saved,
            refused=open_dialog(refused),
            unavailable=open_dialog(dialog.failure.show_error),
            gone=gone,
            changed=lambda current: self._changed_meanwhile(dialog, current),
            not_allowed=open_dialog(not_allowed),
        )

    def _changed_meanwhile(self, dialog: ConfirmAgreementDialog, current: CustomerDetails) -> None:
        self.refreshed.emit(current)
        if self.dialog is not dialog:
            return  # closed meanwhile: the tab shows what is saved now
        if is_pending(current):
            dialog.details = current  # the next Confirm is made against what is saved now
            dialog.failure.show_warning(
                self.tr(
                    "Another workstation changed this customer meanwhile. Nothing was recorded. "
                    "The agreement is still pending: confirm again to record the acceptance."
                )
            )
            return
        dialog.reject()
        self.notice.show_warning(
            self.tr(
                "Another workstation recorded the agreement first. Nothing was recorded; "
                "what is saved now is shown."
            )
        )
