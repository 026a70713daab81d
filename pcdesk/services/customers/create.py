"""Adding a customer and reading one back: the account, its agreement and its subscriptions.

The rules shared with later edits (``customer_edits``, ``subscriptions``) are public here:
``normalized``, ``with_stored_address``, ``account_problems``, ``check_lines``,
``agreement_row`` and ``insert_subscriptions``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pcdesk.errors import NotAllowed, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    AccountStatus,
    AgreementAcceptance,
    AgreementStatus,
    CatalogOffer,
    Customer,
    IndirectReseller,
    PartnerProfile,
    PartnerType,
    Relationship,
    ResellerState,
    Subscription,
    SubscriptionStatus,
)
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.customers.details import ONMICROSOFT, CustomerDetails, get_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require
from pcdesk.services.validation import (
    country_name,
    default_language,
    domain_prefix_problem,
    normalize_address_fields,
    normalize_domain_prefix,
    normalize_guid,
    normalize_phone,
    validate_agreement,
    validate_customer,
)
from pcdesk.services.validation.text import MAX_ID


def normalized(data: CustomerInput) -> CustomerInput:
    """Input as it will be stored: trimmed, domain lower-case, phone in E.164, language defaulted."""
    country = data.country.strip().upper()
    language, culture = data.language.strip(), data.culture.strip()
    if not language or not culture:
        default = default_language(country)
        language, culture = language or default[0], culture or default[1]
    return replace(
        data,
        company_name=" ".join(data.company_name.split()),
        country=country,
        address_line1=data.address_line1.strip(),
        address_line2=data.address_line2.strip(),
        city=data.city.strip(),
        state=data.state.strip(),
        postal_code=data.postal_code.strip().upper(),
        contact_first_name=data.contact_first_name.strip(),
        contact_last_name=data.contact_last_name.strip(),
        contact_email=data.contact_email.strip(),
        contact_phone=normalize_phone(data.contact_phone, country),
        domain_prefix=normalize_domain_prefix(data.domain_prefix),
        language=language,
        culture=culture,
        organization_registration_id=data.organization_registration_id.strip(),
        tags=", ".join(tag.strip() for tag in data.tags.split(",") if tag.strip()),
    )


def with_stored_address(data: CustomerInput) -> CustomerInput:
    """State and city as the address data's own keys ("California" is stored as "CA")."""
    fields = normalize_address_fields(
        data.country,
        data.address_line1,
        data.address_line2,
        data.city,
        data.state,
        data.postal_code,
    )
    return replace(
        data,
        address_line1=fields["address_line1"],
        address_line2=fields["address_line2"],
        city=fields["city"],
        state=fields["state"],
        postal_code=fields["postal_code"],
    )


def domain_taken_message(prefix: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("customers", "{domain} is already taken. Choose another domain."),
        context="customers",
        domain=prefix + ONMICROSOFT,
    )


def domain_prefix_available(db: Database, prefix: str) -> bool:
    """True if no customer has this initial domain (ignoring case)."""
    prefix = normalize_domain_prefix(prefix)
    with db.reading() as session:
        return not _domain_taken(session, prefix)


def domain_status(db: Database, prefix: str) -> Message | None:
    """Why ``prefix`` cannot be used (invalid or taken), or None when it is free."""
    problem = domain_prefix_problem(normalize_domain_prefix(prefix))
    if problem is not None:
        return problem
    if not domain_prefix_available(db, prefix):
        return domain_taken_message(normalize_domain_prefix(prefix))
    return None


def _domain_taken(session: Session, prefix: str) -> bool:
    query = select(Customer.id).where(func.lower(Customer.domain_prefix) == prefix.lower()).limit(1)
    return session.execute(query).first() is not None


def _tenant_taken(session: Session, microsoft_id: str) -> bool:
    query = select(Customer.id).where(Customer.microsoft_id == microsoft_id).limit(1)
    return session.execute(query).first() is not None


def _not_a_guid_message(value: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("customers", "“{value}” is not a Microsoft ID (a GUID)."),
        context="customers",
        value=value,
    )


def _tenant_taken_message(microsoft_id: str) -> Message:
    return Message(
        QT_TRANSLATE_NOOP("customers", "A customer with Microsoft ID {id} already exists."),
        context="customers",
        id=microsoft_id,
    )


