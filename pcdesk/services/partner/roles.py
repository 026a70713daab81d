"""Who may do what: the team's Partner Center roles, and the tasks each role allows.

Partner Center lets only some roles do some tasks (partner-center.md, "Partner roles"); pcdesk
follows the same table. Roles are kept per person in the database, so every workstation sharing it
agrees. Until someone records the team, nobody has roles set up: the database is one person's, and
that person holds every role. Once the team is recorded, a person who is not in it holds none.

What is enforced (``require`` inside the writing transaction, the UI action disabled saying why):
``ALLOWED`` below, one ``Task`` each: adding customers (the wizard and the customer import),
attesting an agreement, editing a customer's details, ordering and changing subscriptions,
requesting relationships (and marking requests accepted or cancelled), removing a relationship,
managing indirect resellers (and importing them), and changing the team. Anyone, in the team or
not, may search, view and export customers, and edit the partner profile and the price list.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pcdesk.errors import NotAllowed, ValidationFailed
from pcdesk.messages import QT_TRANSLATE_NOOP, Joined, Message
from pcdesk.models import PartnerRole, TeamMember, database_roles
from pcdesk.models.database import Database
from pcdesk.services import audit
from pcdesk.services.partner.actor import current_user
from pcdesk.services.validation.text import text_problem


class Task(enum.StrEnum):
    ADD_CUSTOMER = "add_customer"
    ATTEST_AGREEMENT = "attest_agreement"
    EDIT_CUSTOMER = "edit_customer"  # the account's details (Account tab's Edit)
    MANAGE_SUBSCRIPTIONS = "manage_subscriptions"  # order; change, suspend, reactivate, cancel
    REQUEST_RELATIONSHIP = "request_relationship"
    REMOVE_RELATIONSHIP = "remove_relationship"
    MANAGE_RESELLERS = "manage_resellers"  # add, edit, suspend, reactivate, import
    MANAGE_TEAM = "manage_team"


# partner-center.md, "Partner roles". Managing the team is the Global admin's, as in Partner Center.
ALLOWED: dict[Task, frozenset[PartnerRole]] = {
    Task.ADD_CUSTOMER: frozenset(
        {PartnerRole.ADMIN_AGENT, PartnerRole.SALES_AGENT, PartnerRole.GLOBAL_ADMIN}
    ),
    Task.ATTEST_AGREEMENT: frozenset({PartnerRole.ADMIN_AGENT, PartnerRole.SALES_AGENT}),
    # "Search and view customers, edit customer details: also Helpdesk agent"; the Global admin
    # manages the partner's account in Partner Center, customers' details included.
    Task.EDIT_CUSTOMER: frozenset(
        {
            PartnerRole.ADMIN_AGENT,
            PartnerRole.SALES_AGENT,
            PartnerRole.HELPDESK_AGENT,
            PartnerRole.GLOBAL_ADMIN,
        }
    ),
    # Ordering belongs with adding customers (an order is the wizard's last step), so the same
    # roles: the agents, and the Global admin, who may add a customer and so order for it.
    Task.MANAGE_SUBSCRIPTIONS: frozenset(
        {PartnerRole.ADMIN_AGENT, PartnerRole.SALES_AGENT, PartnerRole.GLOBAL_ADMIN}
    ),
    Task.REQUEST_RELATIONSHIP: frozenset({PartnerRole.ADMIN_AGENT, PartnerRole.SALES_AGENT}),
    Task.REMOVE_RELATIONSHIP: frozenset({PartnerRole.GLOBAL_ADMIN}),
    # Partner Center lets the Admin agent and the Global admin manage reseller relationships;
    # Sales agents sell to customers, and do not decide who the partner's resellers are.
    Task.MANAGE_RESELLERS: frozenset({PartnerRole.ADMIN_AGENT, PartnerRole.GLOBAL_ADMIN}),
    Task.MANAGE_TEAM: frozenset({PartnerRole.GLOBAL_ADMIN}),
}

ROLE_NAMES: dict[PartnerRole, str] = {
    PartnerRole.GLOBAL_ADMIN: QT_TRANSLATE_NOOP("roles", "Global admin"),
    PartnerRole.ADMIN_AGENT: QT_TRANSLATE_NOOP("roles", "Admin agent"),
    PartnerRole.SALES_AGENT: QT_TRANSLATE_NOOP("roles", "Sales agent"),
    PartnerRole.HELPDESK_AGENT: QT_TRANSLATE_NOOP("roles", "Helpdesk agent"),
    PartnerRole.BILLING_ADMIN: QT_TRANSLATE_NOOP("roles", "Billing admin"),
}


@dataclass(frozen=True)
class TeamMemberData:
    user_name: str
    roles: frozenset[PartnerRole]


def _parse(roles: str) -> frozenset[PartnerRole]:
    return frozenset(PartnerRole(value) for value in roles.split(",") if value)


def _stored(roles: Iterable[PartnerRole]) -> str:
    return ",".join(sorted(role.value for role in roles))


def roles_in_session(session: Session, user_name: str) -> frozenset[PartnerRole]:
    """``user_name``'s roles: every role while no team is recorded, none if not in the team."""
    if session.scalar(select(func.count()).select_from(TeamMember)) == 0:
        return frozenset(PartnerRole)
    member = session.get(TeamMember, user_name)
    return frozenset() if member is None else _parse(member.roles)


