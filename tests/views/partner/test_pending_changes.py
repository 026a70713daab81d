"""Partner > Pending changes…: the outbox in a window, against the simulator over real sockets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from pcdesk.messages import Message
from pcdesk.models.database import Database
from pcdesk.services import outbox as ob
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner.pending_changes import PendingChangesDialog
from pcsimulator.state import Simulator

SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(5, seed=5, resellers=1)


def customer_body(prefix: str) -> dict[str, Any]:
    return {
        "CompanyProfile": {"Domain": f"{prefix}.onmicrosoft.com"},
        "BillingProfile": {
            "CompanyName": f"{prefix.title()} Ltd",
            "Email": "it@example.com",
            "Culture": "en-US",
            "Language": "en",
            "DefaultAddress": {
                "FirstName": "Dana",
                "LastName": "Lee",
                "AddressLine1": "1 Microsoft Way",
                "City": "Redmond",
                "State": "WA",
                "PostalCode": "98052",
                "Country": "US",
            },
        },
    }


def queue(db: Database, prefix: str) -> ob.OutboxItem:
    summary = Message(
        "Add customer {company} ({domain})",
        context="outbox",
        company=f"{prefix.title()} Ltd",
        domain=f"{prefix}.onmicrosoft.com",
    )
    return ob.queue(db, ob.CREATE_CUSTOMER, "POST", "/v1/customers", customer_body(prefix), summary)


def test_pending_changes_are_sent_refused_edited_and_sent_again(
    qtbot: QtBot,
    demo_db: Database,
    open_main_window: Callable[..., MainWindow],
    connected: str,
    sim: Simulator,
    settle: Callable[[], None],
) -> None:
    taken = queue(demo_db, "contoso")  # taken in Partner Center
    fresh = queue(demo_db, "pendingfresh")
    window = open_main_window(demo_db)
    launcher = window.partner_center
    assert launcher.pending_action in window.partner_menu.actions()
    # Signing in (here: the token) sends what waits, by itself.
    qtbot.waitUntil(lambda: ob.get_item(demo_db, fresh.id).state == "done", timeout=20_000)
    settle()
    qtbot.waitUntil(lambda: "pending changes: 1" in launcher.status_label.text())

    dialog = launcher.open_pending()
    assert isinstance(dialog, PendingChangesDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(0, 2).text() == "Refused"
    assert "contoso.onmicrosoft.com is already taken" in dialog.table.item(0, 4).text()
    assert dialog.table.item(1, 2).text() == "Done"
    assert dialog.edit_value.isVisibleTo(dialog) and dialog.edit_value.text() == "contoso"
    assert "refused this value" in dialog.edit_message.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "pending-changes-refused.png"))

    dialog.edit_value.setText("contosopending")
    dialog.save_edit_button.click()
    qtbot.waitUntil(lambda: ob.get_item(demo_db, taken.id).state == "queued")
    settle()
    dialog.send_now()
    qtbot.waitUntil(lambda: ob.get_item(demo_db, taken.id).state == "done", timeout=20_000)
    settle()
    assert "admin@contosopending.onmicrosoft.com" in dialog.credentials.toPlainText()
    assert [c.domain for c in sim.created_customers()] == [
        "pendingfresh.onmicrosoft.com",
        "contosopending.onmicrosoft.com",
    ]
    dialog.grab().save(str(SHOTS / "pending-changes-sent.png"))
    dialog.close()
