"""Changing a subscription in Partner Center: licences, suspend, reactivate, cancel.

``preview_change`` reads the subscription from Partner Center (GET, with its etag) and says what
the change does: licences before → after, the monthly price before → after, and the window for
reducing or cancelling read from the subscription itself (``refundableQuantity``,
``cancellationAllowedUntilDate``), shown as a deadline. A change past it is refused here, before
anything is sent. ``apply_change`` PATCHes the full subscription with the etag it was read with:
a stale etag (400/2055 or 412) reads it again and says what changed; Partner Center's refusals
come back as plain messages with the request id. When Partner Center cannot be reached, the change
waits in the outbox with the request id it was sent with (so it is replayed, never done twice).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from pcdesk.enums import SubscriptionStatus
from pcdesk.errors import NotFound, PcdeskError, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import CatalogOffer, Customer, Subscription
from pcdesk.models.base import utc_now
from pcdesk.models.database import Database
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.errors import ApiFailure, PartnerCenterError, pc_message
from pcdesk.services import audit
from pcdesk.services import outbox as ob
from pcdesk.services.catalog.price_list_format import CENT, term_months
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.partner.actor import current_user

if TYPE_CHECKING:  # httpx, under the client, loads when Partner Center is first used
    from pcdesk.partner_center.client import PartnerCenterClient


class ClientSource(Protocol):
    """What makes a client (a ``PartnerCenterConnection``; not imported: the outbox sends
    through this module, and the connection sends the outbox)."""

    def client(self) -> PartnerCenterClient: ...


PC_STATUS = {
    SubscriptionStatus.ACTIVE: "active",
    SubscriptionStatus.SUSPENDED: "suspended",
    SubscriptionStatus.CANCELLED: "deleted",
}
LOCAL_STATUS = {value: key for key, value in PC_STATUS.items()}


@dataclass(frozen=True)
class Window:
    """How far a reduction or a cancellation may go, as Partner Center says it."""

    refundable: int | None  # licences that may still be reduced; None: not said
    refund_until: dt.datetime | None
    cancel_until: dt.datetime | None


@dataclass(frozen=True)
class ChangePreview:
    customer_id: int
    subscription_id: int  # pcdesk's
    partner_center_id: str
    tenant_id: str
    title: str
    quantity_before: int
    quantity_after: int
    status_before: str  # Partner Center's words: active, suspended, deleted
    status_after: str
    monthly_before: Decimal
    monthly_after: Decimal
    currency: str
    window: Window
    refusal: Message | None  # past the window: refused before sending
    etag: str
    raw: dict[str, Any]  # the subscription as Partner Center sent it (its own keys)


class StaleSubscription(PcdeskError):
    """The subscription changed in Partner Center since it was read: ``current`` is it now."""

    def __init__(self, message: Message, current: ChangePreview) -> None:
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class ChangeResult:
    details: CustomerDetails
    queued: Message | None  # the change waits in the outbox (Partner Center unreachable)


def _window(raw: dict[str, Any]) -> Window:
    data = r.folded(raw)
    refundable_data = data.get("refundablequantity")
    refundable: int | None = None
    refund_until: dt.datetime | None = None
    now = dt.datetime.now(dt.UTC)
    if isinstance(refundable_data, dict):
        refundable = 0
        for detail in refundable_data.get("details") or []:
            if not isinstance(detail, dict):
                continue
            until = r.parse_datetime(detail.get("alloweduntildatetime"))
            quantity = int(detail.get("quantity") or 0)
            if until is not None and until >= now:
                refundable += quantity
            if until is not None and (refund_until is None or until > refund_until):
                refund_until = until
        if not refundable_data.get("details"):
            refundable = int(refundable_data.get("totalquantity") or 0)
    return Window(
        refundable, refund_until, r.parse_datetime(data.get("cancellationalloweduntildate"))
    )


def _monthly(unit_price: Decimal, term: str, quantity: int) -> Decimal:
    try:
        months = term_months(term)
    except ValueError:
        months = 1
    return (unit_price / months).quantize(CENT) * quantity


def _deadline(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def refusal_of(
    window: Window, quantity_before: int, quantity_after: int, status_after: str
) -> Message | None:
    """Why Partner Center would refuse the change, said before anything is sent."""
    now = dt.datetime.now(dt.UTC)
    if status_after == "deleted":
        if window.cancel_until is None or now > window.cancel_until:
            when = _deadline(window.cancel_until) if window.cancel_until else "-"
            return pc_message(
                QT_TRANSLATE_NOOP(
                    "partner_center",
                    "This subscription can no longer be cancelled: its cancellation window "
                    "closed ({deadline}). Nothing was sent to Partner Center.",
                ),
                deadline=when,
            )
        return None
    reduced = quantity_before - quantity_after
    if reduced > 0 and window.refundable is not None:
        closed = window.refund_until is None or now > window.refund_until
        if closed or reduced > window.refundable:
            return pc_message(
                QT_TRANSLATE_NOOP(
                    "partner_center",
                    "Partner Center allows reducing these licences by at most {refundable} "
                    "until {deadline}; this change reduces them by {reduced}. Nothing was sent "
                    "to Partner Center.",
                ),
                refundable=0 if closed else window.refundable,
                deadline=_deadline(window.refund_until) if window.refund_until else "-",
                reduced=reduced,
            )
    return None


@dataclass(frozen=True)
class _Local:
    customer_id: int
    subscription_id: int
    partner_center_id: str
    tenant_id: str
    title: str
    unit_price: Decimal
    currency: str
    term: str


def _local(db: Database, subscription_id: int) -> _Local:
    with db.reading() as session:
        row = session.execute(
            select(Subscription, Customer.microsoft_id, CatalogOffer)
            .join(Customer, Customer.id == Subscription.customer_id)
            .join(CatalogOffer, CatalogOffer.id == Subscription.offer_id)
            .where(Subscription.id == subscription_id)
        ).first()
        if row is None:
            raise NotFound(subscription_id)
        sub, tenant, offer = row
        if not sub.partner_center_id:
            raise NotFound(subscription_id, _not_in_partner_center_message())
        return _Local(
            sub.customer_id,
            sub.id,
            sub.partner_center_id,
            tenant,
            offer.sku_title or offer.product_title,
            offer.unit_price,
            offer.currency,
            sub.term,
        )


def _not_in_partner_center_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP("partner_center", "This subscription is not in Partner Center.")
    )


def _path(local: _Local) -> str:
    return f"/v1/customers/{local.tenant_id}/subscriptions/{local.partner_center_id}"


def read_subscription(client: PartnerCenterClient, path: str) -> dict[str, Any]:
    """The subscription as Partner Center sent it, keys untouched (it is PATCHed back whole)."""
    response = client.request("GET", path)
    data = r.parse_json(response.content)
    if not isinstance(data, dict):
        raise r.Unreadable("not an object")
    return data


def _preview(
    local: _Local, raw: dict[str, Any], quantity: int | None, status: str | None
) -> ChangePreview:
    found = r.parse_subscription(r.folded(raw))
    after_quantity = found.quantity if quantity is None else quantity
    after_status = found.status if status is None else status
    window = _window(raw)
    return ChangePreview(
        customer_id=local.customer_id,
        subscription_id=local.subscription_id,
        partner_center_id=local.partner_center_id,
        tenant_id=local.tenant_id,
        title=found.friendly_name or found.offer_name or local.title,
        quantity_before=found.quantity,
        quantity_after=after_quantity,
        status_before=found.status,
        status_after=after_status,
        monthly_before=_monthly(local.unit_price, local.term, found.quantity),
        monthly_after=_monthly(
            local.unit_price, local.term, 0 if after_status == "deleted" else after_quantity
        ),
        currency=local.currency,
        window=window,
        refusal=refusal_of(window, found.quantity, after_quantity, after_status),
        etag=found.etag,
        raw=raw,
    )


def preview_change(
    db: Database,
    connection: ClientSource,
    subscription_id: int,
    *,
    quantity: int | None = None,
    status: SubscriptionStatus | None = None,
) -> ChangePreview:
    """What the change would do, read from Partner Center now (see the module's docstring)."""
    local = _local(db, subscription_id)
    with connection.client() as client:
        raw = read_subscription(client, _path(local))
    return _preview(local, raw, quantity, PC_STATUS[status] if status is not None else None)


def _changed_message(before: ChangePreview, now: ChangePreview) -> Message:
    parts: list[str] = []
    if before.quantity_before != now.quantity_before:
        parts.append(f"{before.quantity_before} → {now.quantity_before}")
    if before.status_before != now.status_before:
        parts.append(f"{before.status_before} → {now.status_before}")
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "The subscription changed in Partner Center since pcdesk read it ({changes}). "
            "Nothing was sent: what Partner Center holds now is shown; check the change and "
            "apply it again.",
        ),
        changes=", ".join(parts) or "etag",
    )


