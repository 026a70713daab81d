"""One implementation of the customer list, measured in a real QTableView offscreen.

    python benchmarks/_bench_views.py {pcdesk,qtsql} DATABASE --queries JSON [--time-limit S]
                                      [--url URL] [--delay-ms MS]

Run by customer_list.py, one process per implementation and size, so that the peak RSS printed
at the end is this implementation's alone. Prints one JSON object on its last line.

With --url, pcdesk opens that database (PostgreSQL) instead of the file; with --delay-ms too, it
reaches it through a delay proxy (_bench_proxy.py) that also counts the round trips of each action.

A timing runs from the user's action until the list is idle and the viewport has been repainted
with real rows: pcdesk's model loads on a worker thread, so the loop waits for its deliveries,
repaints (which may ask for another page) and stops once a repaint leaves nothing to load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QEventLoop,
    QLocale,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

VIEW_WIDTH, VIEW_HEIGHT = 1200, 800
# The baseline shows the columns pcdesk's list shows, straight from the customer table (the
# trigger-kept ones included, so it needs no join either).
BASELINE_COLUMNS = (
    "company_name",
    "domain_prefix",
    "microsoft_id",
    "country",
    "relationship",
    "reseller_name",
    "active_subscriptions",
    "agreement_status",
    "created_at",
    "tags",
)


class TimeLimitExceeded(Exception):
    pass


@dataclass(frozen=True)
class Timing:
    first_rows: float  # seconds to the first repaint with the new rows
    count: float | None  # seconds to the count being known; None if no count_ready came
    settled: float  # seconds until idle and repainted


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return app


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes there, KiB here


class Stopwatch:
    """Times user actions on a view whose model may load in the background."""

    def __init__(
        self, app: QApplication, view: QTableView, is_idle: Callable[[], bool], limit: float
    ) -> None:
        self._app = app
        self._view = view
        self._is_idle = is_idle
        self._limit = limit
        self._first_signalled = False
        self._count_at: float | None = None
        # Wakes the waiting loop now and then, so a time limit is noticed even if nothing arrives.
        self._tick = QTimer()
        self._tick.setInterval(50)
        self._tick.start()

    def first_rows_ready(self) -> None:
        self._first_signalled = True

    def count_ready(self, _count: int = 0) -> None:
        if self._count_at is None:
            self._count_at = time.perf_counter()

    def time(self, action: Callable[[], object]) -> Timing:
        self._first_signalled, self._count_at = False, None
        started = time.perf_counter()
        action()
        timing = self.settle(started)
        if timing.settled > self._limit:  # a synchronous action cannot be stopped halfway
            raise TimeLimitExceeded
        return timing

    def settle(self, started: float) -> Timing:
        deadline = started + self._limit
        viewport = self._view.viewport()
        first_at: float | None = None
        while True:
            if self._is_idle():
                viewport.repaint()  # paints now; a row not loaded yet asks for its page
                self._app.processEvents()
                if self._is_idle():
                    break
            else:
                self._app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if self._first_signalled and first_at is None:
                viewport.repaint()
                first_at = time.perf_counter()
            if time.perf_counter() > deadline:
                raise TimeLimitExceeded
        settled = time.perf_counter()
        first_at = first_at or settled
        # A count that came with the first page is shown with it, in the same repaint.
        count_at = None if self._count_at is None else max(self._count_at, first_at)
        return Timing(
            first_rows=first_at - started,
            count=None if count_at is None else count_at - started,
            settled=settled - started,
        )


def _last_row_shown(view: QTableView) -> bool:
    model = view.model()
    last = model.rowCount() - 1
    bottom = view.rowAt(view.viewport().height() - 1)
    shown = bottom == last or (bottom == -1 and view.rowAt(0) <= last)
    return shown and model.index(last, 0).data() is not None


def _series(
    name: str, items: list[Any], measure: Callable[[Any], Timing]
) -> tuple[list[Timing | None], list[str]]:
    """Each item measured in turn; after one goes over the time limit the rest are skipped."""
    timings: list[Timing | None] = []
    notes: list[str] = []
    for item in items:
        try:
            timings.append(measure(item))
        except TimeLimitExceeded:
            notes.append(f"{name} {item!r} went over the time limit; the rest were skipped")
            timings.extend([None] * (len(items) - len(timings)))
            break
    return timings, notes


def _seconds(timings: list[Timing | None], field: str) -> list[float | None]:
    return [None if timing is None else getattr(timing, field) for timing in timings]


# -- pcdesk -------------------------------------------------------------------------------------
def _through_proxy(url: str, delay: float) -> tuple[str, Any]:
    """``url`` rewritten to reach its (loopback) server through a delay proxy, and the proxy."""
    from _bench_proxy import DelayProxy
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    proxy = DelayProxy(parsed.host or "127.0.0.1", parsed.port or 5432, delay).start()
    proxied = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    return proxied, proxy


def measure_pcdesk(
    path: Path, queries: list[str], limit: float, url: str = "", delay: float | None = None
) -> dict[str, Any]:
    # Imported here, not at the top: the baseline's process must not carry SQLAlchemy and pcdesk
    # in its peak RSS.
    from pcdesk.models.database import open_database, sqlite_url
    from pcdesk.views.common.gui_gc import (
        collect_garbage_on_gui_thread,
        set_aside_startup_objects,
    )
    from pcdesk.views.customers.list.table_model import CustomerTableModel
    from pcdesk.views.customers.list.table_view import CustomerTableView

    app = _application()
    url = url or sqlite_url(path)
    proxy = None
    if delay is not None:
        url, proxy = _through_proxy(url, delay)

    def trips() -> int:
        return 0 if proxy is None else int(proxy.round_trips)

    started = time.perf_counter()
    db = open_database(url)
    model = CustomerTableModel(db)
    view = CustomerTableView(model)  # the app's own view: fixed row heights, sort by header
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    view.show()
    watch = Stopwatch(app, view, model.is_idle, limit)
    model.first_rows_ready.connect(watch.first_rows_ready)
    model.count_ready.connect(watch.count_ready)
    opened = watch.settle(started)
    # As the application does (pcdesk/app.py): cyclic garbage collected on the GUI thread by its
    # timer, and what start-up made set aside once the list is painted. With Python's automatic
    # collection instead, a full collection (50 ms) fell inside one of the searches.
    collect_garbage_on_gui_thread()
    set_aside_startup_objects()
    rows = model.rowCount()
    _say(f"pcdesk: {rows:,} rows, first rows painted in {opened.first_rows:.3f} s")
    notes: list[str] = []

    jump = watch.time(view.scrollToBottom)
    if not _last_row_shown(view):
        notes.append("pcdesk: the last row was not shown after the jump to the end")
    watch.time(view.scrollToTop)
    sort_trips: list[int] = []
    search_trips: list[int] = []

    def counted(action: Callable[[], object], into: list[int]) -> Timing:
        before = trips()
        timing = watch.time(action)
        into.append(trips() - before)
        return timing

    # Each column's header clicked once (a new column sorts ascending), then the name again.
    columns = [*range(1, model.columnCount()), 0]
    sorts, sort_notes = _series(
        "sort by column",
        columns,
        lambda column: counted(
            lambda: view.sortByColumn(column, Qt.SortOrder.AscendingOrder), sort_trips
        ),
    )
    searches, search_notes = _series(
        "search",
        queries,
        lambda text: counted(
            lambda: model.set_query(replace(model.query, text=text)), search_trips
        ),
    )
    watch.time(lambda: model.set_query(replace(model.query, text="")))
    model.close()
    db.dispose()
    if proxy is not None:
        proxy.stop()
    return {
        "round_trips": {"sort": sort_trips, "search": search_trips} if proxy else None,
        "rows": rows,
        "open": opened.first_rows,
        "jump_to_end": jump.settled,
        "sort": _seconds(sorts, "settled"),
        "search_first_rows": _seconds(searches, "first_rows"),
        "search_count": _seconds(searches, "count"),
        "notes": notes + sort_notes + search_notes,
    }


# -- the Qt baseline: QSqlTableModel + QSortFilterProxyModel -------------------------------------
def measure_qtsql(path: Path, queries: list[str], limit: float) -> dict[str, Any]:
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlTableModel

    app = _application()
    if "QSQLITE" not in QSqlDatabase.drivers():
        return {"error": "this PySide6 has no QSQLITE driver", "drivers": QSqlDatabase.drivers()}
    started = time.perf_counter()
    db = QSqlDatabase.addDatabase("QSQLITE", "benchmark")
    db.setDatabaseName(str(path))
    if not db.open():
        return {"error": f"QSQLITE could not open the database: {db.lastError().text()}"}
    version_query = QSqlQuery("SELECT sqlite_version()", db)
    qt_sqlite = str(version_query.value(0)) if version_query.next() else "?"

    table = QSqlTableModel(None, db)
    table.setTable("customer")
    table.select()  # reads the first 256 rows
    selected = time.perf_counter()
    # A proxy filters and sorts only the rows fetched so far: for a correct list every row must be.
    complete = True
    while table.canFetchMore():
        table.fetchMore()
        if time.perf_counter() - selected > limit:
            complete = False
            break
    fetched = time.perf_counter()

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(table)
    proxy.setFilterKeyColumn(-1)  # search every column
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
    vertical.hide()
    view.horizontalHeader().setStretchLastSection(True)
    shown = [table.fieldIndex(name) for name in BASELINE_COLUMNS]
    for column in range(table.columnCount()):
        view.setColumnHidden(column, column not in shown)
    name_column = shown[0]
    view.horizontalHeader().setSortIndicator(name_column, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)  # sorts by the company name, as pcdesk opens
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    view.show()
    watch = Stopwatch(app, view, lambda: True, limit)
    opened = watch.settle(started)
    rows = proxy.rowCount()
    _say(
        f"qtsql: {rows:,} rows ({'all' if complete else 'not all'} fetched),"
        f" first rows painted in {opened.first_rows:.3f} s"
    )
    notes = [] if complete else [f"Qt: fetching every row took over {limit:.0f} s; stopped"]

    jump = watch.time(view.scrollToBottom)
    if not _last_row_shown(view):
        notes.append("Qt: the last row was not shown after the jump to the end")
    watch.time(view.scrollToTop)
    sorts, sort_notes = _series(
        "Qt sort by column",
        [*shown[1:], name_column],
        lambda column: watch.time(lambda: view.sortByColumn(column, Qt.SortOrder.AscendingOrder)),
    )
    searches, search_notes = _series(
        "Qt search", queries, lambda text: watch.time(lambda: proxy.setFilterFixedString(text))
    )
    first_rows = _seconds(searches, "first_rows")
    return {
        "rows": rows,
        "open": opened.first_rows,
        "select": selected - started,
        "fetch_all": fetched - selected,
        "complete": complete,
        "jump_to_end": jump.settled,
        "sort": _seconds(sorts, "settled"),
        "search_first_rows": first_rows,
        "search_count": first_rows,  # the proxy has filtered every row before it shows one
        "qt_sqlite": qt_sqlite,
        "notes": notes + sort_notes + search_notes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("implementation", choices=("pcdesk", "qtsql"))
    parser.add_argument("database", type=Path)
    parser.add_argument("--queries", required=True, help="a JSON list of search texts")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--url", default="", help="a database URL instead of the SQLite file")
    parser.add_argument(
        "--delay-ms", type=float, help="through a delay proxy adding this much each way"
    )
    args = parser.parse_args()
    queries = json.loads(args.queries)
    if args.implementation == "pcdesk":
        delay = None if args.delay_ms is None else args.delay_ms / 1000
        result = measure_pcdesk(args.database, queries, args.time_limit, args.url, delay)
    else:
        result = measure_qtsql(args.database, queries, args.time_limit)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
