"""The partner's indirect resellers, as the Add customer wizard offers them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pcdesk.models import IndirectReseller, ResellerState, fold
from pcdesk.models.database import Database


@dataclass(frozen=True)
class ResellerData:
    id: int
    name: str
    partner_id: str  # MPN ID
    country: str
    state: ResellerState


def list_resellers(db: Database, *, active_only: bool = True) -> tuple[ResellerData, ...]:
    """The resellers (by default only active ones), by name ignoring case, then by id."""
    statement = select(
        IndirectReseller.id,
        IndirectReseller.name,
        IndirectReseller.partner_id,
        IndirectReseller.country,
        IndirectReseller.state,
    )
    if active_only:
        statement = statement.where(IndirectReseller.state == ResellerState.ACTIVE)
    with db.session_factory() as session:
        rows = session.execute(statement).all()
    resellers = [
        ResellerData(id=row[0], name=row[1], partner_id=row[2], country=row[3], state=row[4])
        for row in rows
    ]
    # Sorted here: a partner has tens of resellers, and SQL's lower() and collations would order
    # non-English names differently on SQLite and on PostgreSQL.
    return tuple(sorted(resellers, key=lambda reseller: (fold(reseller.name), reseller.id)))
