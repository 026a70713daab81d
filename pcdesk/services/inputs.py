"""What a user (or an import, or a script) submits: plain values, not yet validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pcdesk.models.enums import PartnerCenterInstance, PartnerType


@dataclass(frozen=True)
class CustomerInput:
    """Account info of a customer. Field names are the keys of validation messages."""

    company_name: str
    country: str  # ISO 3166 alpha-2, e.g. "TW"
    address_line1: str
    contact_first_name: str
    contact_last_name: str
    contact_email: str
    domain_prefix: str
    address_line2: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    contact_phone: str = ""
    language: str = ""  # defaulted from the country when empty
    culture: str = ""
    organization_registration_id: str = ""
    indirect_reseller_id: int | None = None
    tags: str = ""


@dataclass(frozen=True)
class AgreementInput:
    """The Microsoft Customer Agreement attestation: accepted with a signer, or pending."""

    accepted: bool
    signer_first_name: str = ""
    signer_last_name: str = ""
    signer_email: str = ""
    signer_phone: str = ""
    date_accepted: dt.date | None = None


@dataclass(frozen=True)
class SubscriptionLine:
    offer_id: int
    quantity: int


@dataclass(frozen=True)
class PartnerProfileInput:
    name: str
    tenant_id: str
    partner_id: str
    partner_type: PartnerType
    instance: PartnerCenterInstance = PartnerCenterInstance.GLOBAL
    domain: str = ""
