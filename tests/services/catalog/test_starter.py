"""The starter catalog at start-up: imported into an empty catalog, never over one."""

from __future__ import annotations

from pathlib import Path

from pcdesk.models.database import Database
from pcdesk.services.catalog.offers import import_price_list, list_offers, markets
from pcdesk.services.catalog.starter import ensure_starter_catalog, has_offers
from tests.services.catalog.test_offers import offer_count, row, write_csv


def test_an_empty_catalog_gets_the_starter_catalog_once(db: Database) -> None:
    assert not has_offers(db)
    assert ensure_starter_catalog(db) is True
    assert has_offers(db) and markets(db) == ("TW", "US")
    assert len(list_offers(db, market="US")) == 14 * 3
    assert ensure_starter_catalog(db) is False  # nothing imported again
    assert offer_count(db) == 84


def test_a_partners_own_price_list_is_left_alone(db: Database, tmp_path: Path) -> None:
    import_price_list(db, write_csv(tmp_path / "prices.csv", [row()]))
    assert ensure_starter_catalog(db) is False
    assert offer_count(db) == 1 and markets(db) == ("US",)
