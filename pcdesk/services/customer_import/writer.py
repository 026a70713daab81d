"""Import customers, second step: the writes of one import, inside ``apply_import``'s transaction
(services/customer_import.py).

``ImportWriter`` checks again that every fate of the preview still holds, then writes the new and
changed customers a thousand rows per statement (services/customer_import_writes.py holds the
bulk statements), their attestations, and an audit event for each, as services/audit.record
would write it. The columns the model keeps (``name_key``, ``collation_key``, ``match_key``,
``search_text``, ``email_domain``) are computed here with ``pcdesk.models.keys`` and
``pcdesk.models.collation`` as the model does.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from pcdesk.models import (
    AccountStatus,
    AgreementAcceptance,
    AgreementStatus,
    AgreementType,
    AuditEvent,
    IndirectReseller,
    Relationship,
    ResellerState,
    collation,
    keys,
    utc_now,
)
from pcdesk.services.customer_import.bulk import (
    insert_rows,
    insert_search_rows,
    insert_triggers_set_aside,
)
from pcdesk.services.customer_import.fates import Fate, PreviewRow
from pcdesk.services.customer_import.lookup import ACCOUNT_FIELDS, customer_table
from pcdesk.services.customer_import.preview import (
    ImportPreview,
    Progress,
    chunks,
    report,
)
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.inputs import AgreementInput


def _details(**values: Any) -> str:
    """An audit event's details, as services/audit.record writes them."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True)
class _Statements:
    versions: Executable  # the customers of these Microsoft IDs, locked, with their versions
    holders: Executable  # who holds these initial domains
    new_ids: Executable  # the ids of the customers just inserted, by Microsoft ID


@functools.cache
def _statements() -> _Statements:
    """Built once: a statement built per chunk is cyclic garbage, and while the import pauses
    the collector each one kept its thousand values alive (see lookup.py's)."""
    table = customer_table()
    domain = func.lower(table.c.domain_prefix)
    return _Statements(
        versions=select(table.c.id, table.c.version, table.c.microsoft_id)
        .where(table.c.microsoft_id.in_(bindparam("ids", expanding=True)))
        .with_for_update(),
        holders=select(table.c.id, domain).where(domain.in_(bindparam("prefixes", expanding=True))),
        new_ids=select(table.c.microsoft_id, table.c.id).where(
            table.c.microsoft_id.in_(bindparam("ids", expanding=True))
        ),
    )


