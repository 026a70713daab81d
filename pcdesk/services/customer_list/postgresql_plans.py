"""PostgreSQL's plans for a searched page: the probe (one query that walks a little of the sort
index and otherwise counts and sorts the matches), the bounded walk of a broad search, and a far
page of the whole list skipped on the sort index alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, func, null, select, union_all
from sqlalchemy.orm import Session

from pcdesk.models import Customer
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.listing import (
    CustomerQuery,
    CustomerRow,
    ListPlan,
    SortKey,
    by_name_on_search_alone,
    ids_by_name,
    row_columns,
    rows_of_ids,
    search_alone,
    sort_columns,
    to_row,
)
from pcdesk.services.customer_list.search import SEARCH_ROWS, substring_test

# PostgreSQL: a broad search's page is looked for among this many rows along the sort index
# before its matches are read and sorted instead (see walk).
WALK_UP_TO = 50_000
# PostgreSQL: a search's first page is looked for among this many rows along the sort index
# before its matches are counted (see probe): 4% of the rows matching finds the list's page of
# 200. Along the company name, whose index holds search_text (migration 0008), an entry costs
# about 0.2 µs where sorting a match on the narrow rows costs 0.5 to 2 µs (its block is read; the
# rows are stored in name order since migration 0013, so matches sharing a name's start share
# blocks). 50,000 entries (9 ms at 1M) find the page of 0.4% of the rows matching, or of
# matches that start a little along the index ("gmbh": its 200th match is the 48,201st name,
# 110 → 24 ms, "nor" 48 → 11 ms), and cost 6 to 10 ms more when the page is not there ("cont",
# "müller"). Measured again with the rows in name order: a walk of 5,000 or 20,000 entries
# leaves "gmbh" at 40 ms, where 50,000 keeps every search of the benchmark within 21 ms at 1M.
PROBE_WALK_UP_TO = 5_000
PROBE_WALK_NAMES_UP_TO = 50_000
# From this offset on, PostgreSQL counts the rows it skips on the sort index (see deferred).
DEFER_FROM_OFFSET = 1_000


def probe(
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
    Sorted by company name with nothing else filtering (on_search_rows), every match is counted
    and the page sorted on the narrow search rows, however many: "公司" at 1M, 99,621 matches,
    in 139 ms instead of 442 (and its count, another 206).
    """
    most = customer_search.COUNT_MATCHES_UP_TO
    limit = max(1, first_rows)
    walk_up_to = PROBE_WALK_UP_TO
    if query.sort is SortKey.COMPANY_NAME:
        walk_up_to = PROBE_WALK_NAMES_UP_TO
    if not first_rows:  # no page wanted: only the count
        walk_up_to = 0
    walk = walk_page(query, plan, [], limit, up_to=walk_up_to, reverse=False).cte("walk")
    walked = select(*walk.c, null().label("matches"))
    columns = row_columns(query)
    found = (
        select(*(column.label(f"c{n}") for n, column in enumerate(columns)))
        .where(*plan.conditions)
        .limit(most + 1)
        .subquery()
    )
    inner = list(found.c)
    sort = inner[len(columns) - len(sort_columns(query)) :]
    order = [c.desc() if query.descending else c.asc() for c in sort]
    not_walked = select(func.count()).select_from(walk).scalar_subquery() < limit
    by_rows = on_search_rows(query, plan)
    if by_rows:  # every match counted and sorted on the narrow search rows
        page = rows_page(query, plan, limit=limit, counted=True).where(not_walked).subquery()
        counted = (
            select(*(column.label(f"c{n}") for n, column in enumerate(columns)), page.c.matches)
            .join(page, Customer.id == page.c.id)
            .subquery()
        )
    else:
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
        return plan, tuple(to_row(row[:-1]) for row in rows[:first_rows])
    matches = int(probed[0][-1]) if probed else 0
    if matches > most and not by_rows:
        return plan, None
    search = replace(plan.search, matches=matches)
    return ListPlan(plan.conditions, search, counted=matches), tuple(
        to_row(row[:-1]) for row in probed[:first_rows]
    )


