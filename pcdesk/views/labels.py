"""How the data model's vocabularies read in the interface (Partner Center's own words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pcdesk.models.enums import (
    AccountStatus,
    AgreementStatus,
    Relationship,
    RequestStatus,
    SubscriptionStatus,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def relationship_label(value: Relationship) -> str:
    return {
        Relationship.RESELLER: _tr("Reseller"),
        Relationship.NONE: _tr("None"),
        Relationship.ADVISOR: _tr("Advisor"),
        Relationship.SYNDICATION: _tr("Syndication"),
        Relationship.MICROSOFT_SUPPORT: _tr("Microsoft support"),
    }[value]


def agreement_label(value: AgreementStatus | None) -> str:
    if value is None:
        return _tr("Not recorded")
    return {
        AgreementStatus.ACCEPTED: _tr("Accepted"),
        AgreementStatus.PENDING: _tr("Pending"),
    }[value]


def account_status_label(value: AccountStatus) -> str:
    return {
        AccountStatus.ACTIVE: _tr("Active"),
        AccountStatus.UNDER_REVIEW: _tr("Under review"),
        AccountStatus.DISABLED: _tr("Disabled"),
    }[value]


def subscription_status_label(value: SubscriptionStatus) -> str:
    return {
        SubscriptionStatus.ACTIVE: _tr("Active"),
        SubscriptionStatus.SUSPENDED: _tr("Suspended"),
        SubscriptionStatus.CANCELLED: _tr("Cancelled"),
    }[value]


def request_status_label(value: RequestStatus) -> str:
    return {
        RequestStatus.PENDING: _tr("Pending"),
        RequestStatus.ACCEPTED: _tr("Accepted"),
        RequestStatus.CANCELLED: _tr("Cancelled"),
    }[value]
