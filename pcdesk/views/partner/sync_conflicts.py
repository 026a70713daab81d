"""Partner > Sync conflicts…: the fields changed both in pcdesk and in Partner Center since the
last sync, each settled by taking Partner Center's value or keeping pcdesk's."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcdesk.partner_center.conflicts import Choice, Conflict, field_label, open_conflicts, settle
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated


def short_datetime(value: dt.datetime) -> str:
    """A moment in the interface's language and the computer's time zone."""
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _relationship_text(value: str) -> str:
    names = {
        "reseller": QCoreApplication.translate("SyncConflictsDialog", "Reseller"),
        "none": QCoreApplication.translate("SyncConflictsDialog", "Former (no relationship)"),
    }
    return names.get(value, value)


def shown(conflict: Conflict, value: str) -> str:
    if conflict.field == "relationship":
        return _relationship_text(value)
    if conflict.field == "indirect_reseller_id" and not value:
        return QCoreApplication.translate("SyncConflictsDialog", "(none)")
    return value


class SyncConflictsDialog(QDialog):
    COLUMNS = 5

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.conflicts: tuple[Conflict, ...] = ()
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(760, 380)
        intro = QLabel(
            self.tr(
                "These fields were changed both in pcdesk and in Partner Center since the last "
                "sync. Nothing was overwritten: choose which value each customer keeps."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Field"),
                self.tr("In pcdesk"),
                self.tr("In Partner Center"),
                self.tr("Found"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No conflicts: pcdesk and Partner Center agree."), self)
        self.take_button = QPushButton(self.tr("Take &Partner Center's value"), self)
        self.keep_button = QPushButton(self.tr("&Keep pcdesk's value"), self)
        self.take_button.clicked.connect(lambda: self._settle(Choice.PARTNER_CENTER))
        self.keep_button.clicked.connect(lambda: self._settle(Choice.LOCAL))
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.close_box)
        self._enable()
        self.reload()

    def reload(self) -> None:
        Operation(self, lambda: open_conflicts(self._db)).success(self._show).run()

    def _show(self, conflicts: tuple[Conflict, ...]) -> None:
        self.conflicts = conflicts
        self.table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            when = short_datetime(conflict.detected_at)
            cells = (
                conflict.company_name,
                translated(field_label(conflict.field)),
                shown(conflict, conflict.local_shown),
                shown(conflict, conflict.partner_center_shown),
                when,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, conflict.id)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not conflicts)
        self.table.setVisible(bool(conflicts))
        if conflicts:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.conflicts[rows[0].row()]

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.take_button.setEnabled(chosen)
        self.keep_button.setEnabled(chosen)

    def _settle(self, choice: Choice) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        Operation(self, lambda: settle(self._db, conflict.id, choice)).busy(
            self.take_button, self.keep_button
        ).changes(Changes.of_customers([conflict.customer_id])).success(
            lambda _none: self.reload()
        ).run()
