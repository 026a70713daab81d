"""Start-up: from launching pcdesk to its main window, on an existing database.

    python benchmarks/startup.py [--runs 10] [--customers 10000] [--cache-dir DIR]
                                 [--source DIR ...] [--top 15]

Builds once (cached in ~/.cache/pcdesk-bench, as benchmarks/customer_list.py does) a SQLite
database of N made-up customers, then launches the real application --runs times, each a fresh
process (offscreen, with ``--startup-report``), and prints, from the moment the process was
launched: when the main window was first painted and when its first rows were painted (median,
min and max), the CPU time the process had used by the window, and which of the libraries pcdesk
defers were loaded by then. Then the slowest imports of ``import pcdesk.app`` (``-X importtime``).

``--source DIR`` (repeatable) runs pcdesk from another source tree, put first on PYTHONPATH: a
folder holding ``pcdesk/`` with ``resources/`` copied to ``pcdesk/resources``, e.g.
``git archive COMMIT pcdesk | tar -x -C DIR; git archive COMMIT resources | tar -x -C DIR/pcdesk``
(the commit needs ``--startup-report``). The runs of the sources alternate, so a load on the
machine weighs on each alike. The user folders (settings, log, known databases) are the
benchmark's own, kept between runs as an installed pcdesk keeps them; pcdesk's bytecode is
written at the first (uncounted) start, as an installation has it. A figure, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from _bench_data import cached_database

DEFAULT_CACHE = Path.home() / ".cache" / "pcdesk-bench"
REPORT_PREFIX = "pcdesk startup report: "


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _environment(home: Path, source: Path | None) -> dict[str, str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[variable] = str(home / variable.lower())
    environment.pop("PCDESK_DATABASE_URL", None)
    # As installed (pip, the bundle): bytecode compiled once, not the sources at every start.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    if source is not None:  # (children start in another folder: the current one would win)
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(source), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    return environment


def launch(url: str, environment: dict[str, str], cwd: Path) -> dict[str, float | list[str]]:
    """One start of pcdesk: seconds from launch to the window's and the rows' first paint."""
    command = [sys.executable, "-m", "pcdesk", "--database", url, "--startup-report"]
    launched = time.monotonic()  # the same clock as the child's (system-wide monotonic)
    done = subprocess.run(
        command, env=environment, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith(REPORT_PREFIX)), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"pcdesk did not report (exit {done.returncode}):\n{done.stderr}")
    report = json.loads(line.removeprefix(REPORT_PREFIX))
    return {
        "window": report["window_painted"] - launched,
        "rows": report["rows_painted"] - launched,
        "cpu": report["cpu_seconds_at_window"],
        "modules": report["modules_at_window"],
        "loaded": report["loaded_at_window"],
    }


def import_times(environment: dict[str, str], cwd: Path) -> list[tuple[int, int, int, str]]:
    """(self µs, cumulative µs, depth, module) of each module ``import pcdesk.app`` loads."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pcdesk.app"],
        env=environment,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)", line)
        if found:
            own, total, indent, name = found.groups()
            rows.append((int(own), int(total), (len(indent) - 1) // 2, name))
    return rows


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _spread(values: list[float]) -> str:
    return f"{_ms(statistics.median(values))} ({_ms(min(values))} to {_ms(max(values))})"


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=10, help="launches per source (10)")
    parser.add_argument("--customers", type=int, default=10_000, help="database size (10000)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        metavar="DIR",
        help="run pcdesk from this source tree (repeatable; default: the pcdesk installed)",
    )
    parser.add_argument("--top", type=int, default=15, help="imports listed (15)")
    args = parser.parse_args(argv)
    sources: list[Path | None] = [path.resolve() for path in args.source or []] or [None]

    built = cached_database(args.cache_dir, args.customers, rebuild=False, say=_say)
    # A copy of its own: opening converts the file to WAL, which the cached one must not see.
    place = args.cache_dir / "startup"
    database = place / built.path.name
    if not database.exists() or database.stat().st_mtime < built.path.stat().st_mtime:
        place.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(built.path, database)
    url = f"sqlite:///{database}"
    environments = [_environment(place / "home", source) for source in sources]

    print(
        f"{args.customers:,} customers, {args.runs} launches per source; Python {sys.version.split()[0]}"
    )
    print(f"load average at the start: {_load()}")
    for environment in environments:  # not counted: the first start writes the settings
        launch(url, environment, place)
    results: list[list[dict[str, float | list[str]]]] = [[] for _ in sources]
    for _ in range(args.runs):
        for index, environment in enumerate(environments):
            results[index].append(launch(url, environment, place))
    print(f"load average at the end: {_load()}\n")

    print(
        "| Source | Launch to window painted | Launch to first rows painted | CPU by the window | Modules | Deferred libraries loaded by the window |"
    )
    print("|---|---|---|---|---|---|")
    for source, runs in zip(sources, results, strict=True):
        window = [float(run["window"]) for run in runs]  # type: ignore[arg-type]
        rows = [float(run["rows"]) for run in runs]  # type: ignore[arg-type]
        cpu = [float(run["cpu"]) for run in runs]  # type: ignore[arg-type]
        loaded = ", ".join(runs[-1]["loaded"]) or "none"  # type: ignore[arg-type]
        print(
            f"| {source or 'installed'} | {_spread(window)} | {_spread(rows)} | "
            f"{_ms(statistics.median(cpu))} | {runs[-1]['modules']} | {loaded} |"
        )

    for source, environment in zip(sources, environments, strict=True):
        rows = import_times(environment, place)
        print(f"\n`import pcdesk.app` ({source or 'installed'}), -X importtime:")
        total = sum(total for _own, total, depth, _name in rows if depth == 0)
        print(f"  all top-level imports: {_ms(total / 1e6)}")
        by_package: dict[str, int] = {}
        for own, _total, _depth, name in rows:
            package = name.split(".")[0]
            by_package[package] = by_package.get(package, 0) + own
        heaviest = sorted(by_package.items(), key=lambda item: -item[1])[: args.top]
        print(
            "  by package (own time of its modules): "
            + ", ".join(f"{name} {_ms(own / 1e6)}" for name, own in heaviest)
        )
        print("  slowest modules (with what they import):")
        for _own, total, _depth, name in sorted(rows, key=lambda row: -row[1])[: args.top]:
            print(f"    {_ms(total / 1e6):>8}  {name}")


if __name__ == "__main__":
    main()
