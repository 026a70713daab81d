"""Import customers, first step: what each row of a customer list would do. Nothing is written.

``preview_import`` reads the file (services/customer_import_file.py) and, as it reads, looks its
customers up a thousand at a time by Microsoft ID and by initial domain, in one read transaction
(``preview_file`` does the same for a file read already). Each row gets a fate: new, update (with
the fields it changes), unchanged, duplicate (its Microsoft ID or domain came earlier in the file)
or invalid (with the reasons). Writing them is services/customer_import.py's ``apply_import``.

A row from Partner Center's file carries few fields: it is compared on those (company name,
relationship, tags). A row of pcdesk's export is compared on every account field it carries, and
checked by the same rules as the Add customer wizard when it adds or changes a customer (what is
stored already passed them). The initial domain never changes, nor does a country once set.

A primary domain name that is not an ``onmicrosoft.com`` domain (a customer may make a domain of
its own primary in Partner Center) cannot give pcdesk the customer's initial domain, which pcdesk
needs to know the customer and which never changes: such a row is invalid for a new customer, and
fine for an existing one found by its Microsoft ID (the domain is then not compared).
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Row, Table, func, select
from sqlalchemy.orm import Session

from pcdesk.models import (
    AgreementAcceptance,
    AgreementStatus,
    Customer,
    IndirectReseller,
    PartnerProfile,
    ResellerState,
)
from pcdesk.models.database import Database
from pcdesk.services.bulk_gc import collector_paused
from pcdesk.services.customer_details import ONMICROSOFT
from pcdesk.services.customer_import_file import (
    CustomerFile,
    FileFormat,
    ImportCancelled,
    ReadRow,
    column_header,
    import_message,
    open_customer_file,
)
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.storage_errors import translate_storage_errors
from pcdesk.services.validation import validate_agreement, validate_customer

CHUNK = 1000  # customers looked up per query, and rows written per statement
Progress = Callable[[int, int], bool]
Change = tuple[str, Any, Any]  # (field, old value, new value)

# Account fields a pcdesk row sets (the domain never changes; tags and the reseller apart).
ACCOUNT_FIELDS = tuple(
    field.name
    for field in fields(CustomerInput)
    if field.name not in ("domain_prefix", "indirect_reseller_id", "tags")
)


class Fate(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    INVALID = "invalid"


MATCHED = (Fate.NEW, Fate.UPDATE, Fate.UNCHANGED)  # the fates apply_import checks again
WRITTEN = (Fate.NEW, Fate.UPDATE)  # the fates apply_import writes


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """What one row of the file would do, and why."""

    line: int  # the physical line of the file where the row starts (the header is line 1)
    microsoft_id: str  # as the file gives them (canonical when valid)
    company_name: str
    domain: str
    fate: Fate
    # The customer's initial domain prefix: the file's for a new row, the stored one for a match.
    domain_prefix: str = ""
    reasons: tuple[Message, ...] = ()  # invalid: what is wrong; duplicate: which line came first
    changes: tuple[Change, ...] = ()  # update: (field, stored value, value from the file)
    customer_id: int | None = None  # the existing customer it matched
    version: int | None = None  # that customer's version at the preview
    reseller_id: int | None = None  # pcdesk rows: the reseller named by its Partner ID
    source: ReadRow | None = None  # the row as read, for the fates apply_import writes

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(change[0] for change in self.changes)


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    file_format: FileFormat
    rows: tuple[PreviewRow, ...]
    counts: Mapping[Fate, int] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", Counter(row.fate for row in self.rows))

    def count(self, fate: Fate) -> int:
        return self.counts.get(fate, 0)

    @property
    def to_write(self) -> int:
        return self.count(Fate.NEW) + self.count(Fate.UPDATE)


_T = TypeVar("_T")


def chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    size = CHUNK  # read at each call: tests make it small
    for start in range(0, len(items), size):
        yield items[start : start + size]


def customer_table() -> Table:
    table = Customer.__table__
    assert isinstance(table, Table)
    return table


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and not progress(done, total):
        raise ImportCancelled


# -- messages ----------------------------------------------------------------------------------------


def _in_column(key: str, problem: Message) -> Message:
    return import_message(
        QT_TRANSLATE_NOOP("customer_import", "{column}: {problem}"),
        column=column_header(key),
        problem=problem,
    )


def _customer_name(existing: Row[Any]) -> str:
    return f"{existing.company_name} ({existing.domain_prefix}{ONMICROSOFT})"


# Validation keys that are not the export's own column keys.
_COLUMN_OF = {"domain_prefix": "domain", "indirect_reseller_id": "indirect_reseller_partner_id"}


# -- preview --------------------------------------------------------------------------------------


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


def _agreement_key(
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
class _Lookup:
    """Existing customers of one chunk of rows, by Microsoft ID and by initial domain."""

    by_id: dict[str, Row[Any]]
    by_domain: dict[str, Row[Any]]
    agreements: dict[int, AgreementKey]


def _look_up(session: Session, rows: Sequence[ReadRow], *, agreements: bool) -> _Lookup:
    table = customer_table()
    columns = [table.c[name] for name in _COLUMNS]
    ids = sorted({row.microsoft_id for row in rows if row.problem is None})
    by_id: dict[str, Row[Any]] = {}
    by_domain: dict[str, Row[Any]] = {}
    if ids:
        for found in session.execute(select(*columns).where(table.c.microsoft_id.in_(ids))):
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
        # Whoever holds the others: only named in messages.
        domain = func.lower(table.c.domain_prefix)
        holders = select(
            table.c.id, table.c.microsoft_id, table.c.company_name, table.c.domain_prefix
        ).where(domain.in_(prefixes))
        for found in session.execute(holders):
            by_domain[found.domain_prefix.lower()] = found
    latest: dict[int, AgreementKey] = {}
    customer_ids = sorted({found.id for found in by_id.values()})
    if agreements and customer_ids:
        a = AgreementAcceptance
        statement = (
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
            .where(a.customer_id.in_(customer_ids))
            .order_by(a.customer_id, a.recorded_at, a.id)
        )
        for attestation in session.execute(statement):  # the latest of each comes last
            latest[attestation.customer_id] = _agreement_key(
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
    return _Lookup(by_id, by_domain, latest)


@dataclass
class _Context:
    partner_domains: list[str]
    resellers: dict[str, tuple[int, str, ResellerState]]  # Partner ID -> (id, name, state)
    today: dt.date
    first_of_id: dict[str, int]  # Microsoft ID -> the line it first came on
    first_of_domain: dict[str, int]


def _context(session: Session, today: dt.date) -> _Context:
    partner = session.get(PartnerProfile, 1)
    domains = [partner.domain] if partner is not None and partner.domain else []
    r = IndirectReseller
    resellers = {
        partner_id: (reseller_id, name, state)
        for reseller_id, partner_id, name, state in session.execute(
            select(r.id, r.partner_id, r.name, r.state)
        )
    }
    return _Context(domains, resellers, today, {}, {})


def _duplicate(row: ReadRow, context: _Context) -> Message | None:
    """Why the row repeats an earlier one, or None (and then it is remembered)."""
    first = context.first_of_id.get(row.microsoft_id)
    if first is not None:
        return import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "The same Microsoft ID as line {line}; only that line is imported.",
            ),
            line=first,
        )
    if row.domain_prefix:
        first = context.first_of_domain.get(row.domain_prefix)
        if first is not None:
            return import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "The same initial domain as line {line}; only that line is imported.",
                ),
                line=first,
            )
        context.first_of_domain[row.domain_prefix] = row.line
    context.first_of_id[row.microsoft_id] = row.line
    return None


def _reseller(
    row: ReadRow, context: _Context, current: int | None
) -> tuple[int | None, list[Message]]:
    """The reseller a pcdesk row names, and what is wrong with choosing it."""
    assert row.details is not None
    partner_id = row.details.reseller_partner_id
    if not partner_id:
        return None, []
    found = context.resellers.get(partner_id)
    if found is None:
        return None, [
            _in_column(
                "indirect_reseller_partner_id",
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import",
                        "No indirect reseller has the Partner ID {id}. Add the reseller first.",
                    ),
                    id=partner_id,
                ),
            )
        ]
    reseller_id, name, state = found
    # As in Account info: a reseller suspended since it was chosen stays; choosing one needs it active.
    if reseller_id != current and state is not ResellerState.ACTIVE:
        return reseller_id, [
            _in_column(
                "indirect_reseller_partner_id",
                import_message(
                    QT_TRANSLATE_NOOP(
                        "customer_import", "The indirect reseller {name} is suspended."
                    ),
                    name=name,
                ),
            )
        ]
    return reseller_id, []


def _account_problems(
    row: ReadRow, context: _Context, *, agreement_changed: bool, stored_country: str | None
) -> list[Message]:
    """Every Account info rule for a pcdesk row's details (new, or changing a customer)."""
    assert row.details is not None
    account = row.details.account
    errors: dict[str, Message] = dict(
        validate_customer(account, partner_domains=context.partner_domains).errors
    )
    if stored_country and account.country != stored_country:
        errors["country"] = import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "A customer's country/region cannot be changed (it is {country}).",
            ),
            country=stored_country,
        )
    agreement = row.details.agreement
    if agreement_changed and agreement is not None:
        errors.update(validate_agreement(agreement, today=context.today, country=account.country))
    return [_in_column(_COLUMN_OF.get(key, key), message) for key, message in errors.items()]


