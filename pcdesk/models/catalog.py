"""Offers of the price list: what can be sold, in which market, at what price."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime

# Prices are Decimal end to end: Numeric in the database, never a float in Python.
Money = Numeric(18, 4, asdecimal=True)


class CatalogOffer(Base):
    __tablename__ = "catalog_offer"
    __table_args__ = (
        # One price per item; a price list naming the same item twice keeps the latest dates.
        UniqueConstraint(
            "product_id",
            "sku_id",
            "market",
            "term",
            "billing_plan",
            "segment",
            name="uq_offer_item",
        ),
        CheckConstraint(
            "min_quantity >= 0 AND max_quantity >= min_quantity", name="quantity_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[str] = mapped_column(String(20))  # e.g. CFQ7TTC0LH18
    sku_id: Mapped[str] = mapped_column(String(8))  # text: "0001", "000P"
    product_title: Mapped[str] = mapped_column(String(255))
    sku_title: Mapped[str] = mapped_column(String(255))
    publisher: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    unit_of_measure: Mapped[str] = mapped_column(String(50), default="")
    tags: Mapped[str] = mapped_column(String(255), default="")  # category, e.g. "Small business"
    term: Mapped[str] = mapped_column(String(8))  # ISO 8601 duration: P1M, P1Y, P3Y
    billing_plan: Mapped[str] = mapped_column(String(16))  # Monthly, Annual, Triennial, None
    market: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    unit_price: Mapped[Decimal] = mapped_column(Money)  # for the whole term
    erp_price: Mapped[Decimal] = mapped_column(Money)
    min_quantity: Mapped[int] = mapped_column(default=1)
    max_quantity: Mapped[int]
    effective_start: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    effective_end: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    end_of_sale: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    segment: Mapped[str] = mapped_column(String(32), default="Commercial")


Index("ix_catalog_offer_market", CatalogOffer.market, CatalogOffer.product_title)
