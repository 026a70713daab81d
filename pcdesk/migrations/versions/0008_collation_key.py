"""The customer list sorts company names as Taiwan does: customer.collation_key, filled and indexed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

``collation_key`` holds pcdesk.models.collation.sort_key(company_name): bytes in zh-TW's order
(Chinese by stroke count), compared as bytes by both databases. The list's company-name sort, and
the name order within a country, relationship, reseller or agreement status, use it in place of
``name_key`` (which the search keeps using): their indexes are made again on it.

Unlike 0002, this revision computes the key with the model's own function rather than a frozen
copy: the function reads a table of 93,000 characters (resources/collation), which no revision
could hold. A later change of the collation bumps collation.VERSION and adds a revision that
recomputes every key; what this one stored is then replaced.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pcdesk.models import collation

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Rows read and written per statement: two parameters each, well under SQLite's 32,766.
_BATCH_SIZE = 1000

# The sort indexes that held name_key, as they were and as they are now; the company-name
# sort's own index is named after its column.
_OLD_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_customer_name_key": ("name_key", "id"),
    "ix_customer_country": ("country", "name_key", "id"),
    "ix_customer_relationship": ("relationship", "name_key", "id"),
    "ix_customer_reseller_sort": ("reseller_name", "name_key", "id"),
    "ix_customer_agreement_sort": ("agreement_status", "name_key", "id"),
}
_NEW_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_customer_collation_key": ("collation_key", "id"),
    "ix_customer_country": ("country", "collation_key", "id"),
    "ix_customer_relationship": ("relationship", "collation_key", "id"),
    "ix_customer_reseller_sort": ("reseller_name", "collation_key", "id"),
    "ix_customer_agreement_sort": ("agreement_status", "collation_key", "id"),
}

_customer = sa.table(
    "customer",
    sa.column("id", sa.Integer()),
    sa.column("company_name", sa.String()),
    sa.column("collation_key", sa.LargeBinary()),
)


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    # An empty key until filled in below. Plain ADD COLUMN on SQLite too: a batch copy of the
    # table would lose the expression indexes. (X'' is SQLite's empty blob; '' PostgreSQL's.)
    empty = "X''" if bind.dialect.name == "sqlite" else "''"
    op.add_column(
        "customer",
        sa.Column("collation_key", sa.LargeBinary(), server_default=sa.text(empty), nullable=False),
    )
    # The old indexes go first, the new ones come after the fill: building an index once over
    # the filled column is quicker than keeping it through a million updates.
    for name in _OLD_INDEXES:
        op.drop_index(name, table_name="customer")
    _fill(bind)
    for name, columns in _NEW_INDEXES.items():
        op.create_index(name, "customer", list(columns))


def _fill(bind: sa.Connection) -> None:
    """Compute the keys in Python and write a batch of customers per statement (keyset on id).

    One UPDATE ... FROM a VALUES list per batch, sent to the driver as it is: one statement per
    row would cost a round trip each on PostgreSQL, and SQLAlchemy's parsing of a text() with
    ten thousand parameters took longer than the database's work.
    """
    mark = "?" if bind.dialect.paramstyle == "qmark" else "%s"
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(_customer.c.id, _customer.c.company_name)
            .where(_customer.c.id > last_id)
            .order_by(_customer.c.id)
            .limit(_BATCH_SIZE)
        ).all()
        if not rows:
            return
        params: list[object] = []
        for row in rows:
            params += (row.id, collation.sort_key(row.company_name))
        values = ", ".join([f"({mark}, {mark})"] * len(rows))
        bind.exec_driver_sql(
            f"WITH keyed(id, collation_key) AS (VALUES {values})"
            " UPDATE customer SET collation_key = keyed.collation_key"
            " FROM keyed WHERE customer.id = keyed.id",
            tuple(params),
        )
        last_id = rows[-1].id


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and (bind.dialect.server_version_info or (0,)) < (3, 35):
        # Older SQLite cannot drop a column, and a batch copy would lose the expression indexes.
        raise RuntimeError("Downgrading a pcdesk SQLite database needs SQLite 3.35 or newer.")
    for name in _NEW_INDEXES:
        op.drop_index(name, table_name="customer")
    op.drop_column("customer", "collation_key")
    for name, columns in _OLD_INDEXES.items():
        op.create_index(name, "customer", list(columns))
