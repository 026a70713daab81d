"""Importing indirect resellers from a CSV file: each row's fate first, then one transaction.

A row's fate is decided against the database: new, update (a reseller with that Partner ID
exists, with other values), unchanged, duplicate (its Partner ID is on an earlier line of the
file) or invalid (with the reasons). The file itself is read by ``reseller_csv``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import IndirectReseller
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user
from pcdesk.services.resellers.csv_file import ResellerCsvUnreadable as ResellerCsvUnreadable
from pcdesk.services.resellers.csv_file import read_file, read_rows
from pcdesk.services.resellers.records import (
    ResellerData,
    apply_changes,
    changes_of,
    insert_reseller,
    require_reseller_manager,
    reseller_data,
    tenant_id_taken_message,
)
from pcdesk.services.validation.reseller import (
    CONTEXT,
    ResellerInput,
    normalized_reseller,
    tenant_id_problem,
    validate_reseller,
)


class RowFate(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    INVALID = "invalid"


@dataclass(frozen=True)
class ImportRow:
    """One line of the file and what importing would do with it."""

    line: int  # the physical line in the file; the header is usually line 1
    values: ResellerInput  # as read (the country as a code when it named one)
    fate: RowFate
    errors: Mapping[str, Message] = field(default_factory=dict)  # INVALID: by field
    note: Message | None = None  # DUPLICATE: which earlier line has the Partner ID
    reseller_id: int | None = None  # UPDATE, UNCHANGED: the reseller it matches
    changes: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # UPDATE: old, new


@dataclass(frozen=True)
class ResellerImportPreview:
    file_name: str
    rows: tuple[ImportRow, ...]

    def count(self, fate: RowFate) -> int:
        return sum(1 for row in self.rows if row.fate is fate)

    @property
    def has_invalid(self) -> bool:
        return any(row.fate is RowFate.INVALID for row in self.rows)

    @property
    def writes(self) -> int:
        """How many rows importing would write (new and updated resellers)."""
        return self.count(RowFate.NEW) + self.count(RowFate.UPDATE)


@dataclass(frozen=True)
class ResellerImportResult:
    added: int
    updated: int
    unchanged: int
    duplicates: int
    skipped: int  # invalid rows left out


def _message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


# -- each row's fate ---------------------------------------------------------------------------------


def classify(
    rows: Sequence[tuple[int, ResellerInput]], existing: Sequence[ResellerData]
) -> tuple[ImportRow, ...]:
    """Each row's fate against the ``existing`` resellers and the rows above it."""
    by_partner_id = {reseller.partner_id: reseller for reseller in existing}
    by_tenant_id = {reseller.tenant_id: reseller for reseller in existing if reseller.tenant_id}
    partner_id_lines: dict[str, int] = {}
    tenant_id_lines: dict[str, int] = {}
    result: list[ImportRow] = []
    for line, values in rows:
        errors = validate_reseller(values, tenant_required=False)
        data = normalized_reseller(values)
        match = by_partner_id.get(data.partner_id)
        if "tenant_id" not in errors:
            # A new reseller needs its tenant ID; an existing one keeps its own if the cell is
            # blank. A tenant ID belongs to one reseller, in the file and in the database.
            # A repeat of a Partner ID on an earlier line is left out as a duplicate: it is not
            # asked for a tenant ID it would never get.
            required = match is None and data.partner_id not in partner_id_lines
            problem = tenant_id_problem(values.tenant_id, required=required)
            owner = by_tenant_id.get(data.tenant_id) if data.tenant_id else None
            earlier = tenant_id_lines.get(data.tenant_id) if data.tenant_id else None
            if problem is not None:
                errors["tenant_id"] = problem
            elif owner is not None and owner.partner_id != data.partner_id:
                errors["tenant_id"] = tenant_id_taken_message(owner.name)
            elif (
                earlier is not None
                and "partner_id" not in errors
                and data.partner_id not in partner_id_lines  # else it is a plain duplicate
            ):
                errors["tenant_id"] = _message(
                    QT_TRANSLATE_NOOP(
                        "resellers", "Line {line} has this tenant ID too, with another Partner ID."
                    ),
                    line=earlier,
                )
        if errors:
            result.append(ImportRow(line, values, RowFate.INVALID, errors=errors))
            continue
        first = partner_id_lines.get(data.partner_id)
        if first is not None:
            note = _message(
                QT_TRANSLATE_NOOP(
                    "resellers", "Partner ID {partner_id} is on line {line} already; left out."
                ),
                partner_id=data.partner_id,
                line=first,
            )
            result.append(ImportRow(line, values, RowFate.DUPLICATE, note=note))
            continue
        partner_id_lines[data.partner_id] = line
        if data.tenant_id:
            tenant_id_lines[data.tenant_id] = line
        if match is None:
            result.append(ImportRow(line, values, RowFate.NEW))
            continue
        changes = changes_of(match, data)
        if changes:
            result.append(
                ImportRow(line, values, RowFate.UPDATE, reseller_id=match.id, changes=changes)
            )
        else:
            result.append(ImportRow(line, values, RowFate.UNCHANGED, reseller_id=match.id))
    return tuple(result)


