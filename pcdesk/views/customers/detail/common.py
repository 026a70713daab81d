"""What the detail pane's tabs share: one write with its ways to fail, and selectable text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pcdesk.errors import NotAllowed, NotFound, Unavailable, ValidationFailed
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.edits import CustomerChanged
from pcdesk.views.common.translate import translated

T = TypeVar("T")


def write_or_explain(
    write: Callable[[], T],
    *,
    refused: Callable[[dict[str, str]], None],
    unavailable: Callable[[str], None],
    gone: Callable[[], None],
    changed: Callable[[CustomerDetails], None] | None = None,
    not_allowed: Callable[[str], None] | None = None,
) -> T | None:
    """``write()``'s result, or None once the handler of how it failed has run.

    ``refused(errors)``: the service refused fields; ``unavailable(text)``: the database could
    not be used (the text is translated); ``gone()``: what was written no longer exists;
    ``changed(current)``: another workstation saved first; ``not_allowed(text)``: the user's
    role may not (taken away since the tab was shown). Without ``changed`` or ``not_allowed``,
    CustomerChanged or NotAllowed reaches the caller.
    """
    try:
        return write()
    except NotAllowed as failure:
        if not_allowed is None:
            raise
        not_allowed(translated(failure.args[0]))
    except ValidationFailed as failure:
        refused(failure.errors)
    except Unavailable as failure:
        unavailable(translated(failure.message))
    except NotFound:
        gone()
    except CustomerChanged as failure:
        if changed is None:
            raise
        changed(failure.current)
    return None


def selectable_label(
    parent: QWidget, name: str, text_format: Qt.TextFormat = Qt.TextFormat.RichText
) -> QLabel:
    """A word-wrapped, top-left label whose text can be selected by mouse and keyboard."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(text_format)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label
