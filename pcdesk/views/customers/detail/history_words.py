"""Audit events in words: what happened, and its details, as the History tab shows them.

Actions this module does not know (a later version's) are shown by their name, with their
details as they were recorded, rather than hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from pcdesk.enums import AccountStatus, AgreementStatus, Relationship
from pcdesk.services.audit import AuditEntry
from pcdesk.services.validation import country_name, culture_label
from pcdesk.views.common.labels import account_status_label, agreement_label, relationship_label
from pcdesk.views.common.money import term_label
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.account_summary import long_date


def action_text(action: str) -> str:
    texts = {
        "customer.created": QCoreApplication.translate("history", "Customer added"),
        "customer.updated": QCoreApplication.translate("history", "Account changed"),
        "customer.imported": QCoreApplication.translate("history", "Customer imported"),
        "agreement.accepted": QCoreApplication.translate(
            "history", "Agreement acceptance recorded"
        ),
        "subscription.created": QCoreApplication.translate("history", "Subscription ordered"),
        "subscription.quantity_changed": QCoreApplication.translate("history", "Licenses changed"),
        "subscription.suspended": QCoreApplication.translate("history", "Subscription suspended"),
        "subscription.reactivated": QCoreApplication.translate(
            "history", "Subscription reactivated"
        ),
        "subscription.cancelled": QCoreApplication.translate("history", "Subscription cancelled"),
        "relationship.requested": QCoreApplication.translate("history", "Relationship requested"),
        "relationship.request_updated": QCoreApplication.translate(
            "history", "Relationship request changed"
        ),
        "relationship.removed": QCoreApplication.translate("history", "Relationship removed"),
        "relationship.accepted": QCoreApplication.translate(
            "history", "Relationship request accepted"
        ),
        "relationship.request_cancelled": QCoreApplication.translate(
            "history", "Relationship request cancelled"
        ),
        "relationship.requests_answered": QCoreApplication.translate(
            "history", "Other relationship requests accepted"
        ),
        # Partner Center's sync (pcdesk/partner_center)
        "customer.synced_added": QCoreApplication.translate("history", "Added from Partner Center"),
        "customer.synced": QCoreApplication.translate("history", "Changed in Partner Center"),
        "customer.sync_conflict": QCoreApplication.translate(
            "history", "Changed both here and in Partner Center (a conflict to settle)"
        ),
        "customer.conflict_settled": QCoreApplication.translate("history", "Sync conflict settled"),
        "customer.gone_from_partner_center": QCoreApplication.translate(
            "history", "No longer in Partner Center"
        ),
        "subscription.synced_added": QCoreApplication.translate(
            "history", "Subscription found in Partner Center"
        ),
        "subscription.synced": QCoreApplication.translate(
            "history", "Subscription changed in Partner Center"
        ),
        # Writes sent to Partner Center (the outbox)
        "partner_center.sent": QCoreApplication.translate(
            "history", "Change made in Partner Center"
        ),
        "customer.refused_by_partner_center": QCoreApplication.translate(
            "history", "Refused by Partner Center (not added)"
        ),
    }
    return texts.get(action, action)


def field_label(name: str) -> str:
    labels = {
        "company_name": QCoreApplication.translate("history", "Company name"),
        "country": QCoreApplication.translate("history", "Country/region"),
        "address_line1": QCoreApplication.translate("history", "Address line 1"),
        "address_line2": QCoreApplication.translate("history", "Address line 2"),
        "city": QCoreApplication.translate("history", "City"),
        "state": QCoreApplication.translate("history", "State/province"),
        "postal_code": QCoreApplication.translate("history", "Postal code"),
        "contact_first_name": QCoreApplication.translate("history", "First name"),
        "contact_last_name": QCoreApplication.translate("history", "Last name"),
        "contact_email": QCoreApplication.translate("history", "Email"),
        "contact_phone": QCoreApplication.translate("history", "Phone"),
        "language": QCoreApplication.translate("history", "Language"),
        "culture": QCoreApplication.translate("history", "Language"),
        "organization_registration_id": QCoreApplication.translate(
            "history", "Organization registration ID"
        ),
        "indirect_reseller_id": QCoreApplication.translate("history", "Indirect reseller"),
        "tags": QCoreApplication.translate("history", "Tags"),
        "relationship": QCoreApplication.translate("history", "Relationship"),
        "account_status": QCoreApplication.translate("history", "Account status"),
        "agreement": QCoreApplication.translate("history", "Customer agreement"),
        "microsoft_id": QCoreApplication.translate("history", "Microsoft ID"),
    }
    return labels.get(name, name)


def _value(name: str, value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("history", "(empty)")
    if name == "country":
        return country_name(str(value), ui_locale())
    if name == "culture":
        return culture_label(str(value), ui_locale())
    if name == "relationship" and value in set(Relationship):
        return relationship_label(Relationship(value))
    if name == "account_status" and value in set(AccountStatus):
        return account_status_label(AccountStatus(value))
    if name == "agreement" and value in set(AgreementStatus):
        return agreement_label(AgreementStatus(value))
    if name == "indirect_reseller_id":
        return QCoreApplication.translate("history", "reseller {id}").format(id=value)
    return str(value)


def _count(value: Any) -> str:
    try:
        return QLocale().toString(int(value))
    except (TypeError, ValueError):
        return str(value)


def _date(value: Any) -> str:
    try:
        return long_date(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def details_text(action: str, details: Mapping[str, Any]) -> str:
    """The details of an event in a line of words."""
    title = str(details.get("title", ""))
    if action == "customer.created":
        agreement = (
            QCoreApplication.translate("history", "agreement accepted")
            if details.get("agreement") == "accepted"
            else QCoreApplication.translate("history", "agreement pending")
        )
        return (
            ", ".join(
                part
                for part in (str(details.get("company_name", "")), str(details.get("domain", "")))
                if part
            )
            + (f"; {agreement}" if "agreement" in details else "")
            + (
                "; "
                + QCoreApplication.translate("history", "from an accepted relationship request")
                if details.get("source") == "relationship_request"
                else ""
            )
        )
    if action == "customer.imported":
        return QCoreApplication.translate("history", "{customer}; from {file}, line {line}").format(
            customer=", ".join(
                str(details.get(key, "")) for key in ("company_name", "domain") if details.get(key)
            ),
            file=details.get("file", ""),
            line=_count(details.get("line", "")),
        )
    if action == "customer.updated":
        changes = []
        for name, change in details.items():
            if name == "language" and "culture" in details:
                continue  # the culture says it better
            if isinstance(change, list | tuple) and len(change) == 2:
                changes.append(
                    QCoreApplication.translate("history", "{field}: {old} → {new}").format(
                        field=field_label(name),
                        old=_value(name, change[0]),
                        new=_value(name, change[1]),
                    )
                )
        if "imported_from" in details:  # customers/customer_import.py
            changes.append(
                QCoreApplication.translate("history", "from {file}, line {line}").format(
                    file=details["imported_from"], line=_count(details.get("line", ""))
                )
            )
        return "; ".join(changes)
    if action == "agreement.accepted":
        return QCoreApplication.translate(
            "history", "Signed by {signer} ({email}) on {date}"
        ).format(
            signer=str(details.get("signer", "")).strip(),
            email=details.get("signer_email", ""),
            date=_date(details.get("date_accepted", "")),
        )
    if action == "subscription.created":
        return QCoreApplication.translate("history", "{offer}: {count} licenses, {term}").format(
            offer=title,
            count=_count(details.get("quantity", "")),
            term=term_label(str(details.get("term", ""))),
        )
    if action == "subscription.quantity_changed":
        return QCoreApplication.translate("history", "{offer}: {old} → {new} licenses").format(
            offer=title, old=_count(details.get("from", "")), new=_count(details.get("to", ""))
        )
    if action in ("relationship.requested", "relationship.request_updated"):
        language = culture_label(str(details.get("language", "")), ui_locale())
        if details.get("recipient"):
            return QCoreApplication.translate("history", "To {recipient}, in {language}").format(
                recipient=details["recipient"], language=language
            )
        return QCoreApplication.translate("history", "In {language}").format(language=language)
    if action == "relationship.accepted":
        customer = (
            QCoreApplication.translate("history", "customer added")
            if details.get("customer") == "added"
            else QCoreApplication.translate("history", "customer linked")
        )
        return f"{details.get('domain', '')}, {details.get('microsoft_id', '')}; {customer}"
    if action == "relationship.removed":  # services/relationship_removal.py: what it was
        return QCoreApplication.translate("history", "{field}: {old} → {new}").format(
            field=field_label("relationship"),
            old=_value("relationship", details.get("relationship")),
            new=_value("relationship", Relationship.NONE.value),
        )
    if action == "relationship.request_cancelled":
        return str(details.get("prospect", ""))
    if action == "relationship.requests_answered":  # services/relationship_acceptance.py
        answered = details.get("request_ids")
        count = len(answered) if isinstance(answered, list) else 0
        if count == 1:
            return QCoreApplication.translate(
                "history", "1 other pending request: the customer accepted the same invitation"
            )
        return QCoreApplication.translate(
            "history",
            "%Ln other pending requests: the customer accepted the same invitation",
            "",
            count,
        )
    if action in ("subscription.suspended", "subscription.reactivated", "subscription.cancelled"):
        return QCoreApplication.translate("history", "{offer} ({count} licenses)").format(
            offer=title, count=_count(details.get("quantity", ""))
        )
    return "; ".join(f"{name}: {value}" for name, value in details.items())


def entry_texts(entry: AuditEntry) -> tuple[str, str]:
    """(what, details) of an audit event."""
    return action_text(entry.action), details_text(entry.action, entry.details)
