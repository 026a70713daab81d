"""Reading one customer back: its account, current agreement and subscriptions, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pcdesk.errors import NotFound
from pcdesk.models import (
    AccountStatus,
    AgreementAcceptance,
    AgreementStatus,
    AgreementType,
    CatalogOffer,
    Customer,
    IndirectReseller,
    Relationship,
    Subscription,
    SubscriptionStatus,
)
from pcdesk.models.database import Database

ONMICROSOFT = ".onmicrosoft.com"


@dataclass(frozen=True)
class AgreementData:
    status: AgreementStatus
    agreement_type: AgreementType
    signer_first_name: str
    signer_last_name: str
    signer_email: str
    signer_phone: str
    date_accepted: dt.date | None
    recorded_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class SubscriptionData:
    id: int
    offer_id: int
    product_title: str
    sku_title: str
    quantity: int
    term: str
    billing_plan: str
    status: SubscriptionStatus
    unit_price: Decimal
    currency: str
    version: int  # the subscription's own: changes to it are checked against this
    min_quantity: int  # the offer's licence limits (the maximum is per customer, all lines)
    max_quantity: int
    market: str
    partner_center_id: str = ""  # Partner Center's id: changes go there


@dataclass(frozen=True)
class CustomerDetails:
    id: int
    microsoft_id: str
    company_name: str
    country: str
    address_line1: str
    address_line2: str
    city: str
    state: str
    postal_code: str
    contact_first_name: str
    contact_last_name: str
    contact_email: str
    contact_phone: str
    domain_prefix: str
    language: str
    culture: str
    organization_registration_id: str
    indirect_reseller_id: int | None
    indirect_reseller_name: str
    relationship: Relationship
    account_status: AccountStatus
    tags: str
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    updated_by: str
    version: int
    agreement: AgreementData | None
    subscriptions: tuple[SubscriptionData, ...]
    # "": never in Partner Center (local only); "linked"; "gone" (no longer there);
    # "pending": its creation waits in the outbox (not yet in Partner Center).
    partner_center: str = ""

    @property
    def domain(self) -> str:
        return self.domain_prefix + ONMICROSOFT

    @property
    def admin_user(self) -> str:
        return f"admin@{self.domain}"


def _partner_center_state(session: Session, customer_id: int) -> str:
    from pcdesk.models import PartnerCenterCustomer, PartnerCenterOutbox

    pending = session.scalar(
        select(PartnerCenterOutbox.id)
        .where(
            PartnerCenterOutbox.customer_id == customer_id,
            PartnerCenterOutbox.kind == "create_customer",
            PartnerCenterOutbox.state.in_(("queued", "sending", "failed")),
        )
        .limit(1)
    )
    if pending is not None:
        return "pending"
    link = session.get(PartnerCenterCustomer, customer_id)
    if link is None:
        return ""
    return "linked" if link.in_partner_center else "gone"


def get_customer(db: Database, customer_id: int) -> CustomerDetails:
    """One customer with its current agreement and subscriptions. Raises NotFound."""
    with db.reading() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(customer_id)
        reseller_name = ""
        if customer.indirect_reseller_id is not None:
            reseller_name = session.get_one(IndirectReseller, customer.indirect_reseller_id).name
        latest = latest_agreement(session, customer_id)
        partner_center = _partner_center_state(session, customer_id)
        subscriptions = session.execute(
            select(Subscription, CatalogOffer)
            .join(CatalogOffer, Subscription.offer_id == CatalogOffer.id)
            .where(Subscription.customer_id == customer_id)
            .order_by(Subscription.id)
        ).all()
        return CustomerDetails(
            id=customer.id,
            microsoft_id=customer.microsoft_id,
            company_name=customer.company_name,
            country=customer.country,
            address_line1=customer.address_line1,
            address_line2=customer.address_line2,
            city=customer.city,
            state=customer.state,
            postal_code=customer.postal_code,
            contact_first_name=customer.contact_first_name,
            contact_last_name=customer.contact_last_name,
            contact_email=customer.contact_email,
            contact_phone=customer.contact_phone,
            domain_prefix=customer.domain_prefix,
            language=customer.language,
            culture=customer.culture,
            organization_registration_id=customer.organization_registration_id,
            indirect_reseller_id=customer.indirect_reseller_id,
            indirect_reseller_name=reseller_name,
            relationship=customer.relationship,
            account_status=customer.account_status,
            tags=customer.tags,
            created_at=customer.created_at,
            created_by=customer.created_by,
            updated_at=customer.updated_at,
            updated_by=customer.updated_by,
            version=customer.version,
            agreement=None if latest is None else _agreement_data(latest),
            partner_center=partner_center,
            subscriptions=tuple(
                SubscriptionData(
                    id=sub.id,
                    offer_id=offer.id,
                    product_title=offer.product_title,
                    sku_title=offer.sku_title,
                    quantity=sub.quantity,
                    term=sub.term,
                    billing_plan=sub.billing_plan,
                    status=sub.status,
                    unit_price=offer.unit_price,
                    currency=offer.currency,
                    version=sub.version,
                    min_quantity=offer.min_quantity,
                    partner_center_id=sub.partner_center_id or "",
                    max_quantity=offer.max_quantity,
                    market=offer.market,
                )
                for sub, offer in subscriptions
            ),
        )


def latest_agreement(session: Session, customer_id: int) -> AgreementAcceptance | None:
    """The customer's current attestation: the one recorded last."""
    return session.scalars(
        select(AgreementAcceptance)
        .where(AgreementAcceptance.customer_id == customer_id)
        .order_by(AgreementAcceptance.recorded_at.desc(), AgreementAcceptance.id.desc())
        .limit(1)
    ).first()


def _agreement_data(row: AgreementAcceptance) -> AgreementData:
    return AgreementData(
        status=row.status,
        agreement_type=row.agreement_type,
        signer_first_name=row.signer_first_name or "",
        signer_last_name=row.signer_last_name or "",
        signer_email=row.signer_email or "",
        signer_phone=row.signer_phone or "",
        date_accepted=row.date_accepted,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
    )
