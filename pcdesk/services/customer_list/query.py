"""The customer list: counting, filtering, sorting and paging, all in SQL on indexes.

Nothing here touches every customer in Python. A count is one ``count(*)``; a search is a trigram
index lookup (customer_search.py); a page is one query on the sort column's index, found by
keyset (the rows after or before a known row: what scrolling asks for) or else by an offset
counted from the nearer end of the list (what dragging the scroll bar or jumping to the end asks
for). Every order ends in the customer's id, so it is total and pages join up exactly.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, func, null, select, tuple_, union_all
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from pcdesk.models import (
    AgreementStatus,
    Customer,
    Relationship,
    RelationshipRequest,
    RequestStatus,
)
from pcdesk.models.database import Database
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.search import Search, plan_search, substring_test
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
_SORT_COLUMNS: dict[SortKey, tuple[Any, ...]] = {
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
_SORT_INDEXES: dict[SortKey, str] = {
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
# Up to this many matches, reading them all and sorting is quicker than walking the sort index
# until a page of them turns up (matches cluster: Chinese names all sort after Latin ones).
SORT_MATCHES_UP_TO = 20_000
# SQLite: from this many matches on, whether to sort them or walk the sort index is estimated from
# a sample of them (see _sort_if_clustered): spread along the index, 18,000 matches ("nor" at 1M)
# give a page after 11,000 entries (11 ms), where sorting them takes 27 ms.
ESTIMATE_FROM_MATCHES = 2_000
# PostgreSQL: a broad search's page is looked for among this many rows along the sort index
# before its matches are read and sorted instead (see _walk).
WALK_UP_TO = 50_000
# PostgreSQL: a search's first page is looked for among this many rows along the sort index
# before its matches are counted (see _probe): 4% of the rows matching finds the list's page of
# 200. Along the company name, whose index holds search_text (migration 0008), four times as many
# entries cost less than those rows (1% finds the page).
PROBE_WALK_UP_TO = 5_000
PROBE_WALK_NAMES_UP_TO = 20_000
# From this offset on, PostgreSQL counts the rows it skips on the sort index (see _deferred).
DEFER_FROM_OFFSET = 1_000
# SQLite, a search of more than ESTIMATE_FROM_MATCHES matches: where along the sort index its
# first pages end is estimated from this many of them, and how far along the index that is from
# this many customers (see _sort_if_clustered).
SAMPLE_MATCHES = 256
SAMPLE_CUSTOMERS = 1_024
# Walking the sort index testing ids against the index's list of matches costs about 0.3 µs an
# entry at a million, sorting the matches by name about 1 µs a match (each match's key is read
# from the index of migration 0010): the matches are sorted when more than this many entries per
# match come before the first pages end.
SORT_FROM_ENTRIES_PER_MATCH = 3.0
# SQLite: the index holding each customer's company-name key by id (migration 0010)
_NAME_KEY_BY_ID = "ix_customer_id_collation"
_FIRST_PAGES = 200  # the rows of the list's first page


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


def _sort_columns(query: CustomerQuery) -> tuple[Any, ...]:
    return (*_SORT_COLUMNS[query.sort], Customer.id)


def _filter_conditions(query: CustomerQuery) -> list[ColumnElement[bool]]:
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


def _search_text(query: CustomerQuery) -> str:
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


def _plan(
    session: Session, query: CustomerQuery, *, first_rows: int = 0
) -> tuple[ListPlan, tuple[CustomerRow, ...] | None]:
    """The query's plan, and its first ``first_rows`` rows when the planning query gave them."""
    conditions = _filter_conditions(query)
    search = plan_search(session, _search_text(query))
    if search.expression and (search.matches or 0) > ESTIMATE_FROM_MATCHES:
        search = _sort_if_clustered(session, query, search)
    if search.condition is not None:
        conditions.append(search.condition)
    plan = ListPlan(tuple(conditions), search)
    if not search.probe:
        return plan, None
    return _probe(session, query, plan, first_rows)


