"""Import customers, first step: what each row of a customer list would do. Nothing is written.

``preview_import`` reads the file (services/customer_import_file.py) and, as it reads, looks its
customers up a thousand at a time by Microsoft ID and by initial domain, in one read transaction
(``preview_file`` does the same for a file read already). Each row gets a fate: new, update (with
the fields it changes), unchanged, duplicate (its Microsoft ID or domain came earlier in the file)
or invalid (with the reasons). The lookups are services/customer_import_lookup.py's, the fates
and their reasons services/customer_import_fates.py's. Writing them is services/customer_import.py's
``apply_import``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from pcdesk.models.database import Database
from pcdesk.services.bulk_gc import collector_paused
from pcdesk.services.customer_import.cells import ReadRow
from pcdesk.services.customer_import.columns import FileFormat
from pcdesk.services.customer_import.fates import Fate, row_fate
from pcdesk.services.customer_import.lookup import (
    import_context,
    look_up,
)
from pcdesk.services.customer_import.preview_rows import PreviewRows
from pcdesk.services.customer_import.reader import CustomerFile, ImportCancelled, open_customer_file

CHUNK = 1000  # customers looked up per query, and rows written per statement
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    file_format: FileFormat
    rows: PreviewRows  # compressed: a million rows would take gigabytes as objects

    def count(self, fate: Fate) -> int:
        return self.rows.count_of(fate)

    def numbers_of(self, fate: Fate) -> list[int]:
        """The indexes in ``rows`` of the rows of ``fate``, in the file's order."""
        return self.rows.numbers_of(fate)

    @property
    def to_write(self) -> int:
        return self.count(Fate.NEW) + self.count(Fate.UPDATE)


_T = TypeVar("_T")


def chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    size = CHUNK  # read at each call: tests make it small
    for start in range(0, len(items), size):
        yield items[start : start + size]


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise ImportCancelled


def _read_one_snapshot(session: Session) -> None:
    """Every chunk sees the database as it was at the first (PostgreSQL's default READ
    COMMITTED would not; SQLite's read transaction already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )


def _preview(
    db: Database,
    name: str,
    file_format: FileFormat,
    batches: Iterable[Sequence[ReadRow]],
    today: dt.date | None,
    done: Callable[[int], None],
) -> ImportPreview:
    """The fates of the rows of ``batches``; ``done(rows previewed)`` after each batch."""
    today = today or dt.datetime.now().astimezone().date()  # the user's local date
    previewed = PreviewRows()
    agreements = file_format is FileFormat.PCDESK
    with collector_paused(), db.reading() as session:
        _read_one_snapshot(session)
        context = import_context(session, today)
        for batch in batches:
            lookup = look_up(session, batch, agreements=agreements)
            previewed.extend(row_fate(row, lookup, context) for row in batch)
            done(len(previewed))
    return ImportPreview(name, file_format, previewed)


def preview_file(
    db: Database,
    file: CustomerFile,
    *,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportPreview:
    """The fate of every row of ``file``; nothing is written.

    ``progress(done, total)`` is called every thousand rows; returning False raises
    ImportCancelled. Raises Unavailable when the database is locked or unreachable.
    """
    total = len(file.rows)
    report(progress, 0, total)
    return _preview(
        db,
        file.name,
        file.file_format,
        chunks(file.rows),
        today,
        lambda done: report(progress, done, total),
    )


def _batches(rows: Iterator[ReadRow]) -> Iterator[list[ReadRow]]:
    size = CHUNK  # read at each call: tests make it small
    while batch := list(itertools.islice(rows, size)):
        yield batch


def preview_import(
    db: Database,
    path: Path,
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportPreview:
    """Read the customer list at ``path`` and preview it (see ``preview_file``).

    The rows are looked up a thousand at a time as they are read: the checks a row's values get
    when read (a company name, a phone number) are then still in the validation's caches when
    the account rules check them again. ``progress(bytes read, file size)`` is called after
    each thousand rows. Raises ImportUnreadable when the file is not a customer list,
    ImportCancelled, Unavailable.
    """
    with collector_paused(), open_customer_file(path, encoding=encoding) as reader:
        size = max(reader.size, 1)
        report(progress, 0, size)
        preview = _preview(
            db,
            reader.name,
            reader.file_format,
            _batches(reader.rows()),
            today,
            lambda _done: report(progress, min(reader.position(), size), size),
        )
        report(progress, size, size)
        return preview
