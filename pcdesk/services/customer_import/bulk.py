"""How an import writes 100,000 rows in seconds, inside its one transaction.

Rows go to the database driver as they are, a thousand per ``executemany``: on SQLite,
SQLAlchemy's handling of each row's parameters would otherwise take a third of the write time.
Values are converted by the columns' own types, once per column that needs it (enums,
timestamps, dates), as SQLAlchemy would convert them. PostgreSQL gets SQLAlchemy Core's
``insert`` (which batches many rows per statement there).

On SQLite, ``insert_triggers_set_aside`` also drops the insert triggers of migrations 0003, 0010
and 0012 while the import inserts, inside the import's own transaction. They keep
``customer.reseller_name``, ``customer.agreement_status``, the search index (``customer_search``),
the search's character counts and its short pieces; fired once per row they cost ~11 s for
100,000 new customers, and the pieces 160 µs more for each Chinese name. The import writes what
they would have written (the reseller's name and the status of the new customer's only
attestation in the customer row itself, the search rows, the counts and the pieces after the
customers, see ``insert_search_rows``), then the triggers
are created again from their own SQL, still in the same transaction. SQLite's DDL is
transactional: whether the import fails, is cancelled or the process dies, the rollback brings
the triggers back with everything else, and since the import holds the database's write lock
from its first write, no other connection ever sees the database without them. The update
triggers are left alone, as is everything on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from pcdesk.models.keys import search_pieces

# The insert triggers whose work the import does itself (migrations 0003 and 0010).
INSERT_TRIGGERS = (
    "customer_search_insert",  # customer_search row of the new customer's search_text
    "customer_search_characters_insert",  # customer_search_characters: the counts it adds to
    "customer_search_pieces_insert",  # customer_search_pieces: its short non-ASCII pieces
    "customer_reseller_name_insert",  # customer.reseller_name from indirect_reseller.name
    "agreement_status_insert",  # customer.agreement_status: the latest attestation's status
)
BATCH = 1000  # rows per executemany
PIECES_AT_ONCE = 100_000  # search pieces sorted and written together (about 20 MB)
_COUNTED_CHARACTERS = "SELECT character FROM customer_search_characters"


def table_of(model: Any) -> Table:
    """A mapped class's table, typed as one (its ``__table__`` is typed as a FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (column values by key, every row the same keys) into ``table``."""
    if not rows:
        return
    if not _sqlite(session):
        session.execute(insert(table), rows)
        return
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    keys = list(rows[0])
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(key) for key in keys)}) "
        f"VALUES ({', '.join('?' for _ in keys)})"
    )
    converters = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys]
    converted = [
        (position, convert) for position, convert in enumerate(converters) if convert is not None
    ]
    # Each distinct value converted once: the rows of an import share their timestamps.
    memos: list[dict[Any, Any]] = [{} for _ in converted]
    parameters: list[tuple[Any, ...]] = []
    for row in rows:
        values = [row[key] for key in keys]
        for (position, convert), memo in zip(converted, memos, strict=True):
            value = values[position]
            if value is not None:
                if value not in memo:
                    memo[value] = convert(value)
                values[position] = memo[value]
        parameters.append(tuple(values))
    for start in range(0, len(parameters), BATCH):
        connection.exec_driver_sql(sql, parameters[start : start + BATCH])


@contextmanager
def insert_triggers_set_aside(session: Session) -> Iterator[bool]:
    """Drop the insert triggers for the body, then create them again, in ``session``'s
    transaction. Yields True when they were set aside: the body must then write what they
    would have. Yields False (and touches nothing) on PostgreSQL, or when one is missing.

    When the body raises, the triggers are not created again here: the caller rolls the
    transaction back, and that restores them.
    """
    if not _sqlite(session):
        yield False
        return
    connection = session.connection()
    listed = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    )
    found: dict[str, str] = dict(listed.all())
    if not all(found.get(name) for name in INSERT_TRIGGERS):
        yield False
        return
    for name in INSERT_TRIGGERS:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield True
    for name in INSERT_TRIGGERS:
        connection.exec_driver_sql(found[name])


def insert_search_rows(session: Session, customer_ids: Sequence[int]) -> None:
    """Index these new customers' search_text, as the search's insert triggers would: the
    trigram index, the count of customers holding each character, and the short pieces.

    Called once the customers are in: measured, indexing them all then is three to four
    times faster than indexing each as it is inserted (what the triggers do).
    """
    connection = session.connection()
    characters = [row[0] for row in connection.exec_driver_sql(_COUNTED_CHARACTERS)]
    # Each character's count among the batch, in one pass over its rows.
    holding = ", ".join("coalesce(sum(instr(search_text, ?) > 0), 0)" for _ in characters)
    pieces = _Pieces(connection)
    for start in range(0, len(customer_ids), BATCH):
        batch = tuple(customer_ids[start : start + BATCH])
        among = f"id IN ({', '.join('?' for _ in batch)})"
        connection.exec_driver_sql(
            f"INSERT INTO customer_search(rowid, search_text) SELECT id, search_text FROM customer"
            f" WHERE {among}",
            batch,
        )
        pieces.add(among, batch)
        if not characters:
            continue
        counts = connection.exec_driver_sql(
            f"SELECT {holding} FROM customer WHERE {among}", (*characters, *batch)
        ).one()
        added = [
            (int(count), character)
            for character, count in zip(characters, counts, strict=True)
            if count
        ]
        if added:
            connection.exec_driver_sql(
                "UPDATE customer_search_characters SET customers = customers + ?"
                " WHERE character = ?",
                added,
            )
    pieces.write()


class _Pieces:
    """The new customers' short pieces outside ASCII (migration 0012), computed here (about a
    fifth of what the insert trigger's SQL costs a customer with a Chinese name: 160 µs for
    26 pieces) and written sorted, up to PIECES_AT_ONCE at a time: each insert then lands
    beside the one before (measured at 100,000 customers: 4.2 s written a batch at a time,
    2.2 s all at once; this keeps the memory of one run of them)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._rows: list[tuple[str, bytes, int]] = []

    def add(self, among: str, batch: tuple[int, ...]) -> None:
        texts = self._connection.exec_driver_sql(
            f"SELECT id, collation_key, search_text FROM customer WHERE {among}", batch
        )
        self._rows.extend(
            (piece, key, customer_id)
            for customer_id, key, searched in texts
            for piece in search_pieces(searched)
        )
        if len(self._rows) >= PIECES_AT_ONCE:
            self.write()

    def write(self) -> None:
        if self._rows:
            self._rows.sort()
            self._connection.exec_driver_sql(
                "INSERT INTO customer_search_pieces (piece, collation_key, id) VALUES (?, ?, ?)",
                self._rows,
            )
            self._rows = []
