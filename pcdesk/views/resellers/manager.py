"""Partner > Indirect resellers…: list, add, edit, suspend, reactivate and import resellers.

``ResellerManagerLauncher`` (launcher.py) owns the menu action (disabled, with the reason, for a
partner that is not an indirect provider) and opens one ``ResellerManagerDialog``, this module
being imported then. Every read and write runs as an operation (views/common/operations.py);
every change is published, so the main window's reseller filter and list follow. Whoever's role
may not manage resellers (services/roles.py) sees the list with its buttons disabled, saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import NotAllowed, NotFound, PcdeskError
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.partner.roles import Task, may, not_allowed_message
from pcdesk.services.resellers.records import (
    ResellerData,
    list_resellers,
    reactivate_reseller,
    reseller_customer_count,
    suspend_reseller,
)
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.text_lists import sentences
from pcdesk.views.common.translate import translated
from pcdesk.views.resellers.table_model import (
    COUNTRY,
    NAME,
    PARTNER_ID,
    STATE,
    TENANT_ID,
    GuidDelegate,
    ResellerProxyModel,
    ResellerTableModel,
)

# What the manager shows: whether the user's role may manage resellers, and every reseller.
Listing = tuple[bool, tuple[ResellerData, ...]]
CHANGED = Changes(resellers=True, many_customers=True)  # a reseller's name shows in the list


if TYPE_CHECKING:  # the dialogs and the CSV import load when first used, not with the main window
    from pcdesk.services.resellers.importing import ResellerImportPreview, ResellerImportResult
    from pcdesk.views.resellers.form import ResellerFormDialog
    from pcdesk.views.resellers.import_preview import ResellerImportDialog


def read_listing(db: Database) -> Listing:
    """The user's role and every reseller (off the GUI thread)."""
    return may(db, Task.MANAGE_RESELLERS), list_resellers(db, active_only=False)


