"""Editing a customer's account and confirming its agreement, with optimistic concurrency.

Each edit names the version of the customer it was made against. If another workstation saved
the customer first, nothing is written and ``CustomerChanged`` carries the values now saved, so the
user sees them instead of silently overwriting them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from pcdesk.errors import ConcurrentChange, NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import AgreementStatus, Customer, PartnerProfile, utc_now
from pcdesk.models.database import Database
from pcdesk.models.storage import translate_storage_errors
from pcdesk.services import audit
from pcdesk.services.customers.create import (
    account_problems,
    agreement_row,
    normalized,
    with_stored_address,
)
from pcdesk.services.customers.details import CustomerDetails, get_customer, latest_agreement
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require
from pcdesk.services.validation import validate_agreement

CONTEXT = "customer_edits"

# What an edit may change: every account field but the initial domain (checked on its own).
_EDITABLE = tuple(field.name for field in fields(CustomerInput) if field.name != "domain_prefix")


def changed_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "customer_edits",
            "Another workstation changed this customer while you were working on it. Nothing was "
            "saved. The values now saved are shown; make your change again if it is still needed.",
        ),
        context=CONTEXT,
    )


class CustomerChanged(ConcurrentChange):
    """Another workstation changed the customer (or the subscription) first; nothing was written.

    ``current`` holds the customer as it is now saved, ``message`` says so in the user's words.
    """

    def __init__(self, current: CustomerDetails, message: Message | None = None) -> None:
        self.message = message or changed_message()
        super().__init__(self.message)
        self.current = current


class StaleVersion(Exception):
    """Raised inside a transaction when the expected version is not the stored one."""

    def __init__(self, customer_id: int) -> None:
        super().__init__(customer_id)
        self.customer_id = customer_id


def customer_changed(db: Database, customer_id: int) -> CustomerChanged:
    """The conflict to raise, with the customer as now saved (NotFound if it is gone)."""
    with translate_storage_errors():
        return CustomerChanged(get_customer(db, customer_id))


def locked_customer(session: Session, customer_id: int) -> Customer:
    """The customer, its row locked until the transaction ends (PostgreSQL; SQLite serialises
    writers anyway), so rules that count its subscriptions hold. Raises NotFound."""
    customer = session.get(Customer, customer_id, with_for_update=True)
    if customer is None:
        raise NotFound(customer_id)
    return customer


def touch(customer: Customer, actor: str) -> None:
    """Mark the customer changed: its version goes up when the transaction is flushed."""
    customer.updated_by = actor
    customer.updated_at = utc_now()


def customer_input_of(details: CustomerDetails) -> CustomerInput:
    """The saved account as the Account info form edits it."""
    return CustomerInput(
        company_name=details.company_name,
        country=details.country,
        address_line1=details.address_line1,
        contact_first_name=details.contact_first_name,
        contact_last_name=details.contact_last_name,
        contact_email=details.contact_email,
        domain_prefix=details.domain_prefix,
        address_line2=details.address_line2,
        city=details.city,
        state=details.state,
        postal_code=details.postal_code,
        contact_phone=details.contact_phone,
        language=details.language,
        culture=details.culture,
        organization_registration_id=details.organization_registration_id,
        indirect_reseller_id=details.indirect_reseller_id,
        tags=details.tags,
    )


def _domain_fixed_message(domain_prefix: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("customer_edits", "The initial domain {domain} can never be changed."),
        context=CONTEXT,
        domain=domain_prefix + ".onmicrosoft.com",
    )


def _country_fixed_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP("customer_edits", "A customer's country/region cannot be changed."),
        context=CONTEXT,
    )


def _customer_at(session: Session, customer_id: int, expected_version: int) -> Customer:
    """The customer, if it is still at ``expected_version``; NotFound or StaleVersion if not."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(customer_id)
    if customer.version != expected_version:
        raise StaleVersion(customer_id)
    return customer


