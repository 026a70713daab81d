"""A whole customer: every Account info rule, as the wizard and the service see them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pcdesk.services.inputs import CustomerInput
from pcdesk.services.validation import Findings, validate_customer

TAIWAN = CustomerInput(
    company_name="台灣微軟股份有限公司",
    country="TW",
    address_line1="信義路五段7號",
    address_line2="19樓",
    city="信義區",
    state="台北市",
    postal_code="11049",
    contact_first_name="美玲",
    contact_last_name="林",
    contact_email="meiling.lin@contoso.com.tw",
    contact_phone="02 8729 6000",
    domain_prefix="contosotw",
    language="zh",
    culture="zh-TW",
)
UNITED_STATES = CustomerInput(
    company_name="Contoso Ltd.",
    country="US",
    address_line1="One Microsoft Way",
    city="Redmond",
    state="WA",
    postal_code="98052",
    contact_first_name="Jane",
    contact_last_name="Doe",
    contact_email="jane@contoso.com",
    domain_prefix="contosoltd",
)
BRAZIL = CustomerInput(
    company_name="Fabrikam Comércio Ltda.",
    country="BR",
    address_line1="Av. Paulista, 1000",
    city="São Paulo",
    state="SP",
    postal_code="01310-100",
    contact_first_name="João",
    contact_last_name="Silva",
    contact_email="joao.silva@fabrikam.com.br",
    contact_phone="(11) 96123-4567",
    domain_prefix="fabrikambr",
    organization_registration_id="12.345.678/0001-95",
)


@pytest.mark.parametrize("customer", [TAIWAN, UNITED_STATES, BRAZIL], ids=["TW", "US", "BR"])
def test_real_customers_pass(customer: CustomerInput) -> None:
    findings = validate_customer(customer, partner_domains=["fabrikam-partner.com"])
    assert findings == Findings(errors={}, warnings={})
    assert findings.ok


def test_taiwanese_customer_in_latin_letters_passes() -> None:
    customer = replace(
        TAIWAN,
        company_name="Microsoft Taiwan Corporation",
        address_line1="No. 7, Sec. 5, Xinyi Rd.",
        address_line2="19F",
        city="Xinyi Dist.",
        state="Taipei City",
        postal_code="110",
        contact_first_name="Mei-Ling",
        contact_last_name="Lin",
        contact_phone="+886 2 8729 6000",
    )
    assert validate_customer(customer).errors == {}


def test_brazilian_customer_without_registration_id_fails() -> None:
    findings = validate_customer(replace(BRAZIL, organization_registration_id=" "))
    assert not findings.ok
    assert findings.errors == {
        "organization_registration_id": (
            "Enter the organization registration ID: it is required in Brazil."
        )
    }


def test_brazilian_customer_without_phone_fails() -> None:
    findings = validate_customer(replace(BRAZIL, contact_phone=""))
    assert findings.errors == {"contact_phone": "Enter a phone number: it is required in Brazil."}


@pytest.mark.parametrize(
    ("country", "name"),
    [("IN", "India"), ("TR", "Türkiye"), ("AE", "United Arab Emirates"), ("VN", "Vietnam")],
)
def test_registration_id_countries_are_named(country: str, name: str) -> None:
    customer = replace(UNITED_STATES, country=country, state="", postal_code="", city="X")
    errors = validate_customer(customer).errors
    assert errors["organization_registration_id"] == (
        f"Enter the organization registration ID: it is required in {name}."
    )
    assert errors["contact_phone"] == f"Enter a phone number: it is required in {name}."


def test_us_customer_with_registration_id_is_refused() -> None:
    findings = validate_customer(replace(UNITED_STATES, organization_registration_id="91-1144442"))
    assert findings.errors == {
        "organization_registration_id": (
            "Leave the organization registration ID empty: United States does not use one."
        )
    }


def test_uk_is_not_a_country_code() -> None:
    customer = replace(UNITED_STATES, country="UK", state="", city="London", postal_code="SW1A 2AA")
    assert validate_customer(customer).errors == {
        "country": "“UK” is not a country code: the United Kingdom is GB."
    }
    assert validate_customer(replace(customer, country="GB")).ok


def test_missing_country() -> None:
    errors = validate_customer(replace(UNITED_STATES, country="")).errors
    assert errors == {"country": "Choose the country or region."}
    errors = validate_customer(replace(UNITED_STATES, country="XY")).errors
    assert errors == {"country": "“XY” is not a country code we know."}


def test_us_zip_of_another_state_fails() -> None:
    customer = replace(UNITED_STATES, city="New York", state="CA", postal_code="10001")
    assert validate_customer(customer).errors == {
        "postal_code": "ZIP code 10001 does not belong to California."
    }


def test_contact_email_at_microsoft_or_the_partner_fails() -> None:
    microsoft = replace(UNITED_STATES, contact_email="jane@microsoft.com")
    assert validate_customer(microsoft).errors == {
        "contact_email": "Use the customer's own email address, not a Microsoft one."
    }
    partner = replace(UNITED_STATES, contact_email="jane@fabrikam.com")
    assert validate_customer(partner, partner_domains=["fabrikam.com"]).errors == {
        "contact_email": "Use the customer's email address, not one at your own fabrikam.com."
    }


def test_warnings_do_not_block() -> None:
    findings = validate_customer(replace(UNITED_STATES, company_name="Contoso.com"))
    assert findings.ok
    assert findings.warnings == {
        "company_name": (
            "“.com” looks like a web address; please make sure the company name is correct."
        )
    }


def test_every_field_reports_under_its_own_name() -> None:
    customer = CustomerInput(
        company_name="LLC",
        country="US",
        address_line1="",
        contact_first_name="test",
        contact_last_name="X",
        contact_email="nobody@",
        domain_prefix="contoso-ltd",
        city="",
        state="",
        postal_code="",
        contact_phone="555",
        language="english",
        culture="en_XX",
    )
    errors = validate_customer(customer).errors
    assert errors == {
        "company_name": "“LLC” alone is not a company name; enter the name before it.",
        "address_line1": "Enter the address.",
        "city": "Enter the city.",
        "state": "Choose a state.",
        "postal_code": "Enter the ZIP code.",
        "contact_first_name": "“test” is a placeholder; enter the person's real name.",
        "contact_last_name": "Enter the whole last name, not an initial.",
        "contact_email": "“nobody@” is not a valid email address, like name@contoso.com.",
        "contact_phone": (
            "“555” is not a valid phone number for United States, for example +1 201-555-0123."
        ),
        "domain_prefix": "Use only letters and digits: “contoso-ltd” has “-”.",
        "language": "“english” is not a language code, like en or zh.",
        "culture": "“en_XX” is not a culture code, like en-US or zh-TW.",
    }


@pytest.mark.parametrize(("language", "culture"), [("zh", "zh-TW"), ("en", "en-US"), ("", "")])
def test_language_and_culture_pass(language: str, culture: str) -> None:
    assert validate_customer(replace(TAIWAN, language=language, culture=culture)).ok


def test_culture_of_another_language_is_a_warning() -> None:
    findings = validate_customer(replace(TAIWAN, language="en", culture="zh-TW"))
    assert findings.ok
    assert findings.warnings == {"culture": "Culture zh-TW is not for language en."}


def test_culture_of_an_unknown_region_fails() -> None:
    errors = validate_customer(replace(TAIWAN, culture="en-ZZ")).errors
    assert errors == {"culture": "“en-ZZ” is not a culture code, like en-US or zh-TW."}
