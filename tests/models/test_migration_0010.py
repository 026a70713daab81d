"""Migration 0010 (SQLite: the search's character counts, kept by triggers; the name keys by id)
up and down, and the counts kept by every kind of write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, insert, inspect, text

from pcdesk.models import Customer, fold
from pcdesk.models.collation import sort_key
from pcdesk.models.database import sqlite_url
from pcdesk.models.keys import search_text
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade

pytestmark = EXPRESSION_INDEXES_UNREFLECTED


def add(connection: Connection, name: str, domain: str, microsoft_id: str) -> None:
    connection.execute(
        insert(Customer.__table__),  # type: ignore[arg-type]
        {
            "microsoft_id": microsoft_id,
            "company_name": name,
            "name_key": fold(name),
            "collation_key": sort_key(name),
            "country": "TW",
            "address_line1": "1 Main St",
            "contact_first_name": "A",
            "contact_last_name": "B",
            "contact_email": "a@example.com",
            "domain_prefix": domain,
            "language": "zh",
            "culture": "zh-TW",
            "created_by": "tester",
            "updated_by": "tester",
            "version": 1,
            "search_text": search_text(fold(name), domain, microsoft_id),
        },
    )


def kept(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT character, customers FROM customer_search_characters")
        )
        return {str(character): int(customers) for character, customers in rows}


def counted(engine: Engine) -> dict[str, int]:
    """Each kept character's count, by a scan."""
    with engine.connect() as connection:
        texts = list(connection.execute(text("SELECT search_text FROM customer")).scalars())
    return {character: sum(character in t for t in texts) for character in kept(engine)}


def test_0010_counts_every_ascii_character_and_its_triggers_keep_the_counts(
    tmp_path: Path,
) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        upgrade(engine, "0009")
        with engine.begin() as connection:
            add(connection, "Contoso Ltd", "contoso", "00000000-0000-4000-8000-0000000000a1")
            add(connection, "台灣積體電路", "tsmc", "00000000-0000-4000-8000-0000000000c3")
        upgrade(engine, "0010")
        assert current_revision(engine) == "0010"
        counts = kept(engine)
        # printable ASCII without the capitals (search_text is folded) and without the space
        assert len(counts) == 94 - 26 and " " not in counts and "A" not in counts
        assert counts["c"] == 2 and counts["z"] == 0 and counts["-"] == 2 and counts["1"] == 1
        assert counts == counted(engine)
        with engine.begin() as connection:
            add(connection, "Northwind", "northwind", "00000000-0000-4000-8000-0000000000e5")
            connection.execute(
                text("UPDATE customer SET search_text = :t WHERE domain_prefix = 'contoso'"),
                {"t": search_text("fabrikam", "fabrikam", "00000000-0000-4000-8000-0000000000a1")},
            )
            connection.execute(text("DELETE FROM customer WHERE domain_prefix = 'tsmc'"))
        assert kept(engine) == counted(engine)
        assert kept(engine)["z"] == 0 and kept(engine)["w"] == 1
        names = {str(index["name"]) for index in inspect(engine).get_indexes("customer")}
        assert "ix_customer_id_collation" in names
        downgrade(engine, "0009")
        with engine.connect() as connection:
            tables = set(
                connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
                ).scalars()
            )
        assert not any("customer_search_characters" in name for name in tables)
        upgrade(engine)  # and up again, counting what is there now
        assert kept(engine) == counted(engine)
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0010_changes_nothing_on_postgresql(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        upgrade(engine, "0009")
        before = {str(index["name"]) for index in inspect(engine).get_indexes("customer")}
        upgrade(engine, "0010")
        assert current_revision(engine) == "0010"
        assert not inspect(engine).has_table("customer_search_characters")
        assert {str(index["name"]) for index in inspect(engine).get_indexes("customer")} == before
        downgrade(engine, "0009")
        assert current_revision(engine) == "0009"
    finally:
        engine.dispose()
