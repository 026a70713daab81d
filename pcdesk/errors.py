"""Every failure pcdesk explains to its user derives from ``PcdeskError``, whose ``message`` says
what happened in the user's words (translated by the views). Anything else reaching the views is a
bug: it is logged with its traceback and shown as unexpected."""

from __future__ import annotations

from collections.abc import Mapping

from pcdesk.messages import QT_TRANSLATE_NOOP, Joined, Message


class PcdeskError(Exception):
    """A failure with a message for the user; nothing half-done was left behind."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(PcdeskError):
    """Input was refused; ``errors`` maps each offending field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        parts = [
            text if isinstance(text, Message) else Message(text, context="raw")
            for text in self.errors.values()
        ]
        super().__init__(_joined(parts))


def _joined(parts: list[Message]) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("messages", "{problems}"),
        context="messages",
        problems=Joined(parts, "\n"),
    )


class NotFound(PcdeskError):
    """The record asked for no longer exists (another workstation may have removed it)."""

    def __init__(self, what: object = None, message: Message | None = None) -> None:
        self.what = what
        super().__init__(message or gone_message())


class ConcurrentChange(PcdeskError):
    """Another workstation changed the record first; nothing was written."""

    def __init__(self, detail: object = None) -> None:
        self.detail = detail
        super().__init__(detail if isinstance(detail, Message) else changed_meanwhile_message())


class NotAllowed(PcdeskError):
    """The user's role (or the partner's type) does not allow this; nothing was written."""


class Unavailable(PcdeskError):
    """The database (or Partner Center) cannot be used right now; nothing was written.

    ``message`` says why and what to do; the underlying error is the ``__cause__``.
    """


class Cancelled(PcdeskError):
    """The user cancelled a long job; it left nothing behind."""

    def __init__(self, message: Message | None = None) -> None:
        super().__init__(message or cancelled_message())


def gone_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "messages", "This record no longer exists: another workstation may have removed it."
        ),
        context="messages",
    )


def changed_meanwhile_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "messages",
            "Another workstation changed this first. Nothing was saved; look at it again and retry.",
        ),
        context="messages",
    )


def cancelled_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP("messages", "Cancelled. Nothing was written."), context="messages"
    )
