"""Shared fixtures: an isolated, migrated database per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

# Headless by default, before anything can create a QApplication (CI sets it too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pcdesk.models import Base
from pcdesk.models.database import Database, open_database, sqlite_url

POSTGRESQL_ENV = "PCDESK_TEST_POSTGRESQL_URL"


def postgresql_url() -> str:
    url = os.environ.get(POSTGRESQL_ENV, "")
    if not url and os.environ.get("PCDESK_REQUIRE_POSTGRESQL"):
        pytest.fail(f"PCDESK_REQUIRE_POSTGRESQL is set but {POSTGRESQL_ENV} is not")
    if not url:
        pytest.skip(
            f"PostgreSQL tests need {POSTGRESQL_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1/test)"
        )
    return url


def schema_url(url: str, schema: str) -> str:
    """``url`` with every connection's search_path set to ``schema``."""
    return (
        make_url(url)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


class PostgresSchemas:
    """Creates throw-away schemas on the test server and drops them at the end of the session."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def new(self) -> str:
        schema = f"pcdesk_test_{uuid.uuid4().hex[:12]}"
        with self.engine.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        self.created.append(schema)
        return schema_url(self.url, schema)

    def close(self) -> None:
        with self.engine.connect() as connection:
            for schema in self.created:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.engine.dispose()


@pytest.fixture(scope="session")
def postgres_schemas() -> Iterator[PostgresSchemas]:
    schemas = PostgresSchemas(postgresql_url())
    yield schemas
    schemas.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "pcdesk.sqlite3"
    open_database(sqlite_url(path)).dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database(postgres_schemas: PostgresSchemas) -> Iterator[Database]:
    database = open_database(postgres_schemas.new())
    yield database
    database.dispose()


def _truncate_all(database: Database) -> None:
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE TABLE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "pcdesk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = open_database(sqlite_url(path))
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db(request: pytest.FixtureRequest) -> Database:
    """A migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        database: Database = request.getfixturevalue("sqlite_db")
        return database
    database = request.getfixturevalue("postgres_database")
    _truncate_all(database)
    return database