def _preview_row(
    row: ReadRow,
    fate: Fate = Fate.INVALID,
    *,
    existing: Row[Any] | None = None,
    reasons: tuple[Message, ...] = (),
    changes: tuple[Change, ...] = (),
    reseller_id: int | None = None,
) -> PreviewRow:
    """What ``row`` would do; ``existing`` is the customer it matched."""
    return PreviewRow(
        row.line,
        row.microsoft_id,
        row.company_name,
        row.domain,
        fate,
        domain_prefix=row.domain_prefix if existing is None else existing.domain_prefix.lower(),
        reasons=reasons,
        changes=changes,
        customer_id=None if existing is None else existing.id,
        version=None if existing is None else existing.version,
        reseller_id=reseller_id,
        # Only the rows apply_import writes need it; the others leave it, to spare memory.
        source=row if fate in WRITTEN else None,
    )


def _new(row: ReadRow, context: _Context) -> PreviewRow:
    if not row.domain_prefix:
        reason = import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "{domain} is not an initial domain (name.onmicrosoft.com); pcdesk needs "
                "the customer's initial domain to add it. Put it in the Primary domain "
                "name column.",
            ),
            domain=row.domain,
        )
        return _preview_row(row, reasons=(reason,))
    reseller_id = None
    problems: list[Message] = []
    if row.details is not None:
        reseller_id, problems = _reseller(row, context, None)
        problems = (
            _account_problems(row, context, agreement_changed=True, stored_country=None) + problems
        )
    if problems:
        return _preview_row(row, reasons=tuple(problems))
    return _preview_row(row, Fate.NEW, reseller_id=reseller_id)


