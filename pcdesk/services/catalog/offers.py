"""The offer catalog: importing a price list into the database, and looking offers up.

An import writes all of its good rows in one transaction, or nothing at all (see price_list for
how a file is read and checked).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Final, TextIO

from sqlalchemy import Row, and_, insert, inspect, or_, select, text, update
from sqlalchemy.orm import Session

from pcdesk.errors import NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP
from pcdesk.models import AuditEvent, CatalogOffer
from pcdesk.models.base import utc_now
from pcdesk.models.database import Database
from pcdesk.services.catalog.price_list import (
    parse_checked,
    parse_price_list,
    source_name,
)
from pcdesk.services.catalog.price_list_format import (
    BILLING_PLANS,
    CENT,
    KEY_COLUMNS,
    OPEN_END,
    STARTER_CATALOG,
    VALUE_COLUMNS,
    PriceListError,
    PriceListItem,
    PriceListParse,
    PriceListRejected,
    PriceListUnreadable,
    RowProblem,
    catalog_message,
    parse_date,
    term_months,
)
from pcdesk.services.partner.actor import current_user


@dataclass(frozen=True)
class PriceListImport:
    """What an import did. ``kept_newer`` counts items whose stored price has later dates."""

    file_name: str
    added: int
    updated: int
    unchanged: int
    kept_newer: int
    skipped: int  # bad rows left out (only with skip_invalid)
    duplicates: int  # rows of the file replaced by a later row for the same item
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class Offer:
    """One price of the catalog: an item (product, SKU, term, billing plan) in one market."""

    id: int
    product_id: str
    sku_id: str
    product_title: str
    sku_title: str
    publisher: str
    description: str
    category: str  # the price list's Tags, e.g. "Small business"
    term: str  # P1M, P1Y, P3Y
    billing_plan: str  # Monthly, Annual, Triennial, None
    market: str
    currency: str
    unit_price: Decimal  # for the whole term
    erp_price: Decimal
    min_quantity: int
    max_quantity: int
    segment: str
    unit_of_measure: str
    effective_start: dt.datetime
    effective_end: dt.datetime | None
    end_of_sale: dt.datetime | None

    @property
    def term_months(self) -> int:
        return term_months(self.term)

    @property
    def monthly_price(self) -> Decimal:
        """The price per license per month of the term, rounded to cents."""
        return (self.unit_price / self.term_months).quantize(CENT, rounding=ROUND_HALF_UP)

    @classmethod
    def from_model(cls, offer: CatalogOffer | Row[Any]) -> Offer:
        """From a CatalogOffer, or a row of its columns (quicker to load by the thousand)."""
        return cls(
            id=offer.id,
            product_id=offer.product_id,
            sku_id=offer.sku_id,
            product_title=offer.product_title,
            sku_title=offer.sku_title,
            publisher=offer.publisher,
            description=offer.description,
            category=offer.tags,
            term=offer.term,
            billing_plan=offer.billing_plan,
            market=offer.market,
            currency=offer.currency,
            unit_price=Decimal(offer.unit_price),
            erp_price=Decimal(offer.erp_price),
            min_quantity=offer.min_quantity,
            max_quantity=offer.max_quantity,
            segment=offer.segment,
            unit_of_measure=offer.unit_of_measure,
            effective_start=offer.effective_start,
            effective_end=offer.effective_end,
            end_of_sale=offer.end_of_sale,
        )


@dataclass(frozen=True)
class OfferFacets:
    """The values the catalog's filters offer, for one market."""

    publishers: tuple[str, ...]
    billing_plans: tuple[str, ...]  # in the order Monthly, Annual, Triennial, None
    categories: tuple[str, ...]
    terms: tuple[str, ...]  # shortest first: P1M, P1Y, P3Y


# ---------------------------------------------------------------------------------------------
# Errors


