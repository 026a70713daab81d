"""What SQLite would store and PostgreSQL would refuse is refused by validation on both, with a
message by field; generated input never crashes a write, and what is stored reads back valid."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from pcdesk.errors import ValidationFailed
from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import get_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcdesk.services.validation import validate_customer

SIGNED = AgreementInput(
    True, "Dana", "Whitfield", "dana@contosopharma.com", "", dt.date(2025, 1, 2)
)


def customers(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"city": "R" * 101}, "city", "At most 100 characters; this one has 101."),
        ({"tags": "t" * 1001}, "tags", "At most 1000 characters; this one has 1001."),
        (
            {"company_name": "Contoso\x00 Ltd"},
            "company_name",
            "Remove the control character (U+0000): it is not something to type here.",
        ),
        (
            {"contact_last_name": "Whit\u202efield"},
            "contact_last_name",
            "Remove the invisible direction control (U+202E): it makes the text read "
            "differently from what it holds.",
        ),
        (
            {"address_line1": "1 Main St\ud800"},
            "address_line1",
            "This text holds a broken character; type it again.",
        ),
        (
            {"indirect_reseller_id": 2**63},
            "indirect_reseller_id",
            f"There is no such record (id {2**63}).",
        ),
    ],
)
def test_the_same_verdict_on_both_databases(
    stocked: Database,
    us_customer: CustomerInput,
    change: dict[str, object],
    field: str,
    message: str,
) -> None:
    data = replace(us_customer, **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, data, SIGNED)
    assert refused.value.errors[field] == message
    assert customers(stocked) == 0


def test_an_offer_id_beyond_any_database_is_refused_not_crashed(
    stocked: Database, us_customer: CustomerInput
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        create_customer(
            stocked, us_customer, SIGNED, [SubscriptionLine(2**63, 1), SubscriptionLine(2**31, 1)]
        )
    assert refused.value.errors["subscriptions[0]"] == "This offer is no longer in the catalog."
    assert refused.value.errors["subscriptions[1]"] == "This offer is no longer in the catalog."
    assert customers(stocked) == 0


TEXT_FIELDS = [
    "company_name",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "postal_code",
    "contact_first_name",
    "contact_last_name",
    "contact_email",
    "contact_phone",
    "organization_registration_id",
    "tags",
]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(TEXT_FIELDS), value=st.text(max_size=300))
def test_generated_text_is_refused_or_stored_valid(
    sqlite_db: Database, us_customer: CustomerInput, field: str, value: str
) -> None:
    data = replace(us_customer, **{field: value}, domain_prefix="hyp" + str(abs(hash(value)))[:20])
    try:
        created = create_customer(sqlite_db, data, SIGNED)
    except ValidationFailed as refused:
        assert refused.errors  # refused with a reason by field, nothing else raised
        return
    stored = get_customer(sqlite_db, created.id)
    again = CustomerInput(
        **{name: getattr(stored, name) for name in asdict(us_customer) if hasattr(stored, name)}
    )
    assert validate_customer(again).ok, validate_customer(again).errors
