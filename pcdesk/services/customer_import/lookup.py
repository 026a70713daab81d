"""Import customers, preview: the existing customers of a batch of rows, looked up in a few queries.

The rows of a file are looked up a thousand at a time (services/customer_import_preview.py) by
Microsoft ID and by initial domain, with the latest attestation of each customer found when the
file is pcdesk's; ``import_context`` reads once what every row is checked against besides (the
partner's domain, the indirect resellers, today, the lines seen so far).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Executable, Row, Table, bindparam, func, select
from sqlalchemy.orm import Session

from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    Customer,
    IndirectReseller,
    PartnerProfile,
    ResellerState,
)
from pcdesk.services.customer_import.cells import ReadRow
from pcdesk.services.customer_import.first_lines import FirstLines
from pcdesk.services.inputs import AgreementInput, CustomerInput

# Account fields a pcdesk row sets (the domain never changes; tags and the reseller apart).
ACCOUNT_FIELDS = tuple(
    field.name
    for field in fields(CustomerInput)
    if field.name not in ("domain_prefix", "indirect_reseller_id", "tags")
)


def customer_table() -> Table:
    table = Customer.__table__
    assert isinstance(table, Table)
    return table


_COLUMNS = (
    "id",
    "version",
    "microsoft_id",
    "domain_prefix",
    "company_name",
    "relationship",
    "tags",
    "account_status",
    "indirect_reseller_id",
    *(name for name in ACCOUNT_FIELDS if name != "company_name"),
)
AgreementKey = tuple[Any, ...]


def agreement_key(
    status: str, agreement_type: str, agreement: AgreementInput | None
) -> AgreementKey:
    """What makes two attestations the same: a pending one has no signer."""
    if status != AgreementStatus.ACCEPTED or agreement is None:
        return (status, agreement_type)
    return (
        status,
        agreement_type,
        agreement.signer_first_name,
        agreement.signer_last_name,
        agreement.signer_email,
        agreement.signer_phone,
        agreement.date_accepted,
    )


@dataclass
class Lookup:
    """Existing customers of one chunk of rows, by Microsoft ID and by initial domain."""

    by_id: dict[str, Row[Any]]
    by_domain: dict[str, Row[Any]]
    agreements: dict[int, AgreementKey]


@functools.cache
def _statements() -> tuple[Executable, Executable, Executable]:
    """The three lookups, built once: a statement built per chunk is cyclic garbage, and while
    a bulk job pauses the collector (services/bulk_gc.py) each one kept its thousand values
    alive, hundreds of megabytes for a million rows."""
    table = customer_table()
    by_id = select(*[table.c[name] for name in _COLUMNS]).where(
        table.c.microsoft_id.in_(bindparam("ids", expanding=True))
    )
    # Whoever holds the other initial domains: only named in messages.
    holders = select(
        table.c.id, table.c.microsoft_id, table.c.company_name, table.c.domain_prefix
    ).where(func.lower(table.c.domain_prefix).in_(bindparam("prefixes", expanding=True)))
    a = AgreementAcceptance
    attestations = (
        select(
            a.customer_id,
            a.status,
            a.agreement_type,
            a.signer_first_name,
            a.signer_last_name,
            a.signer_email,
            a.signer_phone,
            a.date_accepted,
        )
        .where(a.customer_id.in_(bindparam("customer_ids", expanding=True)))
        .order_by(a.customer_id, a.recorded_at, a.id)
    )
    return by_id, holders, attestations


def look_up(session: Session, rows: Sequence[ReadRow], *, agreements: bool) -> Lookup:
    by_id_statement, holders, attestations = _statements()
    ids = sorted({row.microsoft_id for row in rows if row.problem is None})
    by_id: dict[str, Row[Any]] = {}
    by_domain: dict[str, Row[Any]] = {}
    if ids:
        for found in session.execute(by_id_statement, {"ids": ids}):
            by_id[found.microsoft_id] = found
            # Initial domains are unique: the customer found holds its own.
            by_domain[found.domain_prefix.lower()] = found
    prefixes = sorted(
        {
            row.domain_prefix
            for row in rows
            if row.problem is None and row.domain_prefix and row.domain_prefix not in by_domain
        }
    )
    if prefixes:
        for found in session.execute(holders, {"prefixes": prefixes}):
            by_domain[found.domain_prefix.lower()] = found
    latest: dict[int, AgreementKey] = {}
    customer_ids = sorted({found.id for found in by_id.values()})
    if agreements and customer_ids:
        # The latest attestation of each customer comes last.
        for attestation in session.execute(attestations, {"customer_ids": customer_ids}):
            latest[attestation.customer_id] = agreement_key(
                attestation.status.value,
                attestation.agreement_type.value,
                AgreementInput(
                    True,
                    attestation.signer_first_name or "",
                    attestation.signer_last_name or "",
                    attestation.signer_email or "",
                    attestation.signer_phone or "",
                    attestation.date_accepted,
                ),
            )
    return Lookup(by_id, by_domain, latest)


@dataclass
class ImportContext:
    partner_domains: list[str]
    resellers: dict[str, tuple[int, str, ResellerState]]  # Partner ID -> (id, name, state)
    today: dt.date
    first_of_id: FirstLines  # Microsoft ID -> the line it first came on
    first_of_domain: FirstLines  # initial domain prefix -> the line it first came on


def import_context(session: Session, today: dt.date) -> ImportContext:
    partner = session.get(PartnerProfile, 1)
    domains = [partner.domain] if partner is not None and partner.domain else []
    r = IndirectReseller
    resellers = {
        partner_id: (reseller_id, name, state)
        for reseller_id, partner_id, name, state in session.execute(
            select(r.id, r.partner_id, r.name, r.state)
        )
    }
    return ImportContext(domains, resellers, today, FirstLines(), FirstLines())
