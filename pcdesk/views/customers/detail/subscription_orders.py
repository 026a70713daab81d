"""Ordering offers from the Subscriptions tab: Add offers… opens the dialog, and its order is
written here against the customer's version or, for a customer in Partner Center, placed there
(cart and checkout): held, refused line by line, provisioning (asked about again until its
subscriptions are in), or queued in Pending changes when offline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from pcdesk.enums import AccountStatus, Relationship
from pcdesk.errors import PcdeskError
from pcdesk.partner_center.errors import not_signed_in_message
from pcdesk.partner_center.orders import (
    OrderOutcome,
    check_provisioning,
    pending_orders,
    place_order,
    queue_order,
)
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.subscriptions import add_subscriptions
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.add_offers_dialog import AddOffersDialog
from pcdesk.views.customers.detail.common import customer_write, under_way
from pcdesk.views.customers.detail.subscription_rules import purchase_problem
from pcdesk.views.customers.detail.subscriptions_tab_parts import SubscriptionsTabParts
from pcdesk.views.customers.detail.tables import DetailTable

PROVISIONING_CHECK_MS = 30_000  # how often an order still provisioning is asked about


class SubscriptionOrders(QObject):
    """The Subscriptions tab's ordering (``tab.orders``): ``add_dialog`` is the Add offers
    dialog while it is open, ``last_order`` what Partner Center last said of an order."""

    def __init__(
        self,
        parts: SubscriptionsTabParts,
        *,
        table: DetailTable,
        role_problem: Callable[[], str | None],
        set_allowed: Callable[[bool], None],
    ) -> None:
        super().__init__(parts.tab)
        self._parts = parts
        self._table = table  # the subscription last ordered is selected there
        self._role_problem = role_problem  # why the user's role may not; None if it may
        self._set_allowed = set_allowed  # the tab's: the role was taken away meanwhile
        self.add_dialog: AddOffersDialog | None = None
        self.last_order: OrderOutcome | None = None
        self.provisioning = QTimer(self)
        self.provisioning.setInterval(PROVISIONING_CHECK_MS)
        self.provisioning.timeout.connect(self.check_provisioning)

    def purchase_problem(self, details: CustomerDetails) -> str | None:
        """Why nothing can be bought. For a customer in Partner Center, its agreement and its
        review are Partner Center's to decide: an order is then held there, not refused here."""
        problem = purchase_problem(details)
        if problem is None or not self.orders_to_partner_center(details):
            return problem
        if details.relationship is not Relationship.RESELLER:
            return problem
        if details.account_status is AccountStatus.DISABLED:
            return problem
        return None

    def orders_to_partner_center(self, details: CustomerDetails) -> bool:
        access = self._parts.access
        if access is None or details.partner_center != "linked":
            return False
        return access().connection is not None

    # -- the Add offers dialog ------------------------------------------------------------------

    def open_add_offers(self) -> None:
        details = self._parts.shown()
        if (
            details is None
            or self.purchase_problem(details) is not None
            or self._role_problem() is not None
        ):
            return  # Add offers is disabled and says why
        self._parts.notice.clear()
        dialog = AddOffersDialog(self._parts.db, details, self._parts.tab)
        dialog.setObjectName("add_offers_dialog")
        dialog.ordered.connect(self._order)
        dialog.finished.connect(self._add_dialog_closed)
        self.add_dialog = dialog
        dialog.open()

    def _add_dialog_closed(self) -> None:
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        self.add_dialog = None

    def _order(self, lines: tuple[SubscriptionLine, ...]) -> None:
        dialog = self.add_dialog
        if dialog is None:
            return
        details = dialog.details
        if self.orders_to_partner_center(details):
            self.order_in_partner_center(dialog, details, lines)
            return
        parts = self._parts

        def open_dialog(handle: Callable[..., None]) -> Callable[..., None]:
            """``handle``, while the dialog is still open (the user may close it meanwhile)."""

            def handler(*args: object) -> None:
                if self.add_dialog is dialog:
                    handle(*args)

            return handler

        def gone() -> None:
            if self.add_dialog is dialog:
                dialog.reject()
            parts.reload_requested.emit()

        def changed(current: CustomerDetails) -> None:
            parts.refreshed.emit(current)  # also makes it the dialog's new base
            if self.add_dialog is not dialog:
                return
            dialog.show_problem(
                self.tr(
                    "Another workstation changed this customer meanwhile. Nothing was ordered. "
                    "Check the subscriptions it now has, then order again if still needed."
                ),
                warning=True,
            )

        def not_allowed(reason: str) -> None:  # the role was taken away since it was opened
            self._set_allowed(False)
            if self.add_dialog is dialog:
                dialog.show_refusal({"role": reason})

        def ordered(saved: CustomerDetails) -> None:
            if self.add_dialog is dialog:
                dialog.accept()
            parts.saved.emit(saved)
            if not parts.shows(saved.id):
                return  # another customer is shown now
            count = len(lines)
            parts.notice.show_ok(
                self.tr("1 subscription ordered.")
                if count == 1
                else self.tr("{count} subscriptions ordered.").format(count=count)
            )
            new = [
                sub
                for sub in saved.subscriptions
                if sub.id not in {s.id for s in details.subscriptions}
            ]
            if new:
                self._table.select_id(new[-1].id)

        customer_write(
            parts.tab,
            details.id,
            lambda: add_subscriptions(parts.db, details.id, details.version, lines),
            busy=(dialog.picker, dialog.cart, dialog.order_button),
            saved=ordered,
            refused=open_dialog(dialog.show_refusal),
            unavailable=open_dialog(dialog.show_problem),
            gone=gone,
            changed=changed,
            not_allowed=not_allowed,
        )

    # -- in Partner Center ---------------------------------------------------------------------

    def order_in_partner_center(
        self, dialog: AddOffersDialog, details: CustomerDetails, lines: tuple[SubscriptionLine, ...]
    ) -> None:
        """Cart and checkout in Partner Center; held, per-line errors, pending, or queued."""
        parts = self._parts
        access = parts.access() if parts.access is not None else None
        connection = access.connection if access is not None else None
        if connection is None:
            return
        customer_id = details.id
        db = parts.db
        online = access is not None and access.online

        def work() -> OrderOutcome:
            if not online:
                item_id = queue_order(db, customer_id, list(lines))
                return OrderOutcome(item_id, None, not_signed_in_message(), (), (), False)
            return place_order(db, connection, customer_id, list(lines))

        parts.pc_operation = (
            Operation(parts.tab, work)
            .busy(dialog.picker, dialog.cart, dialog.order_button)
            .success(lambda outcome: self._ordered(dialog, customer_id, outcome))
            .failure(lambda error: self._order_refused(dialog, error))
            .changes(lambda _outcome: Changes.of_customers([customer_id]))
            .run()
        )

    def _ordered(self, dialog: AddOffersDialog, customer_id: int, outcome: OrderOutcome) -> None:
        parts = self._parts
        self.last_order = outcome
        line_errors = [line for line in outcome.lines if line.error is not None]
        if line_errors and not outcome.placed and outcome.held is None:
            if self.add_dialog is dialog:
                dialog.show_refusal(
                    {f"line{n}": f"{line.title}: {translated(line.error)}"
                     for n, line in enumerate(line_errors)}
                )  # fmt: skip
            return
        if self.add_dialog is dialog:
            dialog.accept()
        if not parts.shows(customer_id):
            return
        texts: list[str] = []
        if outcome.held is not None:
            texts.append(translated(outcome.held))
        elif outcome.queued is not None:
            texts.append(
                self.tr("The order waits in Pending changes: {reason}").format(
                    reason=translated(outcome.queued)
                )
            )
        elif outcome.pending:
            texts.append(
                self.tr(
                    "Order placed in Partner Center. It is being provisioned (this can take up "
                    "to 15 minutes): its subscriptions appear here when they are ready."
                )
            )
            self.provisioning.start()
        else:
            texts.append(self.tr("Order placed in Partner Center."))
        texts += [f"{line.title}: {translated(line.error)}" for line in line_errors]
        text = "\n".join(texts)
        if outcome.held is not None or outcome.queued is not None or line_errors:
            parts.notice.show_warning(text)
        else:
            parts.notice.show_ok(text)
        parts.reload_requested.emit()

    def _order_refused(self, dialog: AddOffersDialog, error: PcdeskError) -> bool:
        if self.add_dialog is dialog:
            dialog.show_problem(translated(error.message))
            return True
        return False

    def check_provisioning(self) -> None:
        """An order still provisioning: ask Partner Center again (its subscriptions come in)."""
        parts = self._parts
        details = parts.shown()
        connection = parts.access().connection if parts.access is not None else None
        if details is None or connection is None or under_way(parts.pc_operation):
            return
        customer_id = details.id
        db = parts.db

        def work() -> bool:
            done = True
            for item_id in pending_orders(db, customer_id):
                done = check_provisioning(db, connection, item_id) and done
            return done

        def checked(done: bool) -> None:
            if done:
                self.provisioning.stop()
                parts.notice.show_ok(self.tr("The order's subscriptions are in."))
                parts.reload_requested.emit()

        Operation(parts.tab, work).quiet().success(checked).failure(lambda _e: True).changes(
            lambda done: Changes.of_customers([customer_id]) if done else Changes()
        ).run()