class ImportWriter:
    """The writes of one import, inside its transaction."""

    def __init__(
        self,
        session: Session,
        preview: ImportPreview,
        actor: str,
        progress: Progress | None,
        total: int,
    ) -> None:
        self.session = session
        self.preview = preview
        self.actor = actor
        self.now = utc_now()
        self.progress = progress
        self.total = total
        self.done = 0
        self.events: list[dict[str, Any]] = []

    def advance(self, count: int) -> None:
        self.done += count
        report(self.progress, self.done, self.total)

    def event(self, action: str, customer_id: int | None, **details: Any) -> None:
        self.events.append(
            {
                "occurred_at": self.now,
                "actor": self.actor,
                "action": action,
                "customer_id": customer_id,
                "details": _details(**details),
            }
        )

    def flush_events(self) -> None:
        if self.events:
            audit = AuditEvent.__table__
            assert isinstance(audit, Table)
            insert_rows(self.session, audit, self.events)
            self.events = []

    # -- checking again -------------------------------------------------------------------------

    def stale_lines(self, rows: Sequence[PreviewRow]) -> list[int]:
        """Lines whose fate no longer holds. On PostgreSQL the customers found are locked until
        the end of the transaction; on SQLite the summary event already holds the write lock."""
        statements = _statements()
        stale: list[int] = []
        for chunk in chunks(rows):
            ids = sorted({row.microsoft_id for row in chunk})
            prefixes = sorted({row.domain_prefix for row in chunk if row.domain_prefix})
            by_id = {
                found.microsoft_id: (found.id, found.version)
                for found in self.session.execute(statements.versions, {"ids": ids})
            }
            by_domain: dict[str, int] = {}
            if prefixes:
                by_domain = {
                    prefix: customer_id
                    for customer_id, prefix in self.session.execute(
                        statements.holders, {"prefixes": prefixes}
                    )
                }
            for row in chunk:
                found = by_id.get(row.microsoft_id)
                holder = by_domain.get(row.domain_prefix)
                if row.fate is Fate.NEW:
                    holds = found is None and holder is None
                else:
                    holds = found == (row.customer_id, row.version) and (
                        holder is None or holder == row.customer_id
                    )
                if not holds:
                    stale.append(row.line)
            self.advance(len(chunk))
        return stale

    def resellers_gone(self, rows: Sequence[PreviewRow]) -> list[int]:
        """Lines choosing a reseller that was removed or suspended since the preview."""
        chosen = [
            row
            for row in rows
            if row.reseller_id is not None
            and (row.fate is Fate.NEW or "indirect_reseller_id" in row.changed_fields)
        ]
        if not chosen:
            return []
        r = IndirectReseller
        active = set(self.session.scalars(select(r.id).where(r.state == ResellerState.ACTIVE)))
        return [row.line for row in chosen if row.reseller_id not in active]

    # -- new customers ----------------------------------------------------------------------------

    def insert_new(self, rows: Sequence[PreviewRow]) -> None:
        table = customer_table()
        agreement_table = AgreementAcceptance.__table__
        assert isinstance(agreement_table, Table)
        # In the order of the collation key: five of the customer table's indexes start with it
        # or with a column of few values before it, and inserting into them in order is measured
        # 40 % faster than in the file's order (their pages are then written one after another).
        rows = sorted(rows, key=lambda row: collation.sort_key(row.company_name))
        with insert_triggers_set_aside(self.session) as set_aside:
            # Set aside (SQLite), the triggers' columns are written here: the reseller's name,
            # and the status of the only attestation a new customer has.
            names = self._reseller_names(rows) if set_aside else None
            searched: list[int] = []  # the new customers, for the search index
            for chunk in chunks(rows):
                values = [self._new_values(row, names) for row in chunk]
                # A plain executemany, then the ids by Microsoft ID: INSERT ... RETURNING in the
                # rows' order makes SQLAlchemy send SQLite one statement per row, five times
                # slower.
                insert_rows(self.session, table, values)
                found = self.session.execute(
                    _statements().new_ids, {"ids": [row.microsoft_id for row in chunk]}
                )
                ids: dict[str, int] = dict(found.all())
                agreements = []
                for row in chunk:
                    customer_id = ids[row.microsoft_id]
                    if set_aside:
                        searched.append(customer_id)
                    source = row.source
                    assert source is not None
                    details = source.details
                    agreement = details.agreement if details is not None else None
                    if details is not None and agreement is not None:
                        agreements.append(
                            self._agreement_values(customer_id, agreement, details.agreement_type)
                        )
                    extra = {} if agreement is None else {"agreement": _status(agreement).value}
                    self.event(
                        "customer.imported",
                        customer_id,
                        company_name=source.company_name,
                        domain=source.domain_prefix + ONMICROSOFT,
                        file=self.preview.file_name,
                        line=row.line,
                        **extra,
                    )
                insert_rows(self.session, agreement_table, agreements)
                self.flush_events()
                self.advance(len(chunk))
            if set_aside:
                # All at the end: measured, this is three to four times faster than indexing
                # each customer as it is inserted (what the trigger does).
                insert_search_rows(self.session, searched)

    def _reseller_names(self, rows: Sequence[PreviewRow]) -> dict[int, str]:
        """The names of the resellers the new customers have, as the database holds them now."""
        chosen = sorted({row.reseller_id for row in rows if row.reseller_id is not None})
        if not chosen:
            return {}
        r = IndirectReseller
        found = self.session.execute(select(r.id, r.name).where(r.id.in_(chosen)))
        return dict(found.all())

    def _new_values(self, row: PreviewRow, reseller_names: dict[int, str] | None) -> dict[str, Any]:
        """The new customer's columns; with ``reseller_names`` also the ones the insert
        triggers keep (they are set aside)."""
        source = row.source
        assert source is not None and source.relationship is not None
        details = source.details
        name_key = keys.fold(source.company_name)
        values: dict[str, Any] = {
            "microsoft_id": source.microsoft_id,
            "company_name": source.company_name,
            "name_key": name_key,
            "collation_key": collation.sort_key(source.company_name),
            "match_key": keys.match_key(source.company_name),
            "domain_prefix": source.domain_prefix,
            "search_text": keys.search_text(name_key, source.domain_prefix, source.microsoft_id),
            "relationship": source.relationship,
            "account_status": source.account_status or AccountStatus.ACTIVE,
            "tags": source.tags or "",
            "indirect_reseller_id": row.reseller_id,
            "created_at": self.now,
            "created_by": self.actor,
            "updated_at": self.now,
            "updated_by": self.actor,
            "version": 1,
        }
        for name in ACCOUNT_FIELDS:
            if name != "company_name":
                values[name] = getattr(details.account, name) if details is not None else ""
        values["email_domain"] = keys.email_domain(values["contact_email"])
        if details is not None:
            # A restored customer keeps when and by whom it was added; the history says who
            # imported it.
            values["created_at"] = details.created_at or self.now
            values["created_by"] = details.created_by or self.actor
        if reseller_names is not None:
            agreement = details.agreement if details is not None else None
            values["reseller_name"] = (
                reseller_names[row.reseller_id] if row.reseller_id is not None else ""
            )
            values["agreement_status"] = "" if agreement is None else _status(agreement).value
        return values

    def _agreement_values(
        self, customer_id: int, agreement: AgreementInput, agreement_type: AgreementType
    ) -> dict[str, Any]:
        accepted = agreement.accepted
        return {
            "customer_id": customer_id,
            "agreement_type": agreement_type,
            "status": _status(agreement),
            "signer_first_name": agreement.signer_first_name if accepted else None,
            "signer_last_name": agreement.signer_last_name if accepted else None,
            "signer_email": agreement.signer_email if accepted else None,
            "signer_phone": (agreement.signer_phone or None) if accepted else None,
            "date_accepted": agreement.date_accepted if accepted else None,
            "recorded_at": self.now,
            "recorded_by": self.actor,
            "note": "",
        }

    # -- changed customers -------------------------------------------------------------------------

    def update_existing(self, rows: Sequence[PreviewRow]) -> list[int]:
        """Write the changes; the lines whose customer changed meanwhile (none, normally)."""
        table = customer_table()
        groups: dict[tuple[str, ...], list[PreviewRow]] = {}
        for row in rows:
            columns = tuple(sorted(_columns(row)))
            groups.setdefault(columns, []).append(row)
        agreement_table = AgreementAcceptance.__table__
        assert isinstance(agreement_table, Table)
        missed: list[int] = []
        for columns, members in groups.items():
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
                .values(
                    {name: bindparam(f"b_{name}") for name in columns}
                    | {
                        "version": table.c.version + 1,
                        "updated_at": bindparam("b_updated_at"),
                        "updated_by": bindparam("b_updated_by"),
                    }
                )
            )
            for chunk in chunks(members):
                parameters = [
                    {f"b_{name}": value for name, value in _columns(row).items()}
                    | {
                        "b_id": row.customer_id,
                        "b_version": row.version,
                        "b_updated_at": self.now,
                        "b_updated_by": self.actor,
                    }
                    for row in chunk
                ]
                result = self.session.execute(statement, parameters)
                if result.rowcount != len(chunk):  # type: ignore[attr-defined]
                    missed.extend(row.line for row in chunk)
                agreements = []
                for row in chunk:
                    assert row.customer_id is not None and row.source is not None
                    details = row.source.details
                    if "agreement" in row.changed_fields and details is not None:
                        assert details.agreement is not None
                        agreements.append(
                            self._agreement_values(
                                row.customer_id, details.agreement, details.agreement_type
                            )
                        )
                        if details.agreement.accepted:
                            self.event(
                                "agreement.accepted",
                                row.customer_id,
                                signer=f"{details.agreement.signer_first_name} "
                                f"{details.agreement.signer_last_name}",
                                signer_email=details.agreement.signer_email,
                                date_accepted=details.agreement.date_accepted,
                            )
                    self.event(
                        "customer.updated",
                        row.customer_id,
                        imported_from=self.preview.file_name,
                        line=row.line,
                        **{name: [old, new] for name, old, new in row.changes},
                    )
                insert_rows(self.session, agreement_table, agreements)
                self.flush_events()
                self.advance(len(chunk))
        return missed


def _status(agreement: AgreementInput) -> AgreementStatus:
    return AgreementStatus.ACCEPTED if agreement.accepted else AgreementStatus.PENDING


def _columns(row: PreviewRow) -> dict[str, Any]:
    """The customer columns an update row sets, with the keys the model keeps from them."""
    assert row.source is not None
    values: dict[str, Any] = {}
    for name, _old, new in row.changes:
        if name == "agreement":
            continue  # a new attestation row, not a column
        if name == "relationship":
            values[name] = Relationship(new)
        elif name == "account_status":
            values[name] = AccountStatus(new)
        else:
            values[name] = new
        if name == "company_name":
            name_key = keys.fold(new)
            values["name_key"] = name_key
            values["collation_key"] = collation.sort_key(new)
            values["match_key"] = keys.match_key(new)
            values["search_text"] = keys.search_text(name_key, row.domain_prefix, row.microsoft_id)
        elif name == "contact_email":
            values["email_domain"] = keys.email_domain(new)
    return values
