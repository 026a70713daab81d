"""Adding a customer in Partner Center: the domain check, the country's rules, the address check,
and the submit itself (POST /v1/customers) with one MS-RequestId across its retries.

The submit writes the local customer and its queued creation in one transaction, then sends that
item at once. So a timeout or a dropped connection is retried with the same request id (Partner
Center replays, one tenant is made), a crash in the middle leaves the item *sending* for the next
start to finish with that id, and offline the customer stays "not yet in Partner Center" with its
creation waiting in the outbox. A definite refusal (a taken domain, a missing registration
number) removes both again and brings the user back to the field: nothing half-done is left.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from pcdesk.errors import ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import Customer, IndirectReseller, PartnerCenterOutbox
from pcdesk.models.database import Database
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.errors import (
    ApiFailure,
    PartnerCenterError,
    SignInRequired,
    pc_message,
)
from pcdesk.partner_center.outbox import Credentials, send_item
from pcdesk.partner_center.settings import load as load_settings
from pcdesk.services import audit
from pcdesk.services import outbox as ob
from pcdesk.services.customers.create import (
    create_customer,
    domain_prefix_available,
    domain_taken_message,
)
from pcdesk.services.customers.details import ONMICROSOFT, CustomerDetails, get_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcdesk.services.partner.actor import current_user
from pcdesk.services.validation import domain_prefix_problem, normalize_domain_prefix
from pcdesk.services.validation.countries import country_name


@dataclass(frozen=True)
class PartnerCenterAccess:
    """Whether this database works with Partner Center (``connection``; None: it does not, and
    customers are added here only) and whether someone is signed in (``online``)."""

    connection: PartnerCenterConnection | None
    online: bool


# -- the domain ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DomainVerdict:
    problem: Message | None  # why it cannot be used; None when it can
    note: Message | None  # what was checked, when it can be used


def _free_in_partner_center(domain: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP("partner_center", "{domain} is available in Partner Center."),
        domain=domain,
    )


def _free_here_only(domain: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "{domain} is not used in this database. Partner Center checks it when you submit.",
        ),
        domain=domain,
    )


def taken_in_partner_center_message(domain: str) -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center", "{domain} is already taken in Partner Center. Choose another domain."
        ),
        domain=domain,
    )


def check_domain(
    db: Database, connection: PartnerCenterConnection | None, prefix: str
) -> DomainVerdict:
    """The prefix checked in this database, then with Partner Center (HEAD /v1/domains) when
    connected; the note says which of them was asked."""
    prefix = normalize_domain_prefix(prefix)
    problem = domain_prefix_problem(prefix)
    if problem is not None:
        return DomainVerdict(problem, None)
    if not domain_prefix_available(db, prefix):
        return DomainVerdict(domain_taken_message(prefix), None)
    domain = prefix + ONMICROSOFT
    if connection is None:
        return DomainVerdict(None, _free_here_only(domain))
    try:
        with connection.client() as client:
            taken = client.domain_taken(domain)
    except PartnerCenterError:
        return DomainVerdict(None, _free_here_only(domain))
    if taken:
        return DomainVerdict(taken_in_partner_center_message(domain), None)
    return DomainVerdict(None, _free_in_partner_center(domain))


# -- country rules and the address -------------------------------------------------------------------

_rules: dict[tuple[str, str], r.CountryValidationRules] = {}
_rules_lock = threading.Lock()


def country_rules(
    connection: PartnerCenterConnection, country: str
) -> r.CountryValidationRules | None:
    """Partner Center's rules for a country (cached per country and host); None when it has
    none for it."""
    key = (connection.locale, country.upper())
    with _rules_lock:
        found = _rules.get(key)
    if found is not None:
        return found
    try:
        with connection.client() as client:
            found = client.country_rules(country.upper())
    except ApiFailure as exc:
        if exc.status == 404:
            return None
        raise
    with _rules_lock:
        _rules[key] = found
    return found


def forget_country_rules() -> None:
    with _rules_lock:
        _rules.clear()


def rule_problems(
    rules: r.CountryValidationRules | None, data: CustomerInput
) -> dict[str, Message]:
    """What Partner Center's own rules for the country add to the local ones."""
    if rules is None:
        return {}
    country = country_name(data.country)
    problems: dict[str, Message] = {}
    registration = data.organization_registration_id.strip()
    if rules.registration_number_required and not registration:
        problems["organization_registration_id"] = pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Partner Center requires the organization registration ID in {country}.",
            ),
            country=country,
        )
    elif (
        registration
        and rules.registration_number_regex
        and not _matches(rules.registration_number_regex, registration)
    ):
        problems["organization_registration_id"] = pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Partner Center does not accept this registration ID in {country} (for "
                "example {sample}).",
            ),
            country=country,
            sample=rules.registration_number_sample or "-",
        )
    if rules.phone_number_required and not data.contact_phone.strip():
        problems["contact_phone"] = pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center", "Partner Center requires a phone number in {country}."
            ),
            country=country,
        )
    postal = data.postal_code.strip()
    if postal and rules.postal_code_regex and not _matches(rules.postal_code_regex, postal):
        problems["postal_code"] = pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center", "Partner Center does not accept this postal code in {country}."
            ),
            country=country,
        )
    return problems


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.fullmatch(pattern, value) is not None
    except re.error:
        return True  # a pattern Python cannot read refuses nothing


