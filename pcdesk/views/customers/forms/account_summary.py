"""How a customer's account reads when it is shown rather than edited.

Shared by the Add customer wizard's Review page and the customer detail pane's Account and
Agreement tabs, so a customer reads the same before and after it is saved.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.validation import culture_label, format_address
from pcdesk.views.common.dates import date_time_text
from pcdesk.views.common.ui_locale import ui_locale

Rows = list[tuple[str, list[str]]]


def long_date(value: dt.date) -> str:
    """A calendar day as the user's locale writes it in full ("March 14, 2025")."""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )


def local_date_time(value: dt.datetime) -> str:
    """A stored moment (UTC) in the workstation's time zone, short ("3/14/25, 9:05 AM")."""
    return date_time_text(value)


def _east_asian(text: str) -> bool:
    return any(
        "\u1100" <= ch <= "\u11ff"  # Hangul Jamo
        or "\u3040" <= ch <= "\u30ff"  # Hiragana, Katakana
        or "\u3400" <= ch <= "\u9fff"  # CJK ideographs
        or "\uac00" <= ch <= "\ud7af"  # Hangul syllables
        for ch in text
    )


def person(first: str, last: str) -> str:
    """A name as its own script writes it: "Ana Trujillo", but "陳美玲" (family name first)."""
    if first and last and _east_asian(first + last):
        return last + first
    return " ".join(part for part in (first, last) if part)


def agreement_text(agreement: AgreementInput) -> str:
    """The attestation in one sentence: who accepted it when, or that it is pending."""
    if agreement.accepted and agreement.date_accepted is not None:
        return QCoreApplication.translate(
            "account_summary", "Accepted by {signer} ({email}) on {date}"
        ).format(
            signer=person(agreement.signer_first_name, agreement.signer_last_name),
            email=agreement.signer_email,
            date=long_date(agreement.date_accepted),
        )
    return QCoreApplication.translate(
        "account_summary", "Pending: the customer will accept it in the Microsoft 365 admin center"
    )


def account_rows(data: CustomerInput, reseller: str) -> Rows:
    """Label and value lines of an account, in the order Account info asks for them."""
    address = format_address(
        data.country,
        data.address_line1,
        data.address_line2,
        data.city,
        data.state,
        data.postal_code,
        locale=ui_locale(),
    )
    contact = person(data.contact_first_name, data.contact_last_name)
    rows: Rows = [
        (QCoreApplication.translate("account_summary", "Company name"), [data.company_name]),
        (QCoreApplication.translate("account_summary", "Address"), address),
        (
            QCoreApplication.translate("account_summary", "Primary contact"),
            [contact, data.contact_email, data.contact_phone],
        ),
        (
            QCoreApplication.translate("account_summary", "Domain"),
            [data.domain_prefix + ONMICROSOFT],
        ),
        (
            QCoreApplication.translate("account_summary", "Language"),
            [culture_label(data.culture, ui_locale())],
        ),
    ]
    if data.organization_registration_id:
        rows.append(
            (
                QCoreApplication.translate("account_summary", "Organization registration ID"),
                [data.organization_registration_id],
            )
        )
    if reseller:
        rows.append(
            (QCoreApplication.translate("account_summary", "Indirect reseller"), [reseller])
        )
    return rows


def agreement_row(agreement: AgreementInput) -> tuple[str, list[str]]:
    return (
        QCoreApplication.translate("account_summary", "Microsoft Customer Agreement"),
        [agreement_text(agreement)],
    )


def summary_table(rows: Rows, label_width: int = 0) -> str:
    """Label/value rows as rich text; every value is escaped (names come from users).
    ``label_width`` (pixels) lines up the values of several tables shown one under another."""
    width = f" width='{label_width}'" if label_width else ""
    body = "".join(
        "<tr><td{width} style='padding-right:16px; vertical-align:top; white-space:nowrap'>"
        "{label}</td>"
        "<td>{value}</td></tr>".format(
            width=width,
            label=html.escape(label),
            value="<br>".join(html.escape(value) for value in values if value),
        )
        for label, values in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"
