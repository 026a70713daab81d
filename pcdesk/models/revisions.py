"""The schema's revisions: which ones pcdesk knows, which one a database is at (both without
loading Alembic), and migrating to another (through Alembic, loaded then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

# Any constant will do: it keeps two workstations from migrating one PostgreSQL database at once.
_PG_MIGRATION_LOCK = 0x70CDE5
# The migrations' revisions, oldest first (pcdesk/migrations/versions; a test checks they are
# the scripts'). Known without loading Alembic, which starting pcdesk on a current database never
# needs: a new migration adds its revision here.
REVISIONS = tuple(f"{number:04d}" for number in range(1, 14))  # "0001" to "0013"
HEAD_REVISION = REVISIONS[-1]


def alembic_config() -> Config:
    from alembic.config import Config  # (Alembic is loaded only to migrate)

    config = Config()
    config.set_main_option("script_location", "pcdesk:migrations")
    return config


def head_revision() -> str:
    """The newest schema revision this pcdesk knows (its last migration)."""
    return HEAD_REVISION


def script_head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts (slow: loads them)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the schema to ``revision`` in one transaction on the given engine."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (None: no pcdesk schema yet), read without Alembic."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            exists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        else:  # in the schemas of the search path, as Alembic looks
            exists = "SELECT 1 WHERE to_regclass('alembic_version') IS NOT NULL"
        if connection.exec_driver_sql(exists).first() is None:
            return None
        found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        # pcdesk's history is one line: several heads are no revision it knows
        return ",".join(sorted(str(row[0]) for row in found)) or None


def is_known_revision(revision: str) -> bool:
    return revision in REVISIONS