def _body(preview: ChangePreview) -> dict[str, Any]:
    """The full subscription, with the change made (a partial body resets what it leaves out)."""
    body: dict[str, Any] = json.loads(json.dumps(preview.raw))
    keys = {key.lower(): key for key in body}
    body[keys.get("quantity", "quantity")] = preview.quantity_after
    body[keys.get("status", "status")] = preview.status_after
    return body


def apply_change(
    db: Database,
    connection: ClientSource,
    preview: ChangePreview,
    *,
    actor: str | None = None,
) -> ChangeResult:
    """PATCH the subscription with the etag it was read with; see the module's docstring."""
    if preview.refusal is not None:
        raise ValidationFailed({"quantity": preview.refusal})
    actor = actor or current_user()
    local = _local(db, preview.subscription_id)
    path = _path(local)
    request_id = str(uuid.uuid4())
    try:
        with connection.client() as client:
            try:
                response = client.request(
                    "PATCH",
                    path,
                    json_body=_body(preview),
                    headers={"If-Match": f'"{preview.etag}"'},
                    request_id=request_id,
                )
            except ApiFailure as exc:
                if exc.code == "2055" or exc.status == 412:
                    current = _preview(
                        local,
                        read_subscription(client, path),
                        preview.quantity_after,
                        preview.status_after,
                    )
                    raise StaleSubscription(_changed_message(preview, current), current) from exc
                raise
    except StaleSubscription:
        raise
    except ApiFailure:
        raise
    except PartnerCenterError as exc:  # no answer: the change waits, with the id it was sent with
        _queue(db, local, preview, request_id, actor, sent=True, why=exc.message)
        return ChangeResult(get_customer(db, local.customer_id), queued_change_message())
    answer = r.folded(r.parse_json(response.content))
    found = r.parse_subscription(answer) if isinstance(answer, dict) else None
    with db.writing() as session:
        _apply_locally(
            session,
            local.subscription_id,
            found.quantity if found else preview.quantity_after,
            found.status if found else preview.status_after,
            actor,
            request_id,
        )
    return ChangeResult(get_customer(db, local.customer_id), None)


