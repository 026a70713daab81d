"""The Request a relationship dialog, driven as a user drives it, and its place in the main window."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pcdesk.errors import Unavailable
from pcdesk.models import PartnerRole, RequestStatus
from pcdesk.models.database import Database
from pcdesk.models.enums import PartnerType
from pcdesk.models.storage import unavailable_message
from pcdesk.services.audit import customer_history
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput, PartnerProfileInput
from pcdesk.services.partner import actor, roles
from pcdesk.services.partner.profile import (
    PartnerProfileData,
    get_partner_profile,
    set_partner_profile,
)
from pcdesk.services.relationships.invitation import MAILTO_MAX_LENGTH, paste_note
from pcdesk.services.relationships.requests import requests_for_customer
from pcdesk.views.common.changes import publisher
from pcdesk.views.common.operations import runner
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.history_words import entry_texts
from pcdesk.views.main_window import MainWindow
from pcdesk.views.relationships.request import dialog as dialog_module
from pcdesk.views.relationships.request.dialog import RequestRelationshipDialog
from tests.list_rows import row_of

LINK = (
    "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"
    "&partnerId=6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&msppId=0&DAP=false"
    "#/BillingAccounts/partner-invitation"
)

FABRIKAM = PartnerProfileInput(
    name="Fabrikam Cloud",
    tenant_id="6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
    partner_id="4847383",
    partner_type=PartnerType.DIRECT_BILL,
    domain="fabrikam-csp.com",
)


class Partner:
    def __init__(self, db: Database, us_id: int, tw_id: int) -> None:
        self.db = db
        self.us_id = us_id
        self.tw_id = tw_id

    @property
    def profile(self) -> PartnerProfileData:
        profile = get_partner_profile(self.db)
        assert profile is not None
        return profile


@pytest.fixture(autouse=True)
def clerk(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(actor, "_acting_as", ["mei"])
    return "mei"


@pytest.fixture
def partner(sqlite_db: Database, us_customer: CustomerInput, tw_customer: CustomerInput) -> Partner:
    set_partner_profile(sqlite_db, FABRIKAM)
    pending = AgreementInput(accepted=False)
    us = create_customer(sqlite_db, us_customer, pending)
    tw = create_customer(sqlite_db, tw_customer, pending)
    return Partner(sqlite_db, us.id, tw.id)


class Opened:
    """Stands in for the user's mail program: records the URLs handed to it."""

    def __init__(self, works: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.works = works

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.works


@pytest.fixture
def open_dialog(
    qtbot: QtBot, partner: Partner, settle: Callable[[], None]
) -> Callable[..., RequestRelationshipDialog]:
    def make(customer_id: int | None = None, *, works: bool = True) -> RequestRelationshipDialog:
        dialog = RequestRelationshipDialog(partner.db, partner.profile, customer_id)
        qtbot.addWidget(dialog)
        dialog.open_url = Opened(works)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        settle()  # the customer read
        return dialog

    return make


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click as a user does, then wait for what the click started (recording the request)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(runner().is_idle)


def decoded(url: QUrl) -> tuple[str, dict[str, list[str]]]:
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    parts = urlsplit(text)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, strict_parsing=True)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def select_in_body(dialog: RequestRelationshipDialog, text: str) -> None:
    found = dialog.body.document().find(text)
    assert not found.isNull()
    dialog.body.setTextCursor(found)
    dialog.body.setFocus()


def can_send(dialog: RequestRelationshipDialog) -> bool:
    return dialog.open_button.isEnabled() and dialog.copy_button.isEnabled()


def test_the_draft_for_a_customer_holds_the_partners_link_and_names_the_customer(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner
) -> None:
    dialog = open_dialog(partner.us_id)

    assert dialog.search.text() == "Contoso Pharmaceuticals"
    assert dialog.current_language() == "en"
    assert dialog.recipient.text() == "dana@contosopharma.com"  # the primary contact, editable
    assert dialog.subject.text() == (
        "Fabrikam Cloud invites Contoso Pharmaceuticals to a Microsoft reseller relationship"
    )
    assert dialog.body.toPlainText().count(LINK) == 1
    assert dialog.link_status.text() == "The invitation link is intact."
    assert can_send(dialog) and dialog.blocked.isHidden()


