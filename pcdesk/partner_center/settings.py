"""Partner Center settings of the partner profile: the app's client ID and the instance."""

from __future__ import annotations

from dataclasses import dataclass

from pcdesk.errors import NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import PartnerCenterInstance, PartnerProfile
from pcdesk.models.database import Database
from pcdesk.partner_center.errors import pc_message
from pcdesk.services.partner.actor import current_user
from pcdesk.services.validation.partner import normalize_guid


@dataclass(frozen=True)
class PartnerCenterSettings:
    app_id: str | None
    instance: PartnerCenterInstance
    tenant_id: str | None  # the partner's tenant: the sign-in authority


def load(db: Database) -> PartnerCenterSettings:
    with db.reading() as session:
        profile = session.get(PartnerProfile, 1)
        if profile is None:
            return PartnerCenterSettings(None, PartnerCenterInstance.GLOBAL, None)
        return PartnerCenterSettings(
            profile.partner_center_app_id, profile.instance, profile.tenant_id or None
        )


def app_id_message() -> Message:
    return pc_message(
        QT_TRANSLATE_NOOP(
            "partner_center",
            "The application ID is a GUID, such as 1950a258-227b-4e31-a9cf-717495945fc2.",
        )
    )


def save(
    db: Database, app_id: str, instance: PartnerCenterInstance, *, actor: str | None = None
) -> PartnerCenterSettings:
    """Store the app ID (a GUID, or empty to clear it) and the instance."""
    text = app_id.strip()
    normalized = normalize_guid(text) if text else None
    if text and normalized is None:
        raise ValidationFailed({"partner_center_app_id": app_id_message()})
    with db.writing() as session:
        profile = session.get(PartnerProfile, 1)
        if profile is None:
            raise NotFound(
                pc_message(QT_TRANSLATE_NOOP("partner_center", "Enter the partner profile first."))
            )
        profile.partner_center_app_id = normalized
        profile.instance = instance
        profile.updated_by = actor or current_user(db)
    return load(db)
