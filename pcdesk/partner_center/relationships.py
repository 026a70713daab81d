"""Relationships in Partner Center: removing the reseller relationship, and the invitation link.

Removing it (``PATCH /v1/customers/{id}`` with ``relationshipToPartner: none``) needs the
customer's active subscriptions suspended first, in Partner Center as here: each goes through
``subscriptions.apply_change``. The removal is queued in the outbox before it is sent (so a lost
answer is replayed, never repeated) and applied here once Partner Center has done it; offline it
waits there. The invitation link comes from ``GET /v1/customers/relationshiprequests``; the link
pcdesk builds from the partner's tenant stays the offline fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from pcdesk.enums import SubscriptionStatus
from pcdesk.errors import PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.partner_center.errors import ApiFailure, PartnerCenterError, pc_message
from pcdesk.partner_center.outbox import send_item
from pcdesk.partner_center.subscriptions import apply_change, preview_change
from pcdesk.services import outbox as ob
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.partner.actor import current_user
from pcdesk.services.relationships.removal import suspend_active_subscriptions

if TYPE_CHECKING:  # httpx, under the client, loads when Partner Center is first used
    from pcdesk.partner_center.client import PartnerCenterClient


class ClientSource(Protocol):
    def client(self) -> PartnerCenterClient: ...


class RemovalQueued(PcdeskError):
    """Partner Center could not be reached: the removal waits in Pending changes."""


def removal_queued_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center could not be reached: the removal of the relationship waits in "
            "Pending changes, and is made here once Partner Center has made it.",
        )
    )


def removal_summary(company: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("outbox", "Remove the reseller relationship with {company}"),
        context="outbox",
        company=company,
    )


def suspend_in_partner_center(
    db: Database, connection: ClientSource, customer_id: int, *, expected: list[int]
) -> CustomerDetails:
    """Suspend the customer's active subscriptions: in Partner Center those that are there,
    here the others."""
    details = get_customer(db, customer_id)
    local_only = []
    for sub in details.subscriptions:
        if sub.id not in expected or sub.status is not SubscriptionStatus.ACTIVE:
            continue
        if sub.partner_center_id:
            preview = preview_change(db, connection, sub.id, status=SubscriptionStatus.SUSPENDED)
            apply_change(db, connection, preview)
        else:
            local_only.append(sub.id)
    if local_only:
        suspend_active_subscriptions(db, customer_id, expected=local_only)
    return get_customer(db, customer_id)


def remove_in_partner_center(
    db: Database,
    connection: ClientSource,
    customer_id: int,
    expected_version: int,
    *,
    actor: str | None = None,
) -> CustomerDetails:
    """Queue the removal, send it, and remove the relationship here once Partner Center has."""
    actor = actor or current_user()
    with db.writing() as session:
        customer = session.get_one(Customer, customer_id)
        row = ob.queue_in(
            session,
            ob.REMOVE_RELATIONSHIP,
            "PATCH",
            f"/v1/customers/{customer.microsoft_id}",
            {"relationshipToPartner": "none", "attributes": {"objectType": "Customer"}},
            removal_summary(customer.company_name),
            customer_id=customer_id,
            actor=actor,
        )
        item_id = row.id
    try:
        with connection.client() as client:
            send_item(db, client, item_id)  # applies the removal here (see apply_removal)
    except ApiFailure as exc:
        ob.mark_failed(db, item_id, exc.message)
        raise
    except PartnerCenterError as exc:
        ob.mark_unanswered(db, item_id, exc.message)
        raise RemovalQueued(removal_queued_message()) from exc
    del expected_version  # Partner Center decided; the local record follows it
    return get_customer(db, customer_id)


def request_link(connection: ClientSource) -> str:
    """Partner Center's own invitation link (GET /v1/customers/relationshiprequests)."""
    with connection.client() as client:
        return client.relationship_request().url
