"""On a shared PostgreSQL database the database itself enforces the team's roles: a role per
Partner Center role (``pcdesk_global_admin``, ``pcdesk_sales_agent``…), each granted only what
Partner Center lets that role do, and every team member's login granted the roles the team gives
it. Someone connecting with ``psql`` can do no more than pcdesk would let them.

Every team member may search, view and export customers, keep the history, and edit the
partner profile and the price list (``pcdesk_member``'s privileges, which every role has). Nothing
is granted to PUBLIC: until a team is recorded the database is its owner's alone, as before this
was installed (a login the owner never granted anything to could not use it then either), and
the owner holds every role. Recording a team grants each member's login its roles.

Installing needs a login that may create roles (the database's owner, usually); without one,
pcdesk still enforces the roles itself and says so in the log. SQLite has no logins: nothing here
applies to it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from pcdesk.enums import PartnerRole

log = logging.getLogger(__name__)

MEMBER = "pcdesk_member"  # what every member may do: read, keep the history, the profile, prices

# partner-center.md, "Partner roles", as services/partner/roles.py's ALLOWED has it: adding
# customers (INSERT customer, its agreement and subscriptions), editing details (UPDATE customer),
# ordering and changing subscriptions, requesting relationships, managing resellers and the team.
# Removing a relationship is the Global admin's: a trigger guards the relationship column.
_BUYING = (
    ("customer", "INSERT, UPDATE"),
    ("agreement_acceptance", "INSERT"),
    ("subscription", "INSERT, UPDATE"),
)
GROUP_PRIVILEGES: dict[PartnerRole, tuple[tuple[str, str], ...]] = {
    PartnerRole.GLOBAL_ADMIN: (
        *_BUYING,
        ("indirect_reseller", "INSERT, UPDATE, DELETE"),
        ("team_member", "INSERT, UPDATE, DELETE"),
    ),
    PartnerRole.ADMIN_AGENT: (
        *_BUYING,
        ("relationship_request", "INSERT, UPDATE"),
        ("indirect_reseller", "INSERT, UPDATE, DELETE"),
    ),
    PartnerRole.SALES_AGENT: (*_BUYING, ("relationship_request", "INSERT, UPDATE")),
    PartnerRole.HELPDESK_AGENT: (("customer", "UPDATE"),),
    PartnerRole.BILLING_ADMIN: (),
}
MEMBER_PRIVILEGES: tuple[tuple[str, str], ...] = (
    ("audit_event", "INSERT"),
    ("partner_profile", "UPDATE"),
    ("catalog_offer", "INSERT, UPDATE, DELETE"),
    ("partner_center_customer", "INSERT, UPDATE, DELETE"),
    ("partner_center_sync", "INSERT, UPDATE, DELETE"),
    ("partner_center_conflict", "INSERT, UPDATE, DELETE"),
    ("partner_center_outbox", "INSERT, UPDATE, DELETE"),  # migration 0007: work waiting to send
)


def group_role(role: PartnerRole) -> str:
    return f"pcdesk_{role.value}"


def _quote(connection: Connection | Session, name: str) -> str:
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    return bind.dialect.identifier_preparer.quote(name)


def installed(connection: Connection | Session) -> bool:
    """Whether this PostgreSQL database's roles are enforced by the database too."""
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    if bind.dialect.name != "postgresql":
        return False
    found = connection.execute(
        text(
            "SELECT has_table_privilege(:role, 'audit_event', 'INSERT')"
            " FROM pg_roles WHERE rolname = :role"
        ),
        {"role": MEMBER},
    ).scalar()
    return bool(found)


