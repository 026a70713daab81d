"""Help > About pcdesk (the application menu on macOS): the version (pyproject's, as installed),
the database, what it runs on."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk import __version__
from pcdesk.services.database import Database
from pcdesk.views.common.app_icon import application_icon


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
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("About pcdesk"))
        box.setIconPixmap(application_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        title = self.tr("pcdesk {version}").format(version=__version__)
        box.setText(f"<b>{html.escape(title)}</b>")
        details = self.tr(
            "Your Partner Center customers, on your desk.\n\n"
            "Database: {database}\n"
            "Qt {qt}, Python {python}\n"
            "MIT License, © the pcdesk authors"
        ).format(database=self._database_place(), qt=qVersion(), python=platform.python_version())
        # The box shows both texts in one format: the details as HTML too, their lines kept.
        box.setInformativeText(html.escape(details).replace("\n", "<br>"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def _database_place(self) -> str:
        """A SQLite database as its file's path, a server's as its address without password."""
        url = self._db.engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return str(Path(url.database))
        return self._db.display_url

    def open(self) -> QMessageBox:
        box = self.box()
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
