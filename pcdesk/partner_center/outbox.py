"""Sending the outbox to Partner Center, in order, each item once.

``send_pending`` claims the first item (marked *sending* and committed before its request goes
out), sends it with the ``MS-RequestId`` it was given when queued, and records the answer. An item
left *sending* by a crash or a kill is claimed first next time and sent again with the same id:
Partner Center (and the simulator) replays its stored answer, so nothing is done twice.

- A success is applied locally in the same transaction that marks the item done (a customer's
  creation gives the local customer Partner Center's tenant id and links it to Partner Center).
- A refusal marks the item failed with Partner Center's message; that customer's later items
  wait until the user retries, edits or cancels it. Other customers' items go on.
- No answer (offline, timeouts, signed out) puts the item back in the queue with the same id and
  stops: the rest waits for the next send.

The temporary password in a customer's creation answer is handed to the caller in memory
(``SendSummary.credentials``) and never stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from pcdesk.errors import NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, PartnerCenterCustomer, Relationship
from pcdesk.models.base import utc_now
from pcdesk.models.database import Database
from pcdesk.models.keys import search_text
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.errors import ApiFailure, PartnerCenterError, pc_message
from pcdesk.services import audit
from pcdesk.services import outbox as ob

if TYPE_CHECKING:  # httpx, under the client, loads when Partner Center is first used
    from pcdesk.partner_center.client import PartnerCenterClient


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credentials:
    customer_id: int | None
    company_name: str
    domain: str
    admin_user: str
    password: str


@dataclass
class SendSummary:
    sent: int = 0
    failed: int = 0
    waiting: int = 0  # still queued (no answer, or behind a refused item)
    stopped: Message | None = None  # why sending stopped early (offline, signed out)
    credentials: list[Credentials] = field(default_factory=list)
    done_ids: list[int] = field(default_factory=list)
    customers: set[int] = field(default_factory=set)

    def message(self) -> Message:
        if self.stopped is not None:
            return pc_message(
                QT_TRANSLATE_NOOP(
                    "partner_center",
                    "Pending changes sent: {sent}; refused: {failed}. The rest waits: {reason}",
                ),
                sent=self.sent,
                failed=self.failed,
                reason=self.stopped,
            )
        return pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Pending changes sent to Partner Center: {sent}; refused: {failed}.",
            ),
            sent=self.sent,
            failed=self.failed,
        )


def domain_taken_in_partner_center_message(domain: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center says {domain} is already taken. Choose another domain and send the "
            "customer again.",
        ),
        domain=domain,
    )


@dataclass(frozen=True)
class ItemOutcome:
    """How one send went: done (with the admin's sign-in for a customer's creation), or refused
    before sending (the domain found taken)."""

    credentials: Credentials | None = None
    refused: Message | None = None
    refused_field: str = ""
    customer_id: int | None = None
    held: bool = False  # an order held (agreement, review): not sent, not refused


def _send(db: Database, client: PartnerCenterClient, item: ob.OutboxItem) -> ItemOutcome:
    """Send a claimed item and record its success; Partner Center's errors are raised."""
    if item.kind == ob.CREATE_CUSTOMER and item.attempts == 1:
        # Checked again before the first send (a customer queued offline waited meanwhile); not
        # on a re-send, when the domain may be taken by this very creation.
        domain = str(ob._dig(item.body, ("CompanyProfile", "Domain")) or "")
        if domain and client.domain_taken(domain):
            return ItemOutcome(
                refused=domain_taken_in_partner_center_message(domain),
                refused_field="domain_prefix",
                customer_id=item.customer_id,
            )
    if item.kind == ob.PLACE_ORDER:
        from pcdesk.partner_center.orders import send_order

        placed = send_order(db, client, item)
        if placed.held is None and not placed.placed:
            refusal = next((line.error for line in placed.lines if line.error), None)
            return ItemOutcome(refused=refusal or pc_message("-"), customer_id=item.customer_id)
        return ItemOutcome(customer_id=item.customer_id, held=placed.held is not None)
    if item.kind == ob.UPDATE_SUBSCRIPTION:
        from pcdesk.partner_center.subscriptions import send_queued_change

        refused, field_name = send_queued_change(db, client, item)
        if refused is not None:
            return ItemOutcome(refused=refused, refused_field=field_name)
        return ItemOutcome(customer_id=item.customer_id)
    response = client.request(
        item.method, item.path, json_body=item.body, request_id=item.request_id
    )
    return _applied(db, item, _json_or_none(response.content))


def send_item(db: Database, client: PartnerCenterClient, item_id: int) -> ItemOutcome:
    """Send one item now (a submit the user waits on); errors are raised, and the item is left
    *sending* for the caller to settle."""
    item = ob.claim(db, item_id)
    return _send(db, client, item)


