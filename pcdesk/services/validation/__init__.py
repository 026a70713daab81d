"""Validation of what users submit: pure functions, no Qt, no database, no network.

Each function returns messages by field name (``pcdesk.messages.Message``): the wizard
shows them live, and the services call the same functions again before they write.

The package loads a submodule when one of its names is first asked for (PEP 562): phone numbers,
e-mail addresses, CLDR (babel) and address rules cost 0.1-0.2 s to import, and the main window
shows before anything needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pcdesk.services.validation.address import (
        AddressField,
        AddressForm,
        address_form,
        normalize_address_fields,
        validate_address,
    )
    from pcdesk.services.validation.address_format import format_address
    from pcdesk.services.validation.agreement import validate_agreement
    from pcdesk.services.validation.company import company_name_problem, company_name_warning
    from pcdesk.services.validation.contact import (
        email_problem,
        normalize_phone,
        person_name_problem,
        phone_problem,
    )
    from pcdesk.services.validation.countries import (
        country_codes,
        country_name,
        country_problem,
        default_language,
        is_known_country,
    )
    from pcdesk.services.validation.customer import validate_customer
    from pcdesk.services.validation.domain import (
        domain_name_problem,
        domain_prefix_problem,
        normalize_domain_prefix,
        suggest_domain_prefix,
    )
    from pcdesk.services.validation.findings import Findings
    from pcdesk.services.validation.language import CULTURES, culture_label
    from pcdesk.services.validation.partner import normalize_guid, validate_partner_profile
    from pcdesk.services.validation.registration import (
        REGISTRATION_ID_COUNTRIES,
        takes_registration_id,
    )

_SUBMODULE = {
    "AddressField": "address",
    "AddressForm": "address",
    "CULTURES": "language",
    "Findings": "findings",
    "REGISTRATION_ID_COUNTRIES": "registration",
    "address_form": "address",
    "company_name_problem": "company",
    "company_name_warning": "company",
    "country_codes": "countries",
    "country_name": "countries",
    "country_problem": "countries",
    "culture_label": "language",
    "default_language": "countries",
    "domain_name_problem": "domain",
    "domain_prefix_problem": "domain",
    "email_problem": "contact",
    "format_address": "address_format",
    "is_known_country": "countries",
    "normalize_address_fields": "address",
    "normalize_domain_prefix": "domain",
    "normalize_guid": "partner",
    "normalize_phone": "contact",
    "person_name_problem": "contact",
    "phone_problem": "contact",
    "suggest_domain_prefix": "domain",
    "takes_registration_id": "registration",
    "validate_address": "address",
    "validate_agreement": "agreement",
    "validate_customer": "customer",
    "validate_partner_profile": "partner",
}


def __getattr__(name: str) -> Any:
    if name not in _SUBMODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_SUBMODULE[name]}"), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "CULTURES",
    "REGISTRATION_ID_COUNTRIES",
    "AddressField",
    "AddressForm",
    "Findings",
    "address_form",
    "company_name_problem",
    "company_name_warning",
    "country_codes",
    "country_name",
    "country_problem",
    "culture_label",
    "default_language",
    "domain_name_problem",
    "domain_prefix_problem",
    "email_problem",
    "format_address",
    "is_known_country",
    "normalize_address_fields",
    "normalize_domain_prefix",
    "normalize_guid",
    "normalize_phone",
    "person_name_problem",
    "phone_problem",
    "suggest_domain_prefix",
    "takes_registration_id",
    "validate_address",
    "validate_agreement",
    "validate_customer",
    "validate_partner_profile",
]
