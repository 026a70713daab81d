"""Migration 0009 (the index of short search pieces, the covering name index) up and down, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from pcdesk.models.database import sqlite_url
from pcdesk.models.keys import search_text
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade

pytestmark = EXPRESSION_INDEXES_UNREFLECTED


def indexes(engine: Engine) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes("customer")}


def pieces(engine: Engine, searched: str) -> set[str]:
    with engine.connect() as connection:
        found = connection.execute(text("SELECT pcdesk_search_grams(:t)"), {"t": searched})
        return set(found.scalar_one())


def test_0009_changes_nothing_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        upgrade(engine, "0008")
        before = indexes(engine)
        upgrade(engine, "0009")
        assert current_revision(engine) == "0009"
        assert indexes(engine) == before
        downgrade(engine, "0008")
        assert current_revision(engine) == "0008"
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0009_indexes_the_short_pieces_outside_ascii_on_postgresql(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        upgrade(engine, "0008")
        assert "ix_customer_search_grams" not in indexes(engine)
        upgrade(engine, "0009")
        assert "ix_customer_search_grams" in indexes(engine)
        assert "ix_customer_collation_key_search" in indexes(engine)
        # every piece of one or two characters holding one outside ASCII, none across fields
        searched = search_text("müller 台", "xmuller", "ABC")
        assert pieces(engine, searched) == {"ü", "mü", "ül", "台", " 台"}
        assert pieces(engine, search_text("contoso", "contoso", "abc")) == set()
        downgrade(engine, "0008")
        assert "ix_customer_search_grams" not in indexes(engine)
        upgrade(engine, "0009")  # and up again (0011 moves the index to the search rows)
        assert "ix_customer_search_grams" in indexes(engine)
    finally:
        engine.dispose()
