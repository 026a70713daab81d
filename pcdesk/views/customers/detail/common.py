"""What the detail pane's tabs share: one write with its ways to fail, and selectable text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from pcdesk.errors import NotAllowed, NotFound, PcdeskError, Unavailable, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.edits import CustomerChanged
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.translate import translated

T = TypeVar("T")


def customer_write(
    parent: QWidget,
    customer_id: int,
    work: Callable[[], T],
    *,
    busy: tuple[QWidget, ...],
    saved: Callable[[T], None],
    refused: Callable[[dict[str, str]], None],
    unavailable: Callable[[str], None],
    gone: Callable[[], None],
    changed: Callable[[CustomerDetails], None],
    not_allowed: Callable[[str], None],
) -> Operation[T]:
    """Start one write to a customer off the GUI thread; ``busy`` widgets are disabled meanwhile.

    Back on the GUI thread, ``saved(result)`` runs and the customer's change is published, or
    the handler of how it failed: ``refused(errors)`` the service refused fields;
    ``unavailable(text)`` the database could not be used (translated); ``gone()`` what was
    written no longer exists; ``changed(current)`` another workstation saved first;
    ``not_allowed(text)`` the user's role may not (taken away since the tab was shown).
    Anything else goes to the failure presenter.
    """

    def failed(error: PcdeskError) -> bool:
        if isinstance(error, ValidationFailed):
            refused(error.errors)
        elif isinstance(error, CustomerChanged):
            changed(error.current)
        elif isinstance(error, NotFound):
            gone()
        elif isinstance(error, NotAllowed):
            not_allowed(translated(error.message))
        elif isinstance(error, Unavailable):
            unavailable(translated(error.message))
        else:
            return False
        return True

    return (
        Operation(parent, work)
        .busy(*busy)
        .success(saved)
        .failure(failed)
        .changes(Changes.of_customers([customer_id]))
        .run()
    )


def under_way(operation: Operation[Any] | None) -> bool:
    """Whether ``operation`` has started and not yet finished (whatever its outcome)."""
    return operation is not None and operation in runner().running()


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
