"""Help > About pcdesk (the application menu on macOS): the action, and the box (about_box.py),
made when first asked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk.services.database import Database


class AboutLauncher(QObject):
    """Owns Help > About pcdesk; the box it opens does not block."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self.action = QAction(self.tr("&About pcdesk"), self)
        self.action.setMenuRole(QAction.MenuRole.AboutRole)
        tip = self.tr("About pcdesk")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)

    def box(self) -> QMessageBox:
        """Help > About: the version (pyproject's, as installed), the database, what it runs on."""
        # (Imported here: the box loads when first asked for.)
        from pcdesk.views.about_box import about_box

        return about_box(self._db, self._window)

    def open(self) -> QMessageBox:
        box = self.box()
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
