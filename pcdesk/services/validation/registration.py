"""The organization registration ID (business tax ID): required in some countries, refused elsewhere."""

from __future__ import annotations

import functools

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.countries import country_name, normalize_country
from pcdesk.services.validation.findings import CONTEXT, too_long

# Partner Center asks for a registration ID, and a phone number, in these countries.
REGISTRATION_ID_COUNTRIES = frozenset(
    [
        "AM",
        "AZ",
        "BY",
        "BR",
        "HU",
        "IN",
        "IQ",
        "KZ",
        "KG",
        "MD",
        "MM",
        "PL",
        "RU",
        "SA",
        "ZA",
        "SS",
        "TJ",
        "TH",
        "TR",
        "UA",
        "AE",
        "UZ",
        "VE",
        "VN",
    ]
)
REGISTRATION_ID_MAX_LENGTH = 50


def takes_registration_id(country: str) -> bool:
    """True where Partner Center requires an organization registration ID (and a phone number)."""
    return normalize_country(country) in REGISTRATION_ID_COUNTRIES


# Cached: an import checks every row, and its refused rows mostly share their reason.
@functools.lru_cache(maxsize=1024)
def registration_id_problem(registration_id: str, country: str) -> Message | None:
    """The error for a registration ID given (or not) for a customer in ``country``, or None."""
    value = registration_id.strip()
    if takes_registration_id(country):
        if not value:
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation",
                    "Enter the organization registration ID: it is required in {country}.",
                ),
                context=CONTEXT,
                country=country_name(normalize_country(country)),
            )
        if len(value) > REGISTRATION_ID_MAX_LENGTH:
            return too_long(REGISTRATION_ID_MAX_LENGTH, len(value))
        if not any(char.isalnum() for char in value):
            return Message(
                QT_TRANSLATE_NOOP(
                    "validation", "“{value}” is not a registration ID: it has no letters or digits."
                ),
                context=CONTEXT,
                value=value,
            )
        return None
    if value:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation",
                "Leave the organization registration ID empty: {country} does not use one.",
            ),
            context=CONTEXT,
            country=country_name(normalize_country(country)),
        )
    return None
