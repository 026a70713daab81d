"""A customer's subscriptions: buying more, seat changes, suspend, reactivate, cancel."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from pcdesk.errors import NotFound, Unavailable, ValidationFailed
from pcdesk.models import (
    AccountStatus,
    Customer,
    Relationship,
    Subscription,
    SubscriptionStatus,
    database,
)
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.audit import customer_history
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.customer_list.query import customer_page
from pcdesk.services.customers import subscriptions
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import CustomerDetails, SubscriptionData, get_customer
from pcdesk.services.customers.edits import CustomerChanged
from pcdesk.services.customers.subscriptions import (
    add_subscriptions,
    cancel_subscription,
    change_quantity,
    reactivate_subscription,
    suspend_subscription,
)
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine

BASIC, STANDARD, E3 = "CFQ7TTC0LH18", "CFQ7TTC0LDPB", "CFQ7TTC0LFLX"


def only(details: CustomerDetails, offer: int) -> SubscriptionData:
    (found,) = [sub for sub in details.subscriptions if sub.offer_id == offer]
    return found


def actions(db: Database, customer_id: int) -> list[str]:
    return [entry.action for entry in customer_history(db, customer_id)]


def active_in_list(db: Database, customer_id: int) -> int:
    row = next(row for row in customer_page(db, limit=1000) if row.id == customer_id)
    return row.active_subscriptions


def set_customer(db: Database, customer_id: int, **values: object) -> CustomerDetails:
    """What another part of pcdesk (or Partner Center's sync) would change; not under test."""
    with db.session_factory.begin() as session:
        customer = session.get_one(Customer, customer_id)
        for name, value in values.items():
            setattr(customer, name, value)
    return get_customer(db, customer_id)


def subscription_count(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.execute(select(func.count()).select_from(Subscription)).scalar_one())


@pytest.fixture
def basic(stocked: Database, offer_id: Callable[..., int]) -> int:
    return offer_id(stocked, "US", BASIC)


@pytest.fixture
def customer(
    stocked: Database, basic: int, us_customer: CustomerInput, us_agreement: AgreementInput
) -> CustomerDetails:
    """A US customer with an accepted agreement and 10 Business Basic licenses."""
    return create_customer(stocked, us_customer, us_agreement, [SubscriptionLine(basic, 10)])


# -- buying more ---------------------------------------------------------------------------------


def test_offers_are_added_audited_and_the_customer_version_goes_up(
    stocked: Database, customer: CustomerDetails, basic: int, offer_id: Callable[..., int]
) -> None:
    standard, e3 = offer_id(stocked, "US", STANDARD), offer_id(stocked, "US", E3)
    details = add_subscriptions(
        stocked,
        customer.id,
        customer.version,
        [SubscriptionLine(standard, 5), SubscriptionLine(e3, 2000)],
        actor="clerk",
    )
    assert details == get_customer(stocked, customer.id)
    assert details.version == customer.version + 1
    assert details.updated_by == "clerk"
    assert [(s.offer_id, s.quantity, s.status) for s in details.subscriptions] == [
        (basic, 10, SubscriptionStatus.ACTIVE),
        (standard, 5, SubscriptionStatus.ACTIVE),
        (e3, 2000, SubscriptionStatus.ACTIVE),
    ]
    added = only(details, e3)
    assert (added.term, added.market, added.min_quantity, added.max_quantity) == (
        "P1Y",
        "US",
        1,
        10000,
    )
    assert added.version == 1
    assert actions(stocked, customer.id) == [
        "subscription.created",
        "subscription.created",
        "subscription.created",
        "customer.created",
    ]
    assert {entry.actor for entry in customer_history(stocked, customer.id)[:2]} == {"clerk"}
    assert active_in_list(stocked, customer.id) == 3


def test_no_purchase_before_the_agreement_is_accepted(
    stocked: Database, basic: int, us_customer: CustomerInput
) -> None:
    pending = create_customer(stocked, us_customer, AgreementInput(accepted=False))
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, pending.id, pending.version, [SubscriptionLine(basic, 1)])
    assert "until the customer accepts" in refused.value.errors["subscriptions"]
    assert get_customer(stocked, pending.id) == pending


def test_no_purchase_for_a_former_customer(
    stocked: Database, customer: CustomerDetails, basic: int
) -> None:
    former = set_customer(stocked, customer.id, relationship=Relationship.NONE)
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, former.id, former.version, [SubscriptionLine(basic, 1)])
    assert "no longer your customer" in refused.value.errors["subscriptions"]
    assert get_customer(stocked, customer.id) == former


