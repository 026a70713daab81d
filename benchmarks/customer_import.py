"""Benchmark of Customers > Import customers: reading, previewing and applying 100,000 rows.

    python benchmarks/customer_import.py [--customers N] [--cache-dir DIR] [--rebuild]
    python benchmarks/customer_import.py --preview-rows 1000000 [--customers 10000]

Takes the benchmark's database of N made-up customers (built once by _bench_data.py, cached in
~/.cache/pcdesk-bench; default N = 100,000), exports it with pcdesk's own export (every account
field), and writes from it a Partner Center ``Customers.csv`` (Microsoft ID, Company name, Primary
domain name, Relationship, Tags). Then it times, on SQLite:

- each file previewed (read + checked + looked up) and applied into a fresh database, which holds
  only the partner and its indirect resellers: every valid row is new;
- pcdesk's export again, its rows repeated under new IDs until all N pass the account rules
  (the made-up data does not always), previewed and applied into a fresh database;
- each file previewed and applied into a copy of the database it came from: every Partner
  Center row is unchanged; pcdesk rows whose made-up values are not as pcdesk stores them
  ("Madrid" for the state key "M") are updates, or invalid when the rules refuse them.

With ``--preview-rows R``, it only previews: pcdesk's export of the N customers, its valid rows
repeated under new IDs to R rows, and the Partner Center file of those, each into a fresh
database, and prints the time and the peak RSS of each (the target: a million rows previewed in
under 400 MB).

Each case runs in a process of its own (spawned), so each peak RSS is its own and no case pays for
the garbage of another. Prints a Markdown table of the times, the rows' fates and the peak RSS.
Not a test: figures vary with the machine and its load (the target is 100,000 rows in under 30 s,
preview and apply).
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import platform
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import sqlalchemy
from _bench_data import (
    _insert_partner,
    _insert_resellers,
    cached_database,
)
from sqlalchemy import func, select

from pcdesk.models import Customer
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.customer_import.apply import (
    Fate,
    ImportPreview,
    ImportResult,
    apply_import,
    preview_import,
)
from pcdesk.services.customer_list.export import (
    ENCODING,
    LINE_END,
    PARTNER_CENTER_COLUMNS,
    export_customers,
)
from pcdesk.services.customer_list.query import CustomerQuery

DEFAULT_CUSTOMERS = 100_000
DEFAULT_CACHE = Path.home() / ".cache" / "pcdesk-bench"
TARGET_SECONDS = 30.0
PREVIEW_TARGET_MB = 400

_T = TypeVar("_T")


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def timed(work: Callable[[], _T]) -> tuple[_T, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


def write_partner_center_file(pcdesk_file: Path, target: Path) -> int:
    """Partner Center's Customers.csv: its five columns of pcdesk's export, as Partner Center
    writes them (UTF-8 with a BOM, CRLF)."""
    headers = [column.header for column in PARTNER_CENTER_COLUMNS]
    rows = 0
    with (
        pcdesk_file.open(encoding=ENCODING, newline="") as source,
        target.open("w", encoding=ENCODING, newline="") as out,
    ):
        writer = csv.writer(out, lineterminator=LINE_END)
        writer.writerow(headers)
        for record in csv.DictReader(source):
            writer.writerow([record[header] for header in headers])
            rows += 1
    return rows


def fresh_database(folder: Path, name: str) -> Database:
    """An empty pcdesk database with the benchmark's partner and indirect resellers."""
    db = open_database(sqlite_url(folder / name))
    with db.engine.begin() as connection:
        _insert_partner(connection)
        _insert_resellers(connection)
    return db


def copy_database(source: Path, folder: Path, name: str) -> Database:
    target = folder / name
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return open_database(sqlite_url(target))


def count_customers(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(Customer)).scalar_one())


def fates(preview: ImportPreview) -> str:
    parts = [f"{preview.count(fate):,} {fate.value}" for fate in Fate if preview.count(fate)]
    return ", ".join(parts)


Figures = tuple[str, float, float, str, str, float]  # label, seconds (2), fates, written, RSS


def measure(label: str, db: Database, path: Path) -> tuple[Figures, ImportPreview]:
    _say(f"{label}: preview...")
    preview, preview_seconds = timed(lambda: preview_import(db, path))
    _say(f"{label}: {fates(preview)}; apply...")
    result: ImportResult
    result, apply_seconds = timed(lambda: apply_import(db, preview, skip_invalid=True))
    written = f"{result.added:,} added, {result.updated:,} updated"
    reasons = sorted({str(row.reasons[0]) for row in preview.rows if row.fate is Fate.INVALID})[:3]
    _say(f"{label}: {written}; {count_customers(db):,} customers now")
    if reasons:
        _say("  e.g. invalid: " + " | ".join(reasons))
    figures = (label, preview_seconds, apply_seconds, fates(preview), written, peak_rss_mb())
    return figures, preview


def run_case(label: str, path: Path, target: Path, valid_file: Path | None, rows: int) -> Figures:
    """One case, in the process this runs in: ``path`` previewed and applied into the database
    at ``target``; then, given ``valid_file``, that file written from the preview."""
    db = open_database(sqlite_url(target))
    try:
        figures, preview = measure(label, db, path)
    finally:
        db.dispose()
    if valid_file is not None:
        write_valid_file(path, preview, valid_file, rows)
    return figures


def in_own_process(
    label: str, path: Path, target: Path, valid_file: Path | None, rows: int
) -> Figures:
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as process:
        return process.submit(run_case, label, path, target, valid_file, rows).result()


