"""Help > About pcdesk's box (about_launcher.py opens it): the version (pyproject's, as installed),
the database, what it runs on."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk import __version__
from pcdesk.services.database import Database
from pcdesk.views.common.app_icon import application_icon

# Its texts keep the translation context of AboutLauncher, the class they were written in.


def about_box(db: Database, parent: QWidget) -> QMessageBox:
    """Help > About: the version (pyproject's, as installed), the database, what it runs on."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("AboutLauncher", "About pcdesk"))
    box.setIconPixmap(application_icon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    title = QCoreApplication.translate("AboutLauncher", "pcdesk {version}").format(
        version=__version__
    )
    box.setText(f"<b>{html.escape(title)}</b>")
    details = QCoreApplication.translate(
        "AboutLauncher",
        "Your Partner Center customers, on your desk.\n\n"
        "Database: {database}\n"
        "Qt {qt}, Python {python}\n"
        "MIT License, © the pcdesk authors",
    ).format(database=_database_place(db), qt=qVersion(), python=platform.python_version())
    # The box shows both texts in one format: the details as HTML too, their lines kept.
    box.setInformativeText(html.escape(details).replace("\n", "<br>"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def _database_place(db: Database) -> str:
    """A SQLite database as its file's path, a server's as its address without password."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return str(Path(url.database))
    return db.display_url
