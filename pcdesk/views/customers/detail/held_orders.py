"""Orders Partner Center held for the customer the Subscriptions tab shows (while its Microsoft
Customer Agreement is not accepted or its account is under review): whether their block has lifted
is read off the GUI thread; while it has not, the tab says why above its table; once it has, the
user is asked to place them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from pcdesk.errors import PcdeskError
from pcdesk.messages import Message
from pcdesk.partner_center.orders import OrderOutcome, block_lifted, held_orders, place_held
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.common import under_way
from pcdesk.views.customers.detail.subscription_orders import SubscriptionOrders
from pcdesk.views.customers.detail.subscriptions_tab_parts import SubscriptionsTabParts


class HeldOrders(QObject):
    """The Subscriptions tab's held orders (``tab.held_orders``)."""

    def __init__(
        self, parts: SubscriptionsTabParts, orders: SubscriptionOrders, blocked: FieldMessage
    ) -> None:
        super().__init__(parts.tab)
        self._parts = parts
        self._orders = orders  # a held order placed is an order: its outcome and provisioning
        self._blocked = blocked  # above the table: why nothing can be bought now
        self._placing_held = False  # the user is being asked to place a held order
        self._held_check: Operation[list[tuple[int, Message | None]]] | None = None

    def check_held_orders(self) -> None:
        """Look again whether a held order of the customer shown can now be placed."""
        parts = self._parts
        if self._placing_held or under_way(parts.pc_operation):
            return  # asking, or placing it, already
        details = parts.shown()
        if details is not None and self._orders.orders_to_partner_center(details):
            self.show_held_orders(details)

    def show_held_orders(self, details: CustomerDetails) -> None:
        """Held orders of the customer shown: whether their block has lifted, read off the GUI
        thread; the user is then asked to place them."""
        parts = self._parts
        if parts.access is None or not parts.access().online:
            return
        connection = parts.access().connection
        if connection is None:
            return
        customer_id = details.id
        db = parts.db

        def work() -> list[tuple[int, Message | None]]:
            return [
                (item.id, block_lifted(db, connection, item.id))
                for item in held_orders(db, customer_id)
            ]

        if under_way(self._held_check):
            return
        self._held_check = (
            Operation(parts.tab, work)
            .quiet()
            .success(lambda found: self._held_found(customer_id, found))
            .failure(lambda _e: True)
            .run()
        )

    def _held_found(self, customer_id: int, found: list[tuple[int, Message | None]]) -> None:
        if not self._parts.shows(customer_id) or not found:
            return
        still = [translated(reason) for _item, reason in found if reason is not None]
        ready = [item for item, reason in found if reason is None]
        if still and not ready:
            self._blocked.show_warning(
                self.tr("An order is held in Pending changes. {reason}").format(reason=still[0])
            )
            return
        if ready and not self._placing_held:
            self._placing_held = True
            try:
                self.ask_place_held(customer_id, ready)
            finally:
                self._placing_held = False

    def ask_place_held(self, customer_id: int, item_ids: list[int]) -> None:
        parts = self._parts
        box = QMessageBox(parts.tab)
        box.setObjectName("place_held_order")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Place the held order"))
        box.setText(
            self.tr(
                "Partner Center now takes orders for this customer. Place the order that was held?"
            )
        )
        place = box.addButton(self.tr("&Place order"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(place)
        box.setEscapeButton(later)
        if prompter().ask(box) is not place or parts.access is None:
            return
        connection = parts.access().connection
        if connection is None:
            return
        db = parts.db

        def work() -> OrderOutcome:
            outcome = None
            for item_id in item_ids:
                outcome = place_held(db, connection, item_id)
            assert outcome is not None
            return outcome

        parts.pc_operation = (
            Operation(parts.tab, work)
            .busy(*parts.busy)
            .success(lambda outcome: self._held_placed(customer_id, outcome))
            .failure(lambda error: self._show_pc_failure(error))
            .changes(lambda _outcome: Changes.of_customers([customer_id]))
            .run()
        )

    def _held_placed(self, customer_id: int, outcome: OrderOutcome) -> None:
        parts = self._parts
        self._orders.last_order = outcome
        if not parts.shows(customer_id):
            return
        if outcome.placed:
            parts.notice.show_ok(
                self.tr("The held order is placed in Partner Center.")
                + (
                    " " + self.tr("Its subscriptions appear when provisioned.")
                    if outcome.pending
                    else ""
                )
            )
            if outcome.pending:
                self._orders.provisioning.start()
        elif outcome.held is not None:
            parts.notice.show_warning(translated(outcome.held))
        parts.reload_requested.emit()

    def _show_pc_failure(self, error: PcdeskError) -> bool:
        self._parts.notice.show_error(translated(error.message))
        return True
