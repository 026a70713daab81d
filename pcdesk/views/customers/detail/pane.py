"""The customer detail pane: the selected customer's account, agreement, subscriptions,
relationship and history, each on its tab, under a header naming the customer.

The main window puts it beside the customer list, calls ``confirm_leave()`` before the selection
moves and ``show_customer(id)`` after. Everything it shows is read off the GUI thread; an answer
about a customer no longer shown is dropped. Its writes are published as changes; it reads its
customer again when someone else's change touches it (or the roles, resellers or requests it
shows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from pcdesk.errors import NotFound, PcdeskError, Unavailable
from pcdesk.services.audit import AuditEntry, customer_history
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.partner.roles import Task, may
from pcdesk.views.common.changes import comes_from, publisher
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.question import ask
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.header import CustomerHeader

if TYPE_CHECKING:
    from pcdesk.services.relationships.requests import RelationshipRequestData
    from pcdesk.views.customers.detail.account_tab import AccountTab
    from pcdesk.views.customers.detail.agreement_tab import AgreementTab
    from pcdesk.views.customers.detail.history_tab import HistoryTab
    from pcdesk.views.customers.detail.relationship_tab import RelationshipTab
    from pcdesk.views.customers.detail.subscriptions_tab import SubscriptionsTab


@dataclass(frozen=True)
class Around:
    """What the pane shows beside the customer's own record, each read on its own: a part the
    database could not give says why in its tab (the roles then count as allowed: a write
    says why not)."""

    requests: tuple[RelationshipRequestData, ...] | Unavailable
    history: tuple[AuditEntry, ...] | Unavailable
    may_edit: bool
    may_attest: bool
    may_manage: bool


def read_around(db: Database, customer_id: int) -> Around:
    """The customer's requests, history and what the user's role may do (off the GUI thread)."""
    # (Imported here, on the worker: the invitation texts it loads wait for the first customer.)
    from pcdesk.services.relationships.requests import requests_for_customer

    def attempt(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except Unavailable as unavailable:
            return unavailable

    def allowed(task: Task) -> bool:
        answer = attempt(lambda: may(db, task))
        return answer if isinstance(answer, bool) else True

    return Around(
        requests=attempt(lambda: requests_for_customer(db, customer_id)),
        history=attempt(lambda: customer_history(db, customer_id)),
        may_edit=allowed(Task.EDIT_CUSTOMER),
        may_attest=allowed(Task.ATTEST_AGREEMENT),
        may_manage=allowed(Task.MANAGE_SUBSCRIPTIONS),
    )


@dataclass(frozen=True)
class _Tabs:
    account: AccountTab
    agreement: AgreementTab
    subscriptions: SubscriptionsTab
    relationship: RelationshipTab
    history: HistoryTab


class CustomerDetailPane(QWidget):
    """The customer shown beside the list, on five tabs. ``ready(id)`` once a customer and
    what the user may do with it are shown.

    With ``tabs_later`` the tabs (their modules cost more to import than the rest of the pane)
    are made by ``build_tabs()``, which the main window calls once its list's first rows have
    been painted, or when one of them is first asked for; a customer shown while its window waits
    for that paint is read once they are made (until then the pane says no customer is selected,
    as it does while any first customer is read)."""

    ready = Signal(int)

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        parent: QWidget | None = None,
        *,
        tabs_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._profile = profile
        self._current_id: int | None = None
        self._details: CustomerDetails | None = None
        self._reading: Operation[Any] | None = None  # the latest read: only its answer is shown
        self._tabs: _Tabs | None = None
        self._when_built: list[Callable[[], None]] = []
        self._deferred = False  # show_customer() waits for the tabs

        self.header = CustomerHeader(self)
        # Made before its pages, so Tab goes from the header to the tab bar, then into the tab.
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(
            False
        )  # every tab in sight: the pane is as wide as they need
        # Until the tabs are made, blank pages under their names: the pane is as wide already.
        for title in self._titles():
            self.tabs.addTab(QWidget(self.tabs), title)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.header)
        inner.addWidget(self.tabs, 1)

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)

        publisher().changed.connect(self._on_changes)
        self._show_empty(self.tr("No customer selected"))
        if not tabs_later:
            self.build_tabs()

    # -- the tabs ------------------------------------------------------------------------------

    def build_tabs(self) -> None:
        """Make the five tabs (once); a customer waiting for them is read now."""
        if self._tabs is not None:
            return
        # (Imported here: with what they import, about a fifth of the main window's start-up.)
        from pcdesk.views.customers.detail.account_tab import AccountTab
        from pcdesk.views.customers.detail.agreement_tab import AgreementTab
        from pcdesk.views.customers.detail.history_tab import HistoryTab
        from pcdesk.views.customers.detail.relationship_tab import RelationshipTab
        from pcdesk.views.customers.detail.subscriptions_tab import SubscriptionsTab

        db, profile = self._db, self._profile
        account_tab = AccountTab(db, profile, self.tabs)
        agreement_tab = AgreementTab(db, self.tabs)
        agreement_tab.partner_name = profile.name
        subscriptions_tab = SubscriptionsTab(db, self.tabs)
        # Signed in Partner Center: a held order may now be placed (the user is asked).
        agreement_tab.agreement_signed.connect(
            lambda _customer: subscriptions_tab.check_held_orders()
        )
        tabs = _Tabs(
            account_tab,
            agreement_tab,
            subscriptions_tab,
            RelationshipTab(self.tabs),
            HistoryTab(self.tabs),
        )
        self._tabs = tabs
        pages = (tabs.account, tabs.agreement, tabs.subscriptions, tabs.relationship, tabs.history)
        for index, (page, title) in enumerate(zip(pages, self._titles(), strict=True)):
            blank = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            if blank is not None:
                blank.deleteLater()
        self.tabs.setCurrentIndex(0)
        for tab in (tabs.account, tabs.agreement, tabs.subscriptions):
            tab.saved.connect(self._show_newer)
            tab.refreshed.connect(self._show_newer)
            tab.reload_requested.connect(self.reload)
        for then in self._when_built:
            then()
        self._when_built.clear()
        if self._deferred:  # a customer was shown before the tabs were made: read it now
            self._deferred = False
            waiting, self._current_id = self._current_id, None
            if waiting is not None:
                self.show_customer(waiting)

    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Account"),
            self.tr("Agreement"),
            self.tr("Subscriptions"),
            self.tr("Relationship"),
            self.tr("History"),
        )

    @property
    def tabs_built(self) -> bool:
        return self._tabs is not None

    def when_tabs_built(self, then: Callable[[], None]) -> None:
        """Call ``then()`` once the tabs are made (now if they are)."""
        if self._tabs is not None:
            then()
        else:
            self._when_built.append(then)

    def _waiting_for_paint(self) -> bool:
        """The tabs are to be made once the list of a window already shown has painted its first
        rows."""
        return self._tabs is None and self.window().isVisible()

    def _built(self) -> _Tabs:
        if self._tabs is None:
            self.build_tabs()
        assert self._tabs is not None
        return self._tabs

    @property
    def account_tab(self) -> AccountTab:
        return self._built().account

    @property
    def agreement_tab(self) -> AgreementTab:
        return self._built().agreement

    @property
    def subscriptions_tab(self) -> SubscriptionsTab:
        return self._built().subscriptions

    @property
    def relationship_tab(self) -> RelationshipTab:
        return self._built().relationship

    @property
    def history_tab(self) -> HistoryTab:
        return self._built().history

    # -- public ---------------------------------------------------------------------------------

    @property
    def current_id(self) -> int | None:
        """The customer shown, None when none is."""
        return self._current_id

    @property
    def details(self) -> CustomerDetails | None:
        return self._details

    def show_customer(self, customer_id: int | None) -> None:
        """Show a customer (None: the empty state). Another customer drops an edit in progress
        without asking (call ``confirm_leave`` first); the same customer is read again and an
        edit in progress is kept. The customer is read off the GUI thread: until it is in, the
        tabs are cleared and disabled."""
        if self._waiting_for_paint():
            self._current_id = customer_id  # read once the tabs are made
            self._deferred = True
            self._reading = None
            if customer_id is None:
                self._show_empty(self.tr("No customer selected"))
            return
        if customer_id is not None and customer_id == self._current_id:
            self.reload()
            return
        self._clear_tabs()
        self._current_id = customer_id
        if customer_id is None:
            self._reading = None
            self._show_empty(self.tr("No customer selected"))
            return
        self.tabs.setCurrentWidget(self.account_tab)
        self.content.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        """Read the customer shown again (off the GUI thread)."""
        if self._current_id is None or self._waiting_for_paint():
            return  # (made, the tabs read their customer)
        customer_id = self._current_id
        db = self._db

        def read() -> tuple[CustomerDetails, Around]:
            return get_customer(db, customer_id), read_around(db, customer_id)

        operation: Operation[tuple[CustomerDetails, Around]] = Operation(self, read)
        operation.success(lambda found: self._read(operation, *found))
        operation.failure(lambda error: self._read_failed(operation, error))
        self._reading = operation
        operation.run()

    def _read(self, operation: Operation[Any], details: CustomerDetails, around: Around) -> None:
        if operation is not self._reading:
            return  # a late answer: another customer is shown, or it was read again since
        self._reading = None
        self._display(details, around)

    def _read_failed(self, operation: Operation[Any], error: PcdeskError) -> bool:
        if operation is not self._reading:
            return True  # about a customer no longer shown: nobody is waiting for it
        self._reading = None
        if isinstance(error, NotFound):
            self._clear_tabs()
            self._show_empty(
                self.tr("This customer no longer exists: another workstation may have removed it.")
            )
            return True
        if isinstance(error, Unavailable):
            if self._details is None:
                self._show_empty(translated(error.message))
            return True  # what is shown stays; the next change or Refresh reads it again
        return False

    def _on_changes(self, changes: Changes, source: object) -> None:
        if comes_from(source, self):
            return  # its own write (from a tab, or a dialog of one): already shown
        if (
            changes.touches_customer(self._current_id)
            or changes.team  # the tabs' buttons follow the roles
            or changes.resellers
            or changes.requests
        ):
            self.reload()

    def has_unsaved_edits(self) -> bool:
        return self._tabs is not None and self._tabs.account.has_unsaved_edits()

    def confirm_leave(self, then: Callable[[], None] | None = None) -> bool:
        """Before another customer is shown: an edit with changes asks Save / Discard / Cancel.
        False means stay: Cancel, a Save refused, or a Save started (it runs off the GUI thread;
        ``then()`` is called once it has saved, to leave then)."""
        if self._tabs is None or not self.account_tab.is_editing():
            return True
        if self.account_tab.is_saving():
            return False  # its save is under way: stay until it is done
        if not self.has_unsaved_edits():
            self.account_tab.cancel_edit()
            return True
        company = self._details.company_name if self._details is not None else ""
        answer = ask(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to {company}?").format(company=company),
            self.tr("If you don't save them, they are lost."),
            self.tr("&Save"),
            self.tr("&Discard"),
        )
        if answer == "first":
            return self.account_tab.save(then=then)
        if answer == "second":
            self.account_tab.cancel_edit()
            return True
        return False

    # -- showing --------------------------------------------------------------------------------

    def _show_empty(self, text: str) -> None:
        self._details = None
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _clear_tabs(self) -> None:
        self._details = None
        if self._tabs is None:
            return  # (nothing shown in them yet)
        self.account_tab.clear()
        self.agreement_tab.clear()
        self.subscriptions_tab.clear()
        self.relationship_tab.clear()
        self.history_tab.clear()

    def _display(self, details: CustomerDetails, around: Around | None = None) -> None:
        """Show ``details`` in every tab; what is around it (requests, history, roles) as read
        with it, or read now off the GUI thread."""
        if details.id != self._current_id:
            return  # a late answer about a customer no longer shown
        self._details = details
        self.header.show_details(details)
        self.account_tab.show_details(details)
        self.agreement_tab.show_details(details)
        self.subscriptions_tab.show_details(details)
        self.relationship_tab.show_details(details)
        self.content.setEnabled(True)
        self.stack.setCurrentWidget(self.content)
        if around is not None:
            self._show_around(details.id, around)
            return
        db = self._db
        Operation(self, lambda: read_around(db, details.id)).success(
            lambda found: self._show_around(details.id, found)
        ).run()

    def _show_around(self, customer_id: int, around: Around) -> None:
        if customer_id != self._current_id or self._details is None:
            return  # a late answer about a customer no longer shown
        if isinstance(around.requests, Unavailable):
            self.relationship_tab.show_problem(translated(around.requests.message))
        else:
            self.relationship_tab.show_requests(around.requests)
        if isinstance(around.history, Unavailable):
            self.history_tab.show_problem(translated(around.history.message))
        else:
            self.history_tab.show_entries(around.history)
        self.account_tab.set_allowed(around.may_edit)
        self.agreement_tab.set_allowed(around.may_attest)
        self.subscriptions_tab.set_allowed(around.may_manage)
        self.ready.emit(customer_id)

    def edit_account_when_ready(self) -> None:
        """Account tab, Edit: now if the customer shown is in, else once it is."""
        self.tabs.setCurrentWidget(self.account_tab)
        if self._details is not None and self.account_tab.edit_button.isEnabled():
            self.account_tab.edit()
            return
        wanted = self._current_id

        def ready(customer_id: int) -> None:
            self.ready.disconnect(ready)
            if customer_id == wanted and self.account_tab.edit_button.isEnabled():
                self.account_tab.edit()

        self.ready.connect(ready)

    def _show_newer(self, details: CustomerDetails) -> None:
        """A tab wrote (its operation published the change), or found another workstation's
        change: show what is saved now."""
        self._reading = None  # a read started before the write would show the customer before it
        self._display(details)