def _changes(
    row: ReadRow, existing: Row[Any], lookup: _Lookup, reseller_id: int | None
) -> list[Change]:
    changes: list[Change] = []

    def compare(name: str, old: Any, new: Any) -> None:
        if old != new:
            changes.append((name, old, new))

    assert row.relationship is not None
    compare("company_name", existing.company_name, row.company_name)
    compare("relationship", existing.relationship.value, row.relationship.value)
    if row.tags is not None:
        compare("tags", existing.tags, row.tags)
    if row.account_status is not None:
        compare("account_status", existing.account_status.value, row.account_status.value)
    details = row.details
    if details is not None:
        for name in ACCOUNT_FIELDS:
            if name != "company_name":
                compare(name, getattr(existing, name), getattr(details.account, name))
        compare("indirect_reseller_id", existing.indirect_reseller_id, reseller_id)
        if details.agreement is not None:
            stored = lookup.agreements.get(existing.id)
            status = (
                AgreementStatus.ACCEPTED if details.agreement.accepted else AgreementStatus.PENDING
            )
            wanted = _agreement_key(status.value, details.agreement_type.value, details.agreement)
            if stored != wanted:
                changes.append(("agreement", stored[0] if stored else "", status.value))
    return changes


def _existing(row: ReadRow, existing: Row[Any], lookup: _Lookup, context: _Context) -> PreviewRow:
    holder = lookup.by_domain.get(row.domain_prefix) if row.domain_prefix else None
    if holder is not None and holder.id != existing.id:
        reason = import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "The Microsoft ID is that of {customer}, but {domain} is the initial domain of "
                "{other}.",
            ),
            customer=_customer_name(existing),
            domain=row.domain,
            other=_customer_name(holder),
        )
        return _preview_row(row, existing=existing, reasons=(reason,))
    if row.domain_prefix and row.domain_prefix != existing.domain_prefix.lower():
        reason = import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "The Microsoft ID is that of {customer}; a customer's initial domain never "
                "changes, so it cannot become {domain}.",
            ),
            customer=_customer_name(existing),
            domain=row.domain,
        )
        return _preview_row(row, existing=existing, reasons=(reason,))
    reseller_id: int | None = existing.indirect_reseller_id
    problems: list[Message] = []
    if row.details is not None:
        reseller_id, problems = _reseller(row, context, existing.indirect_reseller_id)
        if row.details.reseller_partner_id and reseller_id is None:
            # It names a reseller pcdesk lacks.
            return _preview_row(row, existing=existing, reasons=tuple(problems))
    changes = _changes(row, existing, lookup, reseller_id)
    if not changes:
        return _preview_row(row, Fate.UNCHANGED, existing=existing, reseller_id=reseller_id)
    if row.details is not None:
        # Checked only when something changes: what is stored passed these rules when written.
        changed = {change[0] for change in changes}
        problems = _account_problems(
            row,
            context,
            agreement_changed="agreement" in changed,
            stored_country=existing.country,
        ) + (problems if "indirect_reseller_id" in changed else [])
        if problems:
            return _preview_row(row, existing=existing, reasons=tuple(problems))
    return _preview_row(
        row, Fate.UPDATE, existing=existing, changes=tuple(changes), reseller_id=reseller_id
    )


