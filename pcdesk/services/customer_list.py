"""The customer list: counting, filtering, sorting and paging, all in SQL.

Nothing here touches every customer in Python: a count is one ``count(*)``, a page is one query
that selects the page's ids on an index and then joins what the columns show for those ids only.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.sql.elements import KeyedColumnElement, UnaryExpression

from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    Customer,
    IndirectReseller,
    Relationship,
    Subscription,
    SubscriptionStatus,
    fold,
)
from pcdesk.models.database import Database
from pcdesk.services.customer_details import ONMICROSOFT


class SortKey(enum.StrEnum):
    COMPANY_NAME = "company_name"
    DOMAIN = "domain"
    MICROSOFT_ID = "microsoft_id"
    COUNTRY = "country"
    CREATED_AT = "created_at"


_SORT_COLUMNS: dict[SortKey, KeyedColumnElement[object]] = {
    SortKey.COMPANY_NAME: Customer.name_key,  # type: ignore[dict-item]
    SortKey.DOMAIN: Customer.domain_prefix,  # type: ignore[dict-item]
    SortKey.MICROSOFT_ID: Customer.microsoft_id,  # type: ignore[dict-item]
    SortKey.COUNTRY: Customer.country,  # type: ignore[dict-item]
    SortKey.CREATED_AT: Customer.created_at,  # type: ignore[dict-item]
}


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: a search text and filters; empty means everyone."""

    text: str = ""
    country: str | None = None
    relationship: Relationship | None = None
    indirect_reseller_id: int | None = None
    sort: SortKey = SortKey.COMPANY_NAME
    descending: bool = False


@dataclass(frozen=True)
class CustomerRow:
    id: int
    microsoft_id: str
    company_name: str
    domain: str
    country: str
    relationship: Relationship
    indirect_reseller: str
    active_subscriptions: int
    agreement: AgreementStatus | None
    created_at: dt.datetime
    tags: str


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(query: CustomerQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    needle = fold(query.text.strip())
    if needle:
        pattern = f"%{_escape_like(needle)}%"
        # The list shows "contoso.onmicrosoft.com": a pasted domain finds its prefix.
        domain = needle.removesuffix(ONMICROSOFT) if needle.endswith(ONMICROSOFT) else needle
        conditions.append(
            or_(
                Customer.name_key.like(pattern, escape="\\"),
                Customer.domain_prefix.like(f"%{_escape_like(domain)}%", escape="\\"),
                Customer.microsoft_id.like(pattern, escape="\\"),
            )
        )
    if query.country:
        conditions.append(Customer.country == query.country)
    if query.relationship is not None:
        conditions.append(Customer.relationship == query.relationship)
    if query.indirect_reseller_id is not None:
        conditions.append(Customer.indirect_reseller_id == query.indirect_reseller_id)
    return conditions


def count_customers(db: Database, query: CustomerQuery = CustomerQuery()) -> int:
    with db.session_factory() as session:
        statement = select(func.count()).select_from(Customer).where(*_conditions(query))
        return int(session.execute(statement).scalar_one())


def _order(query: CustomerQuery) -> tuple[UnaryExpression[Any], ...]:
    column = _SORT_COLUMNS[query.sort]
    if query.descending:
        return (column.desc(), Customer.id.desc())
    return (column.asc(), Customer.id.asc())


def _page_ids(query: CustomerQuery, offset: int, limit: int) -> Select[int]:
    return (
        select(Customer.id)
        .where(*_conditions(query))
        .order_by(*_order(query))
        .offset(offset)
        .limit(limit)
    )


def customer_page(
    db: Database, query: CustomerQuery = CustomerQuery(), *, offset: int = 0, limit: int = 100
) -> tuple[CustomerRow, ...]:
    """Rows ``offset`` to ``offset + limit`` of the list in the query's order (ties by id)."""
    page = _page_ids(query, offset, limit).subquery("page")
    active = (
        select(func.count())
        .where(
            and_(
                Subscription.customer_id == Customer.id,
                Subscription.status == SubscriptionStatus.ACTIVE,
            )
        )
        .correlate(Customer)
        .scalar_subquery()
    )
    agreement = (
        select(AgreementAcceptance.status)
        .where(AgreementAcceptance.customer_id == Customer.id)
        .order_by(AgreementAcceptance.recorded_at.desc(), AgreementAcceptance.id.desc())
        .limit(1)
        .correlate(Customer)
        .scalar_subquery()
    )
    statement = (
        select(
            Customer.id,
            Customer.microsoft_id,
            Customer.company_name,
            Customer.domain_prefix,
            Customer.country,
            Customer.relationship,
            func.coalesce(IndirectReseller.name, ""),
            active,
            agreement,
            Customer.created_at,
            Customer.tags,
        )
        .join(page, page.c.id == Customer.id)
        .outerjoin(IndirectReseller, IndirectReseller.id == Customer.indirect_reseller_id)
        .order_by(*_order(query))
    )
    with db.session_factory() as session:
        rows = session.execute(statement).all()
    return tuple(
        CustomerRow(
            id=row[0],
            microsoft_id=row[1],
            company_name=row[2],
            domain=row[3] + ONMICROSOFT,
            country=row[4],
            relationship=row[5],
            indirect_reseller=row[6],
            active_subscriptions=int(row[7] or 0),
            agreement=None if row[8] is None else AgreementStatus(row[8]),
            created_at=row[9],
            tags=row[10],
        )
        for row in rows
    )


def customer_position(
    db: Database, customer_id: int, query: CustomerQuery = CustomerQuery()
) -> int | None:
    """The row a customer is on in the list (0-based), or None when the query leaves it out.

    One count over the sort index of the rows before it, so selecting a customer just added
    costs the same at any size of list.
    """
    column = _SORT_COLUMNS[query.sort]
    with db.session_factory() as session:
        found = session.execute(
            select(column).where(Customer.id == customer_id, *_conditions(query))
        ).first()
        if found is None:
            return None
        value = found[0]
        if query.descending:
            before = or_(column > value, and_(column == value, Customer.id > customer_id))
        else:
            before = or_(column < value, and_(column == value, Customer.id < customer_id))
        statement = select(func.count()).select_from(Customer).where(*_conditions(query), before)
        return int(session.execute(statement).scalar_one())
