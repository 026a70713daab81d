"""Relationships with Partner Center from the window (the simulator, over real sockets): removing
a synced customer's relationship suspends its subscriptions there and removes it there, and
Request a relationship takes its link from Partner Center."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pcdesk.enums import Relationship
from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.sync import sync
from pcdesk.services.customers.details import get_customer
from pcdesk.views.common.operations import runner
from pcdesk.views.main_window import MainWindow
from pcsimulator.state import Simulator

SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(3, seed=5, resellers=1)


def test_removing_a_partner_center_customers_relationship_and_its_invitation_link(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, prompts: Any, settle: Callable[[], None],
) -> None:  # fmt: skip
    tenant = sim.order[0]
    sim.subscriptions(tenant).clear()
    sim.add_subscription(tenant, 4, age=dt.timedelta(days=30))
    with PartnerCenterClient(connected, StaticTokenSource("t")) as client:
        sync(demo_db, client, full=True)
    with demo_db.reading() as session:
        customer_id = session.scalars(
            select(Customer.id).where(Customer.microsoft_id == tenant)
        ).one()
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    window.detail_pane.show_customer(customer_id)
    qtbot.waitUntil(lambda: window.detail_pane.details is not None)
    qtbot.waitUntil(runner().is_idle)
    window.selected_customer_id = lambda: customer_id  # type: ignore[method-assign]
    window.remove_relationship._selected_customer = lambda: customer_id
    prompts.answer("Suspend 1 subscription", "Remove relationship")
    window.remove_relationship.start()
    qtbot.waitUntil(lambda: sim.customers[tenant].relationship == "none", timeout=10_000)
    settle()
    assert [s.status for s in sim.subscriptions(tenant)] == ["suspended"]
    assert get_customer(demo_db, customer_id).relationship is Relationship.NONE

    window.request_relationship._selected_customer = lambda: customer_id
    dialog = window.request_relationship.start()
    assert dialog is not None
    qtbot.waitUntil(lambda: "Partner Center's own" in dialog.link_source.text(), timeout=5000)
    assert f"partnerId={sim.partner_tenant}" in dialog.link
    assert dialog.link in dialog.text.body.toPlainText()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "request-relationship-partner-center-link.png"))
    dialog.close()
