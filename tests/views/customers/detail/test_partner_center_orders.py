"""Ordering from the detail pane through Partner Center (the simulator, over real sockets): held
while the agreement is not accepted, placed after it is signed and the user confirms, pending
while provisioning, then its subscription in the table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.partner_center import customers as pcc
from pcdesk.partner_center import orders
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.services import outbox as ob
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.inputs import AgreementInput, CustomerInput, SubscriptionLine
from pcdesk.views.customers.detail import agreement_tab, subscription_orders
from pcdesk.views.main_window import MainWindow
from pcsimulator.state import Simulator

SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(2, seed=5, resellers=1)


@pytest.fixture
def connected(connected: str) -> str:
    """Connected, with no catalog remembered from an earlier test."""
    orders.forget_catalog()
    return connected


def test_a_held_order_is_placed_after_the_agreement_is_signed_and_provisions(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, prompts: object, us_customer: CustomerInput,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(agreement_tab, "RECHECK_MS", 200)
    monkeypatch.setattr(subscription_orders, "PROVISIONING_CHECK_MS", 200)
    data = dataclasses.replace(
        us_customer, company_name="Orders Test Ltd", domain_prefix="orderstest"
    )
    added = pcc.add_customer(
        demo_db, PartnerCenterConnection(demo_db), data, AgreementInput(accepted=False), []
    )
    tenant = added.details.microsoft_id
    offer = next(
        o.id
        for o in catalog.list_offers(demo_db, market="US")
        if o.product_id == "CFQ7TTC0LH18" and o.term == "P1Y"
    )
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    pane = window.detail_pane
    pane.show_customer(added.details.id)
    tab = pane.subscriptions_tab
    qtbot.waitUntil(lambda: tab._details is not None and tab._details.id == added.details.id)
    pane.tabs.setCurrentWidget(tab)
    assert tab.add_button.isEnabled()  # Partner Center decides: the order is held there
    tab.open_add_offers()
    assert tab.add_dialog is not None
    tab.orders._order((SubscriptionLine(offer, 3),))
    qtbot.waitUntil(lambda: "Held" in tab.notice.text(), timeout=10_000)
    assert "Microsoft Customer Agreement" in tab.notice.text()
    assert sim.orders == {}
    [item] = ob.items(demo_db)
    assert item.state == "held"
    SHOTS.mkdir(exist_ok=True)
    pane.grab().save(str(SHOTS / "order-held.png"))

    prompts.answer("Place order")  # type: ignore[attr-defined]
    sim.sign_mca(tenant)  # the agreement tab checks again on its own, and finds it signed
    pane.tabs.setCurrentWidget(pane.agreement_tab)
    pane.agreement_tab.check_partner_center()
    qtbot.waitUntil(lambda: "held order is placed" in tab.notice.text(), timeout=10_000)
    assert len(sim.orders) == 1
    asked = prompts.asked[-1]  # type: ignore[attr-defined]
    assert asked.title == "Place the held order"
    qtbot.waitUntil(lambda: "subscriptions are in" in tab.notice.text(), timeout=10_000)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    pane.tabs.setCurrentWidget(tab)
    pane.grab().save(str(SHOTS / "order-placed.png"))