def import_price_list(
    db: Database, source: Path | TextIO, *, skip_invalid: bool = False
) -> PriceListImport:
    """Add or update the catalog from a price list, in one transaction.

    An item (product, SKU, market, term, billing plan, segment) already in the catalog is updated
    when the file's dates are the same or later than the stored ones, and kept otherwise; items not
    in the file are left alone. With bad rows, raises PriceListRejected and writes nothing, unless
    ``skip_invalid``: then the good rows are imported and the bad ones counted as skipped.
    """
    return _import(db, parse_price_list(source), source_name(source), skip_invalid=skip_invalid)


def import_starter_catalog(db: Database) -> PriceListImport:
    """Import the sample catalog shipped with pcdesk (14 Microsoft offers, US and TW)."""
    resource = resources.files("pcdesk.resources") / "catalog" / STARTER_CATALOG
    parsed = parse_checked(io.StringIO(resource.read_text(encoding="utf-8-sig"), newline=""))
    return _import(db, parsed, STARTER_CATALOG, skip_invalid=False)


def _import(
    db: Database, parsed: PriceListParse, file_name: str, *, skip_invalid: bool
) -> PriceListImport:
    if parsed.problems and not skip_invalid:
        raise PriceListRejected(parsed.problems)
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    unchanged = kept_newer = 0
    with db.writing() as session:
        _lock_catalog(session)
        stored = _stored_items(session, {item.market for item in parsed.items})
        for item in parsed.items:
            values = item.values()
            existing = stored.get(item.key)
            if existing is None:
                added.append(values)
                continue
            existing_dates = (
                existing.effective_start,
                existing.effective_end or OPEN_END,
            )
            if item.dates < existing_dates:
                kept_newer += 1
            elif all(getattr(existing, name) == values[name] for name in VALUE_COLUMNS):
                unchanged += 1
            else:
                changed.append({"id": existing.id, **values})
        if added:
            session.execute(insert(CatalogOffer), added)
        if changed:
            session.execute(update(CatalogOffer), changed)
        result = PriceListImport(
            file_name=file_name,
            added=len(added),
            updated=len(changed),
            unchanged=unchanged,
            kept_newer=kept_newer,
            skipped=len(parsed.bad_lines),
            duplicates=parsed.duplicates,
            problems=parsed.problems,
        )
        session.add(
            AuditEvent(
                occurred_at=utc_now(),
                actor=current_user(db),
                action="catalog.imported",
                customer_id=None,
                details=json.dumps(
                    {
                        "file": file_name,
                        "markets": sorted({item.market for item in parsed.items}),
                        "added": result.added,
                        "updated": result.updated,
                        "unchanged": result.unchanged,
                        "kept_newer": result.kept_newer,
                        "skipped": result.skipped,
                        "duplicates": result.duplicates,
                    }
                ),
            )
        )
    return result


def _lock_catalog(session: Session) -> None:
    """On PostgreSQL, one import at a time (readers are not blocked), so the keys stay valid."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE catalog_offer IN SHARE ROW EXCLUSIVE MODE"))


def _stored_items(session: Session, markets: Iterable[str]) -> dict[tuple[Any, ...], Row[Any]]:
    """The catalog's items of these markets, by key, in one query."""
    market_list = sorted(markets)
    if not market_list:
        return {}
    columns = [getattr(CatalogOffer, name) for name in ("id", *VALUE_COLUMNS)]
    rows = session.execute(select(*columns).where(CatalogOffer.market.in_(market_list)))
    return {tuple(getattr(row, name) for name in KEY_COLUMNS): row for row in rows}


# ---------------------------------------------------------------------------------------------
# Looking offers up


def _effective(at: dt.datetime | None) -> Any:
    moment = at if at is not None else utc_now()
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where a UTC timestamp is required")
    return and_(
        CatalogOffer.effective_start <= moment,
        or_(CatalogOffer.effective_end.is_(None), CatalogOffer.effective_end >= moment),
    )


def _term_order(term: str) -> tuple[int, str]:
    try:
        return (term_months(term), term)
    except ValueError:
        return (1_000_000, term)


