"""Import customers, how SQLite writes them: rows handed to the driver, and the insert triggers set
aside in the import's transaction while the import writes what they would have."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, insert, select, text

from pcdesk.models import AgreementAcceptance, Customer, IndirectReseller
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.bulk_gc import collector_paused
from pcdesk.services.customer_import import bulk as customer_import_writes
from pcdesk.services.customer_import import preview as customer_import_preview
from pcdesk.services.customer_import import writer as customer_import_writer
from pcdesk.services.customer_import.apply import (
    Fate,
    ImportCancelled,
    apply_import,
    preview_import,
)
from pcdesk.services.customer_list.export import export_customers
from pcdesk.services.customer_list.query import CustomerQuery, customer_page
from pcdesk.services.demo_data import seed_demo
from tests.search_pieces import pieces_are_current

NOW = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
TABLES = ("customer", "agreement_acceptance", "audit_event")


def table(entity: Any) -> Table:
    found = entity.__table__
    assert isinstance(found, Table)
    return found


@pytest.fixture
def new_database(sqlite_template: Path, tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """Empty SQLite databases, each made on demand under a name."""
    made: list[Database] = []

    def make(name: str) -> Database:
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(sqlite_template, path)
        database = open_database(sqlite_url(path))
        made.append(database)
        return database

    yield make
    for database in made:
        database.dispose()


@pytest.fixture
def demo_export(sqlite_db: Database, tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    """pcdesk's export of the demo customers (resellers, accepted and pending agreements), and
    the demo's resellers (a restore needs them first: the file names them by Partner ID)."""
    seed_demo(sqlite_db)
    path = tmp_path / "export.csv"
    assert export_customers(sqlite_db, CustomerQuery(), path) > 5
    with sqlite_db.engine.connect() as connection:
        resellers = [
            dict(row) for row in connection.execute(select(table(IndirectReseller))).mappings()
        ]
    return path, resellers


def restore(database: Database, demo: tuple[Path, list[dict[str, Any]]]) -> None:
    path, resellers = demo
    with database.engine.begin() as connection:
        connection.execute(insert(table(IndirectReseller)), resellers)
    preview = preview_import(database, path)
    assert preview.count(Fate.NEW) == len(preview.rows), [row.reasons for row in preview.rows]
    apply_import(database, preview, actor="restorer")


def raw(database: Database, sql: str) -> list[tuple[Any, ...]]:
    """What the file holds, as SQLite gives it back (text, not Python values)."""
    path = database.engine.url.database
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def triggers(database: Database) -> list[tuple[Any, ...]]:
    return raw(
        database,
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    )


def search_index(database: Database) -> list[tuple[Any, ...]]:
    """Every term of the search index with its rows; and the index agrees with the table."""
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO customer_search(customer_search) VALUES ('integrity-check')")
        )
    return raw(database, "SELECT term, doc, cnt FROM customer_search_vocab ORDER BY term")


