"""Customers > Import customers…, once a file is asked for: it is read and previewed, then
imported, off the GUI thread.

``CustomerImporter`` (action.py) owns the action and imports this module when first used. The file
is read and previewed in an operation behind a window-modal progress dialog with Cancel
(views/common/operations.py); the preview dialog (preview.py) shows every row's fate; Import runs
the import as an operation too, and Cancel there rolls it back, so nothing is written. What it
wrote is published as a change, and the importer's ``imported(result)`` says so to whoever
listens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QDir, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.views.common.operations import Operation, ProgressCallback
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated

if TYPE_CHECKING:
    from pcdesk.services.customer_import.apply import ImportResult
    from pcdesk.views.customers.importing.preview import ImportPreviewDialog

# The import service and its preview dialog are imported when a file is chosen, with what they
# import (the CSV reader, the preview's rows, the writer).


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


class CustomerImports(QObject):
    """The imports of one ``CustomerImporter`` (action.py), one at a time: the file asked for, its
    preview, the import, and what came of it. Its texts keep the importer's translation context.

    ``running_changed()`` when it starts or stops reading or importing a file;
    ``imported(ImportResult)`` after a file is imported.
    """

    running_changed = Signal()
    imported = Signal(object)  # an ImportResult

    def __init__(self, db: Database, window: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._db = db
        self._window = window
        self._path: Path | None = None  # the file being previewed or imported
        # Reading or importing: cleared once the operation's callbacks have run.
        self._operation: Operation[object] | None = None
        self.dialog: ImportPreviewDialog | None = None
        self.message: QMessageBox | None = None

    # -- preview ------------------------------------------------------------------------------

    def start(self) -> None:
        """Ask for a file, then preview it."""
        if self._operation is not None or (self.dialog is not None and self.dialog.isVisible()):
            if self.dialog is not None:
                self.dialog.raise_()
            return
        path = prompter().open_file(
            self._window,
            QCoreApplication.translate("CustomerImporter", "Import customers"),
            QCoreApplication.translate("CustomerImporter", "CSV files (*.csv);;All files (*)"),
        )
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        """Read and check ``path`` off the GUI thread, then show the preview dialog."""
        self._path = path
        db = self._db

        def work(progress: ProgressCallback) -> object:
            from pcdesk.services.customer_import.apply import preview_import

            return preview_import(db, path, progress=progress)

        self._run(
            Operation.with_progress(
                self._window,
                work,
                QCoreApplication.translate("CustomerImporter", "Reading {file}…").format(
                    file=path.name
                ),
            ).success(self._previewed)
        )

    def _previewed(self, preview: object) -> None:
        from pcdesk.services.customer_import.apply import ImportPreview
        from pcdesk.views.customers.importing.preview import ImportPreviewDialog

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
        if dialog is None or self._operation is not None:
            return
        preview = dialog.preview
        db = self._db

        def work(progress: ProgressCallback) -> object:
            from pcdesk.services.customer_import.apply import apply_import

            return apply_import(db, preview, skip_invalid=skip_invalid, progress=progress)

        dialog.set_busy(True)
        label = QCoreApplication.translate(
            "CustomerImporter", "Importing {count} customers from {file}…"
        ).format(count=QLocale().toString(preview.to_write), file=preview.file_name)
        self._run(
            Operation.with_progress(dialog, work, label)
            .busy(
                dialog.import_button, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            )
            .success(self._imported)
            .changes(Changes(many_customers=True))
        )

    def _imported(self, result: object) -> None:
        from pcdesk.services.customer_import.apply import ImportResult

        assert isinstance(result, ImportResult)
        dialog, self.dialog = self.dialog, None  # gone: the message must not be its child
        if dialog is not None:
            dialog.accept()
        self._show_message(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CustomerImporter", "{file} is imported.").format(
                file=result.file_name
            ),
            result_text(result),
        )
        self.imported.emit(result)

    # -- the operations -------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._operation is not None

    def _run(self, operation: Operation[object]) -> None:
        """One operation at a time (the importer disables its action while it runs)."""
        self._operation = operation
        self.running_changed.emit()
        # Should the window go while it runs, the import stops and writes nothing.
        self.destroyed.connect(operation.cancel)
        operation.failure(self._failed).ended(self._ended).run()

    def _ended(self) -> None:
        self._operation = None
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.set_busy(False)
        self.running_changed.emit()

    def _failed(self, error: PcdeskError) -> bool:
        if isinstance(error, Cancelled):
            self._cancelled()
            return True
        from pcdesk.services.customer_import.apply import ImportOutdated

        if isinstance(error, ImportOutdated):
            self._offer_new_preview(translated(error.message))
            return True
        if self.dialog is not None:
            text = QCoreApplication.translate(
                "CustomerImporter", "The customers could not be imported. Nothing was written."
            )
        else:
            file = self._path.name if self._path is not None else ""
            text = QCoreApplication.translate(
                "CustomerImporter", "{file} could not be read."
            ).format(file=file)
        detail = translated(error.message)
        if self._path is not None:
            detail += "\n\n" + QDir.toNativeSeparators(str(self._path))
        self._show_message(QMessageBox.Icon.Warning, text, detail)
        return True

    def _cancelled(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self._show_message(
                QMessageBox.Icon.Information,
                QCoreApplication.translate(
                    "CustomerImporter", "The import was cancelled. Nothing was written."
                ),
                QCoreApplication.translate(
                    "CustomerImporter", "The preview is still open: you can import again."
                ),
            )

    def _offer_new_preview(self, reason: str) -> None:
        """Another workstation changed customers of the file: offer to preview it again."""
        box = self._message_box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate(
                "CustomerImporter", "The customers could not be imported. Nothing was written."
            ),
            reason,
        )
        again = box.addButton(
            QCoreApplication.translate("CustomerImporter", "&Preview again"),
            QMessageBox.ButtonRole.AcceptRole,
        )
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
        box = QMessageBox(
            icon,
            QCoreApplication.translate("CustomerImporter", "Import customers"),
            text,
            parent=parent,
        )
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
