"""Import customers, the preview of a big file kept small: rows packed a block at a time, the first
line of each key in flat arrays, and no garbage left per chunk while the collector is paused.
(The memory itself is measured by benchmarks/customer_import.py, not asserted here.)"""

from __future__ import annotations

import gc
import pickle
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pcdesk.messages import Joined, Message
from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customer_import import preview as customer_import_preview
from pcdesk.services.customer_import import preview_rows
from pcdesk.services.customer_import.apply import Fate, apply_import, preview_import
from pcdesk.services.customer_import.first_lines import FirstLines
from pcdesk.services.customer_list.export import export_customers
from pcdesk.services.customer_list.query import CustomerQuery
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.validation.countries import CountryName, country_name

HEADER = "Microsoft ID,Company name,Primary domain name,Relationship,Tags\r\n"


def partner_center_file(path: Path, rows: int, *, repeat_every: int = 0) -> Path:
    """A Customers.csv of ``rows`` customers; with ``repeat_every``, every so many rows repeats
    the Microsoft ID of the row before it (a duplicate)."""
    lines = [HEADER]
    previous = ""
    for number in range(rows):
        microsoft_id = str(uuid.UUID(int=number + 1, version=4))
        if repeat_every and number % repeat_every == repeat_every - 1:
            microsoft_id = previous
        previous = microsoft_id
        lines.append(
            f"{microsoft_id},Company {number} 公司,company{number}.onmicrosoft.com,Reseller,\r\n"
        )
    path.write_text("".join(lines), encoding="utf-8")
    return path


# -- the first line of each key -----------------------------------------------------------------------


def test_first_lines_keep_the_first_line_of_each_key_as_the_table_grows() -> None:
    first = FirstLines()
    keys = [f"contoso{number}" for number in range(20_000)] + ["台灣", "tai\u0301wan", "\ud800"]
    for line, key in enumerate(keys, start=2):
        assert first.first(key, line) == line
        assert first.first(key, line + 100_000) == line  # a later line never replaces it

    assert len(first) == len(keys)
    assert all(first.get(key) == line for line, key in enumerate(keys, start=2))
    assert first.get("contoso20000") is None
    assert first.get("") is None
    with pytest.raises(ValueError, match="out of range"):
        first.first("fabrikam", 0)


