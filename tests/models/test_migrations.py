"""Migrations: a database at the first revision, with data in it, upgraded to head loses nothing.

The data is generated from the schema as it stands at the first revision (by reflection), so the
test keeps checking every table as revisions are added.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, MetaData, Table, create_engine, insert, inspect, select, text, types

from pcdesk.models import keys
from pcdesk.models.collation import sort_key
from pcdesk.models.database import open_database, sqlite_url
from pcdesk.models.revisions import (
    REVISIONS,
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from tests.migration_steps import EXPRESSION_INDEXES_UNREFLECTED, downgrade

pytestmark = EXPRESSION_INDEXES_UNREFLECTED

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


# --- 0002: duplicate-detection keys ----------------------------------------------------------

KEY_COLUMNS = {"match_key", "email_domain"}
LIST_COLUMNS = {"search_text", "active_subscriptions", "agreement_status", "reseller_name"}
KEY_INDEXES = {"ix_customer_match_key", "ix_customer_email_domain"}
COLLATION_COLUMNS = {"collation_key"}
# 0001's indexes on expressions: reflection cannot read them, so a table copy would lose them.
EXPRESSION_INDEXES = {"ix_customer_domain_prefix_ci", "ix_customer_contact_email_ci"}
MANY = 1234  # more customers than 0002 and 0008 fill in one batch


def customer_indexes(engine: Engine) -> set[str]:
    if engine.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer'"
    else:
        query = (
            "SELECT indexname FROM pg_indexes"
            " WHERE tablename = 'customer' AND schemaname = current_schema()"
        )
    with engine.connect() as connection:
        return {row[0] for row in connection.execute(text(query))}


def customer_columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("customer")}


def add_customers(engine: Engine, template: dict[str, Any]) -> None:
    """Customers at 0001 with names and e-mails worth keying, and many more."""
    rows = [
        {**template, "id": 1, "company_name": "Contoso, Ltd.", "contact_email": "Dana@Contoso.COM"},
        {
            **template,
            "id": 2,
            "company_name": "富碧坎雲端股份有限公司",
            "contact_email": "no e-mail",
        },
    ]
    rows += [
        {
            **template,
            "id": n,
            "microsoft_id": str(uuid.UUID(int=n)),
            "domain_prefix": f"customer{n}",
            "company_name": f"Customer {n} GmbH",
            "contact_email": f"it{n}@Customer{n % 7}.EXAMPLE",
        }
        for n in range(4, MANY + 1)
    ]
    metadata = MetaData()
    customer = Table("customer", metadata, autoload_with=engine)
    with engine.begin() as connection:
        for row in rows[:2]:
            values = {k: v for k, v in row.items() if k in ("company_name", "contact_email")}
            connection.execute(customer.update().where(customer.c.id == row["id"]).values(values))
        connection.execute(insert(customer), rows[2:])


def check_keys_are_filled_and_dropped(engine: Engine) -> None:
    upgrade(engine, "0001")
    written = fill(engine)
    add_customers(engine, written["customer"][0])

    upgrade(engine)
    assert customer_columns(engine) >= KEY_COLUMNS
    assert customer_indexes(engine) >= KEY_INDEXES | EXPRESSION_INDEXES
    stored = read(engine, "customer", ["id", "company_name", "contact_email", *sorted(KEY_COLUMNS)])
    assert len(stored) == MANY
    by_id = {row["id"]: row for row in stored}
    assert (by_id[1]["match_key"], by_id[1]["email_domain"]) == ("contoso", "contoso.com")
    assert (by_id[2]["match_key"], by_id[2]["email_domain"]) == ("富碧坎雲端", "")
    assert (by_id[3]["match_key"], by_id[3]["email_domain"]) == ("companyname03", "")
    assert (by_id[MANY]["match_key"], by_id[MANY]["email_domain"]) == (
        f"customer{MANY}",
        f"customer{MANY % 7}.example",
    )
    # every row, whichever batch it was in, holds what the model computes today
    assert [(row["match_key"], row["email_domain"]) for row in stored] == [
        (keys.match_key(row["company_name"]), keys.email_domain(row["contact_email"]))
        for row in stored
    ]
    # 0003: the list's columns, filled in SQL the way the model and the triggers keep them
    listed = read(
        engine,
        "customer",
        ["id", "name_key", "domain_prefix", "microsoft_id", *sorted(LIST_COLUMNS)],
    )
    assert [row["search_text"] for row in listed] == [
        keys.search_text(row["name_key"], row["domain_prefix"], row["microsoft_id"])
        for row in listed
    ]
    first = listed[0]
    assert (first["active_subscriptions"], first["agreement_status"]) == (3, "accepted")
    assert first["reseller_name"].startswith("name")
    assert (listed[-1]["active_subscriptions"], listed[-1]["agreement_status"]) == (0, "")
    # 0008: every customer's collation key, whichever batch it was filled in, and its index
    keyed = read(engine, "customer", ["id", "company_name", "collation_key"])
    assert [bytes(row["collation_key"]) for row in keyed] == [
        sort_key(row["company_name"]) for row in keyed
    ]
    assert bytes(by_key(keyed, 2)) == sort_key("富碧坎雲端股份有限公司")
    assert "ix_customer_collation_key" in customer_indexes(engine)
    assert "ix_customer_name_key" not in customer_indexes(engine)

    downgrade(engine, first_revision())
    assert current_revision(engine) == first_revision()
    assert not (KEY_COLUMNS | LIST_COLUMNS | COLLATION_COLUMNS) & customer_columns(engine)
    assert not KEY_INDEXES & customer_indexes(engine)
    assert customer_indexes(engine) >= EXPRESSION_INDEXES
    assert read(engine, "customer", ["id", "company_name"]) == [
        {"id": row["id"], "company_name": row["company_name"]} for row in stored
    ]

    upgrade(engine)  # and back up again
    assert read(engine, "customer", ["id", *sorted(KEY_COLUMNS)]) == [
        {key: row[key] for key in ("id", *sorted(KEY_COLUMNS))} for row in stored
    ]


def by_key(rows: list[dict[str, Any]], customer_id: int) -> Any:
    return next(row["collation_key"] for row in rows if row["id"] == customer_id)


def sort_indexes(engine: Engine) -> dict[str, list[str | None]]:
    """The customer table's indexes on columns (reflection skips those on expressions)."""
    return {
        str(index["name"]): list(index["column_names"])
        for index in inspect(engine).get_indexes("customer")
    }


