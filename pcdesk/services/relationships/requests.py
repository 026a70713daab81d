"""Reseller relationship requests sent to customers and prospects: reading and recording them.

A request is recorded when its e-mail is opened in the mail program or copied (the dialog in
views/request_relationship_dialog.py); the text of the e-mail is relationship_invitation's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, PartnerProfile, RelationshipRequest, RequestStatus
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require
from pcdesk.services.relationships.invitation import LANGUAGES, invitation_link, link_problem
from pcdesk.services.validation import company_name_problem, email_problem
from pcdesk.services.validation.findings import too_long
from pcdesk.services.validation.text import text_problem, text_problems


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
    """The relationship requests sent to a customer, newest first. Raises Unavailable."""
    with db.reading() as session:
        rows = session.scalars(
            select(RelationshipRequest)
            .where(RelationshipRequest.customer_id == customer_id)
            .order_by(RelationshipRequest.created_at.desc(), RelationshipRequest.id.desc())
        )
        return tuple(_data(row) for row in rows)


# -- recording a request ----------------------------------------------------------------------------

CONTEXT = "relationships"
SUBJECT_MAX_LENGTH = 255  # the column's size
BODY_MAX_LENGTH = 20_000  # a drafted e-mail; mailto: links hold 2,000


@dataclass(frozen=True)
class RequestInput:
    """A relationship request as the dialog sends it: for a customer, or else a prospect."""

    customer_id: int | None
    prospect_company_name: str
    recipient_email: str  # optional
    language: str  # one of relationship_invitation.LANGUAGES
    subject: str
    body: str


def _message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


def request_problems(
    data: RequestInput, *, link: str, partner_domain: str = ""
) -> dict[str, Message]:
    """What is wrong with a request, by field: ``customer``, ``prospect_company_name``,
    ``recipient_email``, ``language``, ``subject``, ``body`` (the link). Whether the customer
    still exists is checked when the request is recorded."""
    errors: dict[str, Message] = {}
    if data.customer_id is None:
        if not data.prospect_company_name.strip():
            errors["customer"] = _message(
                QT_TRANSLATE_NOOP(
                    "relationships",
                    "Choose the customer, or enter the company name of a new prospect.",
                )
            )
        else:
            problem = company_name_problem(data.prospect_company_name)
            if problem is not None:
                errors["prospect_company_name"] = problem
    if data.recipient_email.strip():
        problem = email_problem(
            data.recipient_email, partner_domains=[partner_domain] if partner_domain else []
        )
        if problem is not None:
            errors["recipient_email"] = problem
    if data.language not in LANGUAGES:
        errors["language"] = _message(
            QT_TRANSLATE_NOOP("relationships", "There is no draft in “{language}”."),
            language=data.language,
        )
    subject = data.subject.strip()
    if not subject:
        errors["subject"] = _message(QT_TRANSLATE_NOOP("relationships", "Enter a subject."))
    elif len(subject) > SUBJECT_MAX_LENGTH:
        errors["subject"] = too_long(SUBJECT_MAX_LENGTH, len(subject))
    problem = link_problem(data.body, link)
    if problem is not None:
        errors["body"] = problem
    # What no person types (control characters, bidi overrides), and what no column holds.
    texts = {
        "prospect_company_name": data.prospect_company_name,
        "recipient_email": data.recipient_email,
        "subject": data.subject,
    }
    errors.update(
        text_problems(texts, {"prospect_company_name": 255, "recipient_email": 254, "subject": 255})
    )
    body_problem = text_problem(data.body, BODY_MAX_LENGTH, multiline=True)
    if body_problem is not None:
        errors["body"] = body_problem
    return errors


def _partner_link(session: Session) -> tuple[str, str]:
    """(invitation link, partner e-mail domain) from the saved partner profile."""
    profile = session.get(PartnerProfile, 1)
    if profile is None:
        raise NotFound("partner profile")
    return invitation_link(profile.tenant_id), profile.domain or ""


def _checked(session: Session, data: RequestInput) -> str:
    """Validate ``data`` against the database; the invitation link. Raises ValidationFailed."""
    link, partner_domain = _partner_link(session)
    errors = request_problems(data, link=link, partner_domain=partner_domain)
    if data.customer_id is not None and session.get(Customer, data.customer_id) is None:
        errors["customer"] = _message(
            QT_TRANSLATE_NOOP(
                "relationships",
                "This customer no longer exists (another workstation may have removed it). "
                "Choose it again.",
            )
        )
    if errors:
        raise ValidationFailed(errors)
    return link


def _stored_values(data: RequestInput) -> dict[str, object]:
    return {
        "customer_id": data.customer_id,
        # A prospect is named by company; a customer by its own record.
        "prospect_company_name": (
            "" if data.customer_id is not None else " ".join(data.prospect_company_name.split())
        ),
        "recipient_email": data.recipient_email.strip(),
        "language": data.language,
        "subject": data.subject.strip(),
        "body": data.body,
    }


def _audit_details(row: RelationshipRequest) -> dict[str, object]:
    details: dict[str, object] = {"request_id": row.id, "language": row.language}
    if row.recipient_email:
        details["recipient"] = row.recipient_email
    if row.customer_id is None:
        details["prospect"] = row.prospect_company_name
    return details


def record_request(
    db: Database, data: RequestInput, *, actor: str | None = None
) -> RelationshipRequestData:
    """Record a pending relationship request (the e-mail was opened or copied), with who and
    when, and its audit event, in one transaction. Raises ValidationFailed, NotAllowed, NotFound
    (no partner profile) or Unavailable."""
    actor = actor or current_user(db)
    with db.writing() as session:
        require(session, Task.REQUEST_RELATIONSHIP, actor)
        link = _checked(session, data)
        row = RelationshipRequest(
            **_stored_values(data),
            link=link,
            status=RequestStatus.PENDING,
            created_by=actor,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, actor, "relationship.requested", row.customer_id, **_audit_details(row)
        )
        return _data(row)


def update_request(
    db: Database, request_id: int, data: RequestInput, *, actor: str | None = None
) -> RelationshipRequestData:
    """Change a pending request's customer, recipient or text (the same dialog copied or opened
    it again). Writes, with an audit event, only when something changed. Raises
    ValidationFailed, NotAllowed, NotFound, ConcurrentChange (no longer pending) or Unavailable."""
    actor = actor or current_user(db)
    with db.writing() as session:
        require(session, Task.REQUEST_RELATIONSHIP, actor)
        row = session.get(RelationshipRequest, request_id)
        if row is None:
            raise NotFound(request_id)
        if row.status is not RequestStatus.PENDING:
            raise ConcurrentChange(
                _message(
                    QT_TRANSLATE_NOOP(
                        "relationships",
                        "This request was marked accepted meanwhile, so it was not changed.",
                    )
                    if row.status is RequestStatus.ACCEPTED
                    else QT_TRANSLATE_NOOP(
                        "relationships",
                        "This request was cancelled meanwhile, so it was not changed.",
                    )
                )
            )
        link = _checked(session, data)
        wanted = {**_stored_values(data), "link": link}
        changed = sorted(name for name, value in wanted.items() if getattr(row, name) != value)
        if changed:
            previous_customer = row.customer_id
            for name in changed:
                setattr(row, name, wanted[name])
            details = _audit_details(row) | {"changed": changed}
            if "customer_id" in changed:
                details["previous_customer_id"] = previous_customer
            audit.record(session, actor, "relationship.request_updated", row.customer_id, **details)
        return _data(row)
