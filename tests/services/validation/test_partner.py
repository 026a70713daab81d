"""The partner's own profile, and GUIDs."""

from __future__ import annotations

import pytest

from pcdesk.models.enums import PartnerType
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.validation import normalize_guid, validate_partner_profile

PROFILE = PartnerProfileInput(
    name="Fabrikam Cloud Services Co., Ltd.",
    tenant_id="72f988bf-86f1-41af-91ab-2d7cd011db47",
    partner_id="4847383",
    partner_type=PartnerType.DIRECT_BILL,
    domain="fabrikam.com.tw",
)


def test_real_profile_passes() -> None:
    assert validate_partner_profile(PROFILE) == {}


def test_domain_is_optional() -> None:
    profile = PartnerProfileInput("微軟", PROFILE.tenant_id, "1", PartnerType.INDIRECT_PROVIDER)
    assert validate_partner_profile(profile) == {}


def test_every_field_is_checked() -> None:
    profile = PartnerProfileInput(
        name="Inc",
        tenant_id="72f988bf-86f1-41af-91ab",
        partner_id="48473830000",
        partner_type=PartnerType.DIRECT_BILL,
        domain="fabrikam",
    )
    assert validate_partner_profile(profile) == {
        "name": "“Inc” alone is not a company name; enter the name before it.",
        "tenant_id": (
            "“72f988bf-86f1-41af-91ab” is not a Microsoft ID, a GUID like "
            "72f988bf-86f1-41af-91ab-2d7cd011db47."
        ),
        "partner_id": "A Partner ID is up to 10 digits, like 4847383; “48473830000” is not.",
        "domain": "“fabrikam” is not a domain name, like contoso.com.",
    }


def test_missing_ids() -> None:
    profile = PartnerProfileInput("Fabrikam", " ", "", PartnerType.DIRECT_BILL)
    assert validate_partner_profile(profile) == {
        "tenant_id": "Enter your Microsoft ID (tenant ID).",
        "partner_id": "Enter your Partner ID (MPN ID).",
    }


@pytest.mark.parametrize("partner_id", ["1", "4847383", "1234567890"])
def test_partner_ids_of_1_to_10_digits_pass(partner_id: str) -> None:
    profile = PartnerProfileInput(
        "Fabrikam", PROFILE.tenant_id, partner_id, PartnerType.DIRECT_BILL
    )
    assert validate_partner_profile(profile) == {}


@pytest.mark.parametrize("partner_id", ["MPN-4847383", "48 47 383", "4847383.0", "-1"])
def test_partner_ids_with_other_characters_fail(partner_id: str) -> None:
    profile = PartnerProfileInput(
        "Fabrikam", PROFILE.tenant_id, partner_id, PartnerType.DIRECT_BILL
    )
    assert "partner_id" in validate_partner_profile(profile)


@pytest.mark.parametrize(
    "value",
    [
        "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
        "{72f988bf-86f1-41af-91ab-2d7cd011db47}",
        " {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ",
        "72f988bf86f141af91ab2d7cd011db47",
    ],
)
def test_normalize_guid_accepts_the_usual_spellings(value: str) -> None:
    assert normalize_guid(value) == "72f988bf-86f1-41af-91ab-2d7cd011db47"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "contoso",
        "72f988bf-86f1-41af-91ab-2d7cd011db4",
        "72f988bf-86f1-41af-91ab-2d7cd011db47g",
        "{72f988bf-86f1-41af-91ab-2d7cd011db47",
        "urn:uuid:72f988bf-86f1-41af-91ab-2d7cd011db47",
    ],
)
def test_normalize_guid_refuses_what_is_not_a_guid(value: str) -> None:
    assert normalize_guid(value) is None
