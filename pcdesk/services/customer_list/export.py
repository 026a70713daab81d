"""Customers > Export customers: the list (searched and filtered, or whole) as a CSV file.

The file starts with Partner Center's own ``Customers.csv`` columns (Microsoft ID, Company name,
Primary domain name, Relationship, Tags), then pcdesk's: every account field needed to create the
customer again, so an export can be imported back (issue 5). Headers are fixed English names, not
translated: a file made in one language must import in another. Values are stored values
(``CA``, ``zh-TW``, ``accepted``, ``under_review``), dates ISO 8601 and times in UTC.

The file is what Excel and Partner Center write: UTF-8 with a byte-order mark (without it Excel
shows Chinese names as mojibake), comma-separated, CRLF line ends, a field quoted when it holds a
comma, a quote or a line break. A cell that a spreadsheet would run as a formula is neutralised
(``neutralise``); ``restore`` undoes it when the file is read back.

Rows are read in batches by keyset on the customer's id (memory stays flat at a million customers)
in one read transaction, so the file is one consistent picture of the list. The file is written
under a temporary name next to the target and renamed over it only once complete: a cancelled or
failed export leaves no half file behind, and an existing file is never touched before success.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import enum
import os
import secrets
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session, aliased

from pcdesk.errors import Cancelled
from pcdesk.models import AgreementAcceptance, Customer, IndirectReseller, Relationship
from pcdesk.models.database import Database
from pcdesk.services.customer_list.query import CustomerQuery, list_conditions
from pcdesk.services.customers.details import ONMICROSOFT

BATCH_SIZE = 1000
ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark: what Excel needs to read it as UTF-8
LINE_END = "\r\n"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # UTC; Excel reads it as a date and time

# A cell starting with one of these is run by a spreadsheet as a formula (=, +, -, @) or can be
# made to by the cell before it (tab, carriage return): OWASP's "CSV Injection" list. The
# apostrophe is there so that a value that really starts with one reads back unchanged.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE_PREFIX = "'"

# Partner Center shows the relationship in words; the API values are the model's.
RELATIONSHIP_LABELS: dict[Relationship, str] = {
    Relationship.RESELLER: "Cloud Reseller",
    Relationship.ADVISOR: "Advisor",
    Relationship.SYNDICATION: "Syndication",
    Relationship.MICROSOFT_SUPPORT: "Microsoft Support",
    Relationship.NONE: "None",
}

Progress = Callable[[int, int], bool]


class ExportCancelled(Cancelled):
    """``progress`` returned False: the export stopped and no file was written or changed."""


@dataclass(frozen=True)
class ExportColumn:
    header: str  # the file's column name, never translated
    key: str  # the field it holds: Customer's attribute name where there is one
    partner_center: bool = False  # one of the columns of Partner Center's own Customers.csv


PARTNER_CENTER_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("Microsoft ID", "microsoft_id", partner_center=True),
    ExportColumn("Company name", "company_name", partner_center=True),
    ExportColumn("Primary domain name", "domain", partner_center=True),
    ExportColumn("Relationship", "relationship", partner_center=True),
    ExportColumn("Tags", "tags", partner_center=True),
)
PCDESK_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("Country/region", "country"),
    ExportColumn("Address line 1", "address_line1"),
    ExportColumn("Address line 2", "address_line2"),
    ExportColumn("City", "city"),
    ExportColumn("State/Province", "state"),
    ExportColumn("Postal code", "postal_code"),
    ExportColumn("Primary contact first name", "contact_first_name"),
    ExportColumn("Primary contact last name", "contact_last_name"),
    ExportColumn("Primary contact email", "contact_email"),
    ExportColumn("Primary contact phone", "contact_phone"),
    ExportColumn("Language", "language"),
    ExportColumn("Culture", "culture"),
    ExportColumn("Organization registration ID", "organization_registration_id"),
    ExportColumn("Indirect reseller Partner ID", "indirect_reseller_partner_id"),
    ExportColumn("Indirect reseller name", "indirect_reseller_name"),
    ExportColumn("Agreement status", "agreement_status"),
    ExportColumn("Agreement type", "agreement_type"),
    ExportColumn("Agreement signer first name", "signer_first_name"),
    ExportColumn("Agreement signer last name", "signer_last_name"),
    ExportColumn("Agreement signer email", "signer_email"),
    ExportColumn("Agreement signer phone", "signer_phone"),
    ExportColumn("Agreement date accepted", "date_accepted"),
    ExportColumn("Account status", "account_status"),
    ExportColumn("Created at (UTC)", "created_at"),
    ExportColumn("Created by", "created_by"),
    ExportColumn("Updated at (UTC)", "updated_at"),
    ExportColumn("Updated by", "updated_by"),
)
COLUMNS: tuple[ExportColumn, ...] = PARTNER_CENTER_COLUMNS + PCDESK_COLUMNS
HEADER: tuple[str, ...] = tuple(column.header for column in COLUMNS)


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: a leading apostrophe when it could run.

    OWASP's advice for CSV injection: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets an apostrophe in front, so Excel, LibreOffice and Google Sheets show it
    as text instead of evaluating it (``+886 2 2720 1234`` becomes ``'+886 2 2720 1234``). The
    start is judged as a spreadsheet reads it, after its own trimming and normalisation: spaces,
    zero-width characters and a byte-order mark are skipped, and full-width forms count as the
    characters they stand for (full-width equals, ``\u200b=1+1`` and `` =1+1`` are neutralised too). A
    cell already starting with an apostrophe gets one more, so ``restore`` can always undo
    exactly. Quotes and separators inside a cell need nothing here: the csv module quotes them.
    """
    if cell.startswith(QUOTE_PREFIX) or _spreadsheet_start(cell) in FORMULA_STARTS:
        return QUOTE_PREFIX + cell
    return cell


