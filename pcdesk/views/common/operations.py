"""Operations: a service call run off the GUI thread, its result or failure handed back on it.

A slot reads its widgets, then starts one operation::

    Operation(self, lambda: update_customer(db, customer_id, data))
        .busy(self.save_button)
        .success(self._saved)
        .changes(lambda _: Changes.of_customers([customer_id]))
        .run()

The work runs on the application's pool of worker threads (``OperationRunner``), so a database
that waits on another workstation's lock, or a slow Partner Center, never freezes a window. While
it runs, the widgets given to ``busy()`` are disabled (a second click cannot start a second write)
and the cursor says the application is busy. Back on the GUI thread, ``success`` gets the result,
or ``failure`` gets a ``PcdeskError`` (returning True when it showed it itself); anything it does
not handle is shown by the one failure presenter. What the work changed is then published.

Long work takes a progress callback and can be cancelled (``Operation.with_progress``).
The application owns the running operations: at quit they are cancelled and waited for.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.services.changes import Changes
from pcdesk.views.common.changes import application_object, comes_from, publisher
from pcdesk.views.common.failures import present_failure

log = logging.getLogger(__name__)

T = TypeVar("T")

# Given (done, total), it says whether to go on; work that hears "no" raises Cancelled.
ProgressCallback = Callable[[int, int], bool]

_WORKER_THREADS = 4


class OperationRunner(QObject):
    """The application's running operations and the threads they run on."""

    idle = Signal()  # the last running operation has finished (its callbacks have run)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(_WORKER_THREADS, thread_name_prefix="pcdesk-operation")
        self._running: set[Operation[Any]] = set()
        self._work: dict[Operation[Any], Future[None]] = {}
        # The workers find their operation by key: a worker never holds the last reference to
        # one (and so to the widgets its callbacks hold), whose freeing must happen here.
        self._keys = itertools.count(1)
        self._by_key: dict[int, Operation[Any]] = {}
        self._held: list[Operation[Any]] | None = None  # started while held (``hold()``)
        # One relay for every operation, living as long as the runner on the GUI thread: a
        # QObject of each operation's own would be destroyed on whichever thread let go of the
        # operation last, a worker's at times, with its queued news still pending (a crash).
        self.relay = _Relay(self)
        self.relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)

    def start(self, operation: Operation[Any]) -> None:
        key = next(self._keys)
        operation._key = key
        self._by_key[key] = operation
        self._running.add(operation)
        if self._held is not None:
            self._held.append(operation)
            return
        self._submit(operation)

    def _submit(self, operation: Operation[Any]) -> None:
        self._work[operation] = self._pool.submit(
            _run_on_worker, operation._key, self._by_key, self.relay
        )

    def hold(self) -> None:
        """Operations started from now on wait for ``release()`` (they count as running). At
        start-up the main window's first reads (roles, tags, Partner Center's state) wait until
        its list's first rows are painted: run on workers before, they hold the interpreter's
        lock while the GUI thread lays out and paints the window and the list reads its rows."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start the operations held, in the order they were started (nothing if none)."""
        held, self._held = self._held, None
        for operation in held or ():
            self._submit(operation)

    @Slot(int)
    def _done(self, key: int) -> None:
        operation = self._by_key.get(key)
        if operation is not None:
            operation._finish()

    @Slot(int, int, int)
    def _progressed(self, key: int, done: int, total: int) -> None:
        operation = self._by_key.get(key)
        if operation is not None:
            operation._show_progress(done, total)

    def finished(self, operation: Operation[Any]) -> None:
        work = self._work.get(operation)
        if work is not None and not work.done():
            # Its worker is still returning: let go of it once the worker has.
            QTimer.singleShot(1, lambda: self.finished(operation))
            return
        self._running.discard(operation)
        self._work.pop(operation, None)
        self._by_key.pop(operation._key, None)
        if not self._running:
            self.idle.emit()

    def is_idle(self) -> bool:
        return not self._running

    def running(self) -> tuple[Operation[Any], ...]:
        return tuple(self._running)

    def finish_work_of(self, window: QObject, timeout: float = 10.0) -> None:
        """Before ``window`` closes its database: cancel its operations that can be, and wait
        (briefly: reads and writes take milliseconds) until every worker has let go of the
        database. Their callbacks come later, and find the window gone."""
        for operation in tuple(self._running):
            if comes_from(operation._parent, window):
                operation.cancel()
        pending = [work for work in self._work.values() if not work.done()]
        if pending:
            wait(pending, timeout=timeout)

    def shutdown(self) -> None:
        """Cancel what can be cancelled and wait for every worker (at quit)."""
        for operation in tuple(self._running):
            operation.cancel()
        self._held = None  # never started: nothing to wait for
        self._pool.shutdown(wait=True)
        self._running.clear()


def runner() -> OperationRunner:
    """The application's runner (one per QApplication, shut down when it quits)."""
    found, made = application_object(OperationRunner, "pcdesk_operation_runner")
    if made:
        app = QCoreApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(found.shutdown)
    return found


class _Relay(QObject):
    """Carries the workers' news to the GUI thread (queued: it lives on the GUI thread)."""

    done = Signal(int)  # the operation's key
    progressed = Signal(int, int, int)  # the operation's key, done, total


def _run_on_worker(key: int, operations: dict[int, Operation[Any]], relay: _Relay) -> None:
    _work_on(operations[key], relay)  # its reference to the operation ends with that frame
    relay.done.emit(key)


