"""People: first and last names, email addresses and phone numbers of contacts and signers."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.countries import country_name, normalize_country
from pcdesk.services.validation.findings import CONTEXT, too_long

if TYPE_CHECKING:
    import phonenumbers

# phonenumbers and email-validator are imported where first used (0.05-0.1 s): the main window
# shows without them.

NAME_MAX_LENGTH = 50

# Compared case-insensitively with the whole name. Real short surnames such as "Na" (나, 羅) or
# "Bar" are deliberately absent.
PLACEHOLDER_NAMES = frozenset(
    [
        "test", "tester", "testing", "admin", "administrator", "root", "nobody", "none", "n/a",
        "n.a.", "null", "nil", "unknown", "xxx", "asdf", "qwerty", "firstname", "first_name",
        "first name", "lastname", "last_name", "last name", "surname", "name", "no name",
        "username", "user", "customer", "client", "contact", "sample", "demo", "dummy", "fake",
        "tbd", "todo", "abc", "not applicable", "-", "--", ".", "?", "...",
    ]
)  # fmt: skip
_PLACEHOLDER_RE = re.compile(r"^(test|user|customer|admin|contact|demo)[\s_-]*\d*$", re.IGNORECASE)
_REPEATED_RE = re.compile(r"^(.)\1{2,}$")

_CJK_NAME_PREFIXES = (
    "CJK UNIFIED IDEOGRAPH",
    "CJK COMPATIBILITY IDEOGRAPH",
    "HIRAGANA",
    "KATAKANA",
    "HANGUL",
)

NameKind = Literal["first", "last"]


def is_cjk(char: str) -> bool:
    """True for a Han, Hiragana, Katakana or Hangul character."""
    return unicodedata.name(char, "").startswith(_CJK_NAME_PREFIXES)


def _is_placeholder(value: str) -> bool:
    folded = " ".join(value.casefold().split())
    return (
        folded in PLACEHOLDER_NAMES
        or _PLACEHOLDER_RE.match(folded) is not None
        or _REPEATED_RE.match(folded) is not None
    )


def person_name_problem(name: str, kind: NameKind) -> Message | None:
    """The error for a contact's or signer's first or last name, or None."""
    return _person_name_problem(name.strip(), kind)


# Cached: an import checks a name per row, and the same first and last names come again and again.
@functools.lru_cache(maxsize=4096)
def _person_name_problem(value: str, kind: NameKind) -> Message | None:
    if not value:
        if kind == "first":
            return Message(
                QT_TRANSLATE_NOOP("validation", "Enter the first name."), context=CONTEXT
            )
        return Message(QT_TRANSLATE_NOOP("validation", "Enter the last name."), context=CONTEXT)
    if len(value) > NAME_MAX_LENGTH:
        return too_long(NAME_MAX_LENGTH, len(value))
    if not any(char.isalpha() for char in value):
        return Message(
            QT_TRANSLATE_NOOP("validation", "A name needs letters: “{name}” has none."),
            context=CONTEXT,
            name=value,
        )
    letters = [char for char in value if char.isalpha()]
    if len(letters) == 1 and not is_cjk(letters[0]):
        if kind == "first":
            return Message(
                QT_TRANSLATE_NOOP("validation", "Enter the whole first name, not an initial."),
                context=CONTEXT,
            )
        return Message(
            QT_TRANSLATE_NOOP("validation", "Enter the whole last name, not an initial."),
            context=CONTEXT,
        )
    if _is_placeholder(value):
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "“{name}” is a placeholder; enter the person's real name."
            ),
            context=CONTEXT,
            name=value,
        )
    return None


# Cached: a customer's contact is often its signer too, and an import checks thousands.
@functools.lru_cache(maxsize=1024)
def _email_domains(email: str) -> frozenset[str] | None:
    """The domain of a valid address as written and in ASCII (lower-case); None if invalid."""
    from email_validator import EmailNotValidError, validate_email  # (after the window)

    try:
        checked = validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return None
    return frozenset({checked.domain.lower(), checked.ascii_domain.lower()})


def _bare_domain(domain: str) -> str:
    value = domain.strip().lower().rstrip(".")
    return value.rpartition("@")[2]


def _within(domain: str, parent: str) -> bool:
    return bool(parent) and (domain == parent or domain.endswith("." + parent))


def email_problem(
    email: str, *, partner_domains: Collection[str] = (), customer: bool = True
) -> Message | None:
    """The error for an email address, or None.

    With ``customer`` it must also be the customer's own: not Microsoft's, not the partner's.
    """
    value = email.strip()
    if not value:
        return Message(QT_TRANSLATE_NOOP("validation", "Enter the email address."), context=CONTEXT)
    domains = _email_domains(value)
    if domains is None:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "“{email}” is not a valid email address, like name@contoso.com."
            ),
            context=CONTEXT,
            email=value,
        )
    if not customer:
        return None
    if any(_within(domain, "microsoft.com") for domain in domains):
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "Use the customer's own email address, not a Microsoft one."
            ),
            context=CONTEXT,
        )
    for partner_domain in partner_domains:
        parent = _bare_domain(partner_domain)
        if any(_within(domain, parent) for domain in domains):
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation", "Use the customer's email address, not one at your own {domain}."
                ),
                context=CONTEXT,
                domain=parent,
            )
    return None


def _region(country: str) -> str | None:
    import phonenumbers

    code = normalize_country(country)
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


# Cached: normalising a number and then checking it parse the same text (never mutated). An
# import normalises a thousand rows' contact and signer numbers, then checks them: room for both.
@functools.lru_cache(maxsize=4096)
def _parse(phone: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    import phonenumbers

    try:
        return phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None


@functools.lru_cache(maxsize=4096)
def _is_valid(phone: str, region: str | None) -> bool:
    """True when ``phone`` parses as a valid number (of any country) reading it in ``region``."""
    import phonenumbers

    number = _parse(phone, region)
    return number is not None and phonenumbers.is_valid_number(number)


@functools.lru_cache(maxsize=1024)  # every refused number of a country shows its example
def example_phone(country: str) -> str:
    """An example number of the country in international format, or ""."""
    import phonenumbers

    region = _region(country)
    example = phonenumbers.example_number(region) if region else None
    if example is None:
        return ""
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_problem(phone: str, country: str, *, required: bool = False) -> Message | None:
    """The error for a contact's phone number in ``country``, or None."""
    import phonenumbers

    value = phone.strip()
    if not value:
        if not required:
            return None
        return Message(
            QT_TRANSLATE_NOOP("validation", "Enter a phone number: it is required in {country}."),
            context=CONTEXT,
            country=country_name(normalize_country(country)),
        )
    region = _region(country)
    valid = _is_valid(value, region)
    if valid and region is not None:
        number = _parse(value, region)
        assert number is not None
        valid = phonenumbers.is_valid_number_for_region(number, region)
    if valid:
        return None
    name = country_name(normalize_country(country))
    example = example_phone(country)
    if example:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation",
                "“{phone}” is not a valid phone number for {country}, for example {example}.",
            ),
            context=CONTEXT,
            phone=value,
            country=name,
            example=example,
        )
    return Message(
        QT_TRANSLATE_NOOP("validation", "“{phone}” is not a valid phone number for {country}."),
        context=CONTEXT,
        phone=value,
        country=name,
    )


def normalize_phone(phone: str, country: str) -> str:
    """E.164 ("+886223456789") when the number is valid, else the stripped input; "" for empty."""
    import phonenumbers

    value = phone.strip()
    if not value:
        return ""
    region = _region(country)
    if not _is_valid(value, region):
        return value
    number = _parse(value, region)
    assert number is not None
    stored = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    # E.164 has no extension; keep it the way RFC 3966 writes one, so nothing typed is lost.
    return f"{stored};ext={number.extension}" if number.extension else stored


def international_phone_problem(phone: str) -> Message | None:
    """The error for a phone number of any country (a signer's), or None.

    A number written with "+" and its country code must be valid; one without is accepted when it
    looks like a phone number (digits, spaces, brackets, dots, dashes), since its country is unknown.
    """
    value = phone.strip()
    if not value:
        return None
    if value.startswith("+"):
        if _is_valid(value, None):
            return None
    elif re.fullmatch(r"[\d\s().\-/]+", value) and 6 <= sum(c.isdigit() for c in value) <= 15:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "validation", "“{phone}” is not a valid phone number, for example +1 425 882 8080."
        ),
        context=CONTEXT,
        phone=value,
    )
