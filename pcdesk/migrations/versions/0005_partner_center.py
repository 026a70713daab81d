"""Partner Center: the app ID to sign in with, each customer's sync state, the sync's checkpoint,
the conflicts left to settle, and Partner Center's id on subscriptions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

Nothing is filled in: an upgraded database has never synced, and every customer in it is "not in
Partner Center" until the first sync finds it there. Columns are added with plain ADD COLUMN (a
batch copy of a table would lose 0003's triggers and expression indexes).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "partner_profile", sa.Column("partner_center_app_id", sa.String(36), nullable=True)
    )
    op.add_column("subscription", sa.Column("partner_center_id", sa.String(64), nullable=True))
    op.create_index(
        "ix_subscription_partner_center_id", "subscription", ["partner_center_id"], unique=True
    )
    op.create_table(
        "partner_center_customer",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("in_partner_center", sa.Boolean(), nullable=False),
        sa.Column("synced_company_name", sa.String(255), nullable=True),
        sa.Column("synced_relationship", sa.String(32), nullable=True),
        sa.Column("synced_indirect_reseller_id", sa.Integer(), nullable=True),
        sa.Column("seen_run", sa.Integer(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_partner_center_customer_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_partner_center_customer")),
    )
    op.create_index(
        "ix_partner_center_customer_seen",
        "partner_center_customer",
        ["in_partner_center", "seen_run"],
    )
    op.create_table(
        "partner_center_sync",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_full_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("audit_watermark", sa.DateTime(timezone=True), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("run_kind", sa.String(16), nullable=True),
        sa.Column("run_phase", sa.String(32), nullable=False),
        sa.Column("run_cursor", sa.Text(), nullable=False),
        sa.Column("run_counts", sa.Text(), nullable=False),
        sa.Column("run_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("run_by", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_center_sync")),
    )
    op.create_table(
        "partner_center_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("local_value", sa.Text(), nullable=False),
        sa.Column("partner_center_value", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_by", sa.String(255), nullable=True),
        sa.Column("resolution", sa.String(16), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_partner_center_conflict_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_center_conflict")),
    )
    op.create_index(
        "ix_partner_center_conflict_open",
        "partner_center_conflict",
        ["customer_id", "field", "settled_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_partner_center_conflict_open", table_name="partner_center_conflict")
    op.drop_table("partner_center_conflict")
    op.drop_table("partner_center_sync")
    op.drop_index("ix_partner_center_customer_seen", table_name="partner_center_customer")
    op.drop_table("partner_center_customer")
    op.drop_index("ix_subscription_partner_center_id", table_name="subscription")
    op.drop_column("subscription", "partner_center_id")
    op.drop_column("partner_profile", "partner_center_app_id")
