"""The customer list's item model: Qt's model contract, and rows as the service gives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pcdesk.models.database import Database
from pcdesk.services.customer_list import count_customers
from pcdesk.services.demo_data import seed_demo
from pcdesk.views.customer_table_model import CustomerTableModel


def test_the_model_keeps_qts_contract(qtmodeltester: ModelTester, sqlite_db: Database) -> None:
    seed_demo(sqlite_db)
    model = CustomerTableModel(sqlite_db)
    qtmodeltester.check(model, force_py=True)


def test_rows_read_as_a_user_sees_them(sqlite_db: Database) -> None:
    seed_demo(sqlite_db)
    model = CustomerTableModel(sqlite_db)
    assert model.rowCount() == count_customers(sqlite_db)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["Company name", "Primary domain", "Microsoft ID", "Country/region"]
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "Alpine Ski House"
    assert first[1] == "alpineskihouse.onmicrosoft.com"
    assert first[3] == "United States"
    assert first[4] == "Reseller"
    assert first[7] == "Pending"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) > 0


def test_refresh_shows_a_new_customer(sqlite_db: Database) -> None:
    model = CustomerTableModel(sqlite_db)
    assert model.rowCount() == 0
    seed_demo(sqlite_db)
    model.refresh()
    assert model.rowCount() == count_customers(sqlite_db) > 0
