"""Migration 0007 (Partner Center outbox) up and down, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect

from pcdesk.models.database import sqlite_url
from pcdesk.models.revisions import current_revision, upgrade
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade

TABLES = {"partner_center_outbox"}

pytestmark = EXPRESSION_INDEXES_UNREFLECTED


def columns(engine: Engine, table: str) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns(table)}


def check(engine: Engine) -> None:
    upgrade(engine, "0006")
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine, "0007")
    assert current_revision(engine) == "0007"
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert {"request_id", "state", "body"} <= columns(engine, "partner_center_outbox")
    downgrade(engine, "0006")
    assert current_revision(engine) == "0006"
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)  # and up again
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_0007_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "db.sqlite3"))
    try:
        check(engine)
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_0007_on_postgresql(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        check(engine)
    finally:
        engine.dispose()
