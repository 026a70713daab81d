"""The main window: it wires the panes and actions together; each pane lives in its own module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import PcdeskError
from pcdesk.services.changes import Changes
from pcdesk.services.customer_list.query import customer_tags
from pcdesk.services.database import Database, sqlite_url
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.resellers.records import list_resellers
from pcdesk.views.about_launcher import AboutLauncher
from pcdesk.views.common.app_icon import toolbar_icon
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.first_paint import when_first_painted
from pcdesk.views.common.mnemonics import button_text
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.add.action import AddCustomerLauncher
from pcdesk.views.customers.detail import CustomerDetailPane
from pcdesk.views.customers.export_action import CustomerExporter
from pcdesk.views.customers.importing.action import CustomerImporter
from pcdesk.views.customers.list.count_label import CustomerCountLabel
from pcdesk.views.customers.list.filter_bar import CustomerFilterBar
from pcdesk.views.customers.list.row_menu import CustomerRowMenu
from pcdesk.views.customers.list.saved_views import SavedView, SavedViewsMenu
from pcdesk.views.customers.list.table_model import COLUMNS, CustomerTableModel
from pcdesk.views.customers.list.table_view import CustomerTableView
from pcdesk.views.customers.list_selection import CustomerListSelection
from pcdesk.views.partner.partner_center import PartnerCenterLauncher
from pcdesk.views.partner.preferences_launcher import PreferencesLauncher
from pcdesk.views.partner.profile_launcher import PartnerProfileLauncher
from pcdesk.views.partner.team_launcher import TeamLauncher
from pcdesk.views.relationships.removal import RemoveRelationshipLauncher
from pcdesk.views.relationships.request.action import RequestRelationshipLauncher
from pcdesk.views.relationships.requests.launcher import RelationshipRequestsLauncher
from pcdesk.views.resellers.launcher import ResellerManagerLauncher
from pcdesk.views.window_state import restore_window_state, save_window_state


class MainWindow(QMainWindow):
    # The user chose another database (File > Open database…): the application reopens on it.
    open_database_requested = Signal(str)

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        drafts: DraftStore,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.profile = profile
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(self.tr("{partner} — pcdesk").format(partner=profile.name))
        self.resize(1280, 760)

        self._started = False  # the reads held at start and the detail pane's tabs
        self.customer_model = CustomerTableModel(db, self)
        self.customer_table = CustomerTableView(self.customer_model, self)
        # For indirect providers: the reseller filter, filled once the resellers have been read.
        self.filter_bar = CustomerFilterBar(() if profile.has_resellers else None, self)
        # Its tabs are made once the window has been painted (or are first asked for).
        self.detail_pane = CustomerDetailPane(db, profile, self, tabs_later=True)
        self.add_customer = AddCustomerLauncher(
            db, profile, drafts, self, access=lambda: self.partner_center.access()
        )
        self.exporter = CustomerExporter(db, self)

        # The filters span the window; below them the list and the detail pane share a splitter.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.customer_table)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(1, True)  # on a narrow screen the pane can be dragged away
        self.splitter.setSizes([780, 500])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.count_label = CustomerCountLabel(self.customer_model, self)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()
        self._build_menus()
        # The list's selection and the detail pane kept in step (and the empty list's message,
        # whose links do the actions just built).
        self.list_selection = CustomerListSelection(
            self.customer_table,
            self.customer_model,
            self.detail_pane,
            self.filter_bar,
            clear_filters_action=self.clear_filters_action,
            add_customer_action=self.add_customer.action,
            import_customers_action=self.import_customers_action,
            parent=self,
        )
        self._connect()
        self._build_list_tools()
        self._use_own_icons()
        restore_window_state(
            self.settings, self, self.splitter, self.customer_table.horizontalHeader()
        )
        self.customer_table.sort_by_header()
        self.count_label.show_counts()
        if profile.has_resellers:
            self._load_resellers()

    # -- building -----------------------------------------------------------------------------
    def _icon(self, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
        return QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _action(
        self, text: str, tip: str, shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.setStatusTip(tip)
        return action

    def _build_actions(self) -> None:
        self.open_database_action = self._action(
            self.tr("&Open database…"),
            self.tr("Open another pcdesk database file"),
            QKeySequence.StandardKey.Open,
        )
        self.open_database_action.setIcon(
            self._icon("document-open", QStyle.StandardPixmap.SP_DialogOpenButton)
        )
        self.import_price_list_action = self._action(
            self.tr("Import &price list…"),
            self.tr("Import Partner Center's license-based price list (CSV)"),
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.tr("Quit pcdesk"), QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.find_action = self._action(
            self.tr("&Find customers"),
            self.tr("Search by company name, domain or Microsoft ID"),
            QKeySequence.StandardKey.Find,
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"),
            self.tr("Read the list again (changes from other workstations)"),
            QKeySequence.StandardKey.Refresh,
        )
        self.refresh_action.setIcon(
            self._icon("view-refresh", QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.clear_filters_action = self._action(
            self.tr("Show &all customers"), self.tr("Clear the search and the filters")
        )
        # For the customer shown, or a new prospect; disabled, saying why, for a role that may not.
        self.request_relationship = RequestRelationshipLauncher(
            self.db, self.profile, self, self.selected_customer_id
        )
        self.request_relationship_action = self.request_relationship.action
        # Follows the customer shown; disabled, saying why, when it cannot act on it.
        self.remove_relationship = RemoveRelationshipLauncher(
            self.db, self.selected_customer_id, self
        )
        self.remove_relationship_action = self.remove_relationship.action
        # From Partner Center's Customers.csv or a pcdesk export, previewed before anything is
        # written; disabled, saying why, for a role that may not add customers.
        self.import_customers = CustomerImporter(self.db, self.profile, self)
        self.import_customers_action = self.import_customers.action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.import_price_list_action)
        file_menu.addSeparator()
        self.preferences = PreferencesLauncher(self)  # on macOS Qt moves it to the app menu
        file_menu.addAction(self.preferences.action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        customers = self.menuBar().addMenu(self.tr("&Customers"))
        self.customers_menu = customers
        customers.addAction(self.add_customer.action)
        customers.addAction(self.request_relationship_action)
        # The requests sent, to mark accepted (adding or linking the customer) or cancel.
        self.relationship_requests = RelationshipRequestsLauncher(self.db, self)
        customers.addAction(self.relationship_requests.action)
        customers.addAction(self.remove_relationship_action)
        customers.addSeparator()
        customers.addAction(self.import_customers_action)
        customers.addAction(self.exporter.action)
        customers.addSeparator()
        customers.addAction(self.find_action)
        customers.addAction(self.clear_filters_action)
        customers.addAction(self.refresh_action)

        # The partner's own records: its profile (editable after the first start; a profile saved
        # reopens the window), its team's roles and, for indirect providers, its resellers.
        self.partner_menu = self.menuBar().addMenu(self.tr("&Partner"))
        self.partner_profile = PartnerProfileLauncher(self.db, self.profile, self)
        self.partner_profile.reopen_requested.connect(self.open_database_requested)
        self.partner_menu.addAction(self.partner_profile.action)
        self.partner_menu.addSeparator()
        self.team = TeamLauncher(self.db, self)
        self.partner_menu.addAction(self.team.action)
        # Disabled, saying why, unless the partner is an indirect provider.
        self.resellers = ResellerManagerLauncher(self.db, self.profile, self)
        self.partner_menu.addAction(self.resellers.action)
        # Partner Center: signing in, syncing (by hand or on the schedule of the preferences),
        # the conflicts a sync left; its state in the status bar.
        self.partner_menu.addSeparator()
        self.partner_center = PartnerCenterLauncher(self.db, self, self.settings)
        self.partner_menu.addAction(self.partner_center.sign_in_action)
        self.partner_menu.addAction(self.partner_center.sign_out_action)
        self.partner_menu.addAction(self.partner_center.sync_action)
        self.partner_menu.addAction(self.partner_center.conflicts_action)
        self.partner_menu.addAction(self.partner_center.pending_action)
        self.detail_pane.when_tabs_built(self._connect_detail_tabs)
        self.remove_relationship.access = self.partner_center.access
        self.request_relationship.access = self.partner_center.access
        self.statusBar().addPermanentWidget(self.partner_center.status_label)
        self.preferences.schedule_changed.connect(self.partner_center.apply_schedule)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about = AboutLauncher(self.db, self)  # on macOS Qt moves it to the app menu
        help_menu.addAction(self.about.action)

        toolbar = self.addToolBar(self.tr("Customers"))
        toolbar.setObjectName("customers_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.add_customer.action)
        toolbar.addAction(self.request_relationship_action)
        toolbar.addAction(self.exporter.action)
        toolbar.addAction(self.refresh_action)
        for action in toolbar.actions():  # "新增客戶(&A)…" reads "新增客戶" on a button
            action.setIconText(button_text(action.text()))

    def _after_first_rows(self) -> None:
        """The reads held until now (see app.build_main_window) start, and the detail pane's
        tabs are made (the customer the list selected meanwhile is read then). Started at the
        window's paint, before the rows' read had finished, they kept the rows from the screen
        for 150 ms (the tabs are 100 ms of work on the GUI thread, the reads load Partner
        Center's modules on a worker, and the list's worker waits for the interpreter's lock)."""
        if self._started:
            return
        self._started = True
        runner().release()
        self.detail_pane.build_tabs()

    def _connect_detail_tabs(self) -> None:
        """The detail pane's tabs are made: its buttons that act for the window's actions."""
        pane = self.detail_pane
        # A former customer's Relationship tab offers it too (the way back to a relationship).
        self.request_relationship.attach_button(pane.relationship_tab.request_button)
        self.remove_relationship.follow_tab(pane.relationship_tab)
        pane.subscriptions_tab.access = self.partner_center.access
        pane.agreement_tab.access = self.partner_center.access

    def _connect(self) -> None:
        self.open_database_action.triggered.connect(self.open_database)
        self.import_price_list_action.triggered.connect(self.import_price_list)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action.triggered.connect(self.refresh)
        self.clear_filters_action.triggered.connect(self.filter_bar.clear)
        self.exporter.query_source = lambda: self.customer_model.query
        self.add_customer.customer_added.connect(self.show_new_customer)

        self.filter_bar.changed.connect(self._apply_filters)
        model = self.customer_model
        model.count_ready.connect(self.count_label.show_counts)
        model.load_failed.connect(self._show_load_failure)
        # Every write anywhere is published; the list and the filters read again what it touched.
        publisher().changed.connect(self._on_changes)
        # Once the list's first rows are painted (or their read failed): the rest of the start.
        when_first_painted(
            self.customer_table.viewport(),
            lambda _painted: self._after_first_rows(),
            ready=lambda: model.rowCount() > 0 or model.is_idle(),
        )
        model.load_failed.connect(self._after_first_rows)

    # -- the list's menus, filters and saved views (issue 15) ------------------------------------
    def _build_list_tools(self) -> None:
        """The rows' context menu, the tag filter's tags, and the saved views (Customers menu)."""
        if not self.profile.has_resellers:
            self.customer_table.hide_column("indirect_reseller")
        self.row_menu = CustomerRowMenu(
            self.customer_table,
            edit=self.detail_pane.edit_account_when_ready,
            request_relationship=self.request_relationship_action,
            export_selected=self.exporter.export_selected,
            parent=self,
        )
        self.saved_views = SavedViewsMenu(self.settings, self.current_view, self)
        self.saved_views.applied.connect(self.apply_view)
        self.customers_menu.addSeparator()
        self.customers_menu.addMenu(self.saved_views.menu)
        self._load_tags()

    def _load_tags(self) -> None:
        Operation(self, lambda: customer_tags(self.db)).quiet().success(
            self.filter_bar.set_tags
        ).failure(self._show_reseller_failure).run()

    def current_view(self, name: str) -> SavedView:
        query = self.customer_model.query
        return SavedView(name, self.filter_bar.state(), query.sort.value, query.descending)

    def apply_view(self, view: SavedView) -> None:
        """A saved view: its search and filters, then its sort (the header shows it)."""
        self.filter_bar.set_state(view.filters)
        column = next((i for i, (f, _t) in enumerate(COLUMNS) if f == view.sort), 0)
        order = Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
        self.customer_table.horizontalHeader().setSortIndicator(column, order)

    def _use_own_icons(self) -> None:
        """pcdesk's SVG icons on the toolbar's and File menu's actions (issue 15): no theme's
        blank page, black triangle or floppy disk, in a light or a dark palette."""
        for action, name in (
            (self.add_customer.action, "add-customer"),
            (self.request_relationship_action, "request-relationship"),
            (self.exporter.action, "export-customers"),
            (self.refresh_action, "refresh"),
            (self.open_database_action, "open-database"),
        ):
            action.setIcon(toolbar_icon(name))

    # -- a narrow window (issue 15) -------------------------------------------------------------
    NARROW = 1000  # below this width the pane goes under the list, as Outlook's reading pane

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pane_to_width()

    def _fit_pane_to_width(self) -> None:
        """Beside the list on a wide window; under it on a narrow one, so neither the list's
        columns nor the pane's header and tabs are cut."""
        wanted = (
            Qt.Orientation.Vertical if self.width() < self.NARROW else Qt.Orientation.Horizontal
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            total = sum(self.splitter.sizes()) or 1
            self.splitter.setSizes([total * 11 // 20, total * 9 // 20])

    # -- the list -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def _apply_filters(self) -> None:
        self.customer_model.set_query(self.filter_bar.apply_to(self.customer_model.query))
        self.count_label.show_counts()

    def _on_changes(self, changes: Changes, _source: object) -> None:
        """Something was written: the filters and the list read again what it touched, and the
        customer acted on (a request accepted, a relationship removed) is shown."""
        if changes.resellers and self.profile.has_resellers:
            self._load_resellers()
        if changes.subject is not None:
            self.list_selection.show_customer(changes.subject)
        if changes.touches_customer_list or changes.subject is not None:
            self.refresh()
            self._load_tags()

    def _load_resellers(self) -> None:
        """The reseller filter lists the resellers as they are now (read off the GUI thread)."""
        Operation(self, lambda: list_resellers(self.db, active_only=False)).success(
            self.filter_bar.set_resellers
        ).failure(self._show_reseller_failure).run()

    def _show_reseller_failure(self, error: PcdeskError) -> bool:
        self.statusBar().showMessage(translated(error.message), 10_000)
        return True

    def refresh(self) -> None:
        """Read the list again, keeping the shown customer selected if it is still listed."""
        self.list_selection.refresh()
        self.count_label.show_counts()

    def selected_customer_id(self) -> int | None:
        """The customer the user is looking at (the detail pane's), if any."""
        return self.list_selection.selected_customer_id()

    def show_new_customer(self, customer_id: int) -> None:
        """After Add customer: list everyone, then select the new customer and show it."""
        self.list_selection.show_new_customer(customer_id)

    def _show_load_failure(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    # -- other actions ------------------------------------------------------------------------
    def open_database(self) -> None:
        path = prompter().open_file(
            self,
            self.tr("Open database"),
            self.tr("pcdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database_requested.emit(sqlite_url(Path(path)))

    def import_price_list(self) -> None:
        """Import a price list off the GUI thread; the action waits for it."""
        path = prompter().open_file(
            self, self.tr("Import price list"), self.tr("Price lists (*.csv);;All files (*)")
        )
        if not path:
            return
        # (Imported here: the import's questions and messages load when first used.)
        from pcdesk.views.catalog.price_list_import import import_price_list_interactively

        action = self.import_price_list_action
        action.setEnabled(False)
        import_price_list_interactively(self, self.db, path, done=lambda: action.setEnabled(True))

    def _close_after_save(self) -> None:
        """The Save chosen when closing has saved: close, as the user asked."""
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.detail_pane.has_unsaved_edits() and not self.detail_pane.confirm_leave(
            then=self._close_after_save
        ):
            event.ignore()
            return
        save_window_state(
            self.settings, self, self.splitter, self.customer_table.horizontalHeader()
        )
        self.customer_model.close()
        runner().release()  # (closed before its first rows: what it held runs, and is waited for)
        runner().finish_work_of(self)  # no worker may hold the database as it closes
        self.db.dispose()
        super().closeEvent(event)
