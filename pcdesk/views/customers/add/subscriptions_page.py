"""Page 2, Subscriptions: the catalog of the customer's market, and the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget, QWizard, QWizardPage

from pcdesk.services.database import Database
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.customers.forms.cart import CartWidget
from pcdesk.views.customers.forms.offer_picker import OfferPicker


class SubscriptionsPage(QWizardPage):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Subscriptions"))
        self.setSubTitle(self.tr("Choose the offers to order and how many licenses of each."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next: Review"))
        self.picker = OfferPicker(db)
        self.cart = CartWidget()
        self.blocked = FieldMessage(self)
        self.need_one = FieldMessage(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.picker)
        splitter.addWidget(self.cart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.blocked)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.need_one)
        self.picker.add_requested.connect(self.cart.add)
        self.cart.changed.connect(self._changed)
        self._country = ""
        self._agreement_pending = False

    def set_customer(self, country: str, agreement_pending: bool) -> None:
        """The market follows the customer's country; a pending agreement blocks ordering."""
        if country != self._country:
            self._country = country
            self.picker.set_market(country)
        self.cart.flag_market(country)
        self._agreement_pending = agreement_pending
        self.picker.setEnabled(not agreement_pending)
        # Blocked, the catalog would only be a grey list to choose nothing from.
        self.picker.setVisible(not agreement_pending)
        self.cart.set_empty_text(
            self.tr(
                "Nothing to order for now. Click Next: Review to add the customer without "
                "subscriptions."
            )
            if agreement_pending
            else ""
        )
        if agreement_pending:
            self.blocked.show_warning(
                self.tr(
                    "No subscriptions can be ordered until the customer accepts the Microsoft "
                    "Customer Agreement. Go on without subscriptions, and order them once it "
                    "is accepted."
                )
            )
        else:
            self.blocked.clear()
        self._changed()

    def initializePage(self) -> None:
        wizard = self.wizard()
        account = wizard.account_page  # type: ignore[attr-defined]
        self.set_customer(account.form.country_code(), not account.agreement.accepted.isChecked())
        # The keyboard starts where the page does: typing searches the offers (or, blocked, the
        # focus is on the wizard's Next). Nothing stays on the page left behind.
        QTimer.singleShot(0, self._focus_start)

    def _focus_start(self) -> None:
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        if self.picker.isVisible() and self.picker.search.isEnabled():
            self.picker.search.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            wizard.button(QWizard.WizardButton.NextButton).setFocus()

    def cleanupPage(self) -> None:
        """Going back keeps the cart."""

    def _changed(self) -> None:
        self.need_one.clear()
        lines = self.cart.lines()
        if self._agreement_pending and lines:
            self.need_one.show_error(
                self.tr(
                    "Remove the subscriptions from the cart to go on: they cannot be ordered yet."
                )
            )
        elif not self._agreement_pending and not lines:
            self.need_one.show_warning(self.tr("Add at least one subscription to go on."))
        elif self.cart.problems():
            count = len(self.cart.problems())
            self.need_one.show_error(
                self.tr("1 line of the cart needs fixing before you go on.")
                if count == 1
                else self.tr("{count} lines of the cart need fixing before you go on.").format(
                    count=count
                )
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        lines = self.cart.lines()
        if self._agreement_pending:
            return not lines
        return bool(lines) and not self.cart.problems()
