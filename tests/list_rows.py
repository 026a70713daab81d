"""The customer list's row of a customer, found as the main window finds it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pcdesk.views.main_window import MainWindow


def row_of(qtbot: QtBot, window: MainWindow, customer_id: int) -> int | None:
    """The list's row showing this customer (None when it is not listed): from the pages read,
    else through the list's worker (never a database read on the GUI thread)."""
    found: list[int | None] = []
    window.customer_model.find_row(customer_id, found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]