@dataclass(frozen=True)
class AddressCheck:
    status: str
    said: Message  # the status in words
    suggestions: tuple[r.Address, ...]  # at most three
    may_keep: bool  # the user may keep their own address
    detail: str  # Partner Center's validationMessage, as it said it


ADDRESS_WORDS = {
    "VerifiedShippable": QT_TRANSLATE_NOOP("partner_center", "Partner Center verified this address."),
    "Verified": QT_TRANSLATE_NOOP("partner_center", "Partner Center verified this address."),
    "InteractionRequired": QT_TRANSLATE_NOOP(
        "partner_center", "Partner Center suggests a correction."
    ),
    "StreetPartial": QT_TRANSLATE_NOOP(
        "partner_center", "Partner Center found the street only in part."
    ),
    "PremisesPartial": QT_TRANSLATE_NOOP(
        "partner_center", "Partner Center found the building only in part."
    ),
    "Multiple": QT_TRANSLATE_NOOP(
        "partner_center", "Partner Center found several matching addresses."
    ),
    "None": QT_TRANSLATE_NOOP("partner_center", "Partner Center could not find this address."),
    "NotValidated": QT_TRANSLATE_NOOP("partner_center", "Partner Center could not check this address."),
}  # fmt: skip


def check_address(connection: PartnerCenterConnection, data: CustomerInput) -> AddressCheck:
    """POST /v1/validations/address for a complete address."""
    address = r.Address(
        country=data.country,
        city=data.city,
        state=data.state,
        address_line1=data.address_line1,
        address_line2=data.address_line2,
        postal_code=data.postal_code,
    )
    with connection.client() as client:
        found = client.validate_address(address)
    template = ADDRESS_WORDS.get(found.status)
    if template is None:
        said = pc_message(
            QT_TRANSLATE_NOOP("partner_center", "Partner Center says: {status}."),
            status=found.status,
        )
    else:
        said = pc_message(template)
    return AddressCheck(
        status=found.status,
        said=said,
        suggestions=found.suggested_addresses[:3],
        may_keep=found.status not in {"None"},
        detail=found.validation_message,
    )


# -- the submit ----------------------------------------------------------------------------------------


def customer_body(
    data: CustomerInput, *, associated_partner_id: str | None, gdap_by_default: bool
) -> dict[str, Any]:
    """POST /v1/customers's body (PascalCase, as Partner Center's samples). No password: "if
    passing userCredentials password isn't accepted" (partner-center-api.md §3)."""
    company: dict[str, Any] = {"Domain": data.domain_prefix + ONMICROSOFT}
    if data.organization_registration_id:
        company["OrganizationRegistrationNumber"] = data.organization_registration_id
    address = {
        "FirstName": data.contact_first_name,
        "LastName": data.contact_last_name,
        "AddressLine1": data.address_line1,
        "AddressLine2": data.address_line2 or None,
        "City": data.city,
        "State": data.state,
        "PostalCode": data.postal_code,
        "Country": data.country,
        "PhoneNumber": data.contact_phone,
    }
    body: dict[str, Any] = {
        "enableGDAPByDefault": gdap_by_default,
        "CompanyProfile": company,
        "BillingProfile": {
            "Culture": data.culture,
            "Email": data.contact_email,
            "Language": data.language,
            "CompanyName": data.company_name,
            "DefaultAddress": address,
        },
    }
    if associated_partner_id:
        body["AssociatedPartnerId"] = associated_partner_id
    return body


def creation_summary(company: str, domain: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("outbox", "Add customer {company} ({domain})"),
        context="outbox",
        company=company,
        domain=domain,
    )


def queued_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "Partner Center could not be reached, so the customer is saved here and is not yet in "
            "Partner Center: its creation waits in Pending changes and is sent when Partner "
            "Center can be reached.",
        )
    )


