"""Reseller relationship requests sent to customers and prospects, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from pcdesk.models import RelationshipRequest, RequestStatus
from pcdesk.models.database import Database


@dataclass(frozen=True)
class RelationshipRequestData:
    id: int
    customer_id: int | None  # None for a prospect that is not a customer yet
    prospect_company_name: str
    recipient_email: str
    language: str
    status: RequestStatus
    created_at: dt.datetime
    created_by: str
    accepted_at: dt.datetime | None
    cancelled_at: dt.datetime | None


def _data(row: RelationshipRequest) -> RelationshipRequestData:
    return RelationshipRequestData(
        id=row.id,
        customer_id=row.customer_id,
        prospect_company_name=row.prospect_company_name,
        recipient_email=row.recipient_email,
        language=row.language,
        status=row.status,
        created_at=row.created_at,
        created_by=row.created_by,
        accepted_at=row.accepted_at,
        cancelled_at=row.cancelled_at,
    )


def requests_for_customer(db: Database, customer_id: int) -> tuple[RelationshipRequestData, ...]:
    """The relationship requests sent to a customer, newest first."""
    with db.session_factory() as session:
        rows = session.scalars(
            select(RelationshipRequest)
            .where(RelationshipRequest.customer_id == customer_id)
            .order_by(RelationshipRequest.created_at.desc(), RelationshipRequest.id.desc())
        )
        return tuple(_data(row) for row in rows)
