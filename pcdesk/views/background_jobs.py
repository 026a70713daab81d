"""Jobs running on their own QThreads (export, import): kept alive until their thread ends, even
if the window that started them goes first, and cancelled and waited for when the application
quits, so no thread outlives it."""

from __future__ import annotations

import functools
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QThread


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
