"""How the data model's vocabularies read in the interface (Partner Center's own words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pcdesk.enums import (
    AccountStatus,
    AgreementStatus,
    Relationship,
    RequestStatus,
    SubscriptionStatus,
)


def relationship_label(value: Relationship) -> str:
    return {
        Relationship.RESELLER: QCoreApplication.translate("labels", "Reseller"),
        Relationship.NONE: QCoreApplication.translate("labels", "None"),
        Relationship.ADVISOR: QCoreApplication.translate("labels", "Advisor"),
        Relationship.SYNDICATION: QCoreApplication.translate("labels", "Syndication"),
        Relationship.MICROSOFT_SUPPORT: QCoreApplication.translate("labels", "Microsoft support"),
    }[value]


def agreement_label(value: AgreementStatus | None) -> str:
    if value is None:
        return QCoreApplication.translate("labels", "Not recorded")
    return {
        AgreementStatus.ACCEPTED: QCoreApplication.translate("labels", "Accepted"),
        AgreementStatus.PENDING: QCoreApplication.translate("labels", "Pending"),
    }[value]


def account_status_label(value: AccountStatus) -> str:
    return {
        AccountStatus.ACTIVE: QCoreApplication.translate("labels", "Active"),
        AccountStatus.UNDER_REVIEW: QCoreApplication.translate("labels", "Under review"),
        AccountStatus.DISABLED: QCoreApplication.translate("labels", "Disabled"),
    }[value]


def subscription_status_label(value: SubscriptionStatus) -> str:
    return {
        SubscriptionStatus.ACTIVE: QCoreApplication.translate("labels", "Active"),
        SubscriptionStatus.SUSPENDED: QCoreApplication.translate("labels", "Suspended"),
        SubscriptionStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }[value]


def request_status_label(value: RequestStatus) -> str:
    return {
        RequestStatus.PENDING: QCoreApplication.translate("labels", "Pending"),
        RequestStatus.ACCEPTED: QCoreApplication.translate("labels", "Accepted"),
        RequestStatus.CANCELLED: QCoreApplication.translate("labels", "Cancelled"),
    }[value]
