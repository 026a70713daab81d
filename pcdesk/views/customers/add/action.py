"""Customers > Add customer…: the action, the draft question, and opening the wizard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from pcdesk.errors import PcdeskError, Unavailable
from pcdesk.services.database import Database
from pcdesk.services.drafts import Draft, DraftStore
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.views.common.changes import follow_roles
from pcdesk.views.common.dates import date_time_text
from pcdesk.views.common.one_dialog import OneDialog
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.question import ask
from pcdesk.views.common.translate import translated

if TYPE_CHECKING:
    from pcdesk.partner_center.customers import PartnerCenterAccess
    from pcdesk.views.customers.add.wizard import AddCustomerWizard

RESUME, START_OVER, CANCEL = "resume", "start_over", "cancel"


class AddCustomerLauncher(QObject):
    """Owns the Add customer action; ``customer_added(id)`` when a wizard finishes with Done."""

    customer_added = Signal(int)

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        drafts: DraftStore,
        window: QWidget,
        *,
        access: Callable[[], PartnerCenterAccess] | None = None,
    ) -> None:
        super().__init__(window)
        self._access = access
        self._db = db
        self._profile = profile
        self._drafts = drafts
        self._window = window
        self._wizard: OneDialog[AddCustomerWizard] = OneDialog()
        self._role_allows = True  # until the user's role is read (off the GUI thread)
        self._reading_role: Operation[bool] | None = None
        self.action = QAction(self.tr("&Add customer…"), self)
        self.action.setShortcut(QKeySequence.StandardKey.New)
        self.action.setIcon(
            QIcon.fromTheme(
                "contact-new", window.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            )
        )
        self.action.triggered.connect(self.start)
        self.refresh_permission()
        follow_roles(self, self.refresh_permission)  # roles saved: look again

    @property
    def wizard(self) -> AddCustomerWizard | None:
        return self._wizard.current

    def refresh_permission(self) -> None:
        """Enable the action, or say why not: the partner type, or the user's role (read off
        the GUI thread; the action follows once it is known)."""
        self._show_permission()
        if not self._profile.can_add_customers:
            return
        db = self._db
        operation = Operation(self._window, lambda: may(db, Task.ADD_CUSTOMER))
        operation.success(lambda allowed: self._role_read(operation, allowed))
        operation.failure(lambda error: self._role_unread(operation, error))
        self._reading_role = operation
        operation.run()

    def _role_read(self, operation: Operation[bool], allowed: bool) -> None:
        if operation is self._reading_role:  # a later read decides otherwise
            self._role_allows = allowed
            self._show_permission()

    def _role_unread(self, operation: Operation[bool], error: PcdeskError) -> bool:
        if not isinstance(error, Unavailable):
            return False
        if operation is self._reading_role:
            self._role_allows = True  # the wizard's Submit says the database cannot be reached
            self._show_permission()
        return True

    def _show_permission(self) -> None:
        if not self._profile.can_add_customers:
            reason = self.tr(
                "Indirect resellers cannot add customers. Request a reseller relationship with the "
                "customer instead."
            )
        elif not self._role_allows:
            reason = translated(not_allowed_message(Task.ADD_CUSTOMER))
        else:
            reason = ""
        self.action.setEnabled(not reason)
        self.action.setToolTip(
            reason or self.tr("Add a new customer with a new Microsoft tenant (Ctrl+N)")
        )
        self.action.setStatusTip(self.action.toolTip())

    def ask_resume(self, draft: Draft) -> str:
        """Resume a draft, start over, or cancel."""
        company = str(draft.values.get("account", {}).get("company_name", "")).strip()
        text = self.tr("You have a draft for {company}, saved {when}. Resume it?").format(
            company=company or self.tr("a new customer"),
            when=date_time_text(draft.saved_at),
        )
        answer = ask(
            self._window,
            self.tr("Add customer"),
            text,
            "",
            self.tr("&Resume draft"),
            self.tr("&Start over"),
        )
        return {"first": RESUME, "second": START_OVER, "cancel": CANCEL}[answer]

    def start(self) -> AddCustomerWizard | None:
        """Open the wizard over the window (offering a saved draft first)."""
        if not self._profile.can_add_customers:
            return None
        if (shown := self._wizard.bring_forward()) is not None:
            return shown
        draft = self._drafts.load()
        choice = self.ask_resume(draft) if draft is not None else START_OVER
        if choice == CANCEL:
            return None
        # Loaded at the first Add customer, not with the window (validation, Partner Center...).
        from pcdesk.views.customers.add.wizard import AddCustomerWizard

        wizard = AddCustomerWizard(
            self._db, self._profile, self._drafts, self._window, access=self._access
        )
        if draft is not None and choice == RESUME:
            wizard.restore_draft(draft.values)
        elif draft is not None:
            self._drafts.discard()
        wizard.customer_added.connect(self.customer_added)
        return self._wizard.open(wizard)
