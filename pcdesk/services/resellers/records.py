"""The partner's indirect resellers: listing them, and adding, editing, suspending them.

Only an indirect provider has indirect resellers (partner-center.md, "Indirect providers and
their resellers"); every write refuses other partner types, and a user whose role may not manage
resellers (``roles.Task.MANAGE_RESELLERS``). A reseller is never deleted: customers point at
it. Suspending one keeps it on its existing customers, but the Add customer wizard no longer
offers it and ``create_customer`` refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    Customer,
    IndirectReseller,
    PartnerProfile,
    PartnerType,
    ResellerState,
)
from pcdesk.models import fold as fold  # re-exported: the views sort and search alike
from pcdesk.models.collation import sort_key
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import Task, require
from pcdesk.services.validation.reseller import CONTEXT, FIELDS, normalized_reseller
from pcdesk.services.validation.reseller import ResellerInput as ResellerInput  # re-exported
from pcdesk.services.validation.reseller import validate_reseller as validate_reseller


@dataclass(frozen=True)
class ResellerData:
    id: int
    name: str
    partner_id: str  # MPN ID
    country: str
    state: ResellerState
    tenant_id: str | None = None  # the reseller's own Microsoft tenant (Partner Center's id)

    @property
    def is_active(self) -> bool:
        return self.state is ResellerState.ACTIVE


def _message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


# -- reading ---------------------------------------------------------------------------------------


def reseller_data(row: IndirectReseller) -> ResellerData:
    return ResellerData(
        id=row.id,
        name=row.name,
        partner_id=row.partner_id,
        country=row.country,
        state=row.state,
        tenant_id=row.tenant_id,
    )


def list_resellers(db: Database, *, active_only: bool = True) -> tuple[ResellerData, ...]:
    """The resellers (by default only active ones), by name ignoring case, then by id."""
    statement = select(
        IndirectReseller.id,
        IndirectReseller.name,
        IndirectReseller.partner_id,
        IndirectReseller.country,
        IndirectReseller.state,
        IndirectReseller.tenant_id,
    )
    if active_only:
        statement = statement.where(IndirectReseller.state == ResellerState.ACTIVE)
    with db.reading() as session:
        rows = session.execute(statement).all()
    resellers = [
        ResellerData(
            id=row[0],
            name=row[1],
            partner_id=row[2],
            country=row[3],
            state=row[4],
            tenant_id=row[5],
        )
        for row in rows
    ]
    # Sorted here, in the customer list's order of names (models/collation.py): a partner has
    # tens of resellers, and SQL's lower() and collations would order non-English names
    # differently on SQLite and on PostgreSQL.
    return tuple(sorted(resellers, key=lambda reseller: (sort_key(reseller.name), reseller.id)))


def get_reseller(db: Database, reseller_id: int) -> ResellerData:
    """One reseller as stored now. Raises NotFound."""
    with db.reading() as session:
        row = session.get(IndirectReseller, reseller_id)
        if row is None:
            raise NotFound(reseller_id)
        return reseller_data(row)


def reseller_customer_count(db: Database, reseller_id: int) -> int:
    """How many customers are associated with the reseller (one indexed count)."""
    with db.reading() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Customer)
            .where(Customer.indirect_reseller_id == reseller_id)
        )
    return int(count or 0)


def partner_id_taken_message(partner_id: str, owner: str) -> Message:
    return _message(
        QT_TRANSLATE_NOOP("resellers", "Partner ID {partner_id} already belongs to {name}."),
        partner_id=partner_id,
        name=owner,
    )


def tenant_id_taken_message(owner: str) -> Message:
    return _message(
        QT_TRANSLATE_NOOP("resellers", "This tenant ID already belongs to {name}."), name=owner
    )


# -- checks that need the database -----------------------------------------------------------------


def not_indirect_provider_message() -> Message:
    return _message(
        QT_TRANSLATE_NOOP(
            "resellers",
            "Only an indirect provider has indirect resellers. If you are one, set the partner "
            "type in your partner profile first.",
        )
    )


def require_indirect_provider(session: Session) -> None:
    """Raise NotAllowed unless the partner is an indirect provider."""
    partner = session.get(PartnerProfile, 1)
    if partner is None or partner.partner_type is not PartnerType.INDIRECT_PROVIDER:
        raise NotAllowed(not_indirect_provider_message())


def require_reseller_manager(session: Session, actor: str) -> None:
    """Raise NotAllowed unless the partner is an indirect provider (checked first: without
    resellers no role helps) and ``actor``'s role may manage resellers."""
    require_indirect_provider(session)
    require(session, Task.MANAGE_RESELLERS, actor)


def conflicts(session: Session, data: ResellerInput, reseller_id: int | None) -> dict[str, Message]:
    """Another reseller already holding this Partner ID or tenant ID (``data`` normalized)."""
    errors: dict[str, Message] = {}
    others = select(IndirectReseller.name)
    if reseller_id is not None:
        others = others.where(IndirectReseller.id != reseller_id)
    owner = session.scalar(others.where(IndirectReseller.partner_id == data.partner_id))
    if owner is not None:
        errors["partner_id"] = partner_id_taken_message(data.partner_id, owner)
    if data.tenant_id:
        owner = session.scalar(others.where(IndirectReseller.tenant_id == data.tenant_id))
        if owner is not None:
            errors["tenant_id"] = tenant_id_taken_message(owner)
    return errors


def _explain_integrity_error(
    db: Database, data: ResellerInput, reseller_id: int | None, exc: IntegrityError
) -> None:
    """Another workstation took the Partner ID between our check and our write: say so."""
    with db.reading() as session:
        errors = conflicts(session, data, reseller_id)
    if errors:
        raise ValidationFailed(errors) from exc


