"""A link that is a button: underlined, in the palette's link colour, reached with Tab.

It is never a dialog's default button (Enter elsewhere presses the default), but Enter or Space
on it while it has the focus follows it; the style draws its focus ring.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QPushButton, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class LinkButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = QFont(self.font())
        font.setUnderline(True)  # reads as a link in any palette, not by colour alone
        self.setFont(font)
        self._follow_link_colour()

    def _follow_link_colour(self) -> None:
        """Text in the palette's link colour, light or dark (again when the palette changes)."""
        palette = self.palette()
        link = palette.color(QPalette.ColorRole.Link)
        if palette.color(QPalette.ColorRole.ButtonText) != link:
            palette.setColor(QPalette.ColorRole.ButtonText, link)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_link_colour()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and not event.modifiers():
            event.accept()
            self.click()
            return
        super().keyPressEvent(event)
