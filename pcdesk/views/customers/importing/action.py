"""Customers > Import customers…: choose a file, preview it, then import it, off the GUI thread.

``CustomerImporter`` owns the action. The file is read and previewed on a QThread behind a
window-modal progress dialog with Cancel; the preview dialog (views/import_preview.py) shows
every row's fate; Import runs the import on a QThread too, and Cancel there rolls it back, so
nothing is written. ``imported(result)`` then lets the main window read its list again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLocale, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QStyle, QWidget

from pcdesk.errors import NotAllowed, Unavailable
from pcdesk.models.database import Database
from pcdesk.services.changes import Changes
from pcdesk.services.customer_import.apply import (
    ImportCancelled,
    ImportOutdated,
    ImportPreview,
    ImportRefused,
    ImportResult,
    ImportUnreadable,
    apply_import,
    preview_import,
)
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.views.common.background_jobs import Work, WorkerJob, keep_running
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.importing.preview import ImportPreviewDialog

Progress = Callable[[int, int], bool]
# The errors a user is told about in words; anything else is logged as a bug too.
EXPECTED = (ImportUnreadable, ImportOutdated, ImportRefused, NotAllowed, Unavailable, OSError)


def result_text(result: ImportResult) -> str:
    """What an import did, in a sentence or two."""
    locale = QLocale()
    text = QCoreApplication.translate(
        "CustomerImporter", "Customers added: {added}. Customers updated: {updated}."
    ).format(added=locale.toString(result.added), updated=locale.toString(result.updated))
    left = [
        (result.unchanged, QCoreApplication.translate("CustomerImporter", "unchanged {count}")),
        (result.duplicates, QCoreApplication.translate("CustomerImporter", "duplicates {count}")),
        (result.skipped, QCoreApplication.translate("CustomerImporter", "invalid {count}")),
    ]
    shown = [template.format(count=locale.toString(count)) for count, template in left if count]
    if shown:
        text += " " + QCoreApplication.translate(
            "CustomerImporter", "Rows left as they were: {rows}."
        ).format(rows=", ".join(shown))
    return text


class CustomerImporter(QObject):
    """Owns the Import customers action; ``imported(ImportResult)`` after a file is imported."""

    imported = Signal(object)

    # Tests make it 0: the progress dialog then shows at once.
    progress_delay_ms = 500

    def __init__(self, db: Database, profile: PartnerProfileData, window: QWidget) -> None:
        super().__init__(window)
        self._db = db
        self._profile = profile
        self._window = window
        self._folder: Path | None = None  # where the last file came from
        self._path: Path | None = None  # the file being previewed or imported
        # A job is reading or importing. Cleared when it reports its end, not when its thread
        # has quit: the preview dialog may be clicked between the two.
        self._working = False
        self._on_success: Callable[[object], None] = lambda _result: None
        self.progress: QProgressDialog | None = None
        self.dialog: ImportPreviewDialog | None = None
        self.message: QMessageBox | None = None

        self.action = QAction(self.tr("&Import customers…"), self)
        self.action.setObjectName("import_customers")
        self.action.setIcon(
            QIcon.fromTheme(
                "document-import",
                window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
            )
        )
        self.action.triggered.connect(self.start)
        self.refresh_permission()
        publisher().changed.connect(self._on_changes)  # roles saved: look again

    def _on_changes(self, changes: Changes, _source: object) -> None:
        if changes.team:
            self.refresh_permission()

    def refresh_permission(self) -> None:
        """Enable the action, or say why not: the partner type, or the user's role."""
        if not self._profile.can_add_customers:
            reason = self.tr(
                "Indirect resellers cannot add customers. Request a relationship with the "
                "customer instead."
            )
        elif not self._role_allows():
            reason = translated(not_allowed_message(Task.ADD_CUSTOMER))
        else:
            reason = ""
        self.action.setEnabled(not reason and not self._working)
        self.action.setToolTip(
            reason
            or self.tr(
                "Add or update customers from Partner Center's Customers.csv or a pcdesk export"
            )
        )
        self.action.setStatusTip(self.action.toolTip())

    def _role_allows(self) -> bool:
        try:
            return may(self._db, Task.ADD_CUSTOMER)
        except Unavailable:
            return True  # the import itself says the database cannot be reached

    # -- the seam tests replace ---------------------------------------------------------------

    def choose_file(self, folder: Path | None) -> Path | None:
        """The file to import (a platform open dialog), or None."""
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import customers"),
            str(folder) if folder is not None else "",
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        return Path(path) if path else None

    # -- preview ------------------------------------------------------------------------------

    def start(self) -> None:
        """Ask for a file, then preview it."""
        if self._working or (self.dialog is not None and self.dialog.isVisible()):
            for shown in (self.progress, self.dialog):
                if shown is not None:
                    shown.raise_()
            return
        path = self.choose_file(self._folder)
        if path is not None:
            self._folder = path.parent
            self.preview(path)

    def preview(self, path: Path) -> None:
        """Read and check ``path`` off the GUI thread, then show the preview dialog."""
        self._path = path
        self._run(
            functools.partial(self._preview_work, path),
            self._window,
            self.tr("Reading {file}…").format(file=path.name),
            self._previewed,
        )

    def _preview_work(self, path: Path, progress: Progress) -> object:
        return preview_import(self._db, path, progress=progress)

    def _previewed(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        dialog = ImportPreviewDialog(preview, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_requested.connect(self._import)
        dialog.destroyed.connect(lambda: self._dialog_gone(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_gone(self, dialog: ImportPreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- import -------------------------------------------------------------------------------

    def _import(self, skip_invalid: bool) -> None:
        dialog = self.dialog
        if dialog is None or self._working:
            return
        preview = dialog.preview
        dialog.set_busy(True)
        work = functools.partial(self._import_work, preview, skip_invalid)
        self._run(
            work,
            dialog,
            self.tr("Importing {count} customers from {file}…").format(
                count=QLocale().toString(preview.to_write), file=preview.file_name
            ),
            self._imported,
        )

    def _import_work(
        self, preview: ImportPreview, skip_invalid: bool, progress: Progress
    ) -> object:
        return apply_import(self._db, preview, skip_invalid=skip_invalid, progress=progress)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        dialog, self.dialog = self.dialog, None  # gone: the message must not be its child
        if dialog is not None:
            dialog.accept()
        self._show_message(
            QMessageBox.Icon.Information,
            self.tr("{file} is imported.").format(file=result.file_name),
            result_text(result),
        )
        self.imported.emit(result)
        publisher().publish(Changes(many_customers=True), self)

    # -- running work off the GUI thread --------------------------------------------------------

    def is_running(self) -> bool:
        return self._working

    def _run(self, work: Work, parent: QWidget, label: str, done: Callable[[object], None]) -> None:
        progress = QProgressDialog(parent)
        progress.setWindowTitle(self.tr("Import customers"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setMinimumWidth(progress.fontMetrics().averageCharWidth() * 56)
        progress.setRange(0, 0)  # busy until the first report says how much there is
        progress.setLabelText(label)
        progress.setMinimumDuration(self.progress_delay_ms)
        self.progress = progress

        thread = QThread()
        thread.setObjectName("customer import")
        job = WorkerJob(work, ImportCancelled, EXPECTED, "importing customers")
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.progressed.connect(self._progressed)
        # Bound methods of this GUI-thread object, so Qt queues them: a lambda would run on
        # the worker's thread.
        self._on_success = done
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.stopped.connect(thread.quit)
        self.destroyed.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        # Direct: the job's thread is busy and would see a queued call only at the end.
        progress.canceled.connect(job.cancel, Qt.ConnectionType.DirectConnection)
        self._working = True
        keep_running(thread, job)
        self.action.setEnabled(False)
        thread.start()

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or progress.wasCanceled():
            return
        if progress.maximum() != max(total, 1):
            progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _succeeded(self, result: object) -> None:
        self._job_ended()
        self._close_progress()
        self._on_success(result)

    def _failed(self, error: object) -> None:
        self._job_ended()
        self._close_progress()
        if self.dialog is not None:
            self.dialog.set_busy(False)
        if isinstance(error, ImportOutdated):
            self._offer_new_preview(translated(error.message))
            return
        if isinstance(error, (ImportUnreadable, ImportRefused, NotAllowed, Unavailable)):
            reason = translated(getattr(error, "message", None) or str(error))
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
        else:
            reason = self.tr("An unexpected error stopped the import ({error}).").format(
                error=type(error).__name__
            )
        if self.dialog is not None:
            text = self.tr("The customers could not be imported. Nothing was written.")
        else:
            file = self._path.name if self._path is not None else ""
            text = self.tr("{file} could not be read.").format(file=file)
        detail = reason
        if self._path is not None:
            detail += "\n\n" + QDir.toNativeSeparators(str(self._path))
        self._show_message(QMessageBox.Icon.Warning, text, detail)

    def _cancelled(self) -> None:
        self._job_ended()
        self._close_progress()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_busy(False)
            self._show_message(
                QMessageBox.Icon.Information,
                self.tr("The import was cancelled. Nothing was written."),
                self.tr("The preview is still open: you can import again."),
            )

    def _offer_new_preview(self, reason: str) -> None:
        """Another workstation changed customers of the file: offer to preview it again."""
        box = self._message_box(
            QMessageBox.Icon.Warning,
            self.tr("The customers could not be imported. Nothing was written."),
            reason,
        )
        again = box.addButton(self.tr("&Preview again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(again)
        box.buttonClicked.connect(lambda button: self._preview_again() if button is again else None)
        box.open()

    def _preview_again(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reject()
        if self._path is not None:
            self.preview(self._path)

    def _message_box(self, icon: QMessageBox.Icon, text: str, informative: str) -> QMessageBox:
        if self.message is not None:
            self.message.close()
        parent = self.dialog if self.dialog is not None else self._window
        box = QMessageBox(icon, self.tr("Import customers"), text, parent=parent)
        box.setInformativeText(informative)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: self._message_gone(box))
        self.message = box
        return box

    def _show_message(self, icon: QMessageBox.Icon, text: str, informative: str) -> None:
        # open(), not exec(): nothing waits for the answer.
        box = self._message_box(icon, text, informative)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()

    def _message_gone(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None

    def _job_ended(self) -> None:
        self._working = False
        self.refresh_permission()
