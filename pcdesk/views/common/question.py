"""A question with two answers and Cancel (Keep / Discard / Cancel, Resume / Start over / Cancel),
asked through the application's prompter (tests answer it with the ``prompts`` fixture)."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk.views.common.prompts import prompter

Answer = Literal["first", "second", "cancel"]


def ask(
    parent: QWidget, title: str, text: str, informative: str, first: str, second: str
) -> Answer:
    """Ask, with ``first`` as the default answer and ``second`` as the destructive one."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    first_button = box.addButton(first, QMessageBox.ButtonRole.AcceptRole)
    second_button = box.addButton(second, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(first_button)
    box.setEscapeButton(cancel)
    clicked = prompter().ask(box)
    if clicked is first_button:
        return "first"
    return "second" if clicked is second_button else "cancel"
