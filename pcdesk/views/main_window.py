"""The main window: it wires the panes and actions together; each pane lives in its own module."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from pcdesk import __version__
from pcdesk.models.database import Database
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner import PartnerProfileData
from pcdesk.views.add_customer_action import AddCustomerLauncher
from pcdesk.views.customer_table_model import CustomerTableModel
from pcdesk.views.price_list_import import import_price_list_interactively


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        drafts: DraftStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.profile = profile
        self.add_customer = AddCustomerLauncher(db, profile, drafts, self)
        self.add_customer.customer_added.connect(self.show_new_customer)
        self.setWindowTitle(self.tr("{partner} — pcdesk").format(partner=profile.name))
        self.resize(1100, 680)

        self.customer_model = CustomerTableModel(db, self)
        self.customer_table = QTableView(self)
        self.customer_table.setModel(self.customer_model)
        self.customer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customer_table.setAlternatingRowColors(True)
        self.customer_table.setWordWrap(False)
        vertical = self.customer_table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure every row
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        vertical.hide()
        self.customer_table.horizontalHeader().setStretchLastSection(True)
        self.customer_table.setColumnWidth(0, 260)
        self.customer_table.setColumnWidth(1, 220)
        self.customer_table.setColumnWidth(2, 280)
        self.setCentralWidget(self.customer_table)

        self._build_menus()
        self._update_status()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_price_list_action = QAction(self.tr("Import &price list…"), self)
        self.import_price_list_action.triggered.connect(self.import_price_list)
        file_menu.addAction(self.import_price_list_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        customers_menu = self.menuBar().addMenu(self.tr("&Customers"))
        customers_menu.addAction(self.add_customer.action)
        toolbar = self.addToolBar(self.tr("Customers"))
        toolbar.setObjectName("customers_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_customer.action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About pcdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _update_status(self) -> None:
        count = self.customer_model.rowCount()
        if count == 1:
            self.statusBar().showMessage(self.tr("1 customer"))
        else:
            self.statusBar().showMessage(self.tr("%Ln customers", "", count))

    def refresh(self) -> None:
        self.customer_model.refresh()
        self._update_status()

    def show_new_customer(self, customer_id: int) -> None:
        """After Add customer: list it, select it and scroll to it."""
        self.refresh()
        row = self.customer_model.row_of(customer_id)
        if row is not None:
            self.customer_table.selectRow(row)
            self.customer_table.scrollTo(self.customer_model.index(row, 0))

    def import_price_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import price list"),
            "",
            self.tr("Price lists (*.csv);;All files (*)"),
        )
        if path:
            import_price_list_interactively(self, self.db, path)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About pcdesk"),
            self.tr(
                "pcdesk {version}\n\nYour Partner Center customers, on your desk.\n"
                "Database: {database}"
            ).format(version=__version__, database=self.db.display_url),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.db.dispose()
        super().closeEvent(event)
