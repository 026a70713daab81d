"""The indirect resellers a customer can be associated with."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, ValidationFailed
from pcdesk.models import AuditEvent, Customer, IndirectReseller, PartnerType, ResellerState
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.inputs import AgreementInput, CustomerInput, PartnerProfileInput
from pcdesk.services.partner.profile import set_partner_profile
from pcdesk.services.resellers import records as reseller_service
from pcdesk.services.resellers.records import (
    ResellerData,
    ResellerInput,
    add_reseller,
    get_reseller,
    list_resellers,
    reactivate_reseller,
    reseller_customer_count,
    suspend_reseller,
    update_reseller,
)


def test_only_active_resellers_are_offered_by_name(db: Database) -> None:
    seed_demo(db)
    resellers = list_resellers(db)
    assert [r.name for r in resellers] == [
        "Adatum Solutions 艾達姆資訊",
        "Litware Inc.",
        "Northwind Traders IT Services",
    ]
    assert all(r.state is ResellerState.ACTIVE for r in resellers)
    litware = resellers[1]
    assert (litware.partner_id, litware.country) == ("4410287", "US")


def test_all_resellers_include_the_suspended_one(db: Database) -> None:
    seed_demo(db)
    everyone = list_resellers(db, active_only=False)
    assert len(everyone) == 4
    suspended = [r for r in everyone if r.state is ResellerState.SUSPENDED]
    assert [r.name for r in suspended] == ["Proseware Partners (suspended)"]


def test_names_sort_ignoring_case_and_width_then_by_id(db: Database) -> None:
    with db.session_factory.begin() as session:
        for name, mpn in [
            ("litware", "1000001"),
            ("Contoso IT", "1000002"),
            ("LITWARE", "1000003"),
            ("ｂｌｕｅ yonder", "1000004"),  # noqa: RUF001 - full-width, as an input method types it
            ("alpine", "1000005"),
        ]:
            session.add(IndirectReseller(name=name, partner_id=mpn, country="US"))
    resellers = list_resellers(db)
    assert [r.partner_id for r in resellers] == [
        "1000005",
        "1000004",
        "1000002",
        "1000001",
        "1000003",
    ]
    assert resellers[0] == ResellerData(
        id=resellers[0].id,
        name="alpine",
        partner_id="1000005",
        country="US",
        state=ResellerState.ACTIVE,
    )


# -- adding, editing, suspending ---------------------------------------------------------------

TENANT = "0f4c2a8e-5b1d-4e7a-9c3f-2d6b8a1e4f70"
OTHER_TENANT = "a3e1d9c2-7f40-4b8a-b5d6-1c2e3f4a5b6c"
CONTOSO = ResellerInput("Contoso Resellers 康圖索", "7204518", TENANT, "TW")


def provider(db: Database, partner_type: PartnerType = PartnerType.INDIRECT_PROVIDER) -> Database:
    set_partner_profile(
        db,
        PartnerProfileInput(
            name="Fabrikam Cloud Partners",
            tenant_id="6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            partner_id="4847383",
            partner_type=partner_type,
        ),
        actor="setup",
    )
    return db


@pytest.fixture
def pdb(db: Database) -> Database:
    """``db`` whose partner is an indirect provider, with no reseller yet."""
    return provider(db)


def reseller_events(db: Database) -> list[tuple[str, str, dict[str, Any]]]:
    with db.session_factory() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("reseller.%")).order_by(AuditEvent.id)
        )
        return [(row.action, row.actor, json.loads(row.details)) for row in rows]


def stored_rows(db: Database) -> list[tuple[str, str, str | None, str, ResellerState]]:
    with db.session_factory() as session:
        return [
            (r.name, r.partner_id, r.tenant_id, r.country, r.state)
            for r in session.scalars(select(IndirectReseller).order_by(IndirectReseller.id))
        ]


def test_add_stores_the_reseller_normalized_with_its_audit_event(pdb: Database) -> None:
    added = add_reseller(
        pdb,
        ResellerInput(
            "  Contoso Resellers   康圖索 ", " 7 204 518 ", "{" + TENANT.upper() + "}", "tw"
        ),
        actor="clerk",
    )
    assert added == ResellerData(
        id=added.id,
        name="Contoso Resellers 康圖索",
        partner_id="7204518",
        country="TW",
        state=ResellerState.ACTIVE,
        tenant_id=TENANT,
    )
    assert stored_rows(pdb) == [
        ("Contoso Resellers 康圖索", "7204518", TENANT, "TW", ResellerState.ACTIVE)
    ]
    assert reseller_events(pdb) == [
        (
            "reseller.added",
            "clerk",
            {
                "reseller_id": added.id,
                "name": "Contoso Resellers 康圖索",
                "partner_id": "7204518",
                "tenant_id": TENANT,
                "country": "TW",
            },
        )
    ]
    assert list_resellers(pdb) == (added,)


def test_full_width_digits_typed_by_an_input_method_are_a_partner_id(pdb: Database) -> None:
    full_width = "７２０４５１８"  # noqa: RUF001 - as a Chinese input method types digits
    added = add_reseller(pdb, ResellerInput("Litware", full_width, TENANT, "US"))
    assert added.partner_id == "7204518"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            ResellerInput("", "", "", ""),
            {
                "name": "Enter the reseller's name.",
                "partner_id": "Enter the reseller's Partner ID (MPN ID).",
                "tenant_id": "Enter the reseller's tenant ID (its Microsoft ID), a GUID like "
                "72f988bf-86f1-41af-91ab-2d7cd011db47.",
                "country": "Choose the country or region.",
            },
        ),
        (
            ResellerInput("x" * 256, "48A7383", "not-a-guid", "UK"),
            {
                "name": "At most 255 characters; this one has 256.",
                "partner_id": "A Partner ID is 5 to 10 digits, like 4847383; “48A7383” is not.",
                "tenant_id": "“not-a-guid” is not a tenant ID, a GUID like "
                "72f988bf-86f1-41af-91ab-2d7cd011db47.",
                "country": "“UK” is not a country code: the United Kingdom is GB.",
            },
        ),
        (
            ResellerInput("   ", "123", TENANT, "XX"),
            {
                "name": "Enter the reseller's name.",
                "partner_id": "A Partner ID is 5 to 10 digits, like 4847383; “123” is not.",
                "country": "“XX” is not a country code we know.",
            },
        ),
        (
            ResellerInput("Contoso", "12345678901", TENANT, "US"),
            {"partner_id": "A Partner ID is 5 to 10 digits, like 4847383; “12345678901” is not."},
        ),
    ],
)
def test_bad_input_gets_a_message_per_field_and_nothing_is_written(
    pdb: Database, data: ResellerInput, expected: dict[str, str]
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        add_reseller(pdb, data)
    assert failure.value.errors == expected
    assert stored_rows(pdb) == []
    assert reseller_events(pdb) == []


def test_a_partner_id_or_tenant_id_already_used_is_a_field_message(pdb: Database) -> None:
    add_reseller(pdb, CONTOSO)
    with pytest.raises(ValidationFailed) as failure:
        add_reseller(pdb, ResellerInput("Litware", "7204518", OTHER_TENANT, "US"))
    assert failure.value.errors == {
        "partner_id": "Partner ID 7204518 already belongs to Contoso Resellers 康圖索."
    }
    with pytest.raises(ValidationFailed) as failure:
        add_reseller(pdb, ResellerInput("Litware", "4410287", TENANT.upper(), "US"))
    assert failure.value.errors == {
        "tenant_id": "This tenant ID already belongs to Contoso Resellers 康圖索."
    }
    assert len(stored_rows(pdb)) == 1


def test_a_partner_id_taken_by_another_workstation_meanwhile_is_a_field_message(
    pdb: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_reseller(pdb, CONTOSO)
    # The other workstation's row lands between our check and our insert: the check sees
    # nothing, the unique index refuses the insert.
    real_conflicts = reseller_service.conflicts
    calls = []

    def late_check(*args: Any) -> dict[str, Any]:
        calls.append(args)
        return {} if len(calls) == 1 else real_conflicts(*args)

    monkeypatch.setattr(reseller_service, "conflicts", late_check)
    with pytest.raises(ValidationFailed) as failure:
        add_reseller(pdb, ResellerInput("Litware", "7204518", OTHER_TENANT, "US"))
    assert failure.value.errors == {
        "partner_id": "Partner ID 7204518 already belongs to Contoso Resellers 康圖索."
    }
    assert len(stored_rows(pdb)) == 1
    assert [action for action, _, _ in reseller_events(pdb)] == ["reseller.added"]


def test_only_an_indirect_provider_manages_resellers(db: Database) -> None:
    with pytest.raises(NotAllowed):  # no partner profile yet
        add_reseller(db, CONTOSO)
    for partner_type in (PartnerType.DIRECT_BILL, PartnerType.INDIRECT_RESELLER):
        provider(db, partner_type)
        with pytest.raises(NotAllowed) as refused:
            add_reseller(db, CONTOSO)
        assert "Only an indirect provider has indirect resellers" in str(refused.value)
    with db.session_factory.begin() as session:
        session.add(IndirectReseller(name="Legacy", partner_id="5550001", country="US"))
        reseller_id = session.scalars(select(IndirectReseller.id)).one()
    for action in (suspend_reseller, reactivate_reseller):
        with pytest.raises(NotAllowed):
            action(db, reseller_id)
    with pytest.raises(NotAllowed):
        update_reseller(db, reseller_id, ResellerInput("Renamed", "5550001", TENANT, "US"))
    assert stored_rows(db) == [("Legacy", "5550001", None, "US", ResellerState.ACTIVE)]


def with_customer(
    db: Database, us_customer: CustomerInput, us_agreement: AgreementInput
) -> tuple[int, int]:
    reseller = add_reseller(db, CONTOSO)
    customer = create_customer(
        db, replace(us_customer, indirect_reseller_id=reseller.id), us_agreement
    )
    return reseller.id, customer.id


def customer_reseller(db: Database, customer_id: int) -> tuple[int | None, str]:
    with db.session_factory() as session:
        customer = session.get(Customer, customer_id)
        assert customer is not None
        return customer.indirect_reseller_id, customer.reseller_name


def test_editing_renames_the_reseller_on_its_customers(
    pdb: Database, us_customer: CustomerInput, us_agreement: AgreementInput
) -> None:
    reseller_id, customer_id = with_customer(pdb, us_customer, us_agreement)
    before = get_reseller(pdb, reseller_id)
    updated = update_reseller(
        pdb,
        reseller_id,
        ResellerInput("Contoso Partners 康圖索", "7204518", TENANT, "HK"),
        expected=before,
        actor="clerk",
    )
    assert (updated.name, updated.country, updated.tenant_id) == (
        "Contoso Partners 康圖索",
        "HK",
        TENANT,
    )
    assert customer_reseller(pdb, customer_id) == (reseller_id, "Contoso Partners 康圖索")
    assert reseller_events(pdb)[-1] == (
        "reseller.updated",
        "clerk",
        {
            "reseller_id": reseller_id,
            "name": "Contoso Partners 康圖索",
            "changes": {
                "name": ["Contoso Resellers 康圖索", "Contoso Partners 康圖索"],
                "country": ["TW", "HK"],
            },
        },
    )
    # Saving the same values again writes nothing and records nothing.
    again = update_reseller(pdb, reseller_id, ResellerInput(updated.name, "7204518", TENANT, "HK"))
    assert again == updated
    assert len(reseller_events(pdb)) == 2


def test_editing_validates_and_keeps_the_partner_id_unique(pdb: Database) -> None:
    contoso = add_reseller(pdb, CONTOSO)
    litware = add_reseller(pdb, ResellerInput("Litware", "4410287", OTHER_TENANT, "US"))
    with pytest.raises(ValidationFailed) as failure:
        update_reseller(pdb, litware.id, ResellerInput("", "7204518", "", "US"))
    assert failure.value.errors == {
        "name": "Enter the reseller's name.",
        "tenant_id": "Enter the reseller's tenant ID (its Microsoft ID), a GUID like "
        "72f988bf-86f1-41af-91ab-2d7cd011db47.",
    }
    with pytest.raises(ValidationFailed) as failure:
        update_reseller(pdb, litware.id, ResellerInput("Litware", "7204518", OTHER_TENANT, "US"))
    assert failure.value.errors == {
        "partner_id": "Partner ID 7204518 already belongs to Contoso Resellers 康圖索."
    }
    assert get_reseller(pdb, litware.id) == litware
    assert get_reseller(pdb, contoso.id) == contoso


def test_a_reseller_recorded_without_a_tenant_id_can_be_edited_without_one(pdb: Database) -> None:
    seed_demo(pdb)
    litware = next(r for r in list_resellers(pdb) if r.name == "Litware Inc.")
    assert litware.tenant_id is None
    renamed = update_reseller(pdb, litware.id, ResellerInput("Litware Inc", "4410287", "", "US"))
    assert (renamed.name, renamed.tenant_id) == ("Litware Inc", None)
    filled = update_reseller(pdb, litware.id, ResellerInput("Litware Inc", "4410287", TENANT, "US"))
    assert filled.tenant_id == TENANT


def test_an_edit_over_another_workstations_change_is_refused(pdb: Database) -> None:
    contoso = add_reseller(pdb, CONTOSO)
    update_reseller(pdb, contoso.id, ResellerInput("Contoso (their edit)", "7204518", TENANT, "TW"))
    with pytest.raises(ConcurrentChange):
        update_reseller(
            pdb,
            contoso.id,
            ResellerInput("Contoso (my edit)", "7204518", TENANT, "TW"),
            expected=contoso,
        )
    assert get_reseller(pdb, contoso.id).name == "Contoso (their edit)"
    # A suspension meanwhile is no conflict for a rename.
    current = get_reseller(pdb, contoso.id)
    suspend_reseller(pdb, contoso.id)
    renamed = update_reseller(
        pdb, contoso.id, ResellerInput("Contoso", "7204518", TENANT, "TW"), expected=current
    )
    assert (renamed.name, renamed.state) == ("Contoso", ResellerState.SUSPENDED)


def test_a_reseller_that_does_not_exist_is_not_found(pdb: Database) -> None:
    with pytest.raises(NotFound):
        get_reseller(pdb, 999)
    with pytest.raises(NotFound):
        update_reseller(pdb, 999, CONTOSO)
    with pytest.raises(NotFound):
        suspend_reseller(pdb, 999)


def test_suspending_keeps_existing_customers_but_refuses_new_ones(
    pdb: Database,
    us_customer: CustomerInput,
    tw_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> None:
    reseller_id, customer_id = with_customer(pdb, us_customer, us_agreement)
    assert reseller_customer_count(pdb, reseller_id) == 1
    suspended = suspend_reseller(pdb, reseller_id, actor="clerk")
    assert suspended.state is ResellerState.SUSPENDED
    assert customer_reseller(pdb, customer_id) == (reseller_id, "Contoso Resellers 康圖索")
    assert reseller_customer_count(pdb, reseller_id) == 1
    assert list_resellers(pdb) == ()
    assert [r.id for r in list_resellers(pdb, active_only=False)] == [reseller_id]

    # A new customer cannot be given the suspended reseller, whoever calls create_customer.
    with pytest.raises(ValidationFailed) as failure:
        create_customer(pdb, replace(tw_customer, indirect_reseller_id=reseller_id), us_agreement)
    assert failure.value.errors == {
        "indirect_reseller_id": "This indirect reseller is suspended or no longer exists."
    }

    # Suspending again changes nothing and records nothing.
    suspend_reseller(pdb, reseller_id)
    reactivated = reactivate_reseller(pdb, reseller_id, actor="clerk")
    assert reactivated.state is ResellerState.ACTIVE
    assert [(action, actor) for action, actor, _ in reseller_events(pdb)][1:] == [
        ("reseller.suspended", "clerk"),
        ("reseller.reactivated", "clerk"),
    ]
    assert reseller_events(pdb)[1][2] == {
        "reseller_id": reseller_id,
        "name": "Contoso Resellers 康圖索",
        "partner_id": "7204518",
    }
    # Active again, it can be chosen.
    created = create_customer(
        pdb, replace(tw_customer, indirect_reseller_id=reseller_id), us_agreement
    )
    assert created.indirect_reseller_id == reseller_id
