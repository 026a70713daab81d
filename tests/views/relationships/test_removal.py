"""Customers > Remove relationship…: blocked while subscriptions are active (with an offer to
suspend them), the consequences confirmed, the customer moved to "Former", roles honoured."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from pcdesk.models import Customer, PartnerRole, Relationship, SubscriptionStatus
from pcdesk.models.database import Database
from pcdesk.models.storage import translate_storage_errors
from pcdesk.services.audit import customer_history
from pcdesk.services.changes import Changes
from pcdesk.services.customer_list.query import CustomerQuery, customer_page
from pcdesk.services.customers.details import get_customer
from pcdesk.services.partner import actor
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.relationships import removal as removal_module  # (the view imports it late)
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.main_window import MainWindow
from tests.list_rows import row_of

CONTOSO = "Contoso Pharmaceuticals"  # the demo customer with two active subscriptions
SUSPEND = "Suspend 2 subscriptions"
REMOVE = "Remove relationship"


def plain(text: str) -> str:
    return text.replace("&", "")


def failure_shown(qtbot: QtBot, window: MainWindow) -> str:
    """The text of the box the failure presenter opened over the window."""
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "failure_box") is not None)
    box = window.findChild(QMessageBox, "failure_box")
    assert box is not None
    return box.text()


def customer_id(db: Database, company: str) -> int:
    (row,) = customer_page(db, CustomerQuery(text=company), limit=10)
    return row.id


def select(qtbot: QtBot, window: MainWindow, wanted: int) -> None:
    row = row_of(qtbot, window, wanted)
    assert row is not None
    window.customer_table.select_row(row)
    qtbot.waitUntil(lambda: window.detail_pane.details is not None)
    qtbot.waitUntil(runner().is_idle)  # the role read with it, too
    assert window.selected_customer_id() == wanted


def shown_names(window: MainWindow) -> list[str]:
    model = window.customer_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


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
    window: MainWindow, qtbot: QtBot, demo_db: Database, prompts: Any, settle: Any
) -> None:
    contoso = customer_id(demo_db, CONTOSO)
    select(qtbot, window, contoso)
    before = get_customer(demo_db, contoso)
    prompts.answer("Cancel")
    window.remove_relationship_action.trigger()
    settle()

    # What the user reads: the reason, the offers, and one button to suspend them all.
    (asked,) = prompts.asked  # never asked to remove while subscriptions are active
    assert asked.title == "Remove relationship"
    assert asked.text == (
        "Contoso Pharmaceuticals has 2 active subscriptions. They must be suspended or "
        "cancelled before the relationship can be removed."
    )
    assert "• Microsoft 365 E3 (850 licenses)" in asked.informative
    assert "• Microsoft 365 Copilot (120 licenses)" in asked.informative
    assert asked.buttons == [SUSPEND, "Cancel"]
    assert asked.default == "Cancel"  # Enter cancels
    assert get_customer(demo_db, contoso) == before
    assert window.remove_relationship_action.isEnabled()  # ready to start again


def test_suspend_all_then_remove_moves_the_customer_to_former(
    window: MainWindow, qtbot: QtBot, demo_db: Database, prompts: Any, settle: Any
) -> None:
    contoso = customer_id(demo_db, CONTOSO)
    select(qtbot, window, contoso)
    tab = window.detail_pane.relationship_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    prompts.answer(SUSPEND, REMOVE)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    settle()

    assert window.findChild(QMessageBox, "failure_box") is None
    suspend, remove = prompts.asked
    assert suspend.buttons[0] == SUSPEND
    assert remove.text == "Remove your relationship with Contoso Pharmaceuticals?"
    consequences = remove.informative
    assert "goes off your list of active customers" in consequences
    assert '"Former"' in consequences
    assert "No future purchases" in consequences
    assert "Partner Center does not notify the customer: you must tell them yourself." in (
        consequences
    )
    assert remove.buttons == [REMOVE, "Cancel"]
    assert remove.default == "Cancel"

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
    settle()
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
    window: MainWindow, qtbot: QtBot, demo_db: Database, prompts: Any, settle: Any
) -> None:
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    tab = window.detail_pane.relationship_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    assert tab.remove_button.isVisible() and not tab.request_button.isVisible()
    prompts.answer(REMOVE)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current.text() == "Relationship: None")
    settle()

    # The way back, on the customer's own page, where Remove was.
    assert not tab.remove_button.isVisible()
    assert tab.request_button.isVisible() and tab.request_button.isEnabled()
    assert "a former customer" in tab.explanation.text()
    assert tab.request_button.toolTip() == window.request_relationship_action.toolTip()
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dialog = window.request_relationship.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    settle()
    assert dialog.existing_radio.isChecked()
    assert dialog.current_input().customer_id == alpine
    assert dialog.who.customer_name() == "Alpine Ski House"
    dialog.reject()


@pytest.mark.parametrize("answer", ["Cancel", None])  # None: the box closed (Escape)
def test_a_customer_without_subscriptions_goes_straight_to_the_confirmation(
    window: MainWindow,
    qtbot: QtBot,
    demo_db: Database,
    prompts: Any,
    settle: Any,
    answer: str | None,
) -> None:
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    prompts.answer(answer)
    window.remove_relationship_action.trigger()
    settle()
    (asked,) = prompts.asked
    assert asked.text == "Remove your relationship with Alpine Ski House?"
    # Cancelled: nothing written, and the action is ready again.
    assert get_customer(demo_db, alpine).relationship is Relationship.RESELLER
    assert window.remove_relationship_action.isEnabled()
    assert window.detail_pane.relationship_tab.remove_button.isEnabled()


def test_a_helpdesk_agent_finds_the_action_disabled_and_is_refused(
    qtbot: QtBot,
    demo_db: Database,
    open_main_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    prompts: Any,
    settle: Any,
) -> None:
    set_team(
        demo_db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("ben", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="ana",
    )
    monkeypatch.setattr(actor, "_acting_as", ["ben"])
    window = open_main_window(demo_db)
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
    settle()
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
    settle()
    # Even if it is started (the role was taken away after the pane was shown), it refuses.
    window.remove_relationship.start()
    assert failure_shown(qtbot, window) == reason
    settle()
    assert prompts.asked == []
    assert get_customer(demo_db, alpine).relationship is Relationship.RESELLER


def test_another_workstations_change_is_reported_and_nothing_is_removed(
    window: MainWindow, qtbot: QtBot, demo_db: Database, prompts: Any, settle: Any
) -> None:
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)

    def edit_elsewhere(_asked: Any) -> str:  # while the user reads the confirmation
        with demo_db.session_factory.begin() as session:
            session.get_one(Customer, alpine).tags = "moved"
        return REMOVE

    prompts.answer(edit_elsewhere)
    window.remove_relationship.start()
    assert failure_shown(qtbot, window).startswith("Another workstation changed this customer")
    settle()
    saved = get_customer(demo_db, alpine)
    assert (saved.relationship, saved.tags) == (Relationship.RESELLER, "moved")
    assert "relationship.removed" not in [e.action for e in customer_history(demo_db, alpine)]
    details = lambda: window.detail_pane.details  # noqa: E731
    qtbot.waitUntil(lambda: details() is not None and details().tags == "moved")  # read again


class Gate:
    """Holds a service call on its worker thread until released, counting the calls."""

    def __init__(self, call: Callable[..., Any]) -> None:
        self.call = call
        self.calls = 0
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        self.entered.set()
        assert self.release.wait(10)
        return self.call(*args, **kwargs)


def test_while_the_removal_is_written_its_buttons_are_disabled_and_no_second_one_starts(
    window: MainWindow,
    qtbot: QtBot,
    demo_db: Database,
    prompts: Any,
    settle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(removal_module.remove_relationship)
    monkeypatch.setattr(removal_module, "remove_relationship", gate)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    tab = window.detail_pane.relationship_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    action = window.remove_relationship_action
    prompts.answer(REMOVE)
    try:
        qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.entered.is_set)
        assert not tab.remove_button.isEnabled()
        assert not action.isEnabled()
        # A second click, the menu or a script: nothing more is asked or written.
        qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
        action.trigger()
        window.remove_relationship.start()
        assert window.remove_relationship.is_removing()
    finally:
        gate.release.set()
    settle()
    assert gate.calls == 1
    assert len(prompts.asked) == 1
    assert not window.remove_relationship.is_removing()
    qtbot.waitUntil(lambda: tab.current.text() == "Relationship: None")
    assert get_customer(demo_db, alpine).relationship is Relationship.NONE


def test_a_database_that_cannot_be_reached_is_said_in_words_and_nothing_is_removed(
    window: MainWindow,
    qtbot: QtBot,
    demo_db: Database,
    prompts: Any,
    settle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def locked(*_args: Any, **_kwargs: Any) -> None:
        with translate_storage_errors():  # as Database.writing() does
            raise OperationalError(
                "UPDATE customer SET relationship=? WHERE customer.id = ?",
                ("none", 7),
                sqlite3.OperationalError("database is locked"),
            )

    monkeypatch.setattr(removal_module, "remove_relationship", locked)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    prompts.answer(REMOVE)
    window.remove_relationship_action.trigger()

    text = failure_shown(qtbot, window)
    assert text.startswith("The database is busy or cannot be reached. Nothing was saved")
    assert "UPDATE" not in text and "sqlite" not in text and "locked" not in text
    settle()
    assert get_customer(demo_db, alpine).relationship is Relationship.RESELLER
    assert window.remove_relationship_action.isEnabled()  # the user can try again
    assert window.detail_pane.relationship_tab.remove_button.isEnabled()


@pytest.mark.logs_errors
def test_an_unexpected_failure_ends_the_removal_and_the_action_is_ready_again(
    window: MainWindow,
    qtbot: QtBot,
    demo_db: Database,
    prompts: Any,
    settle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(removal_module, "remove_relationship", broken)
    alpine = customer_id(demo_db, "Alpine Ski House")
    select(qtbot, window, alpine)
    prompts.answer(REMOVE)
    window.remove_relationship_action.trigger()
    assert "did not expect (RuntimeError)" in failure_shown(qtbot, window)
    settle()
    assert not window.remove_relationship.is_removing()
    assert window.remove_relationship_action.isEnabled()
    assert window.detail_pane.relationship_tab.remove_button.isEnabled()
