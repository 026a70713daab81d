"""Relationships in Partner Center, against the simulator over real sockets: removing the
reseller relationship (its active subscriptions suspended there first), offline through the
outbox, a lost answer, and the invitation link Partner Center gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from pcdesk.enums import Relationship, SubscriptionStatus
from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.partner_center import auth
from pcdesk.partner_center import relationships as rel
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.errors import ApiFailure
from pcdesk.partner_center.outbox import send_pending
from pcdesk.partner_center.sync import sync
from pcdesk.services import outbox as ob
from pcdesk.services.customers.details import get_customer
from pcsimulator.state import Fault, Simulator

from .conftest import jwt


@pytest.fixture
def connection(sim_url: str, db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[
    PartnerCenterConnection
]:  # fmt: skip
    monkeypatch.setenv(auth.API_ENV, sim_url)
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example", amr=["mfa"]))
    yield PartnerCenterConnection(db)


@pytest.fixture
def linked(db: Database, sim: Simulator, client: PartnerCenterClient) -> tuple[int, str]:
    """A customer with one active subscription in Partner Center, synced: (id here, tenant)."""
    tenant = sim.order[0]
    sim.subscriptions(tenant).clear()
    sim.add_subscription(tenant, 4, age=dt.timedelta(days=30))
    sync(db, client, full=True)
    with db.reading() as session:
        customer_id = session.scalars(
            select(Customer.id).where(Customer.microsoft_id == tenant)
        ).one()
    return customer_id, tenant


def removals(sim: Simulator) -> list[str]:
    return [
        a.customer_id
        for a in sim.audit
        if a.operation_type == "remove_partner_customer_relationship"
    ]


def test_removing_the_relationship_suspends_there_first_then_removes_it(
    db: Database, sim: Simulator, connection: PartnerCenterConnection, linked: tuple[int, str]
) -> None:
    customer_id, tenant = linked
    details = get_customer(db, customer_id)
    with pytest.raises(ApiFailure) as refused:  # Partner Center's own rule
        rel.remove_in_partner_center(db, connection, customer_id, details.version)
    assert "Suspend" in refused.value.message and refused.value.request_id in refused.value.message
    [failed] = ob.items(db)
    ob.cancel(db, failed.id)

    active = [s.id for s in details.subscriptions if s.status is SubscriptionStatus.ACTIVE]
    suspended = rel.suspend_in_partner_center(db, connection, customer_id, expected=active)
    assert all(s.status is SubscriptionStatus.SUSPENDED for s in suspended.subscriptions)
    assert [s.status for s in sim.subscriptions(tenant)] == ["suspended"]
    removed = rel.remove_in_partner_center(db, connection, customer_id, suspended.version)

    assert removed.relationship is Relationship.NONE
    assert sim.customers[tenant].relationship == "none"
    assert removals(sim) == [tenant]
    assert [i.state for i in ob.items(db, None)] == ["cancelled", "done"]


def test_a_lost_answer_removes_once_and_offline_it_waits(
    db: Database, sim: Simulator, sim_url: str, connection: PartnerCenterConnection,
    linked: tuple[int, str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    customer_id, tenant = linked
    sim.subscriptions(tenant).clear()
    monkeypatch.setenv(auth.API_ENV, "http://127.0.0.1:9")
    monkeypatch.setattr(
        "pcdesk.partner_center.client.RetryPolicy.__init__.__defaults__", (1, 0.0, 0.0, 1, 1.0)
    )
    with pytest.raises(rel.RemovalQueued):
        rel.remove_in_partner_center(db, PartnerCenterConnection(db), customer_id, 0)
    assert get_customer(db, customer_id).relationship is Relationship.RESELLER  # not yet
    monkeypatch.setenv(auth.API_ENV, sim_url)
    sim.inject("customers.patch", Fault("reset"))  # done, then the answer is lost
    monkeypatch.undo()
    monkeypatch.setenv(auth.API_ENV, sim_url)
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example"))
    with PartnerCenterConnection(db).client() as online:
        assert send_pending(db, online).sent == 1
    assert removals(sim) == [tenant]  # once
    assert get_customer(db, customer_id).relationship is Relationship.NONE


def test_the_invitation_link_comes_from_partner_center(
    db: Database, sim: Simulator, connection: PartnerCenterConnection
) -> None:
    link = rel.request_link(connection)
    assert link.startswith("https://admin.microsoft.com/")
    assert f"partnerId={sim.partner_tenant}" in link
    assert sim.hits_of("/v1/customers/relationshiprequests")
