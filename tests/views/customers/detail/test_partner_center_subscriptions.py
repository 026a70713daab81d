"""Subscription changes from the detail pane go to Partner Center (the simulator, over real
sockets): the confirmation with licences and monthly price before → after and the deadline, a
stale etag, and a reduction past the window refused before sending."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pcdesk.models import Customer, Subscription
from pcdesk.models.database import Database
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.sync import sync
from pcdesk.views.main_window import MainWindow
from pcsimulator.seed import SimSubscription
from pcsimulator.state import Simulator

SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(3, seed=5, resellers=1)


def synced(
    db: Database, sim: Simulator, url: str, age_days: float
) -> tuple[SimSubscription, int, int]:
    made = sim.add_subscription(sim.order[0], 10, age=dt.timedelta(days=age_days))
    with PartnerCenterClient(url, StaticTokenSource("t")) as client:
        sync(db, client, full=True)
    with db.reading() as session:
        sub = session.scalars(
            select(Subscription).where(Subscription.partner_center_id == made.id)
        ).one()
        customer = session.scalars(select(Customer).where(Customer.id == sub.customer_id)).one()
        return made, customer.id, sub.id


def open_subscription(
    qtbot: QtBot, window: MainWindow, customer_id: int, subscription_id: int
) -> object:
    pane = window.detail_pane
    pane.show_customer(customer_id)
    tab = pane.subscriptions_tab
    qtbot.waitUntil(lambda: tab._details is not None and tab._details.id == customer_id)
    pane.tabs.setCurrentWidget(tab)
    assert tab.table.select_id(subscription_id)
    return tab


def test_a_licence_change_confirmed_with_prices_and_deadline_is_made_in_partner_center(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, prompts: object, settle: Callable[[], None],
) -> None:  # fmt: skip
    made, customer_id, local = synced(demo_db, sim, connected, age_days=1)
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    tab = open_subscription(qtbot, window, customer_id, local)

    def look(_asked: object) -> str:  # the confirmation, as the user sees it
        from PySide6.QtWidgets import QMessageBox

        box = tab.findChild(QMessageBox, "partner_center_change")  # type: ignore[attr-defined]
        SHOTS.mkdir(exist_ok=True)
        box.adjustSize()
        box.grab().save(str(SHOTS / "subscription-change-confirmation.png"))
        return "Apply in Partner Center"

    prompts.answer(look)  # type: ignore[attr-defined]
    tab.quantity.setValue(8)  # type: ignore[attr-defined]
    tab.apply_quantity()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Done in Partner Center" in tab.notice.text(), timeout=10_000)  # type: ignore[attr-defined]
    asked = prompts.asked[-1]  # type: ignore[attr-defined]
    assert asked.title == "Change in Partner Center"
    assert "Licences: 10 → 8" in asked.informative
    assert "Monthly price:" in asked.informative and " → " in asked.informative
    assert "until" in asked.informative  # the deadline
    assert made.quantity == 8
    settle()
    with demo_db.reading() as session:
        assert session.get_one(Subscription, local).quantity == 8
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "subscription-changed-in-partner-center.png"))


def test_a_stale_etag_on_a_licence_change_says_what_changed(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, prompts: object,
) -> None:  # fmt: skip
    made, customer_id, local = synced(demo_db, sim, connected, age_days=1)
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    tab = open_subscription(qtbot, window, customer_id, local)

    def meanwhile(_asked: object) -> str:  # changed in Partner Center while the box was open
        with sim.lock:
            made.quantity = 15
            made.etag += 1
        return "Apply in Partner Center"

    prompts.answer(meanwhile)  # type: ignore[attr-defined]
    tab.quantity.setValue(9)  # type: ignore[attr-defined]
    tab.apply_quantity()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "changed in Partner Center" in tab.notice.text(), timeout=10_000)  # type: ignore[attr-defined]
    assert "10 → 15" in tab.notice.text()  # type: ignore[attr-defined]
    assert made.quantity == 15
    assert tab.last_preview.quantity_before == 15  # type: ignore[attr-defined]


def test_a_reduction_past_the_window_is_refused_before_sending(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, prompts: object,
) -> None:  # fmt: skip
    made, customer_id, local = synced(demo_db, sim, connected, age_days=30)
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    tab = open_subscription(qtbot, window, customer_id, local)
    prompts.answer("Close")  # type: ignore[attr-defined]
    tab.quantity.setValue(9)  # type: ignore[attr-defined]
    tab.apply_quantity()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Nothing was sent" in tab.notice.text(), timeout=10_000)  # type: ignore[attr-defined]
    assert "window for reducing or cancelling has closed" in prompts.asked[-1].informative  # type: ignore[attr-defined]
    assert [h for h in sim.hits if h.method == "PATCH"] == []
    assert made.quantity == 10
