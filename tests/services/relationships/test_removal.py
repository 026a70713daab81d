"""Removing a customer's relationship: blocked by active subscriptions, suspend-all, roles,
optimistic concurrency, and what stays (record, subscriptions, history, pending requests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, ValidationFailed
from pcdesk.models import (
    AuditEvent,
    Customer,
    PartnerRole,
    Relationship,
    RelationshipRequest,
    RequestStatus,
    SubscriptionStatus,
)
from pcdesk.models.database import Database
from pcdesk.services.audit import customer_history
from pcdesk.services.customer_list.query import CustomerQuery, RelationshipFilter, customer_page
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.customers.edits import CustomerChanged
from pcdesk.services.customers.subscriptions import (
    cancel_subscription,
    reactivate_subscription,
    suspend_subscription,
)
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.relationships.removal import (
    Blocker,
    removal_state,
    remove_relationship,
    suspend_active_subscriptions,
)

BASIC, STANDARD, E3, TEAMS = "CFQ7TTC0LH18", "CFQ7TTC0LDPB", "CFQ7TTC0LFLX", "CFQ7TTC0JN4R"


@pytest.fixture
def customer(
    stocked: Database,
    offer_id: Callable[..., int],
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> CustomerDetails:
    """Four subscriptions: Basic and Standard active, E3 suspended, Teams cancelled."""
    lines = [
        SubscriptionLine(offer_id(stocked, "US", product), quantity)
        for product, quantity in ((BASIC, 10), (STANDARD, 5), (E3, 3), (TEAMS, 2))
    ]
    created = create_customer(stocked, us_customer, us_agreement, lines, actor="setup")
    _basic, _standard, e3, teams = created.subscriptions
    suspend_subscription(stocked, e3.id, e3.version, actor="setup")
    cancel_subscription(stocked, teams.id, teams.version, actor="setup")
    return get_customer(stocked, created.id)


def statuses(db: Database, customer_id: int) -> list[SubscriptionStatus]:
    return [sub.status for sub in get_customer(db, customer_id).subscriptions]


def actions(db: Database, customer_id: int) -> list[str]:
    return [entry.action for entry in customer_history(db, customer_id)]


def listed(db: Database, status: RelationshipFilter) -> list[int]:
    return [row.id for row in customer_page(db, CustomerQuery(status=status), limit=100)]


def audit_count(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_removal_is_refused_while_subscriptions_are_active(
    stocked: Database, customer: CustomerDetails
) -> None:
    state = removal_state(stocked, customer.id)
    assert state.blocker is Blocker.ACTIVE_SUBSCRIPTIONS
    assert not state.can_remove
    assert state.active_count == 2
    assert [(s.product_title, s.quantity) for s in state.active_subscriptions] == [
        ("Microsoft 365 Business Basic", 10),
        ("Microsoft 365 Business Standard", 5),
    ]
    assert state.reason == (
        "Contoso Pharmaceuticals has 2 active subscriptions. They must be suspended or "
        "cancelled before the relationship can be removed."
    )
    events = audit_count(stocked)
    with pytest.raises(ValidationFailed) as refused:
        remove_relationship(stocked, customer.id, state.version)
    assert set(refused.value.errors) == {"subscriptions"}
    assert "2 active subscriptions" in refused.value.errors["subscriptions"]
    assert get_customer(stocked, customer.id) == customer
    assert audit_count(stocked) == events


def test_suspend_all_touches_only_the_active_ones_each_audited_as_one_suspension(
    stocked: Database, customer: CustomerDetails
) -> None:
    before = customer.subscriptions
    assert suspend_active_subscriptions(stocked, customer.id, actor="clerk") == 2
    after = get_customer(stocked, customer.id)
    assert [s.status for s in after.subscriptions] == [SubscriptionStatus.SUSPENDED] * 3 + [
        SubscriptionStatus.CANCELLED
    ]
    # The suspended and cancelled ones were not written at all.
    assert [s.version for s in after.subscriptions[2:]] == [s.version for s in before[2:]]
    assert after.version == customer.version  # as a single suspension, the customer is not
    history = customer_history(stocked, customer.id)
    newest = history[:2]
    assert [e.action for e in newest] == ["subscription.suspended"] * 2
    assert {e.actor for e in newest} == {"clerk"}
    assert sorted((e.details["subscription"], e.details["quantity"]) for e in newest) == [
        (before[0].id, 10),
        (before[1].id, 5),
    ]
    # Exactly what suspend_subscription records for one (the setup suspended E3 that way).
    single = next(e for e in history if e.details.get("subscription") == before[2].id)
    assert single.action == "subscription.suspended"
    assert [sorted(e.details) for e in newest] == [sorted(single.details)] * 2
    assert removal_state(stocked, customer.id).can_remove
    assert suspend_active_subscriptions(stocked, customer.id) == 0


def test_suspend_all_refuses_when_the_active_ones_are_not_those_shown(
    stocked: Database, customer: CustomerDetails
) -> None:
    basic = customer.subscriptions[0]
    shown = [sub.id for sub in removal_state(stocked, customer.id).active_subscriptions]
    # Another workstation reactivates E3 after the user was shown Basic and Standard.
    e3 = customer.subscriptions[2]
    reactivate_subscription(stocked, e3.id, e3.version)
    with pytest.raises(ConcurrentChange) as changed:
        suspend_active_subscriptions(stocked, customer.id, expected=shown)
    assert isinstance(changed.value, CustomerChanged)
    assert changed.value.current.subscriptions[2].status is SubscriptionStatus.ACTIVE
    assert statuses(stocked, customer.id)[:3] == [SubscriptionStatus.ACTIVE] * 3
    assert get_customer(stocked, customer.id).subscriptions[0].version == basic.version
    assert suspend_active_subscriptions(stocked, customer.id, expected=[*shown, e3.id]) == 3


def test_remove_after_suspending_keeps_the_record_and_moves_it_to_former(
    stocked: Database, customer: CustomerDetails
) -> None:
    assert customer.id in listed(stocked, RelationshipFilter.ACTIVE)
    suspend_active_subscriptions(stocked, customer.id)
    state = removal_state(stocked, customer.id)
    assert (state.blocker, state.reason) == (None, None)
    removed = remove_relationship(stocked, customer.id, state.version, actor="ana")
    assert removed == get_customer(stocked, customer.id)
    assert removed.relationship is Relationship.NONE
    assert removed.version == state.version + 1
    assert removed.updated_by == "ana"
    assert removed.company_name == customer.company_name
    assert [s.id for s in removed.subscriptions] == [s.id for s in customer.subscriptions]
    newest = customer_history(stocked, customer.id)[0]
    assert (newest.action, newest.actor, newest.details) == (
        "relationship.removed",
        "ana",
        {"relationship": "reseller"},
    )
    assert "customer.created" in actions(stocked, customer.id)  # the history stays
    assert customer.id in listed(stocked, RelationshipFilter.FORMER)
    assert customer.id not in listed(stocked, RelationshipFilter.ACTIVE)

    again = removal_state(stocked, customer.id)
    assert again.blocker is Blocker.NO_RELATIONSHIP
    assert again.reason == (
        "Contoso Pharmaceuticals has no relationship with you: there is nothing to remove."
    )
    with pytest.raises(ValidationFailed) as refused:
        remove_relationship(stocked, customer.id, again.version)
    assert set(refused.value.errors) == {"relationship"}
    # No future purchases: a suspended subscription cannot come back either.
    e3 = removed.subscriptions[2]
    with pytest.raises(ValidationFailed) as blocked:
        reactivate_subscription(stocked, e3.id, e3.version)
    assert "no longer your customer" in blocked.value.errors["status"]


def test_active_subscriptions_are_checked_again_inside_the_transaction(
    stocked: Database, customer: CustomerDetails
) -> None:
    suspend_active_subscriptions(stocked, customer.id)
    state = removal_state(stocked, customer.id)
    assert state.can_remove
    # Reactivating does not change the customer's version: only the re-check catches it.
    basic = get_customer(stocked, customer.id).subscriptions[0]
    reactivate_subscription(stocked, basic.id, basic.version)
    with pytest.raises(ValidationFailed) as refused:
        remove_relationship(stocked, customer.id, state.version)
    assert "1 active subscription." in refused.value.errors["subscriptions"]
    assert get_customer(stocked, customer.id).relationship is Relationship.RESELLER


def test_a_helpdesk_agent_may_not_remove_a_relationship(
    stocked: Database, customer: CustomerDetails
) -> None:
    set_team(
        stocked,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("ben", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="ana",
    )
    with pytest.raises(NotAllowed):  # suspending them all is removal's first step: its role
        suspend_active_subscriptions(stocked, customer.id, actor="ben")
    assert get_customer(stocked, customer.id) == customer
    suspend_active_subscriptions(stocked, customer.id, actor="ana")
    refused_state = removal_state(stocked, customer.id, user="ben")
    assert refused_state.blocker is Blocker.NOT_ALLOWED
    assert refused_state.reason == (
        "Your role cannot do this. It needs: Global admin. Ask your Global admin for the role."
    )
    assert removal_state(stocked, customer.id, user="ana").can_remove
    events = audit_count(stocked)
    with pytest.raises(NotAllowed):
        remove_relationship(stocked, customer.id, refused_state.version, actor="ben")
    with pytest.raises(NotAllowed):
        remove_relationship(stocked, customer.id, refused_state.version, actor="stranger")
    assert get_customer(stocked, customer.id).relationship is Relationship.RESELLER
    assert audit_count(stocked) == events
    removed = remove_relationship(stocked, customer.id, refused_state.version, actor="ana")
    assert removed.relationship is Relationship.NONE


def test_a_stale_version_raises_concurrent_change_and_writes_nothing(
    stocked: Database, customer: CustomerDetails
) -> None:
    suspend_active_subscriptions(stocked, customer.id)
    seen = removal_state(stocked, customer.id)
    with stocked.session_factory.begin() as session:  # another workstation edits the account
        session.get_one(Customer, customer.id).tags = "vip"
    events = audit_count(stocked)
    with pytest.raises(ConcurrentChange) as changed:
        remove_relationship(stocked, customer.id, seen.version)
    assert isinstance(changed.value, CustomerChanged)
    assert changed.value.current.tags == "vip"
    assert changed.value.current.relationship is Relationship.RESELLER
    assert get_customer(stocked, customer.id).relationship is Relationship.RESELLER
    assert audit_count(stocked) == events


def test_pending_requests_stay_pending_and_are_counted(
    stocked: Database, customer: CustomerDetails
) -> None:
    with stocked.session_factory.begin() as session:
        for status in (RequestStatus.PENDING, RequestStatus.CANCELLED):
            session.add(
                RelationshipRequest(
                    customer_id=customer.id,
                    subject="s",
                    body="b",
                    link="l",
                    status=status,
                    created_by="clerk",
                )
            )
    suspend_active_subscriptions(stocked, customer.id)
    state = removal_state(stocked, customer.id)
    assert state.pending_requests == 1
    remove_relationship(stocked, customer.id, state.version)
    with stocked.session_factory() as session:
        kept = session.scalars(
            select(RelationshipRequest.status).order_by(RelationshipRequest.id)
        ).all()
    assert kept == [RequestStatus.PENDING, RequestStatus.CANCELLED]


def test_a_customer_that_is_gone_is_not_found(stocked: Database) -> None:
    with pytest.raises(NotFound):
        removal_state(stocked, 999)
    with pytest.raises(NotFound):
        suspend_active_subscriptions(stocked, 999)
    with pytest.raises(NotFound):
        remove_relationship(stocked, 999, 1)
