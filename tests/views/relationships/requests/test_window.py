"""Customers > Relationship requests…: the list with status and age, Mark accepted through its
dialog, Cancel request, and the customer shown in the main window afterwards."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from pcdesk.errors import Unavailable
from pcdesk.models import Customer, Relationship, RelationshipRequest, RequestStatus
from pcdesk.models.database import Database
from pcdesk.models.storage import unavailable_message
from pcdesk.services.audit import customer_history
from pcdesk.services.changes import Changes
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import get_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.relationships import acceptance as relationship_acceptance
from pcdesk.services.relationships.sent import cancel_request
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.detail.history_words import entry_texts
from pcdesk.views.relationships.requests import accept_dialog as accept_module
from pcdesk.views.relationships.requests import window as window_module
from pcdesk.views.relationships.requests.accept_dialog import AcceptRequestDialog
from pcdesk.views.relationships.requests.model import (
    AGE,
    COMPANY,
    LANGUAGE,
    RECIPIENT,
    REQUESTED_BY,
    REQUESTED_ON,
    STATUS,
)
from pcdesk.views.relationships.requests.window import RelationshipRequestsWindow

TODAY = dt.date(2025, 5, 10)
FABRIKAM_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def noon(day: int) -> dt.datetime:
    """Noon UTC: the same calendar day in every time zone the tests may run in."""
    return dt.datetime(2025, 5, day, 12, tzinfo=dt.UTC)


def add_request(db: Database, **values: Any) -> int:
    with db.session_factory.begin() as session:
        row = RelationshipRequest(
            subject="Reseller relationship",
            body="Please accept: https://admin.microsoft.com/",
            link="https://admin.microsoft.com/",
            created_by=values.pop("created_by", "ana"),
            **values,
        )
        session.add(row)
        session.flush()
        return row.id


def customer_count(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def status_of(db: Database, request_id: int) -> RequestStatus:
    with db.session_factory() as session:
        return session.get_one(RelationshipRequest, request_id).status


def column(window: RelationshipRequestsWindow, index: int) -> list[str]:
    model = window.model
    return [model.index(row, index).data() for row in range(model.rowCount())]


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click as a user does, then wait for what the click started (a read, a write)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(runner().is_idle)


def show_status(qtbot: QtBot, window: RelationshipRequestsWindow, status: str) -> None:
    window.status_filter.setCurrentIndex(window.status_filter.findText(status))
    qtbot.waitUntil(runner().is_idle)


def click_row(qtbot: QtBot, window: RelationshipRequestsWindow, text: str) -> None:
    row = column(window, COMPANY).index(text)
    rect = window.table.visualRect(window.model.index(row, COMPANY))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def contoso(db: Database, us_customer: CustomerInput) -> int:
    return create_customer(db, us_customer, AgreementInput(accepted=False)).id


@pytest.fixture
def requests(db: Database, contoso: int) -> dict[str, int]:
    return {
        "fabrikam": add_request(
            db,
            prospect_company_name="Fabrikam, Inc.",
            recipient_email="it@fabrikam.com",
            language="en-US",
            created_at=noon(7),
        ),
        "contoso": add_request(
            db,
            customer_id=contoso,
            recipient_email="dana@contosopharma.com",
            language="zh-TW",
            created_at=noon(10),
            created_by="bo",
        ),
        "accepted": add_request(
            db,
            prospect_company_name="Northwind",
            created_at=noon(1),
            status=RequestStatus.ACCEPTED,
            accepted_at=noon(2),
        ),
    }


@pytest.fixture
def window(qtbot: QtBot, db: Database, requests: dict[str, int]) -> RelationshipRequestsWindow:
    shown = RelationshipRequestsWindow(db, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    qtbot.waitUntil(runner().is_idle)  # the requests read
    return shown


def open_accept_dialog(
    qtbot: QtBot, window: RelationshipRequestsWindow, company: str
) -> AcceptRequestDialog:
    click_row(qtbot, window, company)
    click(qtbot, window.accept_button)
    dialog = window.accept_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # typing, and leaving a field, need focus
    return dialog


# -- the list -------------------------------------------------------------------------------------


def test_the_window_lists_pending_requests_with_their_age(
    window: RelationshipRequestsWindow, qtmodeltester: Any
) -> None:
    assert window.windowTitle() == "Relationship requests"
    assert window.status_filter.currentText() == "Pending"
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals", "Fabrikam, Inc. (prospect)"]
    assert column(window, RECIPIENT) == ["dana@contosopharma.com", "it@fabrikam.com"]
    assert column(window, LANGUAGE) == [
        "Chinese (Traditional, Taiwan)",
        "English (United States)",
    ]
    assert column(window, REQUESTED_BY) == ["bo", "ana"]
    assert column(window, REQUESTED_ON) == ["5/10/2025", "5/7/2025"]
    assert column(window, AGE) == ["today", "3 days"]
    assert column(window, STATUS) == ["Pending", "Pending"]
    assert window.count_label.text() == "2 requests"
    qtmodeltester.check(window.model)


def test_the_status_filter_and_sorting(
    window: RelationshipRequestsWindow, qtbot: QtBot, db: Database
) -> None:
    show_status(qtbot, window, "All")
    assert column(window, COMPANY) == [
        "Contoso Pharmaceuticals",
        "Fabrikam, Inc. (prospect)",
        "Northwind (prospect)",
    ]
    assert column(window, AGE) == ["today", "3 days", "9 days"]
    assert column(window, STATUS) == ["Pending", "Pending", "Accepted"]

    def click_header(section: int) -> None:
        header = window.table.horizontalHeader()
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )

    click_header(AGE)  # youngest first
    assert column(window, AGE) == ["today", "3 days", "9 days"]
    click_header(AGE)
    assert column(window, AGE) == ["9 days", "3 days", "today"]
    click_header(REQUESTED_BY)
    assert column(window, REQUESTED_BY) == ["ana", "ana", "bo"]
    window.table.sortByColumn(COMPANY, Qt.SortOrder.DescendingOrder)
    assert column(window, COMPANY)[0] == "Northwind (prospect)"

    show_status(qtbot, window, "Accepted")
    assert column(window, COMPANY) == ["Northwind (prospect)"]
    show_status(qtbot, window, "Cancelled")
    assert window.model.rowCount() == 0
    assert window.empty.isVisible()
    assert window.count_label.text() == ""


def test_actions_are_disabled_with_the_reason_for_a_request_no_longer_pending(
    window: RelationshipRequestsWindow, qtbot: QtBot
) -> None:
    click_row(qtbot, window, "Fabrikam, Inc. (prospect)")
    assert window.accept_button.isEnabled() and window.cancel_button.isEnabled()
    assert not window.reason.isVisible()

    show_status(qtbot, window, "All")
    click_row(qtbot, window, "Northwind (prospect)")

    assert not window.accept_button.isEnabled()
    assert not window.cancel_button.isEnabled()
    assert window.reason.text() == "This request was marked accepted on 5/2/2025."
    assert window.accept_button.toolTip() == window.reason.text()
    assert window.mark_accepted() is None  # double-click or a script: nothing happens


def test_enter_or_a_double_click_on_a_pending_request_opens_mark_accepted(
    window: RelationshipRequestsWindow, qtbot: QtBot, requests: dict[str, int]
) -> None:
    click_row(qtbot, window, "Fabrikam, Inc. (prospect)")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.accept_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.request.id == requests["fabrikam"]
    dialog.reject()
    qtbot.waitUntil(lambda: window.accept_dialog is None)

    row = column(window, COMPANY).index("Contoso Pharmaceuticals")
    rect = window.table.visualRect(window.model.index(row, COMPANY))
    # QTest sends only the double-click event: the click is its first half.
    click_row(qtbot, window, "Contoso Pharmaceuticals")
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.accept_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.request.id == requests["contoso"]
    opened = [d for d in window.findChildren(AcceptRequestDialog) if d.isVisible()]
    assert opened == [dialog]  # one dialog, not one per signal
    dialog.reject()
    qtbot.waitUntil(lambda: window.accept_dialog is None)

    # Enter on a request no longer pending opens nothing: the reason is already shown.
    show_status(qtbot, window, "All")
    click_row(qtbot, window, "Northwind (prospect)")
    qtbot.keyClick(window.table, Qt.Key.Key_Enter)
    assert window.accept_dialog is None


# -- Mark accepted --------------------------------------------------------------------------------


def test_mark_accepted_adds_the_prospect_and_updates_the_table(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    keyboard: Any,
    db: Database,
    requests: dict[str, int],
) -> None:
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    assert dialog.company.text() == "Fabrikam, Inc. (prospect)"
    assert dialog.microsoft_id.text() == dialog.domain.text() == ""  # a prospect: nothing known
    qtbot.waitUntil(dialog.microsoft_id.hasFocus)

    keyboard.type(dialog.microsoft_id, FABRIKAM_ID.upper())
    keyboard.type(dialog.domain, "fabrikam.onmicrosoft.com")
    with qtbot.waitSignal(publisher().changed) as written:
        click(qtbot, dialog.accept_button)

    customer_id = written.args[0].subject
    customer = get_customer(db, customer_id)
    assert (customer.company_name, customer.microsoft_id, customer.domain_prefix) == (
        "Fabrikam, Inc.",
        FABRIKAM_ID,
        "fabrikam",
    )
    assert customer.relationship is Relationship.RESELLER
    assert customer_count(db) == 2
    assert status_of(db, requests["fabrikam"]) is RequestStatus.ACCEPTED
    assert window.accept_dialog is None  # closed
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals"]  # no longer pending
    assert window.notice.text() == "Fabrikam, Inc. accepted and was added to your customers."
    show_status(qtbot, window, "Accepted")
    assert column(window, COMPANY) == ["Fabrikam, Inc.", "Northwind (prospect)"]


def test_invalid_input_shows_a_message_next_to_the_field_and_keeps_the_text(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    keyboard: Any,
    db: Database,
    contoso: int,
    requests: dict[str, int],
) -> None:
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    keyboard.type(dialog.microsoft_id, "12345")
    keyboard.leave(dialog.microsoft_id)  # checked on leaving the field
    assert dialog.messages["microsoft_id"].text().startswith("“12345” is not a Microsoft ID")
    assert dialog.messages["domain_prefix"].text() == ""  # not typed in yet

    keyboard.type(dialog.domain, "fabrikam.com")
    click(qtbot, dialog.accept_button)

    assert dialog.isVisible()
    assert dialog.messages["microsoft_id"].is_error()
    assert "ending in .onmicrosoft.com" in dialog.messages["domain_prefix"].text()
    assert dialog.microsoft_id.text() == "12345"
    assert dialog.domain.text() == "fabrikam.com"

    # Valid, but the Microsoft ID is Contoso's, whose domain differs: the database refuses.
    contoso_id = get_customer(db, contoso).microsoft_id
    keyboard.replace(dialog.microsoft_id, contoso_id)
    keyboard.replace(dialog.domain, "fabrikam")
    click(qtbot, dialog.accept_button)

    assert dialog.isVisible()
    assert dialog.messages["microsoft_id"].text() == ""
    assert "Contoso Pharmaceuticals" in dialog.messages["domain_prefix"].text()
    assert (dialog.microsoft_id.text(), dialog.domain.text()) == (contoso_id, "fabrikam")
    assert customer_count(db) == 1
    assert status_of(db, requests["fabrikam"]) is RequestStatus.PENDING


def test_an_existing_customers_values_are_prefilled_and_it_is_linked(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    contoso: int,
    requests: dict[str, int],
) -> None:
    with db.session_factory.begin() as session:
        session.get_one(Customer, contoso).relationship = Relationship.NONE  # a former customer
    dialog = open_accept_dialog(qtbot, window, "Contoso Pharmaceuticals")
    assert dialog.microsoft_id.text() == get_customer(db, contoso).microsoft_id
    assert dialog.domain.text() == "contosopharma"

    with qtbot.waitSignal(publisher().changed) as written:
        click(qtbot, dialog.accept_button)

    assert written.args[0].subject == contoso
    assert get_customer(db, contoso).relationship is Relationship.RESELLER
    assert customer_count(db) == 1
    assert window.notice.text() == "Contoso Pharmaceuticals accepted: you are its reseller."


def test_the_customers_other_pending_requests_leave_the_list_with_the_accepted_one(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    contoso: int,
    requests: dict[str, int],
) -> None:
    again = add_request(
        db,
        customer_id=contoso,
        recipient_email="cio@contosopharma.com",
        language="en-US",
        created_at=noon(8),
    )
    window.refresh()
    qtbot.waitUntil(runner().is_idle)
    assert column(window, COMPANY).count("Contoso Pharmaceuticals") == 2
    dialog = open_accept_dialog(qtbot, window, "Contoso Pharmaceuticals")
    with qtbot.waitSignal(publisher().changed):
        click(qtbot, dialog.accept_button)

    assert column(window, COMPANY) == ["Fabrikam, Inc. (prospect)"]
    assert status_of(db, again) is RequestStatus.ACCEPTED
    what, details = entry_texts(customer_history(db, contoso)[0])
    assert (what, details) == (
        "Other relationship requests accepted",
        "1 other pending request: the customer accepted the same invitation",
    )


def test_a_customer_saved_elsewhere_meanwhile_can_be_accepted_again(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    contoso: int,
    requests: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with db.session_factory.begin() as session:
        session.get_one(Customer, contoso).relationship = Relationship.NONE
    dialog = open_accept_dialog(qtbot, window, "Contoso Pharmaceuticals")
    look_up = relationship_acceptance.matching_customer

    def then_saved_elsewhere(session: Any, *args: Any) -> Customer | None:
        found = look_up(session, *args)
        session.execute(  # another workstation's save, between this read and the write
            update(Customer)
            .where(Customer.id == contoso)
            .values(version=Customer.version + 1)
            .execution_options(synchronize_session=False)
        )
        return found

    monkeypatch.setattr(relationship_acceptance, "matching_customer", then_saved_elsewhere)
    click(qtbot, dialog.accept_button)
    assert dialog.isVisible()
    assert dialog.failure.text() == (
        "Another workstation changed this customer at the same moment. Nothing was recorded: "
        "mark the request accepted again."
    )
    assert dialog.accept_button.isEnabled()  # the request is still pending
    assert status_of(db, requests["contoso"]) is RequestStatus.PENDING

    monkeypatch.undo()
    with qtbot.waitSignal(publisher().changed):
        click(qtbot, dialog.accept_button)
    assert get_customer(db, contoso).relationship is Relationship.RESELLER


def test_a_request_closed_elsewhere_meanwhile_is_said_so(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    keyboard: Any,
    db: Database,
    requests: dict[str, int],
) -> None:
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    cancel_request(db, requests["fabrikam"], actor="someone else")
    keyboard.type(dialog.microsoft_id, FABRIKAM_ID)
    keyboard.type(dialog.domain, "fabrikam")

    click(qtbot, dialog.accept_button)

    assert dialog.isVisible()
    assert "cancelled" in dialog.failure.text()
    assert not dialog.accept_button.isEnabled()
    assert dialog.microsoft_id.text() == FABRIKAM_ID
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals"]  # the list was read again
    assert customer_count(db) == 1


def test_a_refusal_message_is_shown_whole(
    window: RelationshipRequestsWindow, qtbot: QtBot, keyboard: Any, db: Database, contoso: int
) -> None:
    # A message of two lines once squeezed the rows and was cut: the dialog did not grow.
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    before = dialog.height()
    keyboard.type(dialog.microsoft_id, FABRIKAM_ID)
    keyboard.type(dialog.domain, "contosopharma")  # Contoso's domain, with another ID
    click(qtbot, dialog.accept_button)

    assert "contosopharma.onmicrosoft.com is the initial domain of Contoso" in (
        dialog.messages["microsoft_id"].text()
    )
    layout = dialog.layout()
    assert layout is not None
    qtbot.waitUntil(lambda: dialog.height() >= layout.totalHeightForWidth(dialog.width()))
    assert dialog.height() > before


# -- Cancel request -------------------------------------------------------------------------------


def test_cancel_request_asks_first(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    requests: dict[str, int],
    prompts: Any,
) -> None:
    click_row(qtbot, window, "Fabrikam, Inc. (prospect)")
    prompts.answer("Keep it", None, "Cancel request")  # None: the box closed (Escape)
    click(qtbot, window.cancel_button)
    (asked,) = prompts.asked
    assert asked.title == "Cancel request"
    assert asked.text == "Cancel the relationship request to Fabrikam, Inc.?"
    assert "cannot be called back" in asked.informative
    assert sorted(asked.buttons) == ["Cancel request", "Keep it"]
    assert asked.default == "Keep it"
    assert status_of(db, requests["fabrikam"]) is RequestStatus.PENDING
    click(qtbot, window.cancel_button)
    assert status_of(db, requests["fabrikam"]) is RequestStatus.PENDING

    click(qtbot, window.cancel_button)
    assert status_of(db, requests["fabrikam"]) is RequestStatus.CANCELLED
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals"]
    assert window.notice.text() == "The request to Fabrikam, Inc. is cancelled."


# -- from the main window -------------------------------------------------------------------------


def test_the_menu_opens_the_window_and_an_accepted_customer_shows_in_the_main_window(
    qtbot: QtBot, demo_db: Database, keyboard: Any, list_loaded: Any, open_main_window: Any
) -> None:
    add_request(demo_db, prospect_company_name="Fabrikam, Inc.", created_at=noon(7))
    main = open_main_window(demo_db)

    customers_menu = next(
        action.menu() for action in main.menuBar().actions() if action.text() == "&Customers"
    )
    actions = [action for action in customers_menu.actions() if action.text()]
    position = actions.index(main.request_relationship_action)
    assert actions[position + 1] is main.relationship_requests.action
    assert actions[position + 1].text() == "Relationship re&quests…"
    assert actions[position + 1].isEnabled()

    main.relationship_requests.action.trigger()
    window = main.relationship_requests.requests_window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    qtbot.waitUntil(runner().is_idle)  # the requests read
    assert not window.isModal()
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    keyboard.type(dialog.microsoft_id, FABRIKAM_ID)
    keyboard.type(dialog.domain, "fabrikam")
    with qtbot.waitSignal(publisher().changed) as written:
        click(qtbot, dialog.accept_button)

    customer_id = written.args[0].subject
    qtbot.waitUntil(lambda: main.detail_pane.current_id == customer_id)
    list_loaded(main)
    pane = main.detail_pane
    assert pane.header.company.text() == "Fabrikam, Inc."
    assert pane.header.domain.full_text() == "fabrikam.onmicrosoft.com"
    summary = pane.account_tab.summary.text()
    assert "Not known yet: Edit to add it" in summary
    assert "Reseller" in summary
    assert main.customer_table.current_customer_id() == customer_id
    history = [entry_texts(entry) for entry in customer_history(demo_db, customer_id)]
    assert history == [
        (
            "Relationship request accepted",
            f"fabrikam.onmicrosoft.com, {FABRIKAM_ID}; customer added",
        ),
        (
            "Customer added",
            "Fabrikam, Inc., fabrikam.onmicrosoft.com; agreement pending; from an accepted "
            "relationship request",
        ),
    ]
    # Its country/region is not known yet: Edit lets it be chosen (once).
    pane.account_tab.edit()
    list_loaded(main)  # Edit reads the resellers first, off the GUI thread
    assert pane.account_tab.form.country.isEnabled()


def test_cancelling_a_customers_request_updates_the_customer_shown(
    qtbot: QtBot, demo_db: Database, list_loaded: Any, prompts: Any, open_main_window: Any
) -> None:
    # The main window once kept showing the request as pending after it was cancelled.
    with demo_db.session_factory() as session:
        alpine = session.scalars(
            select(Customer.id).where(Customer.company_name == "Alpine Ski House")
        ).one()
    add_request(demo_db, customer_id=alpine, created_at=noon(7))
    main = open_main_window(demo_db)
    publisher().publish(Changes.of_subject(alpine))
    requests_table = main.detail_pane.relationship_tab.requests
    qtbot.waitUntil(lambda: requests_table.rowCount() == 1)
    assert requests_table.item(0, 3).text() == "Pending"

    window = main.relationship_requests.show_window()
    list_loaded(main)
    click_row(qtbot, window, "Alpine Ski House")
    prompts.answer("Cancel request")
    with qtbot.waitSignal(publisher().changed):
        click(qtbot, window.cancel_button)
    list_loaded(main)

    qtbot.waitUntil(lambda: requests_table.item(0, 3).text() == "Cancelled")  # read again
    assert main.detail_pane.current_id == alpine


# -- operations -----------------------------------------------------------------------------------


class Gate:
    """Holds a service call on its worker thread until released (only the calls ``holds``
    picks), counting the calls."""

    def __init__(self, call: Any, holds: Any = lambda *_args, **_kwargs: True) -> None:
        self.call = call
        self.holds = holds
        self.calls = 0
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.holds(*args, **kwargs):
            self.entered.set()
            assert self.release.wait(10)
        return self.call(*args, **kwargs)


def test_while_a_request_is_cancelled_its_buttons_wait_and_no_second_cancel_starts(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    requests: dict[str, int],
    prompts: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(window_module.cancel_request)
    monkeypatch.setattr(window_module, "cancel_request", gate)
    click_row(qtbot, window, "Fabrikam, Inc. (prospect)")
    prompts.answer("Cancel request")
    try:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.entered.is_set)
        assert not window.cancel_button.isEnabled() and not window.accept_button.isEnabled()
        click_row(qtbot, window, "Contoso Pharmaceuticals")  # another row: still waiting
        assert not window.cancel_button.isEnabled() and not window.accept_button.isEnabled()
        window.ask_cancel()
        assert window.mark_accepted() is None
    finally:
        gate.release.set()
    qtbot.waitUntil(runner().is_idle)
    assert gate.calls == 1 and len(prompts.asked) == 1
    assert status_of(db, requests["fabrikam"]) is RequestStatus.CANCELLED
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals"]
    assert window.cancel_button.isEnabled() and window.accept_button.isEnabled()


def test_a_database_that_cannot_be_reached_is_said_and_the_request_stays(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    db: Database,
    requests: dict[str, int],
    prompts: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def locked(*_args: Any, **_kwargs: Any) -> None:
        raise Unavailable(unavailable_message())

    monkeypatch.setattr(window_module, "cancel_request", locked)
    click_row(qtbot, window, "Fabrikam, Inc. (prospect)")
    prompts.answer("Cancel request")
    click(qtbot, window.cancel_button)
    assert window.notice.is_error()
    assert window.notice.text().startswith("The database is busy or cannot be reached.")
    assert status_of(db, requests["fabrikam"]) is RequestStatus.PENDING
    assert window.cancel_button.isEnabled()  # try again


def test_an_answer_for_a_filter_no_longer_shown_is_ignored(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(
        window_module.list_requests,
        holds=lambda *_args, status=None: status is RequestStatus.PENDING,
    )
    monkeypatch.setattr(window_module, "list_requests", gate)
    try:
        window.refresh()  # the pending ones, slow to come
        qtbot.waitUntil(gate.entered.is_set)
        window.status_filter.setCurrentIndex(window.status_filter.findText("All"))
        qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    finally:
        gate.release.set()
    qtbot.waitUntil(runner().is_idle)
    assert column(window, STATUS) == ["Pending", "Pending", "Accepted"]  # not the late answer


def test_while_mark_accepted_writes_its_dialog_waits(
    window: RelationshipRequestsWindow,
    qtbot: QtBot,
    keyboard: Any,
    db: Database,
    requests: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = Gate(accept_module.accept_request)
    monkeypatch.setattr(accept_module, "accept_request", gate)
    dialog = open_accept_dialog(qtbot, window, "Fabrikam, Inc. (prospect)")
    keyboard.type(dialog.microsoft_id, FABRIKAM_ID)
    keyboard.type(dialog.domain, "fabrikam")
    try:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate.entered.is_set)
        assert not dialog.accept_button.isEnabled()
        dialog.save()  # Enter again: nothing more starts
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nor does the dialog go away meanwhile
        assert dialog.isVisible()
    finally:
        gate.release.set()
    qtbot.waitUntil(lambda: window.accept_dialog is None)
    qtbot.waitUntil(runner().is_idle)
    assert gate.calls == 1
    assert status_of(db, requests["fabrikam"]) is RequestStatus.ACCEPTED
    assert column(window, COMPANY) == ["Contoso Pharmaceuticals"]


def test_a_request_recorded_elsewhere_in_pcdesk_shows_at_once(
    window: RelationshipRequestsWindow, qtbot: QtBot, db: Database
) -> None:
    add_request(db, prospect_company_name="Tailspin Toys", created_at=noon(9))
    publisher().publish(Changes(requests=True))  # as Request a relationship… does
    qtbot.waitUntil(lambda: "Tailspin Toys (prospect)" in column(window, COMPANY))
    assert window.count_label.text() == "3 requests"
