"""The conflicts a sync left for the user: listed, and settled by taking Partner Center's value or
keeping pcdesk's. Either way the field's last-synced value becomes Partner Center's, so the next
sync sees a kept local value as a local change (the next issue sends it to Partner Center)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select

from pcdesk.errors import ConcurrentChange, NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    Customer,
    IndirectReseller,
    PartnerCenterConflict,
    PartnerCenterCustomer,
    Relationship,
    utc_now,
)
from pcdesk.models.database import Database
from pcdesk.partner_center.apply import BASE_COLUMN
from pcdesk.partner_center.errors import pc_message
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user


class Choice(enum.StrEnum):
    PARTNER_CENTER = "partner_center"
    LOCAL = "local"


@dataclass(frozen=True)
class Conflict:
    id: int
    customer_id: int
    company_name: str
    field: str  # company_name, relationship, indirect_reseller_id
    local_value: str
    partner_center_value: str
    detected_at: dt.datetime
    # As the user reads them: a reseller's name rather than its number ("" for none).
    local_shown: str = ""
    partner_center_shown: str = ""


FIELD_NAMES = {
    "company_name": QT_TRANSLATE_NOOP("partner_center", "Company name"),
    "relationship": QT_TRANSLATE_NOOP("partner_center", "Relationship"),
    "indirect_reseller_id": QT_TRANSLATE_NOOP("partner_center", "Indirect reseller"),
}


def field_label(field: str) -> Message:
    return pc_message(FIELD_NAMES.get(field, field))


def open_conflicts(db: Database, *, customer_id: int | None = None) -> tuple[Conflict, ...]:
    """The conflicts not yet settled, oldest first."""
    t = PartnerCenterConflict
    with db.reading() as session:
        query = (
            select(t, Customer.company_name)
            .join(Customer, Customer.id == t.customer_id)
            .where(t.settled_at.is_(None))
            .order_by(t.detected_at, t.id)
        )
        if customer_id is not None:
            query = query.where(t.customer_id == customer_id)
        rows = list(session.execute(query))
        names = dict(session.execute(select(IndirectReseller.id, IndirectReseller.name)).all())

        def shown(field: str, value: str) -> str:
            if field == "indirect_reseller_id" and value:
                return str(names.get(int(value), value))
            return value

        return tuple(
            Conflict(
                c.id,
                c.customer_id,
                name,
                c.field,
                c.local_value,
                c.partner_center_value,
                c.detected_at,
                shown(c.field, c.local_value),
                shown(c.field, c.partner_center_value),
            )
            for c, name in rows
        )


def _gone_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center", "This conflict was already settled, or its customer was removed."
        )
    )


def settle(db: Database, conflict_id: int, choice: Choice, *, actor: str | None = None) -> None:
    """Settle one conflict. NotFound when it is gone or already settled; Unavailable when the
    database is; ConcurrentChange when the customer was changed meanwhile (nothing written)."""
    actor = actor or current_user(db)
    with db.writing() as session:
        conflict = session.get(PartnerCenterConflict, conflict_id, with_for_update=True)
        if conflict is None or conflict.settled_at is not None:
            raise NotFound(message=_gone_message())
        customer = session.get(Customer, conflict.customer_id)
        state = session.get(PartnerCenterCustomer, conflict.customer_id)
        if customer is None:
            raise NotFound(message=_gone_message())
        value = conflict.partner_center_value
        field = conflict.field
        if choice is Choice.PARTNER_CENTER:
            before = getattr(customer, field)
            if field == "company_name":
                customer.company_name = value
            elif field == "relationship":
                customer.relationship = Relationship(value)
            elif field == "indirect_reseller_id":
                customer.indirect_reseller_id = int(value) if value else None
            customer.updated_by = actor
            audit.record(
                session, actor, "customer.conflict_settled", customer.id, field=field,
                taken="partner_center", change=[before, value],
            )  # fmt: skip
        else:
            audit.record(
                session, actor, "customer.conflict_settled", customer.id, field=field,
                taken="local", kept=conflict.local_value, partner_center=value,
            )  # fmt: skip
        if state is not None:
            base: object = value
            if field == "indirect_reseller_id":
                base = int(value) if value else None
            setattr(state, BASE_COLUMN[field], base)
        conflict.settled_at = utc_now()
        conflict.settled_by = actor
        conflict.resolution = choice.value
        try:
            session.flush()
        except Exception as exc:
            from sqlalchemy.orm.exc import StaleDataError

            if isinstance(exc, StaleDataError):
                raise ConcurrentChange() from exc
            raise
