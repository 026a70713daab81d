"""Subscription changes in Partner Center, against the simulator over real sockets: the preview
with its window, a change past it refused before sending, a stale etag, Partner Center's
refusals said plainly, and offline the change waiting in the outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from pcdesk.enums import SubscriptionStatus
from pcdesk.errors import ValidationFailed
from pcdesk.models import Customer, Subscription
from pcdesk.models.database import Database
from pcdesk.partner_center import auth
from pcdesk.partner_center import subscriptions as subs
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.errors import ApiFailure
from pcdesk.partner_center.outbox import send_pending
from pcdesk.partner_center.sync import sync
from pcdesk.services import outbox as ob
from pcsimulator.seed import SimSubscription
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
def bought(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> tuple[str, SimSubscription, int]:
    """A customer's subscription of 10 licences bought a day ago, synced: (tenant, it, local id)."""
    tenant = sim.order[0]
    made = sim.add_subscription(tenant, 10, age=dt.timedelta(days=1))
    sync(db, client, full=True)
    with db.reading() as session:
        local = session.scalar(
            select(Subscription.id).where(Subscription.partner_center_id == made.id)
        )
    assert local is not None
    return tenant, made, local


def local_quantity(db: Database, subscription_id: int) -> tuple[int, SubscriptionStatus]:
    with db.reading() as session:
        sub = session.get_one(Subscription, subscription_id)
        return sub.quantity, sub.status


def patches(sim: Simulator) -> list[str]:
    return [h.request_id for h in sim.hits if h.method == "PATCH"]


def test_a_reduction_within_the_window_is_shown_then_made_whole(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    bought: tuple[str, SimSubscription, int],
) -> None:  # fmt: skip
    _tenant, made, local = bought
    preview = subs.preview_change(db, connection, local, quantity=8)
    assert (preview.quantity_before, preview.quantity_after) == (10, 8)
    assert preview.monthly_after == preview.monthly_before / 10 * 8
    assert preview.window.refundable == 10 and preview.window.refund_until is not None
    assert preview.window.refund_until > dt.datetime.now(dt.UTC) + dt.timedelta(days=5)
    assert preview.refusal is None

    result = subs.apply_change(db, connection, preview)

    assert result.queued is None
    assert (made.quantity, made.refundable, made.auto_renew) == (8, 8, True)  # sent whole
    assert local_quantity(db, local) == (8, SubscriptionStatus.ACTIVE)
    assert [s.quantity for s in result.details.subscriptions if s.id == local] == [8]


def test_a_reduction_past_the_window_is_refused_before_sending(
    db: Database, sim: Simulator, connection: PartnerCenterConnection, client: PartnerCenterClient,
) -> None:  # fmt: skip
    made = sim.add_subscription(sim.order[1], 10, age=dt.timedelta(days=9))
    sync(db, client, full=True)
    with db.reading() as session:
        local = session.scalar(
            select(Subscription.id).where(Subscription.partner_center_id == made.id)
        )
    assert local is not None
    preview = subs.preview_change(db, connection, local, quantity=9)
    assert preview.refusal is not None and "Nothing was sent" in preview.refusal
    cancel = subs.preview_change(db, connection, local, status=SubscriptionStatus.CANCELLED)
    assert cancel.refusal is not None and "can no longer be cancelled" in cancel.refusal
    with pytest.raises(ValidationFailed):
        subs.apply_change(db, connection, preview)
    assert patches(sim) == []
    assert made.quantity == 10
    # An increase is not limited by the window.
    more = subs.preview_change(db, connection, local, quantity=12)
    assert more.refusal is None
    subs.apply_change(db, connection, more)
    assert made.quantity == 12


