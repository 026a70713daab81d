"""Partner > Indirect resellers…: the action, disabled with the reason for a partner that is not an
indirect provider, and opening the manager (views/resellers/manager.py) when first asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pcdesk.enums import PartnerType
from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.one_dialog import OneDialog

if TYPE_CHECKING:
    from pcdesk.views.resellers.manager import ResellerManagerDialog


class ResellerManagerLauncher(QObject):
    """Owns Partner > Indirect resellers…."""

    def __init__(self, db: Database, profile: PartnerProfileData, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self._dialog: OneDialog[ResellerManagerDialog] = OneDialog()
        self.action = QAction(self.tr("Indirect &resellers…"), self)
        if profile.has_resellers:
            self.action.setToolTip(
                self.tr("List, add, edit, suspend and import your indirect resellers")
            )
        else:
            self.action.setEnabled(False)
            if profile.partner_type is PartnerType.INDIRECT_RESELLER:
                reason = self.tr(
                    "Only indirect providers have indirect resellers; you are an indirect "
                    "reseller yourself."
                )
            else:
                reason = self.tr(
                    "Only indirect providers have indirect resellers; as a direct-bill partner "
                    "you sell to customers yourself."
                )
            self.action.setToolTip(reason)
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self.open)

    @property
    def dialog(self) -> ResellerManagerDialog | None:
        return self._dialog.current

    def open(self) -> ResellerManagerDialog | None:
        if not self.action.isEnabled():
            return None
        if (shown := self._dialog.bring_forward()) is not None:
            return shown
        # (Imported here: the manager, its table and what they import load when first opened.)
        from pcdesk.views.resellers.manager import ResellerManagerDialog

        return self._dialog.open(ResellerManagerDialog(self._db, self._window))
