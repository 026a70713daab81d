"""What the customer list is asked for (a query: search, filters, order) and what it shows (its
rows), as SQL: the sort columns and indexes, the filters' conditions, the row's columns. The list's
plans (query.py, sqlite_plans.py, postgresql_plans.py) are built from these."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_

from pcdesk.models import (
    AgreementStatus,
    Customer,
    Relationship,
    RelationshipRequest,
    RequestStatus,
)
from pcdesk.services.customer_list.search import Search
from pcdesk.services.customers.details import ONMICROSOFT


class SortKey(enum.StrEnum):
    """The list's sortable columns, in the order the table shows them."""

    COMPANY_NAME = "company_name"
    DOMAIN = "domain"
    MICROSOFT_ID = "microsoft_id"
    COUNTRY = "country"
    RELATIONSHIP = "relationship"
    INDIRECT_RESELLER = "indirect_reseller"
    SUBSCRIPTIONS = "active_subscriptions"
    AGREEMENT = "agreement"
    CREATED_AT = "created_at"
    TAGS = "tags"


class RelationshipFilter(enum.StrEnum):
    ACTIVE = "active"  # a relationship of any kind
    PENDING = "pending"  # a relationship request sent and not yet accepted or cancelled
    FORMER = "former"  # the relationship was removed; the record and its history stay


class AgreementFilter(enum.StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"  # the customer will accept in the Microsoft 365 admin center
    NONE = "none"  # no attestation recorded


NO_RESELLER = 0  # CustomerQuery.indirect_reseller_id for "customers the partner bills directly"

# What each sort orders by before the id; each tuple (plus id) is an index (models/customer.py).
# Company names sort by their collation key (zh-TW's order: models/collation.py), and so do
# categorical columns within a value: more useful than by id alone.
SORT_COLUMNS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.COMPANY_NAME: (Customer.collation_key,),
    SortKey.DOMAIN: (Customer.domain_prefix,),
    SortKey.MICROSOFT_ID: (Customer.microsoft_id,),
    SortKey.COUNTRY: (Customer.country, Customer.collation_key),
    SortKey.RELATIONSHIP: (Customer.relationship, Customer.collation_key),
    SortKey.INDIRECT_RESELLER: (Customer.reseller_name, Customer.collation_key),
    SortKey.SUBSCRIPTIONS: (Customer.active_subscriptions,),
    SortKey.AGREEMENT: (Customer.agreement_status, Customer.collation_key),
    SortKey.CREATED_AT: (Customer.created_at,),
    SortKey.TAGS: (Customer.tags,),
}


