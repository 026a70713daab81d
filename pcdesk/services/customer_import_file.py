"""Reading a customer list to import: Partner Center's ``Customers.csv`` or pcdesk's own export.

Partner Center's file has the columns Microsoft ID, Company name, Primary domain name and
Relationship (newer versions add Tags); pcdesk's export has those, then every account field
(services/customer_export.py). Columns are found by name (case, spaces and underscores ignored),
in any order; a file holding every pcdesk account column is read as pcdesk's.

Each row is read and checked on its own here: what does not depend on the database (a GUID, a
company name, an initial domain, a relationship, dates). ``open_customer_file`` reads the header,
then the rows one by one as they are asked for; ``read_customer_file`` reads them all. Whether a customer exists, and the
account rules that need the partner's profile, are the preview's (services/customer_import.py).

The text must be UTF-8 (with or without the byte-order mark Excel writes) or UTF-16 with its
byte-order mark. Other encodings are refused with a clear message rather than guessed: a Big5 or
Windows-1252 file read with the wrong guess would import mojibake silently. Line numbers are the
physical lines of the file, the header's included, so a user finds the row in a text editor.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import enum
import io
import operator
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from pcdesk.models import AccountStatus, AgreementType, Relationship
from pcdesk.services.customer_export import (
    COLUMNS,
    PARTNER_CENTER_COLUMNS,
    PCDESK_COLUMNS,
    QUOTE_PREFIX,
    RELATIONSHIP_LABELS,
    restore,
)
from pcdesk.services.customers import normalized, with_stored_address
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation import (
    company_name_problem,
    domain_name_problem,
    domain_prefix_problem,
    normalize_guid,
)
from pcdesk.services.validation.domain import INITIAL_DOMAIN_SUFFIX

CONTEXT = "customer_import"
TICK_ROWS = 1000  # rows read between two progress reports
Progress = Callable[[int, int], bool]
TAGS_MAX_LENGTH = 1000  # Customer.tags

# The columns Partner Center's file must have; Tags is optional (older exports lack it).
REQUIRED_KEYS = ("microsoft_id", "company_name", "domain", "relationship")
# pcdesk's columns that say when and by whom a row was written, and the reseller's name (its
# Partner ID is what identifies it): a file without them is still pcdesk's.
OPTIONAL_PCDESK_KEYS = frozenset(
    {"created_at", "created_by", "updated_at", "updated_by", "indirect_reseller_name"}
)
REQUIRED_PCDESK_KEYS = tuple(
    column.key for column in PCDESK_COLUMNS if column.key not in OPTIONAL_PCDESK_KEYS
)
# The pcdesk columns of an account's details: a pcdesk row with all of them empty is an account
# nobody has filled in yet (imported from Partner Center), and updates only what Partner Center's
# columns hold, never blanking details another row or an edit gave it.
DETAIL_KEYS = tuple(key for key in REQUIRED_PCDESK_KEYS if key != "account_status")

# pcdesk columns whose few values come again and again: each row keeps them (stripped, as they
# mostly are) in memory until the import, so each value is kept once (~40 MB of 100,000 rows).
SHARED_KEYS = (
    "contact_first_name",
    "contact_last_name",
    "signer_first_name",
    "signer_last_name",
    "city",
    "state",
    "language",
    "culture",
    "created_by",
)

_HEADERS: dict[str, str] = {column.header: column.key for column in COLUMNS}
_RELATIONSHIPS: dict[str, Relationship] = {
    **{relationship.value.casefold(): relationship for relationship in Relationship},
    **{label.casefold(): relationship for relationship, label in RELATIONSHIP_LABELS.items()},
}


def import_message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


class FileFormat(enum.StrEnum):
    PARTNER_CENTER = "partner_center"  # Partner Center's Customers.csv: five columns at most
    PCDESK = "pcdesk"  # pcdesk's export: every account field


class ImportCancelled(Exception):
    """``progress`` returned False: the work stopped and nothing was written."""


class ImportUnreadable(Exception):
    """The file cannot be read as a customer list at all; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


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


@dataclass(frozen=True)
class CustomerFile:
    name: str  # the file's name, for messages and the history
    file_format: FileFormat
    has_tags: bool
    rows: tuple[ReadRow, ...]


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.lstrip("\ufeff")).casefold()


