"""Adding a customer in Partner Center, against the simulator over real sockets: the domain
check, the country's rules, the address check, and a submit whose answer is lost."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from pcdesk.errors import ValidationFailed
from pcdesk.models import AuditEvent, Customer, PartnerCenterCustomer
from pcdesk.models.database import Database
from pcdesk.partner_center import auth
from pcdesk.partner_center import customers as pcc
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.outbox import send_pending
from pcdesk.services import outbox as ob
from pcdesk.services.customers.details import get_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcsimulator import app as sim_app
from pcsimulator.state import Fault, Simulator

from .conftest import jwt


@pytest.fixture
def connection(sim_url: str, db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[
    PartnerCenterConnection
]:  # fmt: skip
    monkeypatch.setenv(auth.API_ENV, sim_url)
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example", amr=["mfa"]))
    pcc.forget_country_rules()
    yield PartnerCenterConnection(db)


def creates(sim: Simulator) -> list[str]:
    return [h.request_id for h in sim.hits_of("/v1/customers") if h.method == "POST"]


def test_a_connected_submit_creates_the_customer_in_partner_center_with_its_admin(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    added = pcc.add_customer(db, connection, us_customer, us_agreement, [], gdap_by_default=True)

    assert added.queued is None and added.credentials is not None
    [made] = sim.created_customers()
    assert made.domain == us_customer.domain_prefix.lower() + ".onmicrosoft.com"
    assert made.gdap_by_default is True
    assert added.details.microsoft_id == made.tenant_id  # Partner Center's tenant, here too
    assert added.credentials.admin_user == f"admin@{made.domain}"
    assert added.credentials.password
    with db.reading() as session:
        assert session.get(PartnerCenterCustomer, added.details.id) is not None
    assert ob.get_item(db, added.item_id or 0).state == "done"
    assert ob.customers_not_in_partner_center(db) == frozenset()


def test_a_submit_whose_answer_is_lost_creates_exactly_one_customer(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    sim.inject("customers.create", Fault("reset"))  # created, then the connection drops

    added = pcc.add_customer(db, connection, us_customer, us_agreement, [])

    assert added.credentials is not None
    assert len(sim.created_customers()) == 1
    first, again = creates(sim)
    assert first == again  # one MS-RequestId across the retry: Partner Center replayed
    assert added.details.microsoft_id == sim.created_customers()[0].tenant_id


def test_offline_the_customer_is_saved_not_yet_in_partner_center_and_sent_later(
    db: Database, sim: Simulator, sim_url: str, us_customer: CustomerInput,
    us_agreement: AgreementInput, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv(auth.API_ENV, "http://127.0.0.1:9")
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example"))
    monkeypatch.setattr(
        "pcdesk.partner_center.client.RetryPolicy.__init__.__defaults__", (1, 0.0, 0.0, 1, 1.0)
    )
    added = pcc.add_customer(db, PartnerCenterConnection(db), us_customer, us_agreement, [])

    assert added.credentials is None and added.queued is not None
    assert "not yet in Partner Center" in added.queued
    assert ob.customers_not_in_partner_center(db) == {added.details.id}
    assert added.details.partner_center == "pending"  # the detail pane says so
    local_id = added.details.microsoft_id

    monkeypatch.setenv(auth.API_ENV, sim_url)
    summary = PartnerCenterConnection(db).send_outbox()
    assert summary.sent == 1 and summary.credentials[0].admin_user.startswith("admin@")
    [made] = sim.created_customers()
    with db.reading() as session:
        customer = session.get(Customer, added.details.id)
        assert customer is not None and customer.microsoft_id == made.tenant_id != local_id
    assert ob.customers_not_in_partner_center(db) == frozenset()
    assert get_customer(db, added.details.id).partner_center == "linked"


def test_signed_out_the_creation_is_queued(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    added = pcc.add_customer(db, connection, us_customer, us_agreement, [], online=False)
    assert added.queued is not None and "sign in" in added.queued
    assert sim.created_customers() == []
    with connection.client() as client:
        assert send_pending(db, client).sent == 1


def test_a_domain_taken_in_partner_center_is_refused_and_nothing_is_kept(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    sim.seed_domains.add("contosopharma.onmicrosoft.com")
    data = dataclasses.replace(us_customer, domain_prefix="contosopharma")
    with pytest.raises(ValidationFailed) as refused:
        pcc.add_customer(db, connection, data, us_agreement, [])
    assert "already taken" in refused.value.errors["domain_prefix"]
    with db.reading() as session:
        assert session.scalars(select(Customer)).all() == []
        events = session.scalars(select(AuditEvent.action)).all()
    assert "customer.refused_by_partner_center" in events
    assert ob.items(db, None) == ()
    assert creates(sim) == []


def test_partner_center_refusal_goes_back_to_its_field(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    # Partner Center requires a phone where pcdesk's own rules do not (made so for the US here).
    data = dataclasses.replace(us_customer, contact_phone="")

    sim_app.PHONE_REQUIRED.add("US")
    try:
        with pytest.raises(ValidationFailed) as refused:
            pcc.add_customer(db, connection, data, us_agreement, [])
    finally:
        sim_app.PHONE_REQUIRED.discard("US")
    message = refused.value.errors["contact_phone"]
    assert "600051" in message and "request ID" in message


def test_the_domain_check_says_what_was_checked(
    db: Database, sim: Simulator, connection: PartnerCenterConnection
) -> None:
    free = pcc.check_domain(db, connection, "brandnewname")
    assert free.problem is None and free.note == (
        "brandnewname.onmicrosoft.com is available in Partner Center."
    )
    taken = pcc.check_domain(db, connection, "contoso")
    assert taken.problem is not None and "already taken in Partner Center" in taken.problem
    offline = pcc.check_domain(db, None, "brandnewname")
    assert offline.problem is None and offline.note is not None
    assert "not used in this database" in offline.note and "available" not in offline.note
    assert sim.hits_of("/v1/domains/brandnewname.onmicrosoft.com")[0].method == "HEAD"


def test_country_rules_are_cached_and_add_partner_centers_requirements(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput,
) -> None:  # fmt: skip
    rules = pcc.country_rules(connection, "RU")
    assert pcc.country_rules(connection, "ru") is rules
    assert len(sim.hits_of("/v1/countryvalidationrules/")) == 1
    data = dataclasses.replace(us_customer, country="RU", contact_phone="")
    problems = pcc.rule_problems(rules, data)
    assert set(problems) == {"organization_registration_id", "contact_phone"}
    assert "Russia" in problems["contact_phone"]
    bad = dataclasses.replace(data, organization_registration_id="12", contact_phone="+7 495 1")
    assert "7707083893" in pcc.rule_problems(rules, bad)["organization_registration_id"]
    assert pcc.country_rules(connection, "ZZ") is None
    us = pcc.country_rules(connection, "US")
    assert "postal_code" in pcc.rule_problems(us, dataclasses.replace(us_customer, postal_code="1"))


def test_the_address_check_gives_its_status_in_words_and_up_to_three_suggestions(
    db: Database, connection: PartnerCenterConnection, us_customer: CustomerInput
) -> None:
    verified = pcc.check_address(connection, us_customer)
    assert verified.said == "Partner Center verified this address."
    partial = pcc.check_address(
        connection, dataclasses.replace(us_customer, address_line1="status:StreetPartial")
    )
    assert len(partial.suggestions) == 3 and partial.may_keep
    assert partial.suggestions[0].postal_code.startswith(us_customer.postal_code)


def test_an_indirect_resellers_customer_is_created_with_associated_partner_id(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput, us_agreement: AgreementInput,
) -> None:  # fmt: skip
    from pcdesk.models import IndirectReseller
    from pcdesk.partner_center.sync import sync

    with connection.client() as client:
        sync(db, client, full=True, subscriptions=False)
    reseller = sim.resellers[0]
    with db.reading() as session:
        local = session.scalars(
            select(IndirectReseller).where(IndirectReseller.tenant_id == reseller.tenant_id)
        ).one()
    data = dataclasses.replace(us_customer, indirect_reseller_id=local.id)
    added = pcc.add_customer(db, connection, data, us_agreement, [])
    assert added.credentials is not None
    [made] = sim.created_customers()
    assert made.reseller_id == reseller.tenant_id  # AssociatedPartnerId
