"""Migration 0011 (PostgreSQL: the search's narrow rows, kept by a trigger, with the search's
indexes) up and down, and the rows kept by every kind of write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from pcdesk.models.collation import sort_key
from pcdesk.models.database import sqlite_url
from pcdesk.models.keys import search_text
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade
from tests.models.test_migration_0010 import add

pytestmark = EXPRESSION_INDEXES_UNREFLECTED


def indexes(engine: Engine, table: str) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes(table)}


def keys_and_texts(engine: Engine, table: str) -> dict[int, tuple[bytes, str]]:
    with engine.connect() as connection:
        found = connection.execute(text(f"SELECT id, collation_key, search_text FROM {table}"))
        return {int(i): (bytes(key), str(searched)) for i, key, searched in found}


def search_rows(engine: Engine) -> dict[int, tuple[bytes, str]]:
    return keys_and_texts(engine, "customer_search_row")


def customers(engine: Engine) -> dict[int, tuple[bytes, str]]:
    """What the search rows must hold: each customer's key and text."""
    return keys_and_texts(engine, "customer")


def test_0011_changes_nothing_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        upgrade(engine, "0010")
        before = set(inspect(engine).get_table_names()), indexes(engine, "customer")
        upgrade(engine, "0011")
        assert current_revision(engine) == "0011"
        assert (set(inspect(engine).get_table_names()), indexes(engine, "customer")) == before
        downgrade(engine, "0010")
        assert current_revision(engine) == "0010"
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0011_copies_the_search_rows_and_its_trigger_keeps_them_on_postgresql(
    postgres_schemas: Any,
) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        upgrade(engine, "0010")
        with engine.begin() as connection:
            add(connection, "Contoso Ltd", "contoso", "00000000-0000-4000-8000-0000000000a1")
            add(connection, "台灣積體電路", "tsmc", "00000000-0000-4000-8000-0000000000c3")
        upgrade(engine, "0011")
        assert current_revision(engine) == "0011"
        assert len(search_rows(engine)) == 2
        assert search_rows(engine) == customers(engine)
        # the search's indexes are on the narrow rows now, the walk's covering index stays
        assert {"ix_customer_search_row_grams", "ix_customer_search_row_trgm"} <= indexes(
            engine, "customer_search_row"
        )
        on_customer = indexes(engine, "customer")
        assert "ix_customer_search_trgm" not in on_customer
        assert "ix_customer_search_grams" not in on_customer
        assert "ix_customer_collation_key_search" in on_customer

        with engine.begin() as connection:  # every kind of write, in one transaction
            add(connection, "Northwind", "northwind", "00000000-0000-4000-8000-0000000000e5")
            connection.execute(
                text(
                    "UPDATE customer SET search_text = :t, collation_key = :k"
                    " WHERE domain_prefix = 'contoso'"
                ),
                {
                    "t": search_text("fabrikam", "fabrikam", "00000000-0000-4000-8000-00000000a1"),
                    "k": sort_key("Fabrikam"),
                },
            )
            connection.execute(text("DELETE FROM customer WHERE domain_prefix = 'tsmc'"))
        kept = search_rows(engine)
        assert kept == customers(engine) and len(kept) == 2
        assert any("fabrikam" in searched for _key, searched in kept.values())
        with engine.begin() as connection:  # a change elsewhere in the row leaves it alone
            connection.execute(text("UPDATE customer SET city = 'Taipei'"))
        assert search_rows(engine) == kept

        downgrade(engine, "0010")
        assert "customer_search_row" not in inspect(engine).get_table_names()
        assert {"ix_customer_search_trgm", "ix_customer_search_grams"} <= indexes(
            engine, "customer"
        )
        with engine.begin() as connection:  # no trigger left behind
            add(connection, "Litware", "litware", "00000000-0000-4000-8000-0000000000f7")
        upgrade(engine)  # and up again: the rows are copied anew
        assert search_rows(engine) == customers(engine)
        assert len(search_rows(engine)) == 3
    finally:
        engine.dispose()
