"""The one publisher of changes: an operation that wrote something says so here, and every pane
that shows it subscribes and decides for itself what to read again. Nothing relays changes by hand."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pcdesk.services.changes import Changes


class ChangePublisher(QObject):
    """Sends ``changed(Changes, source)``; ``source`` is the widget whose operation wrote, so a
    pane can skip reloading what it has just shown itself (it may be None)."""

    changed = Signal(Changes, object)

    def publish(self, changes: Changes, source: object = None) -> None:
        if changes.any:
            self.changed.emit(changes, source)


_NAME = "pcdesk_change_publisher"


def publisher() -> ChangePublisher:
    """The application's publisher (one per QApplication, made on first use)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the change publisher needs a QApplication")
    found = app.findChild(ChangePublisher, _NAME)
    if found is None:
        found = ChangePublisher(app)
        found.setObjectName(_NAME)
    return found


def comes_from(source: object, widget: QObject) -> bool:
    """Whether a change's ``source`` is ``widget`` or lies inside it, dialogs included (a dialog
    is a window of its own, which ``QWidget.isAncestorOf`` does not look into)."""
    current = source if isinstance(source, QObject) else None
    while current is not None:
        if current is widget:
            return True
        current = current.parent()
    return False
