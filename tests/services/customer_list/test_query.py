"""The customer list service: count, search, filter, sort and page, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy import text as sql_text

from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    Customer,
    IndirectReseller,
    Relationship,
    RelationshipRequest,
    Subscription,
    SubscriptionStatus,
    fold,
)
from pcdesk.models.collation import sort_key
from pcdesk.models.database import Database
from pcdesk.models.keys import search_text
from pcdesk.services.customer_list import postgresql_plans, sqlite_plans
from pcdesk.services.customer_list import query as customer_list
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.query import (
    NO_RESELLER,
    CountCancelled,
    CustomerQuery,
    CustomerRow,
    RelationshipFilter,
    SortKey,
    count_customers,
    customer_page,
    customer_position,
    first_page,
    iter_customer_pages,
    plan_list,
)
from pcdesk.services.demo_data import DEMO_CUSTOMERS, is_empty, seed_demo


def substring_matches(rows: Sequence[CustomerRow], text: str) -> list[int]:
    """The ids of ``rows`` (in their order) whose folded name, domain prefix or Microsoft ID
    holds the folded ``text``: what the list's search is to find."""
    needle = fold(text.strip())
    return [
        row.id
        for row in rows
        if needle in fold(row.company_name)
        or needle in row.domain.removesuffix(".onmicrosoft.com")
        or needle in row.microsoft_id
    ]


