"""Partner Center in the window, against the simulator over real sockets: the status bar, Sync
with its progress and summary, the conflicts dialog, the app ID in the profile, the schedule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.partner_center import auth, conflicts
from pcdesk.partner_center import settings as pc_settings
from pcdesk.partner_center.auth import DeviceCode, StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient
from pcdesk.partner_center.sync import sync
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner.device_code import DeviceCodeDialog
from pcdesk.views.partner.partner_center import SYNC_INTERVAL_KEY, PartnerCenterLauncher
from pcdesk.views.partner.preferences_launcher import PreferencesLauncher
from pcdesk.views.partner.profile_dialog import PartnerProfileDialog
from pcdesk.views.partner.sync_conflicts import SyncConflictsDialog
from pcsimulator.state import Simulator

OpenMainWindow = Callable[..., MainWindow]
SHOTS = Path("/tmp/pcdesk-shots")


@pytest.fixture
def sim() -> Simulator:
    return Simulator(30, seed=5, resellers=2)


def shoot(widget: object, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


def test_the_status_bar_and_a_sync_from_the_menu(
    qtbot: QtBot, demo_db: Database, open_main_window: OpenMainWindow, connected: str,
    sim: Simulator, prompts: object, list_loaded: Callable[[MainWindow], MainWindow],
) -> None:  # fmt: skip
    window = open_main_window(demo_db)
    launcher = window.partner_center
    qtbot.waitUntil(lambda: launcher.account is not None)
    assert "signed in as mei@partner.example" in launcher.status_label.text()
    assert (
        launcher.sync_action.isEnabled() and launcher.sync_action in window.partner_menu.actions()
    )
    assert not launcher.sign_out_action.isEnabled()  # a token from the environment

    prompts.answer("OK")  # type: ignore[attr-defined]
    with qtbot.waitSignal(launcher.sync_finished, timeout=20_000) as finished:
        launcher.sync_action.trigger()
    summary = finished.args[0]
    assert summary.added == 30
    asked = prompts.asked[-1]  # type: ignore[attr-defined]
    assert "30 added" in asked.text
    qtbot.waitUntil(lambda: "last synced" in launcher.status_label.text())
    list_loaded(window)
    with demo_db.reading() as session:
        tenants = set(session.scalars(select(Customer.microsoft_id)))
    assert set(sim.order) <= tenants
    shoot(window, "main-window-partner-center")


def test_a_failed_sync_says_offline(
    qtbot: QtBot, demo_db: Database, open_main_window: OpenMainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv(auth.API_ENV, f"http://127.0.0.1:{port}")
    monkeypatch.setenv(auth.TOKEN_ENV, "any")
    monkeypatch.setattr(
        "pcdesk.partner_center.client.RetryPolicy.__init__.__defaults__", (1, 0.0, 0.0, 1, 1.0)
    )
    window = open_main_window(demo_db)
    launcher = window.partner_center
    qtbot.waitUntil(lambda: launcher.account is not None)
    # a token that names nobody: the status bar says where it comes from
    assert "using the token in PCDESK_PARTNER_CENTER_TOKEN" in launcher.status_label.text()
    assert "signed in as" not in launcher.status_label.text()
    launcher.start_sync()
    qtbot.waitUntil(lambda: launcher.offline, timeout=20_000)
    assert "offline" in launcher.status_label.text()
    box = window.findChild(QDialog, "failure_box")
    assert box is not None and "could not be reached" in box.text()  # type: ignore[attr-defined]
    box.close()


def test_settling_conflicts_in_the_dialog(
    qtbot: QtBot, demo_db: Database, connected: str, sim: Simulator
) -> None:
    with PartnerCenterClient(connected, StaticTokenSource("t")) as client:
        sync(demo_db, client, subscriptions=False)
        for tenant, ours, theirs in (
            (sim.order[0], "Ours A", "Theirs A"),
            (sim.order[1], "Ours B", "Theirs B"),
        ):
            sim.rename(tenant, theirs)
            with demo_db.writing() as session:
                customer = session.scalar(select(Customer).where(Customer.microsoft_id == tenant))
                assert customer is not None
                customer.company_name = ours
        sync(demo_db, client, subscriptions=False)
    assert len(conflicts.open_conflicts(demo_db)) == 2

    dialog = SyncConflictsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert dialog.table.item(0, 2).text() == "Ours A"
    assert dialog.table.item(0, 3).text() == "Theirs A"
    assert dialog.table.item(0, 1).text() == "Company name"
    shoot(dialog, "sync-conflicts")
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.empty.isVisible())
    with demo_db.reading() as session:
        names = set(session.scalars(select(Customer.company_name)))
    assert {"Theirs A", "Ours B"} <= names


def test_the_app_id_in_the_partner_profile(qtbot: QtBot, demo_db: Database) -> None:
    dialog = PartnerProfileDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.app_id.setText("not a guid")
    dialog.accept()
    assert "GUID" in dialog.messages["partner_center_app_id"].text()
    dialog.app_id.setText("1950A258-227B-4E31-A9CF-717495945FC2")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert pc_settings.load(demo_db).app_id == "1950a258-227b-4e31-a9cf-717495945fc2"


def test_the_sync_interval_is_a_preference(qtbot: QtBot, demo_db: Database) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    settings = QSettings()
    settings.setValue(SYNC_INTERVAL_KEY, 0)
    launcher = PartnerCenterLauncher(demo_db, window, settings)
    preferences = PreferencesLauncher(window, settings)
    preferences.schedule_changed.connect(launcher.apply_schedule)
    assert not launcher.timer.isActive()
    dialog = preferences.open()
    dialog.sync_minutes.setValue(30)
    dialog.accept()
    assert settings.value(SYNC_INTERVAL_KEY) in (30, "30")
    assert launcher.timer.isActive() and launcher.timer.interval() == 30 * 60_000
    qtbot.waitUntil(lambda: launcher.status_label.text() != "")


def test_the_device_code_dialog(qtbot: QtBot) -> None:
    code = DeviceCode("ABCD-1234", "https://microsoft.com/devicelogin", "", 900, {})
    dialog = DeviceCodeDialog(code)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_label.text() == "ABCD-1234"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "ABCD-1234"
    shoot(dialog, "device-code")
    dialog.reject()
    assert dialog.stop.is_set()
