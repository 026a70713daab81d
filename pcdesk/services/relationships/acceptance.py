"""Marking a relationship request accepted: the customer it names is linked, or added.

A customer accepts a reseller relationship in its own Microsoft 365 admin center; Partner Center
then lists it. pcdesk cannot see that happen, so the user marks the request accepted and types
the customer's Microsoft ID and initial domain; services/tenant_match.py checks them and finds
the customer already holding them, if any.

The invitation link is the same in every request (partner-center.md, "Relationships"), so once
a customer accepted one, every request still pending for it is answered too: they are marked
accepted with it, at the same moment, and an audit event says which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pcdesk.errors import ConcurrentChange, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
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
from pcdesk.services.customers.create import agreement_row
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.inputs import AgreementInput
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require
from pcdesk.services.relationships.sent import claim, pending_request
from pcdesk.services.relationships.tenant_match import (
    added_meanwhile,
    input_problems,
    matching_customer,
)
from pcdesk.services.validation import normalize_domain_prefix, normalize_guid

# The context the zh-TW translations of these messages are filed under.
CONTEXT = "relationship_acceptance"


class CustomerChangedMeanwhile(ConcurrentChange):
    """The customer being linked was changed elsewhere while the request was accepted; the
    request is still pending, so accepting it again can go through."""


@dataclass(frozen=True)
class AcceptResult:
    customer_id: int
    created: bool  # True: a new customer was added from the prospect; False: one was linked


def _message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


def _customer_changed_meanwhile() -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "relationship_acceptance",
            "Another workstation changed this customer at the same moment. Nothing was "
            "recorded: mark the request accepted again.",
        )
    )


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


def _answer_others(
    session: Session, customer_id: int, request_id: int, accepted_at: dt.datetime, actor: str
) -> None:
    """Mark the customer's other pending requests accepted along with ``request_id``: they
    carried the same invitation link, which the customer has now accepted."""
    others = list(
        session.scalars(
            select(RelationshipRequest.id)
            .where(
                RelationshipRequest.customer_id == customer_id,
                RelationshipRequest.status == RequestStatus.PENDING,
                RelationshipRequest.id != request_id,
            )
            .order_by(RelationshipRequest.id)
            .with_for_update()
        )
    )
    if not others:
        return
    session.execute(
        update(RelationshipRequest)
        .where(
            RelationshipRequest.id.in_(others),
            RelationshipRequest.status == RequestStatus.PENDING,
        )
        .values(status=RequestStatus.ACCEPTED, accepted_at=accepted_at)
        .execution_options(synchronize_session=False)
    )
    audit.record(
        session,
        actor,
        "relationship.requests_answered",
        customer_id,
        request_ids=others,
        with_request=request_id,
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
    one is added from the prospect. The customer's other pending requests are marked accepted
    with it. Raises ValidationFailed (``microsoft_id``, ``domain_prefix``, or ``request`` for a
    request naming nobody), ConcurrentChange when the request is no longer pending or another
    workstation changed the customer being linked at the same moment, NotFound, NotAllowed or
    Unavailable; nothing is written then.
    """
    actor = actor or current_user(db)
    errors = input_problems(microsoft_id, domain)
    if errors:
        raise ValidationFailed(errors)
    tenant = normalize_guid(microsoft_id)
    assert tenant is not None
    prefix = normalize_domain_prefix(domain)
    try:
        with db.writing() as session:
            require(session, Task.REQUEST_RELATIONSHIP, actor)
            request = pending_request(session, request_id)
            customer = matching_customer(session, request, tenant, prefix)
            created = customer is None
            if customer is None:
                customer = _add_customer(session, request, tenant, prefix, actor)
            else:
                _link(session, customer, actor)
            customer_id = customer.id
            accepted_at = utc_now()
            claim(
                session,
                request_id,
                status=RequestStatus.ACCEPTED,
                accepted_at=accepted_at,
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
            _answer_others(session, customer_id, request_id, accepted_at, actor)
    except IntegrityError as exc:
        # Another workstation added this tenant between our look-up and our insert.
        raise added_meanwhile(db, tenant, prefix) from exc
    except StaleDataError as exc:
        # _link's version check: the customer was saved elsewhere between our read and write.
        raise CustomerChangedMeanwhile(_customer_changed_meanwhile()) from exc
    return AcceptResult(customer_id, created)