# -- rows packed in blocks ----------------------------------------------------------------------------


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of three rows and lookups of four, so a small file spans many of both."""
    monkeypatch.setattr(preview_rows, "BLOCK", 3)
    monkeypatch.setattr(customer_import_preview, "CHUNK", 4)


def test_a_preview_in_blocks_reads_back_every_row_as_it_was_previewed(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_demo(db)
    export = tmp_path / "export.csv"
    export_customers(db, CustomerQuery(), export)
    monkeypatch.setattr(preview_rows, "BLOCK", 10_000)
    whole = list(preview_import(db, export).rows)  # one block: nothing packed

    monkeypatch.setattr(preview_rows, "BLOCK", 3)
    preview = preview_import(db, export)

    assert len(whole) > 9  # several blocks
    assert list(preview.rows) == whole
    assert [preview.rows[number] for number in range(len(whole))] == whole
    assert preview.rows[-1] == whole[-1]
    assert preview.rows[2:7] == whole[2:7]
    for fate in Fate:
        assert preview.count(fate) == sum(1 for row in whole if row.fate is fate)
        assert preview.numbers_of(fate) == [
            number for number, row in enumerate(whole) if row.fate is fate
        ]
    with pytest.raises(IndexError):
        preview.rows[len(whole)]


def test_rows_are_read_from_two_threads_at_once_as_the_dialog_and_the_import_do(
    db: Database, tmp_path: Path, small_blocks: None
) -> None:
    preview = preview_import(db, partner_center_file(tmp_path / "Customers.csv", 200))
    expected = [f"Company {number} 公司" for number in range(200)]
    seen: list[list[str]] = []

    def read() -> None:
        seen.append([row.company_name for row in preview.rows])
        seen.append([preview.rows[number].company_name for number in reversed(range(200))][::-1])

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()

    assert seen == [expected] * 8


def test_a_file_previewed_in_blocks_imports_every_new_customer_once(
    db: Database, tmp_path: Path, small_blocks: None
) -> None:
    path = partner_center_file(tmp_path / "Customers.csv", 50, repeat_every=10)
    preview = preview_import(db, path)

    assert preview.count(Fate.NEW) == 45
    assert preview.count(Fate.DUPLICATE) == 5
    duplicate = preview.rows[9]
    assert duplicate.fate is Fate.DUPLICATE
    assert [str(reason) for reason in duplicate.reasons] == [
        "The same Microsoft ID as line 10; only that line is imported."
    ]

    result = apply_import(db, preview)

    assert result.added == 45
    with db.session_factory() as session:
        names = set(session.scalars(select(Customer.company_name)))
    assert names == {f"Company {number} 公司" for number in range(50) if number % 10 != 9}


def test_looking_up_a_file_leaves_no_garbage_per_chunk_while_the_collector_is_paused(
    db: Database, tmp_path: Path, small_blocks: None
) -> None:
    """A preview pauses the cyclic collector (and the application collects only on the GUI
    thread): a statement built per chunk of a million rows kept each chunk's values alive."""
    path = partner_center_file(tmp_path / "Customers.csv", 400)
    preview_import(db, path)  # statements and caches made once
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        preview = preview_import(db, path)  # 100 lookups
        garbage = gc.collect()
    finally:
        if enabled:
            gc.enable()

    assert preview.count(Fate.NEW) == 400
    assert garbage < 50  # was 27 objects a chunk: 2,700


def test_the_rows_survive_pickling_exactly_with_messages_and_changes(
    db: Database, tmp_path: Path, small_blocks: None
) -> None:
    path = partner_center_file(tmp_path / "Customers.csv", 8, repeat_every=4)
    whole: list[Any] = list(preview_import(db, path).rows)
    packed = preview_rows.PreviewRows(whole)

    unpacked = list(packed)

    assert unpacked == whole
    reason = unpacked[3].reasons[0]
    assert reason.template == whole[3].reasons[0].template
    assert reason.params == whole[3].reasons[0].params


def test_messages_and_country_names_are_packed_with_all_they_carry() -> None:
    """A refused row's reasons name countries and join messages; packing must keep what the
    views translate them by, not only their English text."""
    taiwan = country_name("TW")
    joined = Joined([Message("Admin agent"), Message("Sales agent")])
    reason = Message(
        "{country} has no state {state}.", "customer_import", country=taiwan, state="X"
    )

    unpacked = pickle.loads(pickle.dumps([taiwan, joined, reason]))

    assert unpacked == [taiwan, joined, reason]
    assert isinstance(unpacked[0], CountryName) and unpacked[0].code == "TW"
    assert unpacked[1].parts == ("Admin agent", "Sales agent") and unpacked[1].separator == " / "
    assert (unpacked[2].template, unpacked[2].context) == (reason.template, "customer_import")
    assert unpacked[2].params["country"].code == "TW"


def test_importing_a_file_leaves_no_garbage_per_chunk_while_the_collector_is_paused(
    db: Database, tmp_path: Path, small_blocks: None
) -> None:
    warm = partner_center_file(tmp_path / "Warm.csv", 8)
    apply_import(db, preview_import(db, warm))  # statements and caches made once
    lines = partner_center_file(tmp_path / "Customers.csv", 408).read_text().splitlines()
    path = tmp_path / "More.csv"
    path.write_text("\r\n".join(lines[:1] + lines[9:]) + "\r\n", encoding="utf-8")
    preview = preview_import(db, path)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        result = apply_import(db, preview)  # 100 chunks checked, then written
        garbage = gc.collect()
    finally:
        if enabled:
            gc.enable()

    assert result.added == 400
    assert garbage < 50  # was 37 objects a chunk
