"""Cyclic garbage is collected on the GUI thread only.

Python's collector runs in whichever thread's allocations trip its threshold. Operations work on
worker threads that allocate plenty (SQLAlchemy), so a reference cycle holding a Qt object made
on the GUI thread (a widget, a dialog, a lambda connected to a signal) could be freed there: a
crash (seen as segfaults in the workers). So automatic collection is off, and a timer on the GUI
thread collects as the collector would, by generation. Anki does the same for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from pcdesk.views.common.changes import application_object

_INTERVAL_MS = 500


class GuiGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed the collector's own thresholds."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[2] > thresholds[2]:
            gc.collect(2)
        elif counts[1] > thresholds[1]:
            gc.collect(1)
        elif counts[0] > thresholds[0]:
            gc.collect(0)


def set_aside_startup_objects() -> None:
    """Keep what start-up made out of every later collection (``gc.freeze``), once the window is
    painted.

    Start-up leaves about 130,000 objects that live as long as the application (classes, the
    models' mappings, the window); without this, every full collection on the GUI thread
    traverses them again: 22 ms each, a stall while the user types. Cycles that start-up had
    already dropped are set aside too and never freed: about 500 objects, measured.
    """
    gc.freeze()


def collect_garbage_on_gui_thread() -> GuiGarbageCollector:
    """Turn automatic collection off and collect on the GUI thread (once per application)."""
    return application_object(GuiGarbageCollector, "pcdesk_gui_garbage_collector")[0]