def create_customer(
    db: Database,
    data: CustomerInput,
    agreement: AgreementInput,
    lines: Sequence[SubscriptionLine] = (),
    *,
    actor: str | None = None,
    microsoft_id: str | None = None,
    today: dt.date | None = None,
    within: Callable[[Session, int, CustomerInput], None] | None = None,
) -> CustomerDetails:
    """Add a customer with its agreement attestation and subscriptions, in one transaction.

    ``within(session, customer_id, data)`` adds to that transaction (the write queued for
    Partner Center lands with the customer, or neither does).

    Everything is validated again here, whoever calls. Raises ValidationFailed with a message per
    field (nothing is written), NotAllowed when the partner's role cannot add customers, or
    Unavailable when the database is locked by another user or cannot be reached (nothing is
    written either).
    """
    actor = actor or current_user(db)
    data = normalized(data)
    today = today or dt.datetime.now().astimezone().date()  # the user's local date
    if microsoft_id is not None:  # an existing tenant (imports); new customers get a fresh one
        tenant = normalize_guid(microsoft_id)
        if tenant is None:
            raise ValidationFailed({"microsoft_id": _not_a_guid_message(microsoft_id)})
        microsoft_id = tenant
    try:
        with db.writing() as session:
            partner = session.get(PartnerProfile, 1)
            if partner is not None and partner.partner_type is PartnerType.INDIRECT_RESELLER:
                raise NotAllowed(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "customers",
                            "Indirect resellers cannot add customers. Request a reseller relationship instead.",
                        ),
                        context="customers",
                    )
                )
            require(session, Task.ADD_CUSTOMER, actor)  # partner-center.md, "Partner roles"
            if agreement.accepted:  # recording it accepted is attesting it, as Confirm is
                require(session, Task.ATTEST_AGREEMENT, actor)
            errors = _check(session, data, agreement, lines, partner, today)
            if errors:
                raise ValidationFailed(errors)
            data = with_stored_address(data)
            customer = _insert(session, data, agreement, lines, actor, microsoft_id)
            session.flush()
            customer_id = customer.id
            if within is not None:
                within(session, customer_id, data)
    except IntegrityError as exc:
        # Another workstation took the domain (or the id) between our check and our insert.
        with db.reading() as session:
            if _domain_taken(session, data.domain_prefix):
                raise ValidationFailed(
                    {"domain_prefix": domain_taken_message(data.domain_prefix)}
                ) from exc
            if microsoft_id is not None and _tenant_taken(session, microsoft_id):
                raise ValidationFailed(
                    {"microsoft_id": _tenant_taken_message(microsoft_id)}
                ) from exc
        raise
    # Not translated into Unavailable: the customer is saved by now, whatever happens to this read.
    return get_customer(db, customer_id)


def _check(
    session: Session,
    data: CustomerInput,
    agreement: AgreementInput,
    lines: Sequence[SubscriptionLine],
    partner: PartnerProfile | None,
    today: dt.date,
) -> dict[str, str]:
    errors = account_problems(session, data, partner)
    errors.update(validate_agreement(agreement, today=today, country=data.country))
    if "domain_prefix" not in errors and _domain_taken(session, data.domain_prefix):
        errors["domain_prefix"] = domain_taken_message(data.domain_prefix)
    errors.update(
        check_lines(session, data.country, lines, today, agreement_accepted=agreement.accepted)
    )
    return errors


def account_problems(
    session: Session,
    data: CustomerInput,
    partner: PartnerProfile | None,
    *,
    check_reseller: bool = True,
) -> dict[str, str]:
    """What is wrong with a (normalized) account: every Account info rule, and whether the
    indirect reseller may be chosen (``check_reseller``). Whether the domain is free is not
    checked: only a new customer needs that."""
    partner_domains = [partner.domain] if partner is not None and partner.domain else []
    errors: dict[str, str] = dict(validate_customer(data, partner_domains=partner_domains).errors)
    if (
        check_reseller
        and data.indirect_reseller_id is not None
        and "indirect_reseller_id" not in errors
    ):
        reseller = session.get(IndirectReseller, data.indirect_reseller_id)
        if reseller is None or reseller.state is not ResellerState.ACTIVE:
            errors["indirect_reseller_id"] = Message(
                QT_TRANSLATE_NOOP(
                    "customers", "This indirect reseller is suspended or no longer exists."
                ),
                context="customers",
            )
    return errors


def agreement_missing_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "customers",
            "No subscriptions can be ordered until the customer accepts the Microsoft "
            "Customer Agreement.",
        ),
        context="customers",
    )


