"""Which subscription actions the Subscriptions tab offers, and why one is unavailable.

The services decide (pcdesk.services.customers.subscriptions refuses whatever breaks a rule); this reads
the same rules off the customer as last loaded, and the user's role (the tab asks
services/roles.py and passes the refusal's text), so buttons are enabled only where the service
would agree and the user is told why not before trying.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from pcdesk.enums import AccountStatus, Relationship, SubscriptionStatus
from pcdesk.services.customers.details import CustomerDetails, SubscriptionData
from pcdesk.views.common.labels import relationship_label
from pcdesk.views.common.text_lists import sentences
from pcdesk.views.customers.detail.agreement_tab import is_pending


def purchase_problem(details: CustomerDetails) -> str | None:
    """Why nothing can be bought for the customer (new offers, more licenses), or None."""
    if details.relationship is Relationship.NONE:
        return QCoreApplication.translate(
            "subscription_rules",
            "A former customer (no reseller relationship): nothing can be bought or reactivated.",
        )
    if details.relationship is not Relationship.RESELLER:  # advisor, syndication, support
        return QCoreApplication.translate(
            "subscription_rules",
            "No reseller relationship ({relationship}): nothing can be bought or reactivated.",
        ).format(relationship=relationship_label(details.relationship))
    if details.account_status is AccountStatus.UNDER_REVIEW:
        return QCoreApplication.translate(
            "subscription_rules",
            "The account is under review: new purchases and license increases are blocked until "
            "it is allowed. Reductions, suspensions and cancellations still go through.",
        )
    if details.account_status is AccountStatus.DISABLED:
        return QCoreApplication.translate(
            "subscription_rules", "The account is disabled: nothing can be bought."
        )
    if is_pending(details):
        return QCoreApplication.translate(
            "subscription_rules",
            "The Microsoft Customer Agreement is pending: nothing can be bought until the "
            "customer accepts it (see the Agreement tab).",
        )
    return None


@dataclass(frozen=True)
class Allowed:
    """What may be done to one subscription now, with the license range and the reason for
    what may not."""

    change_quantity: bool
    minimum: int
    maximum: int
    suspend: bool
    reactivate: bool
    cancel: bool
    reason: str  # "" when nothing needs explaining


def held_elsewhere(details: CustomerDetails, subscription: SubscriptionData) -> int:
    """Licenses of the same offer in the customer's other subscriptions not cancelled (an
    offer's maximum counts them all)."""
    return sum(
        other.quantity
        for other in details.subscriptions
        if other.offer_id == subscription.offer_id
        and other.id != subscription.id
        and other.status is not SubscriptionStatus.CANCELLED
    )


def allowed(
    details: CustomerDetails,
    subscription: SubscriptionData,
    role_problem: str | None = None,
    *,
    problem_of: Callable[[CustomerDetails], str | None] | None = None,
) -> Allowed:
    """What may be done to ``subscription``; ``role_problem`` is why the user's role may not
    change subscriptions at all (None when it may). ``problem_of`` says why nothing can be
    bought (``purchase_problem`` unless Partner Center decides it)."""
    status = subscription.status
    if status is SubscriptionStatus.CANCELLED:
        return Allowed(
            False,
            subscription.quantity,
            subscription.quantity,
            False,
            False,
            False,
            QCoreApplication.translate(
                "subscription_rules", "This subscription is cancelled: it can no longer be changed."
            ),
        )
    if role_problem is not None:
        return Allowed(
            False,
            subscription.quantity,
            subscription.quantity,
            False,
            False,
            False,
            role_problem,
        )
    problem = (problem_of or purchase_problem)(details)
    former = details.relationship is not Relationship.RESELLER
    minimum = min(subscription.min_quantity, subscription.quantity)
    if problem is None:
        room = subscription.max_quantity - held_elsewhere(details, subscription)
        maximum = max(room, subscription.quantity)
    else:
        maximum = subscription.quantity  # reductions only
    reasons: list[str] = []
    if problem is not None:
        reasons.append(problem)
    elif status is SubscriptionStatus.SUSPENDED:
        reasons.append(
            QCoreApplication.translate(
                "subscription_rules", "Suspended: reactivate it to use its licenses again."
            )
        )
    return Allowed(
        change_quantity=maximum > minimum,
        minimum=minimum,
        maximum=maximum,
        suspend=status is SubscriptionStatus.ACTIVE,
        reactivate=status is SubscriptionStatus.SUSPENDED and not former,
        cancel=status in (SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED),
        reason=sentences(reasons),
    )
