"""Choosing offers from one market's catalog: search, filters, the offers, a license count, Add.

A standalone widget: the Add customer wizard and the customer detail pane both connect
``add_requested`` to a cart; the picker knows nothing about either. The catalog is read off the
GUI thread; only the answer to the latest search is shown.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import PcdeskError, Unavailable
from pcdesk.services.catalog.offers import Offer, OfferFacets, list_offers, offer_facets
from pcdesk.services.database import Database
from pcdesk.services.validation import country_name
from pcdesk.views.common.money import billing_plan_label, term_label
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.offer_table_model import (
    BILLING_PLAN,
    OFFER,
    PRICE,
    TERM,
    OfferTableModel,
)
from pcdesk.views.customers.forms.quantity_spin_box import QuantitySpinBox

SEARCH_DELAY_MS = 150  # long enough to skip the keystrokes of a word, short enough to feel live
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
FIT_ROWS = 1000  # prices looked at to size the price column


class OfferPicker(QWidget):
    """Emits ``add_requested(offer, quantity)`` when the user adds the selected offer, and
    ``offers_shown(count)`` each time the table has been filled again (typing in the search box
    refills it only after a short pause, and the catalog is read off the GUI thread: wait for
    this signal rather than for a row count)."""

    add_requested = Signal(object, int)
    offers_shown = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._market = ""
        self._market_empty = True
        self._searches = 0  # searches started: only the latest one's answer is shown
        self._fit_due = False  # the columns are sized once per market, when its offers are in
        self._problem: str | None = None  # why the catalog could not be read

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search offers"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search offers"))
        self.search.setToolTip(self.tr("Words of the offer's name, description or product ID"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.installEventFilter(self)

        self.publisher = self._filter_combo(self.tr("Publisher"))
        self.billing_plan = self._filter_combo(self.tr("Billing type"))
        self.category = self._filter_combo(self.tr("Category"))
        self.term = self._filter_combo(self.tr("Term"))
        # The filters sit in one row, or two on a narrow window (see resizeEvent). The box's
        # policy ignores the one-row width, which would hold the window wide; its minimum is
        # the two-row width instead.
        self._filter_box = QWidget(self)
        self._filter_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._filters = QGridLayout(self._filter_box)
        self._filters.setContentsMargins(0, 0, 0, 0)
        self._filter_pairs: list[tuple[QLabel, QComboBox]] = []
        for text, combo in (
            (self.tr("&Publisher:"), self.publisher),
            (self.tr("B&illing type:"), self.billing_plan),
            (self.tr("Cate&gory:"), self.category),
            (self.tr("&Term:"), self.term),
        ):
            label = QLabel(text, self._filter_box)
            combo.setParent(self._filter_box)
            label.setBuddy(combo)
            self._filter_pairs.append((label, combo))
        self._filters_per_row = 0
        self._arrange_filters(len(self._filter_pairs))
        self._filter_box.setMinimumWidth(self._filter_widths(2))

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = OfferTableModel(self)
        self.table = self._offer_table()

        self.quantity = QuantitySpinBox(self)
        self.quantity.setRange(1, 99_999)
        # As wide as a large count from the start, so Add does not move when the limits change.
        self.quantity.setMinimumWidth(self.quantity.sizeHint().width())
        self.quantity.setRange(1, 1)
        self.quantity.setAccessibleName(self.tr("Licenses"))
        self.quantity.return_pressed.connect(self._add)
        quantity_label = QLabel(self.tr("&Licenses:"), self)
        quantity_label.setBuddy(self.quantity)
        self.add_button = QPushButton(self.tr("&Add to cart"), self)
        self.add_button.setAutoDefault(True)  # focused, Enter adds (not the wizard's Next)
        self.add_button.clicked.connect(self._add)
        actions = QHBoxLayout()
        actions.addWidget(quantity_label)
        actions.addWidget(self.quantity)
        actions.addWidget(self.add_button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self._filter_box)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        order = [self.search, self.publisher, self.billing_plan, self.category, self.term]
        order += [self.table, self.quantity, self.add_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_actions()
        self._show_status()

    # -- building -------------------------------------------------------------------------------
    def _filter_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        # Long publisher or category names must not push the window wider than the screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(self._reload)
        return combo

    def _offer_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Offers"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the license count
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        columns = table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(OFFER, QHeaderView.ResizeMode.Stretch)
        for column in (TERM, BILLING_PLAN, PRICE):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(self._add)
        table.installEventFilter(self)
        return table

    def _arrange_filters(self, per_row: int) -> None:
        """Lay the four filters out in one row, or in two on a narrow window."""
        if per_row == self._filters_per_row:
            return
        self._filters_per_row = per_row
        for index, (label, combo) in enumerate(self._filter_pairs):
            row, column = divmod(index, per_row)
            self._filters.addWidget(label, row, 2 * column)  # moves a widget already there
            self._filters.addWidget(combo, row, 2 * column + 1)
        for column in range(2 * len(self._filter_pairs)):
            stretch = 1 if column % 2 and column < 2 * per_row else 0
            self._filters.setColumnStretch(column, stretch)

    def _filter_widths(self, per_row: int) -> int:
        """The width the filters need laid out ``per_row`` to a row (grid columns align)."""
        spacing = self._filters.horizontalSpacing()
        columns = [0] * (2 * per_row)
        for index, pair in enumerate(self._filter_pairs):
            for offset, widget in enumerate(pair):
                column = 2 * (index % per_row) + offset
                columns[column] = max(columns[column], widget.minimumSizeHint().width())
        return sum(columns) + spacing * (len(columns) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._filter_box.setMinimumWidth(self._filter_widths(2))  # fonts may have changed
        one_row = self.contentsRect().width() >= self._filter_widths(len(self._filter_pairs))
        self._arrange_filters(len(self._filter_pairs) if one_row else 2)
        super().resizeEvent(event)

    # -- public ---------------------------------------------------------------------------------
    def market(self) -> str:
        return self._market

    def set_market(self, country: str) -> None:
        """Show the offers sold in ``country`` (a market code such as "US"); filters that still
        apply are kept, so changing the customer's country does not lose the user's choices.
        The market's filters and offers are read off the GUI thread."""
        self._market = country.strip().upper()
        market = self._market
        self._searches += 1  # an answer about the market before is no longer wanted
        if not market:
            self._show_facets(market, OfferFacets((), (), (), ()))
            return
        db = self._db
        Operation(self, lambda: offer_facets(db, market)).success(
            lambda facets: self._show_facets(market, facets)
        ).failure(self._unreadable).run()

    def _show_facets(self, market: str, facets: OfferFacets) -> None:
        if market != self._market:
            return  # another market was chosen meanwhile
        self._problem = None
        self._market_empty = not (facets.terms or facets.billing_plans or facets.publishers)
        self._fill(self.publisher, [(value, value) for value in facets.publishers])
        plans = [(billing_plan_label(value), value) for value in facets.billing_plans]
        self._fill(self.billing_plan, plans)
        self._fill(self.category, [(value, value) for value in facets.categories])
        self._fill(self.term, [(term_label(value), value) for value in facets.terms])
        for widget in (self.search, self.publisher, self.billing_plan, self.category, self.term):
            widget.setEnabled(not self._market_empty)
        self._fit_due = True
        self._reload()

    def _unreadable(self, error: PcdeskError) -> bool:
        """The catalog could not be read: the status line says why (the next search retries)."""
        if not isinstance(error, Unavailable):
            return False
        self._problem = translated(error.message)
        self._show_status()
        return True

    def refresh(self) -> None:
        """Read the catalog again (after a price list was imported)."""
        self.set_market(self._market)

    def selected_offer(self) -> Offer | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.offer(rows[0].row()) if rows else None

    # -- reacting -------------------------------------------------------------------------------
    def _fill(self, combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)  # one reload after all four, not one per combo
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for label, value in entries:
            combo.addItem(label, value)
        found = combo.findData(kept) if kept is not None else -1
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _reload(self) -> None:
        """Search the catalog with what the search box and the filters say (off the GUI thread)."""
        self._search_timer.stop()
        self._searches += 1
        search = self._searches
        if not self._market or self._market_empty:
            self._show_offers(search, ())
            return
        db = self._db
        market, text = self._market, self.search.text()
        publisher, billing_plan = self.publisher.currentData(), self.billing_plan.currentData()
        category, term = self.category.currentData(), self.term.currentData()

        def read() -> tuple[Offer, ...]:
            return list_offers(
                db,
                market=market,
                search=text,
                publisher=publisher,
                billing_plan=billing_plan,
                category=category,
                term=term,
            )

        Operation(self, read).success(lambda offers: self._show_offers(search, offers)).failure(
            self._unreadable
        ).run()

    def _show_offers(self, search: int, offers: tuple[Offer, ...]) -> None:
        if search != self._searches:
            return  # the user has typed or chosen more since: a later search decides
        self._problem = None
        previous = self.selected_offer()
        self.model.set_offers(offers)
        row = self.model.row_of(previous.id) if previous is not None else None
        if row is not None:  # the offer the user chose is still there: keep it chosen
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, OFFER))
        self._selection_changed()
        self._show_status()
        if self._fit_due:
            self._fit_due = False
            self._fit_columns()
        self.offers_shown.emit(len(offers))

    def _show_status(self) -> None:
        count = self.model.rowCount()
        if self._problem is not None:
            text = self._problem
        elif not self._market:
            text = self.tr("Choose the customer's country or region to see the offers sold there.")
        elif self._market_empty:
            text = self.tr(
                "No offers for {country} in the catalog. Import a price list with "
                "File > Import price list…"
            ).format(country=country_name(self._market, ui_locale()))
        elif count == 0:
            text = self.tr("No offers match your search")
        elif count == 1:
            text = self.tr("1 offer")
        else:
            text = self.tr("%Ln offers", "", count)
        self.status.setText(text)
        self.table.setAccessibleDescription(text)

    def _fit_columns(self) -> None:
        """Size the narrow columns to their text once per market, so they do not jump about
        while the user types; the offer's title takes the rest of the width."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        padding = 4 * margin + metrics.averageCharWidth()
        shown = {
            TERM: [self.term.itemText(i) for i in range(self.term.count())],
            BILLING_PLAN: [self.billing_plan.itemText(i) for i in range(self.billing_plan.count())],
            PRICE: [
                str(self.model.index(row, PRICE).data())
                for row in range(min(self.model.rowCount(), FIT_ROWS))
            ],
        }
        for column, texts in shown.items():
            texts.append(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            width = max(metrics.horizontalAdvance(text) for text in texts) + padding
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

    def _selection_changed(self, *_: QItemSelection) -> None:
        offer = self.selected_offer()
        if offer is not None:
            # QSpinBox clamps the value the user chose into the new offer's limits.
            self.quantity.setRange(offer.min_quantity, offer.max_quantity)
            self.quantity.setToolTip(
                self.tr("From {low} to {high} licenses of this offer").format(
                    low=offer.min_quantity, high=offer.max_quantity
                )
            )
        else:
            self.quantity.setToolTip("")
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_offer() is not None
        self.quantity.setEnabled(chosen)
        self.add_button.setEnabled(chosen)

    def _add(self) -> None:
        offer = self.selected_offer()
        if offer is None:
            return
        self.quantity.interpretText()  # a count typed but not yet confirmed still counts
        self.add_requested.emit(offer, self.quantity.value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the search box or on an offer would otherwise reach the wizard's Next button.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _ENTER_KEYS and watched is self.search:
                self._reload()  # no need to wait for the pause
                return True
            if event.key() in _ENTER_KEYS and watched is self.table:
                # Enter chooses the offer: on to its license count (Enter there adds it).
                if self.selected_offer() is not None:
                    self.quantity.setFocus(Qt.FocusReason.TabFocusReason)
                    self.quantity.selectAll()
                return True
        return super().eventFilter(watched, event)
