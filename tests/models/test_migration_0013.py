"""Migration 0013 (PostgreSQL: the search's narrow rows written again in company-name order) up
and down: the same rows, now stored in the list's order, still kept by their trigger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from pcdesk.models.database import sqlite_url
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade
from tests.models.test_migration_0010 import add
from tests.models.test_migration_0011 import customers, indexes, search_rows

pytestmark = EXPRESSION_INDEXES_UNREFLECTED

# Added in this order, so their ids run against the order of their names.
NAMES = ("Wide World Importers", "Tailspin Toys", "Northwind", "Contoso", "Adventure Works")


def stored_order(engine: Engine) -> list[int]:
    """The search rows' ids in the order the table stores them (ctid: page, then slot)."""
    with engine.connect() as connection:
        found = connection.execute(text("SELECT id FROM customer_search_row ORDER BY ctid"))
        return [int(i) for (i,) in found]


def name_order(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        found = connection.execute(text("SELECT id FROM customer ORDER BY collation_key, id"))
        return [int(i) for (i,) in found]


def test_0013_changes_nothing_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        upgrade(engine, "0012")
        before = set(inspect(engine).get_table_names())
        upgrade(engine, "0013")
        assert current_revision(engine) == "0013"
        assert set(inspect(engine).get_table_names()) == before
        downgrade(engine, "0012")
        assert current_revision(engine) == "0012"
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0013_stores_the_search_rows_in_name_order_on_postgresql(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        upgrade(engine, "0012")
        with engine.begin() as connection:
            for n, name in enumerate(NAMES):
                domain = name.lower().replace(" ", "")
                add(connection, name, domain, f"00000000-0000-4000-8000-{n:012d}")
        assert stored_order(engine) != name_order(engine)  # 0011 wrote them in id order

        upgrade(engine, "0013")
        assert current_revision(engine) == "0013"
        assert search_rows(engine) == customers(engine) and len(search_rows(engine)) == 5
        assert stored_order(engine) == name_order(engine)
        assert "ix_customer_search_row_trgm" in indexes(engine, "customer_search_row")
        with engine.begin() as connection:  # the trigger still keeps them
            add(connection, "Fabrikam", "fabrikam", "00000000-0000-4000-8000-0000000000f1")
            connection.execute(text("DELETE FROM customer WHERE domain_prefix = 'northwind'"))
        assert search_rows(engine) == customers(engine) and len(search_rows(engine)) == 5

        downgrade(engine, "0012")  # the same rows, in whatever order
        assert current_revision(engine) == "0012"
        assert search_rows(engine) == customers(engine)
    finally:
        engine.dispose()
