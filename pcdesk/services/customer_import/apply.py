"""Customers > Import customers: a customer list previewed, then written in one transaction.

``preview_import`` (services/customer_import_preview.py, importable from here) gives each row of
the file its fate (new, update, unchanged, duplicate, invalid) without writing anything.

``apply_import`` writes the new and changed customers of a preview in one transaction. It refuses
a preview with invalid rows unless told to skip them. It first checks that every fate still holds
(another workstation may have added or changed a customer since the preview) and writes nothing
when one does not. The writes are services/customer_import_writer.py's: rows go in a thousand
per statement (services/customer_import_writes.py), as 100,000 customers one ORM object at a time
would take minutes. The columns the model keeps (``name_key``, ``collation_key``, ``match_key``,
``search_text``, ``email_domain``) are computed there with ``pcdesk.models.keys`` and
``pcdesk.models.collation`` as the model does; the ones the database's triggers keep (subscriptions,
agreement status, reseller name, the search index) are left to them, but for new customers on
SQLite, where the import sets the insert triggers aside and writes their work itself, in the same
transaction. Every new customer gets a ``customer.imported`` event and every changed one a
``customer.updated`` event in its history, and the import a summary event of its own.

A row from Partner Center's file carries few fields. A new customer made from one has its company
name, Microsoft ID, initial domain, relationship and tags, and the other account fields stay
empty until someone edits the account; an update from one changes only those columns. A row of
pcdesk's export sets every account field it carries. The initial domain never changes, nor does a
country once set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotAllowed, PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import PartnerProfile, PartnerType
from pcdesk.models.database import Database
from pcdesk.services.bulk_gc import collector_paused
from pcdesk.services.customer_import.columns import FileFormat, ImportUnreadable, import_message
from pcdesk.services.customer_import.fates import MATCHED, Fate, PreviewRow
from pcdesk.services.customer_import.preview import (
    ImportPreview,
    Progress,
    preview_file,
    preview_import,
    report,
)
from pcdesk.services.customer_import.reader import CustomerFile, ImportCancelled
from pcdesk.services.customer_import.writer import ImportWriter
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require

__all__ = [
    "CustomerFile",
    "Fate",
    "FileFormat",
    "ImportCancelled",
    "ImportOutdated",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "ImportUnreadable",
    "PreviewRow",
    "apply_import",
    "preview_file",
    "preview_import",
]

LARGE_CACHE_KIB = 64 * 1024  # SQLite's page cache while an import writes
# Rows unpacked, checked and written at a time: new ones are inserted in name order within it.
WINDOW = 100_000


@dataclass(frozen=True)
class ImportResult:
    file_name: str
    added: int
    updated: int
    unchanged: int
    duplicates: int
    skipped: int  # invalid rows left out


class ImportRefused(PcdeskError):
    """The preview has invalid rows and the caller did not choose to skip them."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


class ImportOutdated(ConcurrentChange):
    """Since the preview, another workstation added or changed customers of the file (``lines``);
    nothing was written."""

    def __init__(self, message: Message, lines: Sequence[int]) -> None:
        super().__init__(message)
        self.message = message
        self.lines = tuple(lines)


# -- apply ------------------------------------------------------------------------------------------


def _refused_message(count: int) -> Message:
    return import_message(
        QT_TRANSLATE_NOOP(
            "customer_import",
            "{count} row(s) of the file cannot be imported. Nothing was imported: fix the file, "
            "or choose to skip those rows.",
        ),
        count=count,
    )


def _outdated_message(lines: Sequence[int]) -> Message:
    if not lines:
        return import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "Since the preview, another workstation added customers of this file. Nothing "
                "was imported; preview the file again.",
            )
        )
    shown = ", ".join(str(line) for line in lines[:5]) + (", …" if len(lines) > 5 else "")
    return import_message(
        QT_TRANSLATE_NOOP(
            "customer_import",
            "Since the preview, another workstation added or changed customers of this file "
            "(line {lines}). Nothing was imported; preview the file again.",
        ),
        lines=shown,
    )


def _indirect_reseller_message() -> Message:
    return import_message(
        QT_TRANSLATE_NOOP(
            "customer_import",
            "Indirect resellers cannot add customers. Request a reseller relationship instead.",
        )
    )


