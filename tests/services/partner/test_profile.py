"""The partner profile service: one row, validated, with the role's permissions."""

from __future__ import annotations

import pytest

from pcdesk.errors import ValidationFailed
from pcdesk.models import PartnerCenterInstance, PartnerType
from pcdesk.models.database import Database
from pcdesk.services.audit import customer_history
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.profile import get_partner_profile, set_partner_profile

PROFILE = PartnerProfileInput(
    name="Fabrikam Cloud Partners",
    tenant_id="{6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}",
    partner_id="4847383",
    partner_type=PartnerType.INDIRECT_PROVIDER,
    domain="Fabrikam-Cloud.example",
)


def test_there_is_no_profile_before_the_first_start(db: Database) -> None:
    assert get_partner_profile(db) is None


def test_the_profile_is_saved_normalised_and_updated_in_place(db: Database) -> None:
    saved = set_partner_profile(db, PROFILE, actor="admin")
    assert saved.tenant_id == "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    assert saved.domain == "fabrikam-cloud.example"
    assert saved.has_resellers and saved.can_add_customers
    changed = set_partner_profile(
        db,
        PartnerProfileInput(
            "Fabrikam",
            PROFILE.tenant_id,
            "4847383",
            PartnerType.INDIRECT_RESELLER,
            PartnerCenterInstance.US_GOVERNMENT,
        ),
    )
    assert get_partner_profile(db) == changed
    assert not changed.can_add_customers
    assert changed.instance is PartnerCenterInstance.US_GOVERNMENT
    assert changed.domain == ""


def test_a_bad_profile_is_refused_and_nothing_is_saved(db: Database) -> None:
    with pytest.raises(ValidationFailed) as refused:
        set_partner_profile(db, PartnerProfileInput("", "12345", "MPN-1", PartnerType.DIRECT_BILL))
    assert set(refused.value.errors) == {"name", "tenant_id", "partner_id"}
    assert get_partner_profile(db) is None
    assert customer_history(db, 1) == ()
