"""The Add customer wizard: it wires the pages, submits once, and keeps a draft meanwhile."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from pcdesk.errors import NotAllowed, NotFound, Unavailable, ValidationFailed
from pcdesk.models.database import Database
from pcdesk.services.catalog.offers import get_offer
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.duplicates import possible_duplicates
from pcdesk.services.customers.passwords import temporary_password
from pcdesk.services.drafts import DraftStore
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.question import ask
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.add.account_page import AccountPage
from pcdesk.views.customers.add.confirmation_page import ConfirmationPage
from pcdesk.views.customers.add.pages import ACCOUNT, CONFIRMATION, REVIEW, SUBSCRIPTIONS
from pcdesk.views.customers.add.review_page import ReviewPage
from pcdesk.views.customers.add.subscriptions_page import SubscriptionsPage
from pcdesk.views.customers.forms.cart_model import CartLine

log = logging.getLogger(__name__)

AUTOSAVE_MS = 2000  # a crash loses at most this much typing
DISCARD, KEEP, CANCEL = "discard", "keep", "cancel"


class AddCustomerWizard(QWizard):
    """Account info → Subscriptions → Review → Submit → confirmation → Done.

    ``customer_added(id)`` is emitted when the user clicks Done.
    """

    customer_added = Signal(int)

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        drafts: DraftStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._drafts = drafts
        self.created: CustomerDetails | None = None
        self.setWindowTitle(self.tr("Add customer"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Return to Re&view"))
        self.button(QWizard.WizardButton.CustomButton1).setToolTip(
            self.tr("Go straight back to Review, keeping everything else as it was")
        )
        self.customButtonClicked.connect(self._custom_button)
        self.resize(860, 720)

        self.account_page = AccountPage(db, profile)
        self.subscriptions_page = SubscriptionsPage(db)
        self.review_page = ReviewPage()
        self.confirmation_page = ConfirmationPage()
        self.setPage(ACCOUNT, self.account_page)
        self.setPage(SUBSCRIPTIONS, self.subscriptions_page)
        self.setPage(REVIEW, self.review_page)
        self.setPage(CONFIRMATION, self.confirmation_page)
        self.setStartId(ACCOUNT)

        self._updating = False  # came back from Review through an Update link
        self.review_page.update_requested.connect(self.go_to_update)
        self.review_page.retry_requested.connect(self.next)
        self.currentIdChanged.connect(self._page_changed)
        self._page_changed(ACCOUNT)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self.account_page.form.changed.connect(self._edited)
        self.account_page.agreement.changed.connect(self._edited)
        self.subscriptions_page.cart.changed.connect(self._edited)
        self._restoring = False

    # -- navigation -----------------------------------------------------------------------------

    def _page_changed(self, page_id: int) -> None:
        returning = self._updating and page_id in (ACCOUNT, SUBSCRIPTIONS)
        self.button(QWizard.WizardButton.CustomButton1).setVisible(returning)
        if page_id == REVIEW:
            self._updating = False
        if page_id == CONFIRMATION:
            self.button(QWizard.WizardButton.CustomButton1).hide()

    def go_to_update(self, page_id: int) -> None:
        """Review's Update link: back to that page, everything kept."""
        self._updating = True
        while self.currentId() > page_id:
            self.back()
        self._page_changed(self.currentId())

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.return_to_review()

    def return_to_review(self) -> None:
        """Forward through each page to Review, stopping at the first that is not complete.

        QWizard.next() does not check a page's completeness itself, so this does.
        """
        while self.currentId() < REVIEW:
            page, before = self.currentPage(), self.currentId()
            if not page.isComplete():
                page.validatePage()  # shows the page's messages
                return
            self.next()  # validates the page again; stays put when it refuses
            if self.currentId() == before:
                return

    # -- review and submit ----------------------------------------------------------------------

    def refresh_review(self) -> None:
        data = self.account_page.form.customer_input()
        reseller = ""
        picker = self.account_page.form.reseller
        if data.indirect_reseller_id is not None:
            reseller = picker.itemText(picker.findData(data.indirect_reseller_id))
        self.review_page.show_summary(
            data,
            self.account_page.agreement.agreement_input(),
            self.subscriptions_page.cart.lines(),
            reseller,
            possible_duplicates(self._db, data),
        )

    def submit(self) -> bool:
        """Write the customer in one transaction; on failure say why and keep everything."""
        self.review_page.clear_failure()
        data = self.account_page.form.customer_input()
        agreement = self.account_page.agreement.agreement_input()
        lines = [
            SubscriptionLine(line.offer.id, line.quantity)
            for line in self.subscriptions_page.cart.lines()
        ]
        try:
            created = create_customer(self._db, data, agreement, lines)
        except ValidationFailed as failure:
            self._show_refusal(failure.errors)
            return False
        except Unavailable as unavailable:
            self.review_page.show_failure(translated(unavailable.message), can_retry=True)
            return False
        except NotAllowed as refused:
            self.review_page.show_failure(translated(refused.args[0]), can_retry=False)
            return False
        self.created = created
        self._autosave.stop()
        self._drafts.discard()
        # Made here, shown once on the next page, kept nowhere else.
        self.confirmation_page.show_customer(created, temporary_password())
        log.info("customer %s added (%s)", created.id, created.domain)
        return True

    def _show_refusal(self, errors: dict[str, str]) -> None:
        """Take the user to the first refused field, with its message beside it."""
        account_fields = {**self.account_page.form.messages, **self.account_page.agreement.messages}
        account = {name: text for name, text in errors.items() if name in account_fields}
        account.update(
            {name: text for name, text in errors.items() if name in ("culture", "language")}
        )
        if account:
            self.review_page.show_failure(
                self.tr("Nothing was saved: {problem}").format(
                    problem=translated(next(iter(account.values())))
                ),
                can_retry=False,
            )
            self.go_to_update(ACCOUNT)
            self.account_page.form.show_errors(account)
            self.account_page.agreement.show_errors(account)
            self.account_page.focus_field(next(iter(account)))
            return
        if any(name.startswith("subscriptions") for name in errors):
            self.go_to_update(SUBSCRIPTIONS)
            first = next(text for name, text in errors.items() if name.startswith("subscriptions"))
            self.subscriptions_page.need_one.show_error(translated(first))
            return
        problem = "; ".join(translated(text) for text in errors.values())
        self.review_page.show_failure(
            self.tr("Nothing was saved: {problem}").format(problem=problem), can_retry=False
        )

    def accept(self) -> None:
        """Done: the customer exists; forget the password and tell the main window."""
        self.confirmation_page.forget()
        super().accept()
        if self.created is not None:
            self.customer_added.emit(self.created.id)

    # -- drafts and closing ---------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._restoring and self.created is None and not self._autosave.isActive():
            self._autosave.start()

    def has_data(self) -> bool:
        return (
            self.account_page.form.has_data()
            or self.account_page.agreement.has_own_entries()
            or bool(self.subscriptions_page.cart.lines())
        )

    def draft_values(self) -> dict[str, Any]:
        return {
            "account": self.account_page.form.values(),
            "agreement": self.account_page.agreement.values(),
            "cart": [
                {"offer_id": line.offer.id, "quantity": line.quantity}
                for line in self.subscriptions_page.cart.lines()
            ],
        }

    def save_draft(self) -> None:
        self._autosave.stop()
        if self.created is None and self.has_data():
            try:
                self._drafts.save(self.draft_values())
            except OSError:  # a full disk or a locked folder must not cost the user the form
                log.exception("the draft could not be saved")

    def restore_draft(self, values: dict[str, Any]) -> None:
        """Fill every page from a draft; offers gone from the catalog are left out."""
        self._restoring = True
        try:
            self.account_page.form.set_values(dict(values.get("account", {})))
            self.account_page.agreement.set_values(dict(values.get("agreement", {})))
            lines: list[CartLine] = []
            for line in values.get("cart", []):
                try:
                    offer = get_offer(self._db, int(line["offer_id"]))
                    quantity = int(line.get("quantity", 1))
                except (NotFound, KeyError, TypeError, ValueError, AttributeError):
                    continue  # an offer gone from the catalog, or a damaged line
                lines.append(CartLine(offer, quantity))
            self.subscriptions_page.cart.set_lines(lines)
        finally:
            self._restoring = False

    def ask_close(self) -> str:
        """Discard, keep as draft, or cancel closing (a seam the tests replace)."""
        answer = ask(
            self,
            self.tr("Add customer"),
            self.tr("Keep what you entered for this customer?"),
            self.tr("A draft can be resumed the next time you choose Add customer."),
            self.tr("&Keep as draft"),
            self.tr("&Discard"),
        )
        return {"first": KEEP, "second": DISCARD, "cancel": CANCEL}[answer]

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: ask before anything typed is lost."""
        if self.created is not None:
            self.accept()  # the customer exists: closing the confirmation is Done
            return
        if self.has_data():
            choice = self.ask_close()
            if choice == CANCEL:
                return
            if choice == KEEP:
                self.save_draft()
            else:
                self._autosave.stop()
                self._drafts.discard()
        else:
            self._autosave.stop()
            self._drafts.discard()
        super().reject()
