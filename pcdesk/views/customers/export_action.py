"""Customers > Export customers…: the action; the export itself (export.py: which customers, where
to, then the file written off the GUI thread) loads when first used.

``CustomerExporter`` owns the action. The main window gives it the list's current query through
``query_source``, and the list's menu exports the selected rows through ``export_selected``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMessageBox, QStyle, QWidget

from pcdesk.services.customer_list.query import CustomerQuery
from pcdesk.services.database import Database

if TYPE_CHECKING:
    from pcdesk.views.customers.export import CustomerExports


class CustomerExporter(QObject):
    """Owns the Export customers action; ``finished(count, path)`` after a file is written."""

    finished = Signal(int, str)

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._window = parent
        # Set by the main window: the list's current search and filters.
        self.query_source: Callable[[], CustomerQuery] | None = None
        self._exports: CustomerExports | None = None  # made when first used

        self.action = QAction(self.tr("E&xport customers…"), self)
        style = parent.style()
        self.action.setIcon(
            QIcon.fromTheme(
                "document-export",
                QIcon.fromTheme(
                    "document-save-as",
                    style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                ),
            )
        )
        self.action.setToolTip(
            self.tr(
                "Save the customers to a CSV file (Partner Center's columns, then every account "
                "detail) that Excel can open"
            )
        )
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self._export_current)

    def exports(self) -> CustomerExports:
        """What runs the exports (their questions, progress and messages), made when first used."""
        if self._exports is None:
            # (Imported here: the export's dialogs and messages are not needed before it starts.)
            from pcdesk.views.customers.export import CustomerExports

            exports = CustomerExports(self._db, self._window, self)
            exports.running_changed.connect(self._show_running)
            exports.finished.connect(self.finished)
            self._exports = exports
        return self._exports

    def _show_running(self) -> None:
        """One export at a time: the action is disabled while one counts, asks or exports."""
        self.action.setEnabled(not self.is_running())

    @property
    def message(self) -> QMessageBox | None:
        """The message an export left open, if any."""
        return self._exports.message if self._exports is not None else None

    def is_running(self) -> bool:
        """Counting, asking or exporting."""
        return self._exports is not None and self._exports.is_running()

    def _export_current(self) -> None:
        """The customers as the list shows them (which of them, and where to, is asked)."""
        query = self.query_source() if self.query_source is not None else CustomerQuery()
        self.exports().export_current(query)

    def export_selected(self, ids: list[int]) -> None:
        """Export these customers (the list's selected rows): no scope to ask, only where."""
        self.exports().export_selected(ids)
