"""SQLite: how many customers' search_text holds each ASCII character, kept by triggers; and the
company names' sort key by customer id, for sorting a search's matches.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

A search for one letter or digit ("c", "n", "7") finds most customers: every Microsoft ID holds
32 hexadecimal digits. Its pages walk the sort index at once, but its count had to test every
row (0.4 s at a million, on the count's own thread): no index holds a single character. The
table ``customer_search_characters`` holds, for each printable ASCII character a folded
search_text can hold, the number of customers whose search_text holds it; three triggers keep
it in the same statement as every insert, delete and change of search_text, so it is as
current as the rows themselves. The list reads a one-character search's count from it
(services/customer_list/search.py).

A character outside ASCII ("台", "ü") is not kept: the trigram index's vocabulary finds and
counts those, and keeping more rows here would cost every write more (each trigger tests each
row of this table against the customer's text: 68 rows, about 17 µs a customer written).

The index ``ix_customer_id_collation`` on (id, collation_key): a search of a few thousand matches
is sorted by company name by reading each match's key, and reading it from this index (40 bytes an
entry) instead of the customer's row (about a kilobyte) halves that ("公司" at a million: 133 →
59 ms; services/customer_list/sqlite_plans.py).

Nothing changes on PostgreSQL: there every write to a customer would lock these few rows until
its transaction ends, so one user's long import would hold up every other user's saves.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Printable ASCII but the capitals, which a folded search_text never holds, and the space, which
# a search needle never is (it is trimmed).
CHARACTERS = tuple(chr(code) for code in range(0x21, 0x7F) if not "A" <= chr(code) <= "Z")

_HOLDS = "instr({text}, character) > 0"
TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "customer_search_characters_insert",
        "AFTER INSERT ON customer BEGIN UPDATE customer_search_characters"
        f" SET customers = customers + 1 WHERE {_HOLDS.format(text='new.search_text')}; END",
    ),
    (
        "customer_search_characters_delete",
        "AFTER DELETE ON customer BEGIN UPDATE customer_search_characters"
        f" SET customers = customers - 1 WHERE {_HOLDS.format(text='old.search_text')}; END",
    ),
    (
        "customer_search_characters_update",
        "AFTER UPDATE OF search_text ON customer BEGIN UPDATE customer_search_characters"
        f" SET customers = customers + ({_HOLDS.format(text='new.search_text')})"
        f" - ({_HOLDS.format(text='old.search_text')})"
        f" WHERE ({_HOLDS.format(text='new.search_text')})"
        f" != ({_HOLDS.format(text='old.search_text')}); END",
    ),
)


def _quoted(character: str) -> str:
    return "'" + character.replace("'", "''") + "'"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE customer_search_characters ("
        " character TEXT NOT NULL PRIMARY KEY, customers INTEGER NOT NULL) WITHOUT ROWID"
    )
    # Every count in one pass over the customers (a few seconds at a million).
    counts = ", ".join(
        f"coalesce(sum(instr(search_text, {_quoted(c)}) > 0), 0)" for c in CHARACTERS
    )
    found = op.get_bind().exec_driver_sql(f"SELECT {counts} FROM customer").one()
    rows = ", ".join(f"({_quoted(c)}, {int(n)})" for c, n in zip(CHARACTERS, found, strict=True))
    op.execute(f"INSERT INTO customer_search_characters (character, customers) VALUES {rows}")
    for name, body in TRIGGERS:
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.create_index("ix_customer_id_collation", "customer", ["id", "collation_key"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.drop_index("ix_customer_id_collation", table_name="customer")
    for name, _body in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS customer_search_characters")
