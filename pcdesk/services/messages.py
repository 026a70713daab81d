"""User-facing messages from the Qt-free layers, ready to be translated by the views.

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


class ValidationFailed(Exception):
    """Input was refused; ``errors`` maps each offending field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {text}" for field, text in errors.items()))
        self.errors: dict[str, str] = dict(errors)


class NotFound(Exception):
    """The record asked for no longer exists (another workstation may have removed it)."""


class ConcurrentChange(Exception):
    """Another workstation changed the record first; nothing was written."""


class NotAllowed(Exception):
    """The partner's role does not allow this (e.g. an indirect reseller adding a customer)."""


class Unavailable(Exception):
    """The database is locked by another user or cannot be reached; nothing was written.

    ``message`` says so in the user's words; the database's own error is the ``__cause__``.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message