# -- writing ---------------------------------------------------------------------------------------


def add_reseller(db: Database, data: ResellerInput, *, actor: str | None = None) -> ResellerData:
    """Add an active reseller, in one transaction with its audit event.

    Raises ValidationFailed (a message per field; a Partner ID or tenant ID already used is one
    too), NotAllowed (the partner is not an indirect provider, or the user's role may not manage
    resellers) or Unavailable.
    """
    actor = actor or current_user(db)
    errors = validate_reseller(data)
    if errors:
        raise ValidationFailed(errors)
    data = normalized_reseller(data)
    try:
        with db.writing() as session:
            require_reseller_manager(session, actor)
            errors = conflicts(session, data, None)
            if errors:
                raise ValidationFailed(errors)
            row = insert_reseller(session, data, actor)
            return reseller_data(row)
    except IntegrityError as exc:
        _explain_integrity_error(db, data, None, exc)
        raise


def insert_reseller(
    session: Session, data: ResellerInput, actor: str, **details: Any
) -> IndirectReseller:
    """Add a (validated, normalized) reseller and its audit event to ``session``."""
    row = IndirectReseller(
        name=data.name,
        partner_id=data.partner_id,
        tenant_id=data.tenant_id or None,
        country=data.country,
        state=ResellerState.ACTIVE,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "reseller.added",
        reseller_id=row.id,
        name=row.name,
        partner_id=row.partner_id,
        tenant_id=row.tenant_id,
        country=row.country,
        **details,
    )
    return row


def changes_of(reseller: ResellerData, data: ResellerInput) -> dict[str, tuple[str, str]]:
    """Field → (stored, new) for each value ``data`` changes (``data`` normalized; a blank
    tenant ID keeps the stored one)."""
    stored = {
        "name": reseller.name,
        "partner_id": reseller.partner_id,
        "tenant_id": reseller.tenant_id or "",
        "country": reseller.country,
    }
    wanted = {
        "name": data.name,
        "partner_id": data.partner_id,
        "tenant_id": data.tenant_id or stored["tenant_id"],
        "country": data.country,
    }
    return {
        field: (stored[field], wanted[field]) for field in FIELDS if stored[field] != wanted[field]
    }


def apply_changes(
    session: Session,
    row: IndirectReseller,
    changes: dict[str, tuple[str, str]],
    actor: str,
    **details: Any,
) -> None:
    """Write ``changes`` (from ``changes_of``) to ``row`` with an audit event."""
    for field, (_old, new) in changes.items():
        if field == "tenant_id":
            row.tenant_id = new or None
        else:
            setattr(row, field, new)
    session.flush()
    audit.record(
        session,
        actor,
        "reseller.updated",
        reseller_id=row.id,
        name=row.name,
        changes={field: list(pair) for field, pair in changes.items()},
        **details,
    )


def _edited_values(data: ResellerData) -> tuple[str, str, str | None, str]:
    # The state is not edited here: a suspension meanwhile does not conflict with a rename.
    return (data.name, data.partner_id, data.tenant_id, data.country)


def update_reseller(
    db: Database,
    reseller_id: int,
    data: ResellerInput,
    *,
    expected: ResellerData | None = None,
    actor: str | None = None,
) -> ResellerData:
    """Change a reseller's name, Partner ID, tenant ID or country, in one transaction.

    ``expected`` is the reseller as the user started editing it: if another workstation changed
    it since, ConcurrentChange is raised and nothing is written. A tenant ID, once recorded, stays
    required. Customers keep pointing at the reseller; their reseller name follows (a database
    trigger). Raises ValidationFailed, NotAllowed, NotFound, ConcurrentChange or Unavailable.
    """
    actor = actor or current_user(db)
    normal = normalized_reseller(data)
    try:
        with db.writing() as session:
            require_reseller_manager(session, actor)
            row = session.get(IndirectReseller, reseller_id)
            if row is None:
                raise NotFound(reseller_id)
            if expected is not None and _edited_values(reseller_data(row)) != _edited_values(
                expected
            ):
                raise ConcurrentChange(reseller_id)
            errors = validate_reseller(data, tenant_required=row.tenant_id is not None)
            if errors:
                raise ValidationFailed(errors)
            errors = conflicts(session, normal, reseller_id)
            if errors:
                raise ValidationFailed(errors)
            changes = changes_of(reseller_data(row), normal)
            if changes:
                apply_changes(session, row, changes, actor)
            return reseller_data(row)
    except IntegrityError as exc:
        _explain_integrity_error(db, normal, reseller_id, exc)
        raise


def _set_state(
    db: Database, reseller_id: int, state: ResellerState, action: str, actor: str | None
) -> ResellerData:
    actor = actor or current_user(db)
    with db.writing() as session:
        require_reseller_manager(session, actor)
        row = session.get(IndirectReseller, reseller_id)
        if row is None:
            raise NotFound(reseller_id)
        if row.state is not state:  # already so (another workstation did it): nothing to record
            row.state = state
            session.flush()
            audit.record(
                session, actor, action, reseller_id=row.id, name=row.name, partner_id=row.partner_id
            )
        return reseller_data(row)


def suspend_reseller(db: Database, reseller_id: int, *, actor: str | None = None) -> ResellerData:
    """Suspend a reseller: its customers keep it, new customers can no longer be given it."""
    return _set_state(db, reseller_id, ResellerState.SUSPENDED, "reseller.suspended", actor)


def reactivate_reseller(
    db: Database, reseller_id: int, *, actor: str | None = None
) -> ResellerData:
    """Make a suspended reseller available for new customers again."""
    return _set_state(db, reseller_id, ResellerState.ACTIVE, "reseller.reactivated", actor)