def piece_first_page(
    session: Session, query: CustomerQuery, plan: ListPlan, first_rows: int
) -> tuple[ListPlan, tuple[CustomerRow, ...]]:
    """PostgreSQL: the first page of a piece's search ("台", "公司") sorted by company name and
    nothing else filtering, read off the table of pieces with the piece's count in the same
    statement: one round trip where counting first took two (20 ms more through a 20 ms link)."""
    pieces = customer_search.SEARCH_PIECES
    counted = customer_search.pieces_count(plan.search.piece).scalar_subquery()
    ids = ids_by_name(
        (pieces.c.collation_key, pieces.c.id),
        [pieces.c.piece == plan.search.piece],
        descending=query.descending,
        limit=max(1, first_rows),
        extra=[counted.label("matches")],
    ).subquery()
    statement = rows_of_ids(query, ids, descending=query.descending).add_columns(ids.c.matches)
    found = session.execute(statement).all()
    matches = int(found[0][-1]) if found else 0  # no entry of the piece: no customer holds it
    search = replace(plan.search, matches=matches)
    return ListPlan(plan.conditions, search), tuple(to_row(row[:-1]) for row in found)


def on_search_rows(query: CustomerQuery, plan: ListPlan) -> bool:
    """Whether the list's pages are found on the narrow search rows alone (migration 0011):
    a search is the only condition, and the list is sorted by company name, whose key the
    rows hold. Sorting the matches there reads about 150 bytes a match instead of a kilobyte."""
    search = plan.search
    return search.rows_test is not None and search.probe and by_name_on_search_alone(query, plan)


def rows_page(
    query: CustomerQuery,
    plan: ListPlan,
    *,
    limit: int,
    skip: int = 0,
    bound: Sequence[Any] | None = None,
    reverse: bool = False,
    counted: bool = False,
) -> Select[Any]:
    """The ids of a page of the search's matches, sorted by company name on the search rows
    (see on_search_rows; ids_by_name for ``bound`` and ``skip``); with ``counted``, each row
    also carries the number of matches."""
    assert plan.search.rows_test is not None
    return ids_by_name(
        (SEARCH_ROWS.c.collation_key, SEARCH_ROWS.c.id),
        [plan.search.rows_test],
        descending=query.descending != reverse,
        limit=limit,
        skip=skip,
        bound=bound,
        extra=[func.count().over().label("matches")] if counted else [],
    )


def rows_sorted(
    query: CustomerQuery,
    plan: ListPlan,
    *,
    limit: int,
    skip: int,
    bound: Sequence[Any] | None,
    reverse: bool,
) -> Select[Any]:
    """A page of the list's rows, found on the search rows (see rows_page)."""
    page = rows_page(query, plan, limit=limit, skip=skip, bound=bound, reverse=reverse).subquery()
    return rows_of_ids(query, page, descending=query.descending != reverse)


def count_on_search_rows(plan: ListPlan) -> Select[Any] | None:
    """The count of a search that is the list's only condition, on the narrow search rows."""
    if plan.search.rows_test is None or not search_alone(plan):
        return None
    return select(func.count()).select_from(SEARCH_ROWS).where(plan.search.rows_test)


def walk(
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
    page = walk_page(query, plan, keyset, limit, up_to=WALK_UP_TO, reverse=reverse)
    rows = [to_row(row) for row in session.execute(page)]
    if len(rows) < limit:
        return None
    if reverse:
        rows.reverse()
    return tuple(rows)


def walk_page(
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
    order = sort_columns(query)
    others = [c for c in plan.conditions if c is not search.condition]
    walked = (
        select(
            *(column.label(f"s{n}") for n, column in enumerate(order)),
            Customer.search_text.label("searched"),
        )
        .where(*others, *keyset)
        .order_by(*(c.desc() if descending else c.asc() for c in order))
        .limit(up_to)
        .subquery()
    )
    keys = list(walked.c)[: len(order)]
    found = (
        select(*keys)
        .where(substring_test(walked.c.searched, search.needle))
        .order_by(*(c.desc() if descending else c.asc() for c in keys))
        .limit(limit)
        .subquery()
    )
    found_keys = list(found.c)
    columns = row_columns(query)
    return (
        select(*(column.label(f"c{n}") for n, column in enumerate(columns)))
        .join(found, Customer.id == found_keys[-1])
        .order_by(*(c.desc() if descending else c.asc() for c in found_keys))
    )


def deferred(query: CustomerQuery, offset: int, limit: int, *, reverse: bool) -> Select[Any]:
    """A page far into the unfiltered list on PostgreSQL: the rows skipped are counted on the
    sort index alone (an index-only scan), and only the page's rows are read from the table.
    Skipping 500,000 rows through the table takes seconds; through the index, a tenth of that."""
    descending = query.descending != reverse
    columns = sort_columns(query)
    order = [c.desc() if descending else c.asc() for c in columns]
    page = select(Customer.id).order_by(*order).offset(offset).limit(limit)
    return select(*row_columns(query)).where(Customer.id.in_(page)).order_by(*order)
