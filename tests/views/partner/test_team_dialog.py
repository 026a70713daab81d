"""Partner > Team and roles…: recording the team, refusing one that would lock itself out,
asking before a team with nobody in it is saved, read-only for whoever may not change it, and the
window's actions following the saved roles."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from pcdesk.models import PartnerRole
from pcdesk.models.database import Database
from pcdesk.services.partner import actor
from pcdesk.services.partner.roles import ROLE_NAMES, TeamMemberData, list_team, set_team
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.main_window import MainWindow
from pcdesk.views.partner.team_dialog import NAME, ROLES, TeamDialog

GLOBAL, HELPDESK = PartnerRole.GLOBAL_ADMIN, PartnerRole.HELPDESK_AGENT


@pytest.fixture(autouse=True)
def signed_in_as_ana(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor, "_acting_as", ["ana"])


def open_dialog(qtbot: QtBot, db: Database) -> TeamDialog:
    dialog = TeamDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    settled(qtbot)  # the team has been read
    return dialog


def settled(qtbot: QtBot) -> None:
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


def column(role: PartnerRole) -> int:
    return 1 + ROLES.index(role)


def toggle(qtbot: QtBot, dialog: TeamDialog, row: int, role: PartnerRole) -> None:
    """Move to the role's cell and press Space, as a keyboard user ticks a box."""
    dialog.table.setFocus()
    dialog.table.setCurrentCell(row, column(role))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)


