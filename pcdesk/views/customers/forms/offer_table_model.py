"""Offers of the catalog as a Qt item model: the rows a search returned, held in memory.

One market's catalog is small (tens to a few thousand offers) and the service filters and sorts
in SQL, so the model simply holds the tuple it is given.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from pcdesk.services.catalog.offers import Offer
from pcdesk.views.common.money import billing_plan_label, format_money, term_label

_ModelIndex = QModelIndex | Any  # Qt passes QPersistentModelIndex too

OFFER, TERM, BILLING_PLAN, PRICE = range(4)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def offer_title(offer: Offer) -> str:
    """The product's title, with the SKU's when it says something more."""
    if offer.sku_title and offer.sku_title != offer.product_title:
        return f"{offer.product_title} — {offer.sku_title}"
    return offer.product_title


def offer_details(offer: Offer) -> str:
    """What a tooltip tells about an offer: its description and its Partner Center ids."""
    ids = QCoreApplication.translate(
        "OfferTableModel", "Product ID: {product_id}  SKU ID: {sku_id}"
    ).format(product_id=offer.product_id, sku_id=offer.sku_id)
    parts = [offer_title(offer), offer.description, ids]
    return "\n".join(part for part in parts if part)


def term_price(offer: Offer) -> str:
    """The price for the whole term, which the price list gives ("$72.00 per license for 1 year")."""
    return QCoreApplication.translate("OfferTableModel", "{price} per license for {term}").format(
        price=format_money(offer.unit_price, offer.currency), term=term_label(offer.term)
    )


class OfferTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._offers: tuple[Offer, ...] = ()

    # -- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("OfferTableModel", "Offer"),
                QCoreApplication.translate("OfferTableModel", "Term"),
                QCoreApplication.translate("OfferTableModel", "Billing plan"),
                QCoreApplication.translate("OfferTableModel", "Price / license / month"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == PRICE else _LEFT
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._offers):
            return None
        offer = self._offers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(offer, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return term_price(offer) if column == PRICE else offer_details(offer)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == PRICE else _LEFT
        if role == Qt.ItemDataRole.UserRole:
            return offer.id
        return None

    # -- our own ------------------------------------------------------------------------------
    def offer(self, row: int) -> Offer:
        return self._offers[row]

    def offers(self) -> tuple[Offer, ...]:
        return self._offers

    def row_of(self, offer_id: int) -> int | None:
        """The row showing the offer with this id, if any."""
        return next((row for row, offer in enumerate(self._offers) if offer.id == offer_id), None)

    def set_offers(self, offers: tuple[Offer, ...]) -> None:
        self.beginResetModel()
        self._offers = tuple(offers)
        self.endResetModel()

    @staticmethod
    def _display(offer: Offer, column: int) -> str:
        if column == OFFER:
            return offer_title(offer)
        if column == TERM:
            return term_label(offer.term)
        if column == BILLING_PLAN:
            return billing_plan_label(offer.billing_plan)
        return format_money(offer.monthly_price, offer.currency)
