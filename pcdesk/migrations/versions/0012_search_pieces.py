"""The short search pieces in company-name order: ``customer_search_pieces`` (piece, collation
key, id), for a search of one or two characters with one outside ASCII ("台", "公司", "ü").

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

Most Chinese, Japanese and Korean words are one or two characters, and they are in many names
("公司" in one in ten at a million customers, all sorting after the Latin names). Such a search
found its matches through the trigram index's vocabulary (SQLite) or migration 0009's index of
pieces (PostgreSQL), then read every match's name key to sort them: 60 to 140 ms at a million
for "台" and "公司". This table holds, for every piece of one or two characters of a customer's
search_text that holds a character outside ASCII (none across a field separator: what
``pcdesk_search_grams`` of migration 0009 returns), the customer's collation key and id. Its
primary key is the list's page in company-name order: the first page of "台" is 200 entries of
one range (2 ms), its count that range counted (1 to 6 ms).

SQLite: three triggers keep it in the same statement as every insert, delete and change of
search_text or collation key (the import sets the insert trigger aside and writes a batch's
pieces itself, services/customer_import/bulk.py). A trigger cannot hold a recursive query, so
the pieces are read off a table of positions (1 to 1,200, search_text's longest). PostgreSQL: the
trigger of migration 0011 keeps them beside the search row, from ``pcdesk_search_grams``, and
they replace that migration's index of pieces. A customer with a Latin name writes none.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "customer_search_pieces"
POSITIONS = "customer_search_positions"
LONGEST_TEXT = 1200  # customer.search_text's length


def holds_non_ascii(text: str) -> str:
    """SQLite: whether ``text`` holds a character outside ASCII (more bytes than characters)."""
    return f"length(CAST({text} AS BLOB)) <> length({text})"


def pieces(text: str, key: str, customer_id: str, *, rows: str = "", where: str = "") -> str:
    """SQLite: a SELECT of (piece, collation_key, id) for the pieces of ``text``: each character
    outside ASCII, and each two characters one of which is, but never across chr(31) (the field
    separator of keys.search_text). ``rows`` and ``where`` add the customer rows read from."""
    c1, c2 = f"substr({text}, p.i, 1)", f"substr({text}, p.i + 1, 1)"
    source = f"{rows}, {POSITIONS} AS p" if rows else f"{POSITIONS} AS p"
    also = f" AND {where}" if where else ""
    return (
        f"SELECT {c1} AS piece, {key} AS collation_key, {customer_id} AS id FROM {source}"
        f" WHERE p.i <= length({text}) AND unicode({c1}) > 127{also}"
        f" UNION SELECT substr({text}, p.i, 2), {key}, {customer_id} FROM {source}"
        f" WHERE p.i < length({text}) AND ("
        f"(unicode({c2}) > 127 AND {c1} <> char(31))"
        f" OR (unicode({c1}) > 127 AND {c2} <> char(31))){also}"
    )


def _old_pieces_deleted() -> str:
    old = pieces("old.search_text", "old.collation_key", "old.id")
    return (
        f"DELETE FROM {TABLE} WHERE id = old.id AND collation_key = old.collation_key"
        f" AND {holds_non_ascii('old.search_text')}"
        f" AND piece IN (SELECT piece FROM ({old}));"
    )


def _new_pieces_inserted() -> str:
    new = pieces("new.search_text", "new.collation_key", "new.id")
    return f"INSERT INTO {TABLE} (piece, collation_key, id) {new};"


TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "customer_search_pieces_insert",
        f"AFTER INSERT ON customer WHEN {holds_non_ascii('new.search_text')}"
        f" BEGIN {_new_pieces_inserted()} END",
    ),
    (
        "customer_search_pieces_delete",
        f"AFTER DELETE ON customer WHEN {holds_non_ascii('old.search_text')}"
        f" BEGIN {_old_pieces_deleted()} END",
    ),
    (
        "customer_search_pieces_update",
        "AFTER UPDATE OF search_text, collation_key ON customer"
        " WHEN old.search_text IS NOT new.search_text"
        " OR old.collation_key IS NOT new.collation_key"
        f" BEGIN {_old_pieces_deleted()}"
        f" INSERT INTO {TABLE} (piece, collation_key, id)"
        f" SELECT * FROM ({pieces('new.search_text', 'new.collation_key', 'new.id')})"
        f" WHERE {holds_non_ascii('new.search_text')}; END",
    ),
)

# PostgreSQL: migration 0011's function, now keeping the pieces too.
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION pcdesk_keep_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM customer_search_pieces WHERE id = OLD.id;
    END IF;
    INSERT INTO customer_search_row (id, collation_key, search_text)
    VALUES (NEW.id, NEW.collation_key, NEW.search_text)
    ON CONFLICT (id) DO UPDATE
    SET collation_key = EXCLUDED.collation_key, search_text = EXCLUDED.search_text;
    INSERT INTO customer_search_pieces (piece, collation_key, id)
    SELECT DISTINCT piece, NEW.collation_key, NEW.id
    FROM unnest(pcdesk_search_grams(NEW.search_text)) AS piece;
    RETURN NULL;
END
$$
"""