def install(connection: Connection) -> bool:
    """Create the roles (once per server), grant this schema's tables to them, guard the
    relationship column; grant the team's roles as recorded. False when this login may not.
    Run again by a migration that adds tables (it grants them too)."""
    allowed = connection.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not allowed:
        log.warning(
            "the database login may not create roles: pcdesk enforces the team's roles itself, "
            "and the database does not"
        )
        return False
    schema = _quote(connection, str(connection.execute(text("SELECT current_schema()")).scalar()))
    roles = [MEMBER, *(group_role(role) for role in PartnerRole)]
    for role in roles:
        # Roles belong to the server, not to one database: another pcdesk database made them.
        connection.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                f"'{role}') THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
            )
        )
    for role in PartnerRole:
        connection.execute(text(f"GRANT {MEMBER} TO {group_role(role)}"))
    for grantee in (MEMBER,):
        connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {grantee}"))
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {grantee}"))
        connection.execute(
            text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {grantee}")
        )
        for table, privileges in MEMBER_PRIVILEGES:
            if _exists(connection, table):  # a table of a later migration: granted by it
                connection.execute(text(f"GRANT {privileges} ON {table} TO {grantee}"))
    for role, grants in GROUP_PRIVILEGES.items():
        for table, privileges in grants:
            connection.execute(text(f"GRANT {privileges} ON {table} TO {group_role(role)}"))
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION pcdesk_guard_relationship() RETURNS trigger"
            " LANGUAGE plpgsql AS $$ BEGIN"
            "  IF NEW.relationship = 'none' AND OLD.relationship <> 'none'"
            "     AND EXISTS (SELECT 1 FROM team_member)"
            "     AND NOT pg_has_role(session_user, 'pcdesk_global_admin', 'MEMBER')"
            "     AND NOT pg_has_role(session_user,"
            "         (SELECT tableowner FROM pg_tables"
            "          WHERE schemaname = current_schema() AND tablename = 'customer'), 'MEMBER')"
            "  THEN RAISE EXCEPTION 'only a Global admin may remove a relationship'"
            "       USING ERRCODE = '42501';"
            "  END IF; RETURN NEW; END $$"
        )
    )
    connection.execute(text("DROP TRIGGER IF EXISTS pcdesk_guard_relationship ON customer"))
    connection.execute(
        text(
            "CREATE TRIGGER pcdesk_guard_relationship BEFORE UPDATE OF relationship ON customer"
            " FOR EACH ROW EXECUTE FUNCTION pcdesk_guard_relationship()"
        )
    )
    team = {
        str(name): _parse(str(roles))
        for name, roles in connection.execute(text("SELECT user_name, roles FROM team_member"))
    }
    grant_team(connection, team, previous=())
    return True


def uninstall(connection: Connection) -> None:
    """Take this schema's grants back and drop the guard (the roles stay: other databases)."""
    if not connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": MEMBER}
    ).first():
        return
    schema = _quote(connection, str(connection.execute(text("SELECT current_schema()")).scalar()))
    connection.execute(text("DROP TRIGGER IF EXISTS pcdesk_guard_relationship ON customer"))
    connection.execute(text("DROP FUNCTION IF EXISTS pcdesk_guard_relationship()"))
    for role in ["PUBLIC", MEMBER, *(group_role(role) for role in PartnerRole)]:
        connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}"))
    connection.execute(text(f"REVOKE USAGE ON SCHEMA {schema} FROM {MEMBER}"))


def grant_team(
    connection: Connection | Session,
    team: Mapping[str, frozenset[PartnerRole]],
    previous: Iterable[str],
) -> None:
    """Grant each member's login the roles the team gives it, and take back the rest (from
    members who left too). A member's name that is no database login is left to pcdesk's own
    checks."""
    logins = set(
        connection.execute(text("SELECT rolname FROM pg_roles WHERE rolcanlogin")).scalars()
    )
    for name in {*previous, *team}:
        if name not in logins:
            continue
        login = _quote(connection, name)
        roles = team.get(name, frozenset())
        for role in PartnerRole:
            if role in roles:
                # A Global admin manages the team, so may hand these roles on in turn.
                admin = " WITH ADMIN OPTION" if PartnerRole.GLOBAL_ADMIN in roles else ""
                connection.execute(text(f"GRANT {group_role(role)} TO {login}{admin}"))
            else:
                connection.execute(text(f"REVOKE {group_role(role)} FROM {login}"))


def _exists(connection: Connection | Session, table: str) -> bool:
    return (
        connection.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}).scalar()
        is True
    )


def _parse(roles: str) -> frozenset[PartnerRole]:
    return frozenset(PartnerRole(value) for value in roles.split(",") if value)
