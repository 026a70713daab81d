"""Writing the subscriptions Partner Center lists into the local database, a page at a time.

Matched by Partner Center's id; Partner Center is their source of truth, so they follow it: a
new one is added (its offer the price list's, or one added for it), a changed quantity or status
is written, each with its event in the history. ``apply.PageWriter.subscriptions`` calls this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pcdesk.models import AuditEvent, CatalogOffer, Customer, Subscription, SubscriptionStatus
from pcdesk.partner_center import resources as r
from pcdesk.services.customer_import.bulk import insert_rows, table_of

# (when, action, customer id, details) -> an audit event's row
EventRow = Callable[..., dict[str, Any]]


class SubscriptionCounts(Protocol):
    """What a sync counts of subscriptions (apply.Counts has it)."""

    subscriptions_added: int
    subscriptions_updated: int


class SubscriptionWriter:
    """The subscription writes of one sync, each page in its caller's transaction."""

    def __init__(self, actor: str, counts: SubscriptionCounts, event: EventRow) -> None:
        self.actor = actor
        self.counts = counts
        self._event = event
        self._offers: dict[tuple[str, str, str, str], list[tuple[str, int]]] | None = None

    def write(
        self,
        session: Session,
        by_customer: Mapping[int, Sequence[r.Subscription]],
        now: dt.datetime,
    ) -> None:
        """Write the subscriptions of these customers, matched by Partner Center's id."""
        listed = [(cid, sub) for cid, subs in by_customer.items() for sub in subs if sub.id]
        if not listed:
            return
        t = table_of(Subscription)
        c = table_of(Customer)
        existing = {
            row[0]: row
            for row in session.execute(
                select(t.c.partner_center_id, t.c.id, t.c.quantity, t.c.status, t.c.version).where(
                    t.c.partner_center_id.in_([sub.id for _cid, sub in listed])
                )
            )
        }
        markets = dict(
            session.execute(select(c.c.id, c.c.country).where(c.c.id.in_(list(by_customer)))).all()
        )
        resellers = dict(
            session.execute(
                select(c.c.id, c.c.indirect_reseller_id).where(c.c.id.in_(list(by_customer)))
            ).all()
        )
        new_rows = []
        changed = []
        events = []
        for customer_id, sub in listed:
            status = _status(sub.status)
            found = existing.get(sub.id)
            if found is None:
                offer = self._offer(session, sub, str(markets.get(customer_id) or ""), now)
                new_rows.append(
                    {
                        "customer_id": customer_id,
                        "offer_id": offer,
                        "quantity": max(0, sub.quantity),
                        "term": (sub.term_duration or "P1M")[:8],
                        "billing_plan": _plan(sub.billing_cycle),
                        "status": status or SubscriptionStatus.ACTIVE,
                        "indirect_reseller_id": resellers.get(customer_id),
                        "partner_center_id": sub.id,
                        "created_at": sub.creation_date or now,
                        "created_by": self.actor,
                        "updated_at": now,
                        "updated_by": self.actor,
                        "version": 1,
                    }
                )
                events.append(
                    self._event(
                        now,
                        "subscription.synced_added",
                        customer_id,
                        offer=sub.offer_name,
                        quantity=sub.quantity,
                        status=(status or SubscriptionStatus.ACTIVE).value,
                    )
                )
                continue
            _pc_id, local_id, quantity, local_status, version = found
            values: dict[str, Any] = {}
            change: dict[str, list[Any]] = {}
            if quantity != max(0, sub.quantity):
                values["quantity"] = max(0, sub.quantity)
                change["quantity"] = [quantity, sub.quantity]
            if status is not None and str(local_status) != status.value:
                values["status"] = status
                change["status"] = [str(local_status), status.value]
            if values:
                changed.append((local_id, version, values))
                events.append(
                    self._event(
                        now, "subscription.synced", customer_id, offer=sub.offer_name, **change
                    )
                )
        insert_rows(session, t, new_rows)
        for local_id, version, values in changed:
            session.execute(
                update(t)
                .where(t.c.id == local_id, t.c.version == version)
                .values(
                    values | {"version": version + 1, "updated_at": now, "updated_by": self.actor}
                )
            )
        insert_rows(session, table_of(AuditEvent), events)
        self.counts.subscriptions_added += len(new_rows)
        self.counts.subscriptions_updated += len(changed)

    def _offer(self, session: Session, sub: r.Subscription, market: str, now: dt.datetime) -> int:
        """The catalog offer of a subscription: the price list's, for the customer's market if
        it has one; else one added for it (no price, tagged "Partner Center")."""
        t = table_of(CatalogOffer)
        term = (sub.term_duration or "P1M")[:8]
        plan = _plan(sub.billing_cycle)
        key = (sub.product_id[:20], sub.sku_id[:8], term, plan)
        if self._offers is None:
            self._offers = {}
            rows = session.execute(
                select(t.c.product_id, t.c.sku_id, t.c.term, t.c.billing_plan, t.c.market, t.c.id)
            )
            for row in rows:
                self._offers.setdefault((row[0], row[1], row[2], row[3]), []).append(
                    (row[4], row[5])
                )
        candidates = self._offers.get(key, [])
        for offered_in, offer_id in candidates:
            if offered_in == market:
                return offer_id
        if candidates:
            return candidates[0][1]
        values: dict[str, Any] = {
            "product_id": key[0],
            "sku_id": key[1] or "0001",
            "product_title": (sub.offer_name or sub.offer_id)[:255],
            "sku_title": (sub.friendly_name or sub.offer_name or sub.offer_id)[:255],
            "publisher": "Microsoft Corporation",
            "description": "",
            "unit_of_measure": sub.unit_type[:50],
            "tags": "Partner Center",
            "term": term,
            "billing_plan": plan,
            "market": (market or "US")[:2],
            "currency": "USD",
            "unit_price": Decimal(0),
            "erp_price": Decimal(0),
            "min_quantity": 0,
            "max_quantity": 1_000_000,
            "effective_start": now,
            "effective_end": None,
            "end_of_sale": None,
            "segment": "Commercial",
        }
        offer_id = int(session.execute(t.insert().values(values).returning(t.c.id)).scalar_one())
        self._offers.setdefault(key, []).append((values["market"], offer_id))
        return offer_id


def _status(value: str) -> SubscriptionStatus | None:
    lowered = value.lower()
    if lowered in {"active", "pending"}:
        return SubscriptionStatus.ACTIVE
    if lowered == "suspended":
        return SubscriptionStatus.SUSPENDED
    if lowered in {"deleted", "expired", "disabled"}:
        return SubscriptionStatus.CANCELLED
    return None  # none, or a status unknown to pcdesk: left as it is


def _plan(cycle: str) -> str:
    plans = {"monthly": "Monthly", "annual": "Annual", "triennial": "Triennial", "none": "None"}
    return plans.get(cycle.lower(), cycle.capitalize() or "None")[:16]