@contextmanager
def statements_sent(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements ``db`` sends while the block runs, each with its parameters."""
    sent: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)


def sql_of(sent: list[tuple[str, Any]]) -> list[str]:
    return [statement for statement, _parameters in sent]


@pytest.fixture
def demo(db: Database) -> Database:
    assert is_empty(db)
    seed_demo(db)
    assert not is_empty(db)
    return db


def names(db: Database, query: CustomerQuery, **paging: int) -> list[str]:
    return [row.company_name for row in customer_page(db, query, **paging)]


def test_every_demo_customer_is_counted_and_listed(demo: Database) -> None:
    assert count_customers(demo) == len(DEMO_CUSTOMERS)
    assert len(customer_page(demo, limit=1000)) == len(DEMO_CUSTOMERS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("晶片", {"台灣晶片設計股份有限公司"}),  # Chinese, in the middle of the name
        ("CONTOSO", {"Contoso Pharmaceuticals"}),  # ignoring case
        ("harbourlog", {"高雄港埠物流有限公司"}),  # a domain
        ("Contosopharma.onmicrosoft.com", {"Contoso Pharmaceuticals"}),  # as the list shows it
        ("ltd", {"Margie's Travel Ltd", "Formosa Tea Export Co., Ltd.", "Coho Vineyard Ltda."}),
        ("100%", set()),  # LIKE wildcards are matched literally
    ],
)
def test_search_matches_name_domain_anywhere_ignoring_case(
    demo: Database, text: str, expected: set[str]
) -> None:
    query = CustomerQuery(text=text)
    assert set(names(demo, query)) == expected
    assert count_customers(demo, query) == len(expected)


def test_search_by_microsoft_id(demo: Database) -> None:
    target = customer_page(demo, limit=1)[0]
    found = customer_page(demo, CustomerQuery(text=target.microsoft_id[9:18].upper()))
    assert [row.id for row in found] == [target.id]


def test_filters_by_country_relationship_and_reseller(demo: Database) -> None:
    taiwan = customer_page(demo, CustomerQuery(country="TW"))
    assert len(taiwan) == 5 and all(row.country == "TW" for row in taiwan)
    assert count_customers(demo, CustomerQuery(status=RelationshipFilter.FORMER)) == 0
    with demo.session_factory() as session:
        northwind = session.scalars(
            select(IndirectReseller.id).where(IndirectReseller.name.startswith("Northwind"))
        ).one()
    resold = customer_page(demo, CustomerQuery(indirect_reseller_id=northwind))
    assert {row.company_name for row in resold} == {
        "台灣晶片設計股份有限公司",
        "新竹精密機械股份有限公司",
    }


def test_sorting_is_stable_and_pages_join_up(demo: Database) -> None:
    query = CustomerQuery(sort=SortKey.COMPANY_NAME)
    everyone = names(demo, query, limit=100)
    pages = names(demo, query, offset=0, limit=4) + names(demo, query, offset=4, limit=100)
    assert pages == everyone
    latin = [name for name in everyone if name.isascii()]
    assert latin[0] == "Alpine Ski House"
    assert latin == sorted(latin, key=str.casefold)
    backwards = names(demo, CustomerQuery(sort=SortKey.COMPANY_NAME, descending=True), limit=100)
    assert backwards == list(reversed(everyone))


def test_rows_carry_what_the_columns_show(demo: Database) -> None:
    (row,) = customer_page(demo, CustomerQuery(text="contosopharma"))
    assert row.domain == "contosopharma.onmicrosoft.com"
    assert row.active_subscriptions == 2
    assert row.agreement is AgreementStatus.ACCEPTED
    assert row.indirect_reseller == "Litware Inc."
    assert row.tags == "enterprise, healthcare"
    (pending,) = customer_page(demo, CustomerQuery(text="alpineskihouse"))
    assert pending.agreement is AgreementStatus.PENDING
    assert pending.active_subscriptions == 0


def _python_key(row: CustomerRow, sort: SortKey) -> tuple[Any, ...]:
    """What each sort means, written out in Python over the rows the list shows."""
    name = sort_key(row.company_name)
    return {
        SortKey.COMPANY_NAME: (name,),
        SortKey.DOMAIN: (row.domain,),
        SortKey.MICROSOFT_ID: (row.microsoft_id,),
        SortKey.COUNTRY: (row.country, name),
        SortKey.RELATIONSHIP: (row.relationship.value, name),
        SortKey.INDIRECT_RESELLER: (row.indirect_reseller, name),
        SortKey.SUBSCRIPTIONS: (row.active_subscriptions,),
        SortKey.AGREEMENT: (row.agreement.value if row.agreement else "", name),
        SortKey.CREATED_AT: (row.created_at,),
        SortKey.TAGS: (row.tags,),
    }[sort] + (row.id,)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(SortKey))
def test_every_column_sorts_and_every_way_of_paging_agrees(
    demo: Database, sort: SortKey, descending: bool
) -> None:
    query = CustomerQuery(sort=sort, descending=descending)
    everyone = customer_page(demo, query, limit=1000)
    ids = [row.id for row in everyone]
    # Names compare as their collation keys (bytes) everywhere; other text only when ASCII, so
    # that Python's order is the database's (PostgreSQL collates other text itself).
    comparable = [row for row in everyone if row.indirect_reseller.isascii() and row.tags.isascii()]
    expected = sorted(comparable, key=lambda row: _python_key(row, sort), reverse=descending)
    assert [row.id for row in comparable] == [row.id for row in expected]
    total = len(everyone)
    for offset in range(0, total, 4):
        by_offset = customer_page(demo, query, offset=offset, limit=4)
        from_end = customer_page(demo, query, offset=offset, limit=4, total=total)
        assert [row.id for row in by_offset] == ids[offset : offset + 4]
        assert from_end == by_offset
        if offset:
            after = customer_page(demo, query, limit=4, after=everyone[offset - 1].key)
            assert after == by_offset
        if offset + 4 < total:
            before = customer_page(demo, query, limit=4, before=everyone[offset + 4].key)
            assert before == by_offset
    pages = [row for page in iter_customer_pages(demo, query, page_size=4) for row in page]
    assert [row.id for row in pages] == ids
    middle = everyone[total // 2]
    assert customer_position(demo, middle.id, query) == total // 2


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(SortKey))
def test_pages_far_into_the_list_are_the_same_when_skipped_on_the_index(
    demo: Database, sort: SortKey, descending: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL counts a large offset on the sort index, then reads the page (here, every
    offset counts as large); the pages are the ones a plain OFFSET gives."""
    query = CustomerQuery(sort=sort, descending=descending)
    everyone = customer_page(demo, query, limit=1000)
    ids = [row.id for row in everyone]
    monkeypatch.setattr(postgresql_plans, "DEFER_FROM_OFFSET", 1)
    total = len(everyone)
    for offset in range(1, total, 3):
        by_offset = customer_page(demo, query, offset=offset, limit=3)
        assert [row.id for row in by_offset] == ids[offset : offset + 3]
        assert by_offset == tuple(everyone[offset : offset + 3])
        assert customer_page(demo, query, offset=offset, limit=3, total=total) == by_offset


@pytest.mark.parametrize(
    "text",
    ["晶", "晶片", "晶片設", "co", "c", "ltd", "TAIL", "a8cb", "o.", "zzq", "'", "  "],
)
def test_short_and_long_needles_find_what_a_substring_test_finds(
    demo: Database, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    everyone = customer_page(demo, limit=1000)
    expected = set(substring_matches(everyone, text))
    query = CustomerQuery(text=text)
    assert {row.id for row in customer_page(demo, query, limit=1000)} == expected
    assert count_customers(demo, query) == len(expected)
    # and the same through the scan taken when a short needle starts too many index terms, or
    # when a single character is in many of the first rows, or in few (SQLite)
    monkeypatch.setattr(customer_search, "BROAD_IN_SAMPLE", 10**9)
    assert {row.id for row in customer_page(demo, query, limit=1000)} == expected
    assert count_customers(demo, query) == len(expected)
    monkeypatch.setattr(customer_search, "BROAD_IN_SAMPLE", 0)
    assert {row.id for row in customer_page(demo, query, limit=1000)} == expected
    assert count_customers(demo, query) == len(expected)
    monkeypatch.setattr(customer_search, "BROAD_IN_SAMPLE", 10**9)
    monkeypatch.setattr(customer_search, "MAX_SHORT_NEEDLE_TERMS", 0)
    assert {row.id for row in customer_page(demo, query, limit=1000)} == expected


# Names in several scripts and widths; NFKC folds full- and half-width forms, nothing folds
# Traditional into Simplified Chinese (台灣 and 台湾 are different text).
MIXED_NAMES = {
    "ＡＢＣ台灣": "abctw",
    "Café 台北": "cafetaipei",
    "ｶﾌｪ東京": "cafetokyo",
    "台湾 Trading": "taiwantrading",
    "Müller 台": "xmuller",  # a name ending in 台 before a domain starting with x
    "臺灣 Élan": "elan",
}


@pytest.mark.parametrize(
    "text",
    [
        "台",
        "台灣",
        "灣",
        "湾",
        "臺",
        "c台",
        "Ｃ台",
        "é",
        "É",
        "ü",
        "カフ",
        "ｶﾌ",
        "東京",
        "台x",
        "北 ",
    ],
)
def test_short_needles_outside_ascii_find_what_a_substring_test_finds(
    demo: Database, add_customer: Callable[[Database, str, str], int], text: str
) -> None:
    """PostgreSQL finds these through the index of their one- and two-character pieces
    (migration 0008), SQLite through its trigram index's vocabulary: the rows a plain substring
    test of the folded text finds, across scripts, widths and fields, and no more."""
    for company, domain in MIXED_NAMES.items():
        add_customer(demo, company, domain)
    everyone = customer_page(demo, limit=1000)
    expected = set(substring_matches(everyone, text))
    query = CustomerQuery(text=text)
    plan, first = first_page(demo, query, limit=1000)
    assert {row.id for row in first} == expected
    assert count_customers(demo, query) == len(expected)
    assert plan.count == len(expected)  # counted by the index, with the first rows
    for sort in (SortKey.COMPANY_NAME, SortKey.DOMAIN):
        sorted_query = CustomerQuery(text=text, sort=sort, descending=True)
        pages = [
            row.id for page in iter_customer_pages(demo, sorted_query, page_size=2) for row in page
        ]
        assert set(pages) == expected and len(pages) == len(expected)


def test_filters_for_active_pending_and_former_relationships(demo: Database) -> None:
    everyone = customer_page(demo, limit=1000)
    former, pending = everyone[0], everyone[1]
    with demo.session_factory.begin() as session:
        session.get_one(Customer, former.id).relationship = Relationship.NONE
        session.add(
            RelationshipRequest(
                customer_id=pending.id, subject="s", body="b", link="l", created_by="test"
            )
        )
    active = customer_page(demo, CustomerQuery(status=RelationshipFilter.ACTIVE), limit=1000)
    assert former.id not in {row.id for row in active}
    assert len(active) == len(everyone) - 1
    assert [r.id for r in customer_page(demo, CustomerQuery(status=RelationshipFilter.FORMER))] == [
        former.id
    ]
    assert [
        r.id for r in customer_page(demo, CustomerQuery(status=RelationshipFilter.PENDING))
    ] == [pending.id]
    direct = customer_page(demo, CustomerQuery(indirect_reseller_id=NO_RESELLER), limit=1000)
    assert direct and all(row.indirect_reseller == "" for row in direct)


def test_the_database_keeps_the_list_columns_up_to_date(demo: Database) -> None:
    (row,) = customer_page(demo, CustomerQuery(text="contosopharma"))
    with demo.session_factory.begin() as session:
        reseller = session.scalars(
            select(IndirectReseller).where(IndirectReseller.name == "Litware Inc.")
        ).one()
        reseller.name = "Litware 利特威"
        first = session.scalars(select(Subscription).where(Subscription.customer_id == row.id))
        next(iter(first)).status = SubscriptionStatus.SUSPENDED
        session.add(
            AgreementAcceptance(
                customer_id=row.id, status=AgreementStatus.PENDING, recorded_by="test"
            )
        )
    (changed,) = customer_page(demo, CustomerQuery(text="contosopharma"))
    assert changed.indirect_reseller == "Litware 利特威"
    assert changed.active_subscriptions == row.active_subscriptions - 1
    assert changed.agreement is AgreementStatus.PENDING
    with demo.session_factory.begin() as session:
        customer = session.get_one(Customer, row.id)
        customer.company_name = "Contoso Biotech"
        customer.indirect_reseller_id = None
    assert customer_page(demo, CustomerQuery(text="contoso pharm")) == ()
    (renamed,) = customer_page(demo, CustomerQuery(text="biotech"))
    assert renamed.indirect_reseller == ""


def test_search_text_is_what_the_model_and_the_migration_compute() -> None:
    assert search_text("北風 ltd", "NorthWind", "ABC-1") == "北風 ltd\x1fnorthwind\x1fabc-1\x1f\x1f"
    customer = Customer(company_name="Fabrikam GmbH", microsoft_id="X-1", domain_prefix="fab")
    assert customer.search_text == "fabrikam gmbh\x1ffab\x1fx-1\x1f\x1f"


@pytest.mark.parametrize(
    ("sort_up_to", "substring_from", "count_up_to", "walk_up_to", "sort_from"),
    [
        (10**9, 10**9, 10**9, 10**9, 10**9),
        (0, 10**9, 10**9, 10**9, 10**9),
        (0, 0, 0, 10**9, 10**9),
        (10**9, 0, 0, 5, 10**9),
        (0, 0, 0, 10**9, 0),
    ],
    ids=[
        "sort-matches",
        "walk-index-in-matches",
        "walk-index-testing-rows",
        "walk-a-little-then-sort",
        "sort-many-matches-found-far-along-the-index",
    ],
)
@pytest.mark.parametrize("sort", list(SortKey))
def test_a_searched_list_sorts_and_pages_the_same_whichever_plan_the_database_takes(
    demo: Database,
    sort: SortKey,
    sort_up_to: int,
    substring_from: int,
    count_up_to: int,
    walk_up_to: int,
    sort_from: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SQLite chooses from the index's count of matches and from where a sample of them sorts,
    PostgreSQL from its probe's count (which stops at COUNT_MATCHES_UP_TO) and from a walk along
    the sort index that stops at WALK_UP_TO rows: every plan lists the same rows in the same
    order."""
    monkeypatch.setattr(postgresql_plans, "WALK_UP_TO", walk_up_to)
    monkeypatch.setattr(postgresql_plans, "PROBE_WALK_UP_TO", walk_up_to)
    monkeypatch.setattr(postgresql_plans, "PROBE_WALK_NAMES_UP_TO", walk_up_to)
    monkeypatch.setattr(sqlite_plans, "SORT_FROM_ENTRIES_PER_MATCH", sort_from)
    monkeypatch.setattr(customer_list, "SORT_MATCHES_UP_TO", sort_up_to)
    monkeypatch.setattr(sqlite_plans, "ESTIMATE_FROM_MATCHES", sort_up_to)
    monkeypatch.setattr(customer_search, "SUBSTRING_FROM_MATCHES", substring_from)
    monkeypatch.setattr(customer_search, "COUNT_MATCHES_UP_TO", count_up_to)
    everyone = customer_page(demo, CustomerQuery(sort=sort, descending=True), limit=1000)
    for text in ("o", "co", "ltd", "台"):
        expected = substring_matches(everyone, text)
        query = CustomerQuery(text=text, sort=sort, descending=True)
        assert [row.id for row in customer_page(demo, query, limit=1000)] == expected
        pages = [row.id for page in iter_customer_pages(demo, query, page_size=2) for row in page]
        assert pages == expected
        assert count_customers(demo, query) == len(expected)
        plan, first = first_page(demo, query, limit=3)
        assert [row.id for row in first] == expected[:3]
        assert plan.count in (None, len(expected))


@pytest.mark.parametrize(
    "query",
    [
        CustomerQuery(text="co"),
        CustomerQuery(text="ltd", status=RelationshipFilter.ACTIVE),
        CustomerQuery(text="台", sort=SortKey.COUNTRY, descending=True),
        CustomerQuery(country="TW"),
    ],
)
def test_a_plan_made_once_serves_the_count_every_page_and_positions(
    demo: Database, query: CustomerQuery
) -> None:
    plan = plan_list(demo, query)
    expected = customer_page(demo, query, limit=1000)
    count = count_customers(demo, query)
    assert count_customers(demo, query, plan=plan) == count == len(expected) > 0
    # the index's own count is offered only when the search is the whole filter
    assert plan.count in (None, count)
    # SQLite's index counts the search's matches (the count when nothing else filters);
    # PostgreSQL's probe counts the rows (a few hundred here) for a needle of three or more
    # characters (a shorter ASCII one would scan to be counted)
    if demo.engine.dialect.name == "sqlite":
        assert (plan.count is None) == (query.text == "" or query.status is not None)
    else:  # and for a shorter one outside ASCII, through the index of migration 0008
        assert (plan.count is None) == (len(query.text) < 3 and query.text.isascii())
    paged = [
        row
        for offset in range(0, count, 2)
        for row in customer_page(demo, query, offset=offset, limit=2, total=count, plan=plan)
    ]
    assert [row.id for row in paged] == [row.id for row in expected]
    last = expected[-1]
    assert customer_position(demo, last.id, query, plan=plan) == count - 1


def test_sqlite_is_told_to_walk_the_sort_index_for_a_broad_search(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLAlchemy's SQLite compiler drops table hints unless pcdesk's engine writes them: without
    INDEXED BY, SQLite sorts every match of a broad search (ten times slower at a million)."""
    seed_demo(sqlite_db)
    monkeypatch.setattr(customer_list, "SORT_MATCHES_UP_TO", 0)  # every search counts as broad
    monkeypatch.setattr(sqlite_plans, "SORT_FROM_ENTRIES_PER_MATCH", 10**9)  # and spread out
    with statements_sent(sqlite_db) as sent:
        query = CustomerQuery(text="ltd", sort=SortKey.DOMAIN)
        rows = customer_page(sqlite_db, query, limit=10)
    assert [row.company_name for row in rows]  # the hinted query runs and finds them
    assert any("FROM customer INDEXED BY ix_customer_domain_sort" in sql for sql in sql_of(sent))


@pytest.mark.parametrize("text", ["c", "co", "o"])
def test_sqlite_counts_a_broad_search_from_its_indexes_not_by_testing_every_row(
    sqlite_db: Database, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A letter or two in most rows walks the sort index for its pages; its count comes from
    the table of character counts (one character) or the trigram index (two), never a scan."""
    seed_demo(sqlite_db)
    monkeypatch.setattr(customer_search, "BROAD_IN_SAMPLE", 0)  # every short needle is broad
    query = CustomerQuery(text=text)
    expected = substring_matches(customer_page(sqlite_db, CustomerQuery(), limit=1000), text)
    with statements_sent(sqlite_db) as sent:
        plan, _rows = first_page(sqlite_db, query, limit=3)
        assert plan.search.walk and plan.search.broad_needle == text
        # one character: known with the first rows; two: counted apart
        assert plan.count == (len(expected) if len(text) == 1 else None)
        sent.clear()
        assert count_customers(sqlite_db, query, plan=plan) == len(expected) > 0
    assert not any("FROM customer WHERE" in statement for statement in sql_of(sent)), sent


def test_sqlite_sorts_a_few_matches_by_name_on_the_keys_by_id(sqlite_db: Database) -> None:
    """A search of a few matches, by company name: their keys are read from the index of
    migration 0010 (not their rows), and only the page's rows are read."""
    seed_demo(sqlite_db)
    with statements_sent(sqlite_db) as sent:
        rows = customer_page(sqlite_db, CustomerQuery(text="ltd"), limit=3)
    assert [row.company_name for row in rows]
    ((statement, parameters),) = [
        (sql, given) for sql, given in sent if "ORDER BY" in sql and "customer_search MATCH" in sql
    ]
    with sqlite_db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "COVERING INDEX ix_customer_id_collation" in plan, plan


def add_named(db: Database, add_customer: Callable[[Database, str, str], int]) -> None:
    """Customers enough that a search for "ltd" or "公司" fills several pages."""
    for n, mark in enumerate("甲乙丙丁戊己"):
        add_customer(db, f"Harbor {mark} Ltd", f"harborltd{n}")
        add_customer(db, f"{mark}興業有限公司", f"xingye{n}")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("text", ["ltd", "公司", "o"])
def test_a_search_by_company_name_pages_the_same_every_way(
    demo: Database,
    add_customer: Callable[[Database, str, str], int],
    text: str,
    descending: bool,
) -> None:
    """By offset, from the end, after and before a row: the same pages (PostgreSQL finds them on
    the narrow search rows of migration 0011, "o" by walking the name index)."""
    add_named(demo, add_customer)
    pages_agree_every_way(demo, CustomerQuery(text=text, descending=descending))


def pages_agree_every_way(db: Database, query: CustomerQuery) -> None:
    """The query's pages by offset, from the end, after and before a row are its matches in
    order, and so is its count and the last one's position."""
    everyone = customer_page(db, replace(query, text=""), limit=1000)
    expected = substring_matches(everyone, query.text)
    found = customer_page(db, query, limit=1000)
    assert [row.id for row in found] == expected and len(expected) > 4
    total = count_customers(db, query)
    assert total == len(expected)
    for offset in range(0, total, 3):
        by_offset = customer_page(db, query, offset=offset, limit=3)
        assert [row.id for row in by_offset] == expected[offset : offset + 3]
        assert customer_page(db, query, offset=offset, limit=3, total=total) == by_offset
        if offset:
            assert customer_page(db, query, limit=3, after=found[offset - 1].key) == by_offset
        if offset + 3 < total:
            assert customer_page(db, query, limit=3, before=found[offset + 3].key) == by_offset
    assert customer_position(db, found[-1].id, query) == total - 1


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["ltd", "harbor"])
def test_postgresql_counts_and_sorts_a_search_on_its_narrow_rows(
    postgresql_db: Database,
    add_customer: Callable[[Database, str, str], int],
    text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search sorted by company name is counted, sorted and paged on customer_search_row
    alone: no customer row is read but the page's (the ids join). Here no page is found by
    walking the name index first (at a million rows, matches that cluster far along it)."""
    for limit in ("WALK_UP_TO", "PROBE_WALK_UP_TO", "PROBE_WALK_NAMES_UP_TO"):
        monkeypatch.setattr(postgresql_plans, limit, 0)
    # however many matches: sorting them there costs less than walking the customers
    monkeypatch.setattr(customer_search, "COUNT_MATCHES_UP_TO", 1)
    db = postgresql_db
    seed_demo(db)
    add_named(db, add_customer)
    query = CustomerQuery(text=text)
    expected = substring_matches(customer_page(db, CustomerQuery(), limit=1000), text)
    with statements_sent(db) as sent:
        plan, first = first_page(db, query, limit=2)
        page = customer_page(db, query, limit=2, after=first[-1].key, plan=plan)
        count = count_customers(db, query, plan=plan)
    assert [row.id for row in (*first, *page)] == expected[:4]
    assert count == len(expected)
    searched = [sql for sql in sql_of(sent) if "customer_search_row" in sql]
    # the probe (counted and sorted there) and the next page (sorted there); the count was the
    # probe's; search_text on the customer table itself is never tested
    assert len(searched) == len(sent) == 2, sent
    assert all("ORDER BY customer_search_row.collation_key" in sql for sql in searched), sent
    assert plan.count == len(expected)
    for descending in (False, True):  # every way of paging, on the narrow rows alone
        pages_agree_every_way(db, replace(query, descending=descending))


@pytest.mark.parametrize("text", ["公司", "興", "ü", "lü"])
def test_a_short_needle_outside_ascii_is_counted_and_paged_on_the_table_of_pieces(
    db: Database, add_customer: Callable[[Database, str, str], int], text: str
) -> None:
    """Migration 0012's pieces, in company-name order: the count is that piece's entries, and
    each page the next of them (no match's row or key read but the page's)."""
    seed_demo(db)
    add_named(db, add_customer)
    add_customer(db, "Müller Lübeck GmbH", "muellerluebeck")
    query = CustomerQuery(text=text)
    expected = substring_matches(customer_page(db, CustomerQuery(), limit=1000), text)
    with statements_sent(db) as sent:
        plan, first = first_page(db, query, limit=2)
        page = customer_page(db, query, limit=2, after=first[-1].key, plan=plan)
    assert [row.id for row in (*first, *page)] == expected[:4] and expected
    assert plan.count == len(expected) == count_customers(db, query, plan=plan)
    searched = [sql for sql in sql_of(sent) if "customer_search_pieces" in sql]
    paged = [sql for sql in searched if "ORDER BY customer_search_pieces.collation_key" in sql]
    assert len(paged) == 2
    assert "count(*)" in searched[0]
    # PostgreSQL: the count comes with the first page, one round trip; SQLite counts apart
    assert len(searched) == (2 if db.engine.dialect.name == "postgresql" else 3), searched
    backwards, last = first_page(db, replace(query, descending=True), limit=2)
    assert [row.id for row in last] == expected[::-1][:2]
    assert backwards.count == len(expected)


@pytest.mark.postgresql
def test_postgresql_counts_a_search_in_most_rows_on_its_narrow_rows(
    postgresql_db: Database,
) -> None:
    """A letter or two is in most rows: its pages walk the name index, and its count, apart,
    reads the narrow search rows (at a million, 95 to 130 ms instead of 250 to 280)."""
    seed_demo(postgresql_db)
    query = CustomerQuery(text="co")
    expected = substring_matches(customer_page(postgresql_db, CustomerQuery(), limit=1000), "co")
    plan, _first = first_page(postgresql_db, query, limit=2)
    assert plan.count is None
    with statements_sent(postgresql_db) as sent:
        assert count_customers(postgresql_db, query, plan=plan) == len(expected) > 2
    assert [sql.split("WHERE")[0].split() for sql in sql_of(sent)] == [
        ["SELECT", "count(*)", "AS", "count_1", "FROM", "customer_search_row"]
    ]


def test_a_count_can_be_stopped_and_its_stopper_is_harmless_afterwards(demo: Database) -> None:
    query = CustomerQuery(status=RelationshipFilter.ACTIVE)  # counted by a query, not the index
    stoppers: list[Callable[[], None]] = []

    def stop_at_once(stop: Callable[[], None]) -> None:
        stoppers.append(stop)
        stop()

    with pytest.raises(CountCancelled):
        count_customers(demo, query, on_start=stop_at_once)
    expected = count_customers(demo, query)
    assert count_customers(demo, query, on_start=stoppers.append) == expected > 0
    stoppers[-1]()  # too late: the count is over and its connection back in the pool
    assert count_customers(demo, query) == expected
    assert len(customer_page(demo, query, limit=1000)) == expected


def test_a_read_connection_reads_outside_transactions_and_replaces_a_lost_one(
    demo: Database,
) -> None:
    """The list's own connection (PostgreSQL): one connection for every read, read-only, no
    transaction left open; a connection the server dropped is replaced and the read repeated."""
    reads = demo.read_connection()
    if demo.engine.dialect.name == "sqlite":  # a file: nothing to save, the pool serves
        assert not reads.pinned
        assert reads.run(lambda: customer_page(demo, limit=3))
        return

    def backend() -> tuple[Any, ...]:
        with demo.reading() as session:
            found = session.execute(
                sql_text(
                    "SELECT pg_backend_pid(), current_setting('transaction_read_only'),"
                    " now() = statement_timestamp()"  # no transaction runs across statements
                )
            ).one()
            return tuple(found)

    try:
        first = reads.run(backend)
        assert first[1:] == ("on", True)
        assert reads.run(backend)[0] == first[0]
        assert reads.run(lambda: customer_page(demo, limit=3))
        with demo.engine.connect() as other:
            other.execute(sql_text("SELECT pg_terminate_backend(:pid)"), {"pid": first[0]})
        again = reads.run(backend)
        assert again[0] != first[0]
        assert len(reads.run(lambda: customer_page(demo, limit=3))) == 3
    finally:
        reads.close()
    # the pool never gets it back: every connection there still writes
    with demo.engine.connect() as connection:
        assert connection.execute(sql_text("SHOW default_transaction_read_only")).scalar() == "off"
