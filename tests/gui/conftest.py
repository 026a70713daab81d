"""GUI test helpers: typing as a user does, including text QTest.keyClicks cannot send."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot


class Keyboard:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def type(self, widget: QWidget, text: str) -> None:
        """Type ``text`` key by key, in any script (QTest.keyClicks aborts on non-ASCII)."""
        widget.setFocus()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )

    def replace(self, edit: QLineEdit, text: str) -> None:
        edit.selectAll()
        edit.del_()
        self.type(edit, text)

    def leave(self, edit: QLineEdit) -> None:
        """Tab out of a field, as a user leaving it (editingFinished fires)."""
        self.qtbot.keyClick(edit, Qt.Key.Key_Tab)


@pytest.fixture
def keyboard(qtbot: QtBot) -> Keyboard:
    return Keyboard(qtbot)