def queued_change_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center could not be reached: the change waits in Pending changes and is sent "
            "when it can be (never twice).",
        )
    )


def change_summary(title: str, before: int, after: int, status: str) -> Message:
    if status == "deleted":
        return Message(QT_TRANSLATE_NOOP("outbox", "Cancel {offer}"), context="outbox", offer=title)
    if status == "suspended":
        return Message(
            QT_TRANSLATE_NOOP("outbox", "Suspend {offer}"), context="outbox", offer=title
        )
    return Message(
        QT_TRANSLATE_NOOP("outbox", "{offer}: {before} → {quantity} licences"),
        context="outbox",
        offer=title,
        before=before,
        quantity=after,
    )


def _queue(
    db: Database,
    local: _Local,
    preview: ChangePreview,
    request_id: str,
    actor: str,
    *,
    sent: bool,
    why: Message,
) -> None:
    with db.writing() as session:
        row = ob.queue_in(
            session,
            ob.UPDATE_SUBSCRIPTION,
            "PATCH",
            _path(local),
            {
                "quantity": preview.quantity_after,
                "status": preview.status_after,
                "subscription_id": local.subscription_id,
                "etag": preview.etag,
            },
            change_summary(
                preview.title, preview.quantity_before, preview.quantity_after, preview.status_after
            ),
            customer_id=local.customer_id,
            actor=actor,
            request_id=request_id,
        )
        row.attempts = 1 if sent else 0
        row.error = ob.message_to_json(why)


