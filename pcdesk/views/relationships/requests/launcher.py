"""Customers > Relationship requests…: the action, and opening the window (window.py) when first
asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from pcdesk.services.database import Database

if TYPE_CHECKING:
    from pcdesk.views.relationships.requests.window import RelationshipRequestsWindow


class RelationshipRequestsLauncher(QObject):
    """Owns Customers > Relationship requests…."""

    def __init__(self, db: Database, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._window = window
        self.requests_window: RelationshipRequestsWindow | None = None
        self.action = QAction(self.tr("Relationship re&quests…"), self)
        self.action.setToolTip(
            self.tr("The relationship requests sent: mark one accepted, or cancel it")
        )
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self.show_window)

    def show_window(self) -> RelationshipRequestsWindow:
        """Open the window, or bring it forward (read again) if it is open already."""
        if self.requests_window is None:
            # (Imported here: the window, its model and its service load when first opened.)
            from pcdesk.views.relationships.requests.window import RelationshipRequestsWindow

            requests = RelationshipRequestsWindow(self._db, self._window)
            self.requests_window = requests
        else:
            self.requests_window.refresh()
        self.requests_window.show()
        self.requests_window.raise_()
        self.requests_window.activateWindow()
        return self.requests_window
