"""Customers > Request a relationship…: the invitation e-mail, opened in the mail program or copied.

A thin view over services.relationship_invitation (the link, the draft, the mailto URL) and
services.relationships (recording the request). One dialog is one request: opening or copying
records it the first time and updates it afterwards (an operation, off the GUI thread; Open and
Copy wait for it, disabled meanwhile). Whom it is for is one section (customer_section.py), the
e-mail another (invitation_section.py); the dialog redrafts the e-mail when the first changes,
checks both, and records.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import ConcurrentChange, NotFound, PcdeskError, ValidationFailed
from pcdesk.partner_center.connection import PartnerCenterConnection
from pcdesk.partner_center.relationships import request_link
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.relationships.invitation import (
    clipboard_text,
    default_language,
    invitation_link,
    mailto_url,
    paste_note,
)
from pcdesk.services.relationships.requests import (
    RelationshipRequestData,
    RequestInput,
    record_request,
    request_problems,
    update_request,
)
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation, runner
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.forms.account_summary import local_date_time
from pcdesk.views.relationships.request.customer_section import RequestCustomerSection
from pcdesk.views.relationships.request.invitation_section import InvitationTextSection


class RequestRelationshipDialog(QDialog):
    """``recorded(RelationshipRequestData)`` after the request is recorded or changed (and
    published: the customer it is for is shown)."""

    recorded = Signal(RelationshipRequestData)

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._profile = profile
        self.link = invitation_link(profile.tenant_id)
        self.request: RelationshipRequestData | None = None  # once opened or copied
        # Open's or Copy's recording of the request, while it runs.
        self._recording: Operation[RelationshipRequestData] | None = None
        # Replaced by tests: opens a URL in the user's programs, False when nothing took it.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.setWindowTitle(self.tr("Request a reseller relationship"))
        self._build()
        self._connect()
        self.resize(720, 580)
        if customer_id is not None:
            self.who.choose_customer(customer_id)
        else:
            self.prospect_radio.setChecked(True)
            # A prospect's language is not known: the draft starts in the interface's.
            self.text.set_language(default_language(QLocale().name()))
        if not self.text.has_draft():
            self._replace_draft()
        self._update_state()
        # Start where there is typing to do: the prospect's name, or whom to write to.
        (self.prospect if customer_id is None else self.recipient).setFocus()

    def use_partner_center_link(self, connection: PartnerCenterConnection) -> None:
        """Take the invitation link from Partner Center (GET /v1/customers/relationshiprequests)
        instead of the one built from the partner's tenant, which stays when it cannot answer."""
        self.link_source.setText(self.tr("Asking Partner Center for your invitation link…"))
        Operation(self, lambda: request_link(connection)).quiet().success(
            self._partner_center_link
        ).failure(self._partner_center_link_failed).run()

    def _partner_center_link(self, link: str) -> None:
        if not link:
            self._partner_center_link_failed(None)
            return
        old = self.link
        self.link = link
        self.text.link = link
        if not self.text.edited():
            self._replace_draft()
        elif old != link:
            self.text.replace_link(old, link)
        self.link_source.setText(self.tr("The invitation link is Partner Center's own."))

    def _partner_center_link_failed(self, _error: PcdeskError | None) -> bool:
        self.link_source.setText(
            self.tr(
                "Partner Center could not be asked for the link: the one made from your tenant "
                "ID is used."
            )
        )
        return True

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Send the customer your invitation link. A Global admin of the customer's "
                "tenant opens it and accepts in the Microsoft 365 admin center."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.link_source = QLabel(self)
        self.link_source.setObjectName("link_source")
        self.link_source.setWordWrap(True)

        self.who = who = RequestCustomerSection(self._db, self)
        self.text = text = InvitationTextSection(self.link, self._profile.name, self)
        # The fields by the names the checks below (and the tests) use.
        self.existing_radio, self.prospect_radio = who.existing_radio, who.prospect_radio
        self.search = who.customer_box.search
        self.matches = who.customer_box.matches
        self.chosen = who.customer_box.chosen
        self.prospect, self.prospect_message = who.prospect, who.prospect_message
        self.recipient, self.recipient_message = who.recipient, who.recipient_message
        self.language, self.subject, self.body = text.language, text.subject, text.body
        self.link_status, self.insert_link_button = text.link_status, text.insert_link_button

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        who.add_rows(form)
        text.add_rows(form)

        self.recorded_label = QLabel(self)
        self.recorded_label.setWordWrap(True)
        self.recorded_label.hide()
        self.notice = FieldMessage(self)  # what Open or Copy did, or why it failed
        self.blocked = QLabel(self)  # why Open and Copy are unavailable
        self.blocked.setWordWrap(True)

        # Partner Center's order: Open in email, Copy to clipboard, then Done.
        self.open_button = QPushButton(self.tr("&Open in email"), self)
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"), self)
        self.done_button = QPushButton(self.tr("&Done"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # Enter picks a match in the search box; it must not press a button as well.
        for button in (self.open_button, self.copy_button, self.done_button):
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.link_source)
        layout.addLayout(form, 1)
        layout.addWidget(self.recorded_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.blocked)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.who.mode_changed.connect(self._mode_changed)
        self.who.customer_picked.connect(self._customer_picked)
        self.who.changed.connect(self._update_state)
        self.prospect.textChanged.connect(self._prospect_changed)
        self.prospect.editingFinished.connect(lambda: self._show_field("prospect_company_name"))
        self.recipient.textChanged.connect(self._recipient_changed)
        self.recipient.editingFinished.connect(lambda: self._show_field("recipient_email"))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.subject.textChanged.connect(self._update_state)
        self.body.textChanged.connect(self._update_state)
        self.open_button.clicked.connect(self.open_in_email)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.done_button.clicked.connect(self.accept)

    def current_language(self) -> str:
        return self.text.current_language()

    # -- keeping the draft in step ------------------------------------------------------------
    def _mode_changed(self) -> None:
        self._redraft_asking()
        self._update_state()

    def _customer_picked(self, culture: str) -> None:
        # The customer's own language, unless the user has written in another already.
        if not self.text.edited():
            self.text.set_language(default_language(culture))
        self._redraft_asking()

    def _prospect_changed(self) -> None:
        if self.prospect_message.is_error():
            self._show_field("prospect_company_name")
        # Typing the prospect's name redrafts an untouched text; an edited one is left alone.
        if self.text.has_draft() and not self.text.edited():
            self._replace_draft()
        self._update_state()

    def _recipient_changed(self) -> None:
        if self.recipient_message.is_error():
            self._show_field("recipient_email")
        self._update_state()

    def _replace_draft(self) -> None:
        self.text.replace_draft(self.who.customer_name())
        self._update_state()

    def _redraft_asking(self) -> None:
        """The draft names the customer: redraft it, asking first if the user edited it."""
        if not self.text.has_draft():
            return
        if self.text.edited() and not self.confirm_replace():
            return
        self._replace_draft()

    def _language_changed(self) -> None:
        if self.text.edited() and not self.confirm_replace():
            # Keep the text and the language it is in.
            self.text.set_language(self.text.draft_language())
            return
        self._replace_draft()

    def confirm_replace(self) -> bool:
        """Whether to replace text the user edited with a new draft (Keep is the default)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the email text"))
        box.setText(self.tr("You edited the email. Replace your text with a new draft?"))
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep my text"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        answer = prompter().ask(box)
        box.deleteLater()
        return answer is not None and answer is replace

    # -- checking -----------------------------------------------------------------------------
    def current_input(self) -> RequestInput:
        return RequestInput(
            customer_id=self.who.customer_id(),
            prospect_company_name=self.prospect.text() if self.who.is_prospect() else "",
            recipient_email=self.recipient.text(),
            language=self.current_language(),
            subject=self.subject.text(),
            body=self.body.toPlainText(),
        )

    def _problems(self) -> dict[str, str]:
        return dict(
            request_problems(
                self.current_input(), link=self.link, partner_domain=self._profile.domain
            )
        )

    def _show_field(self, field: str) -> None:
        problem = self._problems().get(field)
        message = self._field_message(field)
        if problem:
            message.show_error(problem)
        else:
            message.clear()

    def _field_message(self, field: str) -> FieldMessage:
        if field == "customer":
            return self.who.name_message()
        return {
            "prospect_company_name": self.prospect_message,
            "recipient_email": self.recipient_message,
            "subject": self.text.subject_message,
            "body": self.link_status,
            "language": self.notice,
        }.get(field, self.notice)

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, problem in errors.items():
            self._field_message(field).show_error(problem)

    def blocked_reason(self) -> str:
        """Why Open and Copy are unavailable, or "" when they are not."""
        problems = self._problems()
        if "body" in problems:
            return self.tr("Put the invitation link back in the text to open or copy the email.")
        if "customer" in problems:
            if self.who.is_prospect():
                return self.tr("Enter the prospect's company name to open or copy the email.")
            return self.tr("Choose the customer in the list to open or copy the email.")
        if "prospect_company_name" in problems:
            return self.tr("Correct the prospect's company name to open or copy the email.")
        if "recipient_email" in problems:
            return self.tr("Correct the recipient's email address, or leave it empty.")
        if "subject" in problems:
            return self.tr("Enter a subject to open or copy the email.")
        if problems:
            return next(iter(problems.values()))
        return ""

    def _update_state(self) -> None:
        self.text.show_problems(self._problems())
        reason = self.blocked_reason()
        self.blocked.setText(reason)
        self.blocked.setVisible(bool(reason))
        for button in (self.open_button, self.copy_button):
            button.setEnabled(not reason and not self.is_recording())
        self.open_button.setToolTip(
            reason or self.tr("Open the email in your mail program, ready to send")
        )
        self.copy_button.setToolTip(
            reason or self.tr("Copy the subject and the text, to paste them where you write")
        )

    # -- open, copy ---------------------------------------------------------------------------
    def _record(self, then: Callable[[RequestInput], None]) -> None:
        """Record the request, or update it if this dialog recorded it already; ``then(data)``
        once it is, with what was recorded. Nothing starts while Open or Copy is recording."""
        if self.is_recording() or self.blocked_reason():
            return
        data = self.current_input()
        previous = self.request
        db = self._db

        def work() -> RelationshipRequestData:
            if previous is None:
                return record_request(db, data)
            return update_request(db, previous.id, data)

        def changes(saved: RelationshipRequestData) -> Changes:
            if saved == previous:
                return Changes()  # nothing new to show
            if saved.customer_id is not None:
                return Changes.of_subject(saved.customer_id, requests=True)
            return Changes(requests=True)

        def recorded(saved: RelationshipRequestData) -> None:
            self._done_recording()
            self.request = saved
            self._show_recorded()
            if saved != previous:
                self.recorded.emit(saved)
            then(data)

        self.notice.clear()
        self._recording = (
            Operation(self, work)
            .busy(self.open_button, self.copy_button)
            .success(recorded)
            .failure(self._not_recorded)
            .changes(changes)
            .run()
        )

    def is_recording(self) -> bool:
        return self._recording is not None and self._recording in runner().running()

    def _done_recording(self) -> None:
        self._recording = None
        self._update_state()  # the buttons as the text now allows

    def _not_recorded(self, failure: PcdeskError) -> bool:
        """Say why beside what the user typed, which stays."""
        self._done_recording()
        if isinstance(failure, ValidationFailed):
            self.show_errors(failure.errors)
        elif isinstance(failure, ConcurrentChange):
            self.request = None  # the next Open or Copy records a new request
            self.notice.show_error(
                translated(failure.message)
                + " "
                + self.tr("Open or copy again to record a new request.")
            )
            self._show_recorded()
        elif isinstance(failure, NotFound):
            self.request = None
            self.notice.show_error(
                self.tr(
                    "The request or your partner profile could not be found. Nothing was "
                    "recorded; try again."
                )
            )
            self._show_recorded()
        else:  # not allowed, the database unavailable...
            self.notice.show_error(translated(failure.message))
        return True

    def _show_recorded(self) -> None:
        request = self.request
        if request is None:
            self.recorded_label.hide()
            return
        self.recorded_label.setText(
            self.tr("Request recorded as pending by {who} on {when}.").format(
                who=request.created_by, when=local_date_time(request.created_at)
            )
        )
        self.recorded_label.show()

    def open_in_email(self) -> None:
        """Record the request, then open the e-mail in the user's mail program. A text too
        long for a mailto URL goes to the clipboard, and the user is told to paste it."""
        self._record(self._open_mail)

    def _open_mail(self, data: RequestInput) -> None:
        mailto = mailto_url(
            data.recipient_email,
            data.subject,
            data.body,
            placeholder=paste_note(data.language),
        )
        if not mailto.complete:
            QGuiApplication.clipboard().setText(mailto.paste_text)
        opened = self.open_url(QUrl(mailto.url, QUrl.ParsingMode.StrictMode))
        if not opened:
            # The whole e-mail, even if only part of it went to the clipboard above.
            QGuiApplication.clipboard().setText(clipboard_text(data.subject, data.body))
            self.notice.show_error(
                self.tr(
                    "No mail program opened the email. Its subject and text are on the "
                    "clipboard: paste them into a new message."
                )
            )
        elif mailto.complete:
            self.notice.show_ok(self.tr("The email is open in your mail program."))
        else:
            self.notice.show_warning(
                self.tr(
                    "The email is too long to hand to your mail program whole, so its text is "
                    "on the clipboard: paste it into the message, replacing the note there."
                )
            )

    def copy_to_clipboard(self) -> None:
        """Record the request, then copy the subject and the text."""
        self._record(self._copy)

    def _copy(self, data: RequestInput) -> None:
        QGuiApplication.clipboard().setText(clipboard_text(data.subject, data.body))
        self.notice.show_ok(
            self.tr("The subject and the text are on the clipboard: paste them into an email.")
        )
