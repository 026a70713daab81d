"""The list's company-name order: Chinese by strokes as in Taiwan, Latin without regard to case
or accents, on SQLite and PostgreSQL alike, through the index that sorts it."""

from __future__ import annotations

import itertools
import random
import uuid
from typing import Any

import pytest
from sqlalchemy import event, text

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customer_list import query as customer_list
from pcdesk.services.customer_list import search as customer_search
from pcdesk.services.customer_list.query import (
    CustomerQuery,
    SortKey,
    customer_page,
    customer_position,
    first_page,
    iter_customer_pages,
)

# As the list shows them sorted by company name: symbols and digits, Latin (Å with A, case
# ignored), then Chinese by stroke count as Taiwan counts it: 一 1, 二 2, 大 3, 中 4, 台 5, 宏 7,
# 統 12, 華 12 (艹 is four strokes; by Unihan's count 華 has 10 and would come before 統),
# 臺 14, 鴻 17.
IN_ORDER = [
    "(株)ノースウィンド",
    "3M Taiwan",
    "acme",
    "Ångström AB",
    "Contoso",
    "Zeta Ltd",
    "一品軒",
    "二林商行",
    "大同",
    "中華電信",
    "台灣積體電路製造",
    "宏碁",
    "統一企業",
    "華碩電腦",
    "臺灣銀行",
    "鴻海精密工業",
]


_NUMBERS = itertools.count(1)


def add_named(db: Database, names: list[str], country: str = "TW") -> None:
    """Customers with these names, added through the model (as creating one does)."""
    with db.session_factory.begin() as session:
        session.add_all(
            Customer(
                microsoft_id=str(uuid.uuid4()),
                company_name=name,
                country=country,
                address_line1="1 Main St",
                contact_first_name="A",
                contact_last_name="B",
                contact_email="a@example.com",
                domain_prefix=f"c{next(_NUMBERS):06d}",
                language="zh",
                culture="zh-TW",
                created_by="test",
                updated_by="test",
            )
            for name in names
        )


def with_names(db: Database) -> Database:
    shuffled = list(IN_ORDER)
    random.Random(18).shuffle(shuffled)
    add_named(db, shuffled)
    return db


@pytest.fixture
def named(db: Database) -> Database:
    return with_names(db)


@pytest.fixture
def named_sqlite(sqlite_db: Database) -> Database:
    """The plan checked below is SQLite's: PostgreSQL's depends on its statistics."""
    return with_names(sqlite_db)


def listed(db: Database, query: CustomerQuery, **paging: Any) -> list[str]:
    return [row.company_name for row in customer_page(db, query, limit=100, **paging)]


def test_the_list_sorts_company_names_as_taiwan_expects(named: Database) -> None:
    query = CustomerQuery(sort=SortKey.COMPANY_NAME)
    assert listed(named, query) == IN_ORDER
    backwards = CustomerQuery(sort=SortKey.COMPANY_NAME, descending=True)
    assert listed(named, backwards) == list(reversed(IN_ORDER))
    # every way of paging gives the same order
    pages = [
        row.company_name for page in iter_customer_pages(named, query, page_size=3) for row in page
    ]
    assert pages == IN_ORDER
    assert listed(named, query, offset=10, total=len(IN_ORDER)) == IN_ORDER[10:]
    middle = customer_page(named, query, offset=7, limit=1)[0]
    assert middle.company_name == IN_ORDER[7]
    assert listed(named, query, after=middle.key) == IN_ORDER[8:]
    assert listed(named, query, before=middle.key) == IN_ORDER[:7]
    assert customer_position(named, middle.id, query) == 7
    assert [row.company_name for row in first_page(named, backwards, limit=2)[1]] == [
        "鴻海精密工業",
        "臺灣銀行",
    ]


def test_names_keep_that_order_within_a_country(named: Database) -> None:
    add_named(named, ["鴻海 USA", "Acme US", "中華 America"], country="US")
    by_country = listed(named, CustomerQuery(sort=SortKey.COUNTRY))
    assert by_country == [*IN_ORDER, "Acme US", "中華 America", "鴻海 USA"]


@pytest.mark.parametrize("broad", [False, True], ids=["few-matches", "broad"])
def test_a_search_lists_its_matches_in_the_same_order(
    named: Database, broad: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few matches are sorted after they are found; a broad search walks the sort index
    (SQLite is told which one) and keeps the matching rows: the same order either way."""
    if broad:
        monkeypatch.setattr(customer_list, "SORT_MATCHES_UP_TO", 0)
        monkeypatch.setattr(customer_search, "COUNT_MATCHES_UP_TO", 0)
    assert listed(named, CustomerQuery(text="c0")) == IN_ORDER  # every domain has it
    assert listed(named, CustomerQuery(text="灣")) == ["台灣積體電路製造", "臺灣銀行"]
    assert listed(named, CustomerQuery(text="ta")) == ["3M Taiwan", "Zeta Ltd"]


def test_sqlite_sorts_by_name_on_the_collation_keys_index(named_sqlite: Database) -> None:
    """The first page, and a page after a known row, are read along the index in order: no
    sorting of the table (what keeps the list quick at a million customers)."""
    named = named_sqlite
    sent: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "ORDER BY" in statement:
            sent.append((statement, parameters))

    query = CustomerQuery(sort=SortKey.COMPANY_NAME)
    event.listen(named.engine, "before_cursor_execute", remember)
    try:
        first = customer_page(named, query, limit=3)
        customer_page(named, query, limit=3, after=first[-1].key)
        assert len(sent) == 2
        customer_page(named, CustomerQuery(text="c0"), limit=3)  # a search, maybe hinted
    finally:
        event.remove(named.engine, "before_cursor_execute", remember)
    assert len(sent) > 2
    with named.engine.connect() as connection:
        for statement, parameters in sent[:2]:
            plan = " ".join(
                str(row[-1])
                for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
            assert "ix_customer_collation_key" in plan, plan
            assert "TEMP B-TREE" not in plan, plan


def test_the_key_is_what_the_database_sorts_by(named: Database) -> None:
    """The stored key is bytes on both databases: compared as bytes, in Python's order too."""
    with named.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT company_name, collation_key FROM customer ORDER BY collation_key, id")
        ).all()
    assert [name for name, _key in stored] == IN_ORDER
    assert [bytes(key) for _name, key in stored] == sorted(bytes(key) for _name, key in stored)
