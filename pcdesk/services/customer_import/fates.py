"""Import customers, preview: the fate of each row (new, update, unchanged, duplicate, invalid),
and the messages that say why.

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

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    AgreementStatus,
    ResellerState,
)
from pcdesk.services.customer_import.cells import ReadRow
from pcdesk.services.customer_import.columns import column_header, import_message
from pcdesk.services.customer_import.lookup import (
    ACCOUNT_FIELDS,
    ImportContext,
    Lookup,
    agreement_key,
)
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.validation import validate_agreement, validate_customer

Change = tuple[str, Any, Any]  # (field, old value, new value)


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


def _duplicate(row: ReadRow, context: ImportContext) -> Message | None:
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
        first = context.first_of_domain.first(row.domain_prefix, row.line)
        if first != row.line:
            return import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "The same initial domain as line {line}; only that line is imported.",
                ),
                line=first,
            )
    context.first_of_id.first(row.microsoft_id, row.line)
    return None


def _reseller(
    row: ReadRow, context: ImportContext, current: int | None
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
    row: ReadRow, context: ImportContext, *, agreement_changed: bool, stored_country: str | None
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


def _new(row: ReadRow, context: ImportContext) -> PreviewRow:
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
    row: ReadRow, existing: Row[Any], lookup: Lookup, reseller_id: int | None
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
            wanted = agreement_key(status.value, details.agreement_type.value, details.agreement)
            if stored != wanted:
                changes.append(("agreement", stored[0] if stored else "", status.value))
    return changes


def _existing(
    row: ReadRow, existing: Row[Any], lookup: Lookup, context: ImportContext
) -> PreviewRow:
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


def row_fate(row: ReadRow, lookup: Lookup, context: ImportContext) -> PreviewRow:
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
