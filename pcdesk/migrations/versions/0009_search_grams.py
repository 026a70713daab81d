"""PostgreSQL: an index of the one- and two-character pieces of search_text holding a non-ASCII
character, for the searches pg_trgm cannot serve ("台", "台灣", "東京", "ü").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

pg_trgm indexes three-character pieces: a needle of one or two characters has none, and was
tested row by row, a scan of the table when its matches are few (most Chinese, Japanese and
Korean words are one or two characters). ``pcdesk_search_grams(search_text)`` returns every
piece of one or two characters of the text that holds a character outside ASCII (none crosses a
field separator); a GIN index on it finds the rows holding such a needle exactly. ASCII pieces
are left out: "co" is in most rows, so walking the sort index finds its pages at once, and
leaving them out keeps the index small (rows of Latin names without accents add nothing).

Also on PostgreSQL, the company name's sort index (its collation key, 0008) again with
search_text in it: a broad search's
page is found by walking that index testing each entry's text (services/customer_list/query.py),
which then reads no table row (a row is about 1 KB; the entry, 150 bytes).

Nothing changes on SQLite (its FTS5 vocabulary serves short needles already, and its walks test
ids against the trigram index's matches, on the sort index alone).
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same function as services/customer_list/search.py calls (by this name). chr(31) is
# keys.SEARCH_SEPARATOR: a needle never holds it, so no piece does. A loop in PL/pgSQL, because
# the index computes it for every row: fifty times quicker than set-returning SQL (30 µs a row
# of Chinese text; a row of ASCII text returns at once). A piece may come twice: GIN keeps one.
_FUNCTION = r"""
CREATE FUNCTION pcdesk_search_grams(search_text text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    pieces text[] := '{}';
    previous text := chr(31);
    c text;
BEGIN
    IF octet_length(search_text) = length(search_text) THEN
        RETURN pieces;
    END IF;
    FOREACH c IN ARRAY string_to_array(search_text, NULL) LOOP
        IF ascii(c) > 127 THEN
            pieces := pieces || c;
            IF previous <> chr(31) THEN
                pieces := pieces || (previous || c);
            END IF;
        ELSIF ascii(previous) > 127 AND c <> chr(31) THEN
            pieces := pieces || (previous || c);
        END IF;
        previous := c;
    END LOOP;
    RETURN pieces;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(
        "CREATE INDEX ix_customer_search_grams ON customer"
        " USING gin (pcdesk_search_grams(search_text))"
    )
    op.execute(
        "CREATE INDEX ix_customer_collation_key_search ON customer (collation_key, id)"
        " INCLUDE (search_text)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_customer_collation_key_search")
    op.execute("DROP INDEX IF EXISTS ix_customer_search_grams")
    op.execute("DROP FUNCTION IF EXISTS pcdesk_search_grams(text)")
