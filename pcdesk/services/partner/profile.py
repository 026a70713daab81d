"""The partner's own profile: who is using pcdesk, and which Partner Center role it plays."""

from __future__ import annotations

from dataclasses import dataclass

from pcdesk.errors import ValidationFailed
from pcdesk.models import PartnerCenterInstance, PartnerProfile, PartnerType
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.actor import current_user
from pcdesk.services.validation import normalize_guid, validate_partner_profile


@dataclass(frozen=True)
class PartnerProfileData:
    name: str
    tenant_id: str
    partner_id: str
    partner_type: PartnerType
    instance: PartnerCenterInstance
    domain: str

    @property
    def can_add_customers(self) -> bool:
        """Indirect resellers cannot add customers; they can only request relationships."""
        return self.partner_type is not PartnerType.INDIRECT_RESELLER

    @property
    def has_resellers(self) -> bool:
        return self.partner_type is PartnerType.INDIRECT_PROVIDER


def get_partner_profile(db: Database) -> PartnerProfileData | None:
    """The profile, or None before the first start has asked for it."""
    with db.reading() as session:
        row = session.get(PartnerProfile, 1)
        return None if row is None else _data(row)


def set_partner_profile(
    db: Database, data: PartnerProfileInput, *, actor: str | None = None
) -> PartnerProfileData:
    """Validate and save the profile (creating it the first time). Raises ValidationFailed."""
    errors = validate_partner_profile(data)
    if errors:
        raise ValidationFailed(errors)
    actor = actor or current_user(db)
    with db.writing() as session:
        row = session.get(PartnerProfile, 1)
        if row is None:
            row = PartnerProfile(id=1)
            session.add(row)
        row.name = data.name.strip()
        row.tenant_id = normalize_guid(data.tenant_id) or data.tenant_id
        row.partner_id = data.partner_id.strip()
        row.partner_type = data.partner_type
        row.instance = data.instance
        row.domain = data.domain.strip().lower() or None
        row.updated_by = actor
        session.flush()
        audit.record(session, actor, "partner.profile_saved", name=row.name, type=row.partner_type)
        return _data(row)


def _data(row: PartnerProfile) -> PartnerProfileData:
    return PartnerProfileData(
        name=row.name,
        tenant_id=row.tenant_id,
        partner_id=row.partner_id,
        partner_type=row.partner_type,
        instance=row.instance,
        domain=row.domain or "",
    )