def send_pending(
    db: Database,
    client: PartnerCenterClient,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[ob.OutboxItem], None] | None = None,
) -> SendSummary:
    """Send the queued items in order; see the module's docstring."""
    summary = SendSummary()
    blocked = set(ob.blocked_customers(db))
    after = 0
    while not (cancelled is not None and cancelled()):
        item = ob.claim_next(db, blocked, after)  # a crashed "sending" item comes first
        if item is None:
            break
        after = item.id
        if progress is not None:
            progress(item)
        try:
            outcome = _send(db, client, item)
        except ApiFailure as exc:
            outcome = ItemOutcome(refused=exc.message, refused_field=_field_of(item, exc))
        except PartnerCenterError as exc:  # unreachable, signed out: nothing known, wait
            ob.mark_unanswered(db, item.id, exc.message)
            summary.stopped = exc.message
            break
        except NotFound as exc:  # what the change was about is gone here (a subscription)
            outcome = ItemOutcome(refused=exc.message)
        if outcome.held:
            continue
        if outcome.refused is not None:
            ob.mark_failed(db, item.id, outcome.refused, outcome.refused_field)
            summary.failed += 1
            if item.customer_id is not None:
                blocked.add(item.customer_id)
            continue
        summary.sent += 1
        summary.done_ids.append(item.id)
        if outcome.credentials is not None:
            summary.credentials.append(outcome.credentials)
        if item.customer_id is not None:
            summary.customers.add(item.customer_id)
    summary.waiting = len(ob.items(db, (ob.QUEUED, ob.SENDING)))
    return summary


def _field_of(item: ob.OutboxItem, error: ApiFailure) -> str:
    if item.kind == ob.CREATE_CUSTOMER:
        if error.code in {"600049", "600050", "600002"}:
            return "organization_registration_id"
        if error.code == "600051":
            return "contact_phone"
        if "domain" in error.description.lower():
            return "domain_prefix"
    if item.kind == ob.UPDATE_SUBSCRIPTION and error.code in {"800090", "2002", "900117"}:
        return "quantity"
    return ""


def _json_or_none(content: bytes) -> Any:
    try:
        return r.folded(r.parse_json(content)) if content else None
    except r.Unreadable:
        return None


def _applied(db: Database, item: ob.OutboxItem, data: Any) -> ItemOutcome:
    """Mark the item done and apply Partner Center's answer locally, in one transaction."""
    kept: Any = None
    credentials = None
    with db.writing() as session:
        if item.kind == ob.CREATE_CUSTOMER and isinstance(data, dict):
            created = r.parse_created_customer(data)
            kept = {"id": created.customer.id, "domain": created.customer.domain}  # no password
            if item.customer_id is not None:
                link_created_customer(session, item.customer_id, created, actor=item.queued_by)
            credentials = Credentials(
                item.customer_id,
                item.company_name,
                created.customer.domain,
                created.admin_user,
                created.password,
            )
        elif item.kind == ob.REMOVE_RELATIONSHIP:
            if item.customer_id is not None:
                apply_removal(session, item.customer_id, item.queued_by)
        elif isinstance(data, dict):
            kept = {"etag": r.folded(data).get("attributes", {}).get("etag", "")}
        ob.mark_done_in(session, item.id, kept)
        if item.customer_id is not None:
            audit.record(
                session,
                item.queued_by,
                "partner_center.sent",
                item.customer_id,
                kind=item.kind,
                request_id=item.request_id,
            )
    return ItemOutcome(credentials=credentials, customer_id=item.customer_id)


def link_created_customer(
    session: Any, customer_id: int, created: r.CreatedCustomer, *, actor: str
) -> None:
    """The local customer is now Partner Center's: its tenant id, and the sync's link row."""
    table = cast(Table, Customer.__table__)
    local = session.execute(
        select(Customer.name_key, Customer.domain_prefix, Customer.company_name,
               Customer.relationship, Customer.indirect_reseller_id)
        .where(Customer.id == customer_id)
    ).first()  # fmt: skip
    if local is None:
        return
    tenant = created.customer.tenant_id or created.customer.id
    if tenant:
        session.execute(
            update(table)
            .where(table.c.id == customer_id)
            .values(
                microsoft_id=tenant,
                search_text=search_text(local.name_key, local.domain_prefix, tenant),
                version=table.c.version + 1,
            )
        )
    link = session.get(PartnerCenterCustomer, customer_id)
    if link is None:
        session.add(
            PartnerCenterCustomer(
                customer_id=customer_id,
                in_partner_center=True,
                synced_company_name=local.company_name,
                synced_relationship=getattr(local.relationship, "value", str(local.relationship)),
                synced_indirect_reseller_id=local.indirect_reseller_id,
                seen_run=0,
                synced_at=utc_now(),
            )
        )
    else:
        link.in_partner_center = True
        link.gone_at = None
    log.info("customer %s created in Partner Center (%s)", customer_id, created.customer.domain)


def apply_removal(session: object, customer_id: int, actor: str) -> None:
    """Partner Center removed the relationship: so does pcdesk (in the outbox's transaction)."""
    assert isinstance(session, Session)
    customer = session.get(Customer, customer_id)
    if customer is None or customer.relationship is Relationship.NONE:
        return
    previous = customer.relationship
    customer.relationship = Relationship.NONE
    customer.updated_by = actor
    audit.record(
        session, actor, "relationship.removed", customer_id, relationship=previous.value,
        in_partner_center=True,
    )  # fmt: skip
