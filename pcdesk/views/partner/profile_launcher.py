"""Partner > Partner profile…: the action, and opening the profile's dialog (profile_dialog.py)
when first asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData

if TYPE_CHECKING:
    from pcdesk.views.partner.profile_dialog import PartnerProfileDialog


class PartnerProfileLauncher(QObject):
    """Owns Partner > Partner profile… (issue 15): edit the profile after the first start (a
    mistyped tenant ID would stay in every invitation link); the window reopens on the same
    database, so every part of it uses the profile saved."""

    # A profile other than the window's was saved: reopen on this database (its address).
    reopen_requested = Signal(str)

    def __init__(self, db: Database, profile: PartnerProfileData, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._profile = profile
        self._window = window
        self.action = QAction(self.tr("Partner &profile…"), self)
        tip = self.tr("Your organization as Partner Center knows it: name, tenant ID, Partner ID")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)

    def open(self) -> PartnerProfileDialog:
        # (Imported here: the dialog loads when first opened.)
        from pcdesk.views.partner.profile_dialog import PartnerProfileDialog

        dialog = PartnerProfileDialog(self._db, self._window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            if dialog.saved is not None and dialog.saved != self._profile:
                self.reopen_requested.emit(
                    self._db.engine.url.render_as_string(hide_password=False)
                )

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog
