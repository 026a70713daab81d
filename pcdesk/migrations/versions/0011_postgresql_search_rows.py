"""PostgreSQL: the search's own narrow table, ``customer_search_row`` (id, collation_key,
search_text), kept by a trigger, with the search's indexes moved onto it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

A trigram index (and 0009's index of short pieces) only proposes rows: PostgreSQL reads each one
to test the text again, and sorts the matches by reading their keys. A customer's row is about a
kilobyte, so a search of 50,000 matches read most of the table's 127,000 pages ("gmbh" at a
million: 195 ms to count). The search's three columns alone are about 150 bytes a row: the same
tests read 19,000 pages ("gmbh" counted in 78 ms, "公司" in 92 ms instead of 390, a broad "co" in
156 instead of 249), and a search's matches are sorted by company name without reading a
customer (services/customer_list/postgresql_plans.py).

The trigger writes the row in the same statement as the customer's insert or change of name or
search text; a deleted customer's row goes with it (the foreign key cascades, and so does
TRUNCATE ... CASCADE). The trigram and short-piece indexes move from ``customer`` to the new
table: a customer write still updates two GIN indexes, and no more. The company name's covering
index of 0009 stays on ``customer``: a broad search's pages walk it.

Nothing changes on SQLite: its FTS5 index holds the text apart already.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "customer_search_row"

# Fills the table from the customers (migration 0013 fills it again, in company-name order).
FILL = (
    f"INSERT INTO {TABLE} (id, collation_key, search_text)"
    " SELECT id, collation_key, search_text FROM customer ORDER BY id"
)

_FUNCTION = f"""
CREATE FUNCTION pcdesk_keep_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {TABLE} (id, collation_key, search_text)
    VALUES (NEW.id, NEW.collation_key, NEW.search_text)
    ON CONFLICT (id) DO UPDATE
    SET collation_key = EXCLUDED.collation_key, search_text = EXCLUDED.search_text;
    RETURN NULL;
END
$$
"""

# Built once the rows are in (quicker than keeping them row by row while filling).
INDEXES = (
    "ix_customer_search_row_grams",
    "ix_customer_search_row_trgm",
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
    op.execute(
        f"CREATE TABLE {TABLE} ("
        " id integer PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,"
        " collation_key bytea NOT NULL,"
        " search_text text NOT NULL)"
    )
    op.execute(FILL)
    op.execute(_FUNCTION)
    op.execute(
        "CREATE TRIGGER pcdesk_keep_search_row"
        " AFTER INSERT OR UPDATE OF collation_key, search_text ON customer"
        " FOR EACH ROW EXECUTE FUNCTION pcdesk_keep_search_row()"
    )
    op.execute("DROP INDEX IF EXISTS ix_customer_search_grams")
    op.execute("DROP INDEX IF EXISTS ix_customer_search_trgm")
    op.execute(
        f"CREATE INDEX ix_customer_search_row_grams ON {TABLE}"
        " USING gin (pcdesk_search_grams(search_text))"
    )
    schema = _trgm_schema()  # None: migration 0003 found no pg_trgm either, and searches scan
    if schema is not None:
        op.execute(
            f"CREATE INDEX ix_customer_search_row_trgm ON {TABLE}"
            f' USING gin (search_text "{schema}".gin_trgm_ops)'
        )
    op.execute(f"ANALYZE {TABLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS pcdesk_keep_search_row ON customer")
    op.execute("DROP FUNCTION IF EXISTS pcdesk_keep_search_row()")
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    op.execute(
        "CREATE INDEX ix_customer_search_grams ON customer"
        " USING gin (pcdesk_search_grams(search_text))"
    )
    schema = _trgm_schema()
    if schema is not None:
        op.execute(
            "CREATE INDEX ix_customer_search_trgm ON customer"
            f' USING gin (search_text "{schema}".gin_trgm_ops)'
        )