def type_name(qtbot: QtBot, dialog: TeamDialog, keyboard: Any, name: str) -> None:
    """Type into the name editor that Add person opened, and Enter, as a user does."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    keyboard.type(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The editor closes in the event loop; a user never types faster than that.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)


def checked(dialog: TeamDialog, row: int, role: PartnerRole) -> bool:
    item = dialog.table.item(row, column(role))
    assert item is not None
    return item.checkState() == Qt.CheckState.Checked


def save(qtbot: QtBot, dialog: TeamDialog) -> None:
    """Click Save and wait for the write (off the GUI thread) and what follows it."""
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settled(qtbot)


def test_a_new_team_is_typed_ticked_and_saved(qtbot: QtBot, sqlite_db: Database, keyboard) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    assert dialog.table.rowCount() == 0
    note = dialog.who.text()
    assert "<b>ana</b>" in note
    assert "everyone using this database holds every role" in note
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(1, 1 + len(ROLES))]
    assert headers == list(ROLE_NAMES.values())

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # you first, Global admin
    assert dialog.members() == [TeamMemberData("ana", frozenset({GLOBAL}))]
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # then someone new
    type_name(qtbot, dialog, keyboard, "陳志明")
    toggle(qtbot, dialog, 1, HELPDESK)
    assert checked(dialog, 1, HELPDESK)
    toggle(qtbot, dialog, 0, PartnerRole.SALES_AGENT)

    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert list_team(sqlite_db) == (
        TeamMemberData("ana", frozenset({GLOBAL, PartnerRole.SALES_AGENT})),
        TeamMemberData("陳志明", frozenset({HELPDESK})),
    )
    assert dialog.saved == list_team(sqlite_db)


def test_a_team_without_a_global_admin_is_refused_next_to_the_table(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    toggle(qtbot, dialog, 0, GLOBAL)  # untick: nobody would be Global admin
    toggle(qtbot, dialog, 0, HELPDESK)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.is_error()
    assert dialog.message.text() == "The team needs at least one Global admin."
    assert dialog.members() == [TeamMemberData("ana", frozenset({HELPDESK}))]  # kept as typed
    assert list_team(sqlite_db) == ()

    toggle(qtbot, dialog, 0, GLOBAL)
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)
    assert list_team(sqlite_db) == (TeamMemberData("ana", frozenset({GLOBAL, HELPDESK})),)


def test_a_blank_name_is_refused_and_its_row_selected(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.table.setFocus()  # leave the new name empty
    save(qtbot, dialog)
    assert dialog.message.text() == "Enter a user name."
    assert dialog.table.currentRow() == 1 and dialog.table.currentColumn() == NAME
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [m.user_name for m in dialog.members()] == ["ana"]


def test_whoever_may_not_manage_the_team_sees_it_read_only(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_team(
        sqlite_db,
        [TeamMemberData("zoe", frozenset({GLOBAL})), TeamMemberData("ana", frozenset({HELPDESK}))],
        actor="zoe",
    )
    dialog = open_dialog(qtbot, sqlite_db)
    assert [m.user_name for m in dialog.members()] == ["ana", "zoe"]
    assert "People who are not listed may only search" in dialog.who.text()
    assert dialog.read_only.text() == (
        "You can see the team but not change it. Your role cannot do this. It needs: Global "
        "admin. Ask your Global admin for the role."
    )
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert not dialog.add_button.isVisible() and not dialog.remove_button.isVisible()
    toggle(qtbot, dialog, 0, GLOBAL)
    assert not checked(dialog, 0, GLOBAL)  # the box does not tick
    item = dialog.table.item(0, NAME)
    assert item is not None and not item.flags() & Qt.ItemFlag.ItemIsEditable


def test_saving_roles_re_evaluates_the_windows_actions(
    qtbot: QtBot, main_window: MainWindow, keyboard
) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.detail_pane.details is not None)
    assert window.team.action in window.partner_menu.actions()
    remove = window.remove_relationship_action
    assert remove.isEnabled()  # no team yet: ana holds every role

    window.team.action.trigger()
    dialog = window.team.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    settled(qtbot)  # the team has been read (Add person shows then)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    # ana stays as Admin agent; zoe becomes the Global admin.
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    toggle(qtbot, dialog, 0, GLOBAL)
    toggle(qtbot, dialog, 0, PartnerRole.ADMIN_AGENT)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    type_name(qtbot, dialog, keyboard, "zoe")
    toggle(qtbot, dialog, 1, GLOBAL)
    with qtbot.waitSignal(publisher().changed):
        save(qtbot, dialog)
    settled(qtbot)
    assert not remove.isEnabled()
    assert remove.toolTip().startswith("Your role cannot do this. It needs: Global admin.")


def remove_everyone_and_save(qtbot: QtBot, dialog: TeamDialog) -> None:
    """Remove everyone listed and press Save (it asks first)."""
    while dialog.table.rowCount():
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)


def test_saving_nobody_asks_first_and_keeping_the_team_saves_nothing(
    qtbot: QtBot, sqlite_db: Database, prompts
) -> None:
    team = (
        TeamMemberData("ana", frozenset({GLOBAL})),
        TeamMemberData("ben", frozenset({HELPDESK})),
    )
    set_team(sqlite_db, team, actor="ana")
    dialog = open_dialog(qtbot, sqlite_db)
    prompts.answer("Keep editing")
    remove_everyone_and_save(qtbot, dialog)
    [asked] = prompts.asked
    assert asked.text == "Save the team with nobody in it?"
    assert "everyone who opens this database will hold every role" in asked.informative
    assert asked.default == "Keep editing"  # Enter keeps it (and Esc, its escape button)
    assert dialog.isVisible() and dialog.result() == 0
    assert list_team(sqlite_db) == team
    assert dialog.members() == []  # the table stays as the user left it


def test_saving_nobody_when_confirmed_gives_everyone_every_role(
    qtbot: QtBot, sqlite_db: Database, prompts
) -> None:
    set_team(sqlite_db, [TeamMemberData("ana", frozenset({GLOBAL}))], actor="ana")
    dialog = open_dialog(qtbot, sqlite_db)
    prompts.answer("Save with nobody")
    with qtbot.waitSignal(dialog.accepted):
        remove_everyone_and_save(qtbot, dialog)
    assert list_team(sqlite_db) == ()
    assert dialog.saved == ()


def test_save_is_disabled_while_the_team_is_written(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = open_dialog(qtbot, sqlite_db)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled() and not dialog.add_button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a second click saves nothing
    settled(qtbot)
    assert list_team(sqlite_db) == (TeamMemberData("ana", frozenset({GLOBAL})),)


def test_a_new_team_saved_empty_asks_nothing(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = open_dialog(qtbot, sqlite_db)  # nobody listed, nobody added: nothing changes
    with qtbot.waitSignal(dialog.accepted):
        save(qtbot, dialog)  # the prompts fixture fails the test should it ask


def test_the_note_and_each_roles_tip_say_what_pcdesk_enforces(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    set_team(sqlite_db, [TeamMemberData("ana", frozenset({GLOBAL}))], actor="ana")
    dialog = open_dialog(qtbot, sqlite_db)
    assert "People who are not listed may only search, view and export customers" in (
        dialog.who.text()
    )
    assert "edit" not in dialog.who.text()

    def tip(role: PartnerRole) -> str:
        return dialog.table.horizontalHeaderItem(column(role)).toolTip()

    assert (
        tip(HELPDESK)
        == "Helpdesk agent: searches and views customers, and may edit customer details."
    )
    assert tip(PartnerRole.BILLING_ADMIN) == "Billing admin: searches and views customers only."
    assert tip(PartnerRole.SALES_AGENT) == (
        "Sales agent: searches and views customers, and may add customers, attest customer "
        "agreements, edit customer details, order and change subscriptions, and request "
        "relationships."
    )
    assert tip(GLOBAL) == (
        "Global admin: searches and views customers, and may add customers, edit customer "
        "details, order and change subscriptions, remove relationships, manage indirect "
        "resellers, and change this team."
    )