def update_customer(
    db: Database,
    customer_id: int,
    expected_version: int,
    data: CustomerInput,
    *,
    actor: str | None = None,
) -> CustomerDetails:
    """Save an edited account, made against ``expected_version`` of the customer.

    Validated as the Add customer wizard's Account info is. The initial domain and the
    country/region never change (ValidationFailed); a country/region not known yet is set once.
    Raises NotAllowed unless the user's role may edit customer details (roles.Task.EDIT_CUSTOMER),
    CustomerChanged when another workstation saved the customer first, NotFound when it is gone,
    Unavailable when the database is locked or unreachable; nothing is written then. An edit
    that changes nothing writes nothing.
    """
    actor = actor or current_user(db)
    data = normalized(data)
    try:
        with db.writing() as session:
            require(session, Task.EDIT_CUSTOMER, actor)
            customer = _customer_at(session, customer_id, expected_version)
            partner = session.get(PartnerProfile, 1)
            reseller_changed = data.indirect_reseller_id != customer.indirect_reseller_id
            # A reseller suspended since it was chosen stays; choosing one needs an active one.
            errors = account_problems(session, data, partner, check_reseller=reseller_changed)
            if data.domain_prefix != customer.domain_prefix:
                errors["domain_prefix"] = _domain_fixed_message(customer.domain_prefix)
            # Set once: a customer added from an accepted relationship request has none yet.
            if customer.country and data.country != customer.country:
                errors["country"] = _country_fixed_message()
            if errors:
                raise ValidationFailed(errors)
            data = with_stored_address(data)
            changes: dict[str, list[Any]] = {}
            for name in _EDITABLE:
                old, new = getattr(customer, name), getattr(data, name)
                if old != new:
                    changes[name] = [old, new]
                    setattr(customer, name, new)
            if changes:
                customer.updated_by = actor
                audit.record(session, actor, "customer.updated", customer_id, **changes)
    except (StaleVersion, StaleDataError) as exc:
        raise customer_changed(db, customer_id) from exc
    return get_customer(db, customer_id)


def _not_pending_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "customer_edits",
            "This customer's agreement is not pending acceptance: there is nothing to confirm.",
        ),
        context=CONTEXT,
    )


def _not_accepted_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "customer_edits",
            "Confirm that the customer accepted the Microsoft Customer Agreement.",
        ),
        context=CONTEXT,
    )


def confirm_agreement(
    db: Database,
    customer_id: int,
    expected_version: int,
    agreement: AgreementInput,
    *,
    actor: str | None = None,
    today: dt.date | None = None,
) -> CustomerDetails:
    """Record that the customer accepted the agreement that was pending, with signer and date.

    Raises ValidationFailed when the agreement is not pending (key ``agreement``), when
    ``agreement`` is not accepted (key ``accepted``) or its signer or date are wrong;
    NotAllowed unless the user is an Admin or Sales agent; CustomerChanged, NotFound or
    Unavailable as ``update_customer`` does.
    """
    actor = actor or current_user(db)
    today = today or dt.datetime.now().astimezone().date()  # the user's local date
    try:
        with db.writing() as session:
            require(session, Task.ATTEST_AGREEMENT, actor)  # Admin and Sales agents only
            customer = _customer_at(session, customer_id, expected_version)
            latest = latest_agreement(session, customer_id)
            if latest is None or latest.status is not AgreementStatus.PENDING:
                raise ValidationFailed({"agreement": _not_pending_message()})
            if not agreement.accepted:
                raise ValidationFailed({"accepted": _not_accepted_message()})
            errors = validate_agreement(agreement, today=today, country=customer.country)
            if errors:
                raise ValidationFailed(errors)
            session.add(agreement_row(customer_id, agreement, actor))
            touch(customer, actor)
            audit.record(
                session,
                actor,
                "agreement.accepted",
                customer_id,
                signer=f"{agreement.signer_first_name.strip()} {agreement.signer_last_name.strip()}",
                signer_email=agreement.signer_email.strip(),
                date_accepted=agreement.date_accepted,
            )
    except (StaleVersion, StaleDataError) as exc:
        raise customer_changed(db, customer_id) from exc
    return get_customer(db, customer_id)
