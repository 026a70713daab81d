"""The two-answers-and-Cancel question box: each button gives its answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pcdesk.views.common.question import ask


@pytest.mark.parametrize(
    ("button", "answer"),
    [("&Keep as draft", "first"), ("&Discard", "second"), ("Cancel", "cancel")],
)
def test_each_button_gives_its_answer(qtbot, button: str, answer: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def click() -> None:  # the box is modal: act on it while exec() runs
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.defaultButton().text() == "&Keep as draft"
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, click)
    assert ask(parent, "Add customer", "Keep it?", "", "&Keep as draft", "&Discard") == answer
