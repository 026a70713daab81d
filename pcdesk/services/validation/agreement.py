"""The Microsoft Customer Agreement attestation: who signed, and when."""

from __future__ import annotations

import datetime as dt

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.inputs import AgreementInput
from pcdesk.services.validation.contact import (
    email_problem,
    international_phone_problem,
    person_name_problem,
    phone_problem,
)
from pcdesk.services.validation.countries import is_known_country
from pcdesk.services.validation.findings import CONTEXT
from pcdesk.services.validation.text import text_problems

EARLIEST_ACCEPTANCE = dt.date(2000, 1, 1)


# The agreement table's column widths.
SIGNER_TEXT_LIMITS = {
    "signer_first_name": 50,
    "signer_last_name": 50,
    "signer_email": 254,
    "signer_phone": 32,
}


def _date_problem(date_accepted: dt.date | None, today: dt.date) -> Message | None:
    if date_accepted is None:
        return Message(
            QT_TRANSLATE_NOOP("validation", "Enter the date the customer accepted the agreement."),
            context=CONTEXT,
        )
    if date_accepted > today:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "The acceptance date {date} is in the future; today is {today}."
            ),
            context=CONTEXT,
            date=date_accepted.isoformat(),
            today=today.isoformat(),
        )
    if date_accepted < EARLIEST_ACCEPTANCE:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "The acceptance date {date} is too long ago; check the year."
            ),
            context=CONTEXT,
            date=date_accepted.isoformat(),
        )
    return None


def validate_agreement(
    agreement: AgreementInput, *, today: dt.date, country: str = ""
) -> dict[str, Message]:
    """What is wrong with an accepted agreement's signer and date; {} when not accepted.

    ``country`` (the customer's, optional) lets a signer's phone be written without "+".
    """
    if not agreement.accepted:
        return {}
    problems: dict[str, Message | None] = {
        "signer_first_name": person_name_problem(agreement.signer_first_name, "first"),
        "signer_last_name": person_name_problem(agreement.signer_last_name, "last"),
        "signer_email": email_problem(agreement.signer_email, customer=False),
        "signer_phone": (
            phone_problem(agreement.signer_phone, country)
            if is_known_country(country) and not agreement.signer_phone.strip().startswith("+")
            else international_phone_problem(agreement.signer_phone)
        ),
        "date_accepted": _date_problem(agreement.date_accepted, today),
    }
    texts = {
        "signer_first_name": agreement.signer_first_name,
        "signer_last_name": agreement.signer_last_name,
        "signer_email": agreement.signer_email,
        "signer_phone": agreement.signer_phone,
    }
    problems.update(text_problems(texts, SIGNER_TEXT_LIMITS))
    return {field: problem for field, problem in problems.items() if problem is not None}