# The index each sort walks (models/customer.py); SQLite is told to use it when a search matches
# many customers, and told not to when it matches few (see _search_order).
SORT_INDEXES: dict[SortKey, str] = {
    SortKey.COMPANY_NAME: "ix_customer_collation_key",
    SortKey.DOMAIN: "ix_customer_domain_sort",
    SortKey.MICROSOFT_ID: "ix_customer_microsoft_id_sort",
    SortKey.COUNTRY: "ix_customer_country",
    SortKey.RELATIONSHIP: "ix_customer_relationship",
    SortKey.INDIRECT_RESELLER: "ix_customer_reseller_sort",
    SortKey.SUBSCRIPTIONS: "ix_customer_subscriptions_sort",
    SortKey.AGREEMENT: "ix_customer_agreement_sort",
    SortKey.CREATED_AT: "ix_customer_created_at",
    SortKey.TAGS: "ix_customer_tags_sort",
}
FIRST_PAGES = 200  # the rows of the list's first page


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: a search text and filters (empty means everyone), and an order."""

    text: str = ""
    country: str | None = None
    status: RelationshipFilter | None = None
    indirect_reseller_id: int | None = None  # NO_RESELLER: only customers without one
    sort: SortKey = SortKey.COMPANY_NAME
    descending: bool = False
    agreement: AgreementFilter | None = None
    tag: str | None = None  # one of the customer's comma-separated tags, whole, any case
    ids: frozenset[int] | None = None  # only these customers (an export of the selected rows)

    @property
    def is_filtered(self) -> bool:
        """True when the query leaves some customers out."""
        return bool(
            self.text.strip()
            or self.country
            or self.status is not None
            or self.indirect_reseller_id is not None
            or self.agreement is not None
            or self.tag
            or self.ids is not None
        )


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
    # The row's values of the query's sort columns, id last: where the next page starts.
    key: tuple[Any, ...]


def sort_columns(query: CustomerQuery) -> tuple[Any, ...]:
    return (*SORT_COLUMNS[query.sort], Customer.id)


def filter_conditions(query: CustomerQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.country:
        conditions.append(Customer.country == query.country)
    if query.status is RelationshipFilter.ACTIVE:
        conditions.append(Customer.relationship != Relationship.NONE)
    elif query.status is RelationshipFilter.FORMER:
        conditions.append(Customer.relationship == Relationship.NONE)
    elif query.status is RelationshipFilter.PENDING:
        pending = select(RelationshipRequest.customer_id).where(
            RelationshipRequest.status == RequestStatus.PENDING,
            RelationshipRequest.customer_id.is_not(None),
        )
        conditions.append(Customer.id.in_(pending))
    if query.agreement is AgreementFilter.NONE:
        conditions.append(Customer.agreement_status == "")
    elif query.agreement is not None:
        conditions.append(Customer.agreement_status == query.agreement.value)
    if query.tag:
        # Tags are stored as "a, b, c": match one whole tag, whatever its case.
        padded = ", " + func.lower(Customer.tags) + ","
        conditions.append(padded.contains(", " + query.tag.strip().lower() + ",", autoescape=True))
    if query.ids is not None:
        conditions.append(Customer.id.in_(sorted(query.ids)))
    if query.indirect_reseller_id == NO_RESELLER:
        conditions.append(Customer.indirect_reseller_id.is_(None))
    elif query.indirect_reseller_id is not None:
        conditions.append(Customer.indirect_reseller_id == query.indirect_reseller_id)
    return conditions


def searched_text(query: CustomerQuery) -> str:
    text = query.text.strip()
    # The list shows "contoso.onmicrosoft.com": a pasted domain finds its prefix.
    if text.casefold().endswith(ONMICROSOFT):
        text = text[: -len(ONMICROSOFT)]
    return text


@dataclass(frozen=True)
class ListPlan:
    """A query's WHERE clause, worked out once and reused for its count and each of its pages.

    Planning a search may ask the index's vocabulary and count its matches (milliseconds, not
    nothing): the list plans once per query, not once per page.
    """

    conditions: tuple[ColumnElement[bool], ...]
    search: Search
    counted: int | None = None  # the rows PostgreSQL's probe counted (all the conditions)

    @property
    def count(self) -> int | None:
        """The number of rows, when the probe counted them, or the search index did and
        nothing else filters."""
        if self.counted is not None:
            return self.counted
        if self.search.matches is not None and len(self.conditions) == 1:
            return self.search.matches
        return None


def row_columns(query: CustomerQuery) -> tuple[Any, ...]:
    return (
        Customer.id,
        Customer.microsoft_id,
        Customer.company_name,
        Customer.domain_prefix,
        Customer.country,
        Customer.relationship,
        Customer.reseller_name,
        Customer.active_subscriptions,
        Customer.agreement_status,
        Customer.created_at,
        Customer.tags,
        *sort_columns(query),
    )


def to_row(row: Sequence[Any]) -> CustomerRow:
    agreement = row[8]
    return CustomerRow(
        id=row[0],
        microsoft_id=row[1],
        company_name=row[2],
        domain=row[3] + ONMICROSOFT,
        country=row[4],
        relationship=row[5],
        indirect_reseller=row[6],
        active_subscriptions=int(row[7]),
        agreement=AgreementStatus(agreement) if agreement else None,
        created_at=row[9],
        tags=row[10],
        key=tuple(row[11:]),
    )


def beyond(query: CustomerQuery, key: Sequence[Any], *, reverse: bool) -> ColumnElement[bool]:
    """Rows after ``key`` in the query's order (before it when ``reverse``)."""
    columns, values = tuple_(*sort_columns(query)), tuple_(*key)
    return columns < values if query.descending != reverse else columns > values


def rows_of_ids(query: CustomerQuery, ids: Any, *, descending: bool) -> Select[Any]:
    """The list's rows of the customers a subquery of ids names (a page found on another table),
    in the query's order (``descending``: the order read, the list's or its reverse)."""
    return (
        select(*row_columns(query))
        .join(ids, Customer.id == ids.c.id)
        .order_by(*(c.desc() if descending else c.asc() for c in sort_columns(query)))
    )


def by_name_on_search_alone(query: CustomerQuery, plan: ListPlan) -> bool:
    """Whether the list is sorted by company name and the search is its only condition: its
    pages can then be read off a table of the search's own that holds the name's key."""
    return query.sort is SortKey.COMPANY_NAME and search_alone(plan)


def search_alone(plan: ListPlan) -> bool:
    """Whether the plan's search is its only condition."""
    return len(plan.conditions) == 1 and plan.conditions[0] is plan.search.condition


def ids_by_name(
    keys: tuple[Any, Any],
    conditions: Sequence[ColumnElement[bool]],
    *,
    descending: bool,
    limit: int,
    skip: int = 0,
    bound: Sequence[Any] | None = None,
    extra: Sequence[Any] = (),
) -> Select[Any]:
    """The ids of a page of a search table's rows that pass ``conditions``, in company-name
    order on the table's own ``keys`` (its collation key and id): after ``bound`` (a row's key,
    in the order read) if given, else from the ``skip``-th; ``extra``: more columns to return."""
    if bound is not None:
        key, bound_key = tuple_(*keys), tuple_(*bound)
        conditions = [*conditions, key < bound_key if descending else key > bound_key]
    return (
        select(keys[1], *extra)
        .where(*conditions)
        .order_by(*(c.desc() if descending else c.asc() for c in keys))
        .offset(skip)
        .limit(limit)
    )