def check_lines(
    session: Session,
    country: str,
    lines: Sequence[SubscriptionLine],
    today: dt.date,
    *,
    agreement_accepted: bool,
    existing: Mapping[int, int] | None = None,
) -> dict[str, str]:
    """What is wrong with ordering ``lines`` for a customer in ``country``, by field
    ``subscriptions`` (all of them) or ``subscriptions[i]``.

    ``existing`` maps an offer id to the licenses the customer already holds in subscriptions
    that are not cancelled: an offer's maximum is per customer, whatever the number of lines.
    """
    if not lines:
        return {}
    if not agreement_accepted:
        return {"subscriptions": agreement_missing_message()}
    errors: dict[str, str] = {}
    offers = {
        offer.id: offer
        for offer in session.scalars(
            # An id beyond what a database stores matches nothing (and must not reach SQLite,
            # whose driver refuses a Python int over 64 bits with an OverflowError).
            select(CatalogOffer).where(
                CatalogOffer.id.in_(
                    {line.offer_id for line in lines if 0 < line.offer_id <= MAX_ID}
                )
            )
        )
    }
    # The limits are per customer: two lines of one offer count together.
    held = dict(existing or {})
    licenses: dict[int, int] = dict(held)
    for line in lines:
        licenses[line.offer_id] = licenses.get(line.offer_id, 0) + line.quantity
    for index, line in enumerate(lines):
        offer = offers.get(line.offer_id)
        field = f"subscriptions[{index}]"
        if offer is None or not on_sale(offer, today):
            errors[field] = Message(
                QT_TRANSLATE_NOOP("customers", "This offer is no longer in the catalog."),
                context="customers",
            )
        elif offer.market != country:
            errors[field] = Message(
                QT_TRANSLATE_NOOP("customers", "{offer} is not sold in {market}."),
                context="customers",
                offer=offer.sku_title,
                market=country_name(country),
            )
        elif held.get(offer.id, 0) and licenses[offer.id] > offer.max_quantity:
            errors[field] = Message(
                QT_TRANSLATE_NOOP(
                    "customers",
                    "{offer} takes at most {maximum} licenses per customer, and this customer "
                    "already has {held}.",
                ),
                context="customers",
                offer=offer.sku_title,
                maximum=offer.max_quantity,
                held=held[offer.id],
            )
        elif not (offer.min_quantity <= line.quantity and licenses[offer.id] <= offer.max_quantity):
            errors[field] = Message(
                QT_TRANSLATE_NOOP(
                    "customers", "{offer} takes from {minimum} to {maximum} licenses."
                ),
                context="customers",
                offer=offer.sku_title,
                minimum=offer.min_quantity,
                maximum=offer.max_quantity,
            )
    return errors


def on_sale(offer: CatalogOffer, today: dt.date) -> bool:
    """True while the price list offers it (``today`` is the user's local date)."""
    start, end = offer.effective_start.date(), offer.effective_end
    return start <= today and (end is None or today <= end.date())


def _insert(
    session: Session,
    data: CustomerInput,
    agreement: AgreementInput,
    lines: Sequence[SubscriptionLine],
    actor: str,
    microsoft_id: str | None,
) -> Customer:
    customer = Customer(
        microsoft_id=microsoft_id or str(uuid.uuid4()),
        company_name=data.company_name,
        country=data.country,
        address_line1=data.address_line1,
        address_line2=data.address_line2,
        city=data.city,
        state=data.state,
        postal_code=data.postal_code,
        contact_first_name=data.contact_first_name,
        contact_last_name=data.contact_last_name,
        contact_email=data.contact_email,
        contact_phone=data.contact_phone,
        domain_prefix=data.domain_prefix,
        language=data.language,
        culture=data.culture,
        organization_registration_id=data.organization_registration_id,
        indirect_reseller_id=data.indirect_reseller_id,
        relationship=Relationship.RESELLER,
        account_status=AccountStatus.ACTIVE,
        tags=data.tags,
        created_by=actor,
        updated_by=actor,
    )
    session.add(customer)
    session.flush()
    session.add(agreement_row(customer.id, agreement, actor))
    audit.record(
        session,
        actor,
        "customer.created",
        customer.id,
        company_name=customer.company_name,
        domain=customer.domain_prefix + ONMICROSOFT,
        agreement="accepted" if agreement.accepted else "pending",
    )
    insert_subscriptions(session, customer.id, lines, data.indirect_reseller_id, actor)
    return customer


def agreement_row(customer_id: int, agreement: AgreementInput, actor: str) -> AgreementAcceptance:
    """The attestation as stored: accepted with its signer and date, or pending."""
    if not agreement.accepted:
        return AgreementAcceptance(
            customer_id=customer_id, status=AgreementStatus.PENDING, recorded_by=actor
        )
    return AgreementAcceptance(
        customer_id=customer_id,
        status=AgreementStatus.ACCEPTED,
        signer_first_name=agreement.signer_first_name.strip(),
        signer_last_name=agreement.signer_last_name.strip(),
        signer_email=agreement.signer_email.strip(),
        signer_phone=agreement.signer_phone.strip() or None,
        date_accepted=agreement.date_accepted,
        recorded_by=actor,
    )


def insert_subscriptions(
    session: Session,
    customer_id: int,
    lines: Sequence[SubscriptionLine],
    indirect_reseller_id: int | None,
    actor: str,
) -> None:
    """Add checked ``lines`` as active subscriptions, each with its audit event."""
    for line in lines:
        offer = session.get_one(CatalogOffer, line.offer_id)
        session.add(
            Subscription(
                customer_id=customer_id,
                offer_id=offer.id,
                quantity=line.quantity,
                term=offer.term,
                billing_plan=offer.billing_plan,
                status=SubscriptionStatus.ACTIVE,
                indirect_reseller_id=indirect_reseller_id,
                created_by=actor,
                updated_by=actor,
            )
        )
        audit.record(
            session,
            actor,
            "subscription.created",
            customer_id,
            offer=f"{offer.product_id}:{offer.sku_id}",
            title=offer.sku_title,
            quantity=line.quantity,
            term=offer.term,
        )
