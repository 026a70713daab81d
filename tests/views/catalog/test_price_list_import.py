"""File > Import price list…: all or nothing, unless the user chooses to skip the bad lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.changes import Changes
from pcdesk.views.catalog import price_list_import
from pcdesk.views.common.changes import publisher

HEADER = (
    "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,UnitOfMeasure,TermDuration,"
    "BillingPlan,Market,Currency,UnitPrice,PricingTierRangeMin,PricingTierRangeMax,"
    "EffectiveStartDate,EffectiveEndDate,Tags,ERP Price\n"
)
GOOD = (
    "Microsoft 365 Business Basic,CFQ7TTC0LH18,0001,Microsoft 365 Business Basic,Microsoft "
    "Corporation,Basic,Licenses,P1Y,Annual,NZ,NZD,120.00,1,300,2/1/2024 12:00:00 AM,"
    "12/31/9999 11:59:59 PM,Small business,132.00\n"
)
BAD = GOOD.replace("120.00", "abc").replace("CFQ7TTC0LH18", "CFQ7TTC0LDPB")


@pytest.fixture
def price_list(tmp_path: Path) -> Path:
    path = tmp_path / "pricelist.csv"
    path.write_text(HEADER + GOOD + BAD, encoding="utf-8-sig")
    return path


def results(parent: QWidget) -> list[str]:
    """What the import said when it was over (boxes opened, not executed)."""
    return [box.text() for box in parent.findChildren(QMessageBox, "price_list_result")]


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_declining_to_skip_bad_lines_imports_nothing(
    qtbot: QtBot, sqlite_db: Database, price_list: Path, parent: QWidget, prompts: Any, settle: Any
) -> None:
    done: list[bool] = []
    prompts.answer("Cancel")
    price_list_import.import_price_list_interactively(
        parent, sqlite_db, str(price_list), done=lambda: done.append(True)
    )
    settle()
    [asked] = prompts.asked
    assert asked.title == "Import price list"
    assert (
        asked.text == "1 lines of pricelist.csv cannot be imported. Nothing has been imported yet."
    )
    assert asked.default == "Cancel"
    assert catalog.markets(sqlite_db) == ()
    assert results(parent) == []
    assert done == [True]


def test_skipping_bad_lines_imports_the_rest_says_so_and_publishes_it(
    qtbot: QtBot, sqlite_db: Database, price_list: Path, parent: QWidget, prompts: Any, settle: Any
) -> None:
    done: list[bool] = []
    published: list[Changes] = []
    publisher().changed.connect(lambda changes, _source: published.append(changes))
    prompts.answer("Skip these lines and import the rest")
    price_list_import.import_price_list_interactively(
        parent, sqlite_db, str(price_list), done=lambda: done.append(True)
    )
    settle()
    assert [offer.product_id for offer in catalog.list_offers(sqlite_db, market="NZ")] == [
        "CFQ7TTC0LH18"
    ]
    assert results(parent) == ["Offers added: 1, updated: 0, unchanged: 0. Bad lines left out: 1."]
    assert published == [Changes(catalog=True)]
    assert done == [True]  # once, after the second run


def test_a_file_that_is_not_a_price_list_says_why(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, parent: QWidget, settle: Any
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("Microsoft ID,Company name\n", encoding="utf-8")
    price_list_import.import_price_list_interactively(parent, sqlite_db, str(path))
    settle()
    [text] = results(parent)
    assert text.startswith(
        "customers.csv could not be read: This is not a Partner Center price list"
    )
    assert catalog.markets(sqlite_db) == ()


def test_file_import_price_list_waits_for_the_import(
    qtbot: QtBot,
    demo_db: Database,
    price_list: Path,
    prompts: Any,
    list_loaded: Any,
    open_main_window: Any,
) -> None:
    window = open_main_window(demo_db)
    action = window.import_price_list_action
    prompts.file(str(price_list))
    prompts.answer("Skip these lines and import the rest")
    action.trigger()
    assert [asked.caption for asked in prompts.opened] == ["Import price list"]
    assert not action.isEnabled()  # while it runs, File > Import price list… starts nothing
    list_loaded(window)
    assert action.isEnabled()
    assert results(window) == ["Offers added: 1, updated: 0, unchanged: 0. Bad lines left out: 1."]
