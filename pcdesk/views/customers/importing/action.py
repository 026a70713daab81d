"""Customers > Import customers…: the action, enabled for a role that may add customers (else
saying why), and the imports (flow.py: choose a file, preview it, then import it, off the GUI
thread), loaded when first used.

``CustomerImporter`` owns the action; ``imported(result)`` says to whoever listens that a file
was imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMessageBox, QStyle, QWidget

from pcdesk.errors import PcdeskError
from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.views.common.changes import follow_roles
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated

if TYPE_CHECKING:
    from pcdesk.views.customers.importing.flow import CustomerImports
    from pcdesk.views.customers.importing.preview import ImportPreviewDialog


class CustomerImporter(QObject):
    """Owns the Import customers action; ``imported(ImportResult)`` after a file is imported."""

    imported = Signal(object)  # an ImportResult

    def __init__(self, db: Database, profile: PartnerProfileData, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._profile = profile
        self._window = window
        # Why the user's role may not add customers ("" if it may; None until it is read).
        self._role_problem: str | None = None
        self._imports: CustomerImports | None = None  # made when first used

        self.action = QAction(self.tr("&Import customers…"), self)
        self.action.setObjectName("import_customers")
        self.action.setIcon(
            QIcon.fromTheme(
                "document-import",
                window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
            )
        )
        self.action.triggered.connect(self.start)
        self._show_permission()
        self.refresh_permission()
        follow_roles(self, self.refresh_permission)  # roles saved: look again

    def refresh_permission(self) -> None:
        """Read the user's role again (off the GUI thread), then enable the action or say why
        not."""
        if not self._profile.can_add_customers:
            return  # the partner type, which does not change while pcdesk runs
        db = self._db
        Operation(self._window, lambda: may(db, Task.ADD_CUSTOMER)).success(
            self._role_read
        ).failure(self._role_unknown).run()

    def _role_read(self, allowed: bool) -> None:
        self._role_problem = "" if allowed else translated(not_allowed_message(Task.ADD_CUSTOMER))
        self._show_permission()

    def _role_unknown(self, _error: PcdeskError) -> bool:
        self._role_problem = ""  # the import itself says the database cannot be reached
        self._show_permission()
        return True

    def _show_permission(self) -> None:
        """Enable the action, or say why not: the partner type, or the user's role (and disabled
        while an import runs)."""
        if not self._profile.can_add_customers:
            reason = self.tr(
                "Indirect resellers cannot add customers. Request a reseller relationship with the "
                "customer instead."
            )
        else:
            reason = self._role_problem or ""
        known = self._role_problem is not None or not self._profile.can_add_customers
        self.action.setEnabled(known and not reason and not self.is_running())
        self.action.setToolTip(
            reason
            or self.tr(
                "Add or update customers from Partner Center's Customers.csv or a pcdesk export"
            )
        )
        self.action.setStatusTip(self.action.toolTip())

    # -- the imports --------------------------------------------------------------------------

    def imports(self) -> CustomerImports:
        """What runs the imports (the file asked for, its preview, the import, their messages),
        made when first used."""
        if self._imports is None:
            # (Imported here: the imports' dialogs and messages are not needed before one starts.)
            from pcdesk.views.customers.importing.flow import CustomerImports

            imports = CustomerImports(self._db, self._window, self)
            imports.running_changed.connect(self._show_permission)
            imports.imported.connect(self.imported)
            self._imports = imports
        return self._imports

    def start(self) -> None:
        """Ask for a file, then preview it."""
        self.imports().start()

    @property
    def dialog(self) -> ImportPreviewDialog | None:
        """The preview open, if any."""
        return self._imports.dialog if self._imports is not None else None

    @property
    def message(self) -> QMessageBox | None:
        """The message an import left open, if any."""
        return self._imports.message if self._imports is not None else None

    def is_running(self) -> bool:
        """Reading or importing a file."""
        return self._imports is not None and self._imports.is_running()
