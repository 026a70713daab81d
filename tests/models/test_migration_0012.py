"""Migration 0012 (the short search pieces in company-name order) up and down on SQLite and on
PostgreSQL, the pieces kept by every kind of write, and the same pieces from Python, SQLite's
triggers and PostgreSQL's function."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, inspect, text

from pcdesk.models.collation import sort_key
from pcdesk.models.database import sqlite_url
from pcdesk.models.keys import SEARCH_SEPARATOR, fold, search_pieces, search_text
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade
from tests.models.test_migration_0010 import add
from tests.search_pieces import pieces_are_current

pytestmark = EXPRESSION_INDEXES_UNREFLECTED

TSMC = "00000000-0000-4000-8000-0000000000c3"


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def kept_for(engine: Engine, piece: str) -> int:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT count(*) FROM customer_search_pieces WHERE piece = :p"), {"p": piece}
        )
        return int(found.scalar_one())


def every_kind_of_write(engine: Engine) -> None:
    """Inserts, a change of name and text, a change elsewhere, a delete; in one transaction."""
    with engine.begin() as connection:
        add(
            connection,
            "株式会社ノースウィンド",
            "northwindjp",
            "00000000-0000-4000-8000-0000000000e5",
        )
        add(connection, "Müller GmbH", "muller", "00000000-0000-4000-8000-0000000000f7")
        connection.execute(
            text(
                "UPDATE customer SET search_text = :t, collation_key = :k WHERE microsoft_id = :id"
            ),
            {
                "t": search_text(fold("台積電公司"), "tsmc", TSMC),
                "k": sort_key("台積電公司"),
                "id": TSMC,
            },
        )
        connection.execute(text("UPDATE customer SET city = 'Taipei'"))
        connection.execute(text("DELETE FROM customer WHERE domain_prefix = 'muller'"))


def check_up_and_down(engine: Engine) -> None:
    upgrade(engine, "0011")
    with engine.begin() as connection:
        add(connection, "Contoso Ltd", "contoso", "00000000-0000-4000-8000-0000000000a1")
        add(connection, "台灣積體電路製造股份有限公司", "tsmc", TSMC)
    upgrade(engine, "0012")
    assert current_revision(engine) == "0012"
    assert pieces_are_current(engine)
    assert kept_for(engine, "台") == 1 and kept_for(engine, "公司") == 1
    assert kept_for(engine, "co") == 0  # ASCII pieces are never kept

    every_kind_of_write(engine)
    assert pieces_are_current(engine)
    assert kept_for(engine, "電公") == 1 and kept_for(engine, "體電") == 0  # the new text's
    assert kept_for(engine, "ü") == 0  # Müller was deleted
    assert kept_for(engine, "ノー") == 1

    downgrade(engine, "0011")
    assert "customer_search_pieces" not in tables(engine)
    with engine.begin() as connection:  # no trigger left behind
        add(connection, "Litware", "litware", "00000000-0000-4000-8000-0000000000b9")
    upgrade(engine)  # and up again
    assert pieces_are_current(engine)


def test_0012_keeps_the_pieces_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        check_up_and_down(engine)
        assert "customer_search_positions" in tables(engine)
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0012_keeps_the_pieces_on_postgresql(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        check_up_and_down(engine)
        indexes = {str(i["name"]) for i in inspect(engine).get_indexes("customer_search_row")}
        assert "ix_customer_search_row_grams" not in indexes  # the pieces replace it
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Any:
    engine = create_engine(sqlite_url(tmp_path_factory.mktemp("pieces") / "db.sqlite3"))
    upgrade(engine)
    yield engine
    engine.dispose()


# Text as search_text holds it: folded fields of letters from several scripts, digits,
# punctuation, separators.
FIELD = st.text(
    alphabet=st.sampled_from("ab1-. 台灣公司晶片ノースüéß한빛Ω"), min_size=0, max_size=12
)


@given(name=FIELD, domain=FIELD)
@settings(max_examples=60, deadline=None)
def test_the_triggers_pieces_are_pythons(sqlite_engine: Engine, name: str, domain: str) -> None:
    """SQLite's trigger (its SQL over the table of positions) and keys.search_pieces agree."""
    searched = f"{name}{SEARCH_SEPARATOR}{domain}{SEARCH_SEPARATOR}{SEARCH_SEPARATOR}"
    with sqlite_engine.begin() as connection:
        connection.execute(text("DELETE FROM customer"))
        add(connection, "x", "x", "00000000-0000-4000-8000-000000000001")
        connection.execute(text("UPDATE customer SET search_text = :t"), {"t": searched})
        kept = connection.execute(text("SELECT piece FROM customer_search_pieces")).scalars()
        assert set(kept) == set(search_pieces(searched))


@pytest.mark.postgresql
def test_postgresqls_pieces_are_pythons(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        upgrade(engine)
        with engine.connect() as connection:
            for name in ("台灣積體電路", "müller 台", "ab-ü.c", "ノース ウィンド", "contoso", "ß"):
                searched = search_text(fold(name), "dom", "ABC")
                found = connection.execute(
                    text("SELECT pcdesk_search_grams(:t)"), {"t": searched}
                ).scalar_one()
                assert set(found) == set(search_pieces(searched)), name
    finally:
        engine.dispose()
