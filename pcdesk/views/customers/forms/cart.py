"""The cart: the offers chosen for a customer, their license counts and what they cost a month.

A standalone widget: the Add customer wizard and the customer detail pane feed it from an
OfferPicker and read ``lines()`` and ``problems()`` back.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcdesk.services.catalog.offers import Offer
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.money import format_money
from pcdesk.views.common.prompts import prompter
from pcdesk.views.customers.forms.cart_model import (
    LICENSES,
    OFFER,
    CartAddition,
    CartLine,
    CartModel,
)
from pcdesk.views.customers.forms.offer_table_model import offer_title
from pcdesk.views.customers.forms.quantity_spin_box import QuantitySpinBox

SHOWN_PROBLEMS = 4
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)  # macOS keyboards say Backspace


class QuantityDelegate(QStyledItemDelegate):
    """Edits a cart line's license count with a spin box bounded by the offer's limits."""

    def __init__(self, cart: CartModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cart = cart

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        offer = self._cart.line(index.row()).offer
        editor = QuantitySpinBox(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.setRange(offer.min_quantity, offer.max_quantity)
        editor.setAccessibleName(self.tr("Licenses"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QuantitySpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QuantitySpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class CartWidget(QWidget):
    """Emits ``changed`` whenever a line is added, removed or its count changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CartModel(self)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cart"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(LICENSES, QuantityDelegate(self.model, self.table))
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)  # room for the editor
        self.table.ensurePolished()  # the style's frame and header sizes are known from here
        frame = 2 * self.table.frameWidth()
        header_height = self.table.horizontalHeader().sizeHint().height()
        # Three lines stay in sight however small the splitter or window makes the cart.
        self.table.setMinimumHeight(header_height + 3 * rows.defaultSectionSize() + frame)
        columns = self.table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a cart is short
        columns.setSectionResizeMode(OFFER, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)

        # The empty cart's hint sits on the table itself, which keeps its headers and its size.
        self.empty = QLabel(self.table.viewport())
        self.set_empty_text("")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.table.viewport().installEventFilter(self)

        self.problems_message = FieldMessage(self)
        self.notice = FieldMessage(self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAutoDefault(True)  # focused, Enter removes (not the wizard's Next)
        self.remove_button.setToolTip(self.tr("Remove the selected line from the cart (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.total = QLabel(self)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(self.total)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_message)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)

        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
            self.model.modelReset,
        ):
            signal.connect(self._cart_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._show_state()

    # -- public ---------------------------------------------------------------------------------
    def add(self, offer: Offer, quantity: int) -> CartAddition | None:
        """Add licenses of an offer (connect OfferPicker.add_requested here). An offer already
        in the cart asks first whether the count replaces the line's or adds to it; None when
        the user cancels."""
        existing = next(
            (row for row, line in enumerate(self.model.lines()) if line.offer.id == offer.id),
            None,
        )
        locale = QLocale()
        if existing is not None:
            before = self.model.line(existing).quantity
            choice = self._ask_replace_or_add(offer, before, quantity)
            if choice == "cancel":
                return None
            if choice == "replace":
                self.model.set_quantity(existing, quantity)
                self.table.selectRow(existing)
                self._say(
                    self.tr("{offer}: now {count} licenses (was {before}).").format(
                        offer=offer_title(offer),
                        count=locale.toString(quantity),
                        before=locale.toString(before),
                    )
                )
                return CartAddition(existing, quantity, capped=False)
        added = self.model.add(offer, quantity)
        self.table.selectRow(added.row)
        self.table.scrollTo(self.model.index(added.row, OFFER))
        if added.capped:
            self.notice.show_warning(
                self.tr("{offer}: at most {count} licenses, so the cart holds {count}.").format(
                    offer=offer_title(offer), count=locale.toString(added.quantity)
                )
            )
        elif existing is not None:
            self._say(
                self.tr("Added {count} licenses to {offer}: {total} in all.").format(
                    count=locale.toString(quantity),
                    offer=offer_title(offer),
                    total=locale.toString(added.quantity),
                )
            )
        else:
            self._say(
                self.tr("Added {offer}, {count} licenses.").format(
                    offer=offer_title(offer), count=locale.toString(added.quantity)
                )
            )
        return added

    def _say(self, text: str) -> None:
        """A short note under the cart about what the last add did."""
        self.notice.show_ok(text)

    def _ask_replace_or_add(self, offer: Offer, before: int, quantity: int) -> str:
        locale = QLocale()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Add to cart"))
        box.setText(
            self.tr("{offer} is already in the cart with {count} licenses.").format(
                offer=offer_title(offer), count=locale.toString(before)
            )
        )
        box.setInformativeText(
            self.tr("Change the line to {count} licenses, or add them?").format(
                count=locale.toString(quantity)
            )
        )
        replace = box.addButton(
            self.tr("&Change to {count}").format(count=locale.toString(quantity)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        add = box.addButton(
            self.tr("A&dd {count} (total {total})").format(
                count=locale.toString(quantity), total=locale.toString(before + quantity)
            ),
            QMessageBox.ButtonRole.ActionRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        box.setEscapeButton(cancel)
        clicked = prompter().ask(box)
        if clicked is replace:
            return "replace"
        return "add" if clicked is add else "cancel"

    def set_empty_text(self, text: str) -> None:
        """What the empty cart says ("" for the usual: choose an offer above, Add to cart)."""
        self.empty.setText(
            text or self.tr("No subscriptions yet. Choose an offer above and click Add to cart.")
        )

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        self.model.remove(row)
        if self.model.rowCount():  # keep a line selected, so Delete can go on removing
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._update_actions()

    def lines(self) -> tuple[CartLine, ...]:
        return self.model.lines()

    def set_lines(self, lines: tuple[CartLine, ...] | list[CartLine]) -> None:
        self.model.set_lines(lines)

    def flag_market(self, country: str) -> None:
        self.model.flag_market(country)

    def problems(self) -> dict[int, str]:
        return self.model.problems()

    def total_text(self) -> str:
        totals = self.model.monthly_total()
        amounts = " + ".join(format_money(amount, currency) for currency, amount in totals.items())
        return self.tr("Monthly total: {amount}").format(amount=amounts) if totals else ""

    # -- reacting -------------------------------------------------------------------------------
    def _cart_changed(self) -> None:
        self.notice.clear()  # an add shows what it did again right after
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        self.total.setText(self.total_text())
        self.total.setAccessibleName(self.total.text())
        problems = self.model.problems()
        if problems:
            lines = [
                self.tr("{offer}: {problem}").format(
                    offer=offer_title(self.model.line(row).offer), problem=text.replace("\n", " ")
                )
                for row, text in list(problems.items())[:SHOWN_PROBLEMS]
            ]
            if len(problems) > SHOWN_PROBLEMS:
                lines.append(
                    self.tr("…and {more} more.").format(more=len(problems) - SHOWN_PROBLEMS)
                )
            self.problems_message.show_warning("\n".join(lines))
        else:
            self.problems_message.clear()
        self._update_actions()

    def _update_actions(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty.setGeometry(self.table.viewport().rect().adjusted(8, 0, -8, 0))
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _DELETE_KEYS
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
