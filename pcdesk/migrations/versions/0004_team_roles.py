"""Team roles: who holds which Partner Center role, so pcdesk allows what Partner Center allows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21

An empty table means nobody has set roles up: a one-person database, where the user holds every
role. Nothing is filled in, so an upgraded database behaves exactly as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("user_name", sa.String(length=255), nullable=False),
        sa.Column("roles", sa.String(length=255), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("user_name", name=op.f("pk_team_member")),
    )


def downgrade() -> None:
    op.drop_table("team_member")
