"""File > Import price list…: import a Partner Center price-list CSV, asking about bad lines."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pcdesk.models.database import Database
from pcdesk.services.catalog.offers import PriceListImport, PriceListRejected, import_price_list
from pcdesk.views.common.translate import translated

SHOWN_PROBLEMS = 12


def ask_skip_bad_lines(parent: QWidget, rejected: PriceListRejected, file_name: str) -> bool:
    """Ask whether to import the good lines and leave the bad ones out (a seam tests replace)."""
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
    box.exec()
    return box.clickedButton() is skip


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


@contextmanager
def busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def import_price_list_interactively(
    parent: QWidget, db: Database, path: str
) -> PriceListImport | None:
    """Import ``path``; the import is all or nothing unless the user chooses to skip bad lines."""
    file_name = Path(path).name
    try:
        try:
            with busy():
                result = import_price_list(db, Path(path))
        except PriceListRejected as rejected:
            if not ask_skip_bad_lines(parent, rejected, file_name):
                return None
            with busy():
                result = import_price_list(db, Path(path), skip_invalid=True)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PriceListImport", "Import price list"),
            QCoreApplication.translate(
                "PriceListImport", "{file} could not be read: {error}"
            ).format(file=file_name, error=error),
        )
        return None
    QMessageBox.information(
        parent, QCoreApplication.translate("PriceListImport", "Import price list"), summary(result)
    )
    return result
