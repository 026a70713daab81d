"""The Subscriptions tab: what the customer holds, ordering more, and changing one subscription.

Each change is made against the subscription's own version (an order against the customer's);
if another workstation changed it first, nothing is written and the tab shows what is saved now.
Ordering and every change are disabled, saying why, for a role that may not manage subscriptions
(services/roles.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import AccountStatus, Relationship, SubscriptionStatus
from pcdesk.errors import PcdeskError, ValidationFailed
from pcdesk.messages import Message
from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.partner_center.errors import SignInRequired, Unreachable, not_signed_in_message
from pcdesk.partner_center.orders import (
    OrderOutcome,
    block_lifted,
    check_provisioning,
    held_orders,
    pending_orders,
    place_held,
    place_order,
    queue_order,
)
from pcdesk.partner_center.subscriptions import (
    ChangePreview,
    ChangeResult,
    StaleSubscription,
    apply_change,
    preview_change,
    queue_change,
)
from pcdesk.services.catalog.price_list_format import CENT, term_months
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails, SubscriptionData
from pcdesk.services.customers.subscriptions import (
    add_subscriptions,
    cancel_subscription,
    change_quantity,
    reactivate_subscription,
    suspend_subscription,
)
from pcdesk.services.database import Database
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner.roles import Task, not_allowed_message
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.labels import subscription_status_label
from pcdesk.views.common.money import billing_plan_label, format_money, term_label
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.text_lists import sentences
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.add_offers_dialog import AddOffersDialog
from pcdesk.views.customers.detail.common import customer_write, under_way
from pcdesk.views.customers.detail.subscription_rules import allowed, purchase_problem
from pcdesk.views.customers.detail.tables import DetailTable
from pcdesk.views.customers.forms.quantity_spin_box import QuantitySpinBox
from pcdesk.views.partner.sync_conflicts import short_datetime

OFFER, LICENSES, TERM, BILLING, STATUS, MONTHLY = range(6)
PROVISIONING_CHECK_MS = 30_000  # how often an order still provisioning is asked about


def monthly_price(subscription: SubscriptionData) -> Decimal:
    """What the subscription costs a month: its licenses at the term's price per month."""
    try:
        months = term_months(subscription.term)
    except ValueError:
        months = 1
    per_license = (subscription.unit_price / months).quantize(CENT)
    return per_license * subscription.quantity


def pc_status_label(status: str) -> str:
    names = {
        "active": QCoreApplication.translate("SubscriptionsTab", "Active"),
        "suspended": QCoreApplication.translate("SubscriptionsTab", "Suspended"),
        "deleted": QCoreApplication.translate("SubscriptionsTab", "Cancelled"),
    }
    return names.get(status, status)


def _queued_preview(sub: SubscriptionData) -> ChangePreview:
    """Stands in for a preview Partner Center could not give (only the title is shown)."""
    from pcdesk.partner_center.subscriptions import Window

    return ChangePreview(
        0, sub.id, sub.partner_center_id, "", subscription_title(sub), sub.quantity,
        sub.quantity, "", "", Decimal(0), Decimal(0), sub.currency, Window(None, None, None),
        None, "", {},
    )  # fmt: skip


def subscription_title(subscription: SubscriptionData) -> str:
    if subscription.sku_title and subscription.sku_title != subscription.product_title:
        return f"{subscription.product_title} — {subscription.sku_title}"
    return subscription.product_title


