"""The outbox: writes that must reach Partner Center, kept in the database until they have.

Offline, signed out, or with Partner Center briefly unavailable, a write the user confirmed is
queued here instead of being lost or faked: one row per write, in order, with the
``MS-RequestId`` it was given when queued. The sender (``pcdesk.partner_center.outbox``) sends
the items in order; before each send it marks the item *sending* in its own committed
transaction, so an item found *sending* after a crash (or a kill) is sent again with the same
request id, and Partner Center replays its first answer instead of doing the work twice.

Request ids follow Partner Center's rule (partner-center-api.md §2): the same id while the
outcome is unknown (a timeout, a lost answer, a crash), a new one after a definite answer. So
an item may be edited only while it has never been sent, or once Partner Center refused it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, PartnerCenterOutbox
from pcdesk.models.base import utc_now
from pcdesk.models.database import Database
from pcdesk.services.partner.actor import current_user

CONTEXT = "outbox"

QUEUED, SENDING, FAILED, DONE, CANCELLED = "queued", "sending", "failed", "done", "cancelled"
HELD = "held"  # an order waiting for the customer's agreement or review; placed once confirmed
PENDING = (QUEUED, SENDING, FAILED, HELD)  # what the Pending changes window lists

CREATE_CUSTOMER = "create_customer"
UPDATE_SUBSCRIPTION = "update_subscription"
REMOVE_RELATIONSHIP = "remove_relationship"
PLACE_ORDER = "place_order"

# The one field of an item's body the user may edit, by kind (the path into the body).
EDITABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    CREATE_CUSTOMER: ("domain_prefix", ("CompanyProfile", "Domain")),
    UPDATE_SUBSCRIPTION: ("quantity", ("quantity",)),
}
ONMICROSOFT = ".onmicrosoft.com"


def outbox_message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


def message_to_json(message: Message) -> str:
    params = {k: str(v) for k, v in message.params.items()}
    return json.dumps(
        {"context": message.context, "template": message.template, "params": params},
        ensure_ascii=False,
    )


def message_from_json(text: str) -> Message | None:
    if not text:
        return None
    try:
        data = json.loads(text)
        return Message(str(data["template"]), context=str(data["context"]), **dict(data["params"]))
    except (ValueError, KeyError, TypeError):
        return Message(text, context="raw")


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    customer_id: int | None
    company_name: str
    request_id: str
    method: str
    path: str
    body: Any
    summary: Message
    state: str
    attempts: int
    error: Message | None
    error_field: str
    queued_at: dt.datetime
    queued_by: str
    sent_at: dt.datetime | None
    finished_at: dt.datetime | None

    @property
    def editable_field(self) -> str | None:
        """The field the user may change (``domain_prefix``, ``quantity``), if any."""
        if self.kind not in EDITABLE or not self.can_edit:
            return None
        return EDITABLE[self.kind][0]

    @property
    def editable_value(self) -> str:
        if self.kind not in EDITABLE:
            return ""
        value = _dig(self.body, EDITABLE[self.kind][1])
        text = "" if value is None else str(value)
        if self.kind == CREATE_CUSTOMER and text.lower().endswith(ONMICROSOFT):
            text = text[: -len(ONMICROSOFT)]
        return text

    @property
    def can_edit(self) -> bool:
        """Never sent, or refused: a changed body cannot be mistaken for a replay."""
        return (self.state == QUEUED and self.attempts == 0) or self.state == FAILED

    @property
    def can_cancel(self) -> bool:
        """Not while it may have reached Partner Center (sending, or sent without an answer)."""
        return (self.state == QUEUED and self.attempts == 0) or self.state in (FAILED, HELD)

    @property
    def can_retry(self) -> bool:
        return self.state == FAILED


def _dig(body: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


def _put(body: Any, path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        body = body.setdefault(key, {})
    body[path[-1]] = value


def _item(row: PartnerCenterOutbox, company_name: str) -> OutboxItem:
    try:
        body = json.loads(row.body) if row.body else None
    except ValueError:
        body = None
    return OutboxItem(
        id=row.id,
        kind=row.kind,
        customer_id=row.customer_id,
        company_name=company_name,
        request_id=row.request_id,
        method=row.method,
        path=row.path,
        body=body,
        summary=message_from_json(row.summary) or Message(row.kind, context="raw"),
        state=row.state,
        attempts=row.attempts,
        error=message_from_json(row.error),
        error_field=row.error_field,
        queued_at=row.queued_at,
        queued_by=row.queued_by,
        sent_at=row.sent_at,
        finished_at=row.finished_at,
    )


# -- queueing -----------------------------------------------------------------------------------------


def queue_in(
    session: Session,
    kind: str,
    method: str,
    path: str,
    body: Any,
    summary: Message,
    *,
    customer_id: int | None = None,
    actor: str | None = None,
    request_id: str | None = None,
) -> PartnerCenterOutbox:
    """Queue a write in the caller's transaction (with the local change it belongs to); its
    MS-RequestId is given now and kept for every send."""
    row = PartnerCenterOutbox(
        kind=kind,
        customer_id=customer_id,
        request_id=request_id or str(uuid.uuid4()),
        method=method,
        path=path,
        body=json.dumps(body, ensure_ascii=False) if body is not None else "",
        summary=message_to_json(summary),
        state=QUEUED,
        attempts=0,
        error="",
        error_field="",
        result="",
        queued_at=utc_now(),
        queued_by=actor or current_user(),
    )
    session.add(row)
    session.flush()
    return row


def queue(
    db: Database,
    kind: str,
    method: str,
    path: str,
    body: Any,
    summary: Message,
    *,
    customer_id: int | None = None,
    actor: str | None = None,
    request_id: str | None = None,
) -> OutboxItem:
    with db.writing() as session:
        row = queue_in(
            session,
            kind,
            method,
            path,
            body,
            summary,
            customer_id=customer_id,
            actor=actor,
            request_id=request_id,
        )
        return _item(row, _company(session, row.customer_id))


def _company(session: Session, customer_id: int | None) -> str:
    if customer_id is None:
        return ""
    return session.scalar(select(Customer.company_name).where(Customer.id == customer_id)) or ""


# -- reading ----------------------------------------------------------------------------------------------


def items(
    db: Database, states: Iterable[str] | None = PENDING, limit: int = 1000
) -> tuple[OutboxItem, ...]:
    """The items in the order they are sent (oldest first); every state when ``states`` is None."""
    query = (
        select(PartnerCenterOutbox, Customer.company_name)
        .outerjoin(Customer, Customer.id == PartnerCenterOutbox.customer_id)
        .order_by(PartnerCenterOutbox.id)
        .limit(limit)
    )
    if states is not None:
        query = query.where(PartnerCenterOutbox.state.in_(tuple(states)))
    with db.reading() as session:
        return tuple(_item(row, name or "") for row, name in session.execute(query))


def recent_items(db: Database, limit: int = 200) -> tuple[OutboxItem, ...]:
    """Pending items, then the latest done or cancelled ones (newest first)."""
    pending = items(db, PENDING, limit)
    query = (
        select(PartnerCenterOutbox, Customer.company_name)
        .outerjoin(Customer, Customer.id == PartnerCenterOutbox.customer_id)
        .where(PartnerCenterOutbox.state.in_((DONE, CANCELLED)))
        .order_by(PartnerCenterOutbox.id.desc())
        .limit(limit)
    )
    with db.reading() as session:
        finished = tuple(_item(row, name or "") for row, name in session.execute(query))
    return pending + finished


def get_item(db: Database, item_id: int) -> OutboxItem:
    with db.reading() as session:
        row = session.get(PartnerCenterOutbox, item_id)
        if row is None:
            raise NotFound(("outbox", item_id))
        return _item(row, _company(session, row.customer_id))


def pending_count(db: Database) -> int:
    with db.reading() as session:
        query = select(func.count()).where(PartnerCenterOutbox.state.in_(PENDING))
        return int(session.scalar(query) or 0)


def customers_not_in_partner_center(db: Database) -> frozenset[int]:
    """Customers whose creation in Partner Center is still queued (or refused)."""
    with db.reading() as session:
        query = select(PartnerCenterOutbox.customer_id).where(
            PartnerCenterOutbox.kind == CREATE_CUSTOMER,
            PartnerCenterOutbox.state.in_(PENDING),
        )
        return frozenset(i for i in session.scalars(query) if i is not None)


def pending_for_customer(db: Database, customer_id: int) -> tuple[OutboxItem, ...]:
    query = (
        select(PartnerCenterOutbox)
        .where(
            PartnerCenterOutbox.customer_id == customer_id,
            PartnerCenterOutbox.state.in_(PENDING),
        )
        .order_by(PartnerCenterOutbox.id)
    )
    with db.reading() as session:
        name = _company(session, customer_id)
        return tuple(_item(row, name) for row in session.scalars(query))


# -- the sender's steps (each its own committed transaction) --------------------------------------------


def claim_next(
    db: Database, skip_customers: Iterable[int] = (), after: int = 0
) -> OutboxItem | None:
    """The first item to send (queued, or left *sending* by a crash), marked sending: committed
    before the request goes out. Items of ``skip_customers`` wait (an earlier one was refused)."""
    skipped = tuple(skip_customers)
    with db.writing() as session:
        query = (
            select(PartnerCenterOutbox)
            .where(
                PartnerCenterOutbox.state.in_((QUEUED, SENDING)),
                PartnerCenterOutbox.id > after,
            )
            .order_by(PartnerCenterOutbox.id)
        )
        for row in session.scalars(query):
            if row.customer_id is not None and row.customer_id in skipped:
                continue
            row.state = SENDING
            row.attempts += 1
            row.sent_at = utc_now()
            session.flush()
            return _item(row, _company(session, row.customer_id))
        return None


def claim(db: Database, item_id: int) -> OutboxItem:
    """One item marked sending (a submit sends its own creation at once)."""
    with db.writing() as session:
        row = _changing(session, item_id)
        if row.state not in (QUEUED, SENDING):
            raise ConcurrentChange(_not_now_message())
        row.state = SENDING
        row.attempts += 1
        row.sent_at = utc_now()
        session.flush()
        return _item(row, _company(session, row.customer_id))


def blocked_customers(db: Database) -> frozenset[int]:
    """Customers with a refused item: their later items wait until it is retried or cancelled."""
    with db.reading() as session:
        query = select(PartnerCenterOutbox.customer_id).where(PartnerCenterOutbox.state == FAILED)
        return frozenset(i for i in session.scalars(query) if i is not None)


def mark_done_in(session: Session, item_id: int, result: Any = None) -> None:
    row = session.get(PartnerCenterOutbox, item_id)
    if row is None:
        raise NotFound(("outbox", item_id))
    row.state = DONE
    row.error = ""
    row.error_field = ""
    row.result = json.dumps(result, ensure_ascii=False) if result is not None else ""
    row.finished_at = utc_now()


def mark_failed(db: Database, item_id: int, message: Message, field: str = "") -> None:
    """Partner Center refused it (a definite answer): the user retries, edits or cancels."""
    with db.writing() as session:
        row = session.get(PartnerCenterOutbox, item_id)
        if row is None:
            raise NotFound(("outbox", item_id))
        row.state = FAILED
        row.error = message_to_json(message)
        row.error_field = field
        row.finished_at = utc_now()


def hold(db: Database, item_id: int, reason: Message) -> None:
    """An order that Partner Center would not take now (agreement, review): it waits."""
    with db.writing() as session:
        row = _changing(session, item_id)
        row.state = HELD
        row.error = message_to_json(reason)


def release(db: Database, item_id: int) -> OutboxItem:
    """A held order the user confirmed once its block lifted: queued again, with a new checkout
    request id (the last checkout, if any, had a definite answer)."""
    with db.writing() as session:
        row = _changing(session, item_id)
        if row.state != HELD:
            raise ConcurrentChange(_not_now_message())
        body = json.loads(row.body) if row.body else {}
        body["checkout_request_id"] = str(uuid.uuid4())
        row.body = json.dumps(body, ensure_ascii=False)
        row.state = QUEUED
        row.attempts = 0
        row.error = ""
        return _item(row, _company(session, row.customer_id))


def mark_unanswered(db: Database, item_id: int, message: Message) -> None:
    """No answer (offline, timeout): queued again with the same request id; the message says why
    it waits."""
    with db.writing() as session:
        row = session.get(PartnerCenterOutbox, item_id)
        if row is None:
            raise NotFound(("outbox", item_id))
        row.state = QUEUED
        row.error = message_to_json(message)


# -- the user's actions ----------------------------------------------------------------------------------


def _changing(session: Session, item_id: int) -> PartnerCenterOutbox:
    row = session.get(PartnerCenterOutbox, item_id, with_for_update=True)
    if row is None:
        raise NotFound(("outbox", item_id))
    return row


def _not_now_message() -> Message:
    return outbox_message(
        QT_TRANSLATE_NOOP(
            "outbox",
            "This change may already have reached Partner Center (it was being sent), so it can "
            "no longer be edited or cancelled. Wait for its answer.",
        )
    )


def retry(db: Database, item_id: int) -> OutboxItem:
    """A refused item, queued again: a new request id, since Partner Center answered the last."""
    with db.writing() as session:
        row = _changing(session, item_id)
        if row.state != FAILED:
            raise ConcurrentChange(_not_now_message())
        row.state = QUEUED
        row.request_id = str(uuid.uuid4())
        row.attempts = 0  # sends with the current request id
        row.error = ""
        row.error_field = ""
        row.finished_at = None
        return _item(row, _company(session, row.customer_id))


def cancel(db: Database, item_id: int) -> OutboxItem:
    with db.writing() as session:
        row = _changing(session, item_id)
        if not ((row.state == QUEUED and row.attempts == 0) or row.state in (FAILED, HELD)):
            raise ConcurrentChange(_not_now_message())
        row.state = CANCELLED
        row.finished_at = utc_now()
        return _item(row, _company(session, row.customer_id))


def edit(db: Database, item_id: int, value: str) -> OutboxItem:
    """Change the item's editable field (a refused one is queued again with a new request id).
    For a customer's creation the local customer's domain follows."""
    from pcdesk.errors import ValidationFailed
    from pcdesk.services.validation import domain_prefix_problem, normalize_domain_prefix

    with db.writing() as session:
        row = _changing(session, item_id)
        if row.kind not in EDITABLE:
            raise ConcurrentChange(_not_now_message())
        if not ((row.state == QUEUED and row.attempts == 0) or row.state == FAILED):
            raise ConcurrentChange(_not_now_message())
        name, path = EDITABLE[row.kind]
        body = json.loads(row.body) if row.body else {}
        new: Any
        if row.kind == CREATE_CUSTOMER:
            prefix = normalize_domain_prefix(value)
            problem = domain_prefix_problem(prefix)
            if problem is not None:
                raise ValidationFailed({name: problem})
            new = prefix + ONMICROSOFT
            if row.customer_id is not None:
                _rename_domain(session, row.customer_id, prefix)
        else:
            try:
                new = int(value)
            except ValueError:
                raise ValidationFailed(
                    {name: outbox_message(QT_TRANSLATE_NOOP("outbox", "Enter a whole number."))}
                ) from None
            if new < 1:
                raise ValidationFailed(
                    {name: outbox_message(QT_TRANSLATE_NOOP("outbox", "Enter at least 1."))}
                )
        _put(body, path, new)
        row.body = json.dumps(body, ensure_ascii=False)
        shown = message_from_json(row.summary)
        if shown is not None and name in {"domain_prefix", "quantity"}:
            key = "domain" if name == "domain_prefix" else "quantity"
            if key in shown.params:
                params = {**shown.params, key: str(new)}
                row.summary = message_to_json(Message(shown.template, shown.context, **params))
        if row.state == FAILED:
            row.request_id = str(uuid.uuid4())
            row.attempts = 0  # sends with the current request id
        row.state = QUEUED
        row.error = ""
        row.error_field = ""
        row.finished_at = None
        return _item(row, _company(session, row.customer_id))


def _rename_domain(session: Session, customer_id: int, prefix: str) -> None:
    """The initial domain of a customer Partner Center has not created yet: still the user's to
    choose (the model keeps a created customer's domain permanent, so this goes round it)."""
    from sqlalchemy import update

    from pcdesk.errors import ValidationFailed
    from pcdesk.models import keys
    from pcdesk.services.customers.create import domain_taken_message

    table = cast(Table, Customer.__table__)
    found = session.execute(
        select(Customer.name_key, Customer.microsoft_id).where(Customer.id == customer_id)
    ).first()
    if found is None:
        return
    clash = session.scalar(
        select(Customer.id).where(
            func.lower(Customer.domain_prefix) == prefix.lower(), Customer.id != customer_id
        )
    )
    if clash is not None:
        raise ValidationFailed({"domain_prefix": domain_taken_message(prefix)})
    session.execute(
        update(table)
        .where(table.c.id == customer_id)
        .values(
            domain_prefix=prefix,
            search_text=keys.search_text(
                name_key=found.name_key, domain_prefix=prefix, microsoft_id=found.microsoft_id
            ),
            version=table.c.version + 1,
        )
    )


def summary_params(values: Mapping[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in values.items()}
