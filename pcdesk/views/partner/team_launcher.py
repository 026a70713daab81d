"""Partner > Team and roles…: the action, and opening the team's dialog (team_dialog.py) when
first asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pcdesk.services.database import Database
from pcdesk.views.common.one_dialog import OneDialog

if TYPE_CHECKING:
    from pcdesk.views.partner.team_dialog import TeamDialog


class TeamLauncher(QObject):
    """Owns Partner > Team and roles…."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self._dialog: OneDialog[TeamDialog] = OneDialog()
        self.action = QAction(self.tr("&Team and roles…"), self)
        tip = self.tr("Who works in this database, and their Partner Center roles")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)

    @property
    def dialog(self) -> TeamDialog | None:
        return self._dialog.current

    def open(self) -> TeamDialog:
        if (shown := self._dialog.bring_forward()) is not None:
            return shown
        # (Imported here: the dialog loads when first opened.)
        from pcdesk.views.partner.team_dialog import TeamDialog

        # (A saved team is published by the dialog.)
        return self._dialog.open(TeamDialog(self._db, self._window))
