"""Customers > Remove relationship…: ending the reseller relationship with the selected customer.

Partner Center's flow: the removal is unavailable while the customer has active subscriptions,
so the user is offered to suspend them all first (one confirmed step); then a confirmation says
what removing means, and the relationship becomes "none". Each step is one service call, so
nothing is ever half-done: a step either went through or wrote nothing.

Each read and write is an operation (off the GUI thread); the flow goes on from each one's
answer: read the state, ask, suspend, read again, ask, remove. While it runs the action and its
buttons are disabled, so a second click cannot start a second removal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox, QPushButton, QWidget

from pcdesk.enums import Relationship
from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, PcdeskError, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.database import Database
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.views.common.changes import follow_roles, publisher
from pcdesk.views.common.failures import present_failure
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated

# The removal service (with the customer edits and validation it imports) and Partner Center's
# relationship calls are imported when a customer is shown or a removal reaches them.
if TYPE_CHECKING:
    from pcdesk.partner_center.connection import PartnerCenterConnection
    from pcdesk.partner_center.customers import PartnerCenterAccess
    from pcdesk.services.relationships.removal import ActiveSubscription, RemovalState
    from pcdesk.views.customers.detail.relationship_tab import RelationshipTab

LISTED_AT_MOST = 8  # offers named in the suspend question; the rest are counted


class Question(QMessageBox):
    """A question with one button that goes ahead, and Cancel (the default)."""

    confirm_button: QAbstractButton | None = None


class RemoveRelationshipLauncher(QObject):
    """Owns the Remove relationship action; follows the customer the Relationship tab shows
    (``follow_tab``, once the detail pane has made it).

    ``selected_customer()`` names the customer to act on; the questions open over ``window``.
    """

    def __init__(
        self,
        db: Database,
        selected_customer: Callable[[], int | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._selected_customer = selected_customer
        self._details: CustomerDetails | None = None
        self._allowed = True  # the user's role may remove (until the roles are read)
        self._role_reads = 0  # the latest read of the roles; an older answer is ignored
        self._removing: int | None = None  # the customer whose removal is under way
        self._step: Operation[Any] | None = None  # its read or write running (or answered)
        self._buttons: list[QPushButton] = []
        self.access: Callable[[], PartnerCenterAccess] | None = None  # set by the window
        self.action = QAction(self.tr("Re&move relationship…"), self)
        self.action.triggered.connect(self.start)
        follow_roles(self, self.read_roles)  # roles saved: look again
        runner().idle.connect(self._after_operations)
        self.follow(None)

    def follow_tab(self, tab: RelationshipTab) -> None:
        """Follow the customer the Relationship tab shows; its Remove button does the action."""
        tab.shown.connect(self.follow)
        self.attach_button(tab.remove_button)

    # -- enabled or not, and why ----------------------------------------------------------------

    def attach_button(self, button: QPushButton) -> None:
        """A button elsewhere (the Relationship tab) that does what the action does."""
        button.clicked.connect(self.action.trigger)
        self.action.changed.connect(lambda: self._sync(button))
        self._buttons.append(button)
        self._sync(button)

    def _sync(self, button: QPushButton) -> None:
        button.setEnabled(self.action.isEnabled())
        button.setToolTip(self.action.toolTip())

    def follow(self, details: CustomerDetails | None) -> None:
        """The window shows another customer (or the same one read again, or none): the role
        is read again with it (another workstation may have changed it)."""
        self._details = details
        self.refresh()
        if details is not None and details.relationship is not Relationship.NONE:
            self.read_roles()

    def read_roles(self) -> None:
        """Whether the user's role may remove relationships, read off the GUI thread."""
        self._role_reads += 1
        read = self._role_reads

        def arrived(allowed: bool) -> None:
            if read == self._role_reads:  # else a later read is on its way
                self._allowed = allowed
                self.refresh()

        def failed(_error: PcdeskError) -> bool:
            return True  # unknown for now: the removal itself reads the role again

        (
            Operation(self._window, lambda: may(self._db, Task.REMOVE_RELATIONSHIP))
            .success(arrived)
            .failure(failed)
            .run()
        )

    def refresh(self) -> None:
        """Enable the action or say why not (after the roles changed, too)."""
        details = self._details
        reason = ""
        if details is None:
            reason = self.tr("Select a customer first.")
        elif details.relationship is Relationship.NONE:
            from pcdesk.services.relationships.removal import no_relationship_message

            reason = translated(no_relationship_message(details.company_name))
        elif not self._allowed:
            reason = translated(not_allowed_message(Task.REMOVE_RELATIONSHIP))
        self.action.setEnabled(not reason and not self.is_removing())
        tip = reason or self.tr(
            "End your reseller relationship with {company}. Its record and history are kept."
        ).format(company=details.company_name if details else "")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        for button in self._buttons:  # an operation's end may have enabled one
            self._sync(button)

    def is_removing(self) -> bool:
        """Whether a removal is under way: a step running, or a question asked on its answer."""
        return self._step is not None and self._step in runner().running()

    def _after_operations(self) -> None:
        """A step that failed unexpectedly (shown by the presenter) ended the removal too."""
        if self._step is not None and not self.is_removing():
            self._end()

    # -- the flow -------------------------------------------------------------------------------

    def start(self) -> None:
        """Suspend (if confirmed), confirm, remove: each step once the one before has answered.
        Nothing starts while a removal is under way."""
        if self.is_removing():
            return
        customer_id = self._selected_customer()
        if customer_id is None:
            return
        self._removing = customer_id
        self._read(customer_id, self._state_read)
        self.refresh()

    def _end(self) -> None:
        self._removing = None
        self._step = None
        self.refresh()

    def _read(self, customer_id: int, then: Callable[[RemovalState], None]) -> None:
        from pcdesk.services.relationships.removal import removal_state

        self._step = (
            Operation(self._window, lambda: removal_state(self._db, customer_id))
            .busy(*self._buttons)
            .success(then)
            .failure(self._failed)
            .run()
        )

    def _write(
        self, customer_id: int, work: Callable[[], object], then: Callable[[], None]
    ) -> None:
        """One of the flow's writes; the customer is shown as it is now once it went through."""
        self._step = (
            Operation(self._window, work)
            .busy(*self._buttons)
            .success(lambda _result: then())
            .failure(self._failed)
            .changes(Changes.of_subject(customer_id))
            .run()
        )

    def _state_read(self, state: RemovalState) -> None:
        """Active subscriptions are suspended first, if the user agrees."""
        from pcdesk.services.relationships.removal import Blocker

        if state.blocker is not Blocker.ACTIVE_SUBSCRIPTIONS:
            self._confirm_removal(state)
            return
        if not self._ask(self.suspend_question(state)):
            self._end()
            return
        customer_id = state.customer_id
        expected = [sub.id for sub in state.active_subscriptions]
        connection = self._pc_connection()
        db = self._db

        def suspend() -> object:
            from pcdesk.services.relationships.removal import suspend_active_subscriptions

            if connection is not None and get_customer(db, customer_id).partner_center == "linked":
                from pcdesk.partner_center.relationships import suspend_in_partner_center

                return suspend_in_partner_center(db, connection, customer_id, expected=expected)
            return suspend_active_subscriptions(db, customer_id, expected=expected)

        self._write(customer_id, suspend, lambda: self._read(customer_id, self._confirm_removal))

    def _confirm_removal(self, state: RemovalState) -> None:
        reason = state.reason  # None exactly when nothing stands in the way
        if reason is not None:
            self._end()
            present_failure(self._window, PcdeskError(reason))
            # Show what stands in the way now (a subscription activated meanwhile, say).
            publisher().publish(Changes.of_subject(state.customer_id), self._window)
            return
        if not self._ask(self.removal_question(state)):
            self._end()
            return
        connection = self._pc_connection()
        db = self._db

        def remove() -> object:
            from pcdesk.services.relationships.removal import remove_relationship

            customer_id = state.customer_id
            if connection is not None and get_customer(db, customer_id).partner_center == "linked":
                from pcdesk.partner_center.relationships import remove_in_partner_center

                return remove_in_partner_center(db, connection, customer_id, state.version)
            return remove_relationship(db, customer_id, state.version)

        self._write(state.customer_id, remove, lambda: self._removed(state))

    def _pc_connection(self) -> PartnerCenterConnection | None:
        """Partner Center's connection when signed in (the removal is then made there)."""
        if self.access is None:
            return None
        access = self.access()
        return access.connection if access.online else None

    def _removed(self, state: RemovalState) -> None:
        self._end()
        window = self._window.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Relationship with {company} removed.").format(company=state.company_name),
                10_000,
            )

    def _failed(self, error: PcdeskError) -> bool:
        """A step was refused or could not run: nothing more is done, the presenter says why,
        and the customer is shown as it is now."""
        customer_id = self._removing
        self._end()
        if isinstance(error, NotAllowed):  # suspending all is part of removing: the same role
            self.read_roles()
        elif (
            isinstance(error, ValidationFailed | ConcurrentChange | NotFound)
            and customer_id is not None
        ):
            publisher().publish(Changes.of_subject(customer_id), self._window)
        return False

    def _ask(self, box: Question) -> bool:
        """Whether the user chose to go ahead (Cancel, Escape and closing the box do not)."""
        answer = prompter().ask(box)
        confirmed = answer is not None and answer is box.confirm_button
        box.deleteLater()
        return confirmed

    # -- the questions --------------------------------------------------------------------------

    def _box(self, icon: QMessageBox.Icon, text: str) -> Question:
        box = Question(self._window)
        box.setIcon(icon)
        box.setWindowTitle(self.tr("Remove relationship"))
        box.setText(text)
        return box

    def _with_buttons(self, box: Question, confirm: str) -> None:
        # Cancel is the default: Enter on a question that ends something must not end it.
        box.confirm_button = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

    def suspend_question(self, state: RemovalState) -> Question:
        """ "Suspend N subscriptions" first: the one step that unblocks the removal."""
        count = state.active_count
        box = self._box(QMessageBox.Icon.Question, translated(state.reason or ""))
        lines = [self._subscription_line(sub) for sub in state.active_subscriptions]
        if len(lines) > LISTED_AT_MOST:
            more = len(lines) - LISTED_AT_MOST + 1
            lines = [*lines[: LISTED_AT_MOST - 1], self.tr("and %Ln more", "", more)]
        if count == 1:
            intro = self.tr("Suspend it now? This subscription will be suspended:")
            confirm = self.tr("&Suspend 1 subscription")
        else:
            intro = self.tr("Suspend them now? These subscriptions will be suspended:")
            confirm = self.tr("&Suspend %Ln subscriptions", "", count)
        box.setInformativeText(
            "\n".join(
                [
                    intro,
                    *(f"• {line}" for line in lines),
                    "",
                    self.tr(
                        "Suspended subscriptions are kept. After the relationship is removed "
                        "they can no longer be reactivated through you."
                    ),
                ]
            )
        )
        self._with_buttons(box, confirm)
        return box

    def _subscription_line(self, sub: ActiveSubscription) -> str:
        title = sub.product_title
        if sub.sku_title and sub.sku_title != sub.product_title:
            title = f"{sub.product_title} — {sub.sku_title}"
        if sub.quantity == 1:
            return self.tr("{offer} (1 license)").format(offer=title)
        return self.tr("{offer} ({count} licenses)").format(
            offer=title, count=QLocale().toString(sub.quantity)
        )

    def removal_question(self, state: RemovalState) -> Question:
        """The consequences, said before anything is written."""
        company = state.company_name
        box = self._box(
            QMessageBox.Icon.Warning,
            self.tr("Remove your relationship with {company}?").format(company=company),
        )
        points = [
            self.tr(
                "{company} goes off your list of active customers. Its record, subscriptions "
                'and history are kept, under the "Former" relationship filter.'
            ).format(company=company),
            self.tr(
                "No future purchases: nothing can be ordered or reactivated for it through you, "
                "and you are no longer its partner for support."
            ),
            self.tr("Partner Center does not notify the customer: you must tell them yourself."),
        ]
        if state.pending_requests == 1:
            points.append(
                self.tr(
                    "The relationship request sent to it stays pending: the customer can still "
                    "accept the invitation. Cancel the request if you no longer expect that."
                )
            )
        elif state.pending_requests > 1:
            points.append(
                self.tr(
                    "The %Ln relationship requests sent to it stay pending: the customer can "
                    "still accept the invitation. Cancel them if you no longer expect that.",
                    "",
                    state.pending_requests,
                )
            )
        box.setInformativeText("\n\n".join(f"• {point}" for point in points))
        self._with_buttons(box, self.tr("&Remove relationship"))
        return box
