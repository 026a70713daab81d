"""The two-answers-and-Cancel question box: each button gives its answer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from pcdesk.views.common.question import ask


@pytest.mark.parametrize(
    ("button", "answer"),
    [("Keep as draft", "first"), ("Discard", "second"), ("Cancel", "cancel"), (None, "cancel")],
)
def test_each_button_gives_its_answer(qtbot, prompts, button: str | None, answer: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    prompts.answer(button)
    assert ask(parent, "Add customer", "Keep it?", "", "&Keep as draft", "&Discard") == answer
    (asked,) = prompts.asked
    assert (asked.title, asked.text) == ("Add customer", "Keep it?")
    assert sorted(asked.buttons) == ["Cancel", "Discard", "Keep as draft"]
    assert asked.default == "Keep as draft"
