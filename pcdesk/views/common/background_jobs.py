"""Jobs running on their own QThreads (export, import): kept alive until their thread ends, even
if the window that started them goes first, and cancelled and waited for when the application
quits, so no thread outlives it."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

# The work: given a progress callback (done, total) -> go on?, it returns the job's result.
Work = Callable[[Callable[[int, int], bool]], object]


class WorkerJob(QObject):
    """Runs ``work(progress)`` on a worker thread and reports back through queued signals.

    ``cancelled_error`` is what the work raises when progress said stop; errors of the
    ``expected`` kinds are shown to the user, any other is also logged with its traceback.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, shown by the GUI thread
    cancelled = Signal()
    stopped = Signal()  # after any of the three above

    def __init__(
        self,
        work: Work,
        cancelled_error: type[BaseException],
        expected: tuple[type[BaseException], ...],
        what: str,
    ) -> None:
        super().__init__()
        self._work = work
        self._cancelled_error = cancelled_error
        self._expected = expected
        self._what = what
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (safe from any thread)."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except self._cancelled_error:
            self.cancelled.emit()
        except Exception as error:  # a worker thread's error must reach the user, whatever it is
            if not isinstance(error, self._expected):
                log.exception("%s failed", self._what)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        finally:
            self.stopped.emit()


class CancellableJob(Protocol):
    def cancel(self) -> None: ...

    def deleteLater(self) -> None: ...


_running: dict[QThread, CancellableJob] = {}
_quit_hooked: list[QCoreApplication] = []


def keep_running(thread: QThread, job: CancellableJob) -> None:
    """Hold ``job`` until ``thread`` finishes (call before starting the thread)."""
    _running[thread] = job
    thread.finished.connect(functools.partial(_forget, thread))
    app = QCoreApplication.instance()
    if app is not None and app not in _quit_hooked:
        app.aboutToQuit.connect(stop_all)
        _quit_hooked.append(app)


def any_running() -> bool:
    return bool(_running)


def stop_all() -> None:
    """Cancel every job and wait for its thread (a cancelled export or import leaves nothing)."""
    for thread, job in list(_running.items()):
        job.cancel()
        thread.quit()
        thread.wait()


def _forget(thread: QThread) -> None:
    job = _running.pop(thread, None)
    if job is not None:
        job.deleteLater()
    thread.deleteLater()
