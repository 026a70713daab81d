"""Relationship requests after they are sent: listing them, cancelling one, and the step that
moves a request on from pending, which accepting (services/relationship_acceptance.py) shares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotFound
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, RelationshipRequest, RequestStatus, utc_now
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require

# The context the zh-TW translations of these messages are filed under (they were first
# written for accepting a request).
CONTEXT = "relationship_acceptance"


@dataclass(frozen=True)
class RequestRow:
    """A request as the list shows it. ``company_name`` is the customer's current name when the
    request is for (or was accepted by) a customer, else the prospect's name as typed."""

    id: int
    company_name: str
    customer_id: int | None
    microsoft_id: str  # the customer's, "" for a prospect (prefills the accept dialog)
    domain_prefix: str  # likewise
    recipient_email: str
    language: str
    created_by: str
    created_at: dt.datetime
    status: RequestStatus
    accepted_at: dt.datetime | None
    cancelled_at: dt.datetime | None

    @property
    def is_prospect(self) -> bool:
        return self.customer_id is None


def list_requests(
    db: Database, *, status: RequestStatus | None = RequestStatus.PENDING
) -> tuple[RequestRow, ...]:
    """The requests with ``status`` (None: all), newest first, in one query."""
    query = (
        select(
            RelationshipRequest.id,
            func.coalesce(Customer.company_name, RelationshipRequest.prospect_company_name),
            RelationshipRequest.customer_id,
            func.coalesce(Customer.microsoft_id, ""),
            func.coalesce(Customer.domain_prefix, ""),
            RelationshipRequest.recipient_email,
            RelationshipRequest.language,
            RelationshipRequest.created_by,
            RelationshipRequest.created_at,
            RelationshipRequest.status,
            RelationshipRequest.accepted_at,
            RelationshipRequest.cancelled_at,
        )
        .outerjoin(Customer, Customer.id == RelationshipRequest.customer_id)
        .order_by(RelationshipRequest.created_at.desc(), RelationshipRequest.id.desc())
    )
    if status is not None:
        query = query.where(RelationshipRequest.status == status)
    with db.reading() as session:
        return tuple(
            RequestRow(
                id=row[0],
                company_name=row[1],
                customer_id=row[2],
                microsoft_id=row[3],
                domain_prefix=row[4],
                recipient_email=row[5],
                language=row[6],
                created_by=row[7],
                created_at=row[8],
                status=row[9],
                accepted_at=row[10],
                cancelled_at=row[11],
            )
            for row in session.execute(query)
        )


# -- moving a request on from pending -------------------------------------------------------------


def _not_pending(status: RequestStatus) -> Message:
    if status is RequestStatus.ACCEPTED:
        return Message(
            QT_TRANSLATE_NOOP(
                "relationship_acceptance",
                "This request is already marked accepted (perhaps on another workstation). "
                "Refresh the list to see it.",
            ),
            context=CONTEXT,
        )
    return Message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "This request was cancelled (perhaps on another workstation). Refresh the list to "
            "see it.",
        ),
        context=CONTEXT,
    )


def _changed_meanwhile() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "Another workstation accepted or cancelled this request just now. Refresh the list "
            "to see it.",
        ),
        context=CONTEXT,
    )


def pending_request(session: Session, request_id: int) -> RelationshipRequest:
    """The request, still pending; NotFound, or ConcurrentChange saying what became of it."""
    request = session.get(RelationshipRequest, request_id)
    if request is None:
        raise NotFound(request_id)
    if request.status is not RequestStatus.PENDING:
        raise ConcurrentChange(_not_pending(request.status))
    return request


def claim(session: Session, request_id: int, **values: object) -> None:
    """Move the request on from pending; ConcurrentChange if someone else did first.

    The status is checked in the UPDATE itself: of two workstations saving at once, one
    updates the row and the other finds no pending row left (PostgreSQL waits for the first to
    commit; SQLite lets one writer in at a time).
    """
    result = session.execute(
        update(RelationshipRequest)
        .where(
            RelationshipRequest.id == request_id,
            RelationshipRequest.status == RequestStatus.PENDING,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) != 1:
        raise ConcurrentChange(_changed_meanwhile())


# -- cancelling -----------------------------------------------------------------------------------


def cancel_request(db: Database, request_id: int, *, actor: str | None = None) -> None:
    """Cancel a pending request (the customer will not be asked again through it).

    Raises ConcurrentChange when it is no longer pending, NotFound, NotAllowed or Unavailable.
    """
    actor = actor or current_user(db)
    with db.writing() as session:
        require(session, Task.REQUEST_RELATIONSHIP, actor)
        request = pending_request(session, request_id)
        customer_id, prospect = request.customer_id, request.prospect_company_name
        claim(session, request_id, status=RequestStatus.CANCELLED, cancelled_at=utc_now())
        audit.record(
            session,
            actor,
            "relationship.request_cancelled",
            customer_id,
            request_id=request_id,
            **({"prospect": prospect} if customer_id is None else {}),
        )
