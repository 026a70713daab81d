"""Editing a customer and confirming its agreement: validated, audited, never overwriting others."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotFound, Unavailable, ValidationFailed
from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    AuditEvent,
    Customer,
    IndirectReseller,
    PartnerProfile,
    ResellerState,
    database,
)
from pcdesk.models.collation import sort_key
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.audit import customer_history
from pcdesk.services.customer_list.query import customer_page
from pcdesk.services.customers import create as customers
from pcdesk.services.customers import edits as customer_edits
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.customers.edits import (
    CustomerChanged,
    confirm_agreement,
    customer_input_of,
    update_customer,
)
from pcdesk.services.inputs import AgreementInput, CustomerInput

PENDING = AgreementInput(accepted=False)


@pytest.fixture
def seattle_input(us_customer: CustomerInput) -> CustomerInput:
    """The US customer with a phone extension and tags, for edits to keep or change."""
    return replace(us_customer, contact_phone="425-882-8080 x1234", tags="pharma, west")


def audit_actions(db: Database, customer_id: int) -> list[str]:
    return [entry.action for entry in customer_history(db, customer_id)]


def count(db: Database, model: type) -> int:
    with db.session_factory() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def list_row_agreement(db: Database, customer_id: int) -> object:
    return next(row for row in customer_page(db, limit=1000) if row.id == customer_id).agreement


@pytest.fixture
def seattle(
    db: Database, seattle_input: CustomerInput, us_agreement: AgreementInput
) -> CustomerDetails:
    return create_customer(db, seattle_input, us_agreement, actor="creator")


def test_an_edit_is_saved_audited_and_bumps_the_version(
    db: Database, seattle: CustomerDetails
) -> None:
    edit = replace(
        customer_input_of(seattle),
        company_name="  Contoso   Pharma Inc. ",
        address_line1="400 Broad St",
        city="Seattle",
        postal_code="98109",
        contact_phone="(206) 555-0100",
        tags="pharma",
    )
    updated = update_customer(db, seattle.id, seattle.version, edit, actor="clerk")

    assert updated == get_customer(db, seattle.id)
    assert updated.company_name == "Contoso Pharma Inc."  # normalised as the wizard's input is
    assert (updated.address_line1, updated.city, updated.postal_code) == (
        "400 Broad St",
        "Seattle",
        "98109",
    )
    assert updated.contact_phone == "+12065550100"
    assert updated.version == seattle.version + 1
    assert updated.updated_by == "clerk"
    assert (updated.microsoft_id, updated.domain, updated.created_by) == (
        seattle.microsoft_id,
        seattle.domain,
        "creator",
    )
    latest = customer_history(db, seattle.id)[0]
    assert (latest.action, latest.actor) == ("customer.updated", "clerk")
    assert latest.details == {
        "company_name": ["Contoso Pharmaceuticals", "Contoso Pharma Inc."],
        "address_line1": ["One Microsoft Way", "400 Broad St"],
        "city": ["Redmond", "Seattle"],
        "postal_code": ["98052", "98109"],
        "contact_phone": ["+14258828080;ext=1234", "+12065550100"],
        "tags": ["pharma, west", "pharma"],
    }
    # the list sorts it by its new name
    with db.session_factory() as session:
        stored = session.scalar(select(Customer.collation_key).where(Customer.id == seattle.id))
    assert stored == sort_key("Contoso Pharma Inc.") != sort_key("Contoso Pharmaceuticals")


@pytest.mark.parametrize("account", ["seattle_input", "tw_customer"], ids=["US", "TW"])
def test_saving_the_form_unchanged_writes_nothing(
    db: Database, account: str, request: pytest.FixtureRequest
) -> None:
    # Stored values (E.164 phone with extension, "台北市" for the state) pass the form's rules again.
    created = create_customer(db, request.getfixturevalue(account), PENDING)
    again = update_customer(db, created.id, created.version, customer_input_of(created))
    assert again == created
    assert audit_actions(db, created.id) == ["customer.created"]


def test_the_domain_case_is_not_a_change(db: Database, seattle: CustomerDetails) -> None:
    edit = replace(customer_input_of(seattle), domain_prefix="ContosoPharma.onmicrosoft.com")
    assert update_customer(db, seattle.id, seattle.version, edit) == seattle


def test_a_second_workstation_with_the_old_version_is_told_and_overwrites_nothing(
    db: Database, seattle: CustomerDetails
) -> None:
    mine = replace(customer_input_of(seattle), company_name="Contoso Pharma (mine)")
    theirs = replace(customer_input_of(seattle), city="Bellevue", postal_code="98004")
    saved = update_customer(db, seattle.id, seattle.version, theirs, actor="other-desk")

    with pytest.raises(CustomerChanged) as conflict:
        update_customer(db, seattle.id, seattle.version, mine, actor="me")

    assert isinstance(conflict.value, ConcurrentChange)
    assert conflict.value.current == saved == get_customer(db, seattle.id)
    assert conflict.value.current.city == "Bellevue"
    assert conflict.value.current.company_name == "Contoso Pharmaceuticals"
    message = conflict.value.message
    assert message.startswith("Another workstation changed this customer")
    assert "Nothing was saved" in message and message.context == "customer_edits"
    assert audit_actions(db, seattle.id) == ["customer.updated", "customer.created"]
    # Made again on the values it was shown, the user's edit goes through.
    current = conflict.value.current
    again = replace(customer_input_of(current), company_name="Contoso Pharma (mine)")
    retried = update_customer(db, seattle.id, current.version, again)
    assert (retried.company_name, retried.city) == ("Contoso Pharma (mine)", "Bellevue")


def test_a_change_landing_between_the_check_and_the_write_is_caught_too(
    db: Database, seattle: CustomerDetails, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The version check passes; then the row changes under us (as another workstation's commit
    # would on PostgreSQL): the ORM's version column refuses the UPDATE.
    real = customers.account_problems

    def meanwhile(
        session: Session, data: CustomerInput, partner: PartnerProfile | None, **options: bool
    ) -> dict[str, str]:
        session.execute(
            text("UPDATE customer SET version = version + 1 WHERE id = :id"), {"id": seattle.id}
        )
        return real(session, data, partner, **options)

    monkeypatch.setattr(customer_edits, "account_problems", meanwhile)
    edit = replace(customer_input_of(seattle), company_name="Contoso Pharma Inc.")
    with pytest.raises(CustomerChanged) as conflict:
        update_customer(db, seattle.id, seattle.version, edit)
    assert conflict.value.current == seattle == get_customer(db, seattle.id)
    assert audit_actions(db, seattle.id) == ["customer.created"]


def test_invalid_input_is_refused_by_field_and_the_database_keeps_its_values(
    db: Database, seattle: CustomerDetails
) -> None:
    edit = replace(
        customer_input_of(seattle),
        company_name="LLC",
        contact_email="dana@microsoft.com",
        postal_code="1234",
    )
    with pytest.raises(ValidationFailed) as refused:
        update_customer(db, seattle.id, seattle.version, edit)
    assert {"company_name", "contact_email", "postal_code"} <= set(refused.value.errors)
    assert get_customer(db, seattle.id) == seattle
    assert audit_actions(db, seattle.id) == ["customer.created"]


def test_the_domain_and_the_country_never_change(db: Database, seattle: CustomerDetails) -> None:
    with pytest.raises(ValidationFailed) as refused:
        update_customer(
            db, seattle.id, seattle.version, replace(customer_input_of(seattle), domain_prefix="x1")
        )
    assert refused.value.errors == {
        "domain_prefix": "The initial domain contosopharma.onmicrosoft.com can never be changed."
    }
    canada = replace(
        customer_input_of(seattle),
        country="CA",
        city="Toronto",
        state="ON",
        postal_code="M5H 2N2",
    )
    with pytest.raises(ValidationFailed) as refused:
        update_customer(db, seattle.id, seattle.version, canada)
    assert refused.value.errors["country"] == "A customer's country/region cannot be changed."
    assert get_customer(db, seattle.id) == seattle


def test_a_customer_removed_meanwhile_is_not_found(
    db: Database, seattle: CustomerDetails, us_agreement: AgreementInput
) -> None:
    with db.session_factory.begin() as session:
        session.delete(session.get_one(Customer, seattle.id))
    with pytest.raises(NotFound):
        update_customer(db, seattle.id, seattle.version, customer_input_of(seattle))
    with pytest.raises(NotFound):
        confirm_agreement(db, seattle.id, seattle.version, us_agreement)


def test_a_reseller_must_be_active_when_chosen_but_a_suspended_one_may_stay(
    db: Database,
    us_agreement: AgreementInput,
    seattle_input: CustomerInput,
) -> None:
    with db.session_factory.begin() as session:
        litware = IndirectReseller(
            name="Litware Inc.", partner_id="4410287", country="US", state=ResellerState.ACTIVE
        )
        proseware = IndirectReseller(
            name="Proseware", partner_id="3987765", country="US", state=ResellerState.SUSPENDED
        )
        session.add_all([litware, proseware])
        session.flush()
        litware_id, proseware_id = litware.id, proseware.id
    created = create_customer(
        db, replace(seattle_input, indirect_reseller_id=litware_id), us_agreement
    )
    form = customer_input_of(created)

    with pytest.raises(ValidationFailed) as refused:
        update_customer(
            db, created.id, created.version, replace(form, indirect_reseller_id=proseware_id)
        )
    assert "suspended" in refused.value.errors["indirect_reseller_id"]

    with db.session_factory.begin() as session:
        session.get_one(IndirectReseller, litware_id).state = ResellerState.SUSPENDED
    updated = update_customer(db, created.id, created.version, replace(form, tags="kept"))
    assert (updated.indirect_reseller_id, updated.tags) == (litware_id, "kept")

    direct = update_customer(
        db,
        updated.id,
        updated.version,
        replace(customer_input_of(updated), indirect_reseller_id=None),
    )
    assert (direct.indirect_reseller_id, direct.indirect_reseller_name) == (None, "")
    assert customer_history(db, created.id)[0].details == {
        "indirect_reseller_id": [litware_id, None]
    }


@pytest.fixture
def pending(db: Database, seattle_input: CustomerInput) -> CustomerDetails:
    return create_customer(db, seattle_input, PENDING, actor="creator")


def test_a_pending_agreement_is_confirmed_with_its_signer_and_date(
    db: Database, pending: CustomerDetails
) -> None:
    signer = AgreementInput(
        True, " Ana ", "Souza", "ana@contosopharma.com", "+1 425 555 0101", dt.date(2025, 6, 30)
    )
    confirmed = confirm_agreement(
        db, pending.id, pending.version, signer, actor="clerk", today=dt.date(2025, 7, 1)
    )

    assert confirmed == get_customer(db, pending.id)
    assert confirmed.agreement is not None
    assert confirmed.agreement.status is AgreementStatus.ACCEPTED
    assert (confirmed.agreement.signer_first_name, confirmed.agreement.signer_email) == (
        "Ana",
        "ana@contosopharma.com",
    )
    assert confirmed.agreement.date_accepted == dt.date(2025, 6, 30)
    assert confirmed.agreement.recorded_by == "clerk"
    assert confirmed.version == pending.version + 1
    assert confirmed.updated_by == "clerk"
    latest = customer_history(db, pending.id)[0]
    assert (latest.action, latest.actor) == ("agreement.accepted", "clerk")
    assert latest.details["date_accepted"] == "2025-06-30"
    assert list_row_agreement(db, pending.id) == AgreementStatus.ACCEPTED  # kept by a trigger

    with pytest.raises(ValidationFailed) as refused:
        confirm_agreement(db, pending.id, confirmed.version, signer, today=dt.date(2025, 7, 1))
    assert "not pending" in refused.value.errors["agreement"]
    assert count(db, AgreementAcceptance) == 2


def test_an_accepted_agreement_has_nothing_to_confirm(
    db: Database, seattle: CustomerDetails, us_agreement: AgreementInput
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        confirm_agreement(db, seattle.id, seattle.version, us_agreement)
    assert set(refused.value.errors) == {"agreement"}


def test_a_confirmation_needs_acceptance_a_signer_and_a_past_date(
    db: Database, pending: CustomerDetails
) -> None:
    today = dt.date(2025, 7, 1)
    with pytest.raises(ValidationFailed) as refused:
        confirm_agreement(db, pending.id, pending.version, PENDING, today=today)
    assert refused.value.errors == {
        "accepted": "Confirm that the customer accepted the Microsoft Customer Agreement."
    }
    future = AgreementInput(True, "A", "", "not-an-email", "", dt.date(2025, 7, 2))
    with pytest.raises(ValidationFailed) as refused:
        confirm_agreement(db, pending.id, pending.version, future, today=today)
    assert {"signer_first_name", "signer_last_name", "signer_email", "date_accepted"} <= set(
        refused.value.errors
    )
    assert "in the future" in refused.value.errors["date_accepted"]
    assert get_customer(db, pending.id) == pending
    assert list_row_agreement(db, pending.id) == AgreementStatus.PENDING
    assert audit_actions(db, pending.id) == ["customer.created"]


def test_a_confirmation_against_an_old_version_is_refused(
    db: Database, pending: CustomerDetails, us_agreement: AgreementInput
) -> None:
    edited = update_customer(
        db, pending.id, pending.version, replace(customer_input_of(pending), tags="edited")
    )
    with pytest.raises(CustomerChanged) as conflict:
        confirm_agreement(db, pending.id, pending.version, us_agreement, today=dt.date(2025, 7, 1))
    assert conflict.value.current == edited
    assert edited.agreement is not None and edited.agreement.status is AgreementStatus.PENDING
    assert count(db, AgreementAcceptance) == 1


def test_an_edit_on_a_locked_database_is_reported_and_nothing_is_written(
    sqlite_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    seattle_input: CustomerInput,
    us_agreement: AgreementInput,
) -> None:
    path = tmp_path / "shared.sqlite3"
    shutil.copyfile(sqlite_template, path)
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    db = open_database(sqlite_url(path))
    created = create_customer(db, seattle_input, us_agreement)
    other_user = sqlite3.connect(path, isolation_level=None)
    try:
        other_user.execute("BEGIN IMMEDIATE")
        edit = replace(customer_input_of(created), tags="locked")
        with pytest.raises(Unavailable) as failed:
            update_customer(db, created.id, created.version, edit)
        other_user.execute("ROLLBACK")
        assert "Nothing was saved" in failed.value.message
        assert get_customer(db, created.id) == created
        assert count(db, AuditEvent) == 1
    finally:
        other_user.close()
        db.dispose()
