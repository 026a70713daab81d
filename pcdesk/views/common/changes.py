"""The one publisher of changes: an operation that wrote something says so here, and every pane
that shows it subscribes and decides for itself what to read again. Nothing relays changes by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from pcdesk.services.changes import Changes


class ChangePublisher(QObject):
    """Sends ``changed(Changes, source)``; ``source`` is the widget whose operation wrote, so a
    pane can skip reloading what it has just shown itself (it may be None)."""

    changed = Signal(Changes, object)

    def publish(self, changes: Changes, source: object = None) -> None:
        if changes.any:
            self.changed.emit(changes, source)


Owned = TypeVar("Owned", bound=QObject)


def application_object(kind: type[Owned], name: str) -> tuple[Owned, bool]:
    """The application's one ``kind`` object, made on first use; and whether it was just made."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError(f"{kind.__name__} needs a QApplication")
    found = app.findChild(kind, name)
    if found is not None:
        return found, False
    made = kind(app)
    made.setObjectName(name)
    return made, True


def publisher() -> ChangePublisher:
    """The application's publisher (one per QApplication, made on first use)."""
    return application_object(ChangePublisher, "pcdesk_change_publisher")[0]


class _RolesFollower(QObject):
    def __init__(self, owner: QObject, look_again: Callable[[], None]) -> None:
        super().__init__(owner)  # disconnected when its owner goes
        self._look_again = look_again
        publisher().changed.connect(self._changed)

    @Slot(Changes, object)
    def _changed(self, changes: Changes, _source: object) -> None:
        if changes.team:
            self._look_again()


def follow_roles(owner: QObject, look_again: Callable[[], None]) -> None:
    """``look_again()`` each time the team's roles are saved, for as long as ``owner`` lives
    (an action that some roles may not take checks again)."""
    _RolesFollower(owner, look_again)


def comes_from(source: object, widget: QObject) -> bool:
    """Whether a change's ``source`` is ``widget`` or lies inside it, dialogs included (a dialog
    is a window of its own, which ``QWidget.isAncestorOf`` does not look into)."""
    current = source if isinstance(source, QObject) else None
    while current is not None:
        if current is widget:
            return True
        current = current.parent()
    return False
