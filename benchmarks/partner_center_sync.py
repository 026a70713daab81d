"""Benchmark of the Partner Center sync against the simulator (not a test: it prints figures).

    python benchmarks/partner_center_sync.py [--quick]

Each case starts the simulator (``python -m pcsimulator``) in a process of its own on 127.0.0.1,
and runs the sync in another fresh process (so each peak RSS is the sync's own: the simulator's
memory is not counted) into a new SQLite database:

- the first sync of 100,000 customers, list only (5 indirect resellers, about 30 % of the
  customers theirs), with the simulator's limiter off and on (500 requests a minute per resource,
  as documented);
- the first sync of 10,000 customers with their subscriptions, limiter off and on (subscriptions
  are throttled per partner+customer pair, so one request per customer never meets the limit);
- the incremental sync of a day with 500 changes (renames, new customers, removed relationships,
  seat changes) after a first sync of 10,000 customers;
- a throttling case: 10,000 customers listed 100 a page from a simulator allowing only 50
  requests per 10 s, once with the client's default limiter (450 a minute: the simulator answers
  429s, which the client waits out) and once with the client limited to 45 per 10 s (none).

A 429 that reached the user would end the sync with an error, and the benchmark with it: "429s to
the user" is 0 for every case printed.

Targets (issue 13): 100,000 listed and stored in under 60 s with the limiter off and a peak RSS
under 300 MB; no 429 reaches the user with the limiter on; 500 changes in under 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_simulator(customers: int, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pcsimulator", "--customers", str(customers), "--port", str(port),
         "--log-level", "warning", *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the simulator did not start")


def run_sync(url: str, database: str, args: list[str]) -> dict[str, Any]:
    """One sync in a fresh process (``--one``); its figures."""
    output = subprocess.run(
        [sys.executable, __file__, "--one", url, database, *args],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def one(url: str, database: str, options: list[str]) -> None:
    """Inside the fresh process: sync ``database`` with the simulator at ``url``."""
    sys.path.insert(0, str(ROOT))
    from pcdesk.models.database import open_database, sqlite_url
    from pcdesk.partner_center.auth import StaticTokenSource
    from pcdesk.partner_center.client import PartnerCenterClient, RateLimiter
    from pcdesk.partner_center.sync import sync

    subscriptions = "--subscriptions" in options
    page = 500
    limiter = RateLimiter()
    for option in options:
        if option.startswith("--page="):
            page = int(option.split("=")[1])
        if option.startswith("--client-limit="):
            limit, window = option.split("=")[1].split("/")
            limiter = RateLimiter(int(limit), float(window))
    db = open_database(sqlite_url(Path(database)))
    started = time.perf_counter()
    with PartnerCenterClient(url, StaticTokenSource("benchmark"), limiter=limiter) as client:
        summary = sync(db, client, subscriptions=subscriptions, page_size=page)
        seconds = time.perf_counter() - started
        stats = client.stats
    db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "kind": summary.kind,
                "seconds": seconds,
                "requests": stats.requests,
                "throttled": stats.throttled,
                "added": summary.added,
                "updated": summary.updated,
                "former": summary.marked_former,
                "subscriptions": summary.subscriptions_added + summary.subscriptions_updated,
                "rss_mb": peak,
            }
        )
    )


def case(name: str, customers: int, sim_args: list[str], sync_args: list[str],
         changes: int = 0) -> dict[str, Any]:  # fmt: skip
    process, url = start_simulator(customers, *sim_args)
    try:
        with tempfile.TemporaryDirectory() as folder:
            database = str(Path(folder) / "bench.sqlite3")
            figures = run_sync(url, database, sync_args)
            if changes:
                import urllib.request

                request = urllib.request.Request(
                    f"{url}/_sim/changes?count={changes}", method="POST"
                )
                urllib.request.urlopen(request, timeout=60).close()  # loopback only
                figures = run_sync(url, database, sync_args)
            with sqlite3.connect(database) as connection:
                stored = connection.execute("SELECT count(*) FROM customer").fetchone()[0]
            figures["stored"] = stored
    finally:
        process.terminate()
        process.wait(30)
    figures["name"] = name
    print(
        f"  {name}: {figures['seconds']:.1f} s, {figures['requests']} requests, "
        f"{figures['throttled']} 429s, {figures['rss_mb']:.0f} MB",
        file=sys.stderr,
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.one:
        one(args.one[0], args.one[1], args.one[2:] + rest)
        return
    scale = 10 if args.quick else 1
    big, mid = 100_000 // scale, 10_000 // scale
    rows = [
        case(f"First sync, {big:,} customers, list only, limiter off", big, [], []),
        case(f"First sync, {big:,} customers, list only, limiter on", big, ["--limiter"], []),
        case(f"First sync, {mid:,} customers with subscriptions, limiter off", mid, [], ["--subscriptions"]),
        case(f"First sync, {mid:,} customers with subscriptions, limiter on", mid, ["--limiter"], ["--subscriptions"]),
        case(f"Incremental sync, 500 changes in a day ({mid:,} customers)", mid, ["--limiter"], ["--subscriptions"], changes=500),
        case(f"Throttled: {mid:,} listed 100 a page, simulator 50/10 s, client 450/min", mid,
             ["--limiter", "--rate-limit", "50", "--rate-window", "10"], ["--page=100"]),
        case(f"Throttled: {mid:,} listed 100 a page, simulator 50/10 s, client 45/10 s", mid,
             ["--limiter", "--rate-limit", "50", "--rate-window", "10"], ["--page=100", "--client-limit=45/10"]),
    ]  # fmt: skip
    print(f"Partner Center sync against the simulator: Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs\n")  # fmt: skip
    print(
        "| Case | Wall time | Requests | 429s received | 429s to the user | Added | Updated | Former | Subscriptions | Stored | Peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['name']} | {row['seconds']:.1f} s | {row['requests']:,} | {row['throttled']} | 0 "
            f"| {row['added']:,} | {row['updated']:,} | {row['former']:,} | {row['subscriptions']:,} "
            f"| {row['stored']:,} | {row['rss_mb']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
