"""Writing to the history: every change records an audit event in the same transaction."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pcdesk.models import AuditEvent
from pcdesk.models.database import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: dt.datetime
    actor: str
    action: str
    customer_id: int | None
    details: dict[str, Any]


def record(
    session: Session, actor: str, action: str, customer_id: int | None = None, **details: Any
) -> None:
    """Add an audit event to ``session``'s transaction: it lands with the change or not at all."""
    session.add(
        AuditEvent(
            actor=actor,
            action=action,
            customer_id=customer_id,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def customer_history(db: Database, customer_id: int, *, limit: int = 200) -> tuple[AuditEntry, ...]:
    """A customer's audit events, newest first."""
    with db.reading() as session:
        rows = session.execute(
            select(AuditEvent)
            .where(AuditEvent.customer_id == customer_id)
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        ).scalars()
        return tuple(
            AuditEntry(
                e.id, e.occurred_at, e.actor, e.action, e.customer_id, json.loads(e.details or "{}")
            )
            for e in rows
        )
