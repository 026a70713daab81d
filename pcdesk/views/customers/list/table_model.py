"""The customer list as a Qt item model: a count and pages, loaded off the GUI thread.

The model never holds every customer. It knows the count and keeps a bounded cache of pages; a
row that is not cached reads as empty while its page is loaded by a worker thread, and fills in
when the page arrives. A new search, filter or sort keeps the old rows on screen until the first
page of the new list is in; its count follows (for a broad search it takes a moment longer).

Each request carries the generation of the query it was made for: what arrives for an older
query is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pcdesk.messages import QT_TRANSLATE_NOOP
from pcdesk.services.customer_list.query import (
    CountCancelled,
    CustomerQuery,
    CustomerRow,
    ListPlan,
    SortKey,
    count_customers,
    customer_page,
    customer_position,
    first_page,
)
from pcdesk.services.database import Database
from pcdesk.services.validation import country_name
from pcdesk.views.common.dates import date_text
from pcdesk.views.common.labels import agreement_label, relationship_label
from pcdesk.views.common.ui_locale import ui_locale

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_CACHED_PAGES = 50  # 10,000 rows: many screens of scrolling back, bounded memory
# Posted to the model to start a broad search's count (see _show_first).
_START_COUNT = QEvent.Type(QEvent.registerEventType())

_ModelIndex = QModelIndex | QPersistentModelIndex


def _header(text: str) -> str:
    return QCoreApplication.translate("CustomerTableModel", text)  # i18n: dynamic


# (field of CustomerRow, header marked for lupdate); the order of SortKey, so a column's number is its sort.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("company_name", QT_TRANSLATE_NOOP("CustomerTableModel", "Company name")),
    ("domain", QT_TRANSLATE_NOOP("CustomerTableModel", "Primary domain")),
    ("microsoft_id", QT_TRANSLATE_NOOP("CustomerTableModel", "Microsoft ID")),
    ("country", QT_TRANSLATE_NOOP("CustomerTableModel", "Country/region")),
    ("relationship", QT_TRANSLATE_NOOP("CustomerTableModel", "Relationship")),
    ("indirect_reseller", QT_TRANSLATE_NOOP("CustomerTableModel", "Indirect reseller")),
    ("active_subscriptions", QT_TRANSLATE_NOOP("CustomerTableModel", "Subscriptions")),
    ("agreement", QT_TRANSLATE_NOOP("CustomerTableModel", "Agreement")),
    ("created_at", QT_TRANSLATE_NOOP("CustomerTableModel", "Date added")),
    ("tags", QT_TRANSLATE_NOOP("CustomerTableModel", "Tags")),
)
SORT_KEYS: tuple[SortKey, ...] = tuple(SortKey)
_NUMBER_COLUMN = 6
# The view asks data() and flags() for every visible cell at each repaint, about 1,800 and 250
# calls for a full window: the roles as plain ints and the flags made once keep them cheap (an
# enum member looked up and compared per call cost a third of the repaint's Python time).
_DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole.value
_USER_ROLE = Qt.ItemDataRole.UserRole.value
_ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole.value
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class _First:
    plan: ListPlan  # made once for the query, reused by its count and its pages
    rows: tuple[CustomerRow, ...]
    count: int | None  # None: more rows than a page, counted next
    everyone: int | None  # the unfiltered count, when it was asked for


@dataclass(frozen=True)
class _Counted:
    count: int


@dataclass(frozen=True)
class _Page:
    number: int
    rows: tuple[CustomerRow, ...]


@dataclass(frozen=True)
class _Found:
    row: int | None  # the customer's row, None when the list leaves it out
    then: Callable[[int | None], None]


@dataclass(frozen=True)
class _Failed:
    error: BaseException


class CustomerTableModel(QAbstractTableModel):
    first_rows_ready = Signal()  # the first page of the current query is shown
    count_ready = Signal(int)  # the current query's count is known
    idle = Signal()  # nothing is being loaded
    load_failed = Signal(str)  # a message for the user
    _delivered = Signal(int, object)  # (generation, result), from the worker thread

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="customer-list")
        # Counting a broad search can take a second at a million customers: it has a thread of
        # its own, so the rows of whatever the user types next never wait behind it.
        self._counter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="customer-count")
        # Each thread reads on a connection of its own, kept while the list lives: over a network
        # a query then costs one round trip, not four (see Database.read_connection).
        self._reads = db.read_connection()
        self._count_reads = db.read_connection()
        self._lock = threading.Lock()
        self._generation = 0
        self._query = CustomerQuery()
        self._count = 0
        self._count_known = False
        self._everyone: int | None = None
        self._plan: ListPlan | None = None  # the current query's, once its first page is in
        # Stops the count in progress: a count the user has typed past would hold up the next.
        self._stop_count: Callable[[], None] | None = None
        self._pages: OrderedDict[int, tuple[CustomerRow, ...]] = OrderedDict()
        self._requested: set[int] = set()
        self._outstanding = 0
        # The generation whose count waits for its rows' repaint; taken by the first event that
        # comes, so a count is started once even when two queries' events wait together.
        self._count_after_paint: int | None = None
        self._closed = False
        self._delivered.connect(self._receive, Qt.ConnectionType.QueuedConnection)
        self._load_first()

    # -- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _header(COLUMNS[section][1])
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        # Called for every selected row: never touches the database.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: _ModelIndex, role: int = _DISPLAY_ROLE) -> Any:
        if role == _DISPLAY_ROLE:
            row = self.row_at(index.row()) if index.isValid() else None
            return None if row is None else self._display(row, COLUMNS[index.column()][0])
        if role == _ALIGNMENT_ROLE:
            return _RIGHT_ALIGNED if index.column() == _NUMBER_COLUMN else None
        if role == _USER_ROLE:
            row = self.row_at(index.row()) if index.isValid() else None
            return None if row is None else row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=SORT_KEYS[column], descending=descending))

    # -- our own ------------------------------------------------------------------------------
    @property
    def query(self) -> CustomerQuery:
        return self._query

    @property
    def count_known(self) -> bool:
        return self._count_known

    @property
    def everyone(self) -> int | None:
        """How many customers there are in all (known once the first query's count is in)."""
        return self._everyone

    def is_idle(self) -> bool:
        return self._outstanding == 0

    def set_query(self, query: CustomerQuery) -> None:
        """Show the list for ``query``; the rows change when its first page has been read."""
        if query == self._query and not self._closed:
            return
        self._query = query
        self._load_first()

    def refresh(self) -> None:
        """Read the list again (after a change was written), keeping it on screen meanwhile."""
        self._everyone = None
        self._load_first()

    def row_at(self, row: int) -> CustomerRow | None:
        """The row if it is cached; otherwise None, and its page is asked for."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._request_page(number)
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def find_row(self, customer_id: int, then: Callable[[int | None], None]) -> None:
        """Call ``then`` with the row showing this customer, or None when the list leaves it out:
        at once when a page read holds it, else once the worker has asked the database (one
        indexed count, which a broad search may make long: never on the GUI thread). Not called
        when the list has changed meanwhile (its own arrival settles what to select)."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == customer_id:
                    then(number * PAGE_SIZE + offset)
                    return
        query, db, plan = self._query, self._db, self._plan

        def find() -> _Found:
            return _Found(customer_position(db, customer_id, query, plan=plan), then)

        self._submit(self._generation, find)

    def close(self) -> None:
        """Stop the worker thread (before the database is closed)."""
        self._closed = True
        with self._lock:
            self._generation += 1
            stop, self._stop_count = self._stop_count, None
        if stop is not None:
            stop()
        self._worker.shutdown(wait=True, cancel_futures=True)
        self._counter.shutdown(wait=True, cancel_futures=True)
        self._reads.close()
        self._count_reads.close()

    # -- loading ------------------------------------------------------------------------------
    def _submit(
        self, generation: int, job: Callable[[], object], *, counting: bool = False
    ) -> None:
        if self._closed:
            return
        self._outstanding += 1

        def run() -> None:
            with self._lock:
                stale = generation != self._generation
            if stale:  # asked for a query the user has since left
                self._delivered.emit(generation, None)
                return
            try:
                result = (self._count_reads if counting else self._reads).run(job)
            except CountCancelled:  # the user moved on; nobody waits for this answer
                result = None
            except Exception as error:  # shown to the user; the list stays as it was
                log.exception("reading the customer list failed")
                result = _Failed(error)
            self._delivered.emit(generation, result)

        future: Future[None] = (self._counter if counting else self._worker).submit(run)
        del future

    def _load_first(self) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
            stop, self._stop_count = self._stop_count, None
        self._plan = None  # the old query's plan must not serve the new query's pages
        if stop is not None:
            stop()
        query, known_everyone = self._query, self._everyone
        want_everyone = known_everyone is None
        db = self._db

        def first() -> _First:
            plan, rows = first_page(db, query, limit=PAGE_SIZE)
            count = len(rows) if len(rows) < PAGE_SIZE else plan.count
            if count is None and not query.is_filtered:  # only the order changed
                count = known_everyone
            # Unfiltered, the list's count is everyone: when not known yet (opening), it is
            # counted next on the count thread, so the first rows show without waiting for it.
            everyone = count if not query.is_filtered else None
            if want_everyone and query.is_filtered:
                everyone = count_customers(db)
            return _First(plan, rows, count, everyone)

        self._submit(generation, first)

    def _load_count(self, generation: int) -> None:
        query, db, plan = self._query, self._db, self._plan

        def started(stop: Callable[[], None]) -> None:
            with self._lock:
                if generation == self._generation:
                    self._stop_count = stop
                    return
            stop()  # the user moved on before it even started

        def count() -> _Counted:
            return _Counted(count_customers(db, query, plan=plan, on_start=started))

        self._submit(generation, count, counting=True)

    def _request_page(self, number: int) -> None:
        if number in self._requested or self._closed:
            return
        self._requested.add(number)
        query, db, plan = self._query, self._db, self._plan
        total = self._count if self._count_known else None
        previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
        after = previous[-1].key if previous and len(previous) == PAGE_SIZE else None
        before = following[0].key if following and after is None else None

        def page() -> _Page:
            rows = customer_page(
                db,
                query,
                offset=number * PAGE_SIZE,
                limit=PAGE_SIZE,
                total=total,
                after=after,
                before=before,
                plan=plan,
            )
            return _Page(number, rows)

        self._submit(self._generation, page)

    def _receive(self, generation: int, result: object) -> None:
        self._outstanding -= 1
        if generation == self._generation and not self._closed:
            if isinstance(result, _First):
                self._show_first(generation, result)
            elif isinstance(result, _Counted):
                self._show_count(result.count)
            elif isinstance(result, _Page):
                self._show_page(result)
            elif isinstance(result, _Found):
                result.then(result.row)
            elif isinstance(result, _Failed):
                self._requested.clear()
                self.load_failed.emit(
                    self.tr(
                        "The customer list could not be read: the database is busy or cannot "
                        "be reached. Try again in a moment."
                    )
                )
        if self._outstanding == 0:
            self.idle.emit()

    def _show_first(self, generation: int, first: _First) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._requested.clear()
        self._plan = first.plan
        if first.rows:
            self._pages[0] = first.rows
        self._count = first.count if first.count is not None else len(first.rows)
        self._count_known = first.count is not None
        if first.everyone is not None:
            self._everyone = first.everyone
        self.endResetModel()
        self.first_rows_ready.emit()
        if self._count_known:
            self.count_ready.emit(self._count)
            return
        # A broad search's count may keep every core busy (PostgreSQL counts with parallel
        # workers): it starts once the new rows are painted, not while they are. Qt posts a
        # view's repaint at low priority; an event posted after it at that priority comes after.
        self._outstanding += 1  # (not idle meanwhile)
        self._count_after_paint = generation
        QCoreApplication.postEvent(
            self, QEvent(_START_COUNT), Qt.EventPriority.LowEventPriority.value
        )

    def customEvent(self, event: QEvent) -> None:
        if event.type() != _START_COUNT:
            super().customEvent(event)
            return
        self._outstanding -= 1
        generation, self._count_after_paint = self._count_after_paint, None
        if generation == self._generation and not self._closed:
            self._load_count(generation)
        elif self._outstanding == 0:
            self.idle.emit()

    def _show_count(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # rows went meanwhile (another workstation)
            self.beginResetModel()
            self._count = count
            self.endResetModel()
        self._count_known = True
        if not self._query.is_filtered:
            self._everyone = count
        self.count_ready.emit(count)

    def _show_page(self, page: _Page) -> None:
        self._requested.discard(page.number)
        self._pages[page.number] = page.rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page.number * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _display(self, row: CustomerRow, field: str) -> str:
        value = getattr(row, field)
        if field == "relationship":
            return relationship_label(row.relationship)
        if field == "agreement":
            return agreement_label(row.agreement)
        if field == "country":
            return country_name(row.country, ui_locale())
        if field == "created_at":
            return date_text(value.astimezone().date())
        if field == "active_subscriptions":
            return QLocale().toString(value)
        return str(value)
