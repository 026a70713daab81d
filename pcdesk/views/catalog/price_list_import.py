"""File > Import price list…: import a Partner Center price-list CSV off the GUI thread, asking
about bad lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk.errors import PcdeskError
from pcdesk.services.catalog.offers import PriceListImport, PriceListRejected, import_price_list
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated

SHOWN_PROBLEMS = 12


def ask_skip_bad_lines(parent: QWidget, rejected: PriceListRejected, file_name: str) -> bool:
    """Ask whether to import the good lines and leave the bad ones out."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PriceListImport", "Import price list"))
    box.setText(
        QCoreApplication.translate(
            "PriceListImport",
            "{count} lines of {file} cannot be imported. Nothing has been imported yet.",
        ).format(count=len(rejected.problems), file=file_name)
    )
    lines = [translated(problem.reason) for problem in rejected.problems[:SHOWN_PROBLEMS]]
    if len(rejected.problems) > SHOWN_PROBLEMS:
        lines.append(
            QCoreApplication.translate("PriceListImport", "…and {more} more.").format(
                more=len(rejected.problems) - SHOWN_PROBLEMS
            )
        )
    box.setInformativeText("\n".join(lines))
    skip = box.addButton(
        QCoreApplication.translate("PriceListImport", "Skip these lines and import the rest"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    clicked = prompter().ask(box)
    box.deleteLater()
    return clicked is skip


def summary(result: PriceListImport) -> str:
    text = QCoreApplication.translate(
        "PriceListImport", "Offers added: {added}, updated: {updated}, unchanged: {unchanged}."
    ).format(
        added=result.added, updated=result.updated, unchanged=result.unchanged + result.kept_newer
    )
    if result.skipped:
        text += " " + QCoreApplication.translate(
            "PriceListImport", "Bad lines left out: {skipped}."
        ).format(skipped=result.skipped)
    return text


def _title() -> str:
    return QCoreApplication.translate("PriceListImport", "Import price list")


def _open_box(parent: QWidget, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    """What came of it, opened (not executed): nothing waits for the answer."""
    box = QMessageBox(icon, _title(), text, parent=parent)
    box.setObjectName("price_list_result")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _PriceListImport:
    """One import of a file: the whole file first; after the user chose to skip its bad lines,
    the rest. ``done()`` once it is over, whatever came of it."""

    def __init__(self, parent: QWidget, db: Database, path: Path, done: Callable[[], None]) -> None:
        self._parent = parent
        self._db = db
        self._path = path
        self._done = done
        self._again = False  # the first run was refused and the user chose to skip bad lines

    def run(self, skip_invalid: bool = False) -> None:
        db, path = self._db, self._path
        (
            Operation(self._parent, lambda: import_price_list(db, path, skip_invalid=skip_invalid))
            .success(self._imported)
            .failure(self._refused)
            .ended(self._ended)
            .changes(Changes(catalog=True))
            .run()
        )

    def _imported(self, result: PriceListImport) -> None:
        _open_box(self._parent, QMessageBox.Icon.Information, summary(result))

    def _refused(self, error: PcdeskError) -> bool:
        if isinstance(error, PriceListRejected):
            if ask_skip_bad_lines(self._parent, error, self._path.name):
                self._again = True
                self.run(skip_invalid=True)
            return True
        _open_box(
            self._parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate(
                "PriceListImport", "{file} could not be read: {error}"
            ).format(file=self._path.name, error=translated(error.message)),
        )
        return True

    def _ended(self) -> None:
        if self._again:  # the second run is under way: it ends the import
            self._again = False
            return
        self._done()


def import_price_list_interactively(
    parent: QWidget, db: Database, path: str, done: Callable[[], None] = lambda: None
) -> None:
    """Import ``path`` off the GUI thread; the import is all or nothing unless the user chooses
    to skip bad lines. The catalog change is published; ``done()`` once it is over."""
    _PriceListImport(parent, db, Path(path), done).run()
