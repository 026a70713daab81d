"""The customer list: counting, filtering, sorting and paging, all in SQL on indexes.

Nothing here touches every customer in Python. A count is one ``count(*)``; a search is a trigram
index lookup (search.py); a page is one query on the sort column's index, found by keyset (the
rows after or before a known row: what scrolling asks for) or else by an offset counted from the
nearer end of the list (what dragging the scroll bar or jumping to the end asks for). Every order
ends in the customer's id, so it is total and pages join up exactly. What the list is asked for
and shows is in listing.py; the plans one database needs and the other does not, in
sqlite_plans.py and postgresql_plans.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.models.keys import search_needle
from pcdesk.services.customer_list import postgresql_plans, sqlite_plans
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.listing import (
    NO_RESELLER,
    SORT_INDEXES,
    AgreementFilter,
    CustomerQuery,
    CustomerRow,
    ListPlan,
    RelationshipFilter,
    SortKey,
    beyond,
    by_name_on_search_alone,
    filter_conditions,
    ids_by_name,
    row_columns,
    rows_of_ids,
    searched_text,
    sort_columns,
    to_row,
)
from pcdesk.services.customer_list.search import Search, plan_search

__all__ = [
    "NO_RESELLER",
    "AgreementFilter",
    "CountCancelled",
    "CustomerQuery",
    "CustomerRow",
    "ListPlan",
    "RelationshipFilter",
    "SortKey",
    "count_customers",
    "customer_page",
    "customer_position",
    "customer_tags",
    "first_page",
    "iter_customer_pages",
    "list_conditions",
    "plan_list",
]

# Up to this many matches, reading them all and sorting is quicker than walking the sort index
# until a page of them turns up (matches cluster: Chinese names all sort after Latin ones).
SORT_MATCHES_UP_TO = 20_000


def _plan(
    session: Session, query: CustomerQuery, *, first_rows: int = 0
) -> tuple[ListPlan, tuple[CustomerRow, ...] | None]:
    """The query's plan, and its first ``first_rows`` rows when the planning query gave them."""
    conditions = filter_conditions(query)
    text = searched_text(query)
    # PostgreSQL: a piece's first page, sorted by name with nothing else filtering, comes with
    # the piece's count (one round trip); SQLite counts first, at no cost of a round trip.
    piece_page = (
        bool(first_rows)
        and not conditions
        and query.sort is SortKey.COMPANY_NAME
        and customer_search.is_piece(search_needle(text))
        and session.get_bind().dialect.name != "sqlite"
    )
    search = plan_search(session, text, count_pieces=not piece_page)
    if search.expression and (search.matches or 0) > sqlite_plans.ESTIMATE_FROM_MATCHES:
        search = sqlite_plans.sort_if_clustered(session, query, search)
    if search.condition is not None:
        conditions.append(search.condition)
    plan = ListPlan(tuple(conditions), search)
    if piece_page:
        return postgresql_plans.piece_first_page(session, query, plan, first_rows)
    if not search.probe:
        return plan, None
    return postgresql_plans.probe(session, query, plan, first_rows)


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
    conditions = filter_conditions(query)
    searched = plan_search(None, searched_text(query)).condition
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
        statement = postgresql_plans.count_on_search_rows(plan)
        if statement is None:
            statement = select(func.count()).select_from(Customer).where(*plan.conditions)
        if on_start is None:
            return int(session.execute(statement).scalar_one())
        canceller = _Canceller(session)
        on_start(canceller)
        return canceller.run(session, statement)


def _ordered(
    statement: Select[Any], query: CustomerQuery, search: Search, *, reverse: bool
) -> Select[Any]:
    descending = query.descending != reverse
    columns: tuple[Any, ...] = sort_columns(query)
    if search.condition is not None:
        statement, columns = _search_order(statement, query, search, columns)
    return statement.order_by(*(c.desc() if descending else c.asc() for c in columns))


def _sorts_matches(search: Search) -> bool:
    """Whether a searched page reads the search's matches and sorts them, rather than walking
    the sort index keeping the rows that match.

    Few matches, or on SQLite many found far along the sort index (sort_if_clustered): they are
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
    hint = f"INDEXED BY {SORT_INDEXES[query.sort]}"
    return statement.with_hint(Customer, hint, "sqlite"), columns


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
        keyset.append(beyond(query, after, reverse=False))
    elif before is not None:
        reverse = True
        keyset.append(beyond(query, before, reverse=True))
    elif total is not None and offset > total // 2:
        reverse = True
        limit = max(0, min(limit, total - offset))
        skip = max(0, total - offset - limit)
    else:
        skip = offset
    search = plan.search
    if search.needle and search.matches is None and not skip:  # broad, or short, on PostgreSQL
        walked = postgresql_plans.walk(session, query, plan, keyset, limit, reverse=reverse)
        if walked is not None:
            return walked
        search = replace(search, matches=0)  # the matches cluster: sort them instead
    dialect = session.get_bind().dialect.name
    if skip >= postgresql_plans.DEFER_FROM_OFFSET and not plan.conditions and dialect != "sqlite":
        statement = postgresql_plans.deferred(query, skip, limit, reverse=reverse)
    elif _by_name_on_pieces(query, plan):  # a short needle outside ASCII ("台", "公司")
        bound = after if after is not None else before
        descending = query.descending != reverse
        pieces = customer_search.SEARCH_PIECES
        ids = ids_by_name(
            (pieces.c.collation_key, pieces.c.id),
            [pieces.c.piece == search.piece],
            descending=descending,
            limit=limit,
            skip=skip,
            bound=bound,
        )
        statement = rows_of_ids(query, ids.subquery(), descending=descending)
    elif dialect != "sqlite" and postgresql_plans.on_search_rows(query, plan):
        bound = after if after is not None else before
        statement = postgresql_plans.rows_sorted(
            query, plan, limit=limit, skip=skip, bound=bound, reverse=reverse
        )
    elif (
        dialect == "sqlite"
        and query.sort is SortKey.COMPANY_NAME
        and len(plan.conditions) == 1
        and plan.conditions[0] is search.condition
        and _sorts_matches(search)
    ):
        statement = sqlite_plans.sorted_by_name_key(
            query, plan, keyset, skip, limit, reverse=reverse
        )
    else:
        statement = select(*row_columns(query)).where(*plan.conditions, *keyset).offset(skip)
        statement = _ordered(statement, query, search, reverse=reverse).limit(limit)
    rows = [to_row(row) for row in session.execute(statement)]
    if reverse:
        rows.reverse()
    return tuple(rows)


def _by_name_on_pieces(query: CustomerQuery, plan: ListPlan) -> bool:
    """Whether the page is read off the table of pieces (migration 0012): its entries of the
    needle are the matches in company-name order, and nothing else filters."""
    return bool(plan.search.piece) and by_name_on_search_alone(query, plan)


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
            select(*sort_columns(query)).where(Customer.id == customer_id, *conditions)
        ).first()
        if found is None:
            return None
        before = beyond(query, tuple(found), reverse=True)
        statement = select(func.count()).select_from(Customer).where(*conditions, before)
        return int(session.execute(statement).scalar_one())


def customer_tags(db: Database) -> tuple[str, ...]:
    """Every tag some customer has, once each, sorted without regard to case."""
    with db.reading() as session:
        stored = session.scalars(select(Customer.tags).where(Customer.tags != "").distinct())
        tags = {tag.strip() for value in stored for tag in value.split(",") if tag.strip()}
    return tuple(sorted(tags, key=str.casefold))
