"""The tenant typed when a relationship request is marked accepted: checking it, and finding the
listed customer it is.

A Microsoft ID and an initial domain each identify one tenant for ever, so a customer already
holding both is the one to link; one holding just one of them is a mistake in what was typed
(or in the records), and is refused naming that customer.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pcdesk.errors import ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, RelationshipRequest
from pcdesk.models.database import Database
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.validation import (
    domain_prefix_problem,
    normalize_domain_prefix,
    normalize_guid,
)

# The context the zh-TW translations of these messages are filed under.
CONTEXT = "relationship_acceptance"
EXAMPLE_GUID = "8f4b2d3c-1a5e-4c7b-9d2f-6e8a0b1c3d5e"


def _message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


# -- what was typed -------------------------------------------------------------------------------


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


# -- the customer it is ---------------------------------------------------------------------------


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


def _by_microsoft_id(session: Session, microsoft_id: str) -> Customer | None:
    return session.scalars(select(Customer).where(Customer.microsoft_id == microsoft_id)).first()


def _by_domain(session: Session, prefix: str) -> Customer | None:
    return session.scalars(
        select(Customer).where(func.lower(Customer.domain_prefix) == prefix.lower())
    ).first()


def matching_customer(
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


def added_meanwhile(db: Database, microsoft_id: str, prefix: str) -> ValidationFailed:
    """The refusal when another workstation added this tenant between our look-up and our
    insert, naming the customer it added (read in a new session: ours was rolled back)."""
    with db.reading() as session:
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
