"""Request a relationship…: whom the request is for (an existing customer, found by search, or a
new prospect named by company) and whom the e-mail goes to.

Its fields are rows of the dialog's form, so that their labels line up with the e-mail's. A
chosen customer is read off the GUI thread; an answer about a choice since dropped is ignored. Its
texts are translated in the dialog's context, "RequestRelationshipDialog", where the zh-TW
translations are filed (``tr`` here would file them under this class's name).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import Relationship, RequestStatus
from pcdesk.errors import NotFound, PcdeskError
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.database import Database
from pcdesk.services.relationships.requests import RelationshipRequestData, requests_for_customer
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.forms.account_summary import local_date_time
from pcdesk.views.customers.forms.customer_picker import CustomerSearchBox

EXISTING, PROSPECT = 0, 1  # the ids of the two radio buttons


class RequestCustomerSection(QObject):
    """``mode_changed()`` when the user switches between customer and prospect;
    ``customer_picked(culture)`` when a customer other than the one before is chosen (the
    draft names it, in its language); ``changed()`` when the choice changes at all."""

    mode_changed = Signal()
    customer_picked = Signal(str)
    changed = Signal()

    def __init__(self, db: Database, dialog: QWidget) -> None:
        super().__init__(dialog)
        self._db = db
        self._dialog = dialog
        self._reads = 0  # the latest choice read; an answer about an earlier one is ignored
        self._customer_id: int | None = None
        self._customer_name = ""
        self._prefilled_recipient = ""  # what was filled in for the user, to tell it from typing
        self._customer_contact = ""  # the chosen customer's primary contact

        self.existing_radio = QRadioButton(
            QCoreApplication.translate("RequestRelationshipDialog", "An e&xisting customer"), dialog
        )
        self.prospect_radio = QRadioButton(
            QCoreApplication.translate("RequestRelationshipDialog", "A new &prospect"), dialog
        )
        self.existing_radio.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.existing_radio, EXISTING)
        self._modes.addButton(self.prospect_radio, PROSPECT)
        self._modes_row = QHBoxLayout()
        self._modes_row.setContentsMargins(0, 0, 0, 0)
        self._modes_row.addWidget(self.existing_radio)
        self._modes_row.addWidget(self.prospect_radio)
        self._modes_row.addStretch(1)

        # An existing customer, searched for as the list searches.
        self.customer_box = CustomerSearchBox(db, dialog)
        self.customer_message = self.customer_box.message

        # A prospect: not a customer yet, named by company.
        self.prospect = QLineEdit(dialog)
        self.prospect.setPlaceholderText(
            QCoreApplication.translate("RequestRelationshipDialog", "The prospect's company name")
        )
        self.prospect_message = FieldMessage(dialog)
        self.prospect_page = QWidget(dialog)
        prospect_layout = QVBoxLayout(self.prospect_page)
        prospect_layout.setContentsMargins(0, 0, 0, 0)
        prospect_layout.addWidget(self.prospect)
        prospect_layout.addWidget(self.prospect_message)
        self.prospect_page.hide()

        # One of the two is shown; a hidden one takes no room (as a stacked widget's would).
        self._who = QWidget(dialog)
        who_layout = QVBoxLayout(self._who)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.customer_box)
        who_layout.addWidget(self.prospect_page)

        self.who_label = QLabel(
            QCoreApplication.translate("RequestRelationshipDialog", "C&ustomer:"), dialog
        )
        self.who_label.setBuddy(self.customer_box.search)
        self.recipient = QLineEdit(dialog)
        self.recipient.setPlaceholderText(
            QCoreApplication.translate(
                "RequestRelationshipDialog",
                "Optional: the customer's Global admin, for example admin@contoso.com",
            )
        )
        self.recipient_message = FieldMessage(dialog)

        self._modes.idToggled.connect(self._mode_toggled)
        self.customer_box.edited.connect(self._search_edited)
        self.customer_box.picked.connect(self.choose_customer)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(
            QCoreApplication.translate("RequestRelationshipDialog", "For:"), self._modes_row
        )
        form.addRow(self.who_label, self._who)
        form.addRow(
            QCoreApplication.translate("RequestRelationshipDialog", "&Recipient:"), self.recipient
        )
        form.addRow("", self.recipient_message)

    # -- what was chosen ----------------------------------------------------------------------
    def is_prospect(self) -> bool:
        return self.prospect_radio.isChecked()

    def customer_id(self) -> int | None:
        """The chosen existing customer (None for a prospect, or while none is chosen)."""
        return None if self.is_prospect() else self._customer_id

    def customer_name(self) -> str:
        """The name the draft uses: the chosen customer's, or the prospect's."""
        if self.is_prospect():
            return self.prospect.text().strip()
        return self._customer_name

    def name_message(self) -> FieldMessage:
        """Where a problem with whom the request is for is told."""
        return self.prospect_message if self.is_prospect() else self.customer_message

    # -- choosing -----------------------------------------------------------------------------
    def _mode_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the other button's unchecking says nothing new
            self._reads += 1  # a customer still being read is no longer wanted
            self._show_mode()
            self._follow_mode_recipient()
            self.mode_changed.emit()

    def _follow_mode_recipient(self) -> None:
        """A recipient filled in from the chosen customer is that customer's contact: it must
        not stay as the prospect's (it comes back with the customer). A typed one stays."""
        if self.recipient.text() != self._prefilled_recipient:
            return
        wanted = "" if self.is_prospect() else self._customer_contact
        self._prefilled_recipient = wanted
        self.recipient.setText(wanted)

    def _show_mode(self) -> None:
        prospect = self.is_prospect()
        self.customer_box.setVisible(not prospect)
        self.prospect_page.setVisible(prospect)
        self.who_label.setText(
            QCoreApplication.translate("RequestRelationshipDialog", "Company &name:")
            if prospect
            else QCoreApplication.translate("RequestRelationshipDialog", "C&ustomer:")
        )
        self.who_label.setBuddy(self.prospect if prospect else self.customer_box.search)

    def _search_edited(self) -> None:
        """Typing in the search box starts a new search; the choice so far no longer holds."""
        self._reads += 1
        self._set_customer(None, "", "")

    def choose_customer(self, customer_id: int) -> None:
        """Make the request for this existing customer (as if picked in the list)."""
        if not self.existing_radio.isChecked():
            with QSignalBlocker(self._modes):  # the draft is redone once, for the customer
                self.existing_radio.setChecked(True)
            self._show_mode()
        self._reads += 1
        read = self._reads
        db = self._db

        def work() -> tuple[CustomerDetails, tuple[RelationshipRequestData, ...]]:
            return get_customer(db, customer_id), requests_for_customer(db, customer_id)

        def arrived(found: tuple[CustomerDetails, tuple[RelationshipRequestData, ...]]) -> None:
            if read == self._reads:
                self._show_customer(*found)

        def failed(error: PcdeskError) -> bool:
            if read != self._reads:
                return True  # about a choice since dropped
            if isinstance(error, NotFound):
                self.customer_message.show_error(
                    QCoreApplication.translate(
                        "RequestRelationshipDialog",
                        "This customer no longer exists. Search for it again.",
                    )
                )
            else:
                self.customer_message.show_error(translated(error.message))
            return True

        Operation(self._dialog, work).success(arrived).failure(failed).run()

    def _show_customer(
        self, details: CustomerDetails, requests: tuple[RelationshipRequestData, ...]
    ) -> None:
        customer_id = details.id
        self.customer_box.show_chosen(
            details.company_name,
            QCoreApplication.translate(
                "RequestRelationshipDialog", "{domain} · Microsoft ID {microsoft_id}"
            ).format(domain=details.domain, microsoft_id=details.microsoft_id),
        )
        # The primary contact is a good first guess at whom to write to (editable).
        self._customer_contact = details.contact_email
        if not self.recipient.text().strip() or self.recipient.text() == self._prefilled_recipient:
            self._prefilled_recipient = details.contact_email
            self.recipient.setText(details.contact_email)
        self._set_customer(customer_id, details.company_name, details.culture)
        pending = [r for r in requests if r.status is RequestStatus.PENDING]
        if details.relationship is Relationship.RESELLER:
            self.customer_message.show_warning(
                QCoreApplication.translate(
                    "RequestRelationshipDialog",
                    "{company} already has a reseller relationship with you.",
                ).format(company=details.company_name)
            )
        elif pending:
            self.customer_message.show_warning(
                QCoreApplication.translate(
                    "RequestRelationshipDialog",
                    "A request sent on {when} by {who} is still pending.",
                ).format(when=local_date_time(pending[0].created_at), who=pending[0].created_by)
            )
        else:
            self.customer_message.clear()

    def _set_customer(self, customer_id: int | None, name: str, culture: str) -> None:
        """The chosen customer; a new one is named in the draft (the search box being
        edited clears the choice but leaves the draft until the next one is picked)."""
        changed = customer_id != self._customer_id
        self._customer_id = customer_id
        self._customer_name = name
        if customer_id is not None and changed:
            self.customer_picked.emit(culture)
        self.changed.emit()
