"""The customer detail pane: the selected customer's account, agreement, subscriptions,
relationship and history, each on its tab, under a header naming the customer.

The main window puts it beside the customer list, calls ``confirm_leave()`` before the selection
moves and ``show_customer(id)`` after. Its writes are published as changes; it reads its customer
again when someone else's change touches it (or the roles, resellers or requests it shows).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from pcdesk.errors import NotFound, Unavailable
from pcdesk.models.database import Database
from pcdesk.services.audit import customer_history
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.relationships.requests import requests_for_customer
from pcdesk.views.common.changes import comes_from, publisher
from pcdesk.views.common.question import ask
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.account_tab import AccountTab
from pcdesk.views.customers.detail.agreement_tab import AgreementTab
from pcdesk.views.customers.detail.header import CustomerHeader
from pcdesk.views.customers.detail.history_tab import HistoryTab
from pcdesk.views.customers.detail.relationship_tab import RelationshipTab
from pcdesk.views.customers.detail.subscriptions_tab import SubscriptionsTab


class CustomerDetailPane(QWidget):
    """The customer shown beside the list, on five tabs."""

    def __init__(
        self, db: Database, profile: PartnerProfileData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._current_id: int | None = None
        self._details: CustomerDetails | None = None

        self.header = CustomerHeader(self)
        # Made before its pages, so Tab goes from the header to the tab bar, then into the tab.
        self.tabs = QTabWidget(self)
        self.account_tab = AccountTab(db, profile, self.tabs)
        self.agreement_tab = AgreementTab(db, self.tabs)
        self.subscriptions_tab = SubscriptionsTab(db, self.tabs)
        self.relationship_tab = RelationshipTab(self.tabs)
        self.history_tab = HistoryTab(self.tabs)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.addTab(self.account_tab, self.tr("Account"))
        self.tabs.addTab(self.agreement_tab, self.tr("Agreement"))
        self.tabs.addTab(self.subscriptions_tab, self.tr("Subscriptions"))
        self.tabs.addTab(self.relationship_tab, self.tr("Relationship"))
        self.tabs.addTab(self.history_tab, self.tr("History"))

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

        for tab in (self.account_tab, self.agreement_tab, self.subscriptions_tab):
            tab.saved.connect(self._written)
            tab.refreshed.connect(self._display)
            tab.reload_requested.connect(self.reload)
        publisher().changed.connect(self._on_changes)
        self._show_empty(self.tr("Select a customer to see its details"))

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
        edit in progress is kept."""
        if customer_id is not None and customer_id == self._current_id:
            self.reload()
            return
        self._clear_tabs()
        self._current_id = customer_id
        if customer_id is None:
            self._show_empty(self.tr("Select a customer to see its details"))
            return
        self.tabs.setCurrentWidget(self.account_tab)
        self.reload()

    def reload(self) -> None:
        """Read the customer shown again."""
        if self._current_id is None:
            return
        try:
            details = get_customer(self._db, self._current_id)
        except NotFound:
            self._clear_tabs()
            self._show_empty(
                self.tr("This customer no longer exists: another workstation may have removed it.")
            )
            return
        except Unavailable as unavailable:
            if self._details is None:
                self._show_empty(translated(unavailable.message))
            return
        self._display(details)

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
        return self.account_tab.has_unsaved_edits()

    def confirm_leave(self) -> bool:
        """Before another customer is shown: an edit with changes asks Save / Discard / Cancel.
        False means stay (Cancel, or a Save that did not go through)."""
        if not self.account_tab.is_editing():
            return True
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
            return self.account_tab.save()
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
        self.account_tab.clear()
        self.agreement_tab.clear()
        self.subscriptions_tab.clear()
        self.relationship_tab.clear()
        self.history_tab.clear()

    def _display(self, details: CustomerDetails) -> None:
        if details.id != self._current_id:
            return  # a late answer about a customer no longer shown
        self._details = details
        self.header.show_details(details)
        self.account_tab.show_details(details)
        self.agreement_tab.show_details(details)
        self.subscriptions_tab.show_details(details)
        self.relationship_tab.show_details(details)
        try:
            self.relationship_tab.show_requests(requests_for_customer(self._db, details.id))
        except Unavailable as unavailable:
            self.relationship_tab.show_problem(translated(unavailable.message))
        try:
            self.history_tab.show_entries(customer_history(self._db, details.id))
        except Unavailable as unavailable:
            self.history_tab.show_problem(translated(unavailable.message))
        self.stack.setCurrentWidget(self.content)

    def _written(self, details: CustomerDetails) -> None:
        self._display(details)
        publisher().publish(Changes.of_customers([details.id]), self)
