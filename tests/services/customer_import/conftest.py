"""Every preview in these tests packs each row on its own, so every reason, change and value a
row can carry is checked to come back from packing as it went in (services/customer_import/
preview_rows.py); and every import checks and writes its rows three at a time, so a file spans
several of the windows a million-row import is written in (services/customer_import/apply.py)."""

from __future__ import annotations

import pytest

from pcdesk.services.customer_import import apply, preview_rows


@pytest.fixture(autouse=True)
def _pack_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview_rows, "BLOCK", 1)
    monkeypatch.setattr(apply, "WINDOW", 3)