def write_valid_file(pcdesk_file: Path, preview: ImportPreview, target: Path, rows: int) -> None:
    """pcdesk's export of ``rows`` customers that all pass the account rules.

    The benchmark's made-up data does not always (a Korean district not in the address data, a
    Brazilian customer without its registration ID): the rows the preview found new are repeated
    under new Microsoft IDs and domains until there are ``rows``.
    """
    good = {row.line for row in preview.rows if row.fate is Fate.NEW}
    with pcdesk_file.open(encoding=ENCODING, newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        valid = [record for line, record in enumerate(reader, start=2) if line in good]
    id_column = header.index("Microsoft ID")
    domain_column = header.index("Primary domain name")
    with target.open("w", encoding=ENCODING, newline="") as out:
        writer = csv.writer(out, lineterminator=LINE_END)
        writer.writerow(header)
        for number in range(rows):
            record = list(valid[number % len(valid)])
            if number >= len(valid):
                prefix = record[domain_column].split(".")[0]
                record[id_column] = str(uuid.UUID(int=number, version=4))
                record[domain_column] = f"{prefix[:19]}x{number}.onmicrosoft.com"
            writer.writerow(record)


def preview_case(label: str, path: Path, target: Path) -> tuple[str, float, str, float]:
    """Preview only, in the process this runs in: label, seconds, fates, peak RSS."""
    db = open_database(sqlite_url(target))
    try:
        _say(f"{label}: preview...")
        preview, seconds = timed(lambda: preview_import(db, path))
        return label, seconds, fates(preview), peak_rss_mb()
    finally:
        db.dispose()


def preview_only(source: Path, rows: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pcdesk-preview-bench-"))
    try:
        export = folder / "pcdesk-export.csv"
        db = open_database(sqlite_url(source))
        try:
            export_customers(db, CustomerQuery(), export)
        finally:
            db.dispose()
        probe = fresh_database(folder, "probe.sqlite3")
        try:
            write_valid_file(export, preview_import(probe, export), folder / "pcdesk.csv", rows)
        finally:
            probe.dispose()
        write_partner_center_file(folder / "pcdesk.csv", folder / "Customers.csv")
        spawn = multiprocessing.get_context("spawn")
        results = []
        for number, (label, name) in enumerate(
            (("Partner Center file", "Customers.csv"), ("pcdesk export", "pcdesk.csv"))
        ):
            fresh_database(folder, f"target-{number}.sqlite3").dispose()
            with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as process:
                results.append(
                    process.submit(
                        preview_case, label, folder / name, folder / f"target-{number}.sqlite3"
                    ).result()
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Preview of {rows:,} rows into a fresh database\n")
    print("| File | Read + preview | Fates | Peak RSS |")
    print("|---|---|---|---|")
    for label, seconds, fate_text, rss in results:
        mark = "✓" if rss < PREVIEW_TARGET_MB else "✗"
        print(f"| {label} | {seconds:.1f} s | {fate_text} | {rss:,.0f} MB {mark} |")
    print(f"\nPeak RSS: of the process previewing. Target: < {PREVIEW_TARGET_MB} MB.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--preview-rows", type=int, default=0)
    options = parser.parse_args()
    if options.preview_rows:
        customers = min(options.customers, 10_000)  # the rows are repeated: a few suffice
        source = cached_database(options.cache_dir, customers, rebuild=options.rebuild, say=_say)
        preview_only(source.path, options.preview_rows)
        return

    source = cached_database(
        options.cache_dir, options.customers, rebuild=options.rebuild, say=_say
    )
    folder = Path(tempfile.mkdtemp(prefix="pcdesk-import-bench-"))
    try:
        pcdesk_file = folder / "pcdesk-export.csv"
        partner_center_file = folder / "Customers.csv"
        db = open_database(sqlite_url(source.path))
        try:
            _say("exporting...")
            _, export_seconds = timed(lambda: export_customers(db, CustomerQuery(), pcdesk_file))
        finally:
            db.dispose()
        rows = write_partner_center_file(pcdesk_file, partner_center_file)

        valid_file = folder / "pcdesk-valid.csv"
        results: list[Figures] = []
        cases = (
            ("Partner Center file → fresh database", partner_center_file, None),
            ("pcdesk export → fresh database", pcdesk_file, None),
            ("pcdesk export, every row valid → fresh database", valid_file, None),
            ("Partner Center file → database holding them", partner_center_file, source.path),
            ("pcdesk export → database holding them", pcdesk_file, source.path),
        )
        for number, (label, path, holding) in enumerate(cases):
            name = f"target-{number}.sqlite3"
            target = (
                fresh_database(folder, name)
                if holding is None
                else copy_database(holding, folder, name)
            )
            target.dispose()
            writes = valid_file if path == pcdesk_file and holding is None else None
            results.append(in_own_process(label, path, folder / name, writes, rows))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"Import of {rows:,} rows (the pcdesk export of them took {export_seconds:.1f} s)\n")
    print("| Import | Read + preview | Apply | Total | Peak RSS | Fates | Written |")
    print("|---|---|---|---|---|---|---|")
    for label, preview_seconds, apply_seconds, fate_text, written, rss in results:
        total = preview_seconds + apply_seconds
        mark = "✓" if total < TARGET_SECONDS else "✗"
        print(
            f"| {label} | {preview_seconds:.1f} s | {apply_seconds:.1f} s | "
            f"{total:.1f} s {mark} | {rss:,.0f} MB | {fate_text} | {written} |"
        )
    print()
    print(
        f"Peak RSS: of the process running the case. Target: {rows:,} rows in "
        f"< {TARGET_SECONDS:.0f} s."
    )
    print(
        f"Machine: {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, "
        f"SQLite {sqlite3.sqlite_version}."
    )


if __name__ == "__main__":
    main()
