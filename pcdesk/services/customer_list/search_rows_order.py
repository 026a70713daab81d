"""PostgreSQL: the search's narrow rows put back in company-name order (``pcdesk-cli
reorder-search``).

Migration 0013 wrote ``customer_search_row`` in the list's order by company name, so that a
search's matches that share the start of their names share pages. PostgreSQL does not keep a
table in order: a customer added, renamed or re-synced later has its row wherever there is
room, one more page for a search that finds it. After many such writes (a large import, a year
of changes) the rows are written again in order here: the table is emptied and refilled from
the customers in one transaction, and its trigram index rebuilt. The table is locked meanwhile
(about 30 s at a million customers), so other workstations' searches wait: a job for a quiet
hour. SQLite keeps its search text in its own index, which needs none of this.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import text

from pcdesk.models.database import Database

_TABLE = "customer_search_row"
_TRIGRAM_INDEX = "ix_customer_search_row_trgm"


@dataclass(frozen=True)
class Reordered:
    rows: int  # the search rows written again
    # before: PostgreSQL's correlation of the rows' places and their names (1: in order)
    in_order_before: float | None
    seconds: float


def name_order_correlation(db: Database) -> float | None:
    """How closely the rows' places follow the company-name order, from PostgreSQL's statistics
    (1.0: in order; about 0 for rows written in id order); None on SQLite or before ANALYZE."""
    if db.engine.dialect.name == "sqlite":
        return None
    with db.engine.connect() as connection:
        found = connection.execute(
            text(
                "SELECT correlation FROM pg_stats WHERE schemaname = current_schema()"
                " AND tablename = :table AND attname = 'collation_key'"
            ),
            {"table": _TABLE},
        ).scalar()
    return None if found is None else float(found)


def reorder_search_rows(db: Database) -> Reordered | None:
    """Write the search rows again in company-name order, in one transaction (PostgreSQL);
    None on SQLite, which has nothing to reorder."""
    if db.engine.dialect.name == "sqlite":
        return None
    started = time.perf_counter()
    before = name_order_correlation(db)
    with db.engine.begin() as connection:
        trigram = connection.execute(
            text(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                " AND indexname = :index"
            ),
            {"index": _TRIGRAM_INDEX},
        ).scalar()
        if trigram is not None:  # built again once the rows are in: quicker than row by row
            connection.execute(text(f"DROP INDEX {_TRIGRAM_INDEX}"))
        connection.execute(text(f"TRUNCATE {_TABLE}"))
        rows = connection.execute(
            text(
                f"INSERT INTO {_TABLE} (id, collation_key, search_text)"
                " SELECT id, collation_key, search_text FROM customer ORDER BY collation_key, id"
            )
        ).rowcount
        if trigram is not None:
            connection.execute(text(str(trigram)))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(f"ANALYZE {_TABLE}"))
    return Reordered(
        rows=int(rows),
        in_order_before=before,
        seconds=time.perf_counter() - started,
    )
