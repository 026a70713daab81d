"""Removing the reseller relationship with a customer, as Partner Center's "Remove reseller
relationship" does.

Partner Center allows it only once every active subscription of the customer is suspended or
cancelled, and only to a Global admin (partner-center.md, "Relationships" and "Partner roles").
The customer is not deleted: its relationship becomes ``none``, so it leaves the active list and
shows under "former", with its subscriptions and history kept; nothing more can be bought for it
(``subscriptions`` refuses purchases and reactivations without a reseller relationship).

Relationship requests still pending for the customer are left pending. The invitation link is the
same for every customer and cannot be withdrawn: the customer can still accept it, and the
request then says what happened. Whoever no longer expects that cancels the request with the
pending requests' own "Cancel request"; the confirmation tells the user how many are pending.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pcdesk.errors import NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    Customer,
    Relationship,
    RelationshipRequest,
    RequestStatus,
    Subscription,
    SubscriptionStatus,
)
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.customers.edits import (
    StaleVersion,
    customer_changed,
    locked_customer,
    touch,
)
from pcdesk.services.customers.subscriptions import active_subscriptions, suspend_all_active
from pcdesk.services.partner import roles
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task

CONTEXT = "relationship_removal"


class Blocker(enum.StrEnum):
    """Why the relationship cannot be removed now."""

    NO_RELATIONSHIP = "no_relationship"  # already none: nothing to remove
    NOT_ALLOWED = "not_allowed"  # the user's role may not
    ACTIVE_SUBSCRIPTIONS = "active_subscriptions"  # suspend or cancel them first


@dataclass(frozen=True)
class ActiveSubscription:
    id: int
    product_title: str
    sku_title: str
    quantity: int


@dataclass(frozen=True)
class RemovalState:
    """The customer as far as removing its relationship goes, read in one go."""

    customer_id: int
    company_name: str
    relationship: Relationship
    version: int  # what ``remove_relationship`` is checked against
    active_subscriptions: tuple[ActiveSubscription, ...]
    pending_requests: int  # relationship requests still pending; removal leaves them so
    blocker: Blocker | None
    reason: Message | None  # why not, in the user's words; None when it can be removed now

    @property
    def active_count(self) -> int:
        return len(self.active_subscriptions)

    @property
    def can_remove(self) -> bool:
        return self.blocker is None


def no_relationship_message(company: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "relationship_removal",
            "{company} has no relationship with you: there is nothing to remove.",
        ),
        context=CONTEXT,
        company=company,
    )


def active_subscriptions_message(company: str, count: int) -> Message:
    if count == 1:
        return Message(
            QT_TRANSLATE_NOOP(
                "relationship_removal",
                "{company} has 1 active subscription. It must be suspended or cancelled before "
                "the relationship can be removed.",
            ),
            context=CONTEXT,
            company=company,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "relationship_removal",
            "{company} has {count} active subscriptions. They must be suspended or cancelled "
            "before the relationship can be removed.",
        ),
        context=CONTEXT,
        company=company,
        count=count,
    )


def _pending_requests(session: Session, customer_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(RelationshipRequest)
            .where(
                RelationshipRequest.customer_id == customer_id,
                RelationshipRequest.status == RequestStatus.PENDING,
            )
        )
        or 0
    )


def removal_state(db: Database, customer_id: int, *, user: str | None = None) -> RemovalState:
    """Whether ``user`` (default: whoever uses pcdesk) may remove the customer's relationship
    now, and if not why: no relationship, the role, or active subscriptions (in that order).
    Raises NotFound or Unavailable."""
    user = user or current_user(db)
    with db.reading() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(customer_id)
        active = tuple(
            ActiveSubscription(sub.id, offer.product_title, offer.sku_title, sub.quantity)
            for sub, offer in active_subscriptions(session, customer_id)
        )
        blocker: Blocker | None = None
        reason: Message | None = None
        if customer.relationship is Relationship.NONE:
            blocker, reason = (
                Blocker.NO_RELATIONSHIP,
                no_relationship_message(customer.company_name),
            )
        elif not roles.roles_in_session(session, user) & roles.ALLOWED[Task.REMOVE_RELATIONSHIP]:
            blocker, reason = (
                Blocker.NOT_ALLOWED,
                roles.not_allowed_message(Task.REMOVE_RELATIONSHIP),
            )
        elif active:
            blocker = Blocker.ACTIVE_SUBSCRIPTIONS
            reason = active_subscriptions_message(customer.company_name, len(active))
        return RemovalState(
            customer_id=customer.id,
            company_name=customer.company_name,
            relationship=customer.relationship,
            version=customer.version,
            active_subscriptions=active,
            pending_requests=_pending_requests(session, customer_id),
            blocker=blocker,
            reason=reason,
        )


@contextmanager
def _conflicts_reported(db: Database, customer_id: int) -> Iterator[None]:
    """A version conflict becomes CustomerChanged, carrying the customer as now saved."""
    try:
        yield
    except (StaleVersion, StaleDataError) as exc:
        raise customer_changed(db, customer_id) from exc


def suspend_active_subscriptions(
    db: Database,
    customer_id: int,
    *,
    actor: str | None = None,
    expected: Collection[int] | None = None,
) -> int:
    """Suspend every active subscription of the customer, in one transaction, each audited as a
    single suspension is; suspended and cancelled ones are left alone. Returns how many.

    ``expected``: the ids of the active subscriptions the user was shown. If the active ones
    are not exactly those any more (another workstation ordered, suspended or cancelled one),
    nothing is suspended and CustomerChanged is raised. Raises NotAllowed, NotFound, Unavailable
    too.

    It is the first step of removing the relationship, so it needs the role that removes
    (``Task.REMOVE_RELATIONSHIP``), not the one that orders: whoever may not remove must not
    leave a customer with everything suspended and the relationship still there. Suspending one
    subscription at a time stays with the roles that manage subscriptions.
    """
    actor = actor or current_user(db)
    with (
        _conflicts_reported(db, customer_id),
        db.writing() as session,
    ):
        roles.require(session, Task.REMOVE_RELATIONSHIP, actor)
        customer = locked_customer(session, customer_id)
        if expected is not None:
            now = {sub.id for sub, _offer in active_subscriptions(session, customer_id)}
            if now != set(expected):
                raise StaleVersion(customer_id)
        return len(suspend_all_active(session, customer, actor))


def remove_relationship(
    db: Database, customer_id: int, expected_version: int, *, actor: str | None = None
) -> CustomerDetails:
    """End the relationship with the customer, made against ``expected_version`` of it.

    Only a Global admin may (NotAllowed). Refused with ValidationFailed (``relationship``) when
    there is no relationship, and (``subscriptions``) while a subscription is active. The
    customer, its subscriptions and its history stay; the relationship becomes ``none`` and an
    audit event ``relationship.removed`` is written. Raises CustomerChanged when another
    workstation changed the customer first, NotFound, Unavailable; nothing is written then.
    """
    actor = actor or current_user(db)
    with (
        _conflicts_reported(db, customer_id),
        db.writing() as session,
    ):
        roles.require(session, Task.REMOVE_RELATIONSHIP, actor)
        # Locked, so no subscription can be ordered or reactivated between the count and the
        # write (PostgreSQL; SQLite serialises writers anyway).
        customer = locked_customer(session, customer_id)
        if customer.version != expected_version:
            raise StaleVersion(customer_id)
        if customer.relationship is Relationship.NONE:
            raise ValidationFailed({"relationship": no_relationship_message(customer.company_name)})
        active = session.scalar(
            select(func.count())
            .select_from(Subscription)
            .where(
                Subscription.customer_id == customer_id,
                Subscription.status == SubscriptionStatus.ACTIVE,
            )
        )
        if active:
            raise ValidationFailed(
                {"subscriptions": active_subscriptions_message(customer.company_name, active)}
            )
        previous = customer.relationship
        customer.relationship = Relationship.NONE
        touch(customer, actor)
        audit.record(
            session, actor, "relationship.removed", customer_id, relationship=previous.value
        )
    return get_customer(db, customer_id)
