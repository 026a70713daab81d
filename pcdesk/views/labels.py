"""How the data model's vocabularies read in the interface (Partner Center's own words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pcdesk.models.enums import AgreementStatus, Relationship


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
