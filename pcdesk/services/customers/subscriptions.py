"""A customer's subscriptions after it was added: buying more offers, seats, suspending, cancelling.

Partner Center's rules: nothing is bought without the customer agreement accepted, nor for a
former customer (relationship no longer reseller). An account under review may not buy or add
seats until it is allowed; reductions, suspensions and cancellations still go through. A cancelled
subscription is final.

Each change names the version it was made against: the customer's for ``add_subscriptions``, the
subscription's own for the others. A conflict raises ``customer_edits.CustomerChanged`` with the
customer as now saved; nothing is written then. Each one raises NotAllowed unless the user's role
may order and change subscriptions (``roles.Task.MANAGE_SUBSCRIPTIONS``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pcdesk.errors import NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    AccountStatus,
    AgreementStatus,
    CatalogOffer,
    Customer,
    Relationship,
    Subscription,
    SubscriptionStatus,
)
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.customers.create import (
    agreement_missing_message,
    check_lines,
    insert_subscriptions,
)
from pcdesk.services.customers.details import CustomerDetails, get_customer, latest_agreement
from pcdesk.services.customers.edits import (
    StaleVersion,
    customer_changed,
    locked_customer,
    touch,
)
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require

CONTEXT = "subscriptions"


@contextmanager
def _conflicts_reported(db: Database, customer_id: Callable[[], int]) -> Iterator[None]:
    """Turn a version conflict into CustomerChanged with the customer as now saved."""
    try:
        yield
    except StaleVersion as exc:
        raise customer_changed(db, exc.customer_id) from exc
    except StaleDataError as exc:  # another workstation saved between our check and our write
        raise customer_changed(db, customer_id()) from exc


def _former_customer_message(customer: Customer) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "subscriptions",
            "{company} is no longer your customer (no reseller relationship): nothing can be "
            "bought or reactivated for it.",
        ),
        context=CONTEXT,
        company=customer.company_name,
    )


def _purchase_problem(session: Session, customer: Customer) -> Message | None:
    """Why the customer may not buy (new offers, more seats), or None."""
    if customer.relationship is not Relationship.RESELLER:
        return _former_customer_message(customer)
    if customer.account_status is AccountStatus.UNDER_REVIEW:
        return Message(
            QT_TRANSLATE_NOOP(
                "subscriptions",
                "This customer's account is under review: new purchases and seat increases are "
                "blocked until it is allowed. Reductions and cancellations still go through.",
            ),
            context=CONTEXT,
        )
    if customer.account_status is AccountStatus.DISABLED:
        return Message(
            QT_TRANSLATE_NOOP(
                "subscriptions", "This customer's account is disabled: nothing can be bought."
            ),
            context=CONTEXT,
        )
    latest = latest_agreement(session, customer.id)
    if latest is None or latest.status is not AgreementStatus.ACCEPTED:
        return agreement_missing_message()
    return None


def _held(session: Session, customer_id: int, *, besides: int | None = None) -> dict[int, int]:
    """Licenses the customer holds per offer in subscriptions not cancelled (but ``besides``)."""
    query = (
        select(Subscription.offer_id, func.sum(Subscription.quantity))
        .where(
            Subscription.customer_id == customer_id,
            Subscription.status != SubscriptionStatus.CANCELLED,
        )
        .group_by(Subscription.offer_id)
    )
    if besides is not None:
        query = query.where(Subscription.id != besides)
    return {offer_id: int(total or 0) for offer_id, total in session.execute(query)}


def add_subscriptions(
    db: Database,
    customer_id: int,
    expected_version: int,
    lines: Sequence[SubscriptionLine],
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> CustomerDetails:
    """Buy ``lines`` for a customer, made against ``expected_version`` of the customer.

    ValidationFailed: ``subscriptions`` when the customer may not buy (agreement not accepted,
    no reseller relationship, account under review or disabled) or no line is given;
    ``subscriptions[i]`` for a line outside the customer's market, off sale or beyond the
    offer's limits (counting the licenses the customer already holds). Raises CustomerChanged,
    NotFound or Unavailable too; nothing is written then.
    """
    actor = actor or current_user(db)
    today = today or dt.datetime.now().astimezone().date()  # the user's local date
    if not lines:
        raise ValidationFailed(
            {
                "subscriptions": Message(
                    QT_TRANSLATE_NOOP("subscriptions", "Choose at least one offer."),
                    context=CONTEXT,
                )
            }
        )
    with (
        _conflicts_reported(db, lambda: customer_id),
        db.writing() as session,
    ):
        require(session, Task.MANAGE_SUBSCRIPTIONS, actor)
        customer = locked_customer(session, customer_id)
        if customer.version != expected_version:
            raise StaleVersion(customer_id)
        problem = _purchase_problem(session, customer)
        if problem is not None:
            raise ValidationFailed({"subscriptions": problem})
        errors = check_lines(
            session,
            customer.country,
            lines,
            today,
            agreement_accepted=True,
            existing=_held(session, customer_id),
        )
        if errors:
            raise ValidationFailed(errors)
        insert_subscriptions(session, customer_id, lines, customer.indirect_reseller_id, actor)
        touch(customer, actor)
    return get_customer(db, customer_id)


def _cancelled_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "subscriptions", "This subscription is cancelled: it can no longer be changed."
        ),
        context=CONTEXT,
    )


class _Change:
    """One subscription about to change, with its customer (locked) and its offer."""

    def __init__(self, customer: Customer, subscription: Subscription, offer: CatalogOffer) -> None:
        self.customer_id = subscription.customer_id
        self.customer = customer
        self.subscription = subscription
        self.offer = offer

    @classmethod
    def locked(cls, session: Session, subscription_id: int, expected_version: int) -> _Change:
        """The subscription found, its customer locked, its version checked."""
        subscription = session.get(Subscription, subscription_id)
        if subscription is None:
            raise NotFound(subscription_id)
        customer = locked_customer(session, subscription.customer_id)
        if subscription.version != expected_version:
            raise StaleVersion(subscription.customer_id)
        return cls(customer, subscription, session.get_one(CatalogOffer, subscription.offer_id))

    def record(self, session: Session, actor: str, action: str, **details: object) -> None:
        self.subscription.updated_by = actor
        audit.record(
            session,
            actor,
            action,
            self.customer_id,
            subscription=self.subscription.id,
            offer=f"{self.offer.product_id}:{self.offer.sku_id}",
            title=self.offer.sku_title,
            **details,
        )


def change_quantity(
    db: Database,
    subscription_id: int,
    expected_version: int,
    quantity: int,
    *,
    actor: str | None = None,
) -> CustomerDetails:
    """Set a subscription's license count, within its offer's limits (the maximum counts every
    subscription of the offer the customer holds and has not cancelled).

    ValidationFailed under ``quantity``: out of limits, a cancelled subscription, or an increase
    the customer may not buy (see ``add_subscriptions``). The same count writes nothing.
    Raises CustomerChanged when the subscription changed meanwhile, NotFound, Unavailable.
    """
    actor = actor or current_user(db)
    found: list[int] = []
    with (
        _conflicts_reported(db, lambda: found[0]),
        db.writing() as session,
    ):
        require(session, Task.MANAGE_SUBSCRIPTIONS, actor)
        change = _Change.locked(session, subscription_id, expected_version)
        found.append(change.customer_id)
        subscription, offer = change.subscription, change.offer
        if subscription.status is SubscriptionStatus.CANCELLED:
            raise ValidationFailed({"quantity": _cancelled_message()})
        before = subscription.quantity
        if quantity != before:
            if quantity > before:
                problem = _purchase_problem(session, change.customer)
                if problem is not None:
                    raise ValidationFailed({"quantity": problem})
            held = _held(session, change.customer_id, besides=subscription.id).get(offer.id, 0)
            # A reduction goes through even where a lowered maximum is still exceeded.
            too_many = quantity > before and held + quantity > offer.max_quantity
            if quantity < offer.min_quantity or too_many:
                raise ValidationFailed({"quantity": _limits_message(offer, held)})
            subscription.quantity = quantity
            change.record(
                session, actor, "subscription.quantity_changed", **{"from": before, "to": quantity}
            )
    return get_customer(db, found[0])


def _limits_message(offer: CatalogOffer, held: int) -> Message:
    if held:
        return Message(
            QT_TRANSLATE_NOOP(
                "subscriptions",
                "{offer} takes from {minimum} to {maximum} licenses per customer; its other "
                "subscriptions hold {held}, so this one takes at most {available}.",
            ),
            context=CONTEXT,
            offer=offer.sku_title,
            minimum=offer.min_quantity,
            maximum=offer.max_quantity,
            held=held,
            available=max(offer.max_quantity - held, 0),
        )
    return Message(
        QT_TRANSLATE_NOOP("subscriptions", "{offer} takes from {minimum} to {maximum} licenses."),
        context=CONTEXT,
        offer=offer.sku_title,
        minimum=offer.min_quantity,
        maximum=offer.max_quantity,
    )


# status now -> (status after, audit action), per operation
_SUSPEND = {SubscriptionStatus.ACTIVE: SubscriptionStatus.SUSPENDED}
_REACTIVATE = {SubscriptionStatus.SUSPENDED: SubscriptionStatus.ACTIVE}
_CANCEL = {
    SubscriptionStatus.ACTIVE: SubscriptionStatus.CANCELLED,
    SubscriptionStatus.SUSPENDED: SubscriptionStatus.CANCELLED,
}


def _transition_message(status: SubscriptionStatus, action: str) -> Message:
    if status is SubscriptionStatus.CANCELLED:
        return _cancelled_message()
    texts = {
        "subscription.suspended": QT_TRANSLATE_NOOP(
            "subscriptions", "Only an active subscription can be suspended."
        ),
        "subscription.reactivated": QT_TRANSLATE_NOOP(
            "subscriptions", "Only a suspended subscription can be reactivated."
        ),
        "subscription.cancelled": QT_TRANSLATE_NOOP(
            "subscriptions", "Only an active or suspended subscription can be cancelled."
        ),
    }
    return Message(texts[action], context=CONTEXT)


def _set_status(
    db: Database,
    subscription_id: int,
    expected_version: int,
    transitions: dict[SubscriptionStatus, SubscriptionStatus],
    action: str,
    actor: str | None,
) -> CustomerDetails:
    actor = actor or current_user(db)
    found: list[int] = []
    with (
        _conflicts_reported(db, lambda: found[0]),
        db.writing() as session,
    ):
        require(session, Task.MANAGE_SUBSCRIPTIONS, actor)
        change = _Change.locked(session, subscription_id, expected_version)
        found.append(change.customer_id)
        _transition(session, change, transitions, action, actor)
    return get_customer(db, found[0])


def _transition(
    session: Session,
    change: _Change,
    transitions: dict[SubscriptionStatus, SubscriptionStatus],
    action: str,
    actor: str,
) -> None:
    """Move one subscription to its next status and record ``action``; ValidationFailed if the
    transition is not allowed."""
    before = change.subscription.status
    after = transitions.get(before)
    if after is None:
        raise ValidationFailed({"status": _transition_message(before, action)})
    if (
        after is SubscriptionStatus.ACTIVE
        and change.customer.relationship is not Relationship.RESELLER
    ):
        raise ValidationFailed({"status": _former_customer_message(change.customer)})
    change.subscription.status = after
    change.record(session, actor, action, quantity=change.subscription.quantity)


def suspend_subscription(
    db: Database, subscription_id: int, expected_version: int, *, actor: str | None = None
) -> CustomerDetails:
    """Active -> suspended. ValidationFailed({"status": ...}) from any other status."""
    return _set_status(
        db, subscription_id, expected_version, _SUSPEND, "subscription.suspended", actor
    )


def active_subscriptions(
    session: Session, customer_id: int
) -> list[tuple[Subscription, CatalogOffer]]:
    """The customer's active subscriptions with their offers, oldest first."""
    query = (
        select(Subscription, CatalogOffer)
        .join(CatalogOffer, Subscription.offer_id == CatalogOffer.id)
        .where(
            Subscription.customer_id == customer_id,
            Subscription.status == SubscriptionStatus.ACTIVE,
        )
        .order_by(Subscription.id)
    )
    return [(subscription, offer) for subscription, offer in session.execute(query)]


