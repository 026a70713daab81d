"""Page 1, Account info: the account form, then the Microsoft Customer Agreement attestation."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.mnemonics import assign_mnemonics, plain_text
from pcdesk.views.common.text_lists import enumerated
from pcdesk.views.customers.add.pages import BUTTON_MNEMONICS
from pcdesk.views.customers.add.partner_center_panel import PartnerCenterPanel
from pcdesk.views.customers.forms.account_form import AccountForm
from pcdesk.views.customers.forms.agreement_form import AgreementForm

MAX_NAMED = 4  # how many missing fields the hint names before saying "and N more"


class AccountPage(QWizardPage):
    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        parent: QWidget | None = None,
        *,
        access: Callable[[], PartnerCenterAccess] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Account info"))
        self.setSubTitle(
            self.tr("The customer's company, primary contact and domain, as Partner Center asks.")
        )
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next: Subscriptions"))
        self.form = AccountForm(db, profile, access=access)
        self.partner_center: PartnerCenterPanel | None = None
        if access is not None and access().connection is not None:
            self.partner_center = PartnerCenterPanel(self.form, access)
        self.agreement = AgreementForm()
        heading = QLabel(self.tr("Microsoft Customer Agreement"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.form.sections.append(heading)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.form)
        inner.addSpacing(8)
        if self.partner_center is not None:
            inner.addWidget(self.partner_center)
            inner.addSpacing(8)
        inner.addWidget(heading)
        inner.addWidget(self.agreement)
        inner.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(content)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.hint)

        self.form.changed.connect(self._changed)
        self.agreement.changed.connect(self._changed)
        self.form.contact_changed.connect(self._contact_changed)
        self.form.country_changed.connect(self.agreement.set_country)
        self.form.relaid_out.connect(self._relaid_out)
        self.agreement.set_country(self.form.country_code())
        self._relaid_out()
        self._attach_fields()
        self._changed()

    def _relaid_out(self) -> None:
        assign_mnemonics(
            [*self.form.mnemonic_widgets(), *self.agreement.mnemonic_widgets()], BUTTON_MNEMONICS
        )
        chain = [*self.form.tab_order(), self.agreement.accepted]
        chain += [self.agreement.editor(name) for name in self.agreement.messages]
        chain.append(self.agreement.pending)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._attach_fields()

    def _contact_changed(self) -> None:
        data = self.form.customer_input()
        self.agreement.follow_contact(
            data.contact_first_name, data.contact_last_name, data.contact_email, data.contact_phone
        )

    def _changed(self) -> None:
        errors = self._update_hint()
        self._clear_fixed(errors)
        self.completeChanged.emit()

    def _clear_fixed(self, errors: dict[str, str]) -> None:
        """A message goes as soon as its field is right (new ones wait for the field to be left
        or for Next)."""
        for name, message in {**self.form.messages, **self.agreement.messages}.items():
            if message.is_error():
                fields = ("culture", "language") if name == "language" else (name,)
                if not any(field in errors for field in fields):
                    message.clear()

    def _attach_fields(self) -> None:
        """Each message frames its own field while it shows an error."""
        for name, message in self.form.messages.items():
            if name != "domain_prefix":
                message.field = self.form.editor(name)
        self.form.domain_status.field = self.form.domain.edit
        for name, message in self.agreement.messages.items():
            message.field = self.agreement.editor(name)

    def ordered_errors(self) -> dict[str, str]:
        """The errors in the order the fields are on the page."""
        errors = self.errors()
        order = [*self.form.tab_order(), *self._agreement_order()]

        def position(field: str) -> int:
            editor = self._editor_of(field)
            return order.index(editor) if editor in order else len(order)

        return dict(sorted(errors.items(), key=lambda item: position(item[0])))

    def _agreement_order(self) -> list[QWidget]:
        return [self.agreement.editor(name) for name in self.agreement.messages]

    def _editor_of(self, field: str) -> QWidget | None:
        if field in self.agreement.messages:
            return self.agreement.editor(field)
        try:
            return self.form.editor(field)
        except KeyError:
            return None

    def errors(self) -> dict[str, str]:
        return {**self.form.findings().errors, **self.agreement.errors()}

    def isComplete(self) -> bool:
        """Next stays enabled, so it can show every problem at once; only while the domain's
        availability is being asked does it wait."""
        domain = self.form.domain
        return not (domain.prefix() and domain.is_pending())

    def _update_hint(self) -> dict[str, str]:
        """Name what is still missing or wrong below the form; returns the errors."""
        errors = self.ordered_errors()
        names: list[str] = []
        for field in errors:
            label = self._label_of(field)
            if label and label not in names:
                names.append(label)
        if not names:
            self.hint.clear()
            return errors
        shown = enumerated(names[:MAX_NAMED])
        if len(names) > MAX_NAMED:
            shown = self.tr("{fields} and {count} more").format(
                fields=shown, count=len(names) - MAX_NAMED
            )
        self.hint.setText(self.tr("To go on, complete or correct: {fields}.").format(fields=shown))
        return errors

    def _label_of(self, field: str) -> str:
        labels = {**self.form.labels, **self.form.address.labels}
        if field in self.agreement.messages:
            editor = self.agreement.editor(field)
            return editor.accessibleName()
        label = labels.get("language" if field == "culture" else field)
        return plain_text(label).rstrip(":\uff1a") if label is not None else ""

    def initializePage(self) -> None:
        self._changed()
        self.form.edits["company_name"].setFocus()

    def cleanupPage(self) -> None:
        """Going back keeps what was typed (QWizard's default would reset the fields)."""

    def validatePage(self) -> bool:
        # The domain's availability is the last verdict (Next waits for it); Submit checks again.
        # Next shows every message at once and takes the user to the first problem.
        errors = self.form.findings().errors
        agreement_errors = self.agreement.errors()
        if errors or agreement_errors:
            self.form.show_errors(dict(errors))
            self.agreement.show_errors(agreement_errors)
            first = next(iter(self.ordered_errors()), None)
            if first is not None:
                self.focus_field(first)
            return False
        return True

    def focus_field(self, field: str) -> None:
        editor = (
            self.agreement.editor(field)
            if field in self.agreement.messages
            else self.form.editor(field)
        )
        editor.setFocus()
        self.scroller.ensureWidgetVisible(editor)
