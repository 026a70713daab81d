"""File > Import price list…: all or nothing, unless the user chooses to skip the bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.services.catalog import offers as catalog
from pcdesk.views.catalog import price_list_import

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


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text))
    )
    return shown


def test_declining_to_skip_bad_lines_imports_nothing(
    qtbot: QtBot,
    sqlite_db: Database,
    price_list: Path,
    informed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(
        price_list_import,
        "ask_skip_bad_lines",
        lambda p, r, f: asked.append(len(r.problems)) or False,
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    assert (
        price_list_import.import_price_list_interactively(parent, sqlite_db, str(price_list))
        is None
    )
    assert asked == [1]
    assert catalog.markets(sqlite_db) == ()
    assert informed == []


def test_skipping_bad_lines_imports_the_rest_and_says_so(
    qtbot: QtBot,
    sqlite_db: Database,
    price_list: Path,
    informed: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(price_list_import, "ask_skip_bad_lines", lambda p, r, f: True)
    parent = QWidget()
    qtbot.addWidget(parent)
    result = price_list_import.import_price_list_interactively(parent, sqlite_db, str(price_list))
    assert result is not None and result.added == 1 and result.skipped == 1
    assert [offer.product_id for offer in catalog.list_offers(sqlite_db, market="NZ")] == [
        "CFQ7TTC0LH18"
    ]
    assert informed == ["Offers added: 1, updated: 0, unchanged: 0. Bad lines left out: 1."]
