"""User-facing messages from the Qt-free layers (models, services, Partner Center), ready to be
translated by the views.

A ``Message`` is a ``str`` holding the English text, so ``{field: message}`` reads naturally in
tests, logs and scripts; it also keeps its untranslated template and parameters, so a view can look
the template up with ``QCoreApplication.translate(message.context, message.template)`` and fill in
the same parameters. Templates are marked with ``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate``
finds them here without this module importing Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Message(str):
    """English text of a message, with the template and parameters it was made from."""

    context: str
    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, /, context: str = "messages", **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.context = context
        self.template = template
        self.params = dict(params)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled whole (an import's preview packs its rows): str's own way would lose them.
        return _message, (self.template, self.context, self.params)


class Joined(str):
    """Messages shown as one parameter ("Admin agent / Sales agent"), each translated by the
    views before they are joined."""

    parts: tuple[Message, ...]
    separator: str

    def __new__(cls, parts: Iterable[Message], separator: str = " / ") -> Joined:
        listed = tuple(parts)
        self = super().__new__(cls, separator.join(listed))
        self.parts = listed
        self.separator = separator
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return Joined, (self.parts, self.separator)


def _message(template: str, context: str, params: Mapping[str, Any]) -> Message:
    return Message(template, context, **params)
