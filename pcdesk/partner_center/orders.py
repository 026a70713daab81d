"""Orders in Partner Center: a cart and its checkout, with catalogItemIds from the live catalog.

An order is queued in the outbox first (kind ``place_order``), so it survives a crash and is
never placed twice: the cart is created with the item's request id and the checkout with a
request id kept in the item (both replayed when sent again). Before checkout the customer is
checked: while the Microsoft Customer Agreement is not accepted or the account is Under review,
the order is *held* with the reason (a 13605 or 800073 at checkout holds it too). When the block
lifts, the user confirms, and the held order is placed (with a new checkout request id: the last
one had a definite answer). Cart line errors are given per line; an order still provisioning is
pending until its subscriptions appear (up to 15 minutes), then they are added here.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from pcdesk.enums import SubscriptionStatus
from pcdesk.errors import NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import CatalogOffer, Customer, PartnerCenterOutbox, Subscription
from pcdesk.models.database import Database
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.errors import ApiFailure, PartnerCenterError, pc_message
from pcdesk.services import audit
from pcdesk.services import outbox as ob
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner.actor import current_user

if TYPE_CHECKING:  # httpx, under the client, loads when Partner Center is first used
    from pcdesk.partner_center.client import PartnerCenterClient


HOLDING_CODES = {"13605", "800073", "800074"}
CATALOG_TTL = 3600.0  # availability ids change over time: not kept longer


class ClientSource(Protocol):
    def client(self) -> PartnerCenterClient: ...


# -- the live catalog ---------------------------------------------------------------------------------

_catalog: dict[str, tuple[float, dict[tuple[str, str, str], str]]] = {}
_catalog_lock = threading.Lock()


def live_catalog(client: PartnerCenterClient, country: str) -> dict[tuple[str, str, str], str]:
    """(product id, sku id, term) → catalogItemId, from products, SKUs and availabilities
    (cached an hour per country)."""
    country = country.upper()
    with _catalog_lock:
        found = _catalog.get(country)
        if found is not None and time.monotonic() - found[0] < CATALOG_TTL:
            return found[1]
    items: dict[tuple[str, str, str], str] = {}
    products = client.get_json("/v1/products", {"country": country, "targetView": "OnlineServices"})
    for product in r.parse_items(products, lambda value: value):
        product_id = str(product.get("id", ""))
        skus = client.get_json(f"/v1/products/{product_id}/skus", {"country": country})
        for sku in r.parse_items(skus, lambda value: value):
            sku_id = str(sku.get("id", ""))
            availabilities = client.get_json(
                f"/v1/products/{product_id}/skus/{sku_id}/availabilities", {"country": country}
            )
            for availability in r.parse_items(availabilities, lambda value: value):
                catalog_item = str(availability.get("catalogitemid", ""))
                for term in availability.get("terms") or []:
                    duration = str(term.get("duration", "")).upper()
                    items[(product_id.upper(), sku_id.upper(), duration)] = catalog_item
    with _catalog_lock:
        _catalog[country] = (time.monotonic(), items)
    return items


def forget_catalog() -> None:
    with _catalog_lock:
        _catalog.clear()


# -- results ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineResult:
    offer_id: int
    title: str
    quantity: int
    error: Message | None


@dataclass(frozen=True)
class OrderOutcome:
    item_id: int
    held: Message | None  # why the order waits (agreement, Under review)
    queued: Message | None  # Partner Center could not be reached: it waits in the outbox
    lines: tuple[LineResult, ...]
    order_ids: tuple[str, ...]
    pending: bool  # provisioning: the subscriptions appear when it is done

    @property
    def placed(self) -> bool:
        return bool(self.order_ids)


def held_for_agreement_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Held: the customer has not accepted the Microsoft Customer Agreement in Partner "
            "Center yet. The order is placed once it is accepted and you confirm.",
        )
    )


def held_for_review_message(status: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Held: Partner Center is reviewing this customer's account ({status}). The order is "
            "placed once the review ends and you confirm.",
        ),
        status=status,
    )


def line_error_message(code: str, description: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center", "Partner Center refused this line: {description} (error {code})."
        ),
        description=description,
        code=code,
    )


def not_in_live_catalog_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "This offer is not in Partner Center's catalog for the customer's country.",
        )
    )


def order_summary(count: int, company: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("outbox", "Order {count} offers for {company}"),
        context="outbox",
        count=count,
        company=company,
    )


# -- placing -------------------------------------------------------------------------------------------


def queue_order(
    db: Database, customer_id: int, lines: list[SubscriptionLine], *, actor: str | None = None
) -> int:
    """The order, queued for Partner Center (in order, with its request ids)."""
    with db.writing() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(customer_id)
        body_lines = []
        for line in lines:
            offer = session.get_one(CatalogOffer, line.offer_id)
            body_lines.append(
                {
                    "offer_id": offer.id,
                    "title": offer.sku_title or offer.product_title,
                    "product_id": offer.product_id,
                    "sku_id": offer.sku_id,
                    "term": offer.term,
                    "billing_plan": offer.billing_plan,
                    "quantity": line.quantity,
                }
            )
        row = ob.queue_in(
            session,
            ob.PLACE_ORDER,
            "POST",
            f"/v1/customers/{customer.microsoft_id}/carts",
            {
                "country": customer.country,
                "lines": body_lines,
                "checkout_request_id": str(uuid.uuid4()),
            },
            order_summary(len(body_lines), customer.company_name),
            customer_id=customer.id,
            actor=actor or current_user(),
        )
        return row.id


def block_of(client: PartnerCenterClient, tenant_id: str) -> Message | None:
    """Why Partner Center would not take an order for this customer now, or None."""
    status = client.validation_status(tenant_id)
    if status is not None and status.status.replace(" ", "").lower() in {
        "underreview",
        "notallowed",
        "unknown",
        "notready",
    }:
        return held_for_review_message(status.status)
    if not client.mca_signed(tenant_id):
        return held_for_agreement_message()
    return None


def place_order(
    db: Database,
    connection: ClientSource,
    customer_id: int,
    lines: list[SubscriptionLine],
    *,
    actor: str | None = None,
) -> OrderOutcome:
    """Queue the order, then place it now unless the customer is blocked (it is held) or Partner
    Center cannot be reached (it waits)."""
    item_id = queue_order(db, customer_id, lines, actor=actor)
    return send_now(db, connection, item_id)


def send_now(db: Database, connection: ClientSource, item_id: int) -> OrderOutcome:
    try:
        with connection.client() as client:
            item = ob.claim(db, item_id)
            return send_order(db, client, item)
    except ApiFailure as exc:
        ob.mark_failed(db, item_id, exc.message)
        raise
    except PartnerCenterError as exc:
        ob.mark_unanswered(db, item_id, exc.message)
        return OrderOutcome(item_id, None, exc.message, (), (), False)


def send_order(db: Database, client: PartnerCenterClient, item: ob.OutboxItem) -> OrderOutcome:
    """Place a claimed order item: check the block, the cart (with the item's request id), then
    the checkout. Holds it (13605/800073) instead of failing; raises other refusals."""
    body: dict[str, Any] = item.body if isinstance(item.body, dict) else {}
    tenant = item.path.split("/")[3]
    block = block_of(client, tenant) if item.attempts == 1 else None
    if block is not None:
        ob.hold(db, item.id, block)
        return OrderOutcome(item.id, block, None, _lines(body), (), False)
    catalog = live_catalog(client, str(body.get("country", "US")))
    cart_lines = []
    results: list[LineResult] = []
    for line in body.get("lines", []):
        key = (str(line["product_id"]).upper(), str(line["sku_id"]).upper(), str(line["term"]))
        catalog_item = catalog.get(key)
        if catalog_item is None:
            results.append(_line(line, not_in_live_catalog_message()))
            continue
        line["catalogItemId"] = catalog_item
        cart_lines.append(
            {
                "catalogItemId": catalog_item,
                "quantity": int(line["quantity"]),
                "termDuration": line["term"],
                "billingCycle": line["billing_plan"],
            }
        )
    if not cart_lines:
        refusal = results[0].error if results else not_in_live_catalog_message()
        ob.mark_failed(db, item.id, refusal or not_in_live_catalog_message())
        return OrderOutcome(item.id, None, None, tuple(results), (), False)
    response = client.request(
        "POST",
        item.path,
        json_body={"lineItems": cart_lines},
        request_id=item.request_id,
    )
    cart = r.folded(r.parse_json(response.content))
    errors: dict[str, Message] = {}
    for cart_line in cart.get("lineitems", []) if isinstance(cart, dict) else []:
        error = cart_line.get("error")
        if isinstance(error, dict):
            errors[str(cart_line.get("catalogitemid", ""))] = line_error_message(
                str(error.get("errorcode", "")), str(error.get("errordescription", ""))
            )
    for line in body.get("lines", []):
        if "catalogItemId" in line:
            results.append(_line(line, errors.get(line["catalogItemId"])))
    cart_id = str(cart.get("id", "")) if isinstance(cart, dict) else ""
    try:
        checkout = client.request(
            "POST",
            f"{item.path}/{cart_id}/checkout",
            json_body={},
            request_id=str(body.get("checkout_request_id") or item.request_id),
        )
    except ApiFailure as exc:
        if exc.code in HOLDING_CODES:
            ob.hold(db, item.id, exc.message)
            return OrderOutcome(item.id, exc.message, None, tuple(results), (), False)
        raise
    placed = r.folded(r.parse_json(checkout.content))
    orders = placed.get("orders", []) if isinstance(placed, dict) else []
    order_ids = tuple(str(order.get("id", "")) for order in orders)
    pending = any(str(order.get("status", "")).lower() == "pending" for order in orders)
    with db.writing() as session:
        ob.mark_done_in(
            session,
            item.id,
            {"orders": list(order_ids), "cart": cart_id, "pending": pending,
             "lines": body.get("lines", [])},
        )  # fmt: skip
        if not pending and item.customer_id is not None:
            _add_subscriptions(session, item.customer_id, orders, body, item.queued_by)
    if not order_ids:
        refusal = next((res.error for res in results if res.error is not None), None)
        if refusal is not None:
            ob.mark_failed(db, item.id, refusal)
    return OrderOutcome(item.id, None, None, tuple(results), order_ids, pending)


def _line(line: dict[str, Any], error: Message | None) -> LineResult:
    return LineResult(int(line["offer_id"]), str(line["title"]), int(line["quantity"]), error)


def _lines(body: dict[str, Any]) -> tuple[LineResult, ...]:
    return tuple(_line(line, None) for line in body.get("lines", []))


def _add_subscriptions(
    session: Any, customer_id: int, orders: list[Any], body: dict[str, Any], actor: str
) -> int:
    """The provisioned orders' subscriptions, added here with Partner Center's ids."""
    by_item = {line.get("catalogItemId"): line for line in body.get("lines", [])}
    added = 0
    for order in orders:
        for order_line in order.get("lineitems", []):
            subscription_id = str(order_line.get("subscriptionid", "")).lower()
            line = by_item.get(order_line.get("offerid"))
            if not subscription_id or line is None:
                continue
            exists = session.scalar(
                select(Subscription.id).where(Subscription.partner_center_id == subscription_id)
            )
            if exists is not None:
                continue
            offer = session.get_one(CatalogOffer, int(line["offer_id"]))
            session.add(
                Subscription(
                    customer_id=customer_id,
                    offer_id=offer.id,
                    quantity=int(order_line.get("quantity") or line["quantity"]),
                    term=offer.term,
                    billing_plan=offer.billing_plan,
                    status=SubscriptionStatus.ACTIVE,
                    partner_center_id=subscription_id,
                    created_by=actor,
                    updated_by=actor,
                )
            )
            audit.record(session, actor, "subscription.created", customer_id,
                         offer=f"{offer.product_id}:{offer.sku_id}", title=offer.sku_title,
                         quantity=line["quantity"], term=offer.term,
                         order=str(order.get("id", "")))  # fmt: skip
            added += 1
    return added


# -- after: provisioning, held orders -----------------------------------------------------------


def check_provisioning(db: Database, connection: ClientSource, item_id: int) -> bool:
    """Whether the order's subscriptions are in (added here once they are)."""
    item = ob.get_item(db, item_id)
    with db.reading() as session:
        row = session.get_one(PartnerCenterOutbox, item_id)
        result = r.parse_json(row.result.encode()) if row.result else {}
    if not isinstance(result, dict) or not result.get("pending"):
        return True
    tenant = item.path.split("/")[3]
    orders = []
    with connection.client() as client:
        for order_id in result.get("orders", []):
            order = client.get_json(f"/v1/customers/{tenant}/orders/{order_id}")
            if str(order.get("status", "")).lower() != "completed":
                return False
            orders.append(order)
    body = {"lines": result.get("lines", [])}
    with db.writing() as session:
        if item.customer_id is not None:
            _add_subscriptions(session, item.customer_id, orders, body, item.queued_by)
        ob.mark_done_in(session, item_id, {**result, "pending": False})
    return True


def block_lifted(db: Database, connection: ClientSource, item_id: int) -> Message | None:
    """A held order's block, checked again: None once it has lifted (the user then confirms)."""
    item = ob.get_item(db, item_id)
    with connection.client() as client:
        return block_of(client, item.path.split("/")[3])


def place_held(db: Database, connection: ClientSource, item_id: int) -> OrderOutcome:
    """The user confirmed a held order whose block lifted: placed now."""
    ob.release(db, item_id)
    return send_now(db, connection, item_id)


def held_orders(db: Database, customer_id: int) -> tuple[ob.OutboxItem, ...]:
    return tuple(
        item
        for item in ob.pending_for_customer(db, customer_id)
        if item.kind == ob.PLACE_ORDER and item.state == ob.HELD
    )


def pending_orders(db: Database, customer_id: int) -> tuple[int, ...]:
    """Order items of the customer still provisioning."""
    with db.reading() as session:
        rows = session.execute(
            select(PartnerCenterOutbox.id, PartnerCenterOutbox.result).where(
                PartnerCenterOutbox.customer_id == customer_id,
                PartnerCenterOutbox.kind == ob.PLACE_ORDER,
                PartnerCenterOutbox.state == ob.DONE,
            )
        ).all()
    return tuple(row.id for row in rows if '"pending": true' in (row.result or ""))
