"""When a widget is first painted: work that can wait until the window is seen (the country
filter's names), and the start-up figures (benchmarks/startup.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(
        self, widget: QWidget, then: Callable[[float], None], ready: Callable[[], bool]
    ) -> None:
        super().__init__(widget)
        self._then = then
        self._ready = ready
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._ready():
            painted = time.monotonic()
            watched.removeEventFilter(self)
            # After this paint is done, not in the middle of it; not at all once the widget
            # (and so this filter, its child) is gone.
            QTimer.singleShot(0, self, lambda: self._then(painted))
        return False


def when_first_painted(
    widget: QWidget, then: Callable[[float], None], ready: Callable[[], bool] = lambda: True
) -> None:
    """Call ``then(time.monotonic() at the paint)`` once ``widget`` is painted while ``ready()``."""
    _FirstPaint(widget, then, ready)
