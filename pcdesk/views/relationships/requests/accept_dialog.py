"""Mark accepted: the customer's Microsoft ID and initial domain, checked, then the request closed.

The customer accepts in its own Microsoft 365 admin center; Partner Center then shows its
Microsoft ID and initial domain. The user types them here; the service adds the customer or
links the one that already has them (services/relationships/acceptance.py), off the GUI thread;
the dialog's buttons wait meanwhile, and the change is published (the customer is shown).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import ConcurrentChange, NotFound, PcdeskError, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.database import Database
from pcdesk.services.relationships.acceptance import (
    AcceptResult,
    CustomerChangedMeanwhile,
    accept_request,
)
from pcdesk.services.relationships.sent import RequestRow
from pcdesk.services.relationships.tenant_match import EXAMPLE_GUID, input_problems
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.grow_to_fit import grow_to_fit
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.translate import translated

FIELDS = ("microsoft_id", "domain_prefix")


class AcceptRequestDialog(QDialog):
    """Window-modal; ``accepted_request(AcceptResult)`` once the request is marked accepted.
    ``request_gone()`` when another workstation closed the request meanwhile."""

    accepted_request = Signal(object)
    request_gone = Signal()

    def __init__(self, db: Database, request: RequestRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.request = request
        self.result_value: AcceptResult | None = None
        self._saving: Operation[AcceptResult] | None = None  # while Mark accepted writes
        self.setWindowTitle(self.tr("Mark request accepted"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)

        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        if request.is_prospect:
            intro.setText(
                self.tr(
                    "Once the customer's Global admin has accepted your invitation, Partner "
                    "Center lists the customer with its Microsoft ID and initial domain. Type "
                    "them as Partner Center shows them: pcdesk adds the customer, or links the "
                    "customer that already has them."
                )
            )
        else:
            intro.setText(
                self.tr(
                    "Once the customer's Global admin has accepted your invitation, Partner "
                    "Center lists it among your customers. These are the Microsoft ID and "
                    "initial domain pcdesk has for it: check them against Partner Center."
                )
            )

        self.company = QLabel(self)
        self.company.setObjectName("company")
        self.company.setTextFormat(Qt.TextFormat.PlainText)
        self.company.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.company.setText(
            self.tr("{company} (prospect)").format(company=request.company_name)
            if request.is_prospect
            else request.company_name
        )

        self.microsoft_id = QLineEdit(self)
        self.microsoft_id.setObjectName("microsoft_id")
        self.microsoft_id.setPlaceholderText(EXAMPLE_GUID)
        self.microsoft_id.setMaxLength(40)  # room for braces and spaces around a pasted GUID
        self.domain = QLineEdit(self)
        self.domain.setObjectName("domain_prefix")
        self.domain.setPlaceholderText(self.tr("contoso"))
        self.domain.setMaxLength(60)  # room to paste "name.onmicrosoft.com"; the rule says 27
        suffix = QLabel(ONMICROSOFT, self)
        suffix.setBuddy(self.domain)
        domain_row = QWidget(self)
        domain_layout = QHBoxLayout(domain_row)
        domain_layout.setContentsMargins(0, 0, 0, 0)
        domain_layout.setSpacing(2)
        domain_layout.addWidget(self.domain, 1)
        domain_layout.addWidget(suffix)

        self.messages = {field: FieldMessage(self) for field in FIELDS}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Customer:"), self.company)
        form.addRow(self.tr("&Microsoft ID:"), self.microsoft_id)
        form.addRow("", self.messages["microsoft_id"])
        form.addRow(self.tr("Initial &domain:"), domain_row)
        form.addRow("", self.messages["domain_prefix"])
        self.failure = FieldMessage(self)

        self.buttons = QDialogButtonBox(self)
        self.accept_button = QPushButton(self.tr("Mark &accepted"), self)
        self.accept_button.setDefault(True)
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.failure)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if not request.is_prospect:
            self.microsoft_id.setText(request.microsoft_id)
            self.domain.setText(request.domain_prefix)
        self.microsoft_id.editingFinished.connect(lambda: self._check("microsoft_id"))
        self.domain.editingFinished.connect(lambda: self._check("domain_prefix"))
        self.microsoft_id.setFocus()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # a message appeared under a field: make room for all of it
        return handled

    # -- checking -----------------------------------------------------------------------------

    def _problems(self) -> dict[str, str]:
        return dict(input_problems(self.microsoft_id.text(), self.domain.text()))

    def _check(self, field: str) -> None:
        """On leaving a field: its message, once something was typed in it."""
        edit = self.microsoft_id if field == "microsoft_id" else self.domain
        if not edit.text().strip():
            self.messages[field].clear()
            return
        self._show(field, self._problems().get(field))

    def _show(self, field: str, message: str | None) -> None:
        self.messages[field].show_error_or_clear(message)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each field's message beside it; anything else (the request itself) below them."""
        for field in FIELDS:
            self._show(field, errors.get(field))
        others = [text for field, text in errors.items() if field not in FIELDS]
        if others:
            self.failure.show_error(translated(others[0]))
        else:
            self.failure.show_error(self.tr("Nothing was saved: correct the fields marked."))
        first = next((field for field in FIELDS if field in errors), None)
        if first is not None:
            edit = self.microsoft_id if first == "microsoft_id" else self.domain
            edit.setFocus()

    # -- saving -------------------------------------------------------------------------------

    def is_saving(self) -> bool:
        return self._saving is not None and self._saving in runner().running()

    def reject(self) -> None:
        if not self.is_saving():  # Escape or closing waits for the write to answer
            super().reject()

    def save(self) -> None:
        """Mark the request accepted; on any refusal what was typed stays and the dialog too."""
        if self.is_saving():
            return
        self.failure.clear()
        errors = self._problems()
        if errors:
            self.show_errors(errors)
            return
        db, request_id = self._db, self.request.id
        microsoft_id, domain = self.microsoft_id.text(), self.domain.text()
        self._saving = (
            Operation(self, lambda: accept_request(db, request_id, microsoft_id, domain))
            .busy(self.buttons)
            .success(self._saved)
            .failure(self._refused)
            .changes(lambda result: Changes.of_subject(result.customer_id, requests=True))
            .run()
        )

    def _saved(self, result: AcceptResult) -> None:
        self._saving = None
        for message in self.messages.values():
            message.clear()
        self.result_value = result
        self.accepted_request.emit(result)
        self.accept()

    def _refused(self, failure: PcdeskError) -> bool:
        """Say why; a request closed elsewhere meanwhile cannot be marked accepted again."""
        self._saving = None
        if isinstance(failure, ValidationFailed):
            self.show_errors(failure.errors)
        elif isinstance(failure, NotFound):
            self.failure.show_error(
                self.tr("This request no longer exists: another workstation may have removed it.")
            )
        else:  # changed meanwhile, not allowed, the database unavailable
            self.failure.show_error(translated(failure.message))
        # The customer changed at the same moment: the request is still pending, try again.
        gone = isinstance(failure, NotFound) or (
            isinstance(failure, ConcurrentChange)
            and not isinstance(failure, CustomerChangedMeanwhile)
        )
        if gone:
            self.accept_button.setEnabled(False)
            self.request_gone.emit()
        return True
