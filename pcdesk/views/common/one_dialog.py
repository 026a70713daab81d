"""The dialog an action opens, one at a time: asked again while it is open, it comes forward; once
closed, it is deleted (a menu's launcher holds one of these)."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class OneDialog(Generic[D]):
    def __init__(self) -> None:
        self.current: D | None = None

    def bring_forward(self) -> D | None:
        """The dialog, raised and activated, when one is open; else None."""
        dialog = self.current
        if dialog is None or not dialog.isVisible():
            return None
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open(self, dialog: D) -> D:
        """Show ``dialog`` (window-modal, ``QDialog.open``); it is deleted once closed."""
        self.current = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: D) -> None:
        dialog.deleteLater()
        if self.current is dialog:
            self.current = None
