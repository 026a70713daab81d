"""Import resellers from CSV: what each row of the file would do, then Import (one transaction)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import ConcurrentChange, PcdeskError, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.resellers.importing import (
    ImportRow,
    ResellerImportPreview,
    ResellerImportResult,
    RowFate,
    import_resellers,
    read_reseller_csv,
)
from pcdesk.services.validation import country_name, is_known_country
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.resellers.table_model import GuidDelegate

# The fate and its reason first: they are what the preview is for; the values follow.
LINE, FATE, DETAILS, NAME, PARTNER_ID, TENANT_ID, COUNTRY = range(7)


def fate_label(fate: RowFate) -> str:
    if fate is RowFate.NEW:
        return QCoreApplication.translate("ResellerImport", "New")
    if fate is RowFate.UPDATE:
        return QCoreApplication.translate("ResellerImport", "Update")
    if fate is RowFate.UNCHANGED:
        return QCoreApplication.translate("ResellerImport", "Unchanged")
    if fate is RowFate.DUPLICATE:
        return QCoreApplication.translate("ResellerImport", "Duplicate")
    return QCoreApplication.translate("ResellerImport", "Invalid")


def field_label(field: str) -> str:
    if field == "name":
        return QCoreApplication.translate("ResellerImport", "Name")
    if field == "partner_id":
        return QCoreApplication.translate("ResellerImport", "Partner ID")
    if field == "tenant_id":
        return QCoreApplication.translate("ResellerImport", "Tenant ID")
    return QCoreApplication.translate("ResellerImport", "Country/region")


def _shown_value(field: str, value: str) -> str:
    if field == "country" and is_known_country(value):
        return country_name(value, ui_locale())
    return value or "—"


def row_details(row: ImportRow) -> str:
    """Why a row is left out, or what it changes, in the user's words."""
    if row.fate is RowFate.INVALID:
        return "\n".join(
            QCoreApplication.translate("ResellerImport", "{field}: {problem}").format(
                field=field_label(field), problem=translated(problem)
            )
            for field, problem in row.errors.items()
        )
    if row.fate is RowFate.DUPLICATE and row.note is not None:
        return translated(row.note)
    if row.fate is RowFate.UPDATE:
        return "\n".join(_change(field, old, new) for field, (old, new) in row.changes.items())
    return ""


def _change(field: str, old: str, new: str) -> str:
    return QCoreApplication.translate("ResellerImport", "{field}: {old} → {new}").format(
        field=field_label(field), old=_shown_value(field, old), new=_shown_value(field, new)
    )


def summary_text(preview: ResellerImportPreview) -> str:
    counts: Mapping[RowFate, int] = {fate: preview.count(fate) for fate in RowFate}
    return QCoreApplication.translate(
        "ResellerImport",
        "{file} — New: {new} · To update: {update} · Unchanged: {unchanged} · Duplicate: "
        "{duplicate} · Invalid: {invalid}",
    ).format(
        file=preview.file_name,
        new=counts[RowFate.NEW],
        update=counts[RowFate.UPDATE],
        unchanged=counts[RowFate.UNCHANGED],
        duplicate=counts[RowFate.DUPLICATE],
        invalid=counts[RowFate.INVALID],
    )


def result_text(result: ResellerImportResult) -> str:
    text = QCoreApplication.translate(
        "ResellerImport", "Resellers added: {added}, updated: {updated}, unchanged: {unchanged}."
    ).format(added=result.added, updated=result.updated, unchanged=result.unchanged)
    if result.skipped or result.duplicates:
        text += " " + QCoreApplication.translate(
            "ResellerImport", "Rows left out: invalid {skipped}, duplicate {duplicates}."
        ).format(skipped=result.skipped, duplicates=result.duplicates)
    return text


