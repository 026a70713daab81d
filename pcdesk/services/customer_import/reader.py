"""Reading a customer list to import: Partner Center's ``Customers.csv`` or pcdesk's own export.

``open_customer_file`` reads the header (services/customer_import_columns.py), then the rows one
by one as they are asked for, each read and checked on its own (services/customer_import_cells.py);
``read_customer_file`` reads them all. Whether a customer exists, and the account rules that need
the partner's profile, are the preview's (services/customer_import_preview.py).

The text must be UTF-8 (with or without the byte-order mark Excel writes) or UTF-16 with its
byte-order mark. Other encodings are refused with a clear message rather than guessed: a Big5 or
Windows-1252 file read with the wrong guess would import mojibake silently. Line numbers are the
physical lines of the file, the header's included, so a user finds the row in a text editor.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from pcdesk.errors import Cancelled
from pcdesk.messages import QT_TRANSLATE_NOOP
from pcdesk.services.csv_records import records_with_lines
from pcdesk.services.customer_import.cells import ReadRow, read_row
from pcdesk.services.customer_import.columns import (
    FileFormat,
    ImportUnreadable,
    Layout,
    header_layout,
    import_message,
)

TICK_ROWS = 1000  # rows read between two progress reports
Progress = Callable[[int, int], bool]


class ImportCancelled(Cancelled):
    """``progress`` returned False: the work stopped and nothing was written."""


@dataclass(frozen=True)
class CustomerFile:
    name: str  # the file's name, for messages and the history
    file_format: FileFormat
    has_tags: bool
    rows: tuple[ReadRow, ...]


# -- the text ------------------------------------------------------------------------------------


def _encoding(start: bytes) -> str:
    """UTF-8 or UTF-16 as the byte-order mark says; UTF-8 without one."""
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def _not_text(path: Path, encoding: str) -> ImportUnreadable:
    """The error for a file that is not ``encoding`` text, naming its first bad line."""
    line = 0
    with contextlib.suppress(OSError):
        raw = path.read_bytes()
        try:
            raw.decode(encoding)
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
    if encoding.startswith("utf-8"):
        template = QT_TRANSLATE_NOOP(
            "customer_import",
            "{file} is not UTF-8 text (line {line} is not). In Excel, save it as “CSV UTF-8 "
            "(Comma delimited)” and import it again.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "customer_import", "{file} is not {encoding} text (line {line} is not)."
        )
    return ImportUnreadable(import_message(template, file=path.name, line=line, encoding=encoding))


def _records(stream: TextIO, name: str) -> Iterator[tuple[int, list[str]]]:
    def unreadable(line: int, reason: str) -> ImportUnreadable:
        return ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import", "Line {line} of {file} is not valid CSV: {reason}"
                ),
                line=line,
                file=name,
                reason=reason,
            )
        )

    return records_with_lines(stream, unreadable)


# -- the rows ------------------------------------------------------------------------------------


def _layout(records: Iterator[tuple[int, list[str]]], name: str) -> Layout:
    """The layout the header gives (the first line that is not blank)."""
    for _line, record in records:
        if any(cell.strip() for cell in record):
            return header_layout(record, name)
    raise ImportUnreadable(
        import_message(QT_TRANSLATE_NOOP("customer_import", "{file} is empty."), file=name)
    )


def _rows(records: Iterator[tuple[int, list[str]]], layout: Layout) -> Iterator[ReadRow]:
    for line, record in records:
        if any(cell.strip() for cell in record):  # else a blank line, or a row of empty cells
            yield read_row(line, record, layout)


class CustomerReader:
    """A customer list being read: its format (from the header), then its rows one by one."""

    def __init__(self, path: Path, binary: BinaryIO, encoding: str) -> None:
        self.name = path.name  # for messages and the history
        self.size = os.fstat(binary.fileno()).st_size
        self._path = path
        self._binary = binary
        self._encoding = encoding
        self._text = io.TextIOWrapper(binary, encoding=encoding, newline="")
        self._records = _records(self._text, path.name)
        try:
            with self._reading():
                self._layout = _layout(self._records, path.name)
        except BaseException:
            self.detach()
            raise

    @property
    def file_format(self) -> FileFormat:
        return self._layout.file_format

    @property
    def has_tags(self) -> bool:
        return "tags" in self._layout.positions

    def position(self) -> int:
        """Bytes of the file read so far (the text is read ahead a few kilobytes at a time)."""
        return self._binary.tell()

    def rows(self) -> Iterator[ReadRow]:
        """Each row that is not blank, read and checked; read once."""
        with self._reading():
            yield from _rows(self._records, self._layout)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except UnicodeError as exc:
            raise _not_text(self._path, self._encoding) from exc
        except OSError as exc:
            raise _unreadable(self._path, exc) from exc

    def detach(self) -> None:
        self._text.detach()  # leave the binary file to its owner


def _unreadable(path: Path, exc: OSError) -> ImportUnreadable:
    return ImportUnreadable(
        import_message(
            QT_TRANSLATE_NOOP("customer_import", "pcdesk could not read {file}: {reason}"),
            file=path.name,
            reason=exc.strerror or str(exc),
        )
    )


@contextlib.contextmanager
def open_customer_file(path: Path, *, encoding: str | None = None) -> Iterator[CustomerReader]:
    """Open a customer list file and read its header, without touching the database.

    The file is read as its rows are asked for, so memory never holds its whole text. Raises
    ImportUnreadable when the file cannot be read as a customer list (not found, not text, not
    CSV, no Microsoft ID column...), here or while its rows are read; rows that cannot be
    imported come with their ``problem``.
    """
    try:
        binary = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    with binary:
        try:
            chosen = encoding or _encoding(binary.read(4))
            binary.seek(0)
        except OSError as exc:
            raise _unreadable(path, exc) from exc
        try:
            codecs.lookup(chosen)
        except LookupError as exc:
            raise ImportUnreadable(
                import_message(
                    QT_TRANSLATE_NOOP("customer_import", "“{encoding}” is not a text encoding."),
                    encoding=chosen,
                )
            ) from exc
        reader = CustomerReader(path, binary, chosen)
        try:
            yield reader
        finally:
            reader.detach()


def read_customer_file(
    path: Path, *, encoding: str | None = None, progress: Progress | None = None
) -> CustomerFile:
    """Read and check a whole customer list file (see ``open_customer_file``).

    ``progress(bytes_read, file_size)`` is called every thousand rows; returning False raises
    ImportCancelled.
    """
    with open_customer_file(path, encoding=encoding) as reader:
        rows: list[ReadRow] = []
        for row in reader.rows():
            rows.append(row)
            if (
                progress is not None
                and len(rows) % TICK_ROWS == 0
                and not progress(reader.position(), reader.size)
            ):
                raise ImportCancelled
        return CustomerFile(reader.name, reader.file_format, reader.has_tags, tuple(rows))
