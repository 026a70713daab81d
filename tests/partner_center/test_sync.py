"""Syncing the local database with the simulator: first and incremental syncs, matching, former
customers, conflicts, resuming after failures, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text, update

from pcdesk.models import (
    AuditEvent,
    Customer,
    IndirectReseller,
    PartnerCenterConflict,
    PartnerCenterCustomer,
    PartnerCenterSync,
    Relationship,
    Subscription,
    SubscriptionStatus,
)
from pcdesk.models.collation import sort_key
from pcdesk.models.database import Database
from pcdesk.partner_center import conflicts
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.errors import SignInRequired, SyncCancelled, Unreachable
from pcdesk.partner_center.sync import SyncProgress, sync, sync_status
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcsimulator.state import Fault, Simulator
from tests.search_pieces import pieces_are_current

from .conftest import jwt

MakeClient = Callable[..., PartnerCenterClient]
PENDING = AgreementInput(False)


def count(db: Database, model: type) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def local(db: Database, tenant: str) -> Customer:
    with db.session_factory() as session:
        found = session.scalar(select(Customer).where(Customer.microsoft_id == tenant))
        assert found is not None
        return found


def keys_are_current(db: Database) -> bool:
    """Every customer's collation key is its name's: the list sorts it where it belongs."""
    with db.session_factory() as session:
        stored = session.execute(select(Customer.company_name, Customer.collation_key)).all()
    return bool(stored) and all(bytes(key) == sort_key(name) for name, key in stored)


def search_counts_are_current(db: Database) -> bool:
    """SQLite: the search's character counts (migration 0010) are what the rows hold; both: so
    are its short pieces (migration 0012)."""
    if not pieces_are_current(db.engine):
        return False
    if db.engine.dialect.name != "sqlite":
        return True
    with db.session_factory() as session:
        texts = list(session.scalars(select(Customer.search_text)))
        kept = session.execute(
            text("SELECT character, customers FROM customer_search_characters")
        ).all()
    return bool(kept) and all(n == sum(c in t for t in texts) for c, n in kept)


def rename_locally(db: Database, tenant: str, name: str) -> None:
    with db.session_factory.begin() as session:
        found = session.scalar(select(Customer).where(Customer.microsoft_id == tenant))
        assert found is not None
        found.company_name = name
        found.updated_by = "clerk"


def test_the_first_sync_pulls_customers_resellers_and_subscriptions(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    seen: list[SyncProgress] = []
    summary = sync(db, client, progress=seen.append, page_size=25)
    assert summary.kind == "full" and not summary.resumed
    assert (summary.added, summary.updated, summary.marked_former, summary.conflicts) == (
        60,
        0,
        0,
        0,
    )
    expected_subs = sum(len(sim.subscriptions(t)) for t in sim.order)
    assert summary.subscriptions_added == expected_subs > 0
    assert count(db, Customer) == 60 and count(db, Subscription) == expected_subs
    assert count(db, IndirectReseller) == 3 and summary.resellers_added == 3
    assert keys_are_current(db)  # added in bulk, their sort keys with them
    assert search_counts_are_current(db)  # and their search's character counts
    assert {p.phase for p in seen} >= {"customers", "subscriptions"}
    # a customer as the list shows it: its name, domain, reseller and active subscriptions
    with_reseller = next(sim.customers[t] for t in sim.order if sim.customers[t].reseller_id)
    row = local(db, with_reseller.tenant_id)
    assert row.company_name == with_reseller.company_name
    assert row.domain_prefix + ".onmicrosoft.com" == with_reseller.domain
    assert row.relationship is Relationship.RESELLER and row.indirect_reseller_id is not None
    assert row.reseller_name and row.created_by == "dana@partner.example"
    active = [s for s in sim.subscriptions(with_reseller.tenant_id) if s.status == "active"]
    assert row.active_subscriptions == len(active)
    with db.session_factory() as session:
        actions = set(session.scalars(select(AuditEvent.action)))
    assert {"customer.synced_added", "subscription.synced_added"} <= actions
    status = sync_status(db)
    assert status.last_full_sync_at is not None and status.interrupted is None

    # again: nothing new, nothing duplicated
    again = sync(db, client, full=True)
    assert (again.added, again.updated, again.marked_former, again.subscriptions_added) == (
        0,
        0,
        0,
        0,
    )
    assert count(db, Customer) == 60 and count(db, Subscription) == expected_subs


def test_a_local_customer_with_the_same_domain_is_matched_not_duplicated(
    db: Database, sim: Simulator, client: PartnerCenterClient, us_customer: CustomerInput
) -> None:
    ours = create_customer(db, us_customer, PENDING)  # a made-up tenant id, entered offline
    theirs = sim.add_customer("Contoso Pharmaceuticals", "ContosoPharma")
    offline = create_customer(
        db,
        CustomerInput(
            **{
                **us_customer.__dict__,
                "company_name": "Offline Only",
                "domain_prefix": "offlineonly",
            }
        ),
        PENDING,
    )
    sync(db, client)
    assert count(db, Customer) == 62  # 61 from Partner Center (one of them ours) + the offline one
    row = local(db, theirs.tenant_id)
    assert row.id == ours.id and row.microsoft_id == theirs.tenant_id
    assert row.contact_email == us_customer.contact_email  # what pcdesk knew stays
    with db.session_factory() as session:
        assert session.get(PartnerCenterCustomer, offline.id) is None  # not in Partner Center
        assert session.get(Customer, offline.id) is not None


def test_removed_and_vanished_customers_become_former_with_their_history(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sync(db, client)
    removed, vanished = sim.order[1], sim.order[2]
    sim.remove_relationship(removed)
    incremental = sync(db, client)
    assert incremental.kind == "incremental" and incremental.marked_former == 1
    assert local(db, removed).relationship is Relationship.NONE

    sim.delete(vanished)
    full = sync(db, client, full=True)
    assert full.marked_former == 1
    gone = local(db, vanished)
    assert gone.relationship is Relationship.NONE
    with db.session_factory() as session:
        state = session.get(PartnerCenterCustomer, gone.id)
        assert state is not None and not state.in_partner_center and state.gone_at is not None
        history = list(
            session.scalars(select(AuditEvent.action).where(AuditEvent.customer_id == gone.id))
        )
    assert "customer.gone_from_partner_center" in history and "customer.synced_added" in history
    assert count(db, Customer) == 60


def test_changes_follow_one_side_and_conflicts_wait_for_the_user(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sync(db, client)
    only_pc, only_local, both, both_same = sim.order[3:7]
    sim.rename(only_pc, "Renamed in Partner Center")
    rename_locally(db, only_local, "Renamed in pcdesk")
    sim.rename(both, "Their name")
    rename_locally(db, both, "Our name")
    sim.rename(both_same, "Same new name")
    rename_locally(db, both_same, "Same new name")

    summary = sync(db, client)
    assert summary.kind == "incremental"
    assert (summary.updated, summary.conflicts) == (1, 1)
    assert local(db, only_pc).company_name == "Renamed in Partner Center"
    assert local(db, only_local).company_name == "Renamed in pcdesk"
    assert local(db, both).company_name == "Our name"  # never silently overwritten
    assert local(db, only_pc).collation_key == sort_key("Renamed in Partner Center")
    assert keys_are_current(db)
    listed = conflicts.open_conflicts(db)
    assert [(c.field, c.local_value, c.partner_center_value) for c in listed] == [
        ("company_name", "Our name", "Their name")
    ]
    # the same conflict is not recorded twice
    sim.rename(sim.order[10], sim.customers[sim.order[10]].company_name + " x")
    assert sync(db, client).conflicts == 0 and len(conflicts.open_conflicts(db)) == 1

    conflicts.settle(db, listed[0].id, conflicts.Choice.PARTNER_CENTER, actor="lead")
    assert local(db, both).company_name == "Their name"
    assert local(db, both).collation_key == sort_key("Their name")
    assert conflicts.open_conflicts(db) == ()
    with db.session_factory() as session:
        settled = session.get(PartnerCenterConflict, listed[0].id)
        assert settled is not None and settled.resolution == "partner_center"

    # keeping pcdesk's value: settled, and the next sync leaves it (a local change now)
    sim.rename(only_local, "Theirs again")
    sync(db, client)
    (second,) = conflicts.open_conflicts(db)
    conflicts.settle(db, second.id, conflicts.Choice.LOCAL)
    sync(db, client, full=True)
    assert local(db, only_local).company_name == "Renamed in pcdesk"
    assert conflicts.open_conflicts(db) == ()


def test_subscription_changes_follow_partner_center(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sync(db, client)
    tenant = next(t for t in sim.order if sim.subscriptions(t))
    sim.change_quantity(tenant, 77)
    sim.subscriptions(tenant)[0].status = "suspended"
    summary = sync(db, client)
    assert summary.subscriptions_updated == 1
    with db.session_factory() as session:
        row = session.scalar(
            select(Subscription).where(
                Subscription.partner_center_id == sim.subscriptions(tenant)[0].id
            )
        )
        assert row is not None and row.quantity == 77 and row.status is SubscriptionStatus.SUSPENDED


def test_a_cancelled_sync_resumes_from_its_checkpoint(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    stop = []

    def two_pages(step: SyncProgress) -> None:
        if step.phase == "customers" and step.done >= 20:
            stop.append(True)  # the user clicks Cancel

    with pytest.raises(SyncCancelled):
        sync(db, client, progress=two_pages, cancelled=lambda: bool(stop), page_size=10)
    assert count(db, Customer) == 20
    assert sync_status(db).interrupted == "full"
    with db.session_factory() as session:
        checkpoint = session.get(PartnerCenterSync, 1)
        assert checkpoint is not None and json.loads(checkpoint.run_cursor)["done"] == 20
    listed_before = len(sim.hits_of("/v1/customers?"))

    resumed = sync(db, client, page_size=10)
    assert resumed.resumed and resumed.added == 60  # the summary counts the whole run
    assert count(db, Customer) == 60
    # the listing went on from page 3 (a continuation token), it did not start again
    after = [h for h in sim.hits_of("/v1/customers?")[listed_before:] if "filter=" not in h.path]
    assert after and all(h.continuation for h in after)  # no first page asked for again
    assert sync_status(db).interrupted is None


def test_an_interrupted_sync_resumes_after_the_connection_keeps_dropping(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.resellers.clear()  # a direct-bill partner: the faults hit the customer list only
    # page 2 is reset mid-body five times in a row: the client gives up after its four tries,
    # with a message; page 1 is written
    sim.inject("customers.list", Fault("reset", count=5, after=1))
    with pytest.raises(Unreachable) as failed:
        sync(db, client, page_size=10)
    assert failed.value.request_id in failed.value.message
    assert count(db, Customer) == 10
    summary = sync(db, client, page_size=10)
    assert summary.resumed and count(db, Customer) == 60


def test_a_stale_continuation_on_resume_lists_again(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    stop = []
    with pytest.raises(SyncCancelled):
        sync(
            db,
            client,
            progress=lambda _step: stop.append(True),
            cancelled=lambda: bool(stop),
            page_size=10,
        )
    sim.invalidate_continuations()
    summary = sync(db, client, page_size=10)
    assert summary.resumed and count(db, Customer) == 60 and summary.added == 60


def test_a_token_that_expires_mid_sync(
    db: Database, sim: Simulator, make_client: MakeClient
) -> None:
    sim.config.token_uses = 6
    with pytest.raises(SignInRequired):
        sync(db, make_client(StaticTokenSource("first-token")), page_size=10)
    assert sync_status(db).interrupted == "full"
    sim.config.token_uses = None  # signed in again: a fresh token, good for the whole run
    summary = sync(
        db, make_client(StaticTokenSource("second-token")), page_size=10, subscriptions=False
    )
    assert summary.resumed and count(db, Customer) == 60


def test_a_429_storm_and_503s_during_a_sync_never_reach_the_user(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.resellers.clear()
    sim.inject("customers.list", Fault("429", count=8, after=1, retry_after=2))
    sim.inject("subscriptions", Fault("503", count=3, after=5))
    summary = sync(db, client, page_size=10)
    assert summary.throttled == 8 and count(db, Customer) == 60


def test_bom_and_pascal_case_bodies_sync_the_same(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.config.bom = True
    sim.config.pascal_case = True
    summary = sync(db, client, page_size=20)
    assert summary.added == 60 and summary.subscriptions_added > 0
    assert local(db, sim.order[0]).company_name == sim.customers[sim.order[0]].company_name


def test_a_last_sync_older_than_the_audit_log_means_a_full_sync(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    sync(db, client)
    with db.session_factory.begin() as session:
        session.execute(
            update(PartnerCenterSync).values(
                audit_watermark=dt.datetime.now(dt.UTC) - dt.timedelta(days=95)
            )
        )
    assert sync(db, client).kind == "full"


def test_the_signed_in_user_is_the_actor(
    db: Database, sim: Simulator, make_client: MakeClient
) -> None:
    client = make_client(StaticTokenSource(jwt(upn="mei@partner.example", amr=["mfa"])))
    sync(db, client, subscriptions=False)
    with db.session_factory() as session:
        actors = set(session.scalars(select(AuditEvent.actor)))
    assert actors == {"mei@partner.example"}
