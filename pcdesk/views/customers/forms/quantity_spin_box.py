"""A license-count spin box that keeps Enter to itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSpinBox, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class QuantitySpinBox(QSpinBox):
    """QSpinBox passes Enter on to its parents, so in a wizard or a dialog it would also press
    the default button (Next, OK). This one stops it and says so with ``return_pressed``.
    """

    return_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccelerated(True)  # holding an arrow walks through thousands of seats quickly

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)  # interprets the typed text first
        if event.key() in _ENTER_KEYS:
            event.accept()
            self.return_pressed.emit()