class SubscriptionsTab(QWidget):
    """``saved(details)`` after each write, ``refreshed(details)`` when another workstation's
    change was found instead, ``reload_requested()`` when something is gone.

    Each write runs off the GUI thread; meanwhile the tab's buttons are disabled, so a second
    click cannot write twice."""

    saved = Signal(CustomerDetails)
    refreshed = Signal(CustomerDetails)
    reload_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._details: CustomerDetails | None = None
        self._allowed = True  # the user's role may (the pane reads it with the customer)
        self._role_problem: str | None = None  # why the user's role may not; None if it may
        self.add_dialog: AddOffersDialog | None = None
        self._write: Operation[CustomerDetails] | None = None  # the last write started
        # Whether Partner Center is used and signed in (set by the window); a subscription that
        # is in Partner Center is then changed there.
        self.access: Callable[[], PartnerCenterAccess] | None = None
        self.pc_operation: Operation[Any] | None = None
        self.last_preview: ChangePreview | None = None
        self.last_order: OrderOutcome | None = None
        self._placing_held = False  # the user is being asked to place a held order
        self._held_check: Operation[list[tuple[int, Message | None]]] | None = None
        self.provisioning = QTimer(self)
        self.provisioning.setInterval(PROVISIONING_CHECK_MS)
        self.provisioning.timeout.connect(self.check_provisioning)

        self.blocked = FieldMessage(self)
        self.add_button = QPushButton(self.tr("&Add offers…"), self)
        self.add_button.setToolTip(self.tr("Order more offers for this customer"))
        self.add_button.setAutoDefault(True)
        self.add_button.clicked.connect(self.open_add_offers)
        # The buttons sit in two boxes, disabled while a write runs (each button keeps its own
        # state within them).
        self.top_box = QWidget(self)
        top = QHBoxLayout(self.top_box)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.add_button)
        top.addStretch(1)

        self.table = DetailTable(
            (
                self.tr("Offer"),
                self.tr("Licenses"),
                self.tr("Term"),
                self.tr("Billing"),
                self.tr("Status"),
                self.tr("Per month"),
            ),
            self.tr("Subscriptions"),
            self.tr("No subscriptions."),
            self,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.total = QLabel(self)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.notice = FieldMessage(self)

        self.quantity = QuantitySpinBox(self)
        self.quantity.setRange(1, 99_999)
        self.quantity.setMinimumWidth(self.quantity.sizeHint().width())
        self.quantity.setAccessibleName(self.tr("Licenses"))
        self.quantity.valueChanged.connect(self._quantity_edited)
        self.quantity.return_pressed.connect(self.apply_quantity)
        self.quantity_label = QLabel(self.tr("&Licenses:"), self)
        self.quantity_label.setBuddy(self.quantity)
        self.apply_button = QPushButton(self.tr("A&pply"), self)
        self.apply_button.setToolTip(self.tr("Change the subscription's license count"))
        self.apply_button.setAutoDefault(True)
        self.apply_button.clicked.connect(self.apply_quantity)
        self.suspend_button = QPushButton(self.tr("S&uspend"), self)
        self.suspend_button.setAutoDefault(True)
        self.suspend_button.clicked.connect(self.suspend)
        self.reactivate_button = QPushButton(self.tr("Reac&tivate"), self)
        self.reactivate_button.setAutoDefault(True)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.cancel_button = QPushButton(self.tr("Ca&ncel subscription…"), self)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        # The buttons act on this one; its whole title, which a narrow table cuts short.
        self.selected_title = QLabel(self)
        self.selected_title.setObjectName("selected_subscription")
        self.selected_title.setWordWrap(True)
        self.selected_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.selected_title.font()
        font.setBold(True)
        self.selected_title.setFont(font)

        self.change_box = QWidget(self)
        change_layout = QVBoxLayout(self.change_box)
        change_layout.setContentsMargins(0, 0, 0, 0)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity_label)
        quantity_row.addWidget(self.quantity)
        quantity_row.addWidget(self.apply_button)
        quantity_row.addStretch(1)
        top.addWidget(self.total)  # beside Add offers: the licence row has no room on a narrow pane
        status_row = QHBoxLayout()
        status_row.addWidget(self.suspend_button)
        status_row.addWidget(self.reactivate_button)
        status_row.addWidget(self.cancel_button)
        status_row.addStretch(1)
        change_layout.addLayout(quantity_row)
        change_layout.addLayout(status_row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.top_box)
        layout.addWidget(self.blocked)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_title)
        layout.addWidget(self.change_box)
        layout.addWidget(self.reason)
        layout.addWidget(self.notice)
        for first, second in (
            (self.add_button, self.table),
            (self.table, self.quantity),
            (self.quantity, self.apply_button),
            (self.apply_button, self.suspend_button),
            (self.suspend_button, self.reactivate_button),
            (self.reactivate_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        self._update_actions()

    # -- showing --------------------------------------------------------------------------------

    def show_details(self, details: CustomerDetails) -> None:
        keep = self.selected()
        same_customer = self._details is not None and self._details.id == details.id
        self._details = details
        subscriptions = details.subscriptions
        self.table.set_rows(
            [
                [
                    subscription_title(sub),
                    QLocale().toString(sub.quantity),
                    term_label(sub.term),
                    billing_plan_label(sub.billing_plan),
                    subscription_status_label(sub.status),
                    format_money(monthly_price(sub), sub.currency),
                ]
                for sub in subscriptions
            ],
            [sub.id for sub in subscriptions],
            right=(LICENSES, MONTHLY),
            tooltips=[[subscription_title(sub), "", "", "", "", ""] for sub in subscriptions],
        )
        kept = same_customer and keep is not None and self.table.select_id(keep.id)
        if not kept and subscriptions:
            self.table.selectRow(0)
        self.total.setText(self._total_text(subscriptions))
        problem = self.purchase_problem(details)
        if problem is None and self._orders_to_partner_center(details):
            self.blocked.clear()
            self._show_held_orders(details)
        elif problem is None:
            self.blocked.clear()
        else:
            self.blocked.show_warning(problem)
        self._follow_role()
        if self.add_dialog is not None:
            self.add_dialog.details = details
        self._update_actions()

    def set_allowed(self, allowed: bool) -> None:
        """Whether the user's role may manage subscriptions (read by the pane off the GUI
        thread; a database that cannot be read counts as yes: the write then says why not)."""
        self._allowed = allowed
        self._follow_role()
        self._update_actions()

    def _follow_role(self) -> None:
        """Add offers, and each change, only for a role that may."""
        allowed = self._allowed
        self._role_problem = (
            None if allowed else translated(not_allowed_message(Task.MANAGE_SUBSCRIPTIONS))
        )
        problem = None if self._details is None else self.purchase_problem(self._details)
        self.add_button.setEnabled(problem is None and self._role_problem is None)
        self.add_button.setToolTip(
            self._role_problem or problem or self.tr("Order more offers for this customer")
        )

    def clear(self) -> None:
        self._details = None
        self.table.set_rows([])
        self.notice.clear()
        self.blocked.clear()
        self.total.clear()
        if self.add_dialog is not None:
            self.add_dialog.reject()
        self._update_actions()

    def _total_text(self, subscriptions: tuple[SubscriptionData, ...]) -> str:
        totals: dict[str, Decimal] = {}
        for sub in subscriptions:
            if sub.status is SubscriptionStatus.ACTIVE:
                totals[sub.currency] = totals.get(sub.currency, Decimal(0)) + monthly_price(sub)
        if not totals:
            return ""
        amounts = " + ".join(format_money(amount, currency) for currency, amount in totals.items())
        return self.tr("Active: {amount} a month").format(amount=amounts)

    def selected(self) -> SubscriptionData | None:
        row = self.table.selected_row()
        if row is None or self._details is None:
            return None
        wanted = self.table.row_id(row)
        return next((sub for sub in self._details.subscriptions if sub.id == wanted), None)

    def _update_actions(self, *_: object) -> None:
        sub = self.selected()
        buttons = (self.suspend_button, self.reactivate_button, self.cancel_button)
        if sub is None or self._details is None:
            for widget in (self.quantity, self.apply_button, *buttons):
                widget.setEnabled(False)
            self.reason.clear()
            self.reason.hide()
            self.selected_title.clear()
            return
        can = allowed(self._details, sub, self._role_problem, problem_of=self.purchase_problem)
        self.selected_title.setText(subscription_title(sub))
        self.quantity.blockSignals(True)
        self.quantity.setRange(can.minimum, can.maximum)
        self.quantity.setValue(sub.quantity)
        self.quantity.blockSignals(False)
        self.quantity.setToolTip(
            self._role_problem
            or self.tr("From {low} to {high} licenses").format(
                low=QLocale().toString(can.minimum), high=QLocale().toString(can.maximum)
            )
        )
        self.quantity.setEnabled(can.change_quantity)
        self.apply_button.setEnabled(False)  # until the count differs from the saved one
        self.apply_button.setToolTip(
            self._role_problem or self.tr("Change the subscription's license count")
        )
        self.suspend_button.setEnabled(can.suspend)
        self.reactivate_button.setEnabled(can.reactivate)
        self.cancel_button.setEnabled(can.cancel)
        for button in (self.suspend_button, self.reactivate_button, self.cancel_button):
            button.setToolTip(self._role_problem or "")
        self.reason.setText(can.reason)
        self.reason.setVisible(bool(can.reason))

    def _quantity_edited(self, value: int) -> None:
        sub = self.selected()
        self.apply_button.setEnabled(sub is not None and value != sub.quantity)

    # -- acting ---------------------------------------------------------------------------------

    def apply_quantity(self) -> None:
        """Change the license count, after saying what it changes: licenses and monthly price,
        before and after (the safe answer is the default)."""
        sub = self.selected()
        self.quantity.interpretText()  # a count typed but not yet confirmed still counts
        if sub is None or self.quantity.value() == sub.quantity:
            return
        quantity = self.quantity.value()
        if self._in_partner_center(sub):  # it asks, with Partner Center's own deadline
            self.change_in_partner_center(sub, quantity=quantity)
            return
        locale = QLocale()
        after = replace(sub, quantity=quantity)
        confirmed = self._confirm(
            self.tr("Change licenses"),
            self.tr("Change {offer} from {before} to {after} licenses?").format(
                offer=subscription_title(sub),
                before=locale.toString(sub.quantity),
                after=locale.toString(quantity),
            ),
            self.tr("Monthly price: {before} → {after}.").format(
                before=format_money(monthly_price(sub), sub.currency),
                after=format_money(monthly_price(after), sub.currency),
            ),
            self.tr("&Change to {count}").format(count=locale.toString(quantity)),
            self.tr("&Keep {count}").format(count=locale.toString(sub.quantity)),
        )
        if not confirmed:
            self.quantity.setFocus()
            return
        self._act(
            lambda: change_quantity(self._db, sub.id, sub.version, quantity),
            self.tr("{offer}: {count} licenses now.").format(
                offer=subscription_title(sub), count=locale.toString(quantity)
            ),
        )

    def suspend(self) -> None:
        sub = self.selected()
        if sub is None:
            return
        if self._in_partner_center(sub):  # it asks, with Partner Center's own deadline
            self.change_in_partner_center(sub, status=SubscriptionStatus.SUSPENDED)
            return
        confirmed = self._confirm(
            self.tr("Suspend subscription"),
            self.tr("Suspend {offer} ({count} licenses)?").format(
                offer=subscription_title(sub), count=QLocale().toString(sub.quantity)
            ),
            self.tr(
                "Its users lose access to the service until it is reactivated. Monthly price: "
                "{price}."
            ).format(price=format_money(monthly_price(sub), sub.currency)),
            self.tr("&Suspend"),
            self.tr("&Keep active"),
        )
        if confirmed:
            self._act(
                lambda: suspend_subscription(self._db, sub.id, sub.version),
                self.tr("{offer} is suspended.").format(offer=subscription_title(sub)),
            )

    def _confirm(self, title: str, text: str, informative: str, do: str, keep: str) -> bool:
        """Ask before a change that costs or stops a service; "keep" is the default and Esc.
        False too when another customer is shown or a write started while the box was open."""
        customer = self._details.id if self._details is not None else None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(informative)
        confirm = box.addButton(do, QMessageBox.ButtonRole.AcceptRole)
        keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_button)
        box.setEscapeButton(keep_button)
        if prompter().ask(box) is not confirm:
            return False
        current = self._details.id if self._details is not None else None
        return current == customer and customer is not None and not self.writing()

    def reactivate(self) -> None:
        sub = self.selected()
        if sub is not None and self._in_partner_center(sub):
            self.change_in_partner_center(sub, status=SubscriptionStatus.ACTIVE)
        elif sub is not None:
            self._act(
                lambda: reactivate_subscription(self._db, sub.id, sub.version),
                self.tr("{offer} is active again.").format(offer=subscription_title(sub)),
            )

    def ask_cancel(self) -> None:
        """Cancelling is final: ask first."""
        sub = self.selected()
        if sub is None or self._details is None:
            return
        if self._in_partner_center(sub):  # its confirmation asks, with the deadline
            self.change_in_partner_center(sub, status=SubscriptionStatus.CANCELLED)
            return
        customer_id = self._details.id
        box = QMessageBox(self)
        box.setObjectName("cancel_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cancel subscription"))
        box.setText(
            self.tr("Cancel {offer} ({count} licenses)?").format(
                offer=subscription_title(sub), count=QLocale().toString(sub.quantity)
            )
        )
        box.setInformativeText(
            self.tr("A cancelled subscription cannot be reactivated; its licenses are released.")
        )
        confirm = box.addButton(
            self.tr("Ca&ncel subscription"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        if prompter().ask(box) is not confirm:
            return
        if self._details is None or self._details.id != customer_id or self.writing():
            return  # another customer is shown now, or a write started meanwhile
        self._act(
            lambda: cancel_subscription(self._db, sub.id, sub.version),
            self.tr("{offer} is cancelled.").format(offer=subscription_title(sub)),
        )

    def writing(self) -> bool:
        """Whether a change to a subscription is being written."""
        return under_way(self._write) or under_way(self.pc_operation)

    # -- in Partner Center ---------------------------------------------------------------------

    def purchase_problem(self, details: CustomerDetails) -> str | None:
        """Why nothing can be bought. For a customer in Partner Center, its agreement and its
        review are Partner Center's to decide: an order is then held there, not refused here."""
        problem = purchase_problem(details)
        if problem is None or not self._orders_to_partner_center(details):
            return problem
        if details.relationship is not Relationship.RESELLER:
            return problem
        if details.account_status is AccountStatus.DISABLED:
            return problem
        return None

    def _orders_to_partner_center(self, details: CustomerDetails) -> bool:
        if self.access is None or details.partner_center != "linked":
            return False
        return self.access().connection is not None

    def _order_in_partner_center(
        self, dialog: AddOffersDialog, details: CustomerDetails, lines: tuple[SubscriptionLine, ...]
    ) -> None:
        """Cart and checkout in Partner Center; held, per-line errors, pending, or queued."""
        access = self.access() if self.access is not None else None
        connection = access.connection if access is not None else None
        if connection is None:
            return
        customer_id = details.id
        db = self._db
        online = access is not None and access.online

        def work() -> OrderOutcome:
            if not online:
                item_id = queue_order(db, customer_id, list(lines))
                return OrderOutcome(item_id, None, not_signed_in_message(), (), (), False)
            return place_order(db, connection, customer_id, list(lines))

        self.pc_operation = (
            Operation(self, work)
            .busy(dialog.picker, dialog.cart, dialog.order_button)
            .success(lambda outcome: self._ordered(dialog, customer_id, outcome))
            .failure(lambda error: self._order_refused(dialog, error))
            .changes(lambda _outcome: Changes.of_customers([customer_id]))
            .run()
        )

    def _ordered(self, dialog: AddOffersDialog, customer_id: int, outcome: OrderOutcome) -> None:
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
        if self._details is None or self._details.id != customer_id:
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
            self.notice.show_warning(text)
        else:
            self.notice.show_ok(text)
        self.reload_requested.emit()

    def _order_refused(self, dialog: AddOffersDialog, error: PcdeskError) -> bool:
        if self.add_dialog is dialog:
            dialog.show_problem(translated(error.message))
            return True
        return False

    def check_provisioning(self) -> None:
        """An order still provisioning: ask Partner Center again (its subscriptions come in)."""
        details = self._details
        connection = self.access().connection if self.access is not None else None
        if details is None or connection is None or under_way(self.pc_operation):
            return
        customer_id = details.id
        db = self._db

        def work() -> bool:
            done = True
            for item_id in pending_orders(db, customer_id):
                done = check_provisioning(db, connection, item_id) and done
            return done

        def checked(done: bool) -> None:
            if done:
                self.provisioning.stop()
                self.notice.show_ok(self.tr("The order's subscriptions are in."))
                self.reload_requested.emit()

        Operation(self, work).quiet().success(checked).failure(lambda _e: True).changes(
            lambda done: Changes.of_customers([customer_id]) if done else Changes()
        ).run()

    def check_held_orders(self) -> None:
        """Look again whether a held order of the customer shown can now be placed."""
        if self._placing_held or under_way(self.pc_operation):
            return  # asking, or placing it, already
        if self._details is not None and self._orders_to_partner_center(self._details):
            self._show_held_orders(self._details)

    def _show_held_orders(self, details: CustomerDetails) -> None:
        """Held orders of the customer shown: whether their block has lifted, read off the GUI
        thread; the user is then asked to place them."""
        if self.access is None or not self.access().online:
            return
        connection = self.access().connection
        if connection is None:
            return
        customer_id = details.id
        db = self._db

        def work() -> list[tuple[int, Message | None]]:
            return [
                (item.id, block_lifted(db, connection, item.id))
                for item in held_orders(db, customer_id)
            ]

        if under_way(self._held_check):
            return
        self._held_check = (
            Operation(self, work)
            .quiet()
            .success(lambda found: self._held_found(customer_id, found))
            .failure(lambda _e: True)
            .run()
        )

    def _held_found(self, customer_id: int, found: list[tuple[int, Message | None]]) -> None:
        if self._details is None or self._details.id != customer_id or not found:
            return
        still = [translated(reason) for _item, reason in found if reason is not None]
        ready = [item for item, reason in found if reason is None]
        if still and not ready:
            self.blocked.show_warning(
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
        box = QMessageBox(self)
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
        if prompter().ask(box) is not place or self.access is None:
            return
        connection = self.access().connection
        if connection is None:
            return
        db = self._db

        def work() -> OrderOutcome:
            outcome = None
            for item_id in item_ids:
                outcome = place_held(db, connection, item_id)
            assert outcome is not None
            return outcome

        self.pc_operation = (
            Operation(self, work)
            .busy(self.top_box, self.change_box)
            .success(lambda outcome: self._held_placed(customer_id, outcome))
            .failure(lambda error: self._show_pc_failure(error))
            .changes(lambda _outcome: Changes.of_customers([customer_id]))
            .run()
        )

    def _held_placed(self, customer_id: int, outcome: OrderOutcome) -> None:
        self.last_order = outcome
        if self._details is None or self._details.id != customer_id:
            return
        if outcome.placed:
            self.notice.show_ok(
                self.tr("The held order is placed in Partner Center.")
                + (
                    " " + self.tr("Its subscriptions appear when provisioned.")
                    if outcome.pending
                    else ""
                )
            )
            if outcome.pending:
                self.provisioning.start()
        elif outcome.held is not None:
            self.notice.show_warning(translated(outcome.held))
        self.reload_requested.emit()

    def _show_pc_failure(self, error: PcdeskError) -> bool:
        self.notice.show_error(translated(error.message))
        return True

    def _in_partner_center(self, sub: SubscriptionData) -> bool:
        if self.access is None or not sub.partner_center_id:
            return False
        return self.access().connection is not None

    def change_in_partner_center(
        self,
        sub: SubscriptionData,
        *,
        quantity: int | None = None,
        status: SubscriptionStatus | None = None,
    ) -> None:
        """Read the subscription from Partner Center, show what the change does (licences and
        monthly price before → after, the deadline for reducing or cancelling), and apply it
        there once the user confirms. Offline, the change waits in Pending changes."""
        if self._details is None or self.writing() or self.access is None:
            return
        access = self.access()
        connection = access.connection
        if connection is None:
            return
        customer_id = self._details.id
        self.notice.clear()
        db = self._db
        if not access.online:
            self._queue(sub, quantity, status)
            return

        def unreachable(error: PcdeskError) -> bool:
            if isinstance(error, Unreachable | SignInRequired):
                self._queue(sub, quantity, status)
                return True
            self.notice.show_error(translated(error.message))
            return True

        self.pc_operation = (
            Operation(
                self,
                lambda: preview_change(db, connection, sub.id, quantity=quantity, status=status),
            )
            .busy(self.top_box, self.change_box)
            .success(lambda preview: self._confirm_in_partner_center(customer_id, preview))
            .failure(unreachable)
            .run()
        )

    def preview_text(self, preview: ChangePreview) -> str:
        locale = QLocale()
        lines = [
            self.tr("Licences: {before} → {after}").format(
                before=locale.toString(preview.quantity_before),
                after=locale.toString(
                    0 if preview.status_after == "deleted" else preview.quantity_after
                ),
            ),
            self.tr("Monthly price: {before} → {after}").format(
                before=format_money(preview.monthly_before, preview.currency),
                after=format_money(preview.monthly_after, preview.currency),
            ),
        ]
        if preview.status_after != preview.status_before:
            lines.append(
                self.tr("Status: {before} → {after}").format(
                    before=pc_status_label(preview.status_before),
                    after=pc_status_label(preview.status_after),
                )
            )
        window = preview.window
        until = window.refund_until or window.cancel_until
        if until is not None and until > dt.datetime.now(dt.UTC):
            lines.append(
                self.tr(
                    "Licences can be reduced, or the subscription cancelled, until {deadline}."
                ).format(deadline=short_datetime(until))
            )
        elif window.refundable is not None or window.cancel_until is not None:
            lines.append(self.tr("The window for reducing or cancelling has closed."))
        return "\n".join(lines)

    def _confirm_in_partner_center(self, customer_id: int, preview: ChangePreview) -> None:
        if self._details is None or self._details.id != customer_id:
            return
        self.last_preview = preview
        box = QMessageBox(self)
        box.setObjectName("partner_center_change")
        box.setWindowTitle(self.tr("Change in Partner Center"))
        box.setText(preview.title)
        details = self.preview_text(preview)
        if preview.refusal is not None:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(details + "\n\n" + translated(preview.refusal))
            box.addButton(QMessageBox.StandardButton.Close)
            prompter().ask(box)
            self.notice.show_error(translated(preview.refusal))
            return
        box.setIcon(QMessageBox.Icon.Question)
        box.setInformativeText(details)
        confirm = box.addButton(
            self.tr("&Apply in Partner Center"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = box.addButton(self.tr("&Keep as it is"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # money or a service changes: Enter keeps it as it is
        box.setEscapeButton(keep)
        if prompter().ask(box) is not confirm or self.access is None:
            return
        connection = self.access().connection
        if connection is None:
            return
        db = self._db
        self.pc_operation = (
            Operation(self, lambda: apply_change(db, connection, preview))
            .busy(self.top_box, self.change_box)
            .success(lambda result: self._applied(customer_id, preview, result))
            .failure(lambda error: self._refused(customer_id, error))
            .changes(lambda _result: Changes.of_customers([customer_id]))
            .run()
        )

    def _applied(self, customer_id: int, preview: ChangePreview, result: ChangeResult) -> None:
        if self._details is None or self._details.id != customer_id:
            return
        self.saved.emit(result.details)
        if result.queued is not None:
            self.notice.show_warning(translated(result.queued))
        else:
            self.notice.show_ok(
                self.tr("Done in Partner Center: {offer}.").format(offer=preview.title)
            )

    def _refused(self, customer_id: int, error: PcdeskError) -> bool:
        if self._details is None or self._details.id != customer_id:
            return True
        if isinstance(error, StaleSubscription):
            self.last_preview = error.current
            self.notice.show_warning(translated(error.message))
            return True
        if isinstance(error, ValidationFailed):
            self.notice.show_error(sentences([translated(text) for text in error.errors.values()]))
            return True
        self.notice.show_error(translated(error.message))
        return True

    def _queue(
        self, sub: SubscriptionData, quantity: int | None, status: SubscriptionStatus | None
    ) -> None:
        if self._details is None:
            return
        customer_id = self._details.id
        db = self._db
        self.pc_operation = (
            Operation(self, lambda: queue_change(db, sub.id, quantity=quantity, status=status))
            .busy(self.top_box, self.change_box)
            .success(lambda result: self._applied(customer_id, _queued_preview(sub), result))
            .changes(lambda _result: Changes.of_customers([customer_id]))
            .run()
        )

    def _act(self, write: Callable[[], CustomerDetails], done: str) -> None:
        """Start one write; show what happened once it is done."""
        if self._details is None or self.writing():
            return
        customer_id = self._details.id
        self.notice.clear()
        focused = QApplication.focusWidget()

        def answered(handle: Callable[..., None]) -> Callable[..., None]:
            """``handle``, if the customer written is still the one shown."""

            def handler(*args: object) -> None:
                if self._details is None or self._details.id != customer_id:
                    return
                handle(*args)
                self._update_actions()
                if focused is not None and self.isAncestorOf(focused) and focused.isEnabled():
                    focused.setFocus()

            return handler

        def saved(details: CustomerDetails) -> None:
            self.saved.emit(details)
            self.notice.show_ok(done)

        def refused(errors: dict[str, str]) -> None:
            problems = [translated(text) for text in errors.values()]
            self.notice.show_error(
                self.tr("Nothing was changed: {problem}").format(problem=sentences(problems))
            )

        def gone() -> None:
            self.reload_requested.emit()
            self.notice.show_error(self.tr("Nothing was changed: it no longer exists."))

        def changed(current: CustomerDetails) -> None:
            self.refreshed.emit(current)
            self.notice.show_warning(
                self.tr(
                    "Another workstation changed this customer's subscriptions first. Nothing "
                    "was changed; what is saved now is shown."
                )
            )

        def not_allowed(reason: str) -> None:  # the role was taken away since it was shown
            self.set_allowed(False)
            self.notice.show_error(self.tr("Nothing was changed: {problem}").format(problem=reason))

        self._write = customer_write(
            self,
            customer_id,
            write,
            busy=(self.top_box, self.change_box),
            saved=answered(saved),
            refused=answered(refused),
            unavailable=answered(self.notice.show_error),
            gone=answered(gone),
            changed=answered(changed),
            not_allowed=answered(not_allowed),
        )

    # -- ordering -------------------------------------------------------------------------------

    def open_add_offers(self) -> None:
        if (
            self._details is None
            or self.purchase_problem(self._details) is not None
            or self._role_problem is not None
        ):
            return  # Add offers is disabled and says why
        self.notice.clear()
        dialog = AddOffersDialog(self._db, self._details, self)
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
        if self._orders_to_partner_center(details):
            self._order_in_partner_center(dialog, details, lines)
            return

        def open_dialog(handle: Callable[..., None]) -> Callable[..., None]:
            """``handle``, while the dialog is still open (the user may close it meanwhile)."""

            def handler(*args: object) -> None:
                if self.add_dialog is dialog:
                    handle(*args)

            return handler

        def gone() -> None:
            if self.add_dialog is dialog:
                dialog.reject()
            self.reload_requested.emit()

        def changed(current: CustomerDetails) -> None:
            self.refreshed.emit(current)  # also makes it the dialog's new base
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
            self.set_allowed(False)
            if self.add_dialog is dialog:
                dialog.show_refusal({"role": reason})

        def ordered(saved: CustomerDetails) -> None:
            if self.add_dialog is dialog:
                dialog.accept()
            self.saved.emit(saved)
            if self._details is None or self._details.id != saved.id:
                return  # another customer is shown now
            count = len(lines)
            self.notice.show_ok(
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
                self.table.select_id(new[-1].id)

        customer_write(
            self,
            details.id,
            lambda: add_subscriptions(self._db, details.id, details.version, lines),
            busy=(dialog.picker, dialog.cart, dialog.order_button),
            saved=ordered,
            refused=open_dialog(dialog.show_refusal),
            unavailable=open_dialog(dialog.show_problem),
            gone=gone,
            changed=changed,
            not_allowed=not_allowed,
        )
