"""A customer's Account info, all rules at once: what the wizard shows and the service enforces."""

from __future__ import annotations

from collections.abc import Collection

from pcdesk.messages import Message
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.validation.address import validate_address
from pcdesk.services.validation.company import company_name_problem, company_name_warning
from pcdesk.services.validation.contact import (
    email_problem,
    international_phone_problem,
    person_name_problem,
    phone_problem,
)
from pcdesk.services.validation.countries import country_problem
from pcdesk.services.validation.domain import domain_prefix_problem
from pcdesk.services.validation.findings import Findings
from pcdesk.services.validation.language import culture_mismatch, culture_problem, language_problem
from pcdesk.services.validation.registration import registration_id_problem, takes_registration_id
from pcdesk.services.validation.text import id_problem, text_problems

# What each text of Account info may hold at most: the customer table's column widths.
CUSTOMER_TEXT_LIMITS: dict[str, int] = {
    "company_name": 255,
    "country": 2,
    "address_line1": 200,
    "address_line2": 200,
    "city": 100,
    "state": 100,
    "postal_code": 20,
    "contact_first_name": 50,
    "contact_last_name": 50,
    "contact_email": 254,
    "contact_phone": 32,
    "domain_prefix": 27,
    "language": 8,
    "culture": 16,
    "organization_registration_id": 64,
    "tags": 1000,
}


def validate_customer(data: CustomerInput, *, partner_domains: Collection[str] = ()) -> Findings:
    """Every Account info rule of Partner Center, by field name of ``CustomerInput``.

    Whether the domain prefix is free is not checked here (the service asks the database).
    """
    known_country = country_problem(data.country) is None
    problems: dict[str, Message | None] = {
        "company_name": company_name_problem(data.company_name),
        "country": country_problem(data.country),
        "contact_first_name": person_name_problem(data.contact_first_name, "first"),
        "contact_last_name": person_name_problem(data.contact_last_name, "last"),
        "contact_email": email_problem(data.contact_email, partner_domains=partner_domains),
        "contact_phone": (
            phone_problem(
                data.contact_phone, data.country, required=takes_registration_id(data.country)
            )
            if known_country
            else international_phone_problem(data.contact_phone)
        ),
        "domain_prefix": domain_prefix_problem(data.domain_prefix),
        "organization_registration_id": (
            registration_id_problem(data.organization_registration_id, data.country)
            if known_country
            else None
        ),
        "language": language_problem(data.language),
        "culture": culture_problem(data.culture),
    }
    address = validate_address(
        data.country,
        data.address_line1,
        data.address_line2,
        data.city,
        data.state,
        data.postal_code,
    )
    for field, message in address.items():
        problems.setdefault(field, message)
        problems[field] = problems[field] or message
    problems["indirect_reseller_id"] = id_problem(data.indirect_reseller_id)
    # Broken, control and bidi characters, and lengths, come first: the same verdict on both
    # databases, whatever a field's own rule would say.
    texts = {name: getattr(data, name) for name in CUSTOMER_TEXT_LIMITS}
    problems.update(text_problems(texts, CUSTOMER_TEXT_LIMITS))
    doubts: dict[str, Message | None] = {
        "company_name": company_name_warning(data.company_name),
        "culture": culture_mismatch(data.language, data.culture),
    }
    errors = {field: message for field, message in problems.items() if message is not None}
    warnings = {
        field: message
        for field, message in doubts.items()
        if message is not None and field not in errors
    }
    return Findings(errors=errors, warnings=warnings)
