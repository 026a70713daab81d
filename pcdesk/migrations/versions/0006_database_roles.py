"""On PostgreSQL, the database enforces the team's roles too: a role per Partner Center role,
each granted only what it may do; the team's logins granted their roles (models/database_roles).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Nothing changes on SQLite. On PostgreSQL without a login that may create roles, nothing changes
either: pcdesk keeps enforcing the roles itself, and the log says the database does not.
"""

from collections.abc import Sequence

from alembic import op

from pcdesk.models import database_roles

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        database_roles.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        database_roles.uninstall(bind)