def test_a_stale_etag_reads_the_subscription_again_and_says_what_changed(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    bought: tuple[str, SimSubscription, int],
) -> None:  # fmt: skip
    _tenant, made, local = bought
    preview = subs.preview_change(db, connection, local, quantity=11)
    with sim.lock:  # someone else, in Partner Center, meanwhile
        made.quantity = 12
        made.etag += 1
    with pytest.raises(subs.StaleSubscription) as stale:
        subs.apply_change(db, connection, preview)
    assert "10 → 12" in stale.value.message
    assert stale.value.current.quantity_before == 12
    assert made.quantity == 12
    subs.apply_change(db, connection, stale.value.current)  # applied again, knowingly
    assert made.quantity == 11


def test_under_review_past_the_window_and_a_role_refused_are_plain_messages(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    bought: tuple[str, SimSubscription, int],
) -> None:  # fmt: skip
    tenant, made, local = bought
    sim.set_validation(tenant, "UnderReview")
    with pytest.raises(ApiFailure) as review:
        subs.apply_change(db, connection, subs.preview_change(db, connection, local, quantity=9))
    assert review.value.code == "800073"
    assert (
        "Under review" in review.value.message and review.value.request_id in review.value.message
    )
    sim.set_validation(tenant, "Allowed")

    preview = subs.preview_change(db, connection, local, quantity=9)
    with sim.lock:
        made.refund_until = sim.now() - dt.timedelta(minutes=1)  # closed meanwhile
    with pytest.raises(ApiFailure) as late:
        subs.apply_change(db, connection, preview)
    assert late.value.code == "800090"
    assert "window for reducing them has passed" in late.value.message
    assert late.value.request_id in late.value.message

    sim.config.forbidden_routes.add("subscription.patch")
    with pytest.raises(ApiFailure) as role:
        subs.apply_change(db, connection, subs.preview_change(db, connection, local, quantity=11))
    assert "does not allow this" in role.value.message and "HTTP 403" in role.value.message
    assert local_quantity(db, local)[0] == 10


def test_a_lost_answer_changes_the_subscription_once(
    db: Database, sim: Simulator, connection: PartnerCenterConnection,
    bought: tuple[str, SimSubscription, int],
) -> None:  # fmt: skip
    _tenant, made, local = bought
    sim.inject("subscription.patch", Fault("reset"))
    subs.apply_change(db, connection, subs.preview_change(db, connection, local, quantity=7))
    first, again = patches(sim)
    assert first == again
    assert (made.quantity, made.refundable) == (7, 7)  # reduced once, not twice


def test_offline_the_change_waits_in_the_outbox_and_is_sent_later(
    db: Database, sim: Simulator, sim_url: str, bought: tuple[str, SimSubscription, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _tenant, made, local = bought
    monkeypatch.setenv(auth.TOKEN_ENV, jwt(upn="dana@partner.example"))
    monkeypatch.setenv(auth.API_ENV, "http://127.0.0.1:9")
    result = subs.queue_change(db, local, quantity=6)
    assert result.queued is not None
    [item] = ob.items(db)
    assert item.kind == ob.UPDATE_SUBSCRIPTION and item.editable_value == "6"
    assert str(item.summary).endswith("10 → 6 licences")
    monkeypatch.setenv(auth.API_ENV, sim_url)
    with PartnerCenterConnection(db).client() as online:
        assert send_pending(db, online).sent == 1
    assert made.quantity == 6 and local_quantity(db, local)[0] == 6


def test_a_change_queued_after_its_window_closed_is_refused_when_sent(
    db: Database, sim: Simulator, client: PartnerCenterClient,
    bought: tuple[str, SimSubscription, int],
) -> None:  # fmt: skip
    _tenant, made, local = bought
    subs.queue_change(db, local, status=SubscriptionStatus.CANCELLED)
    with sim.lock:
        made.cancel_until = sim.now() - dt.timedelta(hours=1)
    assert send_pending(db, client).failed == 1
    [item] = ob.items(db)
    assert item.state == "failed" and item.error is not None
    assert "can no longer be cancelled" in item.error
    assert made.status == "active"
    with db.reading() as session:
        assert session.scalar(select(Customer.id).where(Customer.microsoft_id == sim.order[0]))
