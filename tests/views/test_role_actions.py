"""The window's role-dependent actions: disabled, saying why, for a role that may not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from pcdesk.models import PartnerRole
from pcdesk.models.database import Database
from pcdesk.services.changes import Changes
from pcdesk.services.customer_list.query import CustomerQuery, customer_page
from pcdesk.services.partner import actor
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.main_window import MainWindow
from tests.list_rows import row_of


@pytest.fixture
def team(demo_db: Database) -> Database:
    set_team(
        demo_db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("sam", frozenset({PartnerRole.SALES_AGENT})),
            TeamMemberData("hal", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="ana",
    )
    return demo_db


def show_pending_agreement(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    (alpine,) = customer_page(db, CustomerQuery(text="Alpine Ski House"), limit=5)
    row = row_of(qtbot, window, alpine.id)
    assert row is not None
    window.customer_table.select_row(row)
    qtbot.waitUntil(
        lambda: (
            window.detail_pane.details is not None and window.detail_pane.details.id == alpine.id
        )
    )
    window.detail_pane.tabs.setCurrentWidget(window.detail_pane.agreement_tab)


def test_a_helpdesk_agent_may_neither_add_customers_nor_attest(
    qtbot: QtBot,
    team: Database,
    open_main_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(actor, "_acting_as", ["hal"])
    window = open_main_window(team)
    add = window.add_customer.action
    assert not add.isEnabled()
    assert (
        add.toolTip()
        == add.statusTip()
        == (
            "Your role cannot do this. It needs: Global admin / Admin agent / Sales agent. Ask "
            "your Global admin for the role."
        )
    )
    show_pending_agreement(qtbot, window, team)
    confirm = window.detail_pane.agreement_tab.confirm_button
    assert confirm.isVisible() and not confirm.isEnabled()
    assert confirm.toolTip() == (
        "Your role cannot do this. It needs: Admin agent / Sales agent. Ask your Global admin "
        "for the role."
    )


def test_a_sales_agent_adds_and_attests_but_does_not_remove(
    qtbot: QtBot,
    team: Database,
    open_main_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(actor, "_acting_as", ["sam"])
    window = open_main_window(team)
    assert window.add_customer.action.isEnabled()
    show_pending_agreement(qtbot, window, team)
    assert window.detail_pane.agreement_tab.confirm_button.isEnabled()
    assert not window.remove_relationship_action.isEnabled()


def test_the_detail_panes_buttons_follow_the_role_and_a_saved_team(
    qtbot: QtBot,
    team: Database,
    open_main_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(actor, "_acting_as", ["hal"])
    window = open_main_window(team)
    (tailspin,) = customer_page(team, CustomerQuery(text="Tailspin Toys"), limit=5)
    row = row_of(qtbot, window, tailspin.id)
    assert row is not None
    window.customer_table.select_row(row)
    qtbot.waitUntil(lambda: window.detail_pane.current_id == tailspin.id)
    qtbot.waitUntil(runner().is_idle)  # the customer and the user's role are read
    pane = window.detail_pane
    buyers = (
        "Your role cannot do this. It needs: Global admin / Admin agent / Sales agent. Ask your "
        "Global admin for the role."
    )
    subscriptions = pane.subscriptions_tab
    assert pane.account_tab.edit_button.isEnabled()  # a Helpdesk agent edits details
    assert not subscriptions.add_button.isEnabled()
    assert subscriptions.add_button.toolTip() == buyers
    assert not subscriptions.suspend_button.isEnabled()
    assert subscriptions.suspend_button.toolTip() == buyers

    # The Global admin makes hal a Sales agent; saving the team tells the window to look again.
    set_team(
        team,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("hal", frozenset({PartnerRole.SALES_AGENT})),
        ],
        actor="ana",
    )
    publisher().publish(Changes(team=True))
    qtbot.waitUntil(subscriptions.add_button.isEnabled)  # the roles are read again
    assert subscriptions.add_button.toolTip() == "Order more offers for this customer"
    assert subscriptions.suspend_button.isEnabled()
    assert subscriptions.suspend_button.toolTip() == ""
    assert subscriptions.reason.text() == ""  # an active subscription: nothing to explain
