"""The customer list's context menu: copy a Microsoft ID or a domain, edit, request a
relationship, export the selected customers. Each entry acts on the selected rows (a right-click
selects the row under the pointer first; the menu key acts on the current row)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from pcdesk.views.customers.list.table_model import COLUMNS
from pcdesk.views.customers.list.table_view import CustomerTableView

_DOMAIN = next(column for column, (field, _title) in enumerate(COLUMNS) if field == "domain")


class CustomerRowMenu(QObject):
    def __init__(
        self,
        table: CustomerTableView,
        *,
        edit: Callable[[], None],
        request_relationship: QAction,
        export_selected: Callable[[list[int]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._table = table
        self._edit = edit
        self._export_selected = export_selected
        self.copy_id_action = QAction(self.tr("Copy &Microsoft ID"), self)
        self.copy_id_action.triggered.connect(lambda: self._copy("microsoft_id"))
        self.copy_domain_action = QAction(self.tr("Copy &domain"), self)
        self.copy_domain_action.triggered.connect(lambda: self._copy("domain"))
        self.edit_action = QAction(self.tr("&Edit account info"), self)
        self.edit_action.triggered.connect(self._edit)
        self.request_relationship_action = request_relationship
        self.export_action = QAction(self.tr("E&xport selected…"), self)
        self.export_action.triggered.connect(
            lambda: self._export_selected(self._table.selected_customer_ids())
        )
        self.last_menu: QMenu | None = None
        table.row_menu_requested.connect(self.popup)

    def menu(self) -> QMenu:
        """The menu for the rows selected now."""
        ids = self._table.selected_customer_ids()
        count = len(ids)
        menu = QMenu(self._table)
        if count > 1:
            self.copy_id_action.setText(self.tr("Copy %n &Microsoft IDs", "", count))
            self.copy_domain_action.setText(self.tr("Copy %n &domains", "", count))
            self.export_action.setText(self.tr("E&xport %n selected customers…", "", count))
        else:
            self.copy_id_action.setText(self.tr("Copy &Microsoft ID"))
            self.copy_domain_action.setText(self.tr("Copy &domain"))
            self.export_action.setText(self.tr("E&xport selected…"))
        for action in (self.copy_id_action, self.copy_domain_action, self.export_action):
            action.setEnabled(count > 0)
        self.edit_action.setEnabled(count == 1)
        menu.addAction(self.copy_id_action)
        menu.addAction(self.copy_domain_action)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        menu.addAction(self.request_relationship_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        return menu

    def popup(self, position: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        menu.popup(position)

    def _copy(self, field: str) -> None:
        model = self._table.customer_model
        values: list[str] = []
        for index in sorted(self._table.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = model.row_at(index.row())
            if row is None:
                continue
            if field == "microsoft_id":
                values.append(row.microsoft_id)
            else:
                values.append(str(model.index(index.row(), _DOMAIN).data()))
        if values:
            QGuiApplication.clipboard().setText("\n".join(values))