def test_a_taiwanese_customer_gets_the_chinese_draft(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner
) -> None:
    dialog = open_dialog(partner.tw_id)
    assert dialog.language.currentText() == "繁體中文 (台灣)"
    assert "台灣晶片設計股份有限公司" in dialog.subject.text()
    body = dialog.body.toPlainText()
    assert LINK in body and "全域管理員" in body and "Microsoft 365 系統管理中心" in body


def test_removing_the_link_blocks_open_and_copy_until_it_is_back(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.us_id)
    select_in_body(dialog, LINK)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Delete)

    assert LINK not in dialog.body.toPlainText()
    assert not dialog.open_button.isEnabled() and not dialog.copy_button.isEnabled()
    assert "link was removed" in dialog.link_status.text()
    assert dialog.link_status.is_error()
    assert dialog.blocked.isVisible()
    assert dialog.blocked.text() == (
        "Put the invitation link back in the text to open or copy the email."
    )
    assert dialog.open_button.toolTip() == dialog.blocked.text()
    click(qtbot, dialog.open_button)
    click(qtbot, dialog.copy_button)
    assert dialog.open_url.urls == []  # type: ignore[attr-defined]
    assert requests_for_customer(partner.db, partner.us_id) == ()

    assert dialog.insert_link_button.isVisible()
    click(qtbot, dialog.insert_link_button)
    assert dialog.body.toPlainText().count(LINK) == 1
    assert can_send(dialog)
    assert dialog.link_status.text() == "The invitation link is intact."
    assert dialog.blocked.isHidden() and dialog.insert_link_button.isHidden()


