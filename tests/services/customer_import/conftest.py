"""Every preview in these tests packs each row on its own, so every reason, change and value a
row can carry is checked to come back from packing as it went in (services/customer_import/
preview_rows.py)."""

from __future__ import annotations

import pytest

from pcdesk.services.customer_import import preview_rows


@pytest.fixture(autouse=True)
def _pack_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview_rows, "BLOCK", 1)
