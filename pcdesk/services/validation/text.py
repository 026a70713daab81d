"""What any text a person types may hold, whatever the field: no broken characters, no control
characters, no bidi overrides, and no more than its column stores. One rule for both databases:
PostgreSQL refuses a NUL or an over-long value with a raw error where SQLite stores it, so the
limits are checked here, before either database sees the value."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.findings import CONTEXT, too_long

# Override, embedding and isolate controls reorder what is shown (a name that reads differently
# from what it holds: "Trojan Source"). Marks (LRM, RLM) and joiners stay: real scripts need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# The largest id both databases store: ids are INTEGER columns, 32 bits on PostgreSQL.
MAX_ID = 2**31 - 1


def text_problem(value: str, limit: int, *, multiline: bool = False) -> Message | None:
    """What is wrong with ``value`` as text a person meant, or None."""
    for char in value:
        if 0xD800 <= ord(char) <= 0xDFFF:
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation", "This text holds a broken character; type it again."
                ),
                context=CONTEXT,
            )
        if char in BIDI_CONTROLS:
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation",
                    "Remove the invisible direction control (U+{code}): it makes the text read "
                    "differently from what it holds.",
                ),
                context=CONTEXT,
                code=f"{ord(char):04X}",
            )
        if unicodedata.category(char) == "Cc" and not (multiline and char in "\n\t"):
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation",
                    "Remove the control character (U+{code}): it is not something to type here.",
                ),
                context=CONTEXT,
                code=f"{ord(char):04X}",
            )
    if len(value) > limit:
        return too_long(limit, len(value))
    return None


def text_problems(
    values: Mapping[str, str | None], limits: Mapping[str, int]
) -> dict[str, Message]:
    """``text_problem`` for each named value that has a limit (None values are skipped)."""
    found: dict[str, Message] = {}
    for name, limit in limits.items():
        value = values.get(name)
        if value is None:
            continue
        problem = text_problem(value, limit)
        if problem is not None:
            found[name] = problem
    return found


def id_problem(value: int | None) -> Message | None:
    """An id no record can have (zero, negative, or beyond what a database stores)."""
    if value is None or 0 < value <= MAX_ID:
        return None
    return Message(
        QT_TRANSLATE_NOOP("validation", "There is no such record (id {id})."),
        context=CONTEXT,
        id=str(value),
    )
