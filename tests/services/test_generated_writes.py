"""Generated text through every write service that takes typed text: each call either refuses
with a message by field, or stores what reads back valid. Never a crash, never a raw database
error, and the same on SQLite and PostgreSQL (PostgreSQL refuses NULs and over-long values
that SQLite would store)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcdesk.errors import ValidationFailed
from pcdesk.models import PartnerRole, PartnerType
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import get_customer
from pcdesk.services.customers.edits import customer_input_of, update_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, PartnerProfileInput
from pcdesk.services.partner.profile import get_partner_profile, set_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, list_team, set_team
from pcdesk.services.relationships.invitation import invitation_link
from pcdesk.services.relationships.requests import RequestInput, record_request
from pcdesk.services.resellers.records import add_reseller, list_resellers
from pcdesk.services.validation import validate_customer
from pcdesk.services.validation.reseller import ResellerInput, validate_reseller
from pcdesk.services.validation.text import text_problem

TENANT = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
PROVIDER = PartnerProfileInput(
    name="Fabrikam Cloud Partners",
    tenant_id=TENANT,
    partner_id="4847383",
    partner_type=PartnerType.INDIRECT_PROVIDER,
)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
texts = st.text(max_size=300)
unique = itertools.count(1)


@SETTINGS
@given(
    field=st.sampled_from(
        ["company_name", "address_line1", "city", "postal_code", "contact_first_name", "tags"]
    ),
    value=texts,
)
def test_editing_a_customer(
    db: Database, us_customer: CustomerInput, field: str, value: str
) -> None:
    number = next(unique)
    base = create_customer(
        db, replace(us_customer, domain_prefix=f"edit{number}"), AgreementInput(accepted=False)
    )
    try:
        update_customer(
            db, base.id, base.version, replace(customer_input_of(base), **{field: value})
        )
    except ValidationFailed as refused:
        assert refused.errors
        return
    stored = customer_input_of(get_customer(db, base.id))
    assert validate_customer(stored).ok, validate_customer(stored).errors


@SETTINGS
@given(name=texts, partner_id=st.text(max_size=30) | st.from_regex(r"\A[0-9]{5,10}\Z"))
def test_adding_a_reseller(db: Database, name: str, partner_id: str) -> None:
    set_partner_profile(db, PROVIDER)
    try:
        added = add_reseller(
            db,
            ResellerInput(
                name, partner_id, TENANT.replace("6a", f"{next(unique) % 90 + 10}"[:2], 1), "US"
            ),
        )
    except ValidationFailed as refused:
        assert refused.errors
        return
    stored = next(r for r in list_resellers(db, active_only=False) if r.id == added.id)
    assert not validate_reseller(
        ResellerInput(stored.name, stored.partner_id, stored.tenant_id or "", stored.country)
    )


@SETTINGS
@given(company=texts, subject=texts, email=st.text(max_size=60) | st.emails())
def test_recording_a_relationship_request(
    db: Database, company: str, subject: str, email: str
) -> None:
    set_partner_profile(db, PROVIDER)
    body = f"Hello,\n\n{invitation_link(TENANT)}\n"
    try:
        saved = record_request(db, RequestInput(None, company, email, "en", subject, body))
    except ValidationFailed as refused:
        assert refused.errors
        return
    assert text_problem(saved.prospect_company_name, 255) is None
    assert text_problem(saved.recipient_email, 254) is None


@SETTINGS
@given(name=texts, domain=st.text(max_size=300))
def test_saving_the_partner_profile(db: Database, name: str, domain: str) -> None:
    try:
        set_partner_profile(db, replace(PROVIDER, name=name, domain=domain))
    except ValidationFailed as refused:
        assert refused.errors
        return
    stored = get_partner_profile(db)
    assert stored is not None
    assert text_problem(stored.name, 255) is None


@SETTINGS
@given(name=texts)
def test_recording_the_team(db: Database, name: str) -> None:
    boss = TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN}))
    try:
        set_team(
            db, [boss, TeamMemberData(name, frozenset({PartnerRole.SALES_AGENT}))], actor="boss"
        )
    except ValidationFailed as refused:
        assert refused.errors
        return
    for member in list_team(db):
        assert text_problem(member.user_name, 255) is None


@pytest.fixture(autouse=True)
def _fresh_numbers() -> None:
    """Keys stay unique across the examples that share one database."""