def test_no_purchase_while_the_account_is_under_review(
    stocked: Database, customer: CustomerDetails, offer_id: Callable[..., int]
) -> None:
    review = set_customer(stocked, customer.id, account_status=AccountStatus.UNDER_REVIEW)
    standard = offer_id(stocked, "US", STANDARD)
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, review.id, review.version, [SubscriptionLine(standard, 1)])
    assert "under review" in refused.value.errors["subscriptions"]
    assert subscription_count(stocked) == 1


def test_offers_outside_the_market_or_off_sale_are_refused(
    stocked: Database, customer: CustomerDetails, offer_id: Callable[..., int]
) -> None:
    taiwan = offer_id(stocked, "TW", STANDARD)
    us = offer_id(stocked, "US", STANDARD)
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(
            stocked,
            customer.id,
            customer.version,
            [SubscriptionLine(taiwan, 1), SubscriptionLine(us, 1)],
            today=dt.date(2025, 6, 1),
        )
    assert "not sold in United States" in refused.value.errors["subscriptions[0]"]
    assert "subscriptions[1]" not in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(
            stocked,
            customer.id,
            customer.version,
            [SubscriptionLine(us, 1)],
            today=dt.date(1999, 1, 1),
        )
    assert "no longer in the catalog" in refused.value.errors["subscriptions[0]"]
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, customer.id, customer.version, [])
    assert "subscriptions" in refused.value.errors
    assert subscription_count(stocked) == 1


def test_the_maximum_counts_the_licenses_the_customer_already_holds(
    stocked: Database, customer: CustomerDetails, basic: int
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, customer.id, customer.version, [SubscriptionLine(basic, 291)])
    assert refused.value.errors == {
        "subscriptions[0]": "Microsoft 365 Business Basic takes at most 300 licenses per "
        "customer, and this customer already has 10."
    }
    with pytest.raises(ValidationFailed) as refused:
        add_subscriptions(stocked, customer.id, customer.version, [SubscriptionLine(basic, 0)])
    assert "from 1 to 300 licenses" in refused.value.errors["subscriptions[0]"]

    details = add_subscriptions(
        stocked, customer.id, customer.version, [SubscriptionLine(basic, 290)]
    )
    assert sum(sub.quantity for sub in details.subscriptions) == 300

    # Cancelled subscriptions hold no licenses.
    first = details.subscriptions[0]
    details = cancel_subscription(stocked, first.id, first.version)
    details = add_subscriptions(
        stocked, customer.id, details.version, [SubscriptionLine(basic, 10)]
    )
    assert [sub.quantity for sub in details.subscriptions] == [10, 290, 10]


def test_a_purchase_against_an_old_customer_version_is_refused(
    stocked: Database, customer: CustomerDetails, basic: int, offer_id: Callable[..., int]
) -> None:
    standard = offer_id(stocked, "US", STANDARD)
    theirs = add_subscriptions(stocked, customer.id, customer.version, [SubscriptionLine(basic, 5)])
    with pytest.raises(CustomerChanged) as conflict:
        add_subscriptions(stocked, customer.id, customer.version, [SubscriptionLine(standard, 5)])
    assert conflict.value.current == theirs == get_customer(stocked, customer.id)
    assert "Nothing was saved" in conflict.value.message
    assert subscription_count(stocked) == 2


def test_a_purchase_for_a_customer_removed_meanwhile_is_not_found(
    stocked: Database, customer: CustomerDetails, basic: int
) -> None:
    with stocked.session_factory.begin() as session:
        session.delete(session.get_one(Customer, customer.id))
    with pytest.raises(NotFound):
        add_subscriptions(stocked, customer.id, customer.version, [SubscriptionLine(basic, 1)])


# -- seats ---------------------------------------------------------------------------------------


def test_a_quantity_change_is_saved_and_audited_with_from_and_to(
    stocked: Database, customer: CustomerDetails
) -> None:
    sub = customer.subscriptions[0]
    details = change_quantity(stocked, sub.id, sub.version, 25, actor="clerk")
    changed = details.subscriptions[0]
    assert details == get_customer(stocked, customer.id)
    assert (changed.quantity, changed.version) == (25, sub.version + 1)
    latest = customer_history(stocked, customer.id)[0]
    assert (latest.action, latest.actor) == ("subscription.quantity_changed", "clerk")
    assert latest.details["from"] == 10 and latest.details["to"] == 25
    assert latest.details["subscription"] == sub.id

    # The same count changes nothing.
    assert change_quantity(stocked, sub.id, changed.version, 25) == details
    assert actions(stocked, customer.id).count("subscription.quantity_changed") == 1


