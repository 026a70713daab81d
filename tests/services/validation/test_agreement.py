"""The Microsoft Customer Agreement attestation."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pcdesk.services.inputs import AgreementInput
from pcdesk.services.validation import validate_agreement

TODAY = dt.date(2025, 3, 14)
SIGNED = AgreementInput(
    accepted=True,
    signer_first_name="美玲",
    signer_last_name="林",
    signer_email="meiling.lin@contoso.com.tw",
    signer_phone="+886 2 8729 6000",
    date_accepted=dt.date(2025, 3, 10),
)


def test_signed_agreement_passes() -> None:
    assert validate_agreement(SIGNED, today=TODAY) == {}
    assert validate_agreement(replace(SIGNED, date_accepted=TODAY), today=TODAY) == {}
    assert validate_agreement(replace(SIGNED, signer_phone=""), today=TODAY) == {}


def test_pending_agreement_needs_nothing() -> None:
    assert validate_agreement(AgreementInput(accepted=False), today=TODAY) == {}


def test_future_date_fails() -> None:
    errors = validate_agreement(replace(SIGNED, date_accepted=dt.date(2025, 3, 15)), today=TODAY)
    assert errors == {
        "date_accepted": "The acceptance date 2025-03-15 is in the future; today is 2025-03-14."
    }


def test_absurd_and_missing_dates_fail() -> None:
    errors = validate_agreement(replace(SIGNED, date_accepted=dt.date(1925, 3, 10)), today=TODAY)
    assert errors == {
        "date_accepted": "The acceptance date 1925-03-10 is too long ago; check the year."
    }
    errors = validate_agreement(replace(SIGNED, date_accepted=None), today=TODAY)
    assert errors == {"date_accepted": "Enter the date the customer accepted the agreement."}


def test_signer_follows_the_contact_name_rules() -> None:
    unsigned = AgreementInput(accepted=True, date_accepted=TODAY)
    assert validate_agreement(unsigned, today=TODAY) == {
        "signer_first_name": "Enter the first name.",
        "signer_last_name": "Enter the last name.",
        "signer_email": "Enter the email address.",
    }
    placeholder = replace(SIGNED, signer_first_name="Test", signer_last_name="J")
    assert validate_agreement(placeholder, today=TODAY) == {
        "signer_first_name": "“Test” is a placeholder; enter the person's real name.",
        "signer_last_name": "Enter the whole last name, not an initial.",
    }


def test_signer_email_needs_valid_syntax_only() -> None:
    assert validate_agreement(replace(SIGNED, signer_email="lin@"), today=TODAY) == {
        "signer_email": "“lin@” is not a valid email address, like name@contoso.com."
    }


@pytest.mark.parametrize("phone", ["+1 425 882 8080", "+886 912 345 678", "(02) 8729-6000"])
def test_signer_phone_of_any_country_passes(phone: str) -> None:
    assert validate_agreement(replace(SIGNED, signer_phone=phone), today=TODAY) == {}


@pytest.mark.parametrize("phone", ["call me", "+1 123", "12"])
def test_signer_phone_that_is_not_a_number_fails(phone: str) -> None:
    assert validate_agreement(replace(SIGNED, signer_phone=phone), today=TODAY) == {
        "signer_phone": f"“{phone}” is not a valid phone number, for example +1 425 882 8080."
    }


def test_signer_phone_is_checked_against_the_customer_country_when_known() -> None:
    local = replace(SIGNED, signer_phone="02 8729 6000")
    assert validate_agreement(local, today=TODAY, country="TW") == {}
    wrong = replace(SIGNED, signer_phone="12345")
    assert validate_agreement(wrong, today=TODAY, country="TW") == {
        "signer_phone": "“12345” is not a valid phone number for Taiwan, for example +886 2 2123 4567."
    }
