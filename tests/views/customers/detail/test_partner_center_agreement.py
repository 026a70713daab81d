"""The Microsoft Customer Agreement with Partner Center (the simulator, over real sockets): its
status read there, the acceptance e-mail in English or Traditional Chinese, and a check again on
its own until the customer has signed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.partner_center.agreement import ACCEPTANCE_LINK
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.sync import sync
from pcdesk.views.customers.detail import agreement_tab
from pcdesk.views.main_window import MainWindow
from pcsimulator.state import Simulator

SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(3, seed=5, resellers=1)


def test_the_agreement_is_read_from_partner_center_asked_by_email_and_checked_until_signed(
    qtbot: QtBot, demo_db: Database, open_main_window: Callable[..., MainWindow],
    connected: str, sim: Simulator, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(agreement_tab, "RECHECK_MS", 200)
    tenant = sim.order[0]
    with PartnerCenterClient(connected, StaticTokenSource("t")) as client:
        sync(demo_db, client, full=True)
    with demo_db.writing() as session:
        customer = session.scalars(select(Customer).where(Customer.microsoft_id == tenant)).one()
        customer.culture = "zh-TW"  # a Taiwanese customer: the e-mail is drafted in Chinese
        customer_id = customer.id
    window = open_main_window(demo_db)
    qtbot.waitUntil(lambda: window.partner_center.account is not None)
    pane = window.detail_pane
    pane.show_customer(customer_id)
    tab = pane.agreement_tab
    pane.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: "not accepted" in tab.pc_state.text(), timeout=5000)
    assert tab.local_heading.isVisible() and "Local record" in tab.local_heading.text()
    assert tab.recheck.isActive()
    SHOTS.mkdir(exist_ok=True)
    pane.grab().save(str(SHOTS / "agreement-not-yet-signed.png"))

    dialog = tab.open_acceptance_email()
    assert dialog is not None
    assert dialog.language.currentData() == "zh-TW"  # the customer's culture
    assert "Microsoft 客戶合約" in dialog.body.toPlainText()
    assert ACCEPTANCE_LINK in dialog.body.toPlainText()
    dialog.grab().save(str(SHOTS / "agreement-acceptance-email-zh-tw.png"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "accept the Microsoft Customer Agreement" in dialog.body.toPlainText()
    opened: list[str] = []
    dialog.open_url = lambda url: opened.append(url.toString()) or True  # type: ignore[assignment]
    dialog.open_button.click()
    assert opened and opened[0].startswith("mailto:")
    assert "open in your mail program" in dialog.notice.text()
    dialog.copy_button.click()
    assert ACCEPTANCE_LINK in QGuiApplication.clipboard().text()
    dialog.close()
    assert isinstance(QUrl(opened[0]), QUrl)

    checks = len(sim.hits_of(f"/v1/customers/{tenant}/directSigned"))
    qtbot.waitUntil(lambda: len(sim.hits_of(f"/v1/customers/{tenant}/directSigned")) > checks)
    with qtbot.waitSignal(tab.agreement_signed, timeout=5000):
        sim.sign_mca(tenant)  # the customer's admin accepts in the admin center
    assert "has accepted" in tab.pc_state.text()
    assert not tab.recheck.isActive() and not tab.email_button.isVisible()
    pane.grab().save(str(SHOTS / "agreement-signed.png"))