def test_altering_the_link_blocks_and_undoing_restores(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.us_id)
    select_in_body(dialog, "6a1b2c3d")
    qtbot.keyClicks(dialog.body, "6a1b2c3e")

    assert "link was altered" in dialog.link_status.text()
    assert not dialog.open_button.isEnabled() and not dialog.copy_button.isEnabled()

    qtbot.keyClick(dialog.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert LINK in dialog.body.toPlainText()
    assert can_send(dialog)


def test_open_records_the_request_and_hands_the_mail_program_the_email(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.us_id)
    with qtbot.waitSignal(dialog.recorded) as recorded:
        click(qtbot, dialog.open_button)

    [url] = dialog.open_url.urls  # type: ignore[attr-defined]
    recipient, fields = decoded(url)
    assert recipient == "dana@contosopharma.com"
    assert fields["subject"] == [dialog.subject.text()]
    assert fields["body"] == [dialog.body.toPlainText().replace("\n", "\r\n")]
    assert dialog.notice.text() == "The email is open in your mail program."

    [saved] = requests_for_customer(partner.db, partner.us_id)
    assert recorded.args == [saved]
    assert (saved.status, saved.created_by, saved.language) == (RequestStatus.PENDING, "mei", "en")
    assert dialog.recorded_label.isVisible()
    assert dialog.recorded_label.text().startswith("Request recorded as pending by mei on ")


def test_open_then_copy_records_one_request_and_copy_updates_it(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot, keyboard
) -> None:
    dialog = open_dialog(partner.us_id)
    click(qtbot, dialog.open_button)
    [first] = requests_for_customer(partner.db, partner.us_id)

    keyboard.replace(dialog.recipient, "it@contosopharma.com")
    click(qtbot, dialog.copy_button)

    [second] = requests_for_customer(partner.db, partner.us_id)
    assert second.id == first.id
    assert second.recipient_email == "it@contosopharma.com"
    assert clipboard() == f"{dialog.subject.text()}\n\n{dialog.body.toPlainText()}"
    assert "on the clipboard" in dialog.notice.text()


def test_a_long_chinese_email_goes_to_the_clipboard_with_a_note(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.tw_id)
    click(qtbot, dialog.open_button)

    [url] = dialog.open_url.urls  # type: ignore[attr-defined]
    encoded = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    assert len(encoded) <= MAILTO_MAX_LENGTH
    _, fields = decoded(url)
    assert fields["subject"] == [dialog.subject.text()]
    assert fields["body"] == [paste_note("zh-TW")]
    assert clipboard() == dialog.body.toPlainText()
    assert dialog.notice.text().startswith("The email is too long")
    assert "paste it into the message" in dialog.notice.text()
    assert len(requests_for_customer(partner.db, partner.tw_id)) == 1


def test_without_a_mail_program_the_email_is_copied_instead(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.us_id, works=False)
    click(qtbot, dialog.open_button)
    assert dialog.notice.is_error()
    assert "No mail program" in dialog.notice.text()
    assert clipboard() == f"{dialog.subject.text()}\n\n{dialog.body.toPlainText()}"


def test_without_a_mail_program_a_long_email_is_copied_whole(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    # Too long for a mailto URL: the clipboard once kept only the body, and the notice said
    # the subject was there too.
    dialog = open_dialog(partner.tw_id, works=False)
    click(qtbot, dialog.open_button)
    assert "Its subject and text are on the clipboard" in dialog.notice.text()
    assert clipboard() == f"{dialog.subject.text()}\n\n{dialog.body.toPlainText()}"


def test_a_prospect_is_not_sent_the_shown_customers_contact(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot, keyboard
) -> None:
    # Opened for the customer shown, then switched to a prospect: the recipient filled in from
    # the customer once stayed, so the prospect's invitation went to that customer's contact.
    dialog = open_dialog(partner.us_id)
    assert dialog.recipient.text() == "dana@contosopharma.com"
    click(qtbot, dialog.prospect_radio)
    assert dialog.recipient.text() == ""
    keyboard.type(dialog.prospect, "Fourth Coffee")
    click(qtbot, dialog.copy_button)
    assert dialog.request is not None and dialog.request.recipient_email == ""

    click(qtbot, dialog.existing_radio)  # back to the customer: its contact comes back
    assert dialog.recipient.text() == "dana@contosopharma.com"
    keyboard.replace(dialog.recipient, "it@contosopharma.com")
    click(qtbot, dialog.prospect_radio)  # what the user typed stays
    assert dialog.recipient.text() == "it@contosopharma.com"


def test_a_prospect_needs_a_company_name_and_is_recorded_by_it(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot, keyboard
) -> None:
    dialog = open_dialog()
    assert dialog.prospect_radio.isChecked() and dialog.prospect.isVisible()
    assert not can_send(dialog)
    assert dialog.blocked.text() == "Enter the prospect's company name to open or copy the email."

    keyboard.type(dialog.prospect, "Fourth Coffee")
    assert "Fourth Coffee" in dialog.subject.text()  # an untouched draft follows the name
    assert can_send(dialog)

    keyboard.type(dialog.recipient, "boss@")
    keyboard.leave(dialog.recipient)
    assert "not a valid email address" in dialog.recipient_message.text()
    assert not can_send(dialog)
    keyboard.type(dialog.recipient, "fourthcoffee.com")
    assert dialog.recipient_message.text() == ""
    assert can_send(dialog)

    click(qtbot, dialog.copy_button)
    assert dialog.request is not None
    assert (dialog.request.customer_id, dialog.request.prospect_company_name) == (
        None,
        "Fourth Coffee",
    )
    assert dialog.request.recipient_email == "boss@fourthcoffee.com"


def test_an_existing_customer_is_found_with_the_search_box(
    open_dialog: Callable[..., RequestRelationshipDialog],
    partner: Partner,
    qtbot: QtBot,
    keyboard,
    settle,
) -> None:
    dialog = open_dialog()
    click(qtbot, dialog.existing_radio)
    assert dialog.search.isVisible() and not dialog.prospect.isVisible()
    assert dialog.blocked.text() == "Choose the customer in the list to open or copy the email."

    keyboard.type(dialog.search, "晶片")
    qtbot.waitUntil(lambda: dialog.matches.isVisible() and dialog.matches.count() == 1)
    item = dialog.matches.item(0)
    assert item.text() == "台灣晶片設計股份有限公司 · twchip.onmicrosoft.com"
    rect = dialog.matches.visualItemRect(item)
    qtbot.mouseClick(dialog.matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()  # the customer picked is read

    assert dialog.search.text() == "台灣晶片設計股份有限公司"
    assert dialog.matches.isHidden()
    assert "twchip.onmicrosoft.com" in dialog.chosen.text()
    assert "台灣晶片設計股份有限公司" in dialog.subject.text()
    assert dialog.recipient.text() == "chen@twchip.com.tw"
    assert can_send(dialog)

    keyboard.type(dialog.search, "x")  # searching again drops the choice
    assert not can_send(dialog)


def test_switching_the_language_asks_before_replacing_edited_text(
    open_dialog: Callable[..., RequestRelationshipDialog],
    partner: Partner,
    qtbot: QtBot,
    keyboard,
    prompts,
) -> None:
    dialog = open_dialog(partner.us_id)
    prompts.answer("Keep my text", "Replace")
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    keyboard.type(dialog.body, "PS: call me.")
    edited = dialog.body.toPlainText()

    dialog.language.setCurrentIndex(dialog.language.findData("zh-TW"))  # keep my text
    (asked,) = prompts.asked
    assert asked.text == "You edited the email. Replace your text with a new draft?"
    assert sorted(asked.buttons) == ["Keep my text", "Replace"]
    assert asked.default == "Keep my text"
    assert dialog.current_language() == "en"
    assert dialog.body.toPlainText() == edited

    dialog.language.setCurrentIndex(dialog.language.findData("zh-TW"))  # replace it
    assert len(prompts.asked) == 2
    assert dialog.current_language() == "zh-TW"
    assert "全域管理員" in dialog.body.toPlainText()
    assert LINK in dialog.body.toPlainText()

    dialog.language.setCurrentIndex(dialog.language.findData("en"))  # untouched: no question
    assert len(prompts.asked) == 2
    assert dialog.body.toPlainText().startswith("Hello,")


# -- in the main window ---------------------------------------------------------------------------


def test_the_action_opens_the_dialog_for_the_shown_customer_and_the_list_shows_it_pending(
    qtbot: QtBot, partner: Partner, open_main_window: Callable[..., MainWindow], list_loaded
) -> None:
    window = open_main_window(partner.db)
    launcher = window.request_relationship
    assert window.request_relationship_action is launcher.action
    assert window.request_relationship_action.isEnabled()
    toolbar = window.findChild(type(window.addToolBar("x")), "customers_toolbar")
    assert launcher.action in toolbar.actions()

    row = row_of(qtbot, window, partner.tw_id)
    assert row is not None
    table = window.customer_table
    rect = table.visualRect(window.customer_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_customer_id() == partner.tw_id

    window.request_relationship_action.trigger()
    dialog = launcher.dialog
    assert dialog is not None and dialog.isVisible()
    list_loaded(window)  # the customer read for it
    assert dialog.search.text() == "台灣晶片設計股份有限公司"
    with qtbot.waitSignal(publisher().changed) as requested:
        click(qtbot, dialog.copy_button)
    assert requested.args[0].subject == partner.tw_id

    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("pending"))
    list_loaded(window)
    model = window.customer_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "台灣晶片設計股份有限公司"
    ]
    click(qtbot, dialog.done_button)
    qtbot.waitUntil(lambda: launcher.dialog is None)


def test_without_a_customer_shown_the_dialog_is_for_a_prospect(
    sqlite_db: Database, open_main_window: Callable[..., MainWindow]
) -> None:
    set_partner_profile(sqlite_db, FABRIKAM)  # no customers yet: nobody to show
    window = open_main_window(sqlite_db)
    assert window.selected_customer_id() is None
    window.request_relationship_action.trigger()
    dialog = window.request_relationship.dialog
    assert dialog is not None and dialog.prospect_radio.isChecked()
    assert (
        dialog.subject.text() == "Fabrikam Cloud invites you to a Microsoft reseller relationship"
    )


def test_a_role_that_may_not_request_finds_the_action_disabled_with_the_reason(
    partner: Partner, open_main_window: Callable[..., MainWindow]
) -> None:
    roles.set_team(
        partner.db,
        [
            roles.TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            roles.TeamMemberData("mei", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="boss",
    )
    window = open_main_window(partner.db)
    action = window.request_relationship_action
    reason = translated(roles.not_allowed_message(roles.Task.REQUEST_RELATIONSHIP))
    assert not action.isEnabled()
    assert action.toolTip() == reason and action.statusTip() == reason
    assert "Admin agent / Sales agent" in reason
    assert window.request_relationship.start() is None


def test_a_role_taken_away_while_the_dialog_is_open_is_refused_on_copy(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot
) -> None:
    dialog = open_dialog(partner.us_id)
    roles.set_team(
        partner.db,
        [
            roles.TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            roles.TeamMemberData("mei", frozenset({PartnerRole.BILLING_ADMIN})),
        ],
        actor="boss",
    )
    click(qtbot, dialog.copy_button)
    assert dialog.notice.is_error() and "Admin agent / Sales agent" in dialog.notice.text()
    assert requests_for_customer(partner.db, partner.us_id) == ()
    assert dialog.request is None and dialog.recorded_label.isHidden()


def test_an_indirect_reseller_may_request_relationships(
    partner: Partner, open_main_window: Callable[..., MainWindow]
) -> None:
    profile = partner.profile
    set_partner_profile(
        partner.db,
        PartnerProfileInput(
            name=profile.name,
            tenant_id=profile.tenant_id,
            partner_id=profile.partner_id,
            partner_type=PartnerType.INDIRECT_RESELLER,
        ),
    )
    window = open_main_window(partner.db)
    assert not window.add_customer.action.isEnabled()  # they cannot add customers...
    assert window.request_relationship_action.isEnabled()  # ...but may request relationships


def test_the_customers_history_tells_of_the_request_in_words(
    open_dialog: Callable[..., RequestRelationshipDialog], partner: Partner, qtbot: QtBot, keyboard
) -> None:
    dialog = open_dialog(partner.tw_id)
    click(qtbot, dialog.copy_button)
    keyboard.replace(dialog.recipient, "it@twchip.com.tw")
    click(qtbot, dialog.copy_button)

    newest_first = [entry_texts(entry) for entry in customer_history(partner.db, partner.tw_id)]
    assert newest_first[:2] == [
        ("Relationship request changed", "To it@twchip.com.tw, in Chinese (Traditional, Taiwan)"),
        ("Relationship requested", "To chen@twchip.com.tw, in Chinese (Traditional, Taiwan)"),
    ]


def test_open_and_copy_wait_for_the_request_to_be_recorded_and_record_it_once(
    open_dialog: Callable[..., RequestRelationshipDialog],
    partner: Partner,
    qtbot: QtBot,
    keyboard,
    settle,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entered, release = threading.Event(), threading.Event()
    record = dialog_module.record_request
    calls: list[object] = []

    def slow_record(*args, **kwargs):
        calls.append(args)
        entered.set()
        assert release.wait(10)
        return record(*args, **kwargs)

    monkeypatch.setattr(dialog_module, "record_request", slow_record)
    dialog = open_dialog(partner.us_id)
    try:
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(entered.is_set)
        assert not dialog.copy_button.isEnabled() and not dialog.open_button.isEnabled()
        keyboard.replace(dialog.recipient, "it@contosopharma.com")  # the checks run again
        assert not dialog.copy_button.isEnabled() and not dialog.open_button.isEnabled()
        dialog.open_in_email()  # Enter on a button, or a script: nothing more starts
        dialog.copy_to_clipboard()
    finally:
        release.set()
    settle()
    assert len(calls) == 1
    [saved] = requests_for_customer(partner.db, partner.us_id)
    assert saved.recipient_email == "dana@contosopharma.com"  # what was there on the click
    assert dialog.open_url.urls == []  # type: ignore[attr-defined]
    assert "on the clipboard" in dialog.notice.text()
    assert can_send(dialog)


def test_a_database_that_cannot_be_reached_is_said_beside_the_buttons(
    open_dialog: Callable[..., RequestRelationshipDialog],
    partner: Partner,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def locked(*_args, **_kwargs):
        raise Unavailable(unavailable_message())

    monkeypatch.setattr(dialog_module, "record_request", locked)
    dialog = open_dialog(partner.us_id)
    click(qtbot, dialog.open_button)
    assert dialog.notice.is_error()
    assert dialog.notice.text().startswith("The database is busy or cannot be reached.")
    assert dialog.open_url.urls == []  # type: ignore[attr-defined]
    assert dialog.request is None and dialog.recorded_label.isHidden()
    assert can_send(dialog)  # try again
