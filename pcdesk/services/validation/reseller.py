"""An indirect reseller's name, Partner ID (MPN ID), tenant ID and country: pure checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.countries import country_problem, normalize_country
from pcdesk.services.validation.findings import too_long
from pcdesk.services.validation.partner import EXAMPLE_GUID, normalize_guid
from pcdesk.services.validation.text import text_problems

CONTEXT = "resellers"
NAME_MAX_LENGTH = 255
# Partner IDs (MPN IDs) seen in Partner Center are 6 or 7 digits (4847383); 5 to 10 leaves room
# without accepting a stray number such as a quantity or a year.
PARTNER_ID_RE = re.compile(r"[0-9]{5,10}")
FIELDS = ("name", "partner_id", "tenant_id", "country")


def _message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


@dataclass(frozen=True)
class ResellerInput:
    """A reseller as typed or read from a file. Field names are the keys of its messages."""

    name: str
    partner_id: str
    tenant_id: str = ""
    country: str = ""


def normalize_partner_id(value: str) -> str:
    """The Partner ID as stored: full-width digits made ASCII, spaces removed ("4 847 383")."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def normalized_reseller(data: ResellerInput) -> ResellerInput:
    """Trimmed values; the Partner ID without spaces; a GUID in its canonical form."""
    tenant = data.tenant_id.strip()
    return ResellerInput(
        name=" ".join(data.name.split()),
        partner_id=normalize_partner_id(data.partner_id),
        tenant_id=normalize_guid(tenant) or tenant,
        country=normalize_country(data.country),
    )


def partner_id_problem(value: str) -> Message | None:
    partner_id = normalize_partner_id(value)
    if not partner_id:
        return _message(QT_TRANSLATE_NOOP("resellers", "Enter the reseller's Partner ID (MPN ID)."))
    if PARTNER_ID_RE.fullmatch(partner_id) is None:
        return _message(
            QT_TRANSLATE_NOOP(
                "resellers", "A Partner ID is 5 to 10 digits, like 4847383; “{value}” is not."
            ),
            value=value.strip(),
        )
    return None


def tenant_id_problem(value: str, *, required: bool) -> Message | None:
    text = value.strip()
    if not text:
        if not required:
            return None
        return _message(
            QT_TRANSLATE_NOOP(
                "resellers",
                "Enter the reseller's tenant ID (its Microsoft ID), a GUID like {example}.",
            ),
            example=EXAMPLE_GUID,
        )
    if normalize_guid(text) is None:
        return _message(
            QT_TRANSLATE_NOOP("resellers", "“{value}” is not a tenant ID, a GUID like {example}."),
            value=text,
            example=EXAMPLE_GUID,
        )
    return None


def validate_reseller(data: ResellerInput, *, tenant_required: bool = True) -> dict[str, Message]:
    """What is wrong with a reseller, by field. ``tenant_required`` is False only for a reseller
    recorded before pcdesk asked for tenant IDs and still without one."""
    errors: dict[str, Message] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = _message(QT_TRANSLATE_NOOP("resellers", "Enter the reseller's name."))
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = too_long(NAME_MAX_LENGTH, len(name))
    partner_id_error = partner_id_problem(data.partner_id)
    if partner_id_error is not None:
        errors["partner_id"] = partner_id_error
    tenant_error = tenant_id_problem(data.tenant_id, required=tenant_required)
    if tenant_error is not None:
        errors["tenant_id"] = tenant_error
    country_error = country_problem(data.country)
    if country_error is not None:
        errors["country"] = country_error
    texts = {"name": data.name, "partner_id": data.partner_id, "tenant_id": data.tenant_id}
    errors.update(text_problems(texts, {"name": 1000, "partner_id": 100, "tenant_id": 100}))
    return errors