def test_a_quantity_stays_within_the_offer_limits_per_customer(
    stocked: Database, customer: CustomerDetails, basic: int
) -> None:
    sub = customer.subscriptions[0]
    for refused_quantity in (0, -1, 301):
        with pytest.raises(ValidationFailed) as refused:
            change_quantity(stocked, sub.id, sub.version, refused_quantity)
        assert refused.value.errors == {
            "quantity": "Microsoft 365 Business Basic takes from 1 to 300 licenses."
        }
    details = change_quantity(stocked, sub.id, sub.version, 300)
    assert details.subscriptions[0].quantity == 300
    details = change_quantity(stocked, sub.id, details.subscriptions[0].version, 100)

    details = add_subscriptions(
        stocked, customer.id, details.version, [SubscriptionLine(basic, 150)]
    )
    first = details.subscriptions[0]
    with pytest.raises(ValidationFailed) as refused:
        change_quantity(stocked, first.id, first.version, 151)
    assert "this one takes at most 150" in refused.value.errors["quantity"]
    assert change_quantity(stocked, first.id, first.version, 150).subscriptions[0].quantity == 150


def test_a_cancelled_subscription_cannot_change(
    stocked: Database, customer: CustomerDetails
) -> None:
    sub = customer.subscriptions[0]
    cancelled = cancel_subscription(stocked, sub.id, sub.version).subscriptions[0]
    with pytest.raises(ValidationFailed) as refused:
        change_quantity(stocked, sub.id, cancelled.version, 5)
    assert "cancelled" in refused.value.errors["quantity"]
    assert get_customer(stocked, customer.id).subscriptions[0].quantity == 10


def test_under_review_seats_may_go_down_but_not_up(
    stocked: Database, customer: CustomerDetails
) -> None:
    set_customer(stocked, customer.id, account_status=AccountStatus.UNDER_REVIEW)
    sub = customer.subscriptions[0]
    with pytest.raises(ValidationFailed) as refused:
        change_quantity(stocked, sub.id, sub.version, 11)
    assert "under review" in refused.value.errors["quantity"]
    reduced = change_quantity(stocked, sub.id, sub.version, 4).subscriptions[0]
    assert reduced.quantity == 4
    # Suspensions, reactivations and cancellations still go through.
    suspended = suspend_subscription(stocked, sub.id, reduced.version).subscriptions[0]
    active = reactivate_subscription(stocked, sub.id, suspended.version).subscriptions[0]
    assert cancel_subscription(stocked, sub.id, active.version).subscriptions[0].status is (
        SubscriptionStatus.CANCELLED
    )


def test_a_former_customer_cannot_add_seats(stocked: Database, customer: CustomerDetails) -> None:
    set_customer(stocked, customer.id, relationship=Relationship.NONE)
    sub = customer.subscriptions[0]
    with pytest.raises(ValidationFailed) as refused:
        change_quantity(stocked, sub.id, sub.version, 11)
    assert "no longer your customer" in refused.value.errors["quantity"]


def test_a_change_against_an_old_subscription_version_is_refused(
    stocked: Database, customer: CustomerDetails
) -> None:
    sub = customer.subscriptions[0]
    theirs = change_quantity(stocked, sub.id, sub.version, 20, actor="other-desk")
    stale_changes: list[Callable[[], CustomerDetails]] = [
        lambda: change_quantity(stocked, sub.id, sub.version, 30),
        lambda: suspend_subscription(stocked, sub.id, sub.version),
        lambda: cancel_subscription(stocked, sub.id, sub.version),
    ]
    for stale in stale_changes:
        with pytest.raises(CustomerChanged) as conflict:
            stale()
        assert conflict.value.current == theirs == get_customer(stocked, customer.id)
        assert conflict.value.current.subscriptions[0].quantity == 20
    assert actions(stocked, customer.id)[0] == "subscription.quantity_changed"


