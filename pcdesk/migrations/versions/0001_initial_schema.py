"""Initial schema: partner, resellers, customers, agreements, catalog, subscriptions, requests, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-21

Migrations never import pcdesk.models: each one is frozen as it was written.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "catalog_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(length=20), nullable=False),
        sa.Column("sku_id", sa.String(length=8), nullable=False),
        sa.Column("product_title", sa.String(length=255), nullable=False),
        sa.Column("sku_title", sa.String(length=255), nullable=False),
        sa.Column("publisher", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("unit_of_measure", sa.String(length=50), nullable=False),
        sa.Column("tags", sa.String(length=255), nullable=False),
        sa.Column("term", sa.String(length=8), nullable=False),
        sa.Column("billing_plan", sa.String(length=16), nullable=False),
        sa.Column("market", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("erp_price", sa.Numeric(precision=18, scale=4), nullable=False),
        sa.Column("min_quantity", sa.Integer(), nullable=False),
        sa.Column("max_quantity", sa.Integer(), nullable=False),
        sa.Column("effective_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("effective_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_of_sale", sa.DateTime(timezone=True), nullable=True),
        sa.Column("segment", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "min_quantity >= 0 AND max_quantity >= min_quantity",
            name=op.f("ck_catalog_offer_quantity_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_offer")),
        sa.UniqueConstraint(
            "product_id",
            "sku_id",
            "market",
            "term",
            "billing_plan",
            "segment",
            name="uq_offer_item",
        ),
    )
    with op.batch_alter_table("catalog_offer", schema=None) as batch_op:
        batch_op.create_index("ix_catalog_offer_market", ["market", "product_title"], unique=False)

    op.create_table(
        "indirect_reseller",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("partner_id", sa.String(length=20), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "active",
                "suspended",
                name="resellerstate",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indirect_reseller")),
    )
    with op.batch_alter_table("indirect_reseller", schema=None) as batch_op:
        batch_op.create_index("ix_indirect_reseller_partner_id", ["partner_id"], unique=True)
    op.create_index("ix_indirect_reseller_name_ci", "indirect_reseller", [sa.text("lower(name)")])

    op.create_table(
        "partner_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("partner_id", sa.String(length=20), nullable=False),
        sa.Column(
            "partner_type",
            sa.Enum(
                "direct_bill",
                "indirect_provider",
                "indirect_reseller",
                name="partnertype",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "instance",
            sa.Enum(
                "global",
                "us_government",
                "china_21vianet",
                name="partnercenterinstance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("domain", sa.String(length=255), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=255), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_partner_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_profile")),
    )
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("microsoft_id", sa.String(length=36), nullable=False),
        sa.Column("company_name", sa.String(length=255), nullable=False),
        sa.Column("name_key", sa.String(length=1020), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("address_line1", sa.String(length=200), nullable=False),
        sa.Column("address_line2", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("contact_first_name", sa.String(length=50), nullable=False),
        sa.Column("contact_last_name", sa.String(length=50), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=False),
        sa.Column("domain_prefix", sa.String(length=27), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("culture", sa.String(length=16), nullable=False),
        sa.Column("organization_registration_id", sa.String(length=64), nullable=False),
        sa.Column("indirect_reseller_id", sa.Integer(), nullable=True),
        sa.Column(
            "relationship",
            sa.Enum(
                "reseller",
                "none",
                "advisor",
                "syndication",
                "microsoft_support",
                name="relationship",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "account_status",
            sa.Enum(
                "active",
                "under_review",
                "disabled",
                name="accountstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("tags", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indirect_reseller_id"],
            ["indirect_reseller.id"],
            name=op.f("fk_customer_indirect_reseller_id_indirect_reseller"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("microsoft_id", name=op.f("uq_customer_microsoft_id")),
    )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index("ix_customer_country", ["country", "name_key"], unique=False)
        batch_op.create_index("ix_customer_created_at", ["created_at", "id"], unique=False)
        batch_op.create_index(
            "ix_customer_indirect_reseller_id", ["indirect_reseller_id"], unique=False
        )
        batch_op.create_index("ix_customer_name_key", ["name_key", "id"], unique=False)
        batch_op.create_index(
            "ix_customer_relationship", ["relationship", "name_key"], unique=False
        )
    op.create_index(
        "ix_customer_domain_prefix_ci", "customer", [sa.text("lower(domain_prefix)")], unique=True
    )
    op.create_index("ix_customer_contact_email_ci", "customer", [sa.text("lower(contact_email)")])

    op.create_table(
        "agreement_acceptance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "agreement_type",
            sa.Enum(
                "microsoft_customer_agreement",
                "microsoft_cloud_agreement",
                name="agreementtype",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "accepted",
                "pending",
                name="agreementstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("signer_first_name", sa.String(length=50), nullable=True),
        sa.Column("signer_last_name", sa.String(length=50), nullable=True),
        sa.Column("signer_email", sa.String(length=254), nullable=True),
        sa.Column("signer_phone", sa.String(length=32), nullable=True),
        sa.Column("date_accepted", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=255), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status <> 'accepted' OR (signer_first_name IS NOT NULL AND signer_last_name IS NOT NULL AND signer_email IS NOT NULL AND date_accepted IS NOT NULL)",
            name=op.f("ck_agreement_acceptance_accepted_has_signer"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_agreement_acceptance_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_acceptance")),
    )
    with op.batch_alter_table("agreement_acceptance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_acceptance_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_audit_event_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_event_customer", ["customer_id", "occurred_at"], unique=False
        )
        batch_op.create_index("ix_audit_event_occurred_at", ["occurred_at"], unique=False)

    op.create_table(
        "relationship_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("prospect_company_name", sa.String(length=255), nullable=False),
        sa.Column("recipient_email", sa.String(length=254), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "accepted",
                "cancelled",
                name="requeststatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_relationship_request_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship_request")),
    )
    with op.batch_alter_table("relationship_request", schema=None) as batch_op:
        batch_op.create_index("ix_relationship_request_customer_id", ["customer_id"], unique=False)
        batch_op.create_index(
            "ix_relationship_request_status", ["status", "created_at"], unique=False
        )

    op.create_table(
        "subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=8), nullable=False),
        sa.Column("billing_plan", sa.String(length=16), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "suspended",
                "cancelled",
                name="subscriptionstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("indirect_reseller_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_subscription_quantity_not_negative")),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_subscription_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indirect_reseller_id"],
            ["indirect_reseller.id"],
            name=op.f("fk_subscription_indirect_reseller_id_indirect_reseller"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["catalog_offer.id"],
            name=op.f("fk_subscription_offer_id_catalog_offer"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription")),
    )
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.create_index(
            "ix_subscription_customer_status", ["customer_id", "status"], unique=False
        )
        batch_op.create_index("ix_subscription_offer_id", ["offer_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("subscription", schema=None) as batch_op:
        batch_op.drop_index("ix_subscription_offer_id")
        batch_op.drop_index("ix_subscription_customer_status")

    op.drop_table("subscription")
    with op.batch_alter_table("relationship_request", schema=None) as batch_op:
        batch_op.drop_index("ix_relationship_request_status")
        batch_op.drop_index("ix_relationship_request_customer_id")

    op.drop_table("relationship_request")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_occurred_at")
        batch_op.drop_index("ix_audit_event_customer")

    op.drop_table("audit_event")
    with op.batch_alter_table("agreement_acceptance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_acceptance_customer_id"))

    op.drop_table("agreement_acceptance")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_relationship")
        batch_op.drop_index("ix_customer_name_key")
        batch_op.drop_index("ix_customer_indirect_reseller_id")
        batch_op.drop_index("ix_customer_created_at")
        batch_op.drop_index("ix_customer_country")

    op.drop_table("customer")
    op.drop_table("partner_profile")
    with op.batch_alter_table("indirect_reseller", schema=None) as batch_op:
        batch_op.drop_index("ix_indirect_reseller_partner_id")

    op.drop_table("indirect_reseller")
    with op.batch_alter_table("catalog_offer", schema=None) as batch_op:
        batch_op.drop_index("ix_catalog_offer_market")

    op.drop_table("catalog_offer")
