"""Partner > Team and roles…: the action, and opening the team's dialog (team_dialog.py) when
first asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pcdesk.services.database import Database

if TYPE_CHECKING:
    from pcdesk.views.partner.team_dialog import TeamDialog


class TeamLauncher(QObject):
    """Owns Partner > Team and roles…."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self.dialog: TeamDialog | None = None
        self.action = QAction(self.tr("&Team and roles…"), self)
        tip = self.tr("Who works in this database, and their Partner Center roles")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)

    def open(self) -> TeamDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        # (Imported here: the dialog loads when first opened.)
        from pcdesk.views.partner.team_dialog import TeamDialog

        dialog = TeamDialog(self._db, self._window)  # a saved team is published by the dialog
        dialog.finished.connect(self._finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