def test_sqlite_writes_what_sqlalchemy_and_the_triggers_write(
    demo_export: tuple[Path, list[dict[str, Any]]],
    new_database: Callable[[str], Database],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(customer_import_writer, "utc_now", lambda: NOW)
    fast = new_database("fast")
    restore(fast, demo_export)
    # The same import as pcdesk wrote it before: SQLAlchemy Core inserts, the triggers fire.
    monkeypatch.setattr(customer_import_writes, "_sqlite", lambda _session: False)
    slow = new_database("slow")
    restore(slow, demo_export)

    for name in TABLES:
        rows = raw(fast, f"SELECT * FROM {name} ORDER BY id")
        assert rows == raw(slow, f"SELECT * FROM {name} ORDER BY id"), name
        assert rows, name
    columns = raw(fast, "SELECT reseller_name, agreement_status FROM customer")
    assert {status for _name, status in columns} == {"accepted", "pending"}
    assert any(name for name, _status in columns)
    assert search_index(fast) == search_index(slow) != []
    characters = "SELECT character, customers FROM customer_search_characters ORDER BY character"
    assert raw(fast, characters) == raw(slow, characters)
    texts = [search_text for (search_text,) in raw(fast, "SELECT search_text FROM customer")]
    assert dict(raw(fast, characters))["c"] == sum("c" in text for text in texts) > 5
    pieces = "SELECT piece, collation_key, id FROM customer_search_pieces ORDER BY 1, 2, 3"
    assert raw(fast, pieces) == raw(slow, pieces) != []  # the demo's Chinese names have some
    assert pieces_are_current(fast.engine)
    assert triggers(fast) == triggers(slow)


def test_the_insert_triggers_are_back_after_an_import_and_still_work(
    demo_export: tuple[Path, list[dict[str, Any]]], new_database: Callable[[str], Database]
) -> None:
    database = new_database("restored")
    before = triggers(database)
    assert {name for name, *_ in before} >= set(customer_import_writes.INSERT_TRIGGERS)

    restore(database, demo_export)

    assert triggers(database) == before
    # A customer added afterwards is kept by them: its reseller's name, its agreement's
    # status and the search index.
    with database.engine.begin() as connection:
        values = dict(connection.execute(select(table(Customer)).limit(1)).mappings().one())
        reseller_id, reseller_name = connection.execute(
            select(IndirectReseller.id, IndirectReseller.name).limit(1)
        ).one()
        values |= {
            "microsoft_id": "00000000-0000-4000-8000-000000000042",
            "domain_prefix": "afterwards",
            "search_text": "afterwards\x1fafterwards\x1f00000000-0000-4000-8000-000000000042\x1f\x1f",
            "indirect_reseller_id": reseller_id,
            "reseller_name": "",
            "agreement_status": "",
        }
        del values["id"]
        new_id = connection.execute(insert(table(Customer)).values(values)).inserted_primary_key[0]
        connection.execute(
            insert(table(AgreementAcceptance)).values(
                customer_id=new_id, status="pending", recorded_at=NOW, recorded_by="x"
            )
        )
    assert raw(
        database, f"SELECT reseller_name, agreement_status FROM customer WHERE id = {new_id}"
    ) == [(reseller_name, "pending")]
    assert [
        row.microsoft_id for row in customer_page(database, CustomerQuery(text="afterwards"))
    ] == ["00000000-0000-4000-8000-000000000042"]
    search_index(database)  # still consistent


def test_a_cancelled_or_failed_import_keeps_the_triggers_and_writes_nothing(
    demo_export: tuple[Path, list[dict[str, Any]]],
    new_database: Callable[[str], Database],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = new_database("target")
    path, resellers = demo_export
    with database.engine.begin() as connection:
        connection.execute(insert(table(IndirectReseller)), resellers)
    before = triggers(database)
    preview = preview_import(database, path)
    seen: list[list[tuple[Any, ...]]] = []

    def progress(done: int, total: int) -> bool:
        if done > total // 2:  # some customers are written, the triggers set aside
            # Another connection sees the database as it was: triggers and all.
            seen.append(triggers(database))
            return False
        return True

    monkeypatch.setattr(customer_import_preview, "CHUNK", 2)
    with pytest.raises(ImportCancelled):
        apply_import(database, preview, progress=progress)
    assert seen == [before]

    def broken(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(customer_import_writer, "insert_search_rows", broken)
    with pytest.raises(RuntimeError):
        apply_import(database, preview)

    assert triggers(database) == before
    for name in TABLES:
        assert raw(database, f"SELECT count(*) FROM {name}") == [(0,)], name
    search_index(database)


def test_the_collector_is_paused_while_an_import_works_and_resumes_after(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "Customers.csv"
    path.write_text(
        "Microsoft ID,Company name,Primary domain name,Relationship\n"
        "8e2f6a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b,Contoso,contoso.onmicrosoft.com,Cloud Reseller\n",
        encoding="utf-8",
    )
    states: list[bool] = []

    def progress(_done: int, _total: int) -> bool:
        states.append(gc.isenabled())
        return True

    preview = preview_import(db, path, progress=progress)
    apply_import(db, preview, progress=progress)

    assert states and not any(states)
    assert gc.isenabled()
    with pytest.raises(ImportCancelled):
        preview_import(db, path, progress=lambda _done, _total: False)
    assert gc.isenabled()


def test_overlapping_pauses_resume_the_collector_once_the_last_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was not running before: it stays so
    finally:
        gc.enable()
