"""The first-start partner profile dialog: messages beside fields, nothing lost on a failed save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.models.enums import PartnerType
from pcdesk.services.partner.profile import get_partner_profile
from pcdesk.views.partner.profile_dialog import PartnerProfileDialog

TENANT = "6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"


def open_dialog(qtbot: QtBot, db: Database) -> PartnerProfileDialog:
    dialog = PartnerProfileDialog(db)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves, so leaving a field finishes editing
    qtbot.waitUntil(dialog.save_button.isEnabled)  # the profile recorded has been read
    return dialog


def test_a_bad_tenant_id_is_explained_when_the_user_leaves_the_field(
    qtbot: QtBot, sqlite_db: Database, keyboard: Any
) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    keyboard.type(dialog.tenant_id, "not-a-guid")
    keyboard.leave(dialog.tenant_id)
    assert dialog.messages["tenant_id"].is_error()
    assert (
        "GUID" in dialog.messages["tenant_id"].text() or "ID" in dialog.messages["tenant_id"].text()
    )
    keyboard.replace(dialog.tenant_id, TENANT)
    keyboard.leave(dialog.tenant_id)
    assert not dialog.messages["tenant_id"].is_error()


def test_a_failed_save_keeps_what_was_typed_and_writes_nothing(
    qtbot: QtBot, sqlite_db: Database, keyboard: Any, settle: Any
) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    keyboard.type(dialog.name, "富碧坎雲端 Fabrikam")
    keyboard.type(dialog.tenant_id, TENANT)
    keyboard.type(dialog.partner_id, "48x7383")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()  # while it writes
    settle()
    assert dialog.isVisible()
    assert dialog.messages["partner_id"].is_error()
    assert dialog.name.text() == "富碧坎雲端 Fabrikam"
    assert dialog.partner_id.text() == "48x7383"
    assert get_partner_profile(sqlite_db) is None

    keyboard.replace(dialog.partner_id, "4847383")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData(PartnerType.INDIRECT_PROVIDER))
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Accepted]
    saved = get_partner_profile(sqlite_db)
    assert saved is not None
    assert saved.name == "富碧坎雲端 Fabrikam"
    assert saved.tenant_id == TENANT.lower()
    assert saved.partner_type is PartnerType.INDIRECT_PROVIDER


def test_the_recorded_profile_is_read_off_the_gui_thread_and_shown(
    qtbot: QtBot, demo_db: Database
) -> None:
    recorded = get_partner_profile(demo_db)
    assert recorded is not None
    dialog = open_dialog(qtbot, demo_db)
    assert dialog.name.text() == recorded.name
    assert dialog.tenant_id.text() == recorded.tenant_id
    assert dialog.partner_type.currentData() == recorded.partner_type
