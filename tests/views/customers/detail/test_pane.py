"""The customer detail pane, driven as a user drives it: real widgets, real buttons, real database."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from pcdesk.errors import Unavailable
from pcdesk.models import AccountStatus, Customer, PartnerRole, RelationshipRequest, RequestStatus
from pcdesk.models.database import Database
from pcdesk.models.enums import AgreementStatus, Relationship, SubscriptionStatus
from pcdesk.models.storage import unavailable_message
from pcdesk.services.catalog.offers import list_offers
from pcdesk.services.customers.details import get_customer
from pcdesk.services.customers.edits import customer_input_of, update_customer
from pcdesk.services.customers.subscriptions import add_subscriptions, change_quantity
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.services.partner import actor
from pcdesk.services.partner.profile import get_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail import CustomerDetailPane
from pcdesk.views.customers.detail import account_tab as account_module
from pcdesk.views.customers.detail import pane as pane_module
from pcdesk.views.customers.detail.tables import DetailTable

LEFT = Qt.MouseButton.LeftButton


def customer_id(db: Database, domain_prefix: str) -> int:
    with db.session_factory() as session:
        return session.execute(
            select(Customer.id).where(Customer.domain_prefix == domain_prefix)
        ).scalar_one()


@pytest.fixture
def pane(qtbot, demo_db: Database) -> CustomerDetailPane:
    profile = get_partner_profile(demo_db)
    assert profile is not None
    widget = CustomerDetailPane(demo_db, profile)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.activateWindow()  # focus and shortcuts (Esc) need an active window
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def settled(qtbot) -> None:
    """Wait until every operation started has finished (reads and writes run off the GUI
    thread) and what it read or wrote is shown."""
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


def show(pane: CustomerDetailPane, qtbot, domain_prefix: str) -> int:
    found = customer_id(pane._db, domain_prefix)
    pane.show_customer(found)
    settled(qtbot)
    settled(qtbot)
    return found


def texts(table: DetailTable, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def start_edit(pane: CustomerDetailPane, qtbot) -> None:
    pane.tabs.setCurrentWidget(pane.account_tab)
    qtbot.mouseClick(pane.account_tab.edit_button, LEFT)
    settled(qtbot)  # the resellers to choose from are read first
    assert pane.account_tab.is_editing()
    assert pane.account_tab.stack.currentWidget() is pane.account_tab.editing


def click_save(pane: CustomerDetailPane, qtbot) -> None:
    qtbot.mouseClick(pane.account_tab.save_button, LEFT)
    settled(qtbot)


# -- showing ----------------------------------------------------------------------------------


def test_no_customer_shows_an_empty_state(pane, qtbot) -> None:
    assert pane.current_id is None
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == "No customer selected"
    found = show(pane, qtbot, "tailspintoys")
    assert pane.current_id == found
    assert pane.stack.currentWidget() is pane.content
    assert pane.header.company.text() == "Tailspin Toys"
    assert pane.header.domain.full_text() == "tailspintoys.onmicrosoft.com"
    assert [pane.tabs.tabText(i) for i in range(pane.tabs.count())] == [
        "Account",
        "Agreement",
        "Subscriptions",
        "Relationship",
        "History",
    ]
    summary = pane.account_tab.summary.text()
    for expected in ("Tailspin Toys", "San Francisco, CA 94105", "marcus@tailspintoys.com"):
        assert expected in summary
    pane.show_customer(None)
    assert pane.current_id is None
    assert pane.empty.text() == "No customer selected"


def test_domain_and_microsoft_id_are_shown_not_edited(pane, qtbot) -> None:
    found = show(pane, qtbot, "tailspintoys")
    details = get_customer(pane._db, found)
    header = pane.header
    assert header.microsoft_id.full_text() == details.microsoft_id
    flags = header.microsoft_id.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    qtbot.mouseClick(header.copy_id, LEFT)
    assert QGuiApplication.clipboard().text() == details.microsoft_id

    start_edit(pane, qtbot)
    form = pane.account_tab.form
    assert form.domain.edit.text() == "tailspintoys"
    assert form.domain.edit.isReadOnly()
    assert not form.country.isEnabled()  # Partner Center never changes it either
    # The form has no Microsoft ID field at all: only the header shows it.
    assert details.microsoft_id not in [edit.text() for edit in form.edits.values()]


# -- editing the account ----------------------------------------------------------------------


def test_an_edit_is_saved_and_the_history_shows_it(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "tailspintoys")
    version = get_customer(pane._db, found).version
    start_edit(pane, qtbot)
    form = pane.account_tab.form
    assert form.edits["company_name"].hasFocus()
    assert form.edits["contact_email"].text() == "marcus@tailspintoys.com"
    keyboard.replace(form.address.edits["address_line1"], "2 Market St")
    assert pane.has_unsaved_edits()

    with qtbot.waitSignal(publisher().changed) as changed:
        click_save(pane, qtbot)
    settled(qtbot)
    assert changed.args[0].customers == {found}

    saved = get_customer(pane._db, found)
    assert saved.address_line1 == "2 Market St"
    assert saved.version > version
    assert saved.tags == ""  # what the form does not show is kept as it was
    assert not pane.account_tab.is_editing()
    assert not pane.has_unsaved_edits()
    assert "2 Market St" in pane.account_tab.summary.text()
    history = pane.history_tab
    assert texts(history.table, 2)[0] == "Account changed"
    assert texts(history.table, 2)[-1] == "Customer added"
    assert "Address line 1: 1 Market St → 2 Market St" in texts(history.table, 3)[0]


def test_saving_keeps_the_tags_the_form_does_not_show(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "contosopharma")
    start_edit(pane, qtbot)
    keyboard.replace(pane.account_tab.form.edits["contact_last_name"], "Whitfield-Ng")
    click_save(pane, qtbot)
    saved = get_customer(pane._db, found)
    assert saved.contact_last_name == "Whitfield-Ng"
    assert saved.tags == "enterprise, healthcare"
    assert saved.indirect_reseller_name == "Litware Inc."


def test_a_refused_value_keeps_what_was_typed(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "tailspintoys")
    start_edit(pane, qtbot)
    form = pane.account_tab.form
    keyboard.replace(form.edits["contact_email"], "marcus at tailspin")
    click_save(pane, qtbot)
    assert pane.account_tab.is_editing()
    assert form.edits["contact_email"].text() == "marcus at tailspin"
    assert form.messages["contact_email"].is_error()
    assert "Nothing was saved" in pane.account_tab.failure.text()
    assert get_customer(pane._db, found).contact_email == "marcus@tailspintoys.com"


def test_an_unavailable_database_says_so_and_keeps_the_form(
    pane, qtbot, keyboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = show(pane, qtbot, "tailspintoys")

    def locked(*args, **kwargs):
        raise Unavailable(unavailable_message())

    monkeypatch.setattr(account_module, "update_customer", locked)
    start_edit(pane, qtbot)
    form = pane.account_tab.form
    keyboard.replace(form.address.edits["city"], "Oakland")
    click_save(pane, qtbot)
    assert "busy or cannot be reached" in pane.account_tab.failure.text()
    assert pane.account_tab.is_editing()
    assert form.address.edits["city"].text() == "Oakland"
    assert get_customer(pane._db, found).city == "San Francisco"


def test_the_keyboard_alone_edits_saves_and_cancels(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "tailspintoys")
    # Tab goes from the header to the tab bar, then into the tab.
    pane.header.copy_id.setFocus()
    qtbot.keyClick(pane.header.copy_id, Qt.Key.Key_Tab)
    assert pane.tabs.tabBar().hasFocus()
    qtbot.keyClick(pane.tabs.tabBar(), Qt.Key.Key_Tab)
    assert pane.account_tab.edit_button.hasFocus()

    # A mnemonic "animates" the click: the button acts a moment later.
    qtbot.keyClick(pane, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # E&dit
    qtbot.waitUntil(pane.account_tab.is_editing)
    edit = pane.account_tab.form.address.edits["city"]
    keyboard.replace(edit, "Oakland")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # Esc cancels the edit
    assert not pane.account_tab.is_editing()
    assert get_customer(pane._db, found).city == "San Francisco"
    assert "San Francisco" in pane.account_tab.summary.text()

    qtbot.keyClick(pane, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(pane.account_tab.is_editing)
    keyboard.replace(edit, "Oakland")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Sa&ve
    qtbot.waitUntil(lambda: not pane.account_tab.is_editing())
    assert get_customer(pane._db, found).city == "Oakland"


@pytest.mark.parametrize(
    ("answer", "leaves", "editing", "city"),
    [
        ("Cancel", False, True, "San Francisco"),
        ("Discard", True, False, "San Francisco"),
        # Save: saved off the GUI thread; the pane stays until then, and then() leaves.
        ("Save", False, False, "Oakland"),
    ],
)
def test_leaving_an_edit_asks_save_discard_or_cancel(
    pane, qtbot, keyboard, prompts, answer, leaves, editing, city
) -> None:
    found = show(pane, qtbot, "tailspintoys")
    assert pane.confirm_leave()  # nothing being edited: nothing to ask
    start_edit(pane, qtbot)
    assert pane.confirm_leave()  # no change yet: leaves without asking
    assert not prompts.asked

    start_edit(pane, qtbot)
    keyboard.replace(pane.account_tab.form.address.edits["city"], "Oakland")
    prompts.answer(answer)
    left: list[bool] = []
    assert pane.confirm_leave(then=lambda: left.append(True)) is leaves
    (asked,) = prompts.asked
    assert asked.text == "Save your changes to Tailspin Toys?"
    assert asked.informative == "If you don't save them, they are lost."
    assert sorted(asked.buttons) == ["Cancel", "Discard", "Save"]
    assert asked.default == "Save"
    settled(qtbot)
    assert left == ([True] if answer == "Save" else [])
    assert pane.account_tab.is_editing() is editing
    assert get_customer(pane._db, found).city == city


# -- another workstation saved first ----------------------------------------------------------


def change_elsewhere(db: Database, found: int, version: int, **values: str) -> None:
    """Another workstation's edit, made against the same version the pane's edit started from."""
    data = replace(customer_input_of(get_customer(db, found)), **values)
    update_customer(db, found, version, data, actor="other")


def open_conflict(pane, qtbot, keyboard) -> tuple[int, object]:
    found = show(pane, qtbot, "tailspintoys")
    version = get_customer(pane._db, found).version
    start_edit(pane, qtbot)
    keyboard.replace(pane.account_tab.form.address.edits["address_line1"], "2 Market St")
    change_elsewhere(pane._db, found, version, address_line1="99 Bay St", city="Oakland")
    click_save(pane, qtbot)
    dialog = pane.account_tab.conflict_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return found, dialog


def test_a_concurrent_edit_is_shown_and_overwrites_nothing(pane, qtbot, keyboard) -> None:
    found, dialog = open_conflict(pane, qtbot, keyboard)
    assert "Another workstation changed Tailspin Toys" in dialog.heading.text()
    differing = {(d.label, d.mine, d.saved, d.changed_there) for d in dialog.found}
    assert differing == {
        ("Address line 1", "2 Market St", "99 Bay St", True),
        ("City", "San Francisco", "Oakland", True),
    }
    assert "99 Bay St" in dialog.table.text()
    saved = get_customer(pane._db, found)
    assert (saved.address_line1, saved.city) == ("99 Bay St", "Oakland")
    assert saved.updated_by == "other"
    # The pane already shows what is saved now; the form still holds the typing.
    assert "99 Bay St" in pane.account_tab.summary.text()
    assert pane.account_tab.form.address.edits["address_line1"].text() == "2 Market St"

    qtbot.mouseClick(dialog.use_saved, LEFT)
    form = pane.account_tab.form
    assert pane.account_tab.is_editing()
    assert form.address.edits["address_line1"].text() == "99 Bay St"
    assert form.address.edits["city"].text() == "Oakland"
    assert not pane.has_unsaved_edits()
    click_save(pane, qtbot)  # nothing changed: nothing written, the edit ends
    assert not pane.account_tab.is_editing()
    assert get_customer(pane._db, found).updated_by == "other"


def test_keeping_my_changes_overwrites_knowingly_on_the_next_save(pane, qtbot, keyboard) -> None:
    found, dialog = open_conflict(pane, qtbot, keyboard)
    qtbot.mouseClick(dialog.keep_mine, LEFT)
    form = pane.account_tab.form
    assert form.address.edits["address_line1"].text() == "2 Market St"
    assert form.address.edits["city"].text() == "San Francisco"
    assert pane.has_unsaved_edits()
    assert "Save to replace" in pane.account_tab.failure.text()
    assert get_customer(pane._db, found).address_line1 == "99 Bay St"

    with qtbot.waitSignal(publisher().changed):
        click_save(pane, qtbot)
    settled(qtbot)
    saved = get_customer(pane._db, found)
    assert (saved.address_line1, saved.city) == ("2 Market St", "San Francisco")
    assert not pane.account_tab.is_editing()


def test_a_change_elsewhere_to_other_things_does_not_stop_the_save(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "tailspintoys")
    details = get_customer(pane._db, found)
    start_edit(pane, qtbot)
    keyboard.replace(pane.account_tab.form.address.edits["city"], "Oakland")
    offer = list_offers(pane._db, market="US", search="Teams Essentials")[0]
    add_subscriptions(pane._db, found, details.version, [SubscriptionLine(offer.id, 5)])
    click_save(pane, qtbot)  # the account was not touched: no question, nothing overwritten
    assert pane.account_tab.conflict_dialog is None
    saved = get_customer(pane._db, found)
    assert saved.city == "Oakland"
    assert len(saved.subscriptions) == 2


# -- the agreement ----------------------------------------------------------------------------


def test_confirming_a_pending_agreement(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "alpineskihouse")
    tab = pane.agreement_tab
    pane.tabs.setCurrentWidget(tab)
    assert "Pending" in tab.summary.text()
    assert tab.confirm_button.isVisible()
    assert not pane.subscriptions_tab.add_button.isEnabled()

    qtbot.mouseClick(tab.confirm_button, LEFT)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    form = dialog.form
    # The signer starts as the primary contact; the date as today.
    assert form.edits["signer_first_name"].text() == "Hannah"
    assert form.edits["signer_email"].text() == "hannah@alpineskihouse.com"
    keyboard.replace(form.edits["signer_first_name"], "Johanna")
    with qtbot.waitSignal(publisher().changed):
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    settled(qtbot)

    agreement = get_customer(pane._db, found).agreement
    assert agreement is not None
    assert agreement.status is AgreementStatus.ACCEPTED
    assert (agreement.signer_first_name, agreement.signer_last_name) == ("Johanna", "Berg")
    assert agreement.date_accepted is not None
    assert tab.dialog is None
    assert "Accepted" in tab.summary.text()
    assert "Johanna Berg" in tab.summary.text()
    assert not tab.confirm_button.isVisible()
    assert pane.subscriptions_tab.add_button.isEnabled()  # ordering is possible now
    assert texts(pane.history_tab.table, 2)[0] == "Agreement acceptance recorded"


def test_a_signer_left_empty_is_refused_in_the_dialog(pane, qtbot, keyboard) -> None:
    found = show(pane, qtbot, "alpineskihouse")
    pane.tabs.setCurrentWidget(pane.agreement_tab)
    qtbot.mouseClick(pane.agreement_tab.confirm_button, LEFT)
    dialog = pane.agreement_tab.dialog
    qtbot.waitUntil(dialog.isVisible)
    edit = dialog.form.edits["signer_last_name"]
    edit.selectAll()
    edit.del_()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert dialog.isVisible()
    assert dialog.form.messages["signer_last_name"].is_error()
    assert get_customer(pane._db, found).agreement.status is AgreementStatus.PENDING


# -- subscriptions ----------------------------------------------------------------------------


def test_quantity_within_the_offer_limits_then_suspend_reactivate_cancel(
    pane, qtbot, keyboard, prompts
) -> None:
    found = show(pane, qtbot, "tailspintoys")
    tab = pane.subscriptions_tab
    pane.tabs.setCurrentWidget(tab)
    assert texts(tab.table, 0) == ["Microsoft 365 Business Standard"]
    assert texts(tab.table, 1) == ["35"]
    sub = tab.selected()
    assert sub is not None
    assert (tab.quantity.minimum(), tab.quantity.maximum()) == (1, 300)  # the offer's limits
    assert not tab.apply_button.isEnabled()  # nothing to apply yet
    assert tab.suspend_button.isEnabled() and tab.cancel_button.isEnabled()
    assert not tab.reactivate_button.isEnabled()

    tab.quantity.selectAll()
    qtbot.keyClicks(tab.quantity, "400")  # beyond the maximum: the box keeps to the limit
    assert tab.quantity.value() <= 300
    tab.quantity.selectAll()
    qtbot.keyClicks(tab.quantity, "40")
    assert tab.apply_button.isEnabled()
    # Apply asks first, with the licenses and the monthly price before and after; Keep (the
    # default) changes nothing.
    prompts.answer("Keep 35")
    qtbot.mouseClick(tab.apply_button, LEFT)
    asked = prompts.asked[-1]
    assert asked.text == "Change Microsoft 365 Business Standard from 35 to 40 licenses?"
    assert asked.informative == "Monthly price: $437.50 → $500.00."
    assert asked.default == "Keep 35"
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].quantity == 35
    prompts.answer("Change to 40")
    with qtbot.waitSignal(publisher().changed):
        qtbot.mouseClick(tab.apply_button, LEFT)
        settled(qtbot)
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].quantity == 40
    assert texts(tab.table, 1) == ["40"]
    assert "40 licenses now" in tab.notice.text()

    prompts.answer("Keep active", "Suspend")
    qtbot.mouseClick(tab.suspend_button, LEFT)
    assert prompts.asked[-1].default == "Keep active"
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.ACTIVE
    qtbot.mouseClick(tab.suspend_button, LEFT)
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.SUSPENDED
    assert texts(tab.table, 4) == ["Suspended"]
    assert not tab.suspend_button.isEnabled()
    assert tab.reactivate_button.isEnabled()

    qtbot.mouseClick(tab.reactivate_button, LEFT)
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.ACTIVE
    assert texts(tab.table, 4) == ["Active"]

    # Cancelling asks first; "Keep it" (the default) cancels nothing.
    prompts.answer("Keep it")
    qtbot.mouseClick(tab.cancel_button, LEFT)
    asked = prompts.asked[-1]
    assert asked.text == "Cancel Microsoft 365 Business Standard (40 licenses)?"
    assert asked.default == "Keep it"
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.ACTIVE

    prompts.answer("Cancel subscription")
    with qtbot.waitSignal(publisher().changed):
        qtbot.mouseClick(tab.cancel_button, LEFT)
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.CANCELLED
    assert texts(tab.table, 4) == ["Cancelled"]
    for button in (tab.apply_button, tab.suspend_button, tab.reactivate_button, tab.cancel_button):
        assert not button.isEnabled()
    assert not tab.quantity.isEnabled()
    assert "cancelled" in tab.reason.text()
    actions = texts(pane.history_tab.table, 2)
    assert actions[:5] == [
        "Subscription cancelled",
        "Subscription reactivated",
        "Subscription suspended",
        "Licenses changed",
        "Subscription ordered",
    ]


def test_under_review_allows_reductions_only_and_says_why(pane, qtbot, prompts) -> None:
    found = customer_id(pane._db, "tailspintoys")
    with pane._db.session_factory.begin() as session:
        session.execute(
            update(Customer)
            .where(Customer.id == found)
            .values(account_status=AccountStatus.UNDER_REVIEW)
        )
    pane.show_customer(found)
    settled(qtbot)
    tab = pane.subscriptions_tab
    pane.tabs.setCurrentWidget(tab)
    assert not tab.add_button.isEnabled()
    assert "under review" in tab.blocked.text()
    assert tab.quantity.maximum() == 35  # no increase
    assert tab.quantity.isEnabled()
    assert tab.suspend_button.isEnabled()
    tab.quantity.setValue(30)
    prompts.answer("Change to 30")
    qtbot.mouseClick(tab.apply_button, LEFT)
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].quantity == 30


def test_a_former_customer_cannot_buy_or_reactivate(pane, qtbot, prompts) -> None:
    found = show(pane, qtbot, "tailspintoys")
    tab = pane.subscriptions_tab
    prompts.answer("Suspend")
    qtbot.mouseClick(tab.suspend_button, LEFT)
    settled(qtbot)
    with pane._db.session_factory.begin() as session:
        session.execute(
            update(Customer).where(Customer.id == found).values(relationship=Relationship.NONE)
        )
    pane.show_customer(found)  # read again
    settled(qtbot)
    assert pane.relationship_tab.current.text() == "Relationship: None"
    assert not tab.add_button.isEnabled()
    assert "former customer" in tab.blocked.text()
    assert not tab.reactivate_button.isEnabled()
    assert tab.cancel_button.isEnabled()  # cancelling still goes through
    assert tab.quantity.maximum() == 35


def test_a_pending_agreement_blocks_ordering_and_says_why(pane, qtbot) -> None:
    show(pane, qtbot, "alpineskihouse")
    tab = pane.subscriptions_tab
    assert not tab.add_button.isEnabled()
    assert "Agreement is pending" in tab.blocked.text()
    assert tab.table.rowCount() == 0
    assert not tab.suspend_button.isEnabled()


def test_a_subscription_changed_elsewhere_is_refreshed_not_overwritten(
    pane, qtbot, prompts
) -> None:
    found = show(pane, qtbot, "tailspintoys")
    tab = pane.subscriptions_tab
    pane.tabs.setCurrentWidget(tab)
    sub = tab.selected()
    change_quantity(pane._db, sub.id, sub.version, 50, actor="other")
    prompts.answer("Suspend", "Suspend")
    qtbot.mouseClick(tab.suspend_button, LEFT)
    settled(qtbot)
    assert "Another workstation changed" in tab.notice.text()
    saved = get_customer(pane._db, found).subscriptions[0]
    assert (saved.quantity, saved.status) == (50, SubscriptionStatus.ACTIVE)
    assert texts(tab.table, 1) == ["50"]  # what is saved now is shown
    qtbot.mouseClick(tab.suspend_button, LEFT)  # made against the version shown: goes through
    settled(qtbot)
    assert get_customer(pane._db, found).subscriptions[0].status is SubscriptionStatus.SUSPENDED


def test_adding_offers_with_the_wizards_picker(pane, qtbot) -> None:
    found = show(pane, qtbot, "tailspintoys")
    tab = pane.subscriptions_tab
    pane.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.add_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    picker = dialog.picker
    assert picker.market() == "US"
    assert not dialog.order_button.isEnabled()
    with qtbot.waitSignal(picker.offers_shown, timeout=3000):
        qtbot.keyClicks(picker.search, "Business Basic")
    row = next(
        row
        for row in range(picker.model.rowCount())
        if picker.model.offer(row).sku_title == "Microsoft 365 Business Basic"
        and picker.model.offer(row).term == "P1Y"
    )
    rect = picker.table.visualRect(picker.model.index(row, 0))
    qtbot.mouseClick(picker.table.viewport(), LEFT, pos=rect.center())
    picker.quantity.selectAll()
    qtbot.keyClicks(picker.quantity, "12")
    qtbot.mouseClick(picker.add_button, LEFT)
    assert dialog.order_button.isEnabled()
    with qtbot.waitSignal(publisher().changed):
        qtbot.mouseClick(dialog.order_button, LEFT)
    settled(qtbot)

    subscriptions = get_customer(pane._db, found).subscriptions
    assert [(s.sku_title, s.quantity) for s in subscriptions] == [
        ("Microsoft 365 Business Standard", 35),
        ("Microsoft 365 Business Basic", 12),
    ]
    assert tab.add_dialog is None
    assert texts(tab.table, 0)[-1] == "Microsoft 365 Business Basic"
    assert tab.selected().sku_title == "Microsoft 365 Business Basic"
    assert "1 subscription ordered" in tab.notice.text()


# -- relationship and history -----------------------------------------------------------------


def test_relationship_and_its_requests_newest_first(pane, qtbot) -> None:
    found = customer_id(pane._db, "tailspintoys")
    with pane._db.session_factory.begin() as session:
        for email, status in (
            ("old@tailspintoys.com", RequestStatus.CANCELLED),
            ("marcus@tailspintoys.com", RequestStatus.PENDING),
        ):
            session.add(
                RelationshipRequest(
                    customer_id=found,
                    recipient_email=email,
                    language="en-US",
                    subject="Reseller relationship",
                    body="Please accept",
                    link="https://admin.microsoft.com/",
                    status=status,
                    created_by="agent",
                )
            )
    pane.show_customer(found)
    settled(qtbot)
    tab = pane.relationship_tab
    assert tab.current.text() == "Relationship: Reseller"
    assert texts(tab.requests, 1) == ["marcus@tailspintoys.com", "old@tailspintoys.com"]
    assert texts(tab.requests, 3) == ["Pending", "Cancelled"]


def test_a_customer_resold_by_nobody_is_told_apart_from_an_advisors(pane, qtbot) -> None:
    found = customer_id(pane._db, "tailspintoys")
    tab = pane.relationship_tab
    for relationship, says in (
        (Relationship.NONE, "(a former customer)"),
        (Relationship.ADVISOR, "You are not this customer's reseller"),
    ):
        with pane._db.session_factory.begin() as session:
            session.get_one(Customer, found).relationship = relationship
        pane.show_customer(found)
        settled(qtbot)
        pane.tabs.setCurrentWidget(tab)
        assert says in tab.explanation.text()
        assert tab.request_button.isVisible()  # the way to a reseller relationship
    assert "former" not in tab.explanation.text()  # an advisor's customer is not a former one
    assert tab.remove_button.isVisible()  # an advisor relationship can still be removed
    assert "No reseller relationship (Advisor)" in pane.subscriptions_tab.blocked.text()


# -- roles ------------------------------------------------------------------------------------

EDITORS = (
    "Your role cannot do this. It needs: Global admin / Admin agent / Sales agent / Helpdesk "
    "agent. Ask your Global admin for the role."
)
BUYERS = (
    "Your role cannot do this. It needs: Global admin / Admin agent / Sales agent. Ask your "
    "Global admin for the role."
)


def record_team(db: Database, **people: PartnerRole) -> None:
    """ana, the Global admin, and ``people`` with one role each."""
    members = [TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN}))]
    members += [TeamMemberData(name, frozenset({role})) for name, role in people.items()]
    set_team(db, members, actor="ana")


def subscription_widgets(pane: CustomerDetailPane) -> tuple:
    tab = pane.subscriptions_tab
    return (
        tab.quantity,
        tab.apply_button,
        tab.suspend_button,
        tab.reactivate_button,
        tab.cancel_button,
    )


def test_a_helpdesk_agent_edits_details_but_orders_and_changes_nothing(
    pane, qtbot, keyboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_team(pane._db, hal=PartnerRole.HELPDESK_AGENT)
    monkeypatch.setattr(actor, "_acting_as", ["hal"])
    found = show(pane, qtbot, "tailspintoys")
    before = get_customer(pane._db, found)

    tab = pane.subscriptions_tab
    pane.tabs.setCurrentWidget(tab)
    assert tab.selected() is not None  # an active subscription, selected
    assert not tab.add_button.isEnabled()
    assert tab.add_button.toolTip() == BUYERS
    for widget in subscription_widgets(pane):
        assert not widget.isEnabled()
        assert widget.toolTip() == BUYERS
    assert tab.reason.isVisible() and tab.reason.text() == BUYERS
    tab.open_add_offers()  # even asked directly, no order form opens
    assert tab.add_dialog is None
    assert get_customer(pane._db, found).subscriptions == before.subscriptions

    account = pane.account_tab
    pane.tabs.setCurrentWidget(account)
    assert account.edit_button.isEnabled()
    assert account.edit_button.toolTip() == "Change the account's details"
    start_edit(pane, qtbot)
    keyboard.replace(account.form.address.edits["city"], "Oakland")
    with qtbot.waitSignal(publisher().changed):
        click_save(pane, qtbot)
    settled(qtbot)
    saved = get_customer(pane._db, found)
    assert (saved.city, saved.updated_by) == ("Oakland", "hal")


def test_a_billing_admin_may_neither_edit_nor_order(
    pane, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_team(pane._db, bea=PartnerRole.BILLING_ADMIN)
    monkeypatch.setattr(actor, "_acting_as", ["bea"])
    show(pane, qtbot, "tailspintoys")
    edit = pane.account_tab.edit_button
    assert not edit.isEnabled() and edit.toolTip() == EDITORS
    qtbot.mouseClick(edit, LEFT)
    pane.account_tab.edit()  # asked directly too
    assert not pane.account_tab.is_editing()
    assert not pane.subscriptions_tab.add_button.isEnabled()
    assert all(not widget.isEnabled() for widget in subscription_widgets(pane))


def test_a_role_taken_away_meanwhile_is_refused_and_the_pane_follows(
    pane, qtbot, keyboard, prompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_team(pane._db, sam=PartnerRole.SALES_AGENT)
    monkeypatch.setattr(actor, "_acting_as", ["sam"])
    found = show(pane, qtbot, "tailspintoys")
    tab = pane.subscriptions_tab
    assert tab.suspend_button.isEnabled()
    start_edit(pane, qtbot)
    keyboard.replace(pane.account_tab.form.address.edits["city"], "Oakland")
    # Another workstation's Global admin takes sam's role away (sam stays listed, as Billing).
    record_team(pane._db, sam=PartnerRole.BILLING_ADMIN)

    click_save(pane, qtbot)
    account = pane.account_tab
    assert account.failure.text() == f"Nothing was saved: {EDITORS}"
    assert account.is_editing()  # what was typed stays
    assert account.form.address.edits["city"].text() == "Oakland"
    assert not account.edit_button.isEnabled()

    pane.tabs.setCurrentWidget(tab)
    prompts.answer("Suspend")
    qtbot.mouseClick(tab.suspend_button, LEFT)
    settled(qtbot)
    assert tab.notice.text() == f"Nothing was changed: {BUYERS}"
    assert not tab.suspend_button.isEnabled() and tab.suspend_button.toolTip() == BUYERS
    saved = get_customer(pane._db, found)
    assert saved.city == "San Francisco"
    assert saved.subscriptions[0].status is SubscriptionStatus.ACTIVE


# -- off the GUI thread -------------------------------------------------------------------------


def test_a_save_waiting_for_another_workstations_lock_keeps_the_window_alive(
    pane, qtbot, keyboard
) -> None:
    found = show(pane, qtbot, "tailspintoys")
    version = get_customer(pane._db, found).version
    start_edit(pane, qtbot)
    account = pane.account_tab
    keyboard.replace(account.form.address.edits["city"], "Oakland")

    # Another workstation holds SQLite's write lock, as a long save of its own would.
    other = sqlite3.connect(pane._db.engine.url.database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        ticks: list[int] = []
        heartbeat = QTimer(pane)
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(lambda: ticks.append(1))
        heartbeat.start()
        qtbot.mouseClick(account.save_button, LEFT)
        assert account.is_saving()
        assert not account.save_button.isEnabled()  # the form shows the save under way
        assert not account.form.isEnabled()
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # the GUI goes on running meanwhile
        assert account.is_saving()
        qtbot.mouseClick(account.save_button, LEFT)  # a second click: the button is disabled
        assert account.save() is False  # and asked directly, no second write starts
        assert len(runner().running()) == 1
    finally:
        other.rollback()
        other.close()
    settled(qtbot)
    heartbeat.stop()
    saved = get_customer(pane._db, found)
    assert (saved.city, saved.version) == ("Oakland", version + 1)  # written once
    assert texts(pane.history_tab.table, 2).count("Account changed") == 1
    assert not account.is_editing()
    assert account.save_button.isEnabled() and account.form.isEnabled()


def test_a_read_the_database_refuses_says_so_in_the_users_words(
    pane, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(db: Database, customer_id: int):
        with db.reading():  # what the driver says when another workstation holds a lock
            raise OperationalError(
                "SELECT customer.company_name FROM customer WHERE customer.id = ?",
                (customer_id,),
                sqlite3.OperationalError("database is locked"),
            )

    monkeypatch.setattr(pane_module, "get_customer", locked)
    found = customer_id(pane._db, "tailspintoys")
    pane.show_customer(found)
    settled(qtbot)
    assert pane.stack.currentWidget() is pane.empty
    shown = pane.empty.text()
    assert shown == translated(unavailable_message())
    for raw in ("SELECT", "sqlite3", "OperationalError", "database is locked", str(found)):
        assert raw not in shown
    assert pane.findChildren(QMessageBox) == []  # said in the pane, not in a dialog

    # Once the customer is shown, a history that cannot be read says so in its tab.
    monkeypatch.undo()
    monkeypatch.setattr(pane_module, "customer_history", locked)
    pane.show_customer(found)
    settled(qtbot)
    assert pane.stack.currentWidget() is pane.content
    assert "busy or cannot be reached" in pane.history_tab.problem.text()
    assert "SELECT" not in pane.history_tab.problem.text()
