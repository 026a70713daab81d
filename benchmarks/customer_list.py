"""Benchmark of the customer list: pcdesk's model against the list a Qt developer would write.

    python benchmarks/customer_list.py [--customers N ...] [--cache-dir DIR] [--skip-baseline]
                                       [--rebuild] [--time-limit SECONDS] [--per-query]
                                       [--database-url URL [--delay-ms MS] [--skip-sqlite]]

For each N (10,000, 100,000 and 1,000,000 unless told), builds once a SQLite database of N
made-up customers in the cache folder (~/.cache/pcdesk-bench), then measures, in a real QTableView
offscreen: opening to the first painted rows, a search keystroke to repainted results (first rows
and count known, p50 and p95 over 26 queries), a change of sort column (each column's header once),
the jump to the last row, and the peak RSS. The same operations run on the same file with Qt's
QSqlTableModel + QSortFilterProxyModel. Each implementation and N runs in a process of its own, so
each peak RSS is its own. Prints a Markdown table: pcdesk, Qt and their ratio (Qt / pcdesk) per N.

With --database-url (a PostgreSQL database, e.g. postgresql+psycopg://postgres@127.0.0.1/bench),
the same customers are loaded there once with COPY (a schema per N, kept while its stamp is
current) and pcdesk is measured on it twice: over loopback, and through a delay proxy that adds
--delay-ms (10) each way, a 20 ms round trip, counting the round trips of each keystroke and sort.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy
from _bench_data import CachedDatabase, cached_database, cached_postgresql, search_queries
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
DEFAULT_CACHE = Path.home() / ".cache" / "pcdesk-bench"
MEASURE_SCRIPT = Path(__file__).with_name("_bench_views.py")
TARGET_SIZE = 1_000_000

# (label, how a child's result gives the figure, target for pcdesk at TARGET_SIZE, its unit)
Figure = tuple[str, str, float | None, str]
FIGURES: tuple[Figure, ...] = (
    ("Open to first painted rows", "open", 1.0, "s"),
    ("Search: first rows, p50", "search_first_rows:p50", None, "s"),
    ("Search: first rows, p95", "search_first_rows:p95", 0.05, "s"),
    ("Search: count known, p50", "search_count:p50", None, "s"),
    ("Search: count known, p95", "search_count:p95", 0.15, "s"),
    ("Sort change: median", "sort:p50", None, "s"),
    ("Sort change: max", "sort:max", 0.1, "s"),
    ("Jump to last row", "jump_to_end", 0.1, "s"),
    ("Peak RSS", "peak_rss_mb", 400.0, "MB"),
)
# Over a network link: the targets there, and the round trips (one per keystroke is the
# goal; the count of a broad search, on its own thread, adds its own).
LINK_FIGURES: tuple[Figure, ...] = (
    ("Open to first painted rows", "open", 1.0, "s"),
    ("Search: first rows, p50", "search_first_rows:p50", None, "s"),
    ("Search: first rows, p95", "search_first_rows:p95", 0.15, "s"),
    ("Search: count known, p95", "search_count:p95", None, "s"),
    ("Sort change: median", "sort:p50", None, "s"),
    ("Sort change: max", "sort:max", 0.1, "s"),
    ("Jump to last row", "jump_to_end", None, "s"),
    ("Round trips per keystroke: median", "round_trips.search:p50", None, "trips"),
    ("Round trips per keystroke: max", "round_trips.search:max", None, "trips"),
    ("Round trips per sort change: median", "round_trips.sort:p50", None, "trips"),
)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> str:
    cpu = memory = ""
    for name, prefix in (("cpuinfo", "model name"), ("meminfo", "MemTotal")):
        source = Path("/proc") / name
        lines = source.read_text(encoding="utf-8").splitlines() if source.exists() else []
        found = next(
            (line.split(":", 1)[1].strip() for line in lines if line.startswith(prefix)), ""
        )
        if found and name == "cpuinfo":
            cpu = f" ({found})"
        elif found:
            memory = f", {int(found.split()[0]) / 2**20:.0f} GB RAM"
    return (
        f"{os.cpu_count()} CPUs{cpu}{memory}, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, PySide6 {pyside_version} (Qt {qVersion()}), "
        f"SQLAlchemy {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version} (Python's, "
        "used by pcdesk)"
    )


def run_child(
    implementation: str,
    database: CachedDatabase,
    queries: list[str],
    time_limit: float,
    *,
    delay_ms: float | None = None,
) -> dict[str, Any]:
    """Measure one implementation on one database in a process of its own."""
    where = f" through a {2 * delay_ms:g} ms link" if delay_ms is not None else ""
    _say(f"measuring {implementation} at {database.customers:,} customers{where}...")
    command = [
        sys.executable,
        str(MEASURE_SCRIPT),
        implementation,
        str(database.path),
        "--queries",
        json.dumps(queries),
        "--time-limit",
        str(time_limit),
    ]
    if database.url:
        command += ["--url", database.url]
    if delay_ms is not None:
        command += ["--delay-ms", str(delay_ms)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Each operation has its own limit; this one only stops a process that hangs. Operations: the
    # open, the jump there and back, ten sorts, the searches; and as many again to spare.
    budget = time_limit * 2 * (13 + len(queries))
    try:
        finished = subprocess.run(
            command, env=environment, stdout=subprocess.PIPE, text=True, timeout=budget, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish within {budget:.0f} s"}
    lines = finished.stdout.strip().splitlines()
    if finished.returncode != 0 or not lines:
        return {"error": f"exited with status {finished.returncode}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def nearest_rank(values: Sequence[float | None], share: float) -> float | None:
    """The nearest-rank percentile; an operation over the time limit (None) counts as longest."""
    ordered = sorted(values, key=lambda value: math.inf if value is None else value)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def figure(result: dict[str, Any] | None, key: str) -> float | None:
    """The figure ``key`` names ("sort:max", "open"); None when over the limit or not run."""
    if not result or "error" in result:
        return None
    name, _, statistic = key.partition(":")
    found: Any = result
    for part in name.split("."):
        found = found.get(part) if isinstance(found, dict) else None
    if not statistic or found is None:
        return None if found is None else float(found)
    values: list[float | None] = found
    return nearest_rank(values, 1.0 if statistic == "max" else int(statistic[1:]) / 100)


def shown(value: float | None, unit: str, *, ran: bool, limit: float) -> str:
    if not ran:
        return "—"
    if value is None:
        return f"> {limit:.0f} s" if unit == "s" else "?"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "trips":
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.2f} s"
    milliseconds = value * 1000
    return f"{milliseconds:.1f} ms" if milliseconds < 10 else f"{milliseconds:.0f} ms"


def ratio(pcdesk: float | None, baseline: float | None, *, over_limit: bool, limit: float) -> str:
    if pcdesk is None or pcdesk <= 0:
        return "—"
    if baseline is None:
        return f"> {limit / pcdesk:,.0f}x" if over_limit else "—"
    times = baseline / pcdesk
    return f"{times:.1f}x" if times < 10 else f"{times:,.0f}x"


def size_label(customers: int) -> str:
    for divisor, suffix in ((1_000_000, "M"), (1_000, "k")):
        if customers >= divisor and customers % divisor == 0:
            return f"{customers // divisor}{suffix}"
    return f"{customers:,}"


def table(
    sizes: Sequence[int],
    results: dict[tuple[str, int], dict[str, Any]],
    *,
    baseline: bool,
    limit: float,
    figures: Sequence[Figure] = FIGURES,
) -> str:
    header = ["Operation"]
    for customers in sizes:
        label = size_label(customers)
        header += [f"pcdesk {label}", f"Qt {label}", "x"] if baseline else [f"pcdesk {label}"]
    with_target = TARGET_SIZE in sizes
    if with_target:
        header.append(f"Target (pcdesk, {size_label(TARGET_SIZE)})")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for label, key, target, unit in figures:
        cells = [label]
        for customers in sizes:
            ours = results.get(("pcdesk", customers))
            theirs = results.get(("qtsql", customers))
            mine = figure(ours, key)
            cells.append(shown(mine, unit, ran=_ran(ours), limit=limit))
            if baseline:
                other = figure(theirs, key)
                cells.append(shown(other, unit, ran=_ran(theirs), limit=limit))
                over = _ran(theirs) and other is None
                cells.append(ratio(mine, other, over_limit=over, limit=limit))
        if with_target:
            cells.append(_target(target, unit, figure(results.get(("pcdesk", TARGET_SIZE)), key)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ran(result: dict[str, Any] | None) -> bool:
    return bool(result) and "error" not in (result or {})


def _target(target: float | None, unit: str, value: float | None) -> str:
    if target is None:
        return ""
    limit = f"< {target:.0f} MB" if unit == "MB" else f"< {target * 1000:.0f} ms"
    if unit == "s" and target >= 1:
        limit = f"< {target:.0f} s"
    if value is None:
        return limit
    return f"{limit} {'✓' if value < target else '✗'}"


def query_table(
    sizes: Sequence[int],
    results: dict[tuple[str, int], dict[str, Any]],
    queries: list[str],
    *,
    baseline: bool,
    limit: float,
) -> str:
    """Each search's first rows and count known (pcdesk) and its time with Qt, per N."""
    header = ["Search"]
    for customers in sizes:
        label = size_label(customers)
        header += [f"pcdesk {label} first rows", f"pcdesk {label} count"]
        header += [f"Qt {label}"] if baseline else []
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for number, query in enumerate(queries):
        cells = [f"“{query}”"]
        for customers in sizes:
            columns = [("pcdesk", "search_first_rows"), ("pcdesk", "search_count")]
            columns += [("qtsql", "search_first_rows")] if baseline else []
            for implementation, name in columns:
                result = results.get((implementation, customers))
                ran = _ran(result)
                value = result[name][number] if ran and result else None
                cells.append(shown(value, "s", ran=ran, limit=limit))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def footnotes(
    databases: Sequence[CachedDatabase],
    results: dict[tuple[str, int], dict[str, Any]],
    queries: list[str],
    *,
    baseline: bool,
) -> list[str]:
    notes = [
        f"Searches ({len(queries)}, typed one after another): "
        + ", ".join(f"“{query}”" for query in queries)
        + ".",
        "pcdesk: CustomerTableModel in the app's CustomerTableView, 1200x800; a timing ends when "
        "the model is idle and the viewport has been repainted with real rows. A broad search "
        "shows its first rows before its count (the scroll bar) is known. Open includes "
        "open_database().",
        "Sort change: each of the ten column headers once (view.sortByColumn, ascending), the "
        "company name last. Jump: view.scrollToBottom() until the last rows are painted. "
        "Percentiles by nearest rank (p95 of 26 searches: the second slowest).",
    ]
    if baseline:
        notes.append(
            "Qt: QSqlTableModel on the customer table, every row fetched (fetchMore until done: "
            "a proxy only sees fetched rows), QSortFilterProxyModel (filterKeyColumn -1, "
            "case-insensitive; it filters every column, pcdesk searches name, domain and "
            "Microsoft ID), the same ten columns shown, fixed row heights. Its open is select + "
            "fetch all + sort by name + first paint; its count is known with its first rows."
        )
    for database in databases:
        built = "cached" if database.from_cache else "built now"
        line = (
            f"{database.customers:,} customers: database built in "
            f"{database.build_seconds:.0f} s ({built})"
        )
        qt = results.get(("qtsql", database.customers))
        if _ran(qt):
            assert qt is not None
            line += (
                f"; Qt's select() of the first 256 rows {qt['select'] * 1000:.0f} ms, "
                f"fetching the rest {qt['fetch_all']:.2f} s"
            )
        notes.append(line + ".")
    for (implementation, customers), result in sorted(results.items()):
        if "error" in result:
            notes.append(f"{implementation} at {customers:,}: {result['error']}")
        for note in result.get("notes", ()):
            notes.append(f"{implementation} at {customers:,}: {note}")
    qt_sqlite = {r["qt_sqlite"] for r in results.values() if "qt_sqlite" in r}
    if qt_sqlite:
        notes.append(f"Qt's QSQLITE driver uses SQLite {', '.join(sorted(qt_sqlite))}.")
    return notes


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--customers",
        type=int,
        nargs="+",
        default=list(DEFAULT_SIZES),
        metavar="N",
        help="database sizes (default: 10000 100000 1000000)",
    )
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--skip-baseline", action="store_true", help="measure pcdesk only")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument(
        "--time-limit", type=float, default=60.0, help="seconds allowed per operation (60)"
    )
    parser.add_argument("--per-query", action="store_true", help="also print each search's times")
    parser.add_argument(
        "--database-url", help="also measure on this PostgreSQL database (data loaded with COPY)"
    )
    parser.add_argument(
        "--delay-ms",
        type=float,
        default=10.0,
        help="PostgreSQL: the delay proxy's delay each way (10: a 20 ms round trip)",
    )
    parser.add_argument("--skip-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.customers))
    baseline = not args.skip_baseline and not args.skip_sqlite

    # The SQLite files are built in any case: the searches are taken from the smallest (its
    # rows are the first rows of every larger one).
    databases = [
        cached_database(args.cache_dir, customers, rebuild=args.rebuild, say=_say)
        for customers in sizes
    ]
    queries = search_queries(databases[0].path)
    runs: list[tuple[str, list[CachedDatabase], float | None, Sequence[Figure]]] = []
    if not args.skip_sqlite:
        runs.append(("SQLite", databases, None, FIGURES))
    if args.database_url:
        loaded = [
            cached_postgresql(args.database_url, customers, rebuild=args.rebuild, say=_say)
            for customers in sizes
        ]
        link = f"PostgreSQL through a {2 * args.delay_ms:g} ms round trip (delay proxy)"
        runs += [("PostgreSQL, loopback", loaded, None, FIGURES)]
        runs += [(link, loaded, args.delay_ms, LINK_FIGURES)]

    print(f"Machine: {machine()}; load average {_load()} at the start.\n")
    for title, where, delay, figures in runs:
        with_baseline = baseline and title == "SQLite"
        results: dict[tuple[str, int], dict[str, Any]] = {}
        for database in where:
            implementations = ("pcdesk", "qtsql") if with_baseline else ("pcdesk",)
            for implementation in implementations:
                result = run_child(
                    implementation, database, queries, args.time_limit, delay_ms=delay
                )
                results[(implementation, database.customers)] = result
        print(f"### {title}\n")
        print(table(sizes, results, baseline=with_baseline, limit=args.time_limit, figures=figures))
        print()
        for note in footnotes(where, results, queries, baseline=with_baseline):
            print(f"- {note}")
        print(f"- Load average {_load()} after this run.")
        if args.per_query:
            print()
            print(
                query_table(sizes, results, queries, baseline=with_baseline, limit=args.time_limit)
            )
        print()


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
