"""Shared fixtures: an isolated, migrated database per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

# Headless by default, before anything can create a QApplication (CI sets it too).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pcdesk.models import Base
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.inputs import AgreementInput, CustomerInput

POSTGRESQL_ENV = "PCDESK_TEST_POSTGRESQL_URL"

# The Partner Center simulator (pcsimulator/) sits beside pcdesk/, outside the wheel. Appended,
# not put first: the pcdesk under test must stay the installed one (CI installs the wheel, whose
# resources the source tree's pcdesk/ does not hold).
REPOSITORY = Path(__file__).resolve().parents[1]
if str(REPOSITORY) not in sys.path:
    sys.path.append(str(REPOSITORY))


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


@pytest.fixture
def postgresql_db(postgres_database: Database) -> Database:
    """The migrated, empty PostgreSQL database alone, for what only PostgreSQL does."""
    _truncate_all(postgres_database)
    return postgres_database


# -- test data shared by the service tests ----------------------------------------------------------

US_CUSTOMER = CustomerInput(
    company_name="Contoso Pharmaceuticals",
    country="US",
    address_line1="One Microsoft Way",
    city="Redmond",
    state="WA",
    postal_code="98052",
    contact_first_name="Dana",
    contact_last_name="Whitfield",
    contact_email="dana@contosopharma.com",
    domain_prefix="contosopharma",
)
TW_CUSTOMER = CustomerInput(
    company_name="台灣晶片設計股份有限公司",
    country="TW",
    address_line1="信義路五段7號",
    city="信義區",
    state="Taipei City",
    postal_code="110",
    contact_first_name="志明",
    contact_last_name="陳",
    contact_email="chen@twchip.com.tw",
    contact_phone="02 2720 1234",
    domain_prefix="TWChip",
)
US_AGREEMENT = AgreementInput(
    True, "Dana", "Whitfield", "dana@contosopharma.com", "", dt.date(2025, 1, 2)
)


@pytest.fixture
def us_customer() -> CustomerInput:
    """A valid US customer: Contoso Pharmaceuticals in Redmond, no phone, no tags."""
    return US_CUSTOMER


@pytest.fixture
def tw_customer() -> CustomerInput:
    """A valid Taiwanese customer, in Chinese, with a phone."""
    return TW_CUSTOMER


@pytest.fixture
def us_agreement() -> AgreementInput:
    """The agreement accepted by the US customer's contact on 2 January 2025."""
    return US_AGREEMENT


@pytest.fixture
def stocked(db: Database) -> Database:
    """``db`` with the starter catalog imported."""
    catalog.import_starter_catalog(db)
    return db


def find_offer(
    db: Database, market: str, product: str, term: str = "P1Y", plan: str = "Annual"
) -> int:
    for offer in catalog.list_offers(db, market=market):
        if offer.product_id == product and offer.term == term and offer.billing_plan == plan:
            return offer.id
    raise LookupError(product)


@pytest.fixture
def offer_id() -> Callable[..., int]:
    """``offer_id(db, market, product, term="P1Y", plan="Annual")``: that catalog offer's id."""
    return find_offer


@pytest.fixture(autouse=True)
def _no_unexpected_logged_errors(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A test fails when the code logs an error it did not expect (mark ``logs_errors`` when
    the error is the point of the test)."""
    yield
    if request.node.get_closest_marker("logs_errors") is not None:
        return
    logged = [
        f"{record.name}: {record.getMessage()}"
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)  # type: ignore[arg-type]
        if record.levelno >= logging.ERROR
    ]
    if logged:
        pytest.fail("the code logged errors the test did not expect:\n" + "\n".join(logged))
