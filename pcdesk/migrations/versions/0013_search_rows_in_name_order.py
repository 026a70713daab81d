"""PostgreSQL: the search's narrow rows (migration 0011) written again in company-name order.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

A search with a few thousand matches reads each match's row to sort the matches by name. 0011
wrote the rows in id order, so at a million customers "cont"'s 10,822 matches lay in 8,371 of
the table's 18,700 pages, and "gmbh"'s 53,724 in most of them. Matches often share the start of
their names ("Contoso ...", "Northwind ..."): written in name order, the same 10,822 rows lie in
335 pages. Measured at a million, warm: "cont" first page 29 → 21 ms; the count of "con" 50 →
13 ms and of "gmbh" 41 → 14 ms; on a server whose cache does not hold the table, each page not
read is a read from disk saved.

PostgreSQL does not keep a table in order: a customer added or renamed later has its row where
there is room. A few percent of such rows cost a page each, as before. The table is written
again here, and nothing else changes (its trigger, its trigram index rebuilt). SQLite: nothing
to do, its search index holds the text apart already.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "customer_search_row"
TRIGRAM_INDEX = "ix_customer_search_row_trgm"

# Fills the emptied table from the customers, in the list's order by company name (also what
# benchmarks/_bench_data.py runs after its COPY, which loads with triggers off).
FILL_IN_NAME_ORDER = (
    f"INSERT INTO {TABLE} (id, collation_key, search_text)"
    " SELECT id, collation_key, search_text FROM customer ORDER BY collation_key, id"
)


def _trgm_schema() -> str | None:
    found = op.get_bind().exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm'"
    )
    schema = found.scalar()
    return None if schema is None else str(schema)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The index is built again once the rows are in: quicker than keeping it row by row.
    op.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
    op.execute(f"TRUNCATE {TABLE}")
    op.execute(FILL_IN_NAME_ORDER)
    schema = _trgm_schema()  # None: 0011 found no pg_trgm either, and searches scan
    if schema is not None:
        op.execute(
            f"CREATE INDEX {TRIGRAM_INDEX} ON {TABLE} USING gin (search_text"
            f' "{schema}".gin_trgm_ops)'
        )
    op.execute(f"ANALYZE {TABLE}")


def downgrade() -> None:
    """Nothing to undo: the same rows, in an order 0012 did not ask for."""