def suspend_all_active(session: Session, customer: Customer, actor: str) -> tuple[int, ...]:
    """Suspend every active subscription of ``customer`` in the caller's transaction (which has
    locked the customer and checked the user's role), each recorded as ``suspend_subscription``
    records one. Suspended and cancelled ones are left as they are. Returns the ids suspended."""
    suspended = active_subscriptions(session, customer.id)
    for subscription, offer in suspended:
        change = _Change(customer, subscription, offer)
        _transition(session, change, _SUSPEND, "subscription.suspended", actor)
    return tuple(subscription.id for subscription, _offer in suspended)


def reactivate_subscription(
    db: Database, subscription_id: int, expected_version: int, *, actor: str | None = None
) -> CustomerDetails:
    """Suspended -> active; not for a former customer. ValidationFailed({"status": ...})."""
    return _set_status(
        db, subscription_id, expected_version, _REACTIVATE, "subscription.reactivated", actor
    )


def cancel_subscription(
    db: Database, subscription_id: int, expected_version: int, *, actor: str | None = None
) -> CustomerDetails:
    """Active or suspended -> cancelled, for good. ValidationFailed({"status": ...}) otherwise."""
    return _set_status(
        db, subscription_id, expected_version, _CANCEL, "subscription.cancelled", actor
    )
