"""How the vocabularies (pcdesk/enums.py) are stored: as portable VARCHAR columns."""

from __future__ import annotations

import enum

from sqlalchemy import Enum as SAEnum

from pcdesk.enums import (
    AccountStatus,
    AgreementStatus,
    AgreementType,
    PartnerCenterInstance,
    PartnerRole,
    PartnerType,
    Relationship,
    RequestStatus,
    ResellerState,
    SubscriptionStatus,
)

__all__ = [
    "AccountStatus",
    "AgreementStatus",
    "AgreementType",
    "PartnerCenterInstance",
    "PartnerRole",
    "PartnerType",
    "Relationship",
    "RequestStatus",
    "ResellerState",
    "SubscriptionStatus",
    "enum_column",
]


def enum_column(enum_type: type[enum.StrEnum]) -> SAEnum:
    """A portable VARCHAR column holding ``enum_type``'s values (not its member names).

    Non-native so a new value is a code change, not an ``ALTER TYPE`` on PostgreSQL; the CHECK
    constraint still keeps foreign values out of the database.
    """
    return SAEnum(
        enum_type,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        name=enum_type.__name__.lower(),
    )
