"""Possible duplicates: the customers a clerk is shown before adding one that may already exist."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customers import duplicates
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.duplicates import (
    DuplicateReason,
    PossibleDuplicate,
    possible_duplicates,
)
from pcdesk.services.inputs import AgreementInput, CustomerInput

PENDING = AgreementInput(accepted=False)


@pytest.fixture
def fabrikam_tw(tw_customer: CustomerInput) -> CustomerInput:
    return replace(
        tw_customer,
        company_name="富碧坎雲端股份有限公司",
        contact_email="chen@fabrikam.com.tw",
        contact_phone="",
        domain_prefix="fabrikamtw",
    )


def add(db: Database, data: CustomerInput) -> int:
    return create_customer(db, data, PENDING, actor="clerk").id


@pytest.fixture
def us(us_customer: CustomerInput) -> Callable[[str, str, str], CustomerInput]:
    """``us(name, email, prefix)``: the US customer under that name, contact email and domain."""

    def us(name: str, email: str, prefix: str) -> CustomerInput:
        return replace(us_customer, company_name=name, contact_email=email, domain_prefix=prefix)

    return us


def found(db: Database, data: CustomerInput, **kwargs: int) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.company_name, d.reasons) for d in possible_duplicates(db, data, **kwargs)]


def test_the_model_keeps_the_keys_as_name_and_email_change(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    customer_id = add(db, us("Contoso, Ltd.", "Dana@Contoso.COM", "contosoltd"))
    with db.session_factory.begin() as session:
        customer = session.get_one(Customer, customer_id)
        assert (customer.match_key, customer.email_domain) == ("contoso", "contoso.com")
        customer.company_name = "Fabrikam GmbH"
        customer.contact_email = "jonas@Fabrikam.DE"
    with db.session_factory() as session:
        stored = session.execute(
            select(Customer.match_key, Customer.email_domain).where(Customer.id == customer_id)
        ).one()
    assert tuple(stored) == ("fabrikam", "fabrikam.de")


def test_a_similar_name_is_found_whatever_its_legal_form_and_case(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    existing = add(db, us("CONTOSO, Inc.", "it@contoso-inc.example", "contosoinc"))
    add(db, us("Contoso Pharmaceuticals", "dana@contosopharma.com", "contosopharma"))
    result = possible_duplicates(db, us("Contoso Ltd", "amy@contoso-ltd.example", "contosoltd"))
    assert result == (
        PossibleDuplicate(
            id=existing,
            company_name="CONTOSO, Inc.",
            domain="contosoinc.onmicrosoft.com",
            contact_email="it@contoso-inc.example",
            country="US",
            reasons=(DuplicateReason.SIMILAR_NAME,),
        ),
    )


def test_a_chinese_name_is_found_without_its_company_suffix(
    db: Database, fabrikam_tw: CustomerInput
) -> None:
    add(db, fabrikam_tw)
    typed = replace(
        fabrikam_tw,
        company_name="富碧坎雲端有限公司",
        contact_email="lin@another.com.tw",
        domain_prefix="fabrikamcloud",
    )
    assert found(db, typed) == [("富碧坎雲端股份有限公司", (DuplicateReason.SIMILAR_NAME,))]


def test_the_same_domain_is_found_ignoring_case(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    add(db, us("Adventure Works", "it@adventure-works.example", "adventureworks"))
    typed = us("AW Cycles", "max@awcycles.example", "AdventureWorks.onmicrosoft.com")
    assert found(db, typed) == [("Adventure Works", (DuplicateReason.SAME_DOMAIN,))]


def test_contacts_of_one_company_are_found_by_their_email_domain(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    add(db, us("Tailspin Toys", "ops@Tailspin.example", "tailspin"))
    typed = us("TT Holdings", "finance@tailspin.EXAMPLE", "ttholdings")
    assert found(db, typed) == [("Tailspin Toys", (DuplicateReason.SAME_EMAIL_DOMAIN,))]


def test_public_mailbox_providers_say_nothing(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    add(db, us("Wingtip Toys", "wingtip.owner@gmail.com", "wingtiptoys"))
    add(db, us("Lucerne Publishing", "lucerne@Outlook.com", "lucerne"))
    assert found(db, us("Blue Yonder", "someone@gmail.com", "blueyonder")) == []
    assert found(db, us("Humongous", "boss@outlook.com", "humongous")) == []
    assert {"gmail.com", "outlook.com", "qq.com", "163.com", "gmx.de"} <= (
        duplicates.PUBLIC_MAIL_DOMAINS
    )


def test_most_reasons_come_first_then_company_names_in_order(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    add(db, us("Zava Apparel", "it@zava.example", "zavaapparel"))  # e-mail only
    add(db, us("Zava Inc.", "it@zava-inc.example", "zava"))  # name and domain
    add(db, us("Alpine Ski House", "ski@zava.example", "alpineski"))  # e-mail only
    add(db, us("Northwind Traders", "it@northwind.example", "northwind"))  # nothing
    typed = us("Zava", "sales@zava.example", "ZAVA")
    assert found(db, typed) == [
        ("Zava Inc.", (DuplicateReason.SAME_DOMAIN, DuplicateReason.SIMILAR_NAME)),
        ("Alpine Ski House", (DuplicateReason.SAME_EMAIL_DOMAIN,)),
        ("Zava Apparel", (DuplicateReason.SAME_EMAIL_DOMAIN,)),
    ]
    assert found(db, typed, limit=2) == found(db, typed)[:2]


def test_every_reason_at_once_is_listed_in_order(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    add(db, us("Litware, Inc.", "it@litware.example", "litware"))
    typed = us("LITWARE LLC", "new@Litware.example", "litware")
    assert found(db, typed) == [("Litware, Inc.", tuple(DuplicateReason))]


def test_nothing_to_match_on_finds_nothing(
    db: Database, us: Callable[[str, str, str], CustomerInput], us_customer: CustomerInput
) -> None:
    add(db, us_customer)
    assert found(db, us("Fabrikam", "a@fabrikam.example", "fabrikam")) == []
    assert found(db, us("", "", "")) == []
    with pytest.raises(ValueError, match="limit"):
        possible_duplicates(db, us_customer, limit=0)


def test_the_lookup_is_one_query_on_the_indexes(
    db: Database, us: Callable[[str, str, str], CustomerInput]
) -> None:
    tests = duplicates._tests(us("Contoso Ltd", "a@contoso.example", "contoso"))
    assert len(tests) == 3
    sql = str(
        duplicates._statement(tests, 10).compile(db.engine, compile_kwargs={"literal_binds": True})
    )
    with db.engine.begin() as connection:
        if db.dialect == "sqlite":
            plan = " ".join(
                str(row[3]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
            assert "SCAN" not in plan
            for index in ("domain_prefix_ci", "email_domain", "match_key"):
                assert f"ix_customer_{index}" in plan
        else:
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}"))
            assert "Seq Scan" not in plan
            for index in ("domain_prefix_ci", "email_domain", "match_key"):
                assert f"ix_customer_{index}" in plan