def _work_on(operation: Operation[Any], relay: _Relay) -> None:
    try:
        operation._result = operation._work(
            lambda done, total: operation._report(relay, done, total)
        )
    except BaseException as error:  # every failure must reach the GUI thread
        # The traceback keeps its frames' locals (widgets among them) alive in a cycle that the
        # collector could free on this thread: keep the lines, drop the locals.
        traceback.clear_frames(error.__traceback__)
        operation._error = error


class Operation(Generic[T]):
    """One service call, run once off the GUI thread; see the module's docstring."""

    def __init__(self, parent: QWidget, work: Callable[[], T]) -> None:
        self._parent = parent
        self._work: Callable[[ProgressCallback], T] = lambda _progress: work()
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[PcdeskError], bool] | None = None
        self._changes: Callable[[T], Changes] | None = None
        self._on_end: Callable[[], None] | None = None
        self._busy: tuple[QWidget | QAction, ...] = ()
        self._disabled: list[QWidget | QAction] = []  # what ``busy`` turned off, to turn on again
        self._busy_cursor = True
        self._progress_label: str | None = None
        self._progress_text: Callable[[int, int], str] | None = None
        self._cancellable = False
        self._dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        self._started = False
        self._key = 0  # given by the runner

    @classmethod
    def with_progress(
        cls,
        parent: QWidget,
        work: Callable[[ProgressCallback], T],
        label: str | Callable[[int, int], str],
        *,
        cancellable: bool = True,
    ) -> Operation[T]:
        """Long work: ``work(progress)`` reports (done, total) and stops when told to (raising
        Cancelled); a progress dialog shows it, with Cancel when ``cancellable``. A ``label``
        given as a function of (done, total) is shown again at each report."""
        operation: Operation[T] = cls(parent, lambda: None)  # type: ignore[arg-type,return-value]
        operation._work = work
        if callable(label):
            operation._progress_text = label
            label = label(0, 0)
        operation._progress_label = label
        operation._cancellable = cancellable
        return operation

    # -- what to do with it ---------------------------------------------------------------------
    def success(self, callback: Callable[[T], None]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[PcdeskError], bool]) -> Self:
        """``callback(error)`` shows a failure itself and returns True, or returns False to
        leave it to the presenter."""
        self._on_failure = callback
        return self

    def changes(self, what: Changes | Callable[[T], Changes]) -> Self:
        """What a successful run changed, published once its success callback has run."""
        self._changes = what if callable(what) else (lambda _result: what)
        return self

    def ended(self, callback: Callable[[], None]) -> Self:
        """``callback()`` once the operation is over, whatever came of it (after ``success`` or
        ``failure``, or the presenter, has run): to let go of what it held."""
        self._on_end = callback
        return self

    def busy(self, *widgets: QWidget | QAction) -> Self:
        """Widgets (or actions) disabled while the work runs: the button that started it, the
        form. Those that were enabled are enabled again when it ends, before its callbacks run
        (which may decide otherwise); those already disabled are left as they were."""
        self._busy = widgets
        return self

    def quiet(self) -> Self:
        """No busy cursor: for a small read the user did not ask for (a role check when a
        customer is shown), which would only make the cursor flicker."""
        self._busy_cursor = False
        return self

    # -- running --------------------------------------------------------------------------------
    def run(self) -> Self:
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        for widget in self._busy:
            if widget.isEnabled():
                widget.setEnabled(False)
                self._disabled.append(widget)
        if self._busy_cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        if self._progress_label is not None:
            self._open_progress_dialog(self._progress_label)
        runner().start(self)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (safe from any thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, relay: _Relay, done: int, total: int) -> bool:
        relay.progressed.emit(self._key, done, total)
        return not self._cancel.is_set()

    # -- back on the GUI thread -----------------------------------------------------------------
    def _open_progress_dialog(self, label: str) -> None:
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setWindowTitle(QCoreApplication.translate("Operation", "pcdesk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Wide enough that a label naming a file and counts does not make it jump as it grows.
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 56)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("Operation", "Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if not dialog.wasCanceled():
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
            if self._progress_text is not None:
                dialog.setLabelText(self._progress_text(done, total))

    @Slot()
    def _finish(self) -> None:
        if self._busy_cursor:
            QGuiApplication.restoreOverrideCursor()
        if self._dialog is not None:
            if shiboken6.isValid(self._dialog):  # gone with its parent window, maybe
                self._dialog.close()
                self._dialog.deleteLater()
            self._dialog = None
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        self._disabled.clear()
        try:
            self._deliver()
        finally:
            try:
                if self._on_end is not None and shiboken6.isValid(self._parent):
                    self._on_end()
            finally:
                runner().finished(self)
                self._let_go()

    def _let_go(self) -> None:
        """Drop what the callbacks hold (widgets among them) here on the GUI thread: a worker's
        executor may hold the operation a moment longer, and must not be the one to free them."""
        self._on_success = self._on_failure = self._on_end = None
        self._changes = None
        self._busy = ()
        self._result = None

    def _deliver(self) -> None:
        alive = shiboken6.isValid(self._parent)
        error = self._error
        if error is None:
            result: T = self._result  # type: ignore[assignment]
            if alive and self._on_success is not None:
                self._on_success(result)
            if self._changes is not None:
                publisher().publish(self._changes(result), self._parent if alive else None)
            return
        if isinstance(error, PcdeskError):
            if isinstance(error, Cancelled) and not alive:
                return
            if alive and self._on_failure is not None and self._on_failure(error):
                return
            present_failure(self._parent if alive else None, error)
            return
        present_failure(self._parent if alive else None, error)
