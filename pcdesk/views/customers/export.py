"""Customers > Export customers…: which customers, where to, then the file written off the GUI thread.

``CustomerExporter`` (export_action.py) owns the action and imports this module when first used.
The counts and the export run as operations (views/common/operations.py); the export shows a
window-modal progress dialog whose Cancel stops it between two batches, and the service then
leaves nothing on disk (services/customer_list/export.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDir, QLocale, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.messages import Message
from pcdesk.services.customer_list.query import CustomerQuery, count_customers
from pcdesk.services.database import Database
from pcdesk.views.common.operations import Operation, ProgressCallback
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated

DEFAULT_FILE_NAME = "Customers.csv"  # the name Partner Center gives its own export
Scope = Literal["matching", "all", "cancel"]


class NotWritten(PcdeskError):
    """The file could not be written; ``reason`` is the system's words (the OSError is the
    cause)."""

    def __init__(self, error: OSError) -> None:
        self.reason = error.strerror or str(error)
        super().__init__(Message(self.reason, context="raw"))


class CustomerExports(QObject):
    """The exports of one ``CustomerExporter`` (export_action.py), one at a time: which customers
    (when the list is searched or filtered) and where are asked, the file is written off the GUI
    thread, then what came of it is said. Its texts keep the exporter's translation context.

    ``running_changed()`` when it starts or stops counting, asking or exporting;
    ``finished(count, path)`` after a file is written.
    """

    running_changed = Signal()
    finished = Signal(int, str)

    # Tests make it smaller: a few customers then make several batches.
    batch_size = 1000

    def __init__(self, db: Database, window: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._db = db
        self._window = window
        self._folder: Path | None = None  # where the last export went: the next starts there
        self._busy = False  # counting, asking or exporting: one export at a time
        self._operation: Operation[int] | None = None  # the export running
        self._target: Path | None = None
        self.message: QMessageBox | None = None

    # -- the questions --------------------------------------------------------------------------

    def ask_scope(self, matching: int, total: int) -> Scope:
        """The customers that match the search and filters, all of them, or none (Cancel)."""
        locale = QLocale()
        if matching == 1:
            text = QCoreApplication.translate(
                "CustomerExporter",
                "Export the customer that matches the current search and filters, "
                "or all {total} customers?",
            )
        else:
            text = QCoreApplication.translate(
                "CustomerExporter",
                "Export the {matching} customers that match the current search and filters, "
                "or all {total} customers?",
            )
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("CustomerExporter", "Export customers"))
        box.setText(text.format(matching=locale.toString(matching), total=locale.toString(total)))
        matching_button = box.addButton(
            QCoreApplication.translate("CustomerExporter", "&Matching"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        all_button = box.addButton(
            QCoreApplication.translate("CustomerExporter", "&All"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(matching_button)
        clicked = prompter().ask(box)
        box.deleteLater()
        if clicked is matching_button:
            return "matching"
        return "all" if clicked is all_button else "cancel"

    def choose_target(self, suggested: Path) -> Path | None:
        """Where to save the file (the platform's save dialog asks before overwriting)."""
        path = prompter().save_file(
            self._window,
            QCoreApplication.translate("CustomerExporter", "Export customers"),
            str(suggested),
            QCoreApplication.translate("CustomerExporter", "CSV files (*.csv);;All files (*)"),
        )
        return Path(path) if path else None

    # -- the export -----------------------------------------------------------------------------

    def is_running(self) -> bool:
        """Counting, asking or exporting."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.running_changed.emit()

    def export_current(self, query: CustomerQuery) -> None:
        """Count the customers ``query`` lists and every customer, then ask and export."""
        if self._busy:
            return
        db = self._db

        def counts() -> tuple[int, int]:
            matching = count_customers(db, query)
            return matching, count_customers(db) if query.is_filtered else matching

        self._set_busy(True)
        Operation(self._window, counts).ended(
            lambda: self._set_busy(self._operation is not None)
        ).success(lambda found: self._counted(query, *found)).failure(self._counting_failed).run()

    def _counted(self, query: CustomerQuery, matching: int, total: int) -> None:
        self._set_busy(False)  # export() may start the export now
        self.export(query, matching, total)

    def _counting_failed(self, error: PcdeskError) -> bool:
        self._show_failure(error)
        return True

    def export(self, query: CustomerQuery, matching: int, total: int) -> None:
        """Ask which customers (when the list is searched or filtered) and where, then export.

        ``matching`` and ``total`` are the counts the user sees: of the list as ``query`` shows
        it, and of every customer.
        """
        if self._busy:  # one at a time; the dialog of the running one is up front
            return
        if total == 0:
            self._show_message(
                QMessageBox.Icon.Information,
                QCoreApplication.translate(
                    "CustomerExporter", "There are no customers to export yet."
                ),
                "",
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

    def export_selected(self, ids: list[int]) -> None:
        """Export these customers (the list's selected rows): no scope to ask, only where."""
        if self._busy or not ids:
            return
        target = self.choose_target(self._suggested_target())
        if target is None:
            return
        self._folder = target.parent
        self._start(CustomerQuery(ids=frozenset(ids)), target, len(ids))

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
        db, batch_size = self._db, self.batch_size

        def work(progress: ProgressCallback) -> int:
            try:
                # (Imported here: the CSV writer and its columns are not needed before an export.)
                from pcdesk.services.customer_list.export import export_customers

                return export_customers(db, query, target, progress=progress, batch_size=batch_size)
            except OSError as error:
                raise NotWritten(error) from error

        operation = Operation.with_progress(
            self._window,
            work,
            lambda done, total: self._progress_text(target, done, total or expected),
        )
        operation.success(self._succeeded).failure(self._failed).ended(self._ended)
        # Should the window go while the export runs, the file is not finished behind its back.
        self.destroyed.connect(operation.cancel)
        self._operation = operation
        self._set_busy(True)
        operation.run()

    def _progress_text(self, target: Path, done: int, total: int) -> str:
        locale = QLocale()
        return QCoreApplication.translate(
            "CustomerExporter", "Exporting customers to {file}…\n{done} of {total} customers"
        ).format(file=target.name, done=locale.toString(done), total=locale.toString(total))

    def _ended(self) -> None:
        self._operation = None
        self._target = None
        self._set_busy(False)

    def _succeeded(self, count: int) -> None:
        path = self._target
        assert path is not None
        locale = QLocale()
        if count == 1:
            text = QCoreApplication.translate("CustomerExporter", "1 customer exported to {file}.")
        else:
            text = QCoreApplication.translate(
                "CustomerExporter", "{count} customers exported to {file}."
            )
        self._show_message(
            QMessageBox.Icon.Information,
            text.format(count=locale.toString(count), file=path.name),
            QDir.toNativeSeparators(str(path)),
        )
        self.finished.emit(count, str(path))

    def _failed(self, error: PcdeskError) -> bool:
        if not isinstance(error, Cancelled):  # a cancelled export says nothing: it left nothing
            self._show_failure(error)
        return True

    def _show_failure(self, error: PcdeskError) -> None:
        reason = error.reason if isinstance(error, NotWritten) else translated(error.message)
        target = self._target
        if target is None:
            text = QCoreApplication.translate(
                "CustomerExporter", "The customers could not be exported."
            )
        elif target.exists():
            text = QCoreApplication.translate(
                "CustomerExporter",
                "The customers could not be exported. {file} was left as it was.",
            )
        else:
            text = QCoreApplication.translate(
                "CustomerExporter", "The customers could not be exported. No file was written."
            )
        detail = reason
        if target is not None:
            detail += "\n\n" + QDir.toNativeSeparators(str(target))
        self._show_message(
            QMessageBox.Icon.Warning, text.format(file=target.name if target else ""), detail
        )

    def _show_message(self, icon: QMessageBox.Icon, text: str, informative: str) -> None:
        # open(), not exec(): the export is over; nothing waits for the answer.
        if self.message is not None:
            self.message.close()
        box = QMessageBox(
            icon,
            QCoreApplication.translate("CustomerExporter", "Export customers"),
            text,
            parent=self._window,
        )
        box.setInformativeText(informative)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: self._message_gone(box))
        self.message = box
        box.open()

    def _message_gone(self, box: QMessageBox) -> None:
        if self.message is box:  # not a newer one, opened as this one closed
            self.message = None