def roles_of(db: Database, user_name: str | None = None) -> frozenset[PartnerRole]:
    with db.reading() as session:
        return roles_in_session(session, user_name or current_user(db))


def may(db: Database, task: Task, user_name: str | None = None) -> bool:
    """Whether ``user_name`` (default: whoever is using pcdesk) may do ``task``."""
    return bool(roles_of(db, user_name) & ALLOWED[task])


def not_allowed_message(task: Task) -> Message:
    """Why the task is refused, naming the roles that may do it."""
    roles = Joined(
        Message(ROLE_NAMES[role], context="roles") for role in PartnerRole if role in ALLOWED[task]
    )
    # The roles are a list ("Admin agent / Sales agent"), so no article or verb agrees with them.
    return Message(
        QT_TRANSLATE_NOOP(
            "roles",
            "Your role cannot do this. It needs: {roles}. Ask your Global admin for the role.",
        ),
        context="roles",
        roles=roles,
    )


def require(session: Session, task: Task, user_name: str) -> None:
    """Raise NotAllowed unless ``user_name`` holds a role that may do ``task``: call it inside
    the transaction that does the task, so a role taken away meanwhile is honoured."""
    if not roles_in_session(session, user_name) & ALLOWED[task]:
        raise NotAllowed(not_allowed_message(task))


def list_team(db: Database) -> tuple[TeamMemberData, ...]:
    """The recorded team by user name; empty while nobody has set roles up."""
    with db.reading() as session:
        rows = session.scalars(select(TeamMember).order_by(TeamMember.user_name))
        return tuple(TeamMemberData(row.user_name, _parse(row.roles)) for row in rows)


def set_team(
    db: Database,
    members: Iterable[TeamMemberData],
    *,
    actor: str | None = None,
) -> tuple[TeamMemberData, ...]:
    """Replace the recorded team with ``members``, in one transaction.

    Only a Global admin may (anyone may while no team is recorded). The team must keep a Global
    admin, and whoever records it must be in it, so nobody locks the team out by mistake. Raises
    ValidationFailed (field ``team``), NotAllowed or Unavailable.
    """
    actor = actor or current_user(db)
    wanted: dict[str, frozenset[PartnerRole]] = {}
    for member in members:
        name = member.user_name.strip()
        if not name:
            raise ValidationFailed(
                {"team": Message(QT_TRANSLATE_NOOP("roles", "Enter a user name."), context="roles")}
            )
        hygiene = text_problem(name, 255)
        if hygiene is not None:
            raise ValidationFailed({"team": hygiene})
        if name in wanted:
            raise ValidationFailed(
                {
                    "team": Message(
                        QT_TRANSLATE_NOOP("roles", "{name} is listed twice."),
                        context="roles",
                        name=name,
                    )
                }
            )
        wanted[name] = member.roles
    if wanted and not any(PartnerRole.GLOBAL_ADMIN in roles for roles in wanted.values()):
        raise ValidationFailed(
            {
                "team": Message(
                    QT_TRANSLATE_NOOP("roles", "The team needs at least one Global admin."),
                    context="roles",
                )
            }
        )
    if wanted and actor not in wanted:
        raise ValidationFailed(
            {
                "team": Message(
                    QT_TRANSLATE_NOOP(
                        "roles",
                        "Add yourself ({name}) to the team, or you could not change it again.",
                    ),
                    context="roles",
                    name=actor,
                )
            }
        )
    with db.writing() as session:
        require(session, Task.MANAGE_TEAM, actor)
        existing = {row.user_name: row for row in session.scalars(select(TeamMember))}
        for name, row in existing.items():
            if name not in wanted:
                session.delete(row)
                audit.record(session, actor, "team.member_removed", user=name)
        for name, roles in wanted.items():
            current = existing.get(name)
            if current is None:
                session.add(TeamMember(user_name=name, roles=_stored(roles), updated_by=actor))
                audit.record(session, actor, "team.member_added", user=name, roles=_stored(roles))
            elif _parse(current.roles) != roles:
                current.roles = _stored(roles)
                current.updated_by = actor
                audit.record(session, actor, "team.roles_changed", user=name, roles=_stored(roles))
        if database_roles.installed(session):  # PostgreSQL: the database enforces them too
            database_roles.grant_team(session, wanted, previous=existing)
    return tuple(TeamMemberData(name, wanted[name]) for name in sorted(wanted))