def queue_change(
    db: Database,
    subscription_id: int,
    *,
    quantity: int | None = None,
    status: SubscriptionStatus | None = None,
    actor: str | None = None,
) -> ChangeResult:
    """Partner Center cannot be reached even to read the subscription: the change waits in the
    outbox, and its window is checked when it is sent."""
    local = _local(db, subscription_id)
    with db.reading() as session:
        sub = session.get_one(Subscription, subscription_id)
        before_quantity, before_status = sub.quantity, PC_STATUS[sub.status]
    after_quantity = before_quantity if quantity is None else quantity
    after_status = before_status if status is None else PC_STATUS[status]
    preview = ChangePreview(
        local.customer_id, local.subscription_id, local.partner_center_id, local.tenant_id,
        local.title, before_quantity, after_quantity, before_status, after_status,
        Decimal(0), Decimal(0), local.currency, Window(None, None, None), None, "", {},
    )  # fmt: skip
    _queue(db, local, preview, str(uuid.uuid4()), actor or current_user(), sent=False,
           why=queued_change_message())  # fmt: skip
    return ChangeResult(get_customer(db, local.customer_id), queued_change_message())


def send_queued_change(
    db: Database, client: PartnerCenterClient, item: ob.OutboxItem
) -> tuple[Message | None, str]:
    """The outbox's send of a subscription change: read it now, check the window, PATCH it whole
    with the item's request id (a re-send after a lost answer is replayed). Returns a refusal
    (and its field) or (None, "") once done."""
    body = item.body if isinstance(item.body, dict) else {}
    local = _local(db, int(body.get("subscription_id", 0)))
    raw = read_subscription(client, item.path)
    preview = _preview(local, raw, int(body.get("quantity", 0)), str(body.get("status", "")))
    first_send = item.attempts == 1
    if first_send:
        if body.get("etag") and preview.etag != body.get("etag"):
            return (
                _changed_message(replace(preview, quantity_before=-1, status_before="?"), preview),
                "",
            )
        if preview.refusal is not None:
            return preview.refusal, "quantity"
    response = client.request(
        "PATCH",
        item.path,
        json_body=_body(preview),
        headers={"If-Match": f'"{preview.etag}"'},
        request_id=item.request_id,
    )
    answer = r.folded(r.parse_json(response.content))
    found = r.parse_subscription(answer) if isinstance(answer, dict) else None
    with db.writing() as session:
        _apply_locally(
            session,
            local.subscription_id,
            found.quantity if found else preview.quantity_after,
            found.status if found else preview.status_after,
            item.queued_by,
            item.request_id,
        )
        ob.mark_done_in(session, item.id, {"etag": found.etag if found else ""})
    return None, ""


def _apply_locally(
    session: Session, subscription_id: int, quantity: int, status: str, actor: str, request_id: str
) -> None:
    table = cast(Table, Subscription.__table__)
    sub = session.get(Subscription, subscription_id)
    if sub is None:
        return
    before = (sub.quantity, sub.status)
    local_status = LOCAL_STATUS.get(status, sub.status)
    session.execute(
        update(table)
        .where(table.c.id == subscription_id)
        .values(
            quantity=quantity,
            status=local_status,
            version=table.c.version + 1,
            updated_at=utc_now(),
            updated_by=actor,
        )
    )
    session.expire(sub)
    if before[0] != quantity:
        audit.record(session, actor, "subscription.quantity_changed", sub.customer_id,
                     subscription=subscription_id, request_id=request_id,
                     **{"from": before[0], "to": quantity})  # fmt: skip
    if before[1] != local_status:
        action = {
            SubscriptionStatus.SUSPENDED: "subscription.suspended",
            SubscriptionStatus.ACTIVE: "subscription.reactivated",
            SubscriptionStatus.CANCELLED: "subscription.cancelled",
        }[local_status]
        audit.record(session, actor, action, sub.customer_id, subscription=subscription_id,
                     quantity=quantity, request_id=request_id)  # fmt: skip
