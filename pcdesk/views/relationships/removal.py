"""Customers > Remove relationship…: ending the reseller relationship with the selected customer.

Partner Center's flow: the removal is unavailable while the customer has active subscriptions,
so the user is offered to suspend them all first (one confirmed step); then a confirmation says
what removing means, and the relationship becomes "none". Each step is one service call, so
nothing is ever half-done: a step either went through or wrote nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox, QPushButton, QWidget

from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, Unavailable, ValidationFailed
from pcdesk.models.database import Database
from pcdesk.models.enums import Relationship
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.services.relationships.removal import (
    ActiveSubscription,
    Blocker,
    RemovalState,
    no_relationship_message,
    removal_state,
    remove_relationship,
    suspend_active_subscriptions,
)
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.relationship_tab import RelationshipTab

LISTED_AT_MOST = 8  # offers named in the suspend question; the rest are counted


class Question(QMessageBox):
    """A question with one button that goes ahead, and Cancel (the default)."""

    confirm_button: QAbstractButton | None = None

    def confirmed(self) -> bool:
        return self.confirm_button is not None and self.clickedButton() is self.confirm_button


class RemoveRelationshipLauncher(QObject):
    """Owns the Remove relationship action; follows the customer the Relationship tab shows.

    ``selected_customer()`` names the customer to act on; the questions open over ``window``.
    """

    def __init__(
        self,
        db: Database,
        selected_customer: Callable[[], int | None],
        tab: RelationshipTab,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._selected_customer = selected_customer
        self._details: CustomerDetails | None = None
        self.action = QAction(self.tr("Re&move relationship…"), self)
        self.action.triggered.connect(self.start)
        tab.shown.connect(self.follow)
        publisher().changed.connect(self._on_changes)
        self.attach_button(tab.remove_button)
        self.follow(None)

    # -- enabled or not, and why ----------------------------------------------------------------

    def attach_button(self, button: QPushButton) -> None:
        """A button elsewhere (the Relationship tab) that does what the action does."""

        def sync() -> None:
            button.setEnabled(self.action.isEnabled())
            button.setToolTip(self.action.toolTip())

        button.clicked.connect(self.action.trigger)
        self.action.changed.connect(sync)
        sync()

    def _on_changes(self, changes: Changes, _source: object) -> None:
        if changes.team:
            self.refresh()

    def follow(self, details: CustomerDetails | None) -> None:
        """The window shows another customer (or the same one read again, or none)."""
        self._details = details
        self.refresh()

    def refresh(self) -> None:
        """Enable the action or say why not (after the roles changed, too)."""
        details = self._details
        reason = ""
        if details is None:
            reason = self.tr("Select a customer first.")
        elif details.relationship is Relationship.NONE:
            reason = translated(no_relationship_message(details.company_name))
        else:
            try:
                allowed = may(self._db, Task.REMOVE_RELATIONSHIP)
            except Unavailable:
                allowed = True  # the action itself will say the database cannot be reached
            if not allowed:
                reason = translated(not_allowed_message(Task.REMOVE_RELATIONSHIP))
        self.action.setEnabled(not reason)
        tip = reason or self.tr(
            "End your reseller relationship with {company}. Its record and history are kept."
        ).format(company=details.company_name if details else "")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    # -- the flow -------------------------------------------------------------------------------

    def start(self) -> bool:
        """Suspend (if confirmed), confirm, remove. True when the relationship was removed."""
        customer_id = self._selected_customer()
        if customer_id is None:
            return False
        state = self._read(customer_id)
        if state is None:
            return False
        if state.blocker is Blocker.ACTIVE_SUBSCRIPTIONS:
            if not self.confirm_suspend(state):
                return False
            if not self._suspend(state):
                return False
            state = self._read(customer_id)
            if state is None:
                return False
        if state.blocker is not None:
            self.show_problem(translated(state.reason or ""))
            publisher().publish(
                Changes.of_subject(customer_id), self._window
            )  # show what stands in the way now
            return False
        if not self.confirm_remove(state):
            return False
        return self._remove(state)

    def _read(self, customer_id: int) -> RemovalState | None:
        try:
            return removal_state(self._db, customer_id)
        except Unavailable as failure:
            self.show_problem(translated(failure.message))
        except NotFound:
            self._gone(customer_id)
        return None

    def _suspend(self, state: RemovalState) -> bool:
        expected = [sub.id for sub in state.active_subscriptions]
        return self._write(
            state.customer_id,
            lambda: suspend_active_subscriptions(self._db, state.customer_id, expected=expected),
        )

    def _remove(self, state: RemovalState) -> bool:
        if not self._write(
            state.customer_id,
            lambda: remove_relationship(self._db, state.customer_id, state.version),
        ):
            return False
        window = self._window.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Relationship with {company} removed.").format(company=state.company_name),
                10_000,
            )
        return True

    def _write(self, customer_id: int, write: Callable[[], object]) -> bool:
        """Run one of the flow's writes. When it is refused, say why and show the customer as it
        is now; True when it was written."""
        try:
            write()
        except NotAllowed as failure:  # suspending all is part of removing: the same role
            self.show_problem(translated(failure.args[0]))
            self.refresh()
            return False
        except ValidationFailed as failure:
            self.show_problem("\n".join(translated(text) for text in failure.errors.values()))
            publisher().publish(Changes.of_subject(customer_id), self._window)
            return False
        except ConcurrentChange as failure:
            self.show_problem(self._changed_text(failure))
            publisher().publish(Changes.of_subject(customer_id), self._window)
            return False
        except Unavailable as failure:
            self.show_problem(translated(failure.message))
            return False
        except NotFound:
            self._gone(customer_id)
            return False
        publisher().publish(Changes.of_subject(customer_id), self._window)
        return True

    def _changed_text(self, failure: ConcurrentChange) -> str:
        message = getattr(failure, "message", None)
        if message is not None:
            return translated(message)
        return self.tr("Another workstation changed this customer first. Nothing was saved.")

    def _gone(self, customer_id: int) -> None:
        self.show_problem(
            self.tr("This customer no longer exists: another workstation may have removed it.")
        )
        publisher().publish(Changes.of_subject(customer_id), self._window)

    # -- questions (seams the tests replace) ----------------------------------------------------

    def confirm_suspend(self, state: RemovalState) -> bool:
        box = self.suspend_question(state)
        box.exec()
        return box.confirmed()

    def confirm_remove(self, state: RemovalState) -> bool:
        box = self.removal_question(state)
        box.exec()
        return box.confirmed()

    def show_problem(self, text: str) -> None:
        box = self._box(QMessageBox.Icon.Warning, text)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    # -- the questions themselves ---------------------------------------------------------------

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
