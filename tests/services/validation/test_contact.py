"""Contacts: names, email addresses and phone numbers."""

from __future__ import annotations

import pytest

from pcdesk.services.validation import (
    email_problem,
    normalize_phone,
    person_name_problem,
    phone_problem,
)


@pytest.mark.parametrize(
    "name",
    [
        "Mei-Ling",
        "王",
        "林",
        "さくら",
        "サクラ",
        "김",
        "Li",
        "José",
        "O'Brien",
        "Na",
        "Wolfeschlegelsteinhausenbergerdorff-Blaine-Hubert",
    ],
)
def test_real_names_pass(name: str) -> None:
    assert person_name_problem(name, "first") is None
    assert person_name_problem(name, "last") is None


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("", "first", "Enter the first name."),
        ("  ", "last", "Enter the last name."),
        ("J", "first", "Enter the whole first name, not an initial."),
        ("J.", "last", "Enter the whole last name, not an initial."),
        ("x" * 51, "first", "At most 50 characters; this one has 51."),
        ("123", "first", "A name needs letters: “123” has none."),
        ("Test", "first", "“Test” is a placeholder; enter the person's real name."),
        ("ADMIN", "last", "“ADMIN” is a placeholder; enter the person's real name."),
        ("nobody", "first", "“nobody” is a placeholder; enter the person's real name."),
        ("N/A", "last", "“N/A” is a placeholder; enter the person's real name."),
        ("Unknown", "last", "“Unknown” is a placeholder; enter the person's real name."),
        ("xxxx", "first", "“xxxx” is a placeholder; enter the person's real name."),
        ("asdf", "first", "“asdf” is a placeholder; enter the person's real name."),
        ("Firstname", "first", "“Firstname” is a placeholder; enter the person's real name."),
        ("Last Name", "last", "“Last Name” is a placeholder; enter the person's real name."),
        ("user1", "first", "“user1” is a placeholder; enter the person's real name."),
        ("Customer", "last", "“Customer” is a placeholder; enter the person's real name."),
    ],
)
def test_name_errors(name: str, kind: str, message: str) -> None:
    assert person_name_problem(name, kind) == message  # type: ignore[arg-type]


def test_names_up_to_50_characters_pass() -> None:
    assert person_name_problem("Ab" * 25, "first") is None


@pytest.mark.parametrize("email", ["mei.lin@contoso.com", "王@例子.台灣", "it@contoso.com.tw"])
def test_customer_emails_pass(email: str) -> None:
    assert email_problem(email, partner_domains=["fabrikam.com"]) is None


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the email address."),
        ("mei.lin@", "“mei.lin@” is not a valid email address, like name@contoso.com."),
        ("mei lin@contoso.com", "“mei lin@contoso.com” is not a valid email address, like name@contoso.com."),
        ("admin@contoso", "“admin@contoso” is not a valid email address, like name@contoso.com."),
        ("bob@microsoft.com", "Use the customer's own email address, not a Microsoft one."),
        ("bob@Europe.Microsoft.COM", "Use the customer's own email address, not a Microsoft one."),
        ("sales@fabrikam.com", "Use the customer's email address, not one at your own fabrikam.com."),
        ("it@tw.fabrikam.com", "Use the customer's email address, not one at your own fabrikam.com."),
    ],
)  # fmt: skip
def test_email_errors(email: str, message: str) -> None:
    assert email_problem(email, partner_domains=["Fabrikam.com."]) == message


def test_lookalike_domains_are_not_microsoft_or_the_partner() -> None:
    assert email_problem("bob@notmicrosoft.com", partner_domains=["fabrikam.com"]) is None
    assert email_problem("bob@myfabrikam.com", partner_domains=["fabrikam.com"]) is None


def test_signer_email_needs_only_valid_syntax() -> None:
    assert email_problem("bob@microsoft.com", customer=False) is None


def test_phone_is_optional_in_taiwan_and_must_be_taiwanese_when_given() -> None:
    assert phone_problem("", "TW") is None
    assert phone_problem("02 8729 6000", "TW") is None
    assert phone_problem("+886 2 8729 6000", "TW") is None
    assert phone_problem("0912 345 678", "TW") is None
    assert (
        phone_problem("12345", "TW")
        == "“12345” is not a valid phone number for Taiwan, for example +886 2 2123 4567."
    )


def test_phone_is_required_in_brazil() -> None:
    assert phone_problem("", "BR", required=True) == (
        "Enter a phone number: it is required in Brazil."
    )
    assert phone_problem("(11) 96123-4567", "BR", required=True) is None


def test_phone_of_another_country_is_refused() -> None:
    assert phone_problem("+1 425 882 8080", "BR") == (
        "“+1 425 882 8080” is not a valid phone number for Brazil, for example +55 11 2345-6789."
    )


def test_normalize_phone() -> None:
    assert normalize_phone("02 8729 6000", "TW") == "+886287296000"
    assert normalize_phone(" (425) 882-8080 ", "US") == "+14258828080"
    assert normalize_phone(" ext. 12 ", "US") == "ext. 12"
    assert normalize_phone("   ", "US") == ""
