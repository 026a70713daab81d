"""Orders in Partner Center, against the simulator over real sockets: a cart and checkout with
catalogItemIds from the live catalog, held while the agreement is not accepted (and placed after
it is signed and the user confirms), per-line errors, pending while provisioning, offline."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from pcdesk.models import Subscription
from pcdesk.models.database import Database
from pcdesk.partner_center import auth, orders
from pcdesk.partner_center import customers as pcc
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.outbox import send_pending
from pcdesk.services import outbox as ob
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcsimulator.state import Fault, Simulator

from .conftest import jwt


@pytest.fixture
def connection(sim_url: str, stocked: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[
    PartnerCenterConnection
]:  # fmt: skip
    monkeypatch.setenv(auth.API_ENV, sim_url)
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example", amr=["mfa"]))
    orders.forget_catalog()
    yield PartnerCenterConnection(stocked)


@pytest.fixture
def customer(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    us_customer: CustomerInput,
) -> tuple[int, str]:  # fmt: skip
    """A US customer made in Partner Center (so linked): (its id here, its tenant)."""
    added = pcc.add_customer(stocked, connection, us_customer, AgreementInput(accepted=False), [])
    return added.details.id, added.details.microsoft_id


def basic(stocked: Database, offer_id: Callable[..., int], quantity: int = 5) -> SubscriptionLine:
    return SubscriptionLine(offer_id(stocked, "US", "CFQ7TTC0LH18"), quantity)


def local_subscriptions(db: Database, customer_id: int) -> list[tuple[int, str | None]]:
    with db.reading() as session:
        return [
            (sub.quantity, sub.partner_center_id)
            for sub in session.scalars(
                select(Subscription).where(Subscription.customer_id == customer_id)
            )
        ]


def test_a_held_order_is_placed_after_the_agreement_is_signed(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    customer: tuple[int, str], offer_id: Callable[..., int],
) -> None:  # fmt: skip
    customer_id, tenant = customer
    held = orders.place_order(stocked, connection, customer_id, [basic(stocked, offer_id)])
    assert held.held is not None and "Microsoft Customer Agreement" in held.held
    assert sim.carts == {} and sim.orders == {}
    [item] = ob.items(stocked)
    assert item.state == "held" and item.error == held.held
    assert orders.block_lifted(stocked, connection, item.id) is not None  # not yet

    sim.sign_mca(tenant)  # the customer's admin accepts in the admin center
    assert orders.block_lifted(stocked, connection, item.id) is None
    placed = orders.place_held(stocked, connection, item.id)  # the user confirmed

    assert placed.placed and placed.pending  # provisioning
    [order] = sim.orders.values()
    assert order["lines"][0]["catalogItemId"] == "CFQ7TTC0LH18:0001:CFQ7TTC0K971"
    assert local_subscriptions(stocked, customer_id) == []  # not before Partner Center has it
    assert orders.check_provisioning(stocked, connection, item.id)
    [(quantity, pc_id)] = local_subscriptions(stocked, customer_id)
    assert quantity == 5 and pc_id == order["lines"][0]["subscriptionId"]
    assert orders.pending_orders(stocked, customer_id) == ()


def test_under_review_holds_the_order(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    customer: tuple[int, str], offer_id: Callable[..., int],
) -> None:  # fmt: skip
    customer_id, tenant = customer
    sim.sign_mca(tenant)
    sim.set_validation(tenant, "UnderReview")
    held = orders.place_order(stocked, connection, customer_id, [basic(stocked, offer_id)])
    assert held.held is not None and "UnderReview" in held.held
    sim.set_validation(tenant, "Allowed")
    [item] = ob.items(stocked)
    assert orders.block_lifted(stocked, connection, item.id) is None
    assert orders.place_held(stocked, connection, item.id).placed


def test_a_13605_at_checkout_holds_the_order_with_partner_centers_message(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    customer: tuple[int, str], offer_id: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    customer_id, _tenant = customer
    monkeypatch.setattr(orders, "block_of", lambda _client, _tenant: None)  # checked too early
    held = orders.place_order(stocked, connection, customer_id, [basic(stocked, offer_id)])
    assert held.held is not None
    assert "13605" in held.held and "Microsoft Customer Agreement" in held.held
    assert "request ID" in held.held
    [item] = ob.items(stocked)
    assert item.state == "held"


def test_line_errors_are_given_per_line_and_the_good_lines_are_placed(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    customer: tuple[int, str], offer_id: Callable[..., int],
) -> None:  # fmt: skip
    customer_id, tenant = customer
    sim.sign_mca(tenant)
    sim.config.max_seats = 10
    lines = [
        basic(stocked, offer_id, 50),  # above the simulator's 10 seats
        SubscriptionLine(offer_id(stocked, "US", "CFQ7TTC0LHSF"), 2),  # Power BI Pro
    ]
    placed = orders.place_order(stocked, connection, customer_id, lines)
    assert placed.placed
    errors = {line.title: line.error for line in placed.lines}
    assert errors["Microsoft 365 Business Basic"] is not None
    assert "10015" in errors["Microsoft 365 Business Basic"]
    assert errors["Power BI Pro"] is None
    [order] = sim.orders.values()
    assert [line["quantity"] for line in order["lines"]] == [2]


def test_a_lost_checkout_answer_places_one_order(
    stocked: Database, sim: Simulator, connection: PartnerCenterConnection,
    customer: tuple[int, str], offer_id: Callable[..., int],
) -> None:  # fmt: skip
    customer_id, tenant = customer
    sim.sign_mca(tenant)
    sim.inject("checkout", Fault("reset"))
    assert orders.place_order(stocked, connection, customer_id, [basic(stocked, offer_id)]).placed
    assert len(sim.orders) == 1


def test_offline_the_order_waits_and_is_placed_by_the_outbox(
    stocked: Database, sim: Simulator, sim_url: str, customer: tuple[int, str],
    offer_id: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    customer_id, tenant = customer
    sim.sign_mca(tenant)
    monkeypatch.setenv(auth.API_ENV, "http://127.0.0.1:9")
    monkeypatch.setattr(
        "pcdesk.partner_center.client.RetryPolicy.__init__.__defaults__", (1, 0.0, 0.0, 1, 1.0)
    )
    waiting = orders.place_order(
        stocked, PartnerCenterConnection(stocked), customer_id, [basic(stocked, offer_id)]
    )
    assert waiting.queued is not None and not waiting.placed
    monkeypatch.setenv(auth.API_ENV, sim_url)
    with PartnerCenterConnection(stocked).client() as client:
        assert send_pending(stocked, client).sent == 1
    assert len(sim.orders) == 1
