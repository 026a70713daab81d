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

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

from pcdesk.models import collation

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Customers read per query, and written per statement on SQLite (two parameters each, well
# under SQLite's 32,766).
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
    # The old indexes go first, the new ones come after the fill: building an index once over
    # the filled column is quicker than keeping it through a million updates.
    for name in _OLD_INDEXES:
        op.drop_index(name, table_name="customer")
    if bind.dialect.name == "sqlite":
        _fill_sqlite(bind)
    else:
        _fill_postgresql(bind)
    for name, columns in _NEW_INDEXES.items():
        op.create_index(name, "customer", list(columns))


def _batches(bind: sa.Connection) -> Iterator[list[tuple[int, bytes]]]:
    """Every customer's id and key, computed in Python, a batch at a time (keyset on id); each
    batch read whole before it is handed out, so the connection is free for its writing."""
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
        yield [(row.id, collation.sort_key(row.company_name)) for row in rows]
        last_id = rows[-1].id


def _fill_sqlite(bind: sa.Connection) -> None:
    """An empty key, then a batch of customers per UPDATE ... FROM (VALUES ...).

    Plain ADD COLUMN: a batch copy of the table would lose the expression indexes. The statement
    goes to the driver as it is: SQLAlchemy's parsing of a text() with thousands of parameters
    took longer than the database's work.
    """
    op.add_column(
        "customer",
        sa.Column("collation_key", sa.LargeBinary(), server_default=sa.text("X''"), nullable=False),
    )
    for batch in _batches(bind):
        values = ", ".join(["(?, ?)"] * len(batch))
        bind.exec_driver_sql(
            f"WITH keyed(id, collation_key) AS (VALUES {values})"
            " UPDATE customer SET collation_key = keyed.collation_key"
            " FROM keyed WHERE customer.id = keyed.id",
            tuple(value for pair in batch for value in pair),
        )


def _fill_postgresql(bind: sa.Connection) -> None:
    """The keys copied into a temporary table, then the table rewritten once with them.

    An UPDATE of every row writes a new version of it into each of the table's sixteen indexes
    (the trigram index most slowly): measured, 33 s per 100,000 customers. Changing the column's
    type USING a lookup of the keys rewrites the table and builds its indexes afresh: 13 s.
    Writers wait meanwhile, so no customer is added between reading the names and the rewrite.
    """
    bind.exec_driver_sql("LOCK TABLE customer IN EXCLUSIVE MODE")
    op.add_column("customer", sa.Column("collation_key", sa.LargeBinary(), nullable=True))
    bind.exec_driver_sql(
        "CREATE TEMPORARY TABLE pcdesk_collation_keys"
        " (id integer PRIMARY KEY, collation_key bytea NOT NULL)"
    )
    driver = bind.connection.driver_connection
    assert driver is not None
    for batch in _batches(bind):
        with (
            driver.cursor() as cursor,
            cursor.copy("COPY pcdesk_collation_keys (id, collation_key) FROM STDIN") as copy,
        ):
            for pair in batch:
                copy.write_row(pair)
    bind.exec_driver_sql(
        "CREATE FUNCTION pg_temp.pcdesk_collation_key(integer) RETURNS bytea LANGUAGE sql STABLE"
        " AS 'SELECT collation_key FROM pcdesk_collation_keys WHERE id = $1'"
    )
    bind.exec_driver_sql(
        "ALTER TABLE customer ALTER COLUMN collation_key TYPE bytea"
        " USING pg_temp.pcdesk_collation_key(id)"
    )
    bind.exec_driver_sql("ALTER TABLE customer ALTER COLUMN collation_key SET DEFAULT ''")
    bind.exec_driver_sql("ALTER TABLE customer ALTER COLUMN collation_key SET NOT NULL")
    bind.exec_driver_sql("DROP FUNCTION pg_temp.pcdesk_collation_key(integer)")
    bind.exec_driver_sql("DROP TABLE pcdesk_collation_keys")


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
