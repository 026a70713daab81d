"""Customers > Remove relationship…: blocked while subscriptions are active (with an offer to
suspend them), the consequences confirmed, the customer moved to "Former", roles honoured."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pcdesk.models import Customer, PartnerRole, Relationship, SubscriptionStatus
from pcdesk.models.database import Database
from pcdesk.services.audit import customer_history
from pcdesk.services.changes import Changes
from pcdesk.services.customer_list.query import CustomerQuery, customer_page
from pcdesk.services.customers.details import get_customer
from pcdesk.services.drafts import DraftStore
from pcdesk.services.partner.profile import get_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.relationships.removal import Blocker, RemovalState
from pcdesk.views.common.changes import publisher
from pcdesk.views.main_window import MainWindow
from pcdesk.views.relationships.removal import RemoveRelationshipLauncher

CONTOSO = "Contoso Pharmaceuticals"  # the demo customer with two active subscriptions


def plain(text: str) -> str:
    return text.replace("&", "")


class Answers:
    """Stands in for the message boxes: records what was asked and shown, answers as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, suspend: bool, remove: bool) -> None:
        self.suspend_asked: list[RemovalState] = []
        self.remove_asked: list[RemovalState] = []
        self.problems: list[str] = []
        self.before_remove = lambda: None

        def confirm_suspend(_launcher: RemoveRelationshipLauncher, state: RemovalState) -> bool:
            self.suspend_asked.append(state)
            return suspend

        def confirm_remove(_launcher: RemoveRelationshipLauncher, state: RemovalState) -> bool:
            self.remove_asked.append(state)
            self.before_remove()
            return remove

        def show_problem(_launcher: RemoveRelationshipLauncher, text: str) -> None:
            self.problems.append(text)

        monkeypatch.setattr(RemoveRelationshipLauncher, "confirm_suspend", confirm_suspend)
        monkeypatch.setattr(RemoveRelationshipLauncher, "confirm_remove", confirm_remove)
        monkeypatch.setattr(RemoveRelationshipLauncher, "show_problem", show_problem)


def customer_id(db: Database, company: str) -> int:
    (row,) = customer_page(db, CustomerQuery(text=company), limit=10)
    return row.id


def open_window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    profile = get_partner_profile(db)
    assert profile is not None
    window = MainWindow(db, profile, DraftStore(tmp_path / "drafts", "sqlite:///x"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.customer_model.is_idle)
    return window


def select(qtbot: QtBot, window: MainWindow, wanted: int) -> None:
    row = window.customer_model.row_of(wanted)
    assert row is not None
    window.customer_table.select_row(row)
    qtbot.waitUntil(lambda: window.detail_pane.details is not None)
    assert window.selected_customer_id() == wanted


def shown_names(window: MainWindow) -> list[str]:
    model = window.customer_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, demo_db, tmp_path)


def test_the_action_is_in_the_customers_menu_and_waits_for_a_customer(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    action = window.remove_relationship_action
    customers_menu = next(
        a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Customers"
    )
    assert action in customers_menu.actions()
    assert plain(action.text()) == "Remove relationship…"
    window.detail_pane.show_customer(None)  # the pane's empty state: nobody selected
    assert not action.isEnabled()
    assert action.statusTip() == action.toolTip() == "Select a customer first."
    select(qtbot, window, customer_id(demo_db, CONTOSO))
    assert action.isEnabled()
    assert CONTOSO in action.toolTip()
    button = window.detail_pane.relationship_tab.remove_button
    assert button.isEnabled() and button.toolTip() == action.toolTip()


def test_active_subscriptions_block_the_removal_and_nothing_changes_without_consent(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, suspend=False, remove=True)
    contoso = customer_id(demo_db, CONTOSO)
    select(qtbot, window, contoso)
    before = get_customer(demo_db, contoso)
    window.remove_relationship_action.trigger()

    (state,) = answers.suspend_asked
    assert state.blocker is Blocker.ACTIVE_SUBSCRIPTIONS
    assert answers.remove_asked == []  # never asked to remove while subscriptions are active
    assert get_customer(demo_db, contoso) == before

    # What the user reads: the reason, the offers, and one button to suspend them all.
    box = window.remove_relationship.suspend_question(state)
    assert box.text() == (
        "Contoso Pharmaceuticals has 2 active subscriptions. They must be suspended or "
        "cancelled before the relationship can be removed."
    )
    assert "• Microsoft 365 E3 (850 licenses)" in box.informativeText()
    assert "• Microsoft 365 Copilot (120 licenses)" in box.informativeText()
    assert box.confirm_button is not None
    assert plain(box.confirm_button.text()) == "Suspend 2 subscriptions"
    assert box.defaultButton() is not box.confirm_button  # Enter cancels


def test_suspend_all_then_remove_moves_the_customer_to_former(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, suspend=True, remove=True)
    contoso = customer_id(demo_db, CONTOSO)
    select(qtbot, window, contoso)
    tab = window.detail_pane.relationship_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)

    assert answers.problems == []
    assert len(answers.suspend_asked) == 1
    (confirmed,) = answers.remove_asked
    assert confirmed.can_remove and confirmed.active_count == 0
    box = window.remove_relationship.removal_question(confirmed)
    assert box.text() == "Remove your relationship with Contoso Pharmaceuticals?"
    consequences = box.informativeText()
    assert "goes off your list of active customers" in consequences
    assert '"Former"' in consequences
    assert "No future purchases" in consequences
    assert "Partner Center does not notify the customer: you must tell them yourself." in (
        consequences
    )
    assert box.confirm_button is not None
    assert plain(box.confirm_button.text()) == "Remove relationship"

    saved = get_customer(demo_db, contoso)
    assert saved.relationship is Relationship.NONE
    assert {sub.status for sub in saved.subscriptions} == {SubscriptionStatus.SUSPENDED}
    history = [entry.action for entry in customer_history(demo_db, contoso)]
    assert history[:3] == [
        "relationship.removed",
        "subscription.suspended",
        "subscription.suspended",
    ]
    # The pane shows it at once, the History tab in words; the action and the button say
    # there is nothing left to do.
    qtbot.waitUntil(lambda: tab.current.text() == "Relationship: None")
    what, details = window.detail_pane.history_tab.rows()[0][2:]
    assert (what, details) == ("Relationship removed", "Relationship: Reseller → None")
    assert not tab.remove_button.isVisible()
    action = window.remove_relationship_action
    assert not action.isEnabled()
    assert action.toolTip() == (
        "Contoso Pharmaceuticals has no relationship with you: there is nothing to remove."
    )
    assert "removed" in window.statusBar().currentMessage()

    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findText("Former"))
    qtbot.waitUntil(window.customer_model.is_idle)
    assert shown_names(window) == [CONTOSO]
    bar.status.setCurrentIndex(bar.status.findText("Active"))
    qtbot.waitUntil(window.customer_model.is_idle)
    assert CONTOSO not in shown_names(window)
    assert len(shown_names(window)) > 0