_KEYS: dict[str, str] = {_key(header): key for header, key in _HEADERS.items()}
_HEADER_OF: dict[str, str] = {key: header for header, key in _HEADERS.items()}


def column_header(key: str) -> str:
    """The file's column name for a field key (the export's header)."""
    return _HEADER_OF.get(key, key)


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
    """Each CSV record with the physical line it starts on (1-based)."""
    reader = csv.reader(stream, strict=True)
    line = 1
    try:
        for record in reader:
            yield line, record
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import", "Line {line} of {file} is not valid CSV: {reason}"
                ),
                line=line,
                file=name,
                reason=str(exc),
            )
        ) from exc


# -- the header ------------------------------------------------------------------------------------


def _header(record: list[str], name: str) -> tuple[FileFormat, dict[str, int]]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(record):
        key = _KEYS.get(_key(cell))
        if key is not None and key not in positions:
            positions[key] = index
    missing = [key for key in REQUIRED_KEYS if key not in positions]
    if missing:
        raise ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "{file} is not a customer list: its first line lacks the column(s) {columns}. "
                    "Export the list from Partner Center (Customers, Export) or from pcdesk.",
                ),
                file=name,
                columns=", ".join(column_header(key) for key in missing),
            )
        )
    pcdesk = [key for key in REQUIRED_PCDESK_KEYS if key in positions]
    if len(pcdesk) == len(REQUIRED_PCDESK_KEYS):
        return FileFormat.PCDESK, positions
    if len(pcdesk) * 2 > len(REQUIRED_PCDESK_KEYS):
        # An edited pcdesk export: read as Partner Center's, its details would be dropped.
        lacking = [column_header(key) for key in REQUIRED_PCDESK_KEYS if key not in positions]
        raise ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "{file} looks like a pcdesk export, but the column(s) {columns} are missing. "
                    "Put them back, or keep only Partner Center's columns.",
                ),
                file=name,
                columns=", ".join(lacking),
            )
        )
    return FileFormat.PARTNER_CENTER, {
        key: index for key, index in positions.items() if key in _PARTNER_CENTER_KEYS
    }


_PARTNER_CENTER_KEYS = frozenset(column.key for column in PARTNER_CENTER_COLUMNS)


# -- a row ---------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _Layout:
    file_format: FileFormat
    positions: dict[str, int]
    width: int  # cells a row needs: one past the last column read
    pick: Callable[[list[str]], tuple[str, ...]]  # the cells of the positions, in their order
    # One string for each value of a column that repeats (SHARED_KEYS), whatever row it is on.
    shared: dict[str, str] = field(default_factory=dict)

    @property
    def pcdesk(self) -> bool:
        return self.file_format is FileFormat.PCDESK

    def cells(self, record: list[str]) -> dict[str, str]:
        """The row's cells by field key; "" for those a short row lacks."""
        if len(record) >= self.width:
            cells = dict(zip(self.positions, self.pick(record), strict=True))
        else:
            cells = {
                key: record[index] if index < len(record) else ""
                for key, index in self.positions.items()
            }
        if self.pcdesk:
            quoted = [key for key, cell in cells.items() if cell.startswith(QUOTE_PREFIX)]
            for key in quoted:
                cells[key] = restore(cells[key])
            shared = self.shared
            for key in SHARED_KEYS:
                cell = cells.get(key)
                if cell is not None:  # created_by is optional
                    cells[key] = shared.setdefault(cell, cell)
        return cells


def _row(line: int, record: list[str], layout: _Layout) -> ReadRow:
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


def _layout(records: Iterator[tuple[int, list[str]]], name: str) -> _Layout:
    """The layout the header gives (the first line that is not blank)."""
    for _line, record in records:
        if any(cell.strip() for cell in record):
            file_format, positions = _header(record, name)
            # At least the four required columns: itemgetter gives a tuple.
            pick = operator.itemgetter(*positions.values())
            return _Layout(file_format, positions, max(positions.values()) + 1, pick)
    raise ImportUnreadable(
        import_message(QT_TRANSLATE_NOOP("customer_import", "{file} is empty."), file=name)
    )


def _rows(records: Iterator[tuple[int, list[str]]], layout: _Layout) -> Iterator[ReadRow]:
    for line, record in records:
        if any(cell.strip() for cell in record):  # else a blank line, or a row of empty cells
            yield _row(line, record, layout)


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