class ResellerImportDialog(QDialog):
    """The preview of a reseller CSV; ``imported(ResellerImportResult)`` after Import."""

    imported = Signal(object)

    def __init__(
        self,
        db: Database,
        preview: ResellerImportPreview,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._path = path  # read again if the database changed before Import
        self.preview = preview
        self.import_result: ResellerImportResult | None = None
        self.setWindowTitle(self.tr("Import indirect resellers"))
        self.resize(780, 480)  # fits an 800 x 600 screen

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explanation = QLabel(
            self.tr(
                "Only new rows and rows that change a reseller are written, all at once. A row "
                "whose Partner ID is already in pcdesk updates that reseller."
            ),
            self,
        )
        explanation.setWordWrap(True)

        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("import_rows")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Result"),
                self.tr("Details"),
                self.tr("Name"),
                self.tr("Partner ID"),
                self.tr("Tenant ID"),
                self.tr("Country/region"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)  # a reason is read whole; its row grows to show it
        self.table.setItemDelegateForColumn(TENANT_ID, GuidDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.skip_invalid = QCheckBox(self.tr("&Skip the invalid rows and import the others"), self)
        self.message = FieldMessage(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.skip_invalid.toggled.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.show_preview(preview)

    def show_preview(self, preview: ResellerImportPreview) -> None:
        self.preview = preview
        self.summary.setText(summary_text(preview))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(preview.rows))
        style = self.style()
        icons = {
            RowFate.INVALID: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            RowFate.DUPLICATE: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for index, row in enumerate(preview.rows):
            values = row.values
            cells = {
                FATE: fate_label(row.fate),
                NAME: values.name,
                PARTNER_ID: values.partner_id,
                TENANT_ID: values.tenant_id,
                COUNTRY: _shown_value("country", values.country),
                DETAILS: row_details(row),
            }
            line = QTableWidgetItem()
            line.setData(Qt.ItemDataRole.DisplayRole, row.line)  # sorts as a number
            self.table.setItem(index, LINE, line)
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == FATE:
                    item.setIcon(icons.get(row.fate, QIcon()))
                self.table.setItem(index, column, item)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LINE, Qt.SortOrder.AscendingOrder)
        for column in (LINE, FATE, PARTNER_ID):
            self.table.resizeColumnToContents(column)
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(DETAILS, metrics.horizontalAdvance("x" * 42))
        self.table.setColumnWidth(NAME, metrics.horizontalAdvance("x" * 22))
        self.table.setColumnWidth(TENANT_ID, metrics.horizontalAdvance("0" * 14))  # tooltip: whole
        # A file of resellers has tens or hundreds of rows: fitting their heights is cheap.
        self.table.resizeRowsToContents()
        self.skip_invalid.setVisible(preview.has_invalid)
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        blocked = preview.has_invalid and not self.skip_invalid.isChecked()
        self.import_button.setEnabled(preview.writes > 0 and not blocked)
        if preview.writes == 0:
            reason = self.tr("Nothing in this file is new or changed.")
        elif blocked:
            reason = self.tr("Correct the invalid rows in the file, or choose to skip them.")
        else:
            reason = ""
        self.import_button.setToolTip(reason)
        if reason:
            self.message.show_warning(reason)
        else:
            self.message.clear()

    def accept(self) -> None:
        """Import (off the GUI thread); on a refusal stay open and say why (the rows are judged
        again)."""
        if not self.import_button.isEnabled():
            return
        self.message.clear()
        db, preview, skip = self._db, self.preview, self.skip_invalid.isChecked()
        Operation(self, lambda: import_resellers(db, preview, skip_invalid=skip)).busy(
            self.import_button, self.skip_invalid
        ).success(self._done).failure(self._refused).changes(
            Changes(resellers=True, many_customers=True)
        ).run()

    def _done(self, result: ResellerImportResult) -> None:
        self.import_result = result
        self.imported.emit(result)
        super().accept()

    def _refused(self, error: PcdeskError) -> bool:
        self._update_buttons()  # as the preview says, not as busy() left them
        if isinstance(error, (ValidationFailed, ConcurrentChange)):
            # The resellers changed since the preview: show the file as it stands now.
            self._read_again()
        else:
            self.message.show_error(translated(error.message))
        return True

    def _read_again(self) -> None:
        note = self.tr(
            "Another workstation changed the resellers since this preview. Nothing was "
            "imported; the preview now shows the file against the current list."
        )
        path, db = self._path, self._db
        if path is None:
            self.message.show_warning(note)
            return

        def read_now(preview: ResellerImportPreview) -> None:
            self.show_preview(preview)
            self.message.show_warning(note)

        def unreadable(error: PcdeskError) -> bool:
            self._update_buttons()
            self.message.show_warning(translated(error.message))
            return True

        Operation(self, lambda: read_reseller_csv(db, path)).busy(self.import_button).success(
            read_now
        ).failure(unreadable).run()