def check_0008_downgrades_to_the_indexes_it_replaced(engine: Engine) -> None:
    upgrade(engine, "0007")
    before = sort_indexes(engine)
    assert before["ix_customer_country"] == ["country", "name_key", "id"]
    upgrade(engine)
    after = sort_indexes(engine)
    assert after["ix_customer_collation_key"] == ["collation_key", "id"]
    assert after["ix_customer_country"] == ["country", "collation_key", "id"]
    downgrade(engine, "0007")
    assert sort_indexes(engine) == before
    assert "collation_key" not in customer_columns(engine)


def test_sqlite_0008_downgrades_to_the_indexes_it_replaced(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "old.sqlite3"))
    try:
        check_0008_downgrades_to_the_indexes_it_replaced(engine)
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_postgresql_0008_downgrades_to_the_indexes_it_replaced(postgres_schemas: Any) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        check_0008_downgrades_to_the_indexes_it_replaced(engine)
    finally:
        engine.dispose()


def test_sqlite_customers_get_their_duplicate_keys_and_lose_them_on_downgrade(
    tmp_path: Path,
) -> None:
    engine = create_engine(sqlite_url(tmp_path / "old.sqlite3"))
    try:
        check_keys_are_filled_and_dropped(engine)
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_postgresql_customers_get_their_duplicate_keys_and_lose_them_on_downgrade(
    postgres_schemas: Any,
) -> None:
    engine = create_engine(postgres_schemas.new())
    try:
        check_keys_are_filled_and_dropped(engine)
    finally:
        engine.dispose()


NAME_PIECES = [
    " ", ",", ".", "&", "(", ")", "Ltd", "Co", "S", "A", "p", "GmbH", "KG", "AB", "Oy",
    "Company", "Contoso", "ß", "\uff2c\uff54\uff44", "㈱", "株", "股", "股份有限公司", "有限公司",
    "公司", "集團", "株式会社", "주식회사", "富碧坎", "ノース",
]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(NAME_PIECES), st.text(max_size=3)), max_size=8))
def test_0002s_frozen_key_functions_still_agree_with_the_model(pieces: list[str]) -> None:
    """If this fails, pcdesk.models.keys changed: stored keys are stale until a new revision
    recomputes them (0002 itself must stay as it is)."""
    migration = ScriptDirectory.from_config(alembic_config()).get_revision("0002")
    assert migration is not None
    name = "".join(pieces)
    assert migration.module._match_key(name) == keys.match_key(name)
    assert migration.module._email_domain(name) == keys.email_domain(name)


def test_the_revisions_pcdesk_knows_without_alembic_are_the_migration_scripts() -> None:
    """Start-up reads the schema revision with one query and compares it with REVISIONS, without
    loading Alembic: a new migration must add its revision there (this fails until it does)."""
    scripts = ScriptDirectory.from_config(alembic_config())
    in_order = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert tuple(in_order) == REVISIONS
    assert head_revision() == scripts.get_current_head() == REVISIONS[-1]


def test_the_revision_is_read_as_alembic_reads_it(tmp_path: Path) -> None:
    engine = create_engine(sqlite_url(tmp_path / "revision.sqlite3"))
    try:
        assert current_revision(engine) is None
        upgrade(engine, "0002")
        assert current_revision(engine) == "0002"
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO alembic_version VALUES ('0001')"))
        assert current_revision(engine) == "0001,0002"  # no revision pcdesk knows
    finally:
        engine.dispose()
