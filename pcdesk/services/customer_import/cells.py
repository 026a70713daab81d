"""One row of a customer list to import, read and checked on its own.

What does not depend on the database is checked here: a GUID, a company name, an initial
domain, a relationship, tags, and a pcdesk row's account details and dates. Whether a customer
exists, and the account rules that need the partner's profile, are the preview's
(services/customer_import_preview.py).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import AccountStatus, AgreementType, Relationship
from pcdesk.services.customer_import.columns import (
    DETAIL_KEYS,
    Layout,
    column_header,
    import_message,
)
from pcdesk.services.customer_list.export import RELATIONSHIP_LABELS
from pcdesk.services.customers.create import normalized, with_stored_address
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.validation import (
    company_name_problem,
    domain_name_problem,
    domain_prefix_problem,
    normalize_guid,
)
from pcdesk.services.validation.domain import INITIAL_DOMAIN_SUFFIX

TAGS_MAX_LENGTH = 1000  # Customer.tags

_RELATIONSHIPS: dict[str, Relationship] = {
    **{relationship.value.casefold(): relationship for relationship in Relationship},
    **{label.casefold(): relationship for relationship, label in RELATIONSHIP_LABELS.items()},
}


@dataclass(frozen=True, slots=True)
class AccountColumns:
    """What a pcdesk row holds beyond Partner Center's columns, normalised as stored."""

    account: CustomerInput  # normalised; indirect_reseller_id is left None (see reseller)
    reseller_partner_id: str  # "" for none; the preview finds the reseller by it
    agreement: AgreementInput | None  # None: no attestation recorded
    agreement_type: AgreementType
    created_at: dt.datetime | None
    created_by: str


@dataclass(frozen=True, slots=True)
class ReadRow:
    """One row of the file, read and checked as far as the file alone allows."""

    line: int
    microsoft_id: str  # canonical when it is a GUID, else as written
    company_name: str
    domain: str  # as written, trimmed and lower-case
    domain_prefix: str  # "" when the domain is not an initial (onmicrosoft.com) domain
    relationship: Relationship | None
    tags: str | None  # None when the file has no Tags column
    account_status: AccountStatus | None  # pcdesk rows only
    details: AccountColumns | None  # pcdesk rows with an account's details
    problem: Message | None  # why the row cannot be imported, whatever the database holds


class _Problem(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _in_column(key: str, problem: Message) -> Message:
    return import_message(
        QT_TRANSLATE_NOOP("customer_import", "{column}: {problem}"),
        column=column_header(key),
        problem=problem,
    )


def _microsoft_id(value: str) -> str:
    if not value:
        raise _Problem(
            import_message(QT_TRANSLATE_NOOP("customer_import", "The Microsoft ID is empty."))
        )
    guid = normalize_guid(value)
    if guid is None:
        raise _Problem(
            import_message(
                QT_TRANSLATE_NOOP("customer_import", "“{value}” is not a Microsoft ID (a GUID)."),
                value=value,
            )
        )
    return guid


def _domain(value: str) -> str:
    """The initial domain's prefix, or "" for another (custom) domain name."""
    if not value:
        raise _Problem(
            import_message(
                QT_TRANSLATE_NOOP("customer_import", "The primary domain name is empty.")
            )
        )
    if value.endswith(INITIAL_DOMAIN_SUFFIX):
        prefix = value[: -len(INITIAL_DOMAIN_SUFFIX)]
        problem = domain_prefix_problem(prefix)
        if problem is not None:
            raise _Problem(_in_column("domain", problem))
        return prefix
    problem = domain_name_problem(value)
    if problem is not None:
        raise _Problem(_in_column("domain", problem))
    return ""


def _relationship(value: str) -> Relationship:
    found = _RELATIONSHIPS.get(value.casefold())
    if found is None:
        raise _Problem(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import", "“{value}” is not a relationship (one of {known})."
                ),
                value=value,
                known=", ".join(RELATIONSHIP_LABELS.values()),
            )
        )
    return found


def _tags(value: str) -> str:
    tags = ", ".join(tag.strip() for tag in value.split(",") if tag.strip())
    if len(tags) > TAGS_MAX_LENGTH:
        raise _Problem(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import", "Tags: at most {limit} characters; these have {count}."
                ),
                limit=TAGS_MAX_LENGTH,
                count=len(tags),
            )
        )
    return tags


_E = TypeVar("_E", bound=enum.StrEnum)


def _choice(kind: type[_E], key: str, value: str) -> _E:
    try:
        return kind(value.strip().lower())
    except ValueError:
        raise _Problem(
            _in_column(
                key,
                import_message(
                    QT_TRANSLATE_NOOP("customer_import", "“{value}” is not one of {known}."),
                    value=value,
                    known=", ".join(member.value for member in kind),
                ),
            )
        ) from None


