"""The starter catalog, filled into a database whose catalog is empty (a first start).

Apart from ``offers`` so that start-up, which only asks whether the catalog has an offer, does
not load the price list's parsing and import (about 10 ms) unless it has one to make.
"""

from __future__ import annotations

from sqlalchemy import select

from pcdesk.models import CatalogOffer
from pcdesk.models.database import Database


def has_offers(db: Database) -> bool:
    """Whether the catalog holds any offer."""
    with db.reading() as session:
        return session.scalar(select(CatalogOffer.id).limit(1)) is not None


def ensure_starter_catalog(db: Database) -> bool:
    """Import the starter catalog if the catalog is empty; True if it did."""
    if has_offers(db):
        return False
    from pcdesk.services.catalog.offers import import_starter_catalog  # (first start only)

    import_starter_catalog(db)
    return True
