"""Adding customers: one transaction, validated again in the service, nothing half-written."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from pcdesk.errors import NotAllowed, Unavailable, ValidationFailed
from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    AuditEvent,
    Customer,
    IndirectReseller,
    PartnerType,
    ResellerState,
    Subscription,
    SubscriptionStatus,
    database,
)
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.audit import customer_history
from pcdesk.services.customers import create as customers
from pcdesk.services.customers.create import create_customer, domain_prefix_available, domain_status
from pcdesk.services.inputs import (
    AgreementInput,
    CustomerInput,
    PartnerProfileInput,
    SubscriptionLine,
)
from pcdesk.services.partner.profile import set_partner_profile

SIGNED = AgreementInput(
    accepted=True,
    signer_first_name="志明",
    signer_last_name="陳",
    signer_email="chen@twchip.com.tw",
    date_accepted=dt.date(2025, 3, 14),
)
PENDING = AgreementInput(accepted=False)


def count(db: Database, model: type) -> int:
    with db.session_factory() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_taiwanese_customer_lands_whole_with_agreement_subscriptions_and_history(
    stocked: Database,
    offer_id: Callable[..., int],
    tw_customer: CustomerInput,
) -> None:
    premium = offer_id(stocked, "TW", "CFQ7TTC0LCHC")
    created = create_customer(
        stocked, tw_customer, SIGNED, [SubscriptionLine(premium, 25)], actor="clerk"
    )
    again = customers.get_customer(stocked, created.id)
    assert again == created
    assert again.company_name == "台灣晶片設計股份有限公司"
    assert again.domain == "twchip.onmicrosoft.com"  # stored lower-case
    assert again.admin_user == "admin@twchip.onmicrosoft.com"
    assert again.state == "台北市"  # stored as the address data's key
    assert again.contact_phone == "+886227201234"
    assert (again.language, again.culture) == ("zh", "zh-TW")
    assert again.agreement is not None
    assert again.agreement.status is AgreementStatus.ACCEPTED
    assert again.agreement.signer_last_name == "陳"
    assert [(s.quantity, s.term, s.status) for s in again.subscriptions] == [
        (25, "P1Y", SubscriptionStatus.ACTIVE)
    ]
    history = customer_history(stocked, created.id)
    assert {entry.action for entry in history} == {"customer.created", "subscription.created"}
    assert all(entry.actor == "clerk" for entry in history)


def test_a_pending_agreement_is_recorded_and_blocks_orders(
    stocked: Database, offer_id: Callable[..., int], us_customer: CustomerInput
) -> None:
    basic = offer_id(stocked, "US", "CFQ7TTC0LH18")
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, us_customer, PENDING, [SubscriptionLine(basic, 5)])
    assert "until the customer accepts" in refused.value.errors["subscriptions"]
    assert count(stocked, Customer) == 0

    created = create_customer(stocked, us_customer, PENDING)
    assert created.agreement is not None
    assert created.agreement.status is AgreementStatus.PENDING
    assert created.subscriptions == ()


def test_invalid_input_is_refused_field_by_field_and_nothing_is_written(stocked: Database) -> None:
    brazil = CustomerInput(
        company_name="Coho Vineyard Ltda.",
        country="BR",
        address_line1="Avenida Paulista, 1000",
        city="São Paulo",
        state="SP",
        postal_code="01310-100",
        contact_first_name="Ana",
        contact_last_name="Souza",
        contact_email="ana@microsoft.com",
        domain_prefix="coho-vineyard",
    )
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, brazil, SIGNED)
    errors = refused.value.errors
    assert {
        "organization_registration_id",
        "contact_email",
        "contact_phone",
        "domain_prefix",
    } <= set(errors)
    assert "Brazil" in errors["organization_registration_id"]
    assert (count(stocked, Customer), count(stocked, AgreementAcceptance)) == (0, 0)
    with stocked.session_factory() as session:
        assert (
            session.scalars(select(AuditEvent).where(AuditEvent.customer_id.is_not(None))).all()
            == []
        )


def test_lines_outside_the_market_or_the_licence_limits_are_refused(
    stocked: Database,
    offer_id: Callable[..., int],
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> None:
    taiwan_only = offer_id(stocked, "TW", "CFQ7TTC0LH18")
    basic = offer_id(stocked, "US", "CFQ7TTC0LH18")
    with pytest.raises(ValidationFailed) as refused:
        create_customer(
            stocked,
            us_customer,
            us_agreement,
            [SubscriptionLine(taiwan_only, 5), SubscriptionLine(basic, 301)],
        )
    assert "not sold in United States" in refused.value.errors["subscriptions[0]"]
    assert "from 1 to 300 licenses" in refused.value.errors["subscriptions[1]"]
    assert count(stocked, Subscription) == 0


def test_a_domain_is_taken_ignoring_case(
    stocked: Database, tw_customer: CustomerInput, us_customer: CustomerInput
) -> None:
    create_customer(stocked, tw_customer, SIGNED)
    assert not domain_prefix_available(stocked, "twchip")
    assert (
        domain_status(stocked, "TWCHIP")
        == "twchip.onmicrosoft.com is already taken. Choose another domain."
    )
    assert domain_status(stocked, "twchip2") is None
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, replace(us_customer, domain_prefix="TwChip"), PENDING)
    assert refused.value.errors == {
        "domain_prefix": "twchip.onmicrosoft.com is already taken. Choose another domain."
    }
    assert count(stocked, Customer) == 1


def test_a_domain_taken_meanwhile_by_another_workstation_is_reported_not_crashed(
    stocked: Database,
    monkeypatch: pytest.MonkeyPatch,
    tw_customer: CustomerInput,
    us_customer: CustomerInput,
) -> None:
    create_customer(stocked, tw_customer, SIGNED)
    # The other workstation's insert lands between our check and ours: only the index sees it.
    real = customers._domain_taken
    blind = iter([True])  # the first look (the pre-check) misses the other workstation's row
    monkeypatch.setattr(
        customers, "_domain_taken", lambda s, p: False if next(blind, False) else real(s, p)
    )
    clash = replace(us_customer, domain_prefix="twchip")
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, clash, PENDING)
    assert "already taken" in refused.value.errors["domain_prefix"]
    assert count(stocked, Customer) == 1


def test_indirect_resellers_cannot_add_customers(
    stocked: Database, tw_customer: CustomerInput
) -> None:
    set_partner_profile(
        stocked,
        PartnerProfileInput(
            "Litware Inc.",
            "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "4410287",
            PartnerType.INDIRECT_RESELLER,
        ),
    )
    with pytest.raises(NotAllowed, match="Request a reseller relationship"):
        create_customer(stocked, tw_customer, SIGNED)
    assert count(stocked, Customer) == 0


def test_a_suspended_reseller_cannot_be_chosen(
    stocked: Database, us_customer: CustomerInput
) -> None:
    with stocked.session_factory.begin() as session:
        reseller = IndirectReseller(
            name="Proseware", partner_id="3987765", country="US", state=ResellerState.SUSPENDED
        )
        session.add(reseller)
        session.flush()
        reseller_id = reseller.id
    with pytest.raises(ValidationFailed) as refused:
        create_customer(
            stocked,
            replace(us_customer, indirect_reseller_id=reseller_id),
            PENDING,
        )
    assert "suspended" in refused.value.errors["indirect_reseller_id"]


def test_the_initial_domain_can_never_change(stocked: Database, tw_customer: CustomerInput) -> None:
    created = create_customer(stocked, tw_customer, SIGNED)
    with stocked.session_factory() as session:
        customer = session.get_one(Customer, created.id)
        with pytest.raises(ValueError, match="never change"):
            customer.domain_prefix = "other"


def test_a_stale_edit_from_another_workstation_is_refused(
    stocked: Database, tw_customer: CustomerInput
) -> None:
    created = create_customer(stocked, tw_customer, SIGNED)
    with stocked.session_factory() as mine:
        customer = mine.get_one(Customer, created.id)
        mine.commit()  # the edit form holds the values, not a transaction (expire_on_commit off)
        with stocked.session_factory.begin() as theirs:  # another workstation saves first
            theirs.get_one(Customer, created.id).company_name = "台灣晶片設計有限公司"
        customer.company_name = "Taiwan Chip Design Co., Ltd."
        with pytest.raises(StaleDataError):
            mine.commit()
    assert customers.get_customer(stocked, created.id).company_name == "台灣晶片設計有限公司"


def test_the_audit_details_are_json_with_the_domain(
    stocked: Database, tw_customer: CustomerInput
) -> None:
    created = create_customer(stocked, tw_customer, SIGNED, actor="clerk")
    with stocked.session_factory() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "customer.created")
        ).one()
    assert event.customer_id == created.id
    assert json.loads(event.details)["domain"] == "twchip.onmicrosoft.com"


def test_a_database_check_constraint_backs_the_service(
    stocked: Database, tw_customer: CustomerInput
) -> None:
    created = create_customer(stocked, tw_customer, SIGNED)
    with pytest.raises(IntegrityError), stocked.session_factory.begin() as session:
        session.execute(
            text("UPDATE customer SET relationship = 'friend' WHERE id = :id"), {"id": created.id}
        )


def test_the_licence_limit_counts_every_line_of_one_offer(
    stocked: Database,
    offer_id: Callable[..., int],
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> None:
    basic = offer_id(stocked, "US", "CFQ7TTC0LH18")
    with pytest.raises(ValidationFailed) as refused:
        create_customer(
            stocked,
            us_customer,
            us_agreement,
            [SubscriptionLine(basic, 300), SubscriptionLine(basic, 300)],
        )
    assert "from 1 to 300 licenses" in refused.value.errors["subscriptions[1]"]
    assert count(stocked, Customer) == 0


def test_an_existing_tenant_id_is_stored_canonical_and_never_twice(
    stocked: Database, tw_customer: CustomerInput, us_customer: CustomerInput
) -> None:
    tenant = "{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}"
    created = create_customer(stocked, tw_customer, SIGNED, microsoft_id=tenant)
    assert created.microsoft_id == "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, us_customer, PENDING, microsoft_id=tenant.lower().strip("{}"))
    assert refused.value.errors == {
        "microsoft_id": "A customer with Microsoft ID 6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d already exists."
    }
    with pytest.raises(ValidationFailed) as refused:
        create_customer(stocked, us_customer, PENDING, microsoft_id="not-a-guid")
    assert "is not a Microsoft ID" in refused.value.errors["microsoft_id"]
    assert count(stocked, Customer) == 1


def test_a_phone_extension_is_kept(stocked: Database, us_customer: CustomerInput) -> None:
    created = create_customer(
        stocked, replace(us_customer, contact_phone="425-882-8080 x1234"), PENDING
    )
    assert created.contact_phone == "+14258828080;ext=1234"


def test_a_database_locked_by_another_user_is_reported_and_nothing_is_written(
    sqlite_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> None:
    path = tmp_path / "shared.sqlite3"
    shutil.copyfile(sqlite_template, path)
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)  # the user waits 5 s
    db = open_database(sqlite_url(path))
    other_user = sqlite3.connect(path, isolation_level=None)
    try:
        other_user.execute("BEGIN IMMEDIATE")  # holds the write lock, as a long save would
        with pytest.raises(Unavailable) as failed:
            create_customer(db, us_customer, us_agreement, actor="clerk")
        other_user.execute("ROLLBACK")

        assert isinstance(failed.value.__cause__, OperationalError)
        message = failed.value.message
        assert message.startswith("The database is busy: another workstation is saving")
        assert message.context == "messages" and message.template == message
        for model in (Customer, AgreementAcceptance, AuditEvent):
            assert count(db, model) == 0
        # once the other user is done, the same input goes through
        assert (
            create_customer(db, us_customer, us_agreement).company_name == us_customer.company_name
        )
    finally:
        other_user.close()
        db.dispose()