def test_a_former_customers_page_offers_a_new_relationship_request(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Answers(monkeypatch, suspend=True, remove=True)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    tab = window.detail_pane.relationship_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    assert tab.remove_button.isVisible() and not tab.request_button.isVisible()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current.text() == "Relationship: None")

    # The way back, on the customer's own page, where Remove was.
    assert not tab.remove_button.isVisible()
    assert tab.request_button.isVisible() and tab.request_button.isEnabled()
    assert "a former customer" in tab.explanation.text()
    assert tab.request_button.toolTip() == window.request_relationship_action.toolTip()
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dialog = window.request_relationship.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.existing_radio.isChecked()
    assert dialog.current_input().customer_id == alpine
    assert dialog.who.customer_name() == "Alpine Ski House"
    dialog.reject()


def test_a_customer_without_subscriptions_goes_straight_to_the_confirmation(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, suspend=True, remove=False)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    window.remove_relationship_action.trigger()
    assert answers.suspend_asked == []
    assert len(answers.remove_asked) == 1
    # Cancelled: nothing written.
    assert get_customer(demo_db, alpine).relationship is Relationship.RESELLER


def test_a_helpdesk_agent_finds_the_action_disabled_and_is_refused(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_team(
        demo_db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("ben", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="ana",
    )
    monkeypatch.setenv("PCDESK_USER", "ben")
    answers = Answers(monkeypatch, suspend=True, remove=True)
    window = open_window(qtbot, demo_db, tmp_path)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    action = window.remove_relationship_action
    reason = "Your role cannot do this. It needs: Global admin. Ask your Global admin for the role."
    assert not action.isEnabled()
    assert action.toolTip() == action.statusTip() == reason
    button = window.detail_pane.relationship_tab.remove_button
    assert not button.isEnabled() and button.toolTip() == reason
    # Nor may a Helpdesk agent ask a former customer back: the tab's button says why.
    with demo_db.session_factory.begin() as session:
        session.get_one(Customer, alpine).relationship = Relationship.NONE
    publisher().publish(Changes.of_subject(alpine))
    request = window.detail_pane.relationship_tab.request_button
    qtbot.waitUntil(lambda: not request.isHidden())  # the pane reads it again off the GUI thread
    assert not request.isEnabled()
    assert request.toolTip() == (
        "Your role cannot do this. It needs: Admin agent / Sales agent. Ask your Global admin "
        "for the role."
    )
    with demo_db.session_factory.begin() as session:
        session.get_one(Customer, alpine).relationship = Relationship.RESELLER
    publisher().publish(Changes.of_subject(alpine))
    # Even if it is started (the role was taken away after the pane was shown), it refuses.
    assert window.remove_relationship.start() is False
    assert answers.problems == [reason]
    assert answers.remove_asked == []
    assert get_customer(demo_db, alpine).relationship is Relationship.RESELLER


def test_another_workstations_change_is_reported_and_nothing_is_removed(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(monkeypatch, suspend=True, remove=True)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)

    def edit_elsewhere() -> None:  # while the user reads the confirmation
        with demo_db.session_factory.begin() as session:
            session.get_one(Customer, alpine).tags = "moved"

    answers.before_remove = edit_elsewhere
    assert window.remove_relationship.start() is False
    (problem,) = answers.problems
    assert problem.startswith("Another workstation changed this customer")
    saved = get_customer(demo_db, alpine)
    assert (saved.relationship, saved.tags) == (Relationship.RESELLER, "moved")
    assert "relationship.removed" not in [e.action for e in customer_history(demo_db, alpine)]
    details = lambda: window.detail_pane.details  # noqa: E731
    qtbot.waitUntil(lambda: details() is not None and details().tags == "moved")  # read again
