"""SQLite's plans for a searched page that PostgreSQL does not need: whether a search of many
matches walks the sort index or sorts its matches (estimated from samples), and a page of a few
matches sorted by company name on the index of their keys by id (migration 0010)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session

from pcdesk.models import Customer
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.listing import (
    FIRST_PAGES,
    CustomerQuery,
    ListPlan,
    SortKey,
    row_columns,
    sort_columns,
)
from pcdesk.services.customer_list.search import Search

# SQLite: from this many matches on, whether to sort them or walk the sort index is estimated from
# a sample of them (see sort_if_clustered): spread along the index, 18,000 matches ("nor" at 1M)
# give a page after 11,000 entries (11 ms), where sorting them takes 27 ms.
ESTIMATE_FROM_MATCHES = 2_000
# SQLite, a search of more than ESTIMATE_FROM_MATCHES matches: where along the sort index its
# first pages end is estimated from this many of them, and how far along the index that is from
# this many customers (see sort_if_clustered).
SAMPLE_MATCHES = 256
SAMPLE_CUSTOMERS = 1_024
# Walking the sort index testing ids against the index's list of matches costs about 0.3 µs an
# entry at a million, sorting the matches by name about 1 µs a match (each match's key is read
# from the index of migration 0010): the matches are sorted when more than this many entries per
# match come before the first pages end.
SORT_FROM_ENTRIES_PER_MATCH = 3.0
# SQLite: the index holding each customer's company-name key by id (migration 0010)
NAME_KEY_BY_ID = "ix_customer_id_collation"


def sort_if_clustered(session: Session, query: CustomerQuery, search: Search) -> Search:
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
    columns = sort_columns(query)
    sample = (
        select(*columns)
        .where(Customer.id.in_(customer_search.sample_ids(search, SAMPLE_MATCHES)))
        .subquery()
    )
    sampled = min(SAMPLE_MATCHES, search.matches)
    rank = min(sampled, max(1, -(-FIRST_PAGES * sampled // search.matches)))
    order = [c.desc() if query.descending else c.asc() for c in sample.c]
    statement = select(*sample.c).order_by(*order).offset(rank - 1).limit(1)
    page_end = session.execute(statement).first()
    if page_end is None:  # (the matches went meanwhile)
        return replace(search, walk=True)
    everyone = select(*columns).order_by(Customer.id).limit(SAMPLE_CUSTOMERS)
    if query.sort is SortKey.COMPANY_NAME:  # its keys by id, without reading the rows
        everyone = everyone.with_hint(Customer, f"INDEXED BY {NAME_KEY_BY_ID}", "sqlite")
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


def sorted_by_name_key(
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
    key, by_id = sort_columns(query)
    order = [c.desc() if descending else c.asc() for c in (func.coalesce(key, key), by_id)]
    page = (
        select(Customer.id)
        .with_hint(Customer, f"INDEXED BY {NAME_KEY_BY_ID}", "sqlite")
        .where(*plan.conditions, *keyset)
        .order_by(*order)
        .offset(skip)
        .limit(limit)
    )
    in_order = [c.desc() if descending else c.asc() for c in (key, by_id)]
    return select(*row_columns(query)).where(Customer.id.in_(page)).order_by(*in_order)
