"""Audit events in words: what happened, and its details, as the History tab shows them.

Actions this module does not know (a later version's) are shown by their name, with their
details as they were recorded, rather than hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from pcdesk.services.audit import AuditEntry
from pcdesk.services.validation import country_name, culture_label
from pcdesk.views.account_summary import long_date
from pcdesk.views.money import term_label
from pcdesk.views.ui_locale import ui_locale


def _tr(text: str) -> str:
    return QCoreApplication.translate("history", text)


def action_text(action: str) -> str:
    texts = {
        "customer.created": _tr("Customer added"),
        "customer.updated": _tr("Account changed"),
        "agreement.accepted": _tr("Agreement acceptance recorded"),
        "subscription.created": _tr("Subscription ordered"),
        "subscription.quantity_changed": _tr("Licenses changed"),
        "subscription.suspended": _tr("Subscription suspended"),
        "subscription.reactivated": _tr("Subscription reactivated"),
        "subscription.cancelled": _tr("Subscription cancelled"),
        "relationship.requested": _tr("Relationship requested"),
        "relationship.removed": _tr("Relationship removed"),
    }
    return texts.get(action, action)


def field_label(name: str) -> str:
    labels = {
        "company_name": _tr("Company name"),
        "country": _tr("Country/region"),
        "address_line1": _tr("Address line 1"),
        "address_line2": _tr("Address line 2"),
        "city": _tr("City"),
        "state": _tr("State/province"),
        "postal_code": _tr("Postal code"),
        "contact_first_name": _tr("First name"),
        "contact_last_name": _tr("Last name"),
        "contact_email": _tr("Email"),
        "contact_phone": _tr("Phone"),
        "language": _tr("Language"),
        "culture": _tr("Language"),
        "organization_registration_id": _tr("Organization registration ID"),
        "indirect_reseller_id": _tr("Indirect reseller"),
        "tags": _tr("Tags"),
    }
    return labels.get(name, name)


def _value(name: str, value: Any) -> str:
    if value is None or value == "":
        return _tr("(empty)")
    if name == "country":
        return country_name(str(value), ui_locale())
    if name == "culture":
        return culture_label(str(value), ui_locale())
    if name == "indirect_reseller_id":
        return _tr("reseller {id}").format(id=value)
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
            _tr("agreement accepted")
            if details.get("agreement") == "accepted"
            else _tr("agreement pending")
        )
        return ", ".join(
            part
            for part in (str(details.get("company_name", "")), str(details.get("domain", "")))
            if part
        ) + (f"; {agreement}" if "agreement" in details else "")
    if action == "customer.updated":
        changes = []
        for name, change in details.items():
            if name == "language" and "culture" in details:
                continue  # the culture says it better
            if isinstance(change, list | tuple) and len(change) == 2:
                changes.append(
                    _tr("{field}: {old} → {new}").format(
                        field=field_label(name),
                        old=_value(name, change[0]),
                        new=_value(name, change[1]),
                    )
                )
        return "; ".join(changes)
    if action == "agreement.accepted":
        return _tr("Signed by {signer} ({email}) on {date}").format(
            signer=str(details.get("signer", "")).strip(),
            email=details.get("signer_email", ""),
            date=_date(details.get("date_accepted", "")),
        )
    if action == "subscription.created":
        return _tr("{offer}: {count} licenses, {term}").format(
            offer=title,
            count=_count(details.get("quantity", "")),
            term=term_label(str(details.get("term", ""))),
        )
    if action == "subscription.quantity_changed":
        return _tr("{offer}: {old} → {new} licenses").format(
            offer=title, old=_count(details.get("from", "")), new=_count(details.get("to", ""))
        )
    if action in ("subscription.suspended", "subscription.reactivated", "subscription.cancelled"):
        return _tr("{offer} ({count} licenses)").format(
            offer=title, count=_count(details.get("quantity", ""))
        )
    return "; ".join(f"{name}: {value}" for name, value in details.items())


def entry_texts(entry: AuditEntry) -> tuple[str, str]:
    """(what, details) of an audit event."""
    return action_text(entry.action), details_text(entry.action, entry.details)
