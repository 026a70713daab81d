"""The partner's own profile: company name, Microsoft ID (tenant GUID), Partner ID, domain."""

from __future__ import annotations

import re
import uuid

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.validation.company import company_name_problem
from pcdesk.services.validation.domain import domain_name_problem
from pcdesk.services.validation.findings import CONTEXT
from pcdesk.services.validation.text import text_problems

_GUID_RE = re.compile(
    r"^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$", re.IGNORECASE
)
_CANONICAL_GUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_PARTNER_ID_RE = re.compile(r"^[0-9]{1,10}$")
EXAMPLE_GUID = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def normalize_guid(value: str) -> str | None:
    """The canonical lower-case 36-character form of a GUID, or None when it is not one.

    Accepts upper case, braces ("{...}") and the 32-digit form without hyphens.
    """
    text = value.strip()
    if _CANONICAL_GUID_RE.match(text):
        return text  # already canonical (as exported): no need to build a UUID
    if not _GUID_RE.match(text) or text.startswith("{") != text.endswith("}"):
        return None
    return str(uuid.UUID(text.strip("{}")))


def validate_partner_profile(data: PartnerProfileInput) -> dict[str, Message]:
    """What is wrong with the partner's profile, by field name."""
    errors: dict[str, Message] = {}
    name_error = company_name_problem(data.name)
    if name_error is not None:
        errors["name"] = name_error
    if normalize_guid(data.tenant_id) is None:
        if data.tenant_id.strip():
            errors["tenant_id"] = Message(
                QT_TRANSLATE_NOOP(
                    "validation", "“{value}” is not a Microsoft ID, a GUID like {example}."
                ),
                context=CONTEXT,
                value=data.tenant_id.strip(),
                example=EXAMPLE_GUID,
            )
        else:
            errors["tenant_id"] = Message(
                QT_TRANSLATE_NOOP("validation", "Enter your Microsoft ID (tenant ID)."),
                context=CONTEXT,
            )
    partner_id = data.partner_id.strip()
    if not partner_id:
        errors["partner_id"] = Message(
            QT_TRANSLATE_NOOP("validation", "Enter your Partner ID (MPN ID)."), context=CONTEXT
        )
    elif not _PARTNER_ID_RE.match(partner_id):
        errors["partner_id"] = Message(
            QT_TRANSLATE_NOOP(
                "validation", "A Partner ID is up to 10 digits, like 4847383; “{value}” is not."
            ),
            context=CONTEXT,
            value=partner_id,
        )
    if data.domain.strip():
        domain_error = domain_name_problem(data.domain)
        if domain_error is not None:
            errors["domain"] = domain_error
    texts = {"name": data.name, "tenant_id": data.tenant_id, "partner_id": data.partner_id}
    texts["domain"] = data.domain
    errors.update(
        text_problems(texts, {"name": 255, "tenant_id": 100, "partner_id": 100, "domain": 255})
    )
    return errors