_PG_FUNCTION_0011 = """
CREATE OR REPLACE FUNCTION pcdesk_keep_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_search_row (id, collation_key, search_text)
    VALUES (NEW.id, NEW.collation_key, NEW.search_text)
    ON CONFLICT (id) DO UPDATE
    SET collation_key = EXCLUDED.collation_key, search_text = EXCLUDED.search_text;
    RETURN NULL;
END
$$
"""

# PostgreSQL: every customer's pieces (also what benchmarks/_bench_data.py runs after its COPY).
PG_FILL = (
    f"INSERT INTO {TABLE} (piece, collation_key, id)"
    " SELECT DISTINCT piece, collation_key, id"
    " FROM customer_search_row, unnest(pcdesk_search_grams(search_text)) AS piece"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgresql()


def _upgrade_sqlite() -> None:
    op.execute(f"CREATE TABLE {POSITIONS} (i INTEGER PRIMARY KEY)")
    op.execute(
        f"INSERT INTO {POSITIONS} (i) WITH RECURSIVE n(i) AS"
        f" (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {LONGEST_TEXT}) SELECT i FROM n"
    )
    op.execute(
        f"CREATE TABLE {TABLE} (piece TEXT NOT NULL, collation_key BLOB NOT NULL,"
        " id INTEGER NOT NULL, PRIMARY KEY (piece, collation_key, id)) WITHOUT ROWID"
    )
    every = pieces(
        "c.search_text",
        "c.collation_key",
        "c.id",
        rows="customer AS c",
        where=holds_non_ascii("c.search_text"),
    )
    op.execute(f"INSERT INTO {TABLE} (piece, collation_key, id) {every}")
    for name, body in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {body}")


def _upgrade_postgresql() -> None:
    op.execute(
        f"CREATE TABLE {TABLE} (piece text NOT NULL, collation_key bytea NOT NULL,"
        " id integer NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
        " PRIMARY KEY (piece, collation_key, id))"
    )
    op.execute(f"CREATE INDEX ix_{TABLE}_id ON {TABLE} (id)")  # the trigger's and cascade's
    op.execute(PG_FILL)
    op.execute(_PG_FUNCTION)
    op.execute("DROP INDEX IF EXISTS ix_customer_search_row_grams")
    op.execute(f"ANALYZE {TABLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _body in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {TABLE}")
        op.execute(f"DROP TABLE IF EXISTS {POSITIONS}")
        return
    op.execute(_PG_FUNCTION_0011)
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
    op.execute(
        "CREATE INDEX ix_customer_search_row_grams ON customer_search_row"
        " USING gin (pcdesk_search_grams(search_text))"
    )