@contextmanager
def _large_cache(session: Session) -> Iterator[None]:
    """On SQLite, a page cache of 64 MB while customers are written: with SQLite's default
    2 MB, inserting 100,000 customers into a customer table's 15 indexes rereads pages again
    and again (measured: 15.6 s instead of 12 s; 256 MB is no faster than 64). Set back
    afterwards: the connection goes back to the pool."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    previous = session.execute(text("PRAGMA cache_size")).scalar_one()
    session.execute(text(f"PRAGMA cache_size = {-LARGE_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size = {int(previous)}"))


def apply_import(
    db: Database,
    preview: ImportPreview,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    actor: str | None = None,
) -> ImportResult:
    """Write the new and changed customers of ``preview``, in one transaction.

    Raises ImportRefused when the preview has invalid rows and ``skip_invalid`` is False;
    NotAllowed when the user's role may not add customers (or the partner is an indirect
    reseller and the file has new customers); ImportOutdated when a fate no longer holds;
    ImportCancelled when ``progress(done, total)`` returns False; Unavailable when the database
    is locked or unreachable. Nothing is written in any of those cases.
    """
    actor = actor or current_user(db)
    invalid = preview.count(Fate.INVALID)
    if invalid and not skip_invalid:
        raise ImportRefused(_refused_message(invalid))
    new = preview.count(Fate.NEW)
    changed = preview.count(Fate.UPDATE)
    checked = new + changed + preview.count(Fate.UNCHANGED)
    result = ImportResult(
        preview.file_name,
        added=new,
        updated=changed,
        unchanged=preview.count(Fate.UNCHANGED),
        duplicates=preview.count(Fate.DUPLICATE),
        skipped=invalid,
    )
    try:
        with (
            collector_paused(),
            db.writing() as session,
        ):
            require(session, Task.ADD_CUSTOMER, actor)
            partner = session.get(PartnerProfile, 1)
            if (
                new
                and partner is not None
                and partner.partner_type is PartnerType.INDIRECT_RESELLER
            ):
                raise NotAllowed(_indirect_reseller_message())
            writer = ImportWriter(session, preview, actor, progress, checked + new + changed)
            # The summary goes first: on SQLite this first write takes the database's write
            # lock, so no other workstation writes between the check below and our writes.
            writer.event(
                "customers.imported",
                None,
                file=preview.file_name,
                format=preview.file_format.value,
                added=result.added,
                updated=result.updated,
                unchanged=result.unchanged,
                duplicates=result.duplicates,
                skipped=result.skipped,
            )
            writer.flush_events()
            report(progress, 0, writer.total)
            stale: list[int] = []
            attests = False
            for window in _windows(preview):
                stale += writer.stale_lines(window) + writer.resellers_gone(window)
                attests = attests or _attests(window)
            if attests:
                # Recording an accepted agreement is attesting it, whatever the way in.
                require(session, Task.ATTEST_AGREEMENT, actor)
            if stale:
                raise ImportOutdated(_outdated_message(sorted(set(stale))), sorted(set(stale)))
            missed: list[int] = []
            with _large_cache(session):
                for window in _windows(preview):
                    new_rows = [row for row in window if row.fate is Fate.NEW]
                    if new_rows:
                        writer.insert_new(new_rows)
                    missed += writer.update_existing(
                        [row for row in window if row.fate is Fate.UPDATE]
                    )
            if missed:
                raise ImportOutdated(_outdated_message(missed), missed)
    except IntegrityError as exc:
        # Another workstation added one of these customers after the check (PostgreSQL: new
        # rows cannot be locked before they exist).
        raise ImportOutdated(_outdated_message([]), []) from exc
    return result


def _windows(preview: ImportPreview) -> Iterator[list[PreviewRow]]:
    """The rows to check and write, ``WINDOW`` at a time, in the file's order: a million rows
    unpacked at once would take about a gigabyte."""
    size = WINDOW  # read at each call: tests make it small
    window: list[PreviewRow] = []
    for row in preview.rows:
        if row.fate in MATCHED:
            window.append(row)
            if len(window) == size:
                yield window
                window = []
    if window:
        yield window


def _attests(rows: Iterable[PreviewRow]) -> bool:
    """Whether writing these rows records an accepted agreement."""
    for row in rows:
        if row.fate is Fate.UNCHANGED or (
            row.fate is Fate.UPDATE and "agreement" not in row.changed_fields
        ):
            continue
        details = row.source.details if row.source is not None else None
        agreement = details.agreement if details is not None else None
        if agreement is not None and agreement.accepted:
            return True
    return False