def test_a_subscription_changed_between_the_check_and_the_write_is_caught_too(
    stocked: Database, customer: CustomerDetails, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The version check passes; then the row changes under us (as another workstation's commit
    # would on PostgreSQL): the ORM's version column refuses the UPDATE.
    real = subscriptions._held

    def meanwhile(session: Session, customer_id: int, **options: Any) -> dict[int, int]:
        session.execute(text("UPDATE subscription SET version = version + 1"))
        return real(session, customer_id, **options)

    monkeypatch.setattr(subscriptions, "_held", meanwhile)
    sub = customer.subscriptions[0]
    with pytest.raises(CustomerChanged) as conflict:
        change_quantity(stocked, sub.id, sub.version, 20)
    assert conflict.value.current == customer == get_customer(stocked, customer.id)


def test_an_unknown_subscription_is_not_found(stocked: Database, customer: CustomerDetails) -> None:
    with pytest.raises(NotFound):
        change_quantity(stocked, 999, 1, 5)
    with pytest.raises(NotFound):
        suspend_subscription(stocked, 999, 1)


# -- status --------------------------------------------------------------------------------------


def test_suspend_reactivate_and_cancel_follow_their_transitions(
    stocked: Database, customer: CustomerDetails
) -> None:
    sub = customer.subscriptions[0]
    with pytest.raises(ValidationFailed) as refused:
        reactivate_subscription(stocked, sub.id, sub.version)
    assert refused.value.errors == {"status": "Only a suspended subscription can be reactivated."}

    details = suspend_subscription(stocked, sub.id, sub.version, actor="clerk")
    suspended = details.subscriptions[0]
    assert (suspended.status, suspended.version) == (SubscriptionStatus.SUSPENDED, sub.version + 1)
    assert details.version == customer.version  # the customer itself did not change
    assert active_in_list(stocked, customer.id) == 0  # kept by a trigger
    with pytest.raises(ValidationFailed) as refused:
        suspend_subscription(stocked, sub.id, suspended.version)
    assert refused.value.errors == {"status": "Only an active subscription can be suspended."}

    active = reactivate_subscription(stocked, sub.id, suspended.version).subscriptions[0]
    assert active.status is SubscriptionStatus.ACTIVE
    assert active_in_list(stocked, customer.id) == 1

    suspended = suspend_subscription(stocked, sub.id, active.version).subscriptions[0]
    cancelled = cancel_subscription(stocked, sub.id, suspended.version).subscriptions[0]
    assert cancelled.status is SubscriptionStatus.CANCELLED
    assert active_in_list(stocked, customer.id) == 0
    for operation in (suspend_subscription, reactivate_subscription, cancel_subscription):
        with pytest.raises(ValidationFailed) as refused:
            operation(stocked, sub.id, cancelled.version)
        assert "cancelled" in refused.value.errors["status"]

    history = customer_history(stocked, customer.id)
    assert [entry.action for entry in history[:4]] == [
        "subscription.cancelled",
        "subscription.suspended",
        "subscription.reactivated",
        "subscription.suspended",
    ]
    assert history[3].actor == "clerk"
    assert history[0].details["subscription"] == sub.id


def test_an_active_subscription_can_be_cancelled_and_the_list_follows(
    stocked: Database, customer: CustomerDetails
) -> None:
    sub = customer.subscriptions[0]
    assert active_in_list(stocked, customer.id) == 1
    details = cancel_subscription(stocked, sub.id, sub.version)
    assert details.subscriptions[0].status is SubscriptionStatus.CANCELLED
    assert active_in_list(stocked, customer.id) == 0


def test_a_former_customer_cannot_reactivate(stocked: Database, customer: CustomerDetails) -> None:
    sub = customer.subscriptions[0]
    suspended = suspend_subscription(stocked, sub.id, sub.version).subscriptions[0]
    set_customer(stocked, customer.id, relationship=Relationship.NONE)
    with pytest.raises(ValidationFailed) as refused:
        reactivate_subscription(stocked, sub.id, suspended.version)
    assert "no longer your customer" in refused.value.errors["status"]
    assert cancel_subscription(stocked, sub.id, suspended.version).subscriptions[0].status is (
        SubscriptionStatus.CANCELLED
    )


def test_a_change_on_a_locked_database_is_reported_and_nothing_is_written(
    sqlite_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
    offer_id: Callable[..., int],
) -> None:
    path = tmp_path / "shared.sqlite3"
    shutil.copyfile(sqlite_template, path)
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 200)
    db = open_database(sqlite_url(path))
    try:
        catalog.import_starter_catalog(db)
        created = create_customer(
            db, us_customer, us_agreement, [SubscriptionLine(offer_id(db, "US", BASIC), 10)]
        )
        sub = created.subscriptions[0]
        other_user = sqlite3.connect(path, isolation_level=None)
        try:
            other_user.execute("BEGIN IMMEDIATE")
            with pytest.raises(Unavailable):
                change_quantity(db, sub.id, sub.version, 20)
            with pytest.raises(Unavailable):
                suspend_subscription(db, sub.id, sub.version)
            other_user.execute("ROLLBACK")
        finally:
            other_user.close()
        assert get_customer(db, created.id) == created
    finally:
        db.dispose()
