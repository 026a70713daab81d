"""The outcome of validating a form: errors block saving, warnings are only shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pcdesk.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "validation"


@dataclass(frozen=True)
class Findings:
    """What is wrong with a form, by field name (the names of the input dataclass)."""

    errors: Mapping[str, Message] = field(default_factory=dict)
    warnings: Mapping[str, Message] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing blocks saving (warnings may remain)."""
        return not self.errors


def too_long(limit: int, count: int) -> Message:
    """The message for a value longer than ``limit`` characters."""
    return Message(
        QT_TRANSLATE_NOOP("validation", "At most {limit} characters; this one has {count}."),
        context=CONTEXT,
        limit=limit,
        count=count,
    )


def quoted_list(chars: list[str]) -> str:
    """``["-", "_"]`` -> ``“-”, “_”`` (for messages that name offending characters)."""
    return ", ".join("“" + char + "”" for char in chars)