def signed_out_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "You are not signed in to Partner Center, so the customer is saved here and is not "
            "yet in Partner Center: its creation waits in Pending changes and is sent once you "
            "sign in.",
        )
    )


@dataclass(frozen=True)
class AddedCustomer:
    details: CustomerDetails
    credentials: Credentials | None  # Partner Center's admin and temporary password
    queued: Message | None  # why it waits in the outbox (not yet in Partner Center)
    item_id: int | None


def _no_reseller_tenant_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "This indirect reseller has no Microsoft tenant ID in pcdesk, so Partner Center "
            "cannot be told whose customer this is. Sync with Partner Center first.",
        )
    )


def add_customer(
    db: Database,
    connection: PartnerCenterConnection | None,
    data: CustomerInput,
    agreement: AgreementInput,
    lines: list[SubscriptionLine],
    *,
    gdap_by_default: bool = False,
    online: bool = True,
    actor: str | None = None,
) -> AddedCustomer:
    """Add the customer here and in Partner Center (see the module's docstring).

    ``connection`` None: Partner Center is not used at all (no app ID, no token), and the
    customer is added here only, as before. ``online`` False: signed out; the creation is queued.
    """
    if connection is None:
        return AddedCustomer(
            create_customer(db, data, agreement, lines, actor=actor), None, None, None
        )
    queued: list[int] = []

    def within(session: Session, customer_id: int, stored: CustomerInput) -> None:
        associated = None
        if stored.indirect_reseller_id is not None:
            reseller = session.get(IndirectReseller, stored.indirect_reseller_id)
            associated = reseller.tenant_id if reseller is not None else None
            if not associated:
                raise ValidationFailed({"indirect_reseller_id": _no_reseller_tenant_message()})
        body = customer_body(
            stored, associated_partner_id=associated, gdap_by_default=gdap_by_default
        )
        domain = stored.domain_prefix + ONMICROSOFT
        row = ob.queue_in(
            session,
            ob.CREATE_CUSTOMER,
            "POST",
            "/v1/customers",
            body,
            creation_summary(stored.company_name, domain),
            customer_id=customer_id,
            actor=actor,
        )
        queued.append(row.id)

    details = create_customer(db, data, agreement, lines, actor=actor, within=within)
    item_id = queued[0]
    if not online:
        return AddedCustomer(details, None, signed_out_message(), item_id)
    try:
        with connection.client() as client:
            outcome = send_item(db, client, item_id)
    except ApiFailure as exc:
        _undo(db, details, item_id, exc.message, actor)
        raise ValidationFailed({outcome_field(exc, data): exc.message}) from exc
    except PartnerCenterError as exc:  # no answer, or no usable sign-in: it waits, same id
        ob.mark_unanswered(db, item_id, exc.message)
        why = signed_out_message() if isinstance(exc, SignInRequired) else queued_message()
        return AddedCustomer(get_customer(db, details.id), None, why, item_id)
    if outcome.refused is not None:  # the domain, taken in Partner Center
        _undo(db, details, item_id, outcome.refused, actor)
        raise ValidationFailed({outcome.refused_field or "domain_prefix": outcome.refused})
    return AddedCustomer(get_customer(db, details.id), outcome.credentials, None, item_id)


def outcome_field(error: ApiFailure, data: CustomerInput) -> str:
    if error.code in {"600049", "600050", "600002"}:
        return "organization_registration_id"
    if error.code == "600051":
        return "contact_phone"
    if "domain" in error.description.lower():
        return "domain_prefix"
    if data.indirect_reseller_id is not None and error.status == 403:
        return "indirect_reseller_id"
    return "partner_center"


def _undo(
    db: Database, details: CustomerDetails, item_id: int, reason: Message, actor: str | None
) -> None:
    """Partner Center refused the creation (a definite answer): nothing of it is kept, and the
    audit log says so."""
    with db.writing() as session:
        session.execute(delete(PartnerCenterOutbox).where(PartnerCenterOutbox.id == item_id))
        session.execute(delete(Customer).where(Customer.id == details.id))
        audit.record(
            session,
            actor or current_user(),
            "customer.refused_by_partner_center",
            None,
            company_name=details.company_name,
            domain=details.domain,
            reason=str(reason),
        )


def uses_partner_center(db: Database) -> bool:
    """Whether this database works with Partner Center (an app ID, or a token given)."""
    from pcdesk.partner_center.auth import token_from_environment

    return token_from_environment() is not None or load_settings(db).app_id is not None
