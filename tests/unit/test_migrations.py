"""Migrations: a database at the first revision, with data in it, upgraded to head loses nothing.

The data is generated from the schema as it stands at the first revision (by reflection), so the
test keeps checking every table as revisions are added.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, Table, create_engine, insert, inspect, select, types

from pcdesk.models.database import (
    alembic_config,
    current_revision,
    head_revision,
    open_database,
    sqlite_url,
    upgrade,
)

# Reflection cannot read expression indexes (lower(...)); the test only reads rows.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection:sqlalchemy.exc.SAWarning"
)

# Values that satisfy the CHECK constraints of the first revision, by column name.
KNOWN_VALUES: dict[str, Any] = {
    "partner_type": "indirect_provider",
    "instance": "global",
    "state": "active",
    "relationship": "reseller",
    "account_status": "active",
    "agreement_type": "microsoft_customer_agreement",
    "agreement_acceptance.status": "accepted",
    "subscription.status": "active",
    "relationship_request.status": "pending",
    "min_quantity": 1,
    "max_quantity": 300,
    "quantity": 5,
}
TABLE_ROWS = {"partner_profile": 1}


def first_revision() -> str:
    scripts = ScriptDirectory.from_config(alembic_config())
    bases = scripts.get_bases()
    assert len(bases) == 1
    return bases[0]


def value_for(table: Table, column_name: str, column_type: types.TypeEngine[Any], n: int) -> Any:
    for key in (f"{table.name}.{column_name}", column_name):
        if key in KNOWN_VALUES:
            return KNOWN_VALUES[key]
    if column_name == "id":
        return 1 if table.name == "partner_profile" else n
    if column_name.endswith("_id") and isinstance(column_type, types.Integer):
        return 1  # every table gets a row 1, so a foreign key to row 1 holds
    python_type = column_type.python_type
    if python_type is int:
        return n
    if python_type is Decimal:
        return Decimal("12.3400")
    if python_type is dt.datetime:
        return dt.datetime(2024, 1, n, 9, 30, tzinfo=dt.UTC)
    if python_type is dt.date:
        return dt.date(2024, 2, n)
    length = getattr(column_type, "length", None) or 40
    return f"{column_name[: max(1, length - 3)]}{n:02d}"[:length]


def fill(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Insert rows into every table as it stands now; return them as written."""
    metadata = MetaData()
    metadata.reflect(engine)
    written: dict[str, list[dict[str, Any]]] = {}
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [
                {c.name: value_for(table, c.name, c.type, n) for c in table.columns}
                for n in range(1, TABLE_ROWS.get(table.name, 3) + 1)
            ]
            connection.execute(insert(table), rows)
            written[table.name] = rows
    return written


def read(engine: Engine, table_name: str, columns: list[str]) -> list[dict[str, Any]]:
    metadata = MetaData()
    table = Table(table_name, metadata, autoload_with=engine)
    with engine.connect() as connection:
        result = connection.execute(
            select(*(table.c[name] for name in columns)).order_by(table.c.id)
        )
        return [dict(row._mapping) for row in result]


def check_upgrade_keeps_data(engine: Engine) -> None:
    upgrade(engine, first_revision())
    assert current_revision(engine) == first_revision()
    written = fill(engine)
    assert written, "the first revision has tables"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    for table_name, rows in written.items():
        columns = list(rows[0])
        assert table_name in inspect(engine).get_table_names()
        stored = read(engine, table_name, columns)
        assert [{k: _comparable(v) for k, v in r.items()} for r in stored] == [
            {k: _comparable(v) for k, v in r.items()} for r in rows
        ], table_name


def _comparable(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def test_upgrading_a_sqlite_file_from_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "old.sqlite3"))
    try:
        check_upgrade_keeps_data(engine)
    finally:
        engine.dispose()
    # and pcdesk then opens it as a current database
    open_database(sqlite_url(tmp_path / "old.sqlite3")).dispose()


@pytest.mark.postgresql
def test_upgrading_postgresql_from_the_first_revision_keeps_every_row(
    postgres_schemas: Any,
) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        check_upgrade_keeps_data(engine)
    finally:
        engine.dispose()