def _spreadsheet_start(cell: str) -> str:
    """The first character a spreadsheet would act on, after what it trims and folds."""
    for char in cell:
        if char in FORMULA_STARTS:  # tab and CR count themselves
            return char
        if char.isspace() or unicodedata.category(char) == "Cf":  # ZWSP, BOM, bidi marks
            continue
        return unicodedata.normalize("NFKC", char)[:1]
    return ""


def restore(cell: str) -> str:
    """The value ``neutralise`` was given: one leading apostrophe removed where it added one.

    For reading an export back (import). An apostrophe that ``neutralise`` would not have added
    is kept: a file from elsewhere may hold such a value as it is.
    """
    if cell.startswith(QUOTE_PREFIX) and neutralise(cell[1:]) == cell:
        return cell[1:]
    return cell


def export_customers(
    db: Database,
    query: CustomerQuery,
    target: Path,
    *,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Write the customers ``query`` selects (its sort is ignored: by id) to ``target``.

    Returns the number of customers written. ``progress(done, total)`` is called before the first
    row and after each batch (from the calling thread); returning False stops the export and
    raises ExportCancelled. Raises Unavailable when the database is locked or unreachable, and
    OSError when the file cannot be written. In every one of those cases ``target`` is left as it
    was (absent, or its previous content) and no temporary file remains.
    """
    target = Path(target)
    temporary = _temporary_path(target)
    try:
        with (
            db.reading() as session,
            temporary.open("x", encoding=ENCODING, newline="") as file,
        ):
            _read_one_snapshot(session)
            conditions = list_conditions(query)
            count = select(func.count()).select_from(Customer).where(*conditions)
            total = int(session.execute(count).scalar_one())
            _report(progress, 0, total)
            writer = csv.writer(file, lineterminator=LINE_END)
            writer.writerow(HEADER)
            done, last_id = 0, 0
            while True:
                rows = session.execute(_batch(conditions, last_id, batch_size)).all()
                writer.writerows(_cells(row) for row in rows)
                done += len(rows)
                if rows:
                    last_id = rows[-1].id
                if len(rows) < batch_size:
                    break
                _report(progress, done, max(total, done))
            file.flush()
            os.fsync(file.fileno())
        _report(progress, done, max(total, done))
        _copy_mode(target, temporary)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return done


def _temporary_path(target: Path) -> Path:
    # Next to the target (so the final rename stays on one file system), hidden on Unix, and
    # unique: two exports to one folder never share it. Created with "x", so the user's umask
    # decides its permissions as for any file they save.
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")


def _copy_mode(target: Path, temporary: Path) -> None:
    """Keep an overwritten file's permissions (a file shared with a group stays shared)."""
    # No previous file, or its mode cannot be read: the new file keeps the default.
    with contextlib.suppress(OSError):
        shutil.copymode(target, temporary)


def _read_one_snapshot(session: Session) -> None:
    """Make every batch see the database as it was at the first one.

    SQLite's read transaction already does (the session holds one until closed); PostgreSQL's
    default READ COMMITTED would let customers added meanwhile slip into later batches.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise ExportCancelled


_latest = aliased(AgreementAcceptance, name="latest_agreement")
_SOURCES: dict[str, Any] = {
    "microsoft_id": Customer.microsoft_id,
    "company_name": Customer.company_name,
    "domain": Customer.domain_prefix,
    "relationship": Customer.relationship,
    "tags": Customer.tags,
    "country": Customer.country,
    "address_line1": Customer.address_line1,
    "address_line2": Customer.address_line2,
    "city": Customer.city,
    "state": Customer.state,
    "postal_code": Customer.postal_code,
    "contact_first_name": Customer.contact_first_name,
    "contact_last_name": Customer.contact_last_name,
    "contact_email": Customer.contact_email,
    "contact_phone": Customer.contact_phone,
    "language": Customer.language,
    "culture": Customer.culture,
    "organization_registration_id": Customer.organization_registration_id,
    "indirect_reseller_partner_id": IndirectReseller.partner_id,
    "indirect_reseller_name": IndirectReseller.name,
    # Status and signer from the same (latest) attestation, so they always belong together.
    "agreement_status": _latest.status,
    "agreement_type": _latest.agreement_type,
    "signer_first_name": _latest.signer_first_name,
    "signer_last_name": _latest.signer_last_name,
    "signer_email": _latest.signer_email,
    "signer_phone": _latest.signer_phone,
    "date_accepted": _latest.date_accepted,
    "account_status": Customer.account_status,
    "created_at": Customer.created_at,
    "created_by": Customer.created_by,
    "updated_at": Customer.updated_at,
    "updated_by": Customer.updated_by,
}
assert set(_SOURCES) == {column.key for column in COLUMNS}


def _batch(conditions: list[ColumnElement[bool]], after_id: int, size: int) -> Select[Any]:
    """The next ``size`` customers after ``after_id``, by id, with their reseller and agreement."""
    latest_id = (
        select(AgreementAcceptance.id)
        .where(AgreementAcceptance.customer_id == Customer.id)
        .order_by(AgreementAcceptance.recorded_at.desc(), AgreementAcceptance.id.desc())
        .limit(1)
        .correlate(Customer)
        .scalar_subquery()
    )
    return (
        select(Customer.id, *(_SOURCES[column.key].label(column.key) for column in COLUMNS))
        .outerjoin(IndirectReseller, IndirectReseller.id == Customer.indirect_reseller_id)
        .outerjoin(_latest, _latest.id == latest_id)
        .where(*conditions, Customer.id > after_id)
        .order_by(Customer.id)
        .limit(size)
    )


def _cells(row: Row[Any]) -> list[str]:
    values = row._mapping
    return [neutralise(_text(column.key, values[column.key])) for column in COLUMNS]


def _text(key: str, value: object) -> str:
    if value is None:
        return ""
    if key == "domain":
        return f"{value}{ONMICROSOFT}"
    if key == "relationship":
        return RELATIONSHIP_LABELS[Relationship(str(value))]
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime(TIME_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
