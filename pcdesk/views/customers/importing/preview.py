"""Import customers: the preview of a file, every row's fate, before anything is written.

``ImportPreviewModel`` shows the rows of an ``ImportPreview`` (a file may hold 100,000): it keeps
the preview's tuple and, when a fate is chosen in the filter, a list of row numbers; a row's text
is made when the view paints it. ``ImportPreviewDialog`` shows the counts, the table, the filter,
and the Import button, which stays disabled while invalid rows remain unless the user ticks
"Skip the N invalid rows". Import itself is the importer's (flow.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcdesk.services.customer_import.apply import Fate, FileFormat, ImportPreview, PreviewRow
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.history_words import field_label

LINE, MICROSOFT_ID, COMPANY, DOMAIN, FATE, REASON = range(6)
COLUMN_COUNT = 6
Index = QModelIndex | QPersistentModelIndex


def fate_label(fate: Fate) -> str:
    return {
        Fate.NEW: QCoreApplication.translate("ImportPreview", "New"),
        Fate.UPDATE: QCoreApplication.translate("ImportPreview", "Update"),
        Fate.UNCHANGED: QCoreApplication.translate("ImportPreview", "Unchanged"),
        Fate.DUPLICATE: QCoreApplication.translate("ImportPreview", "Duplicate"),
        Fate.INVALID: QCoreApplication.translate("ImportPreview", "Invalid"),
    }[fate]


def _number(count: int) -> str:
    return QLocale().toString(count)


def counts_text(preview: ImportPreview) -> str:
    """ "1,204 new · 30 to update · 2 duplicates · 5 invalid", fates with no row left out."""
    texts = {
        Fate.NEW: QCoreApplication.translate("ImportPreview", "{count} new"),
        Fate.UPDATE: QCoreApplication.translate("ImportPreview", "{count} to update"),
        Fate.UNCHANGED: QCoreApplication.translate("ImportPreview", "{count} unchanged"),
        Fate.DUPLICATE: QCoreApplication.translate("ImportPreview", "{count} duplicates"),
        Fate.INVALID: QCoreApplication.translate("ImportPreview", "{count} invalid"),
    }
    if preview.count(Fate.DUPLICATE) == 1:
        texts[Fate.DUPLICATE] = QCoreApplication.translate("ImportPreview", "{count} duplicate")
    parts = [
        texts[fate].format(count=_number(preview.count(fate)))
        for fate in (Fate.NEW, Fate.UPDATE, Fate.DUPLICATE, Fate.INVALID, Fate.UNCHANGED)
        if preview.count(fate)
    ]
    return (
        " · ".join(parts)
        if parts
        else QCoreApplication.translate("ImportPreview", "The file has no customers.")
    )


def reason_text(row: PreviewRow) -> str:
    """Why a row is left out, or which fields it changes, in one line."""
    if row.fate is Fate.UPDATE:
        return QCoreApplication.translate("ImportPreview", "Changes {fields}").format(
            fields=", ".join(field_label(name) for name in row.changed_fields)
        )
    return "; ".join(translated(reason) for reason in row.reasons)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("ImportPreview", "(empty)")
    return str(value)


def reason_tooltip(row: PreviewRow) -> str:
    """The whole reason, or every change with its old and new value, one a line."""
    if row.fate is Fate.UPDATE:
        return "\n".join(
            QCoreApplication.translate("ImportPreview", "{field}: {old} → {new}").format(
                field=field_label(name), old=_shown(old), new=_shown(new)
            )
            for name, old, new in row.changes
        )
    return "\n".join(translated(reason) for reason in row.reasons)


class ImportPreviewModel(QAbstractTableModel):
    """The rows of a preview, all of them or those of one fate, in the file's order."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._rows = preview.rows
        self._shown: Sequence[int] = range(len(self._rows))
        self.fate: Fate | None = None
        style = QApplication.style()
        self._icons = {
            Fate.INVALID: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Fate.DUPLICATE: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }

    def show_only(self, fate: Fate | None) -> None:
        """Show the rows of ``fate``, or every row (None)."""
        self.beginResetModel()
        self.fate = fate
        if fate is None:
            self._shown = range(len(self._rows))
        else:
            self._shown = self._preview.numbers_of(fate)
        self.endResetModel()

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[self._shown[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return reason_tooltip(row) or None
        if role == Qt.ItemDataRole.ToolTipRole and column in (COMPANY, DOMAIN, MICROSOFT_ID):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == FATE:
            return self._icons.get(row.fate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: PreviewRow, column: int) -> str:
        if column == LINE:
            return str(row.line)  # as a text editor numbers it: no thousands separator
        if column == MICROSOFT_ID:
            return row.microsoft_id
        if column == COMPANY:
            return row.company_name
        if column == DOMAIN:
            return row.domain
        if column == FATE:
            return fate_label(row.fate)
        return reason_text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Line"),
            self.tr("Microsoft ID"),
            self.tr("Company name"),
            self.tr("Domain"),
            self.tr("Result"),
            self.tr("Reason"),
        )[section]


class ImportPreviewDialog(QDialog):
    """The preview of a file; ``import_requested(skip_invalid)`` when the user clicks Import."""

    import_requested = Signal(bool)

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import customers"))
        self.resize(780, 540)  # fits an 800 x 600 screen
        invalid = preview.count(Fate.INVALID)

        self.heading = QLabel(self._heading_text(), self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.counts = QLabel(counts_text(preview), self)
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.explanation = QLabel(self._explanation_text(), self)
        self.explanation.setWordWrap(True)

        self.model = ImportPreviewModel(preview, self)
        self.filter = QComboBox(self)
        self.filter.setObjectName("fate_filter")
        self.filter.addItem(self.tr("All rows ({count})").format(count=_number(len(preview.rows))))
        for fate in Fate:
            if preview.count(fate):
                self.filter.addItem(
                    self.tr("{fate} ({count})").format(
                        fate=fate_label(fate), count=_number(preview.count(fate))
                    ),
                    fate,
                )
        filter_label = QLabel(self.tr("&Show:"), self)
        filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(self._filter_chosen)

        self.table = QTableView(self)
        self.table.setObjectName("import_rows")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        # Fixed heights and widths: sizing to contents would measure 100,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        # A GUID is known by its start; the whole row is in the details below the table.
        widths = ((LINE, 6), (MICROSOFT_ID, 15), (COMPANY, 24), (DOMAIN, 21), (FATE, 12))
        for column, chars in widths:
            header.resizeSection(column, max(char * chars, header.sectionSizeHint(column)))
        header.setMinimumSectionSize(char * 6)
        # Names take the room Reason does not need: with no reason to give, Reason is hidden
        # and the company name stretches; otherwise Reason stretches after a fair name width.
        if not any(row.reasons for row in preview.rows):
            header.setStretchLastSection(False)
            header.setSectionHidden(REASON, True)
            header.setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
        else:
            header.resizeSection(COMPANY, max(char * 28, header.sectionSizeHint(COMPANY)))

        if invalid == 1:
            skip_text = self.tr("&Skip the invalid row and import the others")
        else:
            skip_text = self.tr("&Skip the {count} invalid rows and import the others").format(
                count=_number(invalid)
            )
        self.details = QLabel(self)
        self.details.setObjectName("row_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for a few lines whatever the row: the table above does not jump.
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.modelReset.connect(self._show_details)

        self.skip_invalid = QCheckBox(skip_text, self)
        self.skip_invalid.setObjectName("skip_invalid")
        self.skip_invalid.setVisible(invalid > 0 and preview.to_write > 0)
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.note = QLabel(self)
        self.note.setObjectName("import_note")
        self.note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self._import_clicked)
        self.buttons.rejected.connect(self.reject)

        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.explanation)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for first, second in (
            (self.filter, self.table),
            (self.table, self.skip_invalid),
            (self.skip_invalid, self.import_button),
            (self.import_button, cancel),
        ):
            QWidget.setTabOrder(first, second)
        self._busy = False
        self._update_buttons()
        self._show_details()
        if invalid:  # the rows to look at first
            self.filter.setCurrentIndex(self.filter.findData(Fate.INVALID))

    def _heading_text(self) -> str:
        if self.preview.file_format is FileFormat.PCDESK:
            kind = self.tr("a pcdesk export")
        else:
            kind = self.tr("a Partner Center customer list")
        return self.tr("{file} is {kind}. Nothing has been imported yet.").format(
            file=self.preview.file_name, kind=kind
        )

    def _explanation_text(self) -> str:
        if self.preview.file_format is FileFormat.PCDESK:
            return self.tr(
                "Each row sets every account detail it holds. A row whose Microsoft ID is "
                "already in pcdesk updates that customer; the initial domain never changes."
            )
        return self.tr(
            "Partner Center's file gives the company name, domain, relationship and tags. New "
            "customers get those; their address, contact and language stay empty until you "
            "edit the account. Customers already in pcdesk keep their other details."
        )

    def _filter_chosen(self, _index: int) -> None:
        fate = self.filter.currentData()  # Qt hands the enum back as its str value
        self.model.show_only(Fate(fate) if fate else None)
        self._show_details()

    def _show_details(self) -> None:
        """The current row in full: a reason is often longer than its column."""
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.setText(self.tr("Select a row to see all of it here."))
            return
        row = self.model.row_at(index.row())
        lines = [
            self.tr("Line {line}: {company}, {domain}, {id} — {fate}").format(
                line=row.line,
                company=row.company_name or self.tr("(no company name)"),
                domain=row.domain or self.tr("(no domain)"),
                id=row.microsoft_id or self.tr("(no Microsoft ID)"),
                fate=fate_label(row.fate),
            )
        ]
        tooltip = reason_tooltip(row)
        if tooltip:
            lines.append(tooltip)
        self.details.setText("\n".join(lines))

    def set_busy(self, busy: bool) -> None:
        """While the import runs: nothing here may change it."""
        self._busy = busy
        self.skip_invalid.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        invalid = preview.count(Fate.INVALID)
        if preview.to_write == 0 and invalid:
            note = self.tr("Nothing to import but invalid rows: fix the file and import it again.")
            ready = False
        elif preview.to_write == 0:
            note = self.tr("Nothing to import: no row adds or changes a customer.")
            ready = False
        elif invalid and not self.skip_invalid.isChecked():
            note = self.tr(
                "Invalid rows are not imported. Fix them in the file and import it again, or "
                "tick the box above to import the other rows now."
            )
            ready = False
        else:
            if preview.to_write == 1:
                note = self.tr("Import writes 1 customer.")
            else:
                note = self.tr(
                    "Import writes {count} customers in one step: all of them, or none if it "
                    "fails or you cancel."
                ).format(count=_number(preview.to_write))
            ready = True
        self.note.setText(note)
        self.import_button.setEnabled(ready and not self._busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not self._busy)

    def _import_clicked(self) -> None:
        if self.import_button.isEnabled():
            self.import_requested.emit(self.skip_invalid.isChecked())
