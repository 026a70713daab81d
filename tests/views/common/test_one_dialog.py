"""OneDialog: a launcher's dialog, one at a time."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.views.common.one_dialog import OneDialog


def test_an_open_dialog_comes_forward_and_a_closed_one_is_deleted(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialogs: OneDialog[QDialog] = OneDialog()
    assert dialogs.bring_forward() is None  # none opened yet

    first = dialogs.open(QDialog(window))
    assert first.isVisible()
    assert dialogs.current is first
    assert dialogs.bring_forward() is first  # asked again: the same one, not a second

    first.reject()  # closed: forgotten, and deleted
    assert dialogs.current is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))
    assert dialogs.bring_forward() is None

    second = dialogs.open(QDialog(window))
    assert dialogs.current is second
    second.reject()