def _existing(session: Session) -> list[ResellerData]:
    return [reseller_data(row) for row in session.scalars(select(IndirectReseller))]


def read_reseller_csv(db: Database, source: Path | TextIO) -> ResellerImportPreview:
    """Read a reseller CSV and tell each row's fate against the database; nothing is written.

    Raises ResellerCsvUnreadable (with a message) when the file cannot be read as a reseller list
    at all, and Unavailable when the database cannot be reached.
    """
    if isinstance(source, Path):
        rows = read_file(source)
        name = source.name
    else:
        try:
            rows = read_rows(source)
        except UnicodeDecodeError as exc:
            raise ResellerCsvUnreadable(
                _message(QT_TRANSLATE_NOOP("resellers", "The file is not UTF-8 text."))
            ) from exc
        name = Path(str(getattr(source, "name", ""))).name
    with db.reading() as session:
        existing = _existing(session)
    return ResellerImportPreview(name, classify(rows, existing))


def invalid_rows_message(count: int) -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "resellers",
            "Rows that cannot be imported: {count}. Nothing was imported; correct the file, "
            "or choose to skip those rows.",
        ),
        count=count,
    )


def import_resellers(
    db: Database,
    preview: ResellerImportPreview,
    *,
    skip_invalid: bool = False,
    actor: str | None = None,
) -> ResellerImportResult:
    """Write the preview's new and updated resellers, in one transaction.

    The rows are judged again inside the transaction, so what another workstation changed since
    the preview is taken into account. With invalid rows, nothing is written unless
    ``skip_invalid``. Raises ValidationFailed (field ``rows``), NotAllowed, ConcurrentChange (a
    Partner ID taken meanwhile) or Unavailable.
    """
    actor = actor or current_user(db)
    source = [(row.line, row.values) for row in preview.rows]
    try:
        with db.writing() as session:
            require_reseller_manager(session, actor)
            rows = classify(source, _existing(session))
            invalid = sum(1 for row in rows if row.fate is RowFate.INVALID)
            if invalid and not skip_invalid:
                raise ValidationFailed({"rows": invalid_rows_message(invalid)})
            stored = {row.id: row for row in session.scalars(select(IndirectReseller))}
            for row in rows:
                data = normalized_reseller(row.values)
                if row.fate is RowFate.NEW:
                    insert_reseller(session, data, actor, source=preview.file_name)
                elif row.fate is RowFate.UPDATE and row.reseller_id is not None:
                    changes = dict(row.changes)
                    apply_changes(
                        session, stored[row.reseller_id], changes, actor, source=preview.file_name
                    )
            result = ResellerImportResult(
                added=sum(1 for row in rows if row.fate is RowFate.NEW),
                updated=sum(1 for row in rows if row.fate is RowFate.UPDATE),
                unchanged=sum(1 for row in rows if row.fate is RowFate.UNCHANGED),
                duplicates=sum(1 for row in rows if row.fate is RowFate.DUPLICATE),
                skipped=invalid,
            )
            audit.record(
                session,
                actor,
                "reseller.imported",
                file=preview.file_name,
                added=result.added,
                updated=result.updated,
                skipped=result.skipped,
            )
            return result
    except IntegrityError as exc:
        # Another workstation added a reseller with one of these Partner IDs meanwhile.
        raise ConcurrentChange(preview.file_name) from exc
