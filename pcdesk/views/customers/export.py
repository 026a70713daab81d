"""Customers > Export customers…: which customers, where to, then the file written off the GUI thread.

``CustomerExporter`` owns the action. The main window gives it the list's current query through
``query_source`` (or calls ``export`` itself with counts it already has). The export runs on a
QThread with a window-modal progress dialog; Cancel stops it between two batches and the service
then leaves nothing on disk (services/customer_export.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import (
    QDir,
    QLocale,
    QObject,
    QStandardPaths,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QStyle, QWidget

from pcdesk.errors import Unavailable
from pcdesk.models.database import Database
from pcdesk.models.storage import translate_storage_errors
from pcdesk.services.customer_list.export import ExportCancelled, export_customers
from pcdesk.services.customer_list.query import CustomerQuery, count_customers
from pcdesk.views.common.background_jobs import WorkerJob, keep_running
from pcdesk.views.common.question import ask
from pcdesk.views.common.translate import translated

DEFAULT_FILE_NAME = "Customers.csv"  # the name Partner Center gives its own export
Scope = Literal["matching", "all", "cancel"]


class CustomerExporter(QObject):
    """Owns the Export customers action; ``finished(count, path)`` after a file is written."""

    finished = Signal(int, str)

    # Tests make these smaller: the dialog then shows at once and a few customers make batches.
    progress_delay_ms = 500
    batch_size = 1000

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._window = parent
        # Set by the main window: the list's current search and filters.
        self.query_source: Callable[[], CustomerQuery] | None = None
        self._folder: Path | None = None  # where the last export went: the next starts there
        self._thread: QThread | None = None
        self._job: WorkerJob | None = None
        self._target: Path | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None

        self.action = QAction(self.tr("E&xport customers…"), self)
        style = parent.style()
        self.action.setIcon(
            QIcon.fromTheme(
                "document-export",
                QIcon.fromTheme(
                    "document-save-as",
                    style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                ),
            )
        )
        self.action.setToolTip(
            self.tr(
                "Save the customers to a CSV file (Partner Center's columns, then every account "
                "detail) that Excel can open"
            )
        )
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self._export_current)

    # -- the seams tests replace --------------------------------------------------------------

    def ask_scope(self, matching: int, total: int) -> Scope:
        """The customers that match the search and filters, all of them, or none (Cancel)."""
        locale = QLocale()
        if matching == 1:
            text = self.tr(
                "Export the customer that matches the current search and filters, "
                "or all {total} customers?"
            )
        else:
            text = self.tr(
                "Export the {matching} customers that match the current search and filters, "
                "or all {total} customers?"
            )
        answer = ask(
            self._window,
            self.tr("Export customers"),
            text.format(matching=locale.toString(matching), total=locale.toString(total)),
            "",
            self.tr("&Matching"),
            self.tr("&All"),
        )
        scopes: dict[str, Scope] = {"first": "matching", "second": "all", "cancel": "cancel"}
        return scopes[answer]

    def choose_target(self, suggested: Path) -> Path | None:
        """Where to save the file (the platform's save dialog asks before overwriting)."""
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export customers"),
            str(suggested),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        return Path(path) if path else None

    # -- the export -----------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread is not None

    def _export_current(self) -> None:
        query = self.query_source() if self.query_source is not None else CustomerQuery()
        try:
            with translate_storage_errors():
                matching = count_customers(self._db, query)
                total = count_customers(self._db) if query.is_filtered else matching
        except Unavailable as error:
            self._show_failure(error)
            return
        self.export(query, matching, total)

    def export(self, query: CustomerQuery, matching: int, total: int) -> None:
        """Ask which customers (when the list is searched or filtered) and where, then export.

        ``matching`` and ``total`` are the counts the user sees: of the list as ``query`` shows
        it, and of every customer.
        """
        if self._thread is not None:  # one at a time; the dialog of the running one is up front
            if self.progress is not None:
                self.progress.raise_()
            return
        if total == 0:
            self._show_message(
                QMessageBox.Icon.Information, self.tr("There are no customers to export yet."), ""
            )
            return
        expected = matching
        if query.is_filtered and matching != total:
            scope = self.ask_scope(matching, total)
            if scope == "cancel":
                return
            if scope == "all":
                query, expected = CustomerQuery(), total
        target = self.choose_target(self._suggested_target())
        if target is None:
            return
        self._folder = target.parent
        self._start(query, target, expected)

    def _suggested_target(self) -> Path:
        folder = self._folder
        if folder is None or not folder.is_dir():
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            folder = Path(documents) if documents else Path.home()
        return folder / DEFAULT_FILE_NAME

    def _start(self, query: CustomerQuery, target: Path, expected: int) -> None:
        self._target = target
        progress = QProgressDialog(self._window)
        progress.setWindowTitle(self.tr("Export customers"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setMinimumWidth(progress.fontMetrics().averageCharWidth() * 56)
        progress.setRange(0, max(expected, 1))
        progress.setValue(0)
        progress.setLabelText(self._progress_text(0, expected))
        progress.setMinimumDuration(self.progress_delay_ms)
        self.progress = progress

        thread = QThread()
        thread.setObjectName("customer export")
        db, batch_size = self._db, self.batch_size
        job = WorkerJob(
            lambda progress: export_customers(
                db, query, target, progress=progress, batch_size=batch_size
            ),
            ExportCancelled,
            (OSError, Unavailable),
            "exporting customers",
        )
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.stopped.connect(thread.quit)
        thread.finished.connect(self._thread_finished)
        # Should the window go while the export runs, the file is not finished behind its back.
        self.destroyed.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        # Direct: the job's thread is busy exporting and would see a queued call only at the end.
        progress.canceled.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        self._thread, self._job = thread, job
        keep_running(thread, job)
        self.action.setEnabled(False)
        thread.start()

    def _progress_text(self, done: int, total: int) -> str:
        assert self._target is not None
        locale = QLocale()
        return self.tr("Exporting customers to {file}…\n{done} of {total} customers").format(
            file=self._target.name, done=locale.toString(done), total=locale.toString(total)
        )

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        if progress.maximum() != max(total, 1):
            progress.setMaximum(max(total, 1))
        progress.setValue(done)
        progress.setLabelText(self._progress_text(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, count: int) -> None:
        self._close_progress()
        assert self._target is not None
        path = self._target
        locale = QLocale()
        if count == 1:
            text = self.tr("1 customer exported to {file}.")
        else:
            text = self.tr("{count} customers exported to {file}.")
        self._show_message(
            QMessageBox.Icon.Information,
            text.format(count=locale.toString(count), file=path.name),
            QDir.toNativeSeparators(str(path)),
        )
        self.finished.emit(count, str(path))

    def _failed(self, error: object) -> None:
        self._close_progress()
        self._show_failure(error)

    def _show_failure(self, error: object) -> None:
        if isinstance(error, Unavailable):
            reason = translated(error.message)
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
        else:
            reason = self.tr("An unexpected error stopped the export ({error}).").format(
                error=type(error).__name__
            )
        target = self._target
        if target is None:
            text = self.tr("The customers could not be exported.")
        elif target.exists():
            text = self.tr("The customers could not be exported. {file} was left as it was.")
        else:
            text = self.tr("The customers could not be exported. No file was written.")
        detail = reason
        if target is not None:
            detail += "\n\n" + QDir.toNativeSeparators(str(target))
        self._show_message(
            QMessageBox.Icon.Warning, text.format(file=target.name if target else ""), detail
        )

    def _cancelled(self) -> None:
        self._close_progress()

    def _show_message(self, icon: QMessageBox.Icon, text: str, informative: str) -> None:
        # open(), not exec(): the export is over; nothing waits for the answer.
        if self.message is not None:
            self.message.close()
        box = QMessageBox(icon, self.tr("Export customers"), text, parent=self._window)
        box.setInformativeText(informative)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: self._message_gone(box))
        self.message = box
        box.open()

    def _message_gone(self, box: QMessageBox) -> None:
        if self.message is box:  # not a newer one, opened as this one closed
            self.message = None

    def _thread_finished(self) -> None:
        self._thread = self._job = None
        self._target = None
        self.action.setEnabled(True)
