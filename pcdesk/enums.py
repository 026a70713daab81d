"""The closed vocabularies of pcdesk (Partner Center's own values), shared by every layer: the
models store them as their string values, the services decide with them, the views name them."""

from __future__ import annotations

import enum


class PartnerType(enum.StrEnum):
    DIRECT_BILL = "direct_bill"
    INDIRECT_PROVIDER = "indirect_provider"
    INDIRECT_RESELLER = "indirect_reseller"


class PartnerCenterInstance(enum.StrEnum):
    GLOBAL = "global"
    US_GOVERNMENT = "us_government"
    CHINA_21VIANET = "china_21vianet"


class ResellerState(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class Relationship(enum.StrEnum):
    """Partner Center API values of a customer's relationship to the partner."""

    RESELLER = "reseller"
    NONE = "none"
    ADVISOR = "advisor"
    SYNDICATION = "syndication"
    MICROSOFT_SUPPORT = "microsoft_support"


class AccountStatus(enum.StrEnum):
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"  # new purchases and seat increases blocked until allowed
    DISABLED = "disabled"


class AgreementType(enum.StrEnum):
    MICROSOFT_CUSTOMER_AGREEMENT = "microsoft_customer_agreement"
    MICROSOFT_CLOUD_AGREEMENT = "microsoft_cloud_agreement"


class AgreementStatus(enum.StrEnum):
    ACCEPTED = "accepted"
    PENDING = "pending"  # the customer will accept in the Microsoft 365 admin center


class SubscriptionStatus(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class PartnerRole(enum.StrEnum):
    """The Partner Center roles that decide who may do what (partner-center.md, "Partner roles")."""

    GLOBAL_ADMIN = "global_admin"
    ADMIN_AGENT = "admin_agent"
    SALES_AGENT = "sales_agent"
    HELPDESK_AGENT = "helpdesk_agent"
    BILLING_ADMIN = "billing_admin"


class RequestStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"
