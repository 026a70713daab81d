"""A question with two answers and Cancel (Keep / Discard / Cancel, Resume / Start over / Cancel)."""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

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
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(first_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is first_button:
        return "first"
    return "second" if clicked is second_button else "cancel"
