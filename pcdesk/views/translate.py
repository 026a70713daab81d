"""Showing service messages in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translated(message: str) -> str:
    """A service Message in the current language (a plain str is shown as it is)."""
    template = getattr(message, "template", None)
    if template is None:
        return message
    context = getattr(message, "context", "messages")
    params = getattr(message, "params", {})
    text = QCoreApplication.translate(context, template)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return str(message)
