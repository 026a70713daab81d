"""The Subscriptions tab: what the customer holds, ordering more, and changing one subscription.

Each change is made against the subscription's own version (an order against the customer's);
if another workstation changed it first, nothing is written and the tab shows what is saved now.
Ordering and every change are disabled, saying why, for a role that may not manage subscriptions
(services/roles.py).

The tab shows the subscriptions and what may be done with the one selected; the rest is
delegated, each part with its own state: a change written here, with the question asked first, to
subscription_writes.py; ordering (Add offers…, here or in Partner Center) to
subscription_orders.py; orders Partner Center held to held_orders.py; a change to a subscription
that is in Partner Center to subscription_changes.py. What they share of the tab is in
subscriptions_tab_parts.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import SubscriptionStatus
from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.partner_center.subscriptions import ChangePreview
from pcdesk.services.customers.details import CustomerDetails, SubscriptionData
from pcdesk.services.customers.subscriptions import (
    cancel_subscription,
    change_quantity,
    reactivate_subscription,
    suspend_subscription,
)
from pcdesk.services.database import Database
from pcdesk.services.partner.roles import Task, not_allowed_message
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.labels import subscription_status_label
from pcdesk.views.common.money import billing_plan_label, format_money, term_label
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.add_offers_dialog import AddOffersDialog
from pcdesk.views.customers.detail.common import under_way
from pcdesk.views.customers.detail.held_orders import HeldOrders
from pcdesk.views.customers.detail.subscription_changes import PartnerCenterChanges
from pcdesk.views.customers.detail.subscription_orders import SubscriptionOrders
from pcdesk.views.customers.detail.subscription_rules import allowed
from pcdesk.views.customers.detail.subscription_summary import monthly_price, subscription_title
from pcdesk.views.customers.detail.subscription_writes import SubscriptionWrites
from pcdesk.views.customers.detail.subscriptions_tab_parts import SubscriptionsTabParts
from pcdesk.views.customers.detail.tables import DetailTable
from pcdesk.views.customers.forms.quantity_spin_box import QuantitySpinBox

OFFER, LICENSES, TERM, BILLING, STATUS, MONTHLY = range(6)


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

        # What the tab delegates (see the module's docstring), each part with its own state.
        self._parts = SubscriptionsTabParts(
            self,
            db,
            shown=lambda: self._details,
            writing=self.writing,
            notice=self.notice,
            busy=(self.top_box, self.change_box),
            saved=self.saved,
            refreshed=self.refreshed,
            reload_requested=self.reload_requested,
        )
        self.writes = SubscriptionWrites(
            self._parts, update_actions=self._update_actions, set_allowed=self.set_allowed
        )
        self.orders = SubscriptionOrders(
            self._parts,
            table=self.table,
            role_problem=lambda: self._role_problem,
            set_allowed=self.set_allowed,
        )
        self.held_orders = HeldOrders(self._parts, self.orders, self.blocked)
        self.changes = PartnerCenterChanges(self._parts)
        self._update_actions()

    @property
    def access(self) -> Callable[[], PartnerCenterAccess] | None:
        """Whether Partner Center is used and signed in (set by the window); a subscription
        that is in Partner Center is then changed there."""
        return self._parts.access

    @access.setter
    def access(self, access: Callable[[], PartnerCenterAccess] | None) -> None:
        self._parts.access = access

    @property
    def add_dialog(self) -> AddOffersDialog | None:
        """The Add offers dialog while it is open."""
        return self.orders.add_dialog

    @property
    def last_preview(self) -> ChangePreview | None:
        """What Partner Center last said a change does."""
        return self.changes.last_preview

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
        if problem is None and self.orders.orders_to_partner_center(details):
            self.blocked.clear()
            self.held_orders.show_held_orders(details)
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
        if self.changes.in_partner_center(sub):  # it asks, with Partner Center's own deadline
            self.changes.change_in_partner_center(sub, quantity=quantity)
            return
        locale = QLocale()
        after = replace(sub, quantity=quantity)
        confirmed = self.writes.confirm(
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
        self.writes.act(
            lambda: change_quantity(self._db, sub.id, sub.version, quantity),
            self.tr("{offer}: {count} licenses now.").format(
                offer=subscription_title(sub), count=locale.toString(quantity)
            ),
        )

    def suspend(self) -> None:
        sub = self.selected()
        if sub is None:
            return
        if self.changes.in_partner_center(sub):  # it asks, with Partner Center's own deadline
            self.changes.change_in_partner_center(sub, status=SubscriptionStatus.SUSPENDED)
            return
        confirmed = self.writes.confirm(
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
            self.writes.act(
                lambda: suspend_subscription(self._db, sub.id, sub.version),
                self.tr("{offer} is suspended.").format(offer=subscription_title(sub)),
            )

    def reactivate(self) -> None:
        sub = self.selected()
        if sub is not None and self.changes.in_partner_center(sub):
            self.changes.change_in_partner_center(sub, status=SubscriptionStatus.ACTIVE)
        elif sub is not None:
            self.writes.act(
                lambda: reactivate_subscription(self._db, sub.id, sub.version),
                self.tr("{offer} is active again.").format(offer=subscription_title(sub)),
            )

    def ask_cancel(self) -> None:
        """Cancelling is final: ask first."""
        sub = self.selected()
        if sub is None or self._details is None:
            return
        if self.changes.in_partner_center(sub):  # its confirmation asks, with the deadline
            self.changes.change_in_partner_center(sub, status=SubscriptionStatus.CANCELLED)
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
        self.writes.act(
            lambda: cancel_subscription(self._db, sub.id, sub.version),
            self.tr("{offer} is cancelled.").format(offer=subscription_title(sub)),
        )

    def writing(self) -> bool:
        """Whether a change to a subscription is being written."""
        return self.writes.writing() or under_way(self._parts.pc_operation)

    # -- delegated ------------------------------------------------------------------------------

    def purchase_problem(self, details: CustomerDetails) -> str | None:
        """Why nothing can be bought for the customer, or None (Partner Center may decide)."""
        return self.orders.purchase_problem(details)

    def open_add_offers(self) -> None:
        self.orders.open_add_offers()

    def check_held_orders(self) -> None:
        """Look again whether a held order of the customer shown can now be placed."""
        self.held_orders.check_held_orders()
