"""The customer list's item model: Qt's model contract, rows as the service gives them, paging."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customer_list.query import (
    CustomerQuery,
    RelationshipFilter,
    SortKey,
    count_customers,
    customer_page,
)
from pcdesk.services.demo_data import seed_demo
from pcdesk.views.customers.list import table_model as customer_table_model
from pcdesk.views.customers.list.table_model import PAGE_SIZE, CustomerTableModel
from pcdesk.views.customers.list.table_view import CustomerTableView

MANY = 2 * PAGE_SIZE + 57  # three pages, the last one short


def settled(qtbot: QtBot, model: CustomerTableModel) -> CustomerTableModel:
    qtbot.waitUntil(model.is_idle)
    return model


@pytest.fixture
def open_model(qtbot: QtBot, sqlite_db: Database) -> Iterator[list[CustomerTableModel]]:
    """Models made in a test, closed (their worker stopped) at its end."""
    models: list[CustomerTableModel] = []
    yield models
    for model in models:
        model.close()


def new_model(models: list[CustomerTableModel], db: Database) -> CustomerTableModel:
    model = CustomerTableModel(db)
    models.append(model)
    return model


def add_plain_customers(db: Database, count: int) -> None:
    """Customers with nothing but what the list shows, quickly (no validation needed here)."""
    with db.session_factory.begin() as session:
        session.add_all(
            Customer(
                microsoft_id=str(uuid.UUID(int=n + 1)),
                company_name=f"Customer {n:04d}",
                country="US" if n % 2 else "TW",
                address_line1="1 Main St",
                contact_first_name="A",
                contact_last_name="B",
                contact_email=f"a{n}@example.com",
                domain_prefix=f"customer{n:04d}",
                language="en",
                culture="en-US",
                created_by="test",
                updated_by="test",
            )
            for n in range(count)
        )


def test_the_model_keeps_qts_contract(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, open_model: list
) -> None:
    seed_demo(sqlite_db)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    qtmodeltester.check(model, force_py=True)


def test_the_contract_holds_while_pages_arrive(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, open_model: list
) -> None:
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    qtmodeltester.check(model, force_py=True)  # asks for every row: pages load behind it
    settled(qtbot, model)
    model.set_query(CustomerQuery(text="customer 01"))
    settled(qtbot, model)
    assert model.rowCount() == 100


def test_rows_read_as_a_user_sees_them(qtbot: QtBot, sqlite_db: Database, open_model: list) -> None:
    seed_demo(sqlite_db)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    assert model.rowCount() == count_customers(sqlite_db)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Company name",
        "Primary domain",
        "Microsoft ID",
        "Country/region",
        "Relationship",
        "Indirect reseller",
        "Subscriptions",
        "Agreement",
        "Date added",
        "Tags",
    ]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "Alpine Ski House"
    assert first[1] == "alpineskihouse.onmicrosoft.com"
    assert first[3] == "United States"
    assert first[4] == "Reseller"
    assert first[6] == "0"
    assert first[7] == "Pending"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) > 0
    # numbers align right, text as the view's default; other roles are the view's own
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, 6).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.flags(model.index(0, 0)) == (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    )


def test_a_row_not_yet_read_is_empty_until_its_page_arrives(
    qtbot: QtBot, sqlite_db: Database, open_model: list
) -> None:
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    assert model.rowCount() == MANY
    last = model.index(MANY - 1, 0)
    assert last.data() is None  # asks for the last page
    with qtbot.waitSignal(model.dataChanged) as changed:
        pass
    first = changed.args[0]
    assert first.row() == 2 * PAGE_SIZE
    assert last.data() == f"Customer {MANY - 1:04d}"


def test_sorting_by_a_header_reads_the_list_in_that_order(
    qtbot: QtBot, sqlite_db: Database, open_model: list
) -> None:
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    with qtbot.waitSignal(model.first_rows_ready):
        model.sort(2, Qt.SortOrder.DescendingOrder)  # Microsoft ID, descending
    assert model.query.sort is SortKey.MICROSOFT_ID and model.query.descending
    settled(qtbot, model)  # the count follows the first rows
    expected = customer_page(sqlite_db, model.query, limit=MANY)
    shown = []
    for row in range(MANY):
        if model.row_at(row) is None:
            settled(qtbot, model)
        found = model.row_at(row)
        assert found is not None
        shown.append(found.id)
    assert shown == [row.id for row in expected]


def test_a_search_counted_by_its_index_shows_rows_and_count_together(
    qtbot: QtBot, sqlite_db: Database, open_model: list
) -> None:
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    counts: list[int] = []
    model.count_ready.connect(counts.append)
    with qtbot.waitSignal(model.count_ready):
        model.set_query(CustomerQuery(text="cust"))
    assert model.count_known and model.rowCount() == MANY and counts == [MANY]
    settled(qtbot, model)
    assert counts == [MANY]  # no second count: the search's plan had it


def test_a_broad_filtered_search_shows_its_first_rows_then_its_count(
    qtbot: QtBot, sqlite_db: Database, open_model: list
) -> None:
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    counts: list[int] = []
    model.count_ready.connect(counts.append)
    with qtbot.waitSignal(model.first_rows_ready):
        model.set_query(CustomerQuery(text="cust", status=RelationshipFilter.ACTIVE))
    assert model.rowCount() == PAGE_SIZE  # the first page, while the rest is counted
    assert not model.count_known
    with qtbot.waitSignal(model.count_ready):
        pass
    assert model.rowCount() == MANY and counts == [MANY]
    assert model.everyone == MANY


def test_a_broad_searchs_count_starts_after_its_first_rows_are_painted(
    qtbot: QtBot, sqlite_db: Database, open_model: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count may keep every core busy (PostgreSQL counts in parallel): it waits for the
    repaint that shows the first rows."""
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    view = CustomerTableView(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    happened: list[str] = []  # (appended from the GUI thread and the count's thread)
    counting = customer_table_model.count_customers

    def count(*args: Any, **kwargs: Any) -> int:
        happened.append("count started")
        return counting(*args, **kwargs)

    class Paints(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and happened:
                happened.append("painted")
            return False

    paints = Paints()
    view.viewport().installEventFilter(paints)
    monkeypatch.setattr(customer_table_model, "count_customers", count)
    model.first_rows_ready.connect(lambda: happened.append("first rows"))
    with qtbot.waitSignal(model.count_ready):
        model.set_query(CustomerQuery(text="cust", status=RelationshipFilter.ACTIVE))
    assert happened[0] == "first rows" and happened.count("count started") == 1
    assert happened.index("painted") < happened.index("count started")
    assert model.rowCount() == MANY
    view.viewport().removeEventFilter(paints)


def test_a_customers_row_is_found_in_the_pages_read_or_on_the_worker(
    qtbot: QtBot, sqlite_db: Database, open_model: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window selects a customer by id (after Refresh, a save, an added customer): a row
    already read is found at once; another is counted by the list's worker, never on the GUI
    thread (a broad search can make that count long)."""
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    everyone = customer_page(sqlite_db, CustomerQuery(), limit=MANY)
    asked_on: list[bool] = []
    position = customer_table_model.customer_position

    def counted(*args: Any, **kwargs: Any) -> int | None:
        asked_on.append(threading.current_thread() is threading.main_thread())
        return position(*args, **kwargs)

    monkeypatch.setattr(customer_table_model, "customer_position", counted)
    found: list[int | None] = []
    model.find_row(everyone[5].id, found.append)  # on the first page, read with the list
    assert found == [5] and asked_on == []
    model.find_row(everyone[-1].id, found.append)  # on the last page, not read yet
    assert found == [5]
    qtbot.waitUntil(lambda: len(found) == 2)
    assert found == [5, MANY - 1] and asked_on == [False]
    model.find_row(10**9, found.append)  # nobody
    qtbot.waitUntil(lambda: len(found) == 3)
    assert found[-1] is None


def test_the_cache_stays_bounded(
    qtbot: QtBot,
    sqlite_db: Database,
    open_model: list,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(customer_table_model, "MAX_CACHED_PAGES", 2)
    add_plain_customers(sqlite_db, MANY)
    model = settled(qtbot, new_model(open_model, sqlite_db))
    for row in (0, PAGE_SIZE, 2 * PAGE_SIZE, 0):
        model.row_at(row)
        settled(qtbot, model)
        assert model.row_at(row) is not None
    assert len(model._pages) <= 2


def test_refresh_shows_a_new_customer(qtbot: QtBot, sqlite_db: Database, open_model: list) -> None:
    model = settled(qtbot, new_model(open_model, sqlite_db))
    assert model.rowCount() == 0
    seed_demo(sqlite_db)
    with qtbot.waitSignal(model.first_rows_ready):
        model.refresh()
    assert model.rowCount() == count_customers(sqlite_db) > 0
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(0, 0).parent() == QModelIndex()


# As the list shows them: Latin first (case ignored, Å with A), then Chinese by stroke count as
# Taiwan counts it (一 1, 大 3, 台 5, 統 12, 華 12 with 艹 as four strokes, 臺 14, 鴻 17).
NAMES_IN_ORDER = [
    "3M Taiwan",
    "acme",
    "Ångström AB",
    "Zeta Ltd",
    "一品軒",
    "大同",
    "台灣積體電路製造",
    "統一企業",
    "華碩電腦",
    "臺灣銀行",
    "鴻海精密工業",
]


def test_the_list_shows_company_names_in_taiwans_order(qtbot: QtBot, db: Database) -> None:
    """On SQLite and on PostgreSQL, in the model the list's table shows, both ways."""
    with db.session_factory.begin() as session:
        session.add_all(
            Customer(
                microsoft_id=str(uuid.UUID(int=n + 1)),
                company_name=name,
                country="TW",
                address_line1="1 Main St",
                contact_first_name="A",
                contact_last_name="B",
                contact_email=f"a{n}@example.com",
                domain_prefix=f"customer{n:04d}",
                language="zh",
                culture="zh-TW",
                created_by="test",
                updated_by="test",
            )
            for n, name in enumerate(reversed(NAMES_IN_ORDER))
        )
    model = CustomerTableModel(db)
    try:
        settled(qtbot, model)
        shown = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert shown == NAMES_IN_ORDER
        model.sort(0, Qt.SortOrder.DescendingOrder)
        settled(qtbot, model)
        shown = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert shown == list(reversed(NAMES_IN_ORDER))
    finally:
        model.close()