def _fate(row: ReadRow, lookup: _Lookup, context: _Context) -> PreviewRow:
    if row.problem is not None:
        return _preview_row(row, reasons=(row.problem,))
    duplicate = _duplicate(row, context)
    if duplicate is not None:
        return _preview_row(row, Fate.DUPLICATE, reasons=(duplicate,))
    existing = lookup.by_id.get(row.microsoft_id)
    if existing is not None:
        return _existing(row, existing, lookup, context)
    holder = lookup.by_domain.get(row.domain_prefix) if row.domain_prefix else None
    if holder is not None:
        reason = import_message(
            QT_TRANSLATE_NOOP(
                "customer_import",
                "{domain} is the initial domain of {customer}, whose Microsoft ID is {id}.",
            ),
            domain=row.domain,
            customer=holder.company_name,
            id=holder.microsoft_id,
        )
        return _preview_row(row, reasons=(reason,))
    return _new(row, context)


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
    previewed: list[PreviewRow] = []
    agreements = file_format is FileFormat.PCDESK
    with collector_paused(), translate_storage_errors(), db.session_factory() as session:
        _read_one_snapshot(session)
        context = _context(session, today)
        for batch in batches:
            lookup = _look_up(session, batch, agreements=agreements)
            previewed.extend(_fate(row, lookup, context) for row in batch)
            done(len(previewed))
    return ImportPreview(name, file_format, tuple(previewed))


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
