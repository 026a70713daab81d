"""The Add customer wizard: it wires the pages, submits once, and keeps a draft meanwhile.

What it reads (possible duplicates, a draft's offers) and the submit itself run off the GUI
thread; while the customer is being written, the wizard's buttons are disabled.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from pcdesk.errors import NotAllowed, NotFound, PcdeskError, Unavailable, ValidationFailed
from pcdesk.partner_center.customers import AddedCustomer, PartnerCenterAccess, add_customer
from pcdesk.services.catalog.offers import Offer, get_offer
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.duplicates import PossibleDuplicate, possible_duplicates
from pcdesk.services.customers.passwords import temporary_password
from pcdesk.services.database import Database
from pcdesk.services.drafts import DraftStore
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.prompts import prompter
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
        *,
        access: Callable[[], PartnerCenterAccess] | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._drafts = drafts
        self._access = access
        self.created: CustomerDetails | None = None
        self.added: AddedCustomer | None = None
        self.submitted_at = 0.0  # perf_counter at Submit (the confirmation's figure)
        self.confirmed_after: float | None = None  # seconds from Submit to the confirmation
        self._submitting: Operation[AddedCustomer] | None = None
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

        self.account_page = AccountPage(db, profile, access=access)
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
        """Review's Update link: back to that page, everything kept (not while submitting)."""
        if self.is_submitting():
            return
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
        """Show what will be submitted; the possible duplicates follow once they are read."""
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
            (),
        )

        def found(duplicates: tuple[PossibleDuplicate, ...]) -> None:
            # Dropped when the user has left Review or changed the account meanwhile.
            if self.currentId() == REVIEW and self.account_page.form.customer_input() == data:
                self.review_page.show_duplicates(duplicates)

        db = self._db
        Operation(self, lambda: possible_duplicates(db, data)).success(found).run()

    def is_submitting(self) -> bool:
        operation = self._submitting
        return operation is not None and operation in runner().running()

    def submit(self) -> bool:
        """Submit: True once the customer is written (the wizard goes on); otherwise start
        writing it in one transaction, off the GUI thread, and return False. Once written, the
        wizard goes on to the confirmation; on failure it says why and keeps everything."""
        if self.created is not None:
            return True
        if self.is_submitting():
            return False  # one submit at a time
        self.review_page.clear_failure()
        data = self.account_page.form.customer_input()
        agreement = self.account_page.agreement.agreement_input()
        lines = [
            SubscriptionLine(line.offer.id, line.quantity)
            for line in self.subscriptions_page.cart.lines()
        ]
        db = self._db
        buttons = (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.CustomButton1,
        )
        access = self._access() if self._access is not None else None
        connection = access.connection if access is not None else None
        online = access.online if access is not None else False
        panel = self.account_page.partner_center
        gdap = panel.gdap.isChecked() if panel is not None else False
        # Focus stays on the page while its buttons are disabled (not on some other window).
        self.review_page.setFocus()
        self.submitted_at = time.perf_counter()
        self._submitting = (
            Operation(
                self,
                lambda: add_customer(
                    db, connection, data, agreement, lines, gdap_by_default=gdap, online=online
                ),
            )
            .busy(*(self.button(which) for which in buttons))
            .success(self._submitted)
            .failure(self._submit_failed)
            .changes(lambda added: Changes.of_customers([added.details.id]))
            .run()
        )
        return False

    def _submitted(self, added: AddedCustomer) -> None:
        self._submitting = None
        self.added = added
        created = added.details
        self.created = created
        self._autosave.stop()
        self._drafts.discard()
        if added.credentials is not None:  # Partner Center's own admin and password
            self.confirmation_page.show_customer(
                created, added.credentials.password, admin_user=added.credentials.admin_user
            )
        elif added.queued is not None:  # not yet in Partner Center: it sets the password then
            self.confirmation_page.show_queued(created, translated(added.queued))
        else:
            # Made here, shown once on the next page, kept nowhere else.
            self.confirmation_page.show_customer(created, temporary_password())
        log.info("customer %s added (%s)", created.id, created.domain)
        self.next()  # Review lets the wizard go on now
        self.confirmed_after = time.perf_counter() - self.submitted_at

    def _submit_failed(self, error: PcdeskError) -> bool:
        self._submitting = None
        if isinstance(error, ValidationFailed):
            self._show_refusal(error.errors)
        elif isinstance(error, Unavailable):
            self.review_page.show_failure(translated(error.message), can_retry=True)
        elif isinstance(error, NotAllowed):
            self.review_page.show_failure(translated(error.message), can_retry=False)
        else:
            return False
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
        """Done: the customer exists; forget the password and tell the main window. While the
        sign-in details were neither copied nor printed, ask first (they cannot be shown again)."""
        unsaved = self.created is not None and not self.confirmation_page.saved
        if unsaved and not self.ask_close_unsaved():
            return
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
        """Fill every page from a draft; the cart's offers are read off the GUI thread, and
        offers gone from the catalog are left out."""
        self._restoring = True
        try:
            self.account_page.form.set_values(dict(values.get("account", {})))
            self.account_page.agreement.set_values(dict(values.get("agreement", {})))
        finally:
            self._restoring = False
        wanted: list[tuple[int, int]] = []
        for line in values.get("cart", []):
            try:
                wanted.append((int(line["offer_id"]), int(line.get("quantity", 1))))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # a damaged line
        if not wanted:
            return
        db = self._db

        def read() -> list[tuple[Offer, int]]:
            found: list[tuple[Offer, int]] = []
            for offer_id, quantity in wanted:
                try:
                    found.append((get_offer(db, offer_id), quantity))
                except NotFound:
                    continue  # an offer gone from the catalog
            return found

        Operation(self, read).success(self._restore_cart).run()

    def _restore_cart(self, found: list[tuple[Offer, int]]) -> None:
        """The draft's cart, before anything the user has added since the wizard opened."""
        cart = self.subscriptions_page.cart
        self._restoring = True
        try:
            cart.set_lines(
                [CartLine(offer, quantity) for offer, quantity in found] + list(cart.lines())
            )
        finally:
            self._restoring = False

    def ask_close_unsaved(self) -> bool:
        """Closing the confirmation before the password is kept: True to close anyway."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Add customer"))
        box.setText(self.tr("Close without keeping the sign-in details?"))
        box.setInformativeText(
            self.tr(
                "The temporary password is not saved anywhere and cannot be shown again. Copy "
                "or print the sign-in details first."
            )
        )
        back = box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        close = box.addButton(self.tr("&Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        return prompter().ask(box) is close

    def ask_close(self) -> str:
        """Discard, keep as draft, or cancel closing (asked through the prompter)."""
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
        if self.is_submitting():
            return  # the customer is being written: its answer decides
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
