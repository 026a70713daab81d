"""Customers > Request a reseller relationship…: the action, and opening the dialog for the right customer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QPushButton, QStyle, QWidget

from pcdesk.errors import PcdeskError
from pcdesk.services.database import Database
from pcdesk.services.partner import roles
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.changes import follow_roles
from pcdesk.views.common.one_dialog import OneDialog
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated

if TYPE_CHECKING:
    from pcdesk.partner_center.customers import PartnerCenterAccess
    from pcdesk.views.relationships.request.dialog import RequestRelationshipDialog


class RequestRelationshipLauncher(QObject):
    """Owns the Request a relationship action; the dialog publishes the requests it records.

    Every partner type may request relationships, indirect resellers included (they cannot add
    customers, partner-center.md); what matters is the user's role.
    """

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        window: QWidget,
        selected_customer: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self._db = db
        self._profile = profile
        self._window = window
        self._selected_customer = selected_customer
        self._dialog: OneDialog[RequestRelationshipDialog] = OneDialog()
        self.access: Callable[[], PartnerCenterAccess] | None = None  # set by the window
        self._allowed = True  # until the roles are read: recording the request checks anyway
        self._role_reads = 0  # the latest read of the roles; an older answer is ignored
        self.action = QAction(self.tr("Request a reseller &relationship…"), self)
        self.action.setIcon(
            QIcon.fromTheme(
                "mail-send", window.style().standardIcon(QStyle.StandardPixmap.SP_CommandLink)
            )
        )
        self.action.triggered.connect(self.start)
        self._show_permission(True)
        self.refresh_permission()
        follow_roles(self, self.refresh_permission)  # roles saved: look again

    @property
    def dialog(self) -> RequestRelationshipDialog | None:
        return self._dialog.current

    def attach_button(self, button: QPushButton) -> None:
        """A button elsewhere (the Relationship tab of a former customer) that does what the
        action does, enabled and explained as it is."""

        def sync() -> None:
            button.setEnabled(self.action.isEnabled())
            button.setToolTip(self.action.toolTip())

        button.clicked.connect(self.action.trigger)
        self.action.changed.connect(sync)
        sync()

    def refresh_permission(self) -> None:
        """Read (off the GUI thread) whether the user's role may request relationships."""
        self._role_reads += 1
        read = self._role_reads

        def arrived(allowed: bool) -> None:
            if read == self._role_reads:  # else a later read is on its way
                self._show_permission(allowed)

        def failed(_error: PcdeskError) -> bool:
            return True  # unknown for now: recording the request checks again

        (
            Operation(self._window, lambda: roles.may(self._db, roles.Task.REQUEST_RELATIONSHIP))
            .success(arrived)
            .failure(failed)
            .run()
        )

    def _show_permission(self, allowed: bool) -> None:
        """Enable the action for a role that may request relationships; else say why not."""
        self._allowed = allowed
        self.action.setEnabled(allowed)
        if allowed:
            tip = self.tr(
                "Email a customer or prospect your invitation link to a reseller relationship"
            )
        else:
            tip = translated(roles.not_allowed_message(roles.Task.REQUEST_RELATIONSHIP))
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def start(self) -> RequestRelationshipDialog | None:
        """Open the dialog for the selected customer, or for a new prospect if none is."""
        if not self._allowed:
            return None
        if (shown := self._dialog.bring_forward()) is not None:
            return shown
        # (Imported here: the dialog and its sections are not needed before it opens.)
        from pcdesk.views.relationships.request.dialog import RequestRelationshipDialog

        dialog = RequestRelationshipDialog(
            self._db, self._profile, self._selected_customer(), self._window
        )
        access = self.access() if self.access is not None else None
        if access is not None and access.online and access.connection is not None:
            dialog.use_partner_center_link(access.connection)
        return self._dialog.open(dialog)