def _plan_order(plan: str) -> tuple[int, str]:
    return (BILLING_PLANS.index(plan) if plan in BILLING_PLANS else len(BILLING_PLANS), plan)


def _offer_order(offer: Offer) -> tuple[Any, ...]:
    return (
        offer.product_title.casefold(),
        offer.product_title,
        _term_order(offer.term),
        offer.sku_title.casefold(),
        _plan_order(offer.billing_plan),
        offer.segment,
        offer.id,
    )


_SEARCHED: Final = (
    CatalogOffer.product_title,
    CatalogOffer.sku_title,
    CatalogOffer.product_id,
    CatalogOffer.sku_id,
    CatalogOffer.description,
)


def list_offers(
    db: Database,
    *,
    market: str,
    search: str = "",
    publisher: str | None = None,
    billing_plan: str | None = None,
    category: str | None = None,
    term: str | None = None,
    at: dt.datetime | None = None,
) -> tuple[Offer, ...]:
    """The offers of ``market`` effective at ``at`` (default: now), filtered, sorted by product
    title, then term (shortest first).

    ``search`` is split into words; each word must appear (case-insensitively) in the product or
    SKU title, the product or SKU id, or the description. A filter left at None is not applied.
    """
    query = select(*inspect(CatalogOffer).columns).where(
        CatalogOffer.market == market.strip().upper(), _effective(at)
    )
    for word in search.split():
        query = query.where(or_(*(column.icontains(word, autoescape=True) for column in _SEARCHED)))
    if publisher is not None:
        query = query.where(CatalogOffer.publisher == publisher)
    if billing_plan is not None:
        query = query.where(CatalogOffer.billing_plan == billing_plan)
    if category is not None:
        query = query.where(CatalogOffer.tags == category)
    if term is not None:
        query = query.where(CatalogOffer.term == term)
    with db.reading() as session:
        offers = [Offer.from_model(row) for row in session.execute(query)]
    return tuple(sorted(offers, key=_offer_order))


def offer_facets(db: Database, market: str, *, at: dt.datetime | None = None) -> OfferFacets:
    """Publishers, billing plans, categories and terms of the market's offers effective at ``at``."""
    where = (CatalogOffer.market == market.strip().upper(), _effective(at))
    with db.reading() as session:

        def values(column: Any) -> list[str]:
            return [
                value for value in session.scalars(select(column).distinct().where(*where)) if value
            ]

        publishers = values(CatalogOffer.publisher)
        plans = values(CatalogOffer.billing_plan)
        categories = values(CatalogOffer.tags)
        terms = values(CatalogOffer.term)
    return OfferFacets(
        publishers=tuple(sorted(publishers, key=lambda value: (value.casefold(), value))),
        billing_plans=tuple(sorted(plans, key=_plan_order)),
        categories=tuple(sorted(categories, key=lambda value: (value.casefold(), value))),
        terms=tuple(sorted(terms, key=_term_order)),
    )


def get_offer(db: Database, offer_id: int) -> Offer:
    """One offer by id, whatever its dates; NotFound if there is none."""
    with db.reading() as session:
        offer = session.get(CatalogOffer, offer_id)
        if offer is None:
            raise NotFound(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "The offer {offer_id} is not in the catalog."),
                    offer_id=offer_id,
                )
            )
        return Offer.from_model(offer)


def markets(db: Database) -> tuple[str, ...]:
    """The markets the catalog has prices for, alphabetically."""
    with db.reading() as session:
        found = session.scalars(select(CatalogOffer.market).distinct())
        return tuple(sorted(found))


__all__ = [
    "Offer",
    "OfferFacets",
    "PriceListError",
    "PriceListImport",
    "PriceListItem",
    "PriceListParse",
    "PriceListRejected",
    "PriceListUnreadable",
    "RowProblem",
    "get_offer",
    "import_price_list",
    "import_starter_catalog",
    "list_offers",
    "markets",
    "offer_facets",
    "parse_date",
    "parse_price_list",
    "term_months",
]