def _sort_if_clustered(session: Session, query: CustomerQuery, search: Search) -> Search:
    """SQLite, a search of many matches: the same search, either walking the sort index
    (``walk``) or with its matches sorted (``sort_matches``), whichever reads less.

    Many matches usually spread along the index ("co", "gmbh"), but they may cluster far along
    it ("公司": Chinese names sort after all the Latin ones), and the walk would then pass most
    of the index first. Where the first pages end is estimated from a sample of the matches, and
    how many index entries come before that place from a sample of all the customers (both the
    lowest ids, which say nothing of where a customer sorts): a millisecond, where counting the
    entries took up to 40 ms at a million.
    """
    assert search.matches is not None
    columns = _sort_columns(query)
    sample = (
        select(*columns)
        .where(Customer.id.in_(customer_search.sample_ids(search, SAMPLE_MATCHES)))
        .subquery()
    )
    sampled = min(SAMPLE_MATCHES, search.matches)
    rank = min(sampled, max(1, -(-_FIRST_PAGES * sampled // search.matches)))
    order = [c.desc() if query.descending else c.asc() for c in sample.c]
    statement = select(*sample.c).order_by(*order).offset(rank - 1).limit(1)
    page_end = session.execute(statement).first()
    if page_end is None:  # (the matches went meanwhile)
        return replace(search, walk=True)
    everyone = select(*columns).order_by(Customer.id).limit(SAMPLE_CUSTOMERS)
    if query.sort is SortKey.COMPANY_NAME:  # its keys by id, without reading the rows
        everyone = everyone.with_hint(Customer, f"INDEXED BY {_NAME_KEY_BY_ID}", "sqlite")
    others = everyone.subquery()
    key, ahead = tuple_(*others.c), tuple_(*page_end)
    before = select(func.count()).where(key > ahead if query.descending else key < ahead)
    counts = select(before.select_from(others).scalar_subquery(), func.max(Customer.id))
    sampled_before, highest = session.execute(counts).one()
    customers = max(int(highest or 0), 1)  # about how many there are (ids deleted, at most)
    entries = int(sampled_before) * customers / min(SAMPLE_CUSTOMERS, customers)
    if entries < search.matches * SORT_FROM_ENTRIES_PER_MATCH:
        return replace(search, walk=True)
    return replace(search, condition=customer_search.matching(search), sort_matches=True)


def _probe(
    session: Session, query: CustomerQuery, plan: ListPlan, first_rows: int
) -> tuple[ListPlan, tuple[CustomerRow, ...] | None]:
    """PostgreSQL: the first rows of a search, and with few matches, their count.

    One query (one round trip) first walks the sort index for at most PROBE_WALK_UP_TO rows,
    keeping the matches: a broad search finds its first page there at once, and is counted
    apart. Only when the page is not there does the same query count the matching rows up to
    COUNT_MATCHES_UP_TO (a trigram index scan, or a scan that stops as soon as that many turned
    up) and sort them: when they are all there, the count is the list's and the first rows are
    its first page. Counting first would read up to that many rows of a broad search for
    nothing (a bitmap heap scan of 12,000 blocks for "con" at 1M, where the walk reads 100).
    """
    most = customer_search.COUNT_MATCHES_UP_TO
    limit = max(1, first_rows)
    walk_up_to = PROBE_WALK_UP_TO
    if query.sort is SortKey.COMPANY_NAME:
        walk_up_to = PROBE_WALK_NAMES_UP_TO
    if not first_rows:  # no page wanted: only the count
        walk_up_to = 0
    walk = _walk_page(query, plan, [], limit, up_to=walk_up_to, reverse=False).cte("walk")
    walked = select(*walk.c, null().label("matches"))
    columns = _row_columns(query)
    found = (
        select(*(column.label(f"c{n}") for n, column in enumerate(columns)))
        .where(*plan.conditions)
        .limit(most + 1)
        .subquery()
    )
    inner = list(found.c)
    sort = inner[len(columns) - len(_sort_columns(query)) :]
    order = [c.desc() if query.descending else c.asc() for c in sort]
    not_walked = select(func.count()).select_from(walk).scalar_subquery() < limit
    counted = (
        select(*inner, func.count().over().label("matches"))
        .where(not_walked)  # a one-time filter: when false, nothing is counted
        .order_by(*order)
        .limit(limit)
        .subquery()
    )
    both = union_all(walked, select(*counted.c)).subquery()
    in_order = [
        c.desc() if query.descending else c.asc()
        for c in list(both.c)[len(inner) - len(sort) : len(inner)]
    ]
    rows = session.execute(select(*both.c).order_by(*in_order)).all()
    probed = [row for row in rows if row[-1] is not None]
    if not probed and len(rows) >= limit:  # broad: the walk found the page
        return plan, tuple(_to_row(row[:-1]) for row in rows[:first_rows])
    matches = int(probed[0][-1]) if probed else 0
    if matches > most:
        return plan, None
    search = replace(plan.search, matches=matches)
    return ListPlan(plan.conditions, search, counted=matches), tuple(
        _to_row(row[:-1]) for row in probed[:first_rows]
    )


def first_page(
    db: Database, query: CustomerQuery = CustomerQuery(), *, limit: int = 100
) -> tuple[ListPlan, tuple[CustomerRow, ...]]:
    """The query's plan and its first ``limit`` rows: what a list shows first. On PostgreSQL a
    search with few matches is planned, counted and paged by one query (one round trip)."""
    with db.reading() as session:
        plan, rows = _plan(session, query, first_rows=limit)
        if rows is None:
            rows = _page(session, query, plan, offset=0, limit=limit)
    return plan, rows


def plan_list(db: Database, query: CustomerQuery = CustomerQuery()) -> ListPlan:
    """The plan of ``query``, to pass to ``customer_page``, ``count_customers`` and
    ``customer_position`` while the data has not changed much (a stale plan still gives the right
    rows; only its choice of index may be worse)."""
    with db.reading() as session:
        return _plan(session, query)[0]


def list_conditions(query: CustomerQuery) -> list[ColumnElement[bool]]:
    """The WHERE clause of the list, for work that reads it in the background (export).

    The search part is a portable substring test on ``search_text``: the same rows as the list
    finds through its index, at the cost of a scan, which a background job can afford.
    """
    conditions = _filter_conditions(query)
    searched = plan_search(None, _search_text(query)).condition
    if searched is not None:
        conditions.append(searched)
    return conditions


class CountCancelled(Exception):
    """The count was stopped through the canceller ``count_customers`` handed out."""


class _Canceller:
    """Stops a count running on one connection, from another thread, and never anything else:
    once the count is over, the connection goes back to the pool and must not be interrupted."""

    def __init__(self, session: Session) -> None:
        raw = session.connection().connection.dbapi_connection
        # sqlite3 has interrupt(), psycopg has cancel(): both are made to be called from another
        # thread while a statement runs.
        self._stop: Callable[[], None] | None = getattr(raw, "interrupt", None) or getattr(
            raw, "cancel", None
        )
        self._lock = threading.Lock()
        self._running = False
        self.cancelled = False

    def __call__(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._running and self._stop is not None:
                self._stop()

    def run(self, session: Session, statement: Select[Any]) -> int:
        with self._lock:
            if self.cancelled:
                raise CountCancelled
            self._running = True
        try:
            return int(session.execute(statement).scalar_one())
        except DBAPIError as exc:
            if self.cancelled:
                raise CountCancelled from exc
            raise
        finally:
            with self._lock:
                self._running = False


def count_customers(
    db: Database,
    query: CustomerQuery = CustomerQuery(),
    *,
    plan: ListPlan | None = None,
    on_start: Callable[[Callable[[], None]], None] | None = None,
) -> int:
    """How many customers ``query`` lists (``plan``: its plan, if already made).

    A broad search takes a while to count at a million customers: ``on_start`` is given a
    function that stops the count, for when the user has typed on meanwhile; the count then
    raises CountCancelled.
    """
    with db.reading() as session:
        plan = plan or _plan(session, query)[0]
        if plan.count is not None:  # the search index or the probe counted them
            return plan.count
        if len(plan.conditions) == 1:  # a broad search (SQLite), and nothing else filters
            counted = customer_search.count_matches(session, plan.search)
            if counted is not None:
                return counted
        statement = select(func.count()).select_from(Customer).where(*plan.conditions)
        if on_start is None:
            return int(session.execute(statement).scalar_one())
        canceller = _Canceller(session)
        on_start(canceller)
        return canceller.run(session, statement)


def _row_columns(query: CustomerQuery) -> tuple[Any, ...]:
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
        *_sort_columns(query),
    )


def _to_row(row: Sequence[Any]) -> CustomerRow:
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


def _ordered(
    statement: Select[Any], query: CustomerQuery, search: Search, *, reverse: bool
) -> Select[Any]:
    descending = query.descending != reverse
    columns: tuple[Any, ...] = _sort_columns(query)
    if search.condition is not None:
        statement, columns = _search_order(statement, query, search, columns)
    return statement.order_by(*(c.desc() if descending else c.asc() for c in columns))


def _sorts_matches(search: Search) -> bool:
    """Whether a searched page reads the search's matches and sorts them, rather than walking
    the sort index keeping the rows that match.

    Few matches, or on SQLite many found far along the sort index (_sort_if_clustered): they are
    sorted (on PostgreSQL, the probe of search.py counted them). Many spread along the index, or
    unknown, or a short needle in most rows (search.walk): a page of them turns up quickly
    along the index.
    """
    if search.walk:
        return False
    return search.sort_matches or (
        search.matches is not None and search.matches <= SORT_MATCHES_UP_TO
    )


def _search_order(
    statement: Select[Any], query: CustomerQuery, search: Search, columns: tuple[Any, ...]
) -> tuple[Select[Any], tuple[Any, ...]]:
    """The plan for a searched page (see _sorts_matches): coalesce(x, x) sorts as x but cannot use
    an index; a walk follows the sort column's index (SQLite is told to; PostgreSQL's planner
    does so by itself)."""
    if _sorts_matches(search):
        return statement, tuple(func.coalesce(c, c) for c in columns[:-1]) + columns[-1:]
    hint = f"INDEXED BY {_SORT_INDEXES[query.sort]}"
    return statement.with_hint(Customer, hint, "sqlite"), columns


def _sorted_by_name_key(
    query: CustomerQuery,
    plan: ListPlan,
    keyset: list[ColumnElement[bool]],
    skip: int,
    limit: int,
    *,
    reverse: bool,
) -> Select[Any]:
    """SQLite, a search whose matches are sorted by company name and nothing else filters: the
    page is found among the matches' keys in the index of migration 0010 (a match costs half of
    reading its row), and only the page's rows are read."""
    descending = query.descending != reverse
    key, by_id = _sort_columns(query)
    order = [c.desc() if descending else c.asc() for c in (func.coalesce(key, key), by_id)]
    page = (
        select(Customer.id)
        .with_hint(Customer, f"INDEXED BY {_NAME_KEY_BY_ID}", "sqlite")
        .where(*plan.conditions, *keyset)
        .order_by(*order)
        .offset(skip)
        .limit(limit)
    )
    in_order = [c.desc() if descending else c.asc() for c in (key, by_id)]
    return select(*_row_columns(query)).where(Customer.id.in_(page)).order_by(*in_order)


def _beyond(query: CustomerQuery, key: Sequence[Any], *, reverse: bool) -> ColumnElement[bool]:
    """Rows after ``key`` in the query's order (before it when ``reverse``)."""
    columns, values = tuple_(*_sort_columns(query)), tuple_(*key)
    return columns < values if query.descending != reverse else columns > values


def customer_page(
    db: Database,
    query: CustomerQuery = CustomerQuery(),
    *,
    offset: int = 0,
    limit: int = 100,
    total: int | None = None,
    after: Sequence[Any] | None = None,
    before: Sequence[Any] | None = None,
    plan: ListPlan | None = None,
) -> tuple[CustomerRow, ...]:
    """Rows ``offset`` to ``offset + limit`` of the list in the query's order.

    ``after`` (or ``before``) is the ``key`` of the row just before (after) the page: the page is
    then found on the index from there, at the same cost anywhere in the list, and ``offset`` is
    not used. Without either, ``total`` (the query's count) lets a page in the second half be
    counted from the end, so the last page costs what the first does. ``plan``: the query's plan,
    if already made.
    """
    with db.reading() as session:
        plan = plan or _plan(session, query)[0]
        return _page(session, query, plan, offset, limit, total=total, after=after, before=before)


def _page(
    session: Session,
    query: CustomerQuery,
    plan: ListPlan,
    offset: int,
    limit: int,
    *,
    total: int | None = None,
    after: Sequence[Any] | None = None,
    before: Sequence[Any] | None = None,
) -> tuple[CustomerRow, ...]:
    keyset: list[ColumnElement[bool]] = []
    reverse, skip = False, 0
    if after is not None:
        keyset.append(_beyond(query, after, reverse=False))
    elif before is not None:
        reverse = True
        keyset.append(_beyond(query, before, reverse=True))
    elif total is not None and offset > total // 2:
        reverse = True
        limit = max(0, min(limit, total - offset))
        skip = max(0, total - offset - limit)
    else:
        skip = offset
    search = plan.search
    if search.needle and search.matches is None and not skip:  # broad, or short, on PostgreSQL
        walked = _walk(session, query, plan, keyset, limit, reverse=reverse)
        if walked is not None:
            return walked
        search = replace(search, matches=0)  # the matches cluster: sort them instead
    dialect = session.get_bind().dialect.name
    if skip >= DEFER_FROM_OFFSET and not plan.conditions and dialect != "sqlite":
        statement = _deferred(query, skip, limit, reverse=reverse)
    elif (
        dialect == "sqlite"
        and query.sort is SortKey.COMPANY_NAME
        and len(plan.conditions) == 1
        and plan.conditions[0] is search.condition
        and _sorts_matches(search)
    ):
        statement = _sorted_by_name_key(query, plan, keyset, skip, limit, reverse=reverse)
    else:
        statement = select(*_row_columns(query)).where(*plan.conditions, *keyset).offset(skip)
        statement = _ordered(statement, query, search, reverse=reverse).limit(limit)
    rows = [_to_row(row) for row in session.execute(statement)]
    if reverse:
        rows.reverse()
    return tuple(rows)


def _walk(
    session: Session,
    query: CustomerQuery,
    plan: ListPlan,
    keyset: list[ColumnElement[bool]],
    limit: int,
    *,
    reverse: bool,
) -> tuple[CustomerRow, ...] | None:
    """A page of a broad search on PostgreSQL, found by walking the sort index for at most
    WALK_UP_TO rows; None when those rows held fewer matches than the page.

    Broad matches usually turn up at once along the index; but they may cluster far along it
    (a Chinese word: Chinese names sort after all the Latin ones), and an unbounded walk would
    then read most of the table, a row at a time, before finding them.
    """
    page = _walk_page(query, plan, keyset, limit, up_to=WALK_UP_TO, reverse=reverse)
    rows = [_to_row(row) for row in session.execute(page)]
    if len(rows) < limit:
        return None
    if reverse:
        rows.reverse()
    return tuple(rows)


def _walk_page(
    query: CustomerQuery,
    plan: ListPlan,
    keyset: list[ColumnElement[bool]],
    limit: int,
    *,
    up_to: int,
    reverse: bool,
) -> Select[Any]:
    """The matches among the first ``up_to`` rows along the sort index (PostgreSQL).

    The walk reads only the sort columns and search_text: sorted by company name, the index of
    migration 0008 holds them all, so the walk reads no table row (47,000 entries in 46 ms at
    1M on a busy machine, where reading their rows took several hundred); only the page's rows
    are read.
    """
    search = plan.search
    descending = query.descending != reverse
    sort_columns = _sort_columns(query)
    others = [c for c in plan.conditions if c is not search.condition]
    walked = (
        select(
            *(column.label(f"s{n}") for n, column in enumerate(sort_columns)),
            Customer.search_text.label("searched"),
        )
        .where(*others, *keyset)
        .order_by(*(c.desc() if descending else c.asc() for c in sort_columns))
        .limit(up_to)
        .subquery()
    )
    keys = list(walked.c)[: len(sort_columns)]
    found = (
        select(*keys)
        .where(substring_test(walked.c.searched, search.needle))
        .order_by(*(c.desc() if descending else c.asc() for c in keys))
        .limit(limit)
        .subquery()
    )
    found_keys = list(found.c)
    columns = _row_columns(query)
    return (
        select(*(column.label(f"c{n}") for n, column in enumerate(columns)))
        .join(found, Customer.id == found_keys[-1])
        .order_by(*(c.desc() if descending else c.asc() for c in found_keys))
    )


def _deferred(query: CustomerQuery, offset: int, limit: int, *, reverse: bool) -> Select[Any]:
    """A page far into the unfiltered list on PostgreSQL: the rows skipped are counted on the
    sort index alone (an index-only scan), and only the page's rows are read from the table.
    Skipping 500,000 rows through the table takes seconds; through the index, a tenth of that."""
    descending = query.descending != reverse
    columns = _sort_columns(query)
    order = [c.desc() if descending else c.asc() for c in columns]
    page = select(Customer.id).order_by(*order).offset(offset).limit(limit)
    return select(*_row_columns(query)).where(Customer.id.in_(page)).order_by(*order)


def iter_customer_pages(
    db: Database, query: CustomerQuery = CustomerQuery(), *, page_size: int = 1000
) -> Iterator[tuple[CustomerRow, ...]]:
    """The whole list in order, a page at a time (keyset paging: constant cost per page)."""
    after: tuple[Any, ...] | None = None
    plan = plan_list(db, query)
    while True:
        page = customer_page(db, query, limit=page_size, after=after, plan=plan)
        if not page:
            return
        yield page
        if len(page) < page_size:
            return
        after = page[-1].key


def customer_position(
    db: Database,
    customer_id: int,
    query: CustomerQuery = CustomerQuery(),
    *,
    plan: ListPlan | None = None,
) -> int | None:
    """The row a customer is on in the list (0-based), or None when the query leaves it out.

    One count on the sort index of the rows before it, so selecting a customer just added costs
    the same at any size of list.
    """
    with db.reading() as session:
        conditions = (plan or _plan(session, query)[0]).conditions
        found = session.execute(
            select(*_sort_columns(query)).where(Customer.id == customer_id, *conditions)
        ).first()
        if found is None:
            return None
        before = _beyond(query, tuple(found), reverse=True)
        statement = select(func.count()).select_from(Customer).where(*conditions, before)
        return int(session.execute(statement).scalar_one())


def customer_tags(db: Database) -> tuple[str, ...]:
    """Every tag some customer has, once each, sorted without regard to case."""
    with db.reading() as session:
        stored = session.scalars(select(Customer.tags).where(Customer.tags != "").distinct())
        tags = {tag.strip() for value in stored for tag in value.split(",") if tag.strip()}
    return tuple(sorted(tags, key=str.casefold))
