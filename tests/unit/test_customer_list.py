"""The customer list service: count, search, filter, sort and page, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pcdesk.models import AgreementStatus, IndirectReseller, Relationship
from pcdesk.models.database import Database
from pcdesk.services.customer_list import CustomerQuery, SortKey, count_customers, customer_page
from pcdesk.services.demo_data import DEMO_CUSTOMERS, is_empty, seed_demo


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
    assert count_customers(demo, CustomerQuery(relationship=Relationship.NONE)) == 0
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
