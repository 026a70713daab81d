"""The data model: typed tables, the engine and the schema's migrations. No Qt here.

The modules of mapped classes do without ``from __future__ import annotations``: SQLAlchemy
would evaluate each column's annotation from its text when the class is made, 5 ms of every
start (tests/test_startup.py keeps them so). A class named before it is defined is quoted.
"""

from pcdesk.models.audit import AuditEvent
from pcdesk.models.base import Base, utc_now
from pcdesk.models.catalog import CatalogOffer
from pcdesk.models.customer import AgreementAcceptance, Customer
from pcdesk.models.enums import (
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
from pcdesk.models.keys import fold
from pcdesk.models.partner import IndirectReseller, PartnerProfile
from pcdesk.models.partner_center import (
    PartnerCenterConflict,
    PartnerCenterCustomer,
    PartnerCenterOutbox,
    PartnerCenterSync,
)
from pcdesk.models.relationship import RelationshipRequest
from pcdesk.models.subscription import Subscription
from pcdesk.models.team import TeamMember

__all__ = [
    "AccountStatus",
    "AgreementAcceptance",
    "AgreementStatus",
    "AgreementType",
    "AuditEvent",
    "Base",
    "CatalogOffer",
    "Customer",
    "IndirectReseller",
    "PartnerCenterConflict",
    "PartnerCenterCustomer",
    "PartnerCenterInstance",
    "PartnerCenterOutbox",
    "PartnerCenterSync",
    "PartnerProfile",
    "PartnerRole",
    "PartnerType",
    "Relationship",
    "RelationshipRequest",
    "RequestStatus",
    "ResellerState",
    "Subscription",
    "SubscriptionStatus",
    "TeamMember",
    "fold",
    "utc_now",
]