def _date(key: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise _Problem(
            _in_column(
                key,
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import", "“{value}” is not a date like 2025-01-31."
                    ),
                    value=value,
                ),
            )
        ) from None


def _time(key: str, value: str) -> dt.datetime | None:
    """A time of the export's (UTC, "2025-01-31 14:05:00", which is ISO 8601), or None."""
    if not value.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise _Problem(
            _in_column(
                key,
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import", "“{value}” is not a time like 2025-01-31 14:05:00 (UTC)."
                    ),
                    value=value,
                ),
            )
        ) from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _agreement(cells: Mapping[str, str]) -> tuple[AgreementInput | None, AgreementType]:
    status = cells["agreement_status"].strip().lower()
    kind = cells["agreement_type"].strip()
    agreement_type = (
        _choice(AgreementType, "agreement_type", kind)
        if kind
        else AgreementType.MICROSOFT_CUSTOMER_AGREEMENT
    )
    if not status:
        return None, agreement_type
    if status == "pending":
        return AgreementInput(False), agreement_type
    if status != "accepted":
        raise _Problem(
            _in_column(
                "agreement_status",
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import", "“{value}” is not accepted, pending or empty."
                    ),
                    value=cells["agreement_status"],
                ),
            )
        )
    accepted = cells["date_accepted"].strip()
    return (
        AgreementInput(
            True,
            signer_first_name=cells["signer_first_name"].strip(),
            signer_last_name=cells["signer_last_name"].strip(),
            signer_email=cells["signer_email"].strip(),
            signer_phone=cells["signer_phone"].strip(),
            date_accepted=_date("date_accepted", accepted) if accepted else None,
        ),
        agreement_type,
    )


def _details(cells: Mapping[str, str], company_name: str, prefix: str, tags: str) -> AccountColumns:
    account = normalized(
        CustomerInput(
            company_name=company_name,
            country=cells["country"],
            address_line1=cells["address_line1"],
            address_line2=cells["address_line2"],
            city=cells["city"],
            state=cells["state"],
            postal_code=cells["postal_code"],
            contact_first_name=cells["contact_first_name"],
            contact_last_name=cells["contact_last_name"],
            contact_email=cells["contact_email"],
            contact_phone=cells["contact_phone"],
            domain_prefix=prefix,
            language=cells["language"],
            culture=cells["culture"],
            organization_registration_id=cells["organization_registration_id"],
            tags=tags,
        )
    )
    agreement, agreement_type = _agreement(cells)
    return AccountColumns(
        # State and city as stored ("California" -> "CA"), so an unchanged row compares equal.
        account=with_stored_address(account),
        reseller_partner_id=cells["indirect_reseller_partner_id"].strip(),
        agreement=agreement,
        agreement_type=agreement_type,
        created_at=_time("created_at", cells.get("created_at", "")),
        created_by=cells.get("created_by", "").strip(),
    )


def read_row(line: int, record: list[str], layout: Layout) -> ReadRow:
    pcdesk = layout.pcdesk
    cells = layout.cells(record)
    written_id = cells["microsoft_id"].strip()
    microsoft_id = written_id
    company_name = " ".join(cells["company_name"].split())
    domain = cells["domain"].strip().lower()
    prefix = ""
    relationship: Relationship | None = None
    tags: str | None = None
    account_status: AccountStatus | None = None
    details: AccountColumns | None = None
    problem: Message | None = None
    try:
        if len(record) < layout.width:
            raise _Problem(
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import", "The line has {count} values; the header has {expected}."
                    ),
                    count=len(record),
                    expected=layout.width,
                )
            )
        microsoft_id = _microsoft_id(written_id)
        name_problem = company_name_problem(company_name)
        if name_problem is not None:
            raise _Problem(_in_column("company_name", name_problem))
        prefix = _domain(domain)
        relationship = _relationship(cells["relationship"].strip())
        if "tags" in cells:
            tags = _tags(cells["tags"])
        if pcdesk:
            status = cells["account_status"].strip()
            account_status = _choice(AccountStatus, "account_status", status) if status else None
            if any(cells[key].strip() for key in DETAIL_KEYS):
                details = _details(cells, company_name, prefix, tags or "")
    except _Problem as refused:
        problem = refused.message
    return ReadRow(
        line=line,
        microsoft_id=microsoft_id,
        company_name=company_name,
        domain=domain,
        domain_prefix=prefix,
        relationship=relationship,
        tags=tags,
        account_status=account_status,
        details=details,
        problem=problem,
    )
