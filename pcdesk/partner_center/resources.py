"""Typed records of what pcdesk reads from Partner Center, and the tolerant parsing behind them.

Partner Center answers in camelCase, some samples (and requests) use PascalCase, bodies may start
with a UTF-8 BOM, ``code`` comes as a number or a string, errors come in three shapes, link URIs
come with or without ``/v1``. The parsers here accept all of it: keys are matched without regard
to case, unknown fields are ignored and unknown enum values are kept as the text received.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

JsonObject = Mapping[str, Any]


class Unreadable(ValueError):
    """The body is not the JSON expected."""


def parse_json(body: bytes) -> Any:
    """JSON from a body that may start with a UTF-8 BOM (decoded as ``utf-8-sig``)."""
    try:
        return json.loads(body.decode("utf-8-sig")) if body.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Unreadable(str(exc)) from exc


def folded(value: Any) -> Any:
    """``value`` with every object's keys lower-cased (PascalCase and camelCase alike)."""
    if isinstance(value, dict):
        return {str(key).lower(): folded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [folded(item) for item in value]
    return value


def _obj(value: Any) -> JsonObject:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def parse_datetime(value: Any) -> dt.datetime | None:
    """An ISO 8601 timestamp as aware UTC (a zone-less one is taken as UTC), or None."""
    text = _str(value).strip()
    if not text:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python before 3.11 chokes on 7 fractional digits; 3.11 takes any number, but keep it tidy.
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def first_header_value(value: str | None) -> str:
    """A header some samples send twice, comma-joined (``x,x``): its first value."""
    if not value:
        return ""
    return value.split(",")[0].strip()


# -- enums, kept open ------------------------------------------------------------------------------


class RelationshipToPartner(enum.StrEnum):
    NONE = "none"
    RESELLER = "reseller"
    ADVISOR = "advisor"
    SYNDICATION = "syndication"
    MICROSOFT_SUPPORT = "microsoft_support"
    UNKNOWN = "unknown"


def known(enum_type: type[enum.StrEnum], value: str) -> enum.StrEnum | None:
    """``value`` as a member of ``enum_type`` (matched without case), or None if unknown."""
    lowered = value.lower()
    for member in enum_type:
        if member.value.lower() == lowered:
            return member
    return None


# -- links and pages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    uri: str
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"uri": self.uri, "method": self.method, "headers": [list(h) for h in self.headers]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Link:
        return cls(
            str(data["uri"]),
            str(data.get("method", "GET")),
            tuple((str(k), str(v)) for k, v in data.get("headers", ())),
        )


def parse_link(value: Any) -> Link | None:
    data = _obj(value)
    uri = _str(data.get("uri")).strip()
    if not uri:
        return None
    headers = tuple(
        (_str(_obj(h).get("key")), _str(_obj(h).get("value")))
        for h in _list(data.get("headers"))
        if _str(_obj(h).get("key"))
    )
    return Link(uri, _str(data.get("method")) or "GET", headers)


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    next: Link | None
    total_count: int | None = None


# -- errors -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApiError:
    """Partner Center's error body, whichever of its three shapes it came in."""

    code: str = ""
    description: str = ""
    error_name: str = ""
    is_retryable: bool | None = None
    source: str = ""


def parse_error(data: Any) -> ApiError:
    body = folded(data) if isinstance(data, dict) else {}
    # 1: {code, description, data, source}; 2: {code, message, description, errorName,
    # isRetryable, ...}; 3 (429): {statusCode, message}.
    code = _str(body.get("code") if body.get("code") is not None else body.get("statuscode"))
    description = _str(body.get("description")) or _str(body.get("message"))
    retryable = body.get("isretryable")
    return ApiError(
        code=code,
        description=description[:1024],
        error_name=_str(body.get("errorname")),
        is_retryable=None if retryable is None else _bool(retryable),
        source=_str(body.get("source")),
    )


# -- customers --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    country: str = ""
    region: str = ""
    city: str = ""
    state: str = ""
    address_line1: str = ""
    address_line2: str = ""
    address_line3: str = ""
    postal_code: str = ""
    first_name: str = ""
    last_name: str = ""
    phone_number: str = ""


def parse_address(value: Any) -> Address:
    data = _obj(value)
    return Address(
        country=_str(data.get("country")),
        region=_str(data.get("region")),
        city=_str(data.get("city")),
        state=_str(data.get("state")),
        address_line1=_str(data.get("addressline1")),
        address_line2=_str(data.get("addressline2")),
        address_line3=_str(data.get("addressline3")),
        postal_code=_str(data.get("postalcode")),
        first_name=_str(data.get("firstname")),
        last_name=_str(data.get("lastname")),
        phone_number=_str(data.get("phonenumber")),
    )


@dataclass(frozen=True)
class CompanyProfile:
    tenant_id: str
    domain: str
    company_name: str
    address: Address | None = None
    email: str = ""
    organization_registration_number: str = ""


def parse_company_profile(value: Any) -> CompanyProfile:
    data = _obj(value)
    address = data.get("address")
    return CompanyProfile(
        tenant_id=_str(data.get("tenantid")).lower(),
        domain=_str(data.get("domain")),
        company_name=_str(data.get("companyname")),
        address=parse_address(address) if isinstance(address, dict) else None,
        email=_str(data.get("email")),
        organization_registration_number=_str(data.get("organizationregistrationnumber")),
    )


@dataclass(frozen=True)
class BillingProfile:
    id: str
    first_name: str
    last_name: str
    email: str
    culture: str
    language: str
    company_name: str
    default_address: Address
    etag: str


def parse_billing_profile(value: Any) -> BillingProfile:
    data = _obj(value)
    return BillingProfile(
        id=_str(data.get("id")),
        first_name=_str(data.get("firstname")),
        last_name=_str(data.get("lastname")),
        email=_str(data.get("email")),
        culture=_str(data.get("culture")),
        language=_str(data.get("language")),
        company_name=_str(data.get("companyname")),
        default_address=parse_address(data.get("defaultaddress")),
        etag=_str(_obj(data.get("attributes")).get("etag")),
    )


@dataclass(frozen=True)
class Customer:
    id: str  # the tenant id
    tenant_id: str
    domain: str
    company_name: str
    relationship: str  # RelationshipToPartner's value, or whatever new value Partner Center sent
    commerce_id: str = ""
    allow_delegated_access: bool | None = None
    associated_partner_id: str = ""
    billing_profile: BillingProfile | None = None
    company_profile: CompanyProfile | None = None


def parse_customer(value: Any) -> Customer:
    data = _obj(value)
    company = parse_company_profile(data.get("companyprofile"))
    billing = data.get("billingprofile")
    delegated = data.get("allowdelegatedaccess")
    customer_id = _str(data.get("id")).lower()
    return Customer(
        id=customer_id,
        tenant_id=company.tenant_id or customer_id,
        domain=company.domain,
        company_name=company.company_name,
        relationship=_str(data.get("relationshiptopartner")).lower(),
        commerce_id=_str(data.get("commerceid")),
        allow_delegated_access=None if delegated is None else _bool(delegated),
        associated_partner_id=_str(data.get("associatedpartnerid")).lower(),
        billing_profile=parse_billing_profile(billing) if isinstance(billing, dict) else None,
        company_profile=company,
    )


@dataclass(frozen=True)
class ValidationStatus:
    type: str
    status: str  # Unknown, UnderReview, Allowed, NotAllowed, "Not Ready", or a newer value
    last_update: dt.datetime | None

    @property
    def blocks_transactions(self) -> bool:
        return self.status.replace(" ", "").lower() in {"underreview", "notallowed", "unknown"}


def parse_validation_status(value: Any) -> ValidationStatus:
    data = _obj(value)
    return ValidationStatus(
        _str(data.get("type")),
        _str(data.get("status")),
        parse_datetime(data.get("lastupdatedatetime")),
    )


# -- resellers, subscriptions, audit ----------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRelationship:
    """An indirect reseller, as the provider sees it."""

    id: str  # the reseller's tenant id
    name: str
    relationship_type: str
    state: str
    mpn_id: str
    location: str


def parse_partner_relationship(value: Any) -> PartnerRelationship:
    data = _obj(value)
    return PartnerRelationship(
        id=_str(data.get("id")).lower(),
        name=_str(data.get("name")),
        relationship_type=_str(data.get("relationshiptype")),
        state=_str(data.get("state")),
        mpn_id=_str(data.get("mpnid")),
        location=_str(data.get("location")),
    )


@dataclass(frozen=True)
class Subscription:
    id: str
    offer_id: str
    offer_name: str
    friendly_name: str
    quantity: int
    unit_type: str
    status: str
    term_duration: str
    billing_cycle: str
    auto_renew_enabled: bool
    is_trial: bool
    creation_date: dt.datetime | None
    commitment_end_date: dt.datetime | None
    partner_id: str
    etag: str

    @property
    def product_id(self) -> str:
        return self.offer_id.split(":")[0]

    @property
    def sku_id(self) -> str:
        parts = self.offer_id.split(":")
        return parts[1] if len(parts) > 1 else ""


def parse_subscription(value: Any) -> Subscription:
    data = _obj(value)
    return Subscription(
        id=_str(data.get("id")).lower(),
        offer_id=_str(data.get("offerid")),
        offer_name=_str(data.get("offername")),
        friendly_name=_str(data.get("friendlyname")),
        quantity=_int(data.get("quantity")),
        unit_type=_str(data.get("unittype")),
        status=_str(data.get("status")).lower(),
        term_duration=_str(data.get("termduration")),
        billing_cycle=_str(data.get("billingcycle")).lower(),
        auto_renew_enabled=_bool(data.get("autorenewenabled")),
        is_trial=_bool(data.get("istrial")),
        creation_date=parse_datetime(data.get("creationdate")),
        commitment_end_date=parse_datetime(data.get("commitmentenddate")),
        partner_id=_str(data.get("partnerid")),
        etag=_str(_obj(data.get("attributes")).get("etag")),
    )


@dataclass(frozen=True)
class AuditRecord:
    id: str
    customer_id: str
    customer_name: str
    user_principal_name: str
    resource_type: str
    operation_type: str
    operation_status: str
    operation_date: dt.datetime | None
    resource_new_value: str = ""
    resource_old_value: str = ""
    customized_data: tuple[tuple[str, str], ...] = field(default=())


def parse_audit_record(value: Any) -> AuditRecord:
    data = _obj(value)
    return AuditRecord(
        id=_str(data.get("id")),
        customer_id=_str(data.get("customerid")).lower(),
        customer_name=_str(data.get("customername")),
        user_principal_name=_str(data.get("userprincipalname")),
        resource_type=_str(data.get("resourcetype")).lower(),
        operation_type=_str(data.get("operationtype")).lower(),
        operation_status=_str(data.get("operationstatus")).lower(),
        operation_date=parse_datetime(data.get("operationdate")),
        resource_new_value=_str(data.get("resourcenewvalue")),
        resource_old_value=_str(data.get("resourceoldvalue")),
        customized_data=tuple(
            (_str(_obj(item).get("key")), _str(_obj(item).get("value")))
            for item in _list(data.get("customizeddata"))
        ),
    )


# -- utilities ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelationshipRequest:
    url: str


@dataclass(frozen=True)
class AddressValidation:
    status: str  # VerifiedShippable, Verified, InteractionRequired, StreetPartial, ... or newer
    original_address: Address
    suggested_addresses: tuple[Address, ...]
    validation_message: str


def parse_address_validation(value: Any) -> AddressValidation:
    data = _obj(value)
    return AddressValidation(
        status=_str(data.get("status")),
        original_address=parse_address(data.get("originaladdress")),
        suggested_addresses=tuple(
            parse_address(item) for item in _list(data.get("suggestedaddresses"))
        ),
        validation_message=_str(data.get("validationmessage")),
    )


def _strings(value: Any) -> tuple[str, ...]:
    """A list of strings, or the doc sample's ``{"value": [...]}`` shape of it."""
    if isinstance(value, dict):
        value = value.get("value")
    return tuple(_str(item) for item in _list(value))


@dataclass(frozen=True)
class CountryValidationRules:
    iso2_code: str
    default_culture: str
    is_state_required: bool
    supported_states: tuple[str, ...]
    supported_languages: tuple[str, ...]
    supported_cultures: tuple[str, ...]
    is_postal_code_required: bool
    postal_code_regex: str
    is_city_required: bool
    phone_number_regex: str
    calling_codes: tuple[str, ...]
    registration_number_required: bool
    registration_number_regex: str
    registration_number_sample: str
    phone_number_required: bool


def parse_country_rules(value: Any) -> CountryValidationRules:
    data = _obj(value)

    def either(*names: str) -> Any:
        for name in names:
            if name in data:
                return data[name]
        return None

    return CountryValidationRules(
        iso2_code=_str(data.get("iso2code")),
        default_culture=_str(data.get("defaultculture")),
        is_state_required=_bool(data.get("isstaterequired")),
        supported_states=_strings(either("supportedstateslist", "states")),
        supported_languages=_strings(either("supportedlanguageslist", "supportedlanguages")),
        supported_cultures=_strings(either("supportedcultureslist", "supportedcultures")),
        is_postal_code_required=_bool(data.get("ispostalcoderequired")),
        postal_code_regex=_str(data.get("postalcoderegex")),
        is_city_required=_bool(data.get("iscityrequired")),
        phone_number_regex=_str(data.get("phonenumberregex")),
        calling_codes=_strings(data.get("countrycallingcodeslist")),
        registration_number_required=_bool(
            data.get("customerorganizationregistrationnumberrequired")
        ),
        registration_number_regex=_str(data.get("customerorganizationregistrationnumberregex")),
        registration_number_sample=_str(data.get("customerorganizationregistrationnumbersample")),
        phone_number_required=_bool(data.get("customerorganizationphonenumberrequired")),
    )


def parse_items(data: Any, parse: Any) -> tuple[Any, ...]:
    """The ``items`` of a collection (or a bare list), each through ``parse``."""
    if isinstance(data, list):
        return tuple(parse(item) for item in data)
    return tuple(parse(item) for item in _list(_obj(data).get("items")))


def page_of(data: Any, parse: Any) -> Page[Any]:
    body = _obj(data)
    links = _obj(body.get("links"))
    total = body.get("totalcount")
    count = _int(total, -1) if total is not None else None
    return Page(parse_items(data, parse), parse_link(links.get("next")), count)


@dataclass(frozen=True)
class CreatedCustomer:
    """POST /v1/customers's answer: the customer, and its admin's sign-in (``admin`` and a
    temporary password), which pcdesk shows once and stores nowhere."""

    customer: Customer
    admin_user: str  # admin@<domain>
    password: str


def parse_created_customer(value: Any) -> CreatedCustomer:
    data = _obj(value)
    found = parse_customer(data)
    credentials = _obj(data.get("usercredentials"))
    user = _str(credentials.get("username"))
    if user and "@" not in user and found.domain:
        user = f"{user}@{found.domain}"
    return CreatedCustomer(found, user, _str(credentials.get("password")))
