"""The offers a user is about to buy for a customer, each with a license count, as an item model.

Lines that cannot be ordered as they are (an offer of another market than the customer's, a
count outside the offer's limits) stay in the cart, marked with a warning sign and a tooltip, and
are listed by ``problems()`` so the page holding the cart can refuse to go on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from pcdesk.services.catalog.offers import Offer
from pcdesk.services.validation import country_name
from pcdesk.views.common.money import billing_plan_label, format_money, term_label
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.offer_table_model import offer_details, offer_title, term_price

_ModelIndex = QModelIndex | Any  # Qt passes QPersistentModelIndex too

OFFER, TERM, BILLING_PLAN, LICENSES, PRICE, TOTAL = range(6)
_COLUMNS = 6
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class CartLine:
    offer: Offer
    quantity: int

    @property
    def monthly_total(self) -> Decimal:
        return self.offer.monthly_price * self.quantity


@dataclass(frozen=True)
class CartAddition:
    """What ``CartModel.add`` did: the line's row, its count now, and whether the offer's maximum
    kept it below what was asked for (the user should be told)."""

    row: int
    quantity: int
    capped: bool


class CartModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[CartLine] = []
        self._market = ""

    # -- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("CartModel", "Offer"),
                QCoreApplication.translate("CartModel", "Term"),
                QCoreApplication.translate("CartModel", "Billing plan"),
                QCoreApplication.translate("CartModel", "Licenses"),
                QCoreApplication.translate("CartModel", "Price / month"),
                QCoreApplication.translate("CartModel", "Monthly total"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == PRICE:
            return QCoreApplication.translate("CartModel", "Price per license per month")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section >= LICENSES else _LEFT
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == LICENSES:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole and column == LICENSES:
            return line.quantity
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column >= LICENSES else _LEFT
        if role == Qt.ItemDataRole.DecorationRole and column == OFFER:
            if self._problem(line):  # a sign, not a colour: it reads in any palette
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._problem(line)
            if problem:
                return problem
            return term_price(line.offer) if column == PRICE else offer_details(line.offer)
        if role == Qt.ItemDataRole.UserRole:
            return line.offer.id
        return None

    def setData(self, index: _ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != LICENSES:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if not 0 <= index.row() < len(self._lines):
            return False
        self.set_quantity(index.row(), quantity)
        return True

    # -- changing the cart --------------------------------------------------------------------
    def add(self, offer: Offer, quantity: int) -> CartAddition:
        """Add ``quantity`` licenses of ``offer``: to its line if the cart has one, else on a new
        line. The count stays within the offer's limits; ``capped`` says when it was cut."""
        for row, line in enumerate(self._lines):
            if line.offer.id == offer.id:
                wanted = line.quantity + quantity
                kept = max(line.quantity, min(wanted, offer.max_quantity))
                self._lines[row] = CartLine(offer, kept)
                self._row_changed(row)
                return CartAddition(row, kept, capped=wanted > kept)
        kept = min(max(quantity, offer.min_quantity), offer.max_quantity)
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(CartLine(offer, kept))
        self.endInsertRows()
        return CartAddition(row, kept, capped=quantity > kept)

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()

    def set_quantity(self, row: int, quantity: int) -> None:
        """Set a line's count as given; a count outside the offer's limits is flagged."""
        line = self._lines[row]
        if line.quantity != quantity:
            self._lines[row] = replace(line, quantity=quantity)
            self._row_changed(row)

    def set_lines(self, lines: tuple[CartLine, ...] | list[CartLine]) -> None:
        """Replace the whole cart (restoring a draft)."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def clear(self) -> None:
        self.set_lines(())

    def flag_market(self, country: str) -> None:
        """Mark the lines whose offer is not sold in ``country`` ("" marks none)."""
        market = country.strip().upper()
        if market == self._market:
            return
        self._market = market
        if self._lines:
            last = self.index(len(self._lines) - 1, _COLUMNS - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- reading ------------------------------------------------------------------------------
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    def line(self, row: int) -> CartLine:
        return self._lines[row]

    def market(self) -> str:
        return self._market

    def monthly_total(self) -> dict[str, Decimal]:
        """The cart's cost per month, per currency (one currency unless markets were mixed)."""
        totals: dict[str, Decimal] = {}
        for line in self._lines:
            currency = line.offer.currency
            totals[currency] = totals.get(currency, Decimal(0)) + line.monthly_total
        return totals

    def problems(self) -> dict[int, str]:
        """Row → why the line cannot be ordered as it is; empty when the cart is fine."""
        found = {row: self._problem(line) for row, line in enumerate(self._lines)}
        return {row: problem for row, problem in found.items() if problem}

    # -- helpers ------------------------------------------------------------------------------
    def _problem(self, line: CartLine) -> str:
        offer = line.offer
        problems: list[str] = []
        if self._market and offer.market.upper() != self._market:
            country = country_name(self._market, ui_locale())
            problems.append(
                QCoreApplication.translate(
                    "CartModel",
                    "Not sold in {country} — remove it or choose the same offer for {country}.",
                ).format(country=country)
            )
        if not offer.min_quantity <= line.quantity <= offer.max_quantity:
            problems.append(
                QCoreApplication.translate(
                    "CartModel", "Choose from {low} to {high} licenses of this offer."
                ).format(
                    low=QLocale().toString(offer.min_quantity),
                    high=QLocale().toString(offer.max_quantity),
                )
            )
        return "\n".join(problems)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMNS - 1))

    @staticmethod
    def _display(line: CartLine, column: int) -> str:
        offer = line.offer
        if column == OFFER:
            return offer_title(offer)
        if column == TERM:
            return term_label(offer.term)
        if column == BILLING_PLAN:
            return billing_plan_label(offer.billing_plan)
        if column == LICENSES:
            return QLocale().toString(line.quantity)
        if column == PRICE:
            return format_money(offer.monthly_price, offer.currency)
        return format_money(line.monthly_total, offer.currency)