class ResellerManagerDialog(QDialog):
    """The partner's indirect resellers in a sortable, filterable table, with their actions."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._role_known = False  # until the list has been read, nothing can be changed
        self._role_problem: str | None = None  # why the user's role may not; None if it may
        self.form: ResellerFormDialog | None = None
        self.import_dialog: ResellerImportDialog | None = None
        self.setWindowTitle(self.tr("Indirect resellers"))
        self.resize(780, 500)  # fits an 800 x 600 screen

        self.filter = QLineEdit(self)
        self.filter.setObjectName("reseller_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Name, Partner ID, tenant ID or country"))
        filter_label = QLabel(self.tr("&Filter:"), self)
        filter_label.setBuddy(self.filter)

        self.model = ResellerTableModel(self)
        self.proxy = ResellerProxyModel(self.model, self)
        self.table = QTableView(self)
        self.table.setObjectName("resellers")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(TENANT_ID, GuidDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        for column in (PARTNER_ID, COUNTRY, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.viewport().installEventFilter(self)

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.suspend_button = QPushButton(self.tr("&Suspend…"), self)
        self.reactivate_button = QPushButton(self.tr("&Reactivate"), self)
        self.import_button = QPushButton(self.tr("&Import from CSV…"), self)
        self._tips = {
            self.add_button: self.tr("Add an indirect reseller"),
            self.edit_button: "",
            self.suspend_button: "",
            self.reactivate_button: "",
            self.import_button: self.tr(
                "Add or update resellers from a CSV file: name, Partner ID, tenant ID, country"
            ),
        }

        note = QLabel(
            self.tr(
                "A suspended reseller stays with the customers it already has, but cannot be "
                "chosen for new customers."
            ),
            self,
        )
        note.setWordWrap(True)
        self.status = FieldMessage(self)  # what the last action did, or why it failed
        self.status.setObjectName("reseller_status")
        self.read_only = FieldMessage(self)  # the user's role may not change resellers
        self.read_only.setObjectName("reseller_read_only")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter, 1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.suspend_button):
            actions.addWidget(button)
        actions.addWidget(self.reactivate_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(note)
        layout.addWidget(self.read_only)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.suspend_button.clicked.connect(self.suspend)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.import_button.clicked.connect(self.import_csv)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_tenant_column()
        return super().eventFilter(watched, event)

    def _fit_tenant_column(self) -> None:
        """The tenant ID gets what the name leaves, up to a whole GUID: on a narrow window the
        name stays readable and the GUID is shortened in its middle."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in (PARTNER_ID, COUNTRY, STATE))
        available = self.table.viewport().width() - others
        whole = self.table.fontMetrics().horizontalAdvance("0" * 36) + 16
        name = max(160, available * 2 // 5)
        self.table.setColumnWidth(TENANT_ID, max(100, min(whole, available - name)))

    # -- the list -----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Read the role and every reseller again (off the GUI thread), keeping (or moving) the
        selection."""
        db = self._db
        Operation(self, lambda: read_listing(db)).success(
            lambda listing: self._show_listing(listing, select_id)
        ).failure(self._show_failure).run()

    def _show_listing(self, listing: Listing, select_id: int | None = None) -> None:
        allowed, resellers = listing
        wanted = select_id if select_id is not None else self._selected_id()
        self._follow_role(allowed)
        self.model.set_resellers(resellers)
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def _show_failure(self, error: PcdeskError) -> bool:
        self.status.show_error(translated(error.message))
        self._update_buttons()  # as the selection and the role say, not as busy() left them
        return True

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_buttons()

    def select(self, reseller_id: int) -> bool:
        """Select a reseller's row (clearing the filter if it hides it)."""
        row = self.model.row_of(reseller_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _selected_id(self) -> int | None:
        selected = self.selected()
        return None if selected is None else selected.id

    def selected(self) -> ResellerData | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source: QModelIndex = self.proxy.mapToSource(rows[0])
        return self.model.reseller(source.row())

    def may_change(self) -> bool:
        return self._role_known and self._role_problem is None

    def _follow_role(self, allowed: bool) -> None:
        """Show what the user's role allows."""
        self._role_known = True
        self._role_problem = (
            None if allowed else translated(not_allowed_message(Task.MANAGE_RESELLERS))
        )
        if self._role_problem is None:
            self.read_only.clear()
        else:
            self.read_only.show_warning(
                sentences(
                    (self.tr("You can see the resellers but not change them."), self._role_problem)
                )
            )

    def _update_buttons(self) -> None:
        selected = self.selected()
        allowed = self.may_change()
        self.add_button.setEnabled(allowed)
        self.import_button.setEnabled(allowed)
        self.edit_button.setEnabled(allowed and selected is not None)
        self.suspend_button.setEnabled(allowed and selected is not None and selected.is_active)
        self.reactivate_button.setEnabled(
            allowed and selected is not None and not selected.is_active
        )
        for button, tip in self._tips.items():
            button.setToolTip(self._role_problem or tip)

    # -- actions ------------------------------------------------------------------------------
    def add(self) -> ResellerFormDialog | None:
        return self._open_form(None) if self.may_change() else None

    def edit(self) -> ResellerFormDialog | None:
        """The selected reseller's form (double-click too), for a role that may edit it."""
        selected = self.selected()
        if selected is None or not self.may_change():
            return None
        return self._open_form(selected)

    def _open_form(self, reseller: ResellerData | None) -> ResellerFormDialog:
        from pcdesk.views.resellers.form import ResellerFormDialog

        form = ResellerFormDialog(self._db, reseller, self)
        form.saved.connect(self._saved)
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form

    def _saved(self, reseller: ResellerData) -> None:
        """The form wrote it (and published the change): show it."""
        self.status.show_ok(self.tr("{name} saved.").format(name=reseller.name))
        self.reload(reseller.id)

    def ask_suspend(self, reseller: ResellerData, customers: int) -> bool:
        """Confirm a suspension, saying what it does."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Suspend reseller"))
        box.setText(self.tr("Suspend {name}?").format(name=reseller.name))
        box.setInformativeText(
            self.tr(
                "It stays the indirect reseller of the customers it has now ({count}), but it "
                "can no longer be chosen for new customers. You can reactivate it later."
            ).format(count=QLocale().toString(customers))
        )
        suspend = box.addButton(self.tr("&Suspend"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        clicked = prompter().ask(box)
        box.deleteLater()
        return clicked is suspend

    def suspend(self) -> None:
        selected = self.selected()
        if selected is None or not selected.is_active or not self.may_change():
            return
        db = self._db
        Operation(self, lambda: reseller_customer_count(db, selected.id)).busy(
            self.suspend_button
        ).success(lambda customers: self._suspend(selected, customers)).failure(
            self._show_failure
        ).run()

    def _suspend(self, reseller: ResellerData, customers: int) -> None:
        if not self.ask_suspend(reseller, customers):
            return
        self._write(
            lambda db: suspend_reseller(db, reseller.id),
            reseller.id,
            self.tr("{name} is suspended; its customers keep it.").format(name=reseller.name),
        )

    def reactivate(self) -> None:
        selected = self.selected()
        if selected is None or selected.is_active or not self.may_change():
            return
        self._write(
            lambda db: reactivate_reseller(db, selected.id),
            selected.id,
            self.tr("{name} is active again and can be chosen for new customers.").format(
                name=selected.name
            ),
        )

    def _write(self, action: Callable[[Database], object], reseller_id: int, done: str) -> None:
        """Write off the GUI thread, then show the list as it is now and say ``done``; the
        action buttons are disabled meanwhile."""
        db = self._db

        def work() -> Listing:
            action(db)
            return read_listing(db)

        def written(listing: Listing) -> None:
            self._show_listing(listing, reseller_id)
            self.status.show_ok(done)

        Operation(self, work).busy(
            self.add_button, self.edit_button, self.suspend_button, self.reactivate_button
        ).success(written).failure(self._write_failed).changes(CHANGED).run()

    def _write_failed(self, error: PcdeskError) -> bool:
        if isinstance(error, NotFound):
            self.status.show_error(
                self.tr("This reseller no longer exists: another workstation may have removed it.")
            )
            publisher().publish(CHANGED, self)
        else:
            self.status.show_error(translated(error.message))
        self._update_buttons()
        if isinstance(error, (NotAllowed, NotFound)):  # the role or the list changed meanwhile
            self.reload()
        return True

    # -- import -------------------------------------------------------------------------------
    def import_csv(self) -> None:
        """Ask for a CSV file, read it off the GUI thread, then show its preview."""
        if not self.may_change():
            return
        chosen = prompter().open_file(
            self, self.tr("Import indirect resellers"), self.tr("CSV files (*.csv);;All files (*)")
        )
        if not chosen:
            return
        path, db = Path(chosen), self._db
        from pcdesk.services.resellers.importing import read_reseller_csv

        Operation(self, lambda: read_reseller_csv(db, path)).busy(self.import_button).success(
            lambda preview: self._preview(preview, path)
        ).failure(self._show_failure).run()

    def _preview(self, preview: ResellerImportPreview, path: Path) -> None:
        from pcdesk.views.resellers.import_preview import ResellerImportDialog

        dialog = ResellerImportDialog(self._db, preview, path, self)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, result: ResellerImportResult) -> None:
        """The preview imported the file (and published the change): show it."""
        from pcdesk.views.resellers.import_preview import result_text

        self.status.show_ok(result_text(result))
        self.reload()
