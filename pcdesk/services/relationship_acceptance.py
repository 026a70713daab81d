"""Relationship requests after they are sent: listing them, marking one accepted, cancelling one.

A customer accepts a reseller relationship in its own Microsoft 365 admin center; Partner Center
then lists it. pcdesk cannot see that happen, so the user marks the request accepted and types
the customer's Microsoft ID and initial domain. Both identify one tenant for ever, so a customer
already holding either is linked, never added twice; one holding just one of them is a mistake
in what was typed (or in the records), and is refused naming that customer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pcdesk.models import (
    AccountStatus,
    Customer,
    Relationship,
    RelationshipRequest,
    RequestStatus,
    utc_now,
)
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.actor import current_user
from pcdesk.services.customer_details import ONMICROSOFT
from pcdesk.services.customers import agreement_row
from pcdesk.services.inputs import AgreementInput
from pcdesk.services.messages import (
    QT_TRANSLATE_NOOP,
    ConcurrentChange,
    Message,
    NotFound,
    ValidationFailed,
)
from pcdesk.services.roles import Task, require
from pcdesk.services.storage_errors import translate_storage_errors
from pcdesk.services.validation import (
    domain_prefix_problem,
    normalize_domain_prefix,
    normalize_guid,
)

CONTEXT = "relationship_acceptance"
EXAMPLE_GUID = "8f4b2d3c-1a5e-4c7b-9d2f-6e8a0b1c3d5e"


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


@dataclass(frozen=True)
class AcceptResult:
    customer_id: int
    created: bool  # True: a new customer was added from the prospect; False: one was linked


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
    with translate_storage_errors(), db.session_factory() as session:
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


# -- messages -------------------------------------------------------------------------------------


def _message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


def _not_pending(status: RequestStatus) -> Message:
    if status is RequestStatus.ACCEPTED:
        return _message(
            QT_TRANSLATE_NOOP(
                "relationship_acceptance",
                "This request is already marked accepted (perhaps on another workstation). "
                "Refresh the list to see it.",
            )
        )
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "This request was cancelled (perhaps on another workstation). Refresh the list to "
            "see it.",
        )
    )


def _changed_meanwhile() -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "Another workstation accepted or cancelled this request just now. Refresh the list "
            "to see it.",
        )
    )


def _id_problem(value: str) -> Message | None:
    if not value.strip():
        return _message(
            QT_TRANSLATE_NOOP("relationship_acceptance", "Enter the customer's Microsoft ID.")
        )
    if normalize_guid(value) is None:
        return _message(
            QT_TRANSLATE_NOOP(
                "relationship_acceptance", "“{value}” is not a Microsoft ID, a GUID like {example}."
            ),
            value=value.strip(),
            example=EXAMPLE_GUID,
        )
    return None


def _domain_problem(value: str) -> Message | None:
    prefix = normalize_domain_prefix(value)
    if "." in prefix:  # "contoso.com": a custom domain, not the initial one
        return _message(
            QT_TRANSLATE_NOOP(
                "relationship_acceptance",
                "Enter the initial domain, the one ending in .onmicrosoft.com (“{value}” is "
                "another domain of the customer).",
            ),
            value=value.strip(),
        )
    return domain_prefix_problem(prefix)


def input_problems(microsoft_id: str, domain: str) -> dict[str, Message]:
    """What is wrong with what was typed, by field (``microsoft_id``, ``domain_prefix``)."""
    errors: dict[str, Message] = {}
    if (problem := _id_problem(microsoft_id)) is not None:
        errors["microsoft_id"] = problem
    if (problem := _domain_problem(domain)) is not None:
        errors["domain_prefix"] = problem
    return errors


def _domain_of_message(customer: Customer) -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "{company}'s initial domain is {domain}: an initial domain never changes.",
        ),
        company=customer.company_name,
        domain=customer.domain_prefix + ONMICROSOFT,
    )


def _id_taken_message(customer: Customer) -> Message:
    # It names the ID: it may stand beside the domain field, the one that disagrees.
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "{id} is the Microsoft ID of {company}, whose initial domain is {domain}. Check "
            "both values.",
        ),
        id=customer.microsoft_id,
        company=customer.company_name,
        domain=customer.domain_prefix + ONMICROSOFT,
    )


def _domain_taken_message(customer: Customer, prefix: str) -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "{domain} is the initial domain of {company}, whose Microsoft ID is {id}. Check "
            "both values.",
        ),
        domain=prefix + ONMICROSOFT,
        company=customer.company_name,
        id=customer.microsoft_id,
    )


# -- accepting ------------------------------------------------------------------------------------


def _by_microsoft_id(session: Session, microsoft_id: str) -> Customer | None:
    return session.scalars(select(Customer).where(Customer.microsoft_id == microsoft_id)).first()


def _by_domain(session: Session, prefix: str) -> Customer | None:
    return session.scalars(
        select(Customer).where(func.lower(Customer.domain_prefix) == prefix.lower())
    ).first()


def _pending_request(session: Session, request_id: int) -> RelationshipRequest:
    request = session.get(RelationshipRequest, request_id)
    if request is None:
        raise NotFound(request_id)
    if request.status is not RequestStatus.PENDING:
        raise ConcurrentChange(_not_pending(request.status))
    return request


def _claim(session: Session, request_id: int, **values: object) -> None:
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


def _matching_customer(
    session: Session, request: RelationshipRequest, microsoft_id: str, prefix: str
) -> Customer | None:
    """The customer to link, None to add one; ValidationFailed when the values disagree."""
    by_id = _by_microsoft_id(session, microsoft_id)
    by_domain = _by_domain(session, prefix)
    if request.customer_id is not None:
        # Sent to a customer already listed: the values must be that customer's.
        target = session.get_one(Customer, request.customer_id)
        errors: dict[str, Message] = {}
        if target.microsoft_id != microsoft_id:
            errors["microsoft_id"] = _message(
                QT_TRANSLATE_NOOP(
                    "relationship_acceptance",
                    "This request was sent to {company}, whose Microsoft ID is {id}.",
                ),
                company=target.company_name,
                id=target.microsoft_id,
            )
            if by_id is not None:
                errors["microsoft_id"] = _message(
                    QT_TRANSLATE_NOOP(
                        "relationship_acceptance",
                        "This is the Microsoft ID of {other}, but the request was sent to "
                        "{company} ({id}).",
                    ),
                    other=by_id.company_name,
                    company=target.company_name,
                    id=target.microsoft_id,
                )
        if target.domain_prefix.lower() != prefix.lower():
            errors["domain_prefix"] = _domain_of_message(target)
        if errors:
            raise ValidationFailed(errors)
        return target
    if by_id is None and by_domain is None:
        return None
    if by_id is not None and by_domain is not None and by_id.id == by_domain.id:
        return by_id
    if by_id is not None and by_domain is not None:
        raise ValidationFailed(
            {
                "microsoft_id": _id_taken_message(by_id),
                "domain_prefix": _domain_taken_message(by_domain, prefix),
            }
        )
    if by_id is not None:
        raise ValidationFailed({"domain_prefix": _id_taken_message(by_id)})
    assert by_domain is not None
    raise ValidationFailed({"microsoft_id": _domain_taken_message(by_domain, prefix)})


def _no_company_message() -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "This request names no company, and no customer has this Microsoft ID or domain: "
            "pcdesk cannot tell whom to add.",
        )
    )


def _add_customer(
    session: Session, request: RelationshipRequest, microsoft_id: str, prefix: str, actor: str
) -> Customer:
    """A customer known only by its tenant and name: the account's other details (address,
    contact, country, language) are not known yet and stay empty until someone edits it; its
    agreement attestation is pending."""
    name = " ".join(request.prospect_company_name.split())
    if not name:
        raise ValidationFailed({"request": _no_company_message()})
    customer = Customer(
        microsoft_id=microsoft_id,
        company_name=name,
        country="",
        address_line1="",
        contact_first_name="",
        contact_last_name="",
        contact_email="",
        domain_prefix=prefix,
        language="",
        culture="",
        relationship=Relationship.RESELLER,
        account_status=AccountStatus.ACTIVE,
        created_by=actor,
        updated_by=actor,
    )
    session.add(customer)
    session.flush()
    # The customer's admin accepts the customer agreement with the invitation if not done
    # before; who signed, and when, is still to be recorded (the Agreement tab confirms it).
    session.add(agreement_row(customer.id, AgreementInput(accepted=False), actor))
    audit.record(
        session,
        actor,
        "customer.created",
        customer.id,
        company_name=name,
        domain=prefix + ONMICROSOFT,
        agreement="pending",
        source="relationship_request",
        request_id=request.id,
    )
    return customer


def _link(session: Session, customer: Customer, actor: str) -> None:
    """The customer becomes (again) one the partner resells to."""
    if customer.relationship is Relationship.RESELLER:
        return
    before = customer.relationship
    customer.relationship = Relationship.RESELLER
    customer.updated_by = actor
    session.flush()  # the version check: a customer changed meanwhile raises StaleDataError
    audit.record(
        session,
        actor,
        "customer.updated",
        customer.id,
        relationship=[before.value, Relationship.RESELLER.value],
    )


def accept_request(
    db: Database,
    request_id: int,
    microsoft_id: str,
    domain: str,
    *,
    actor: str | None = None,
) -> AcceptResult:
    """Record that the customer accepted request ``request_id``, in one transaction.

    ``domain`` is the initial domain, with or without ".onmicrosoft.com". A customer with that
    Microsoft ID and domain is linked (its relationship becomes reseller); when none has either,
    one is added from the prospect. Raises ValidationFailed (``microsoft_id``, ``domain_prefix``,
    or ``request`` for a request naming nobody), ConcurrentChange when the request is no longer
    pending, NotFound, NotAllowed or Unavailable; nothing is written then.
    """
    actor = actor or current_user()
    errors = input_problems(microsoft_id, domain)
    if errors:
        raise ValidationFailed(errors)
    tenant = normalize_guid(microsoft_id)
    assert tenant is not None
    prefix = normalize_domain_prefix(domain)
    try:
        with translate_storage_errors(), db.session_factory.begin() as session:
            require(session, Task.REQUEST_RELATIONSHIP, actor)
            request = _pending_request(session, request_id)
            customer = _matching_customer(session, request, tenant, prefix)
            created = customer is None
            if customer is None:
                customer = _add_customer(session, request, tenant, prefix, actor)
            else:
                _link(session, customer, actor)
            customer_id = customer.id
            _claim(
                session,
                request_id,
                status=RequestStatus.ACCEPTED,
                accepted_at=utc_now(),
                customer_id=customer_id,
            )
            audit.record(
                session,
                actor,
                "relationship.accepted",
                customer_id,
                request_id=request_id,
                microsoft_id=tenant,
                domain=prefix + ONMICROSOFT,
                customer="added" if created else "linked",
            )
    except IntegrityError as exc:
        # Another workstation added this tenant between our look-up and our insert.
        raise _raced(db, tenant, prefix) from exc
    return AcceptResult(customer_id, created)


def _raced(db: Database, microsoft_id: str, prefix: str) -> ValidationFailed:
    with translate_storage_errors(), db.session_factory() as session:
        errors: dict[str, Message] = {}
        by_domain = _by_domain(session, prefix)
        if by_domain is not None:
            errors["domain_prefix"] = _message(
                QT_TRANSLATE_NOOP(
                    "relationship_acceptance",
                    "Another workstation has just added {company} with {domain}. Mark the "
                    "request accepted again to link it.",
                ),
                company=by_domain.company_name,
                domain=prefix + ONMICROSOFT,
            )
        by_id = _by_microsoft_id(session, microsoft_id)
        if by_id is not None and (by_domain is None or by_id.id != by_domain.id):
            errors["microsoft_id"] = _message(
                QT_TRANSLATE_NOOP(
                    "relationship_acceptance",
                    "Another workstation has just added {company} with this Microsoft ID. Mark "
                    "the request accepted again to link it.",
                ),
                company=by_id.company_name,
            )
    if not errors:
        errors["request"] = _message(
            QT_TRANSLATE_NOOP(
                "relationship_acceptance",
                "Another workstation changed these records at the same time. Try again.",
            )
        )
    return ValidationFailed(errors)


# -- cancelling -----------------------------------------------------------------------------------


def cancel_request(db: Database, request_id: int, *, actor: str | None = None) -> None:
    """Cancel a pending request (the customer will not be asked again through it).

    Raises ConcurrentChange when it is no longer pending, NotFound, NotAllowed or Unavailable.
    """
    actor = actor or current_user()
    with translate_storage_errors(), db.session_factory.begin() as session:
        require(session, Task.REQUEST_RELATIONSHIP, actor)
        request = _pending_request(session, request_id)
        customer_id, prospect = request.customer_id, request.prospect_company_name
        _claim(session, request_id, status=RequestStatus.CANCELLED, cancelled_at=utc_now())
        audit.record(
            session,
            actor,
            "relationship.request_cancelled",
            customer_id,
            request_id=request_id,
            **({"prospect": prospect} if customer_id is None else {}),
        )
