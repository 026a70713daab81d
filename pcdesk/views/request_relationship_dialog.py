"""Customers > Request a relationship…: the invitation e-mail, opened in the mail program or copied.

A thin view over services.relationship_invitation (the link, the draft, the mailto URL) and
services.relationships (recording the request). One dialog is one request: opening or copying
records it the first time and updates it afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.models.database import Database
from pcdesk.models.enums import Relationship, RequestStatus
from pcdesk.services.customer_details import get_customer
from pcdesk.services.messages import (
    ConcurrentChange,
    NotAllowed,
    NotFound,
    Unavailable,
    ValidationFailed,
)
from pcdesk.services.partner import PartnerProfileData
from pcdesk.services.relationship_invitation import (
    ENGLISH,
    TRADITIONAL_CHINESE,
    InvitationDraft,
    clipboard_text,
    default_language,
    invitation_draft,
    invitation_link,
    mailto_url,
    paste_note,
)
from pcdesk.services.relationships import (
    RelationshipRequestData,
    RequestInput,
    record_request,
    request_problems,
    requests_for_customer,
    update_request,
)
from pcdesk.views.account_summary import local_date_time
from pcdesk.views.customer_search_box import CustomerSearchBox
from pcdesk.views.field_message import FieldMessage
from pcdesk.views.translate import translated

# Each language names itself, so it can be found whatever the interface language.
LANGUAGE_NAMES = ((ENGLISH, "English"), (TRADITIONAL_CHINESE, "繁體中文 (台灣)"))

EXISTING, PROSPECT = 0, 1  # the ids of the two radio buttons


class RequestRelationshipDialog(QDialog):
    """``recorded(RelationshipRequestData)`` after the request is recorded or changed."""

    recorded = Signal(object)

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
        self._customer_id: int | None = None
        self._customer_name = ""
        self._prefilled_recipient = ""  # what was filled in for the user, to tell it from typing
        self._customer_contact = ""  # the chosen customer's primary contact
        self._draft: InvitationDraft | None = None  # the text as last drafted, to see edits
        # Replaced by tests: opens a URL in the user's programs, False when nothing took it.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.setWindowTitle(self.tr("Request a reseller relationship"))
        self._build()
        self._connect()
        self.resize(720, 580)
        if customer_id is not None:
            self.choose_customer(customer_id)
        else:
            self.prospect_radio.setChecked(True)
            # A prospect's language is not known: the draft starts in the interface's.
            with QSignalBlocker(self.language):
                self.language.setCurrentIndex(
                    self.language.findData(default_language(QLocale().name()))
                )
        if self._draft is None:
            self._replace_draft()
        self._update_state()
        # Start where there is typing to do: the prospect's name, or whom to write to.
        (self.prospect if customer_id is None else self.recipient).setFocus()

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

        self.existing_radio = QRadioButton(self.tr("An e&xisting customer"), self)
        self.prospect_radio = QRadioButton(self.tr("A new &prospect"), self)
        self.existing_radio.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.existing_radio, EXISTING)
        self._modes.addButton(self.prospect_radio, PROSPECT)
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.addWidget(self.existing_radio)
        modes.addWidget(self.prospect_radio)
        modes.addStretch(1)

        # An existing customer, searched for as the list searches.
        self.customer_box = CustomerSearchBox(self._db, self)
        self.search = self.customer_box.search
        self.matches = self.customer_box.matches
        self.chosen = self.customer_box.chosen
        self.customer_message = self.customer_box.message

        # A prospect: not a customer yet, named by company.
        self.prospect = QLineEdit(self)
        self.prospect.setPlaceholderText(self.tr("The prospect's company name"))
        self.prospect_message = FieldMessage(self)
        self.prospect_page = prospect_page = QWidget(self)
        prospect_layout = QVBoxLayout(prospect_page)
        prospect_layout.setContentsMargins(0, 0, 0, 0)
        prospect_layout.addWidget(self.prospect)
        prospect_layout.addWidget(self.prospect_message)
        prospect_page.hide()

        # One of the two is shown; a hidden one takes no room (as a stacked widget's would).
        who = QWidget(self)
        who_layout = QVBoxLayout(who)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.customer_box)
        who_layout.addWidget(prospect_page)

        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText(
            self.tr("Optional: the customer's Global admin, for example admin@contoso.com")
        )
        self.recipient_message = FieldMessage(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.subject = QLineEdit(self)
        self.subject_message = FieldMessage(self)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("E-mail text"))
        self.link_status = FieldMessage(self)
        self.insert_link_button = QPushButton(self.tr("&Insert the link"), self)
        self.insert_link_button.setAutoDefault(False)
        self.insert_link_button.setToolTip(self.tr("Insert the invitation link at the cursor"))
        link_row = QHBoxLayout()
        link_row.setContentsMargins(0, 0, 0, 0)
        link_row.addWidget(self.link_status, 1)
        link_row.addWidget(self.insert_link_button, 0, Qt.AlignmentFlag.AlignTop)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("For:"), modes)
        self.who_label = QLabel(self.tr("C&ustomer:"), self)
        self.who_label.setBuddy(self.search)
        form.addRow(self.who_label, who)
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow("", self.recipient_message)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow("", self.subject_message)
        form.addRow(self.tr("&E-mail:"), self.body)
        form.addRow("", link_row)

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
        layout.addLayout(form, 1)
        layout.addWidget(self.recorded_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.blocked)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self._modes.idToggled.connect(self._mode_toggled)
        self.customer_box.edited.connect(self._search_edited)
        self.customer_box.picked.connect(self.choose_customer)
        self.prospect.textChanged.connect(self._prospect_changed)
        self.prospect.editingFinished.connect(lambda: self._show_field("prospect_company_name"))
        self.recipient.textChanged.connect(self._recipient_changed)
        self.recipient.editingFinished.connect(lambda: self._show_field("recipient_email"))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.subject.textChanged.connect(self._update_state)
        self.body.textChanged.connect(self._update_state)
        self.insert_link_button.clicked.connect(self.insert_link)
        self.open_button.clicked.connect(self.open_in_email)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.done_button.clicked.connect(self.accept)

    # -- who it is for ------------------------------------------------------------------------
    def _mode_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the other button's unchecking says nothing new
            self._mode_changed()

    def _mode_changed(self) -> None:
        self._show_mode()
        self._follow_mode_recipient()
        self._customer_changed_draft()
        self._update_state()

    def _follow_mode_recipient(self) -> None:
        """A recipient filled in from the chosen customer is that customer's contact: it must
        not stay as the prospect's (it comes back with the customer). A typed one stays."""
        if self.recipient.text() != self._prefilled_recipient:
            return
        wanted = "" if self.prospect_radio.isChecked() else self._customer_contact
        self._prefilled_recipient = wanted
        self.recipient.setText(wanted)

    def _show_mode(self) -> None:
        prospect = self.prospect_radio.isChecked()
        self.customer_box.setVisible(not prospect)
        self.prospect_page.setVisible(prospect)
        self.who_label.setText(self.tr("Company &name:") if prospect else self.tr("C&ustomer:"))
        self.who_label.setBuddy(self.prospect if prospect else self.search)

    def _search_edited(self) -> None:
        """Typing in the search box starts a new search; the choice so far no longer holds."""
        self._set_customer(None, "")

    def choose_customer(self, customer_id: int) -> None:
        """Make the request for this existing customer (as if picked in the list)."""
        if not self.existing_radio.isChecked():
            with QSignalBlocker(self._modes):  # the draft is redone once, below
                self.existing_radio.setChecked(True)
            self._show_mode()
        try:
            details = get_customer(self._db, customer_id)
            requests = requests_for_customer(self._db, customer_id)
        except NotFound:
            self.customer_message.show_error(
                self.tr("This customer no longer exists. Search for it again.")
            )
            return
        except Unavailable as unavailable:
            self.customer_message.show_error(translated(unavailable.message))
            return
        self.customer_box.show_chosen(
            details.company_name,
            self.tr("{domain} · Microsoft ID {microsoft_id}").format(
                domain=details.domain, microsoft_id=details.microsoft_id
            ),
        )
        # The primary contact is a good first guess at whom to write to (editable).
        self._customer_contact = details.contact_email
        if not self.recipient.text().strip() or self.recipient.text() == self._prefilled_recipient:
            self._prefilled_recipient = details.contact_email
            self.recipient.setText(details.contact_email)
        if customer_id != self._customer_id and not self._text_edited():
            # The customer's own language, unless the user has written in another already.
            with QSignalBlocker(self.language):
                self.language.setCurrentIndex(
                    self.language.findData(default_language(details.culture))
                )
        self._set_customer(customer_id, details.company_name)
        pending = [r for r in requests if r.status is RequestStatus.PENDING]
        if details.relationship is Relationship.RESELLER:
            self.customer_message.show_warning(
                self.tr("{company} already has a reseller relationship with you.").format(
                    company=details.company_name
                )
            )
        elif pending:
            self.customer_message.show_warning(
                self.tr("A request sent on {when} by {who} is still pending.").format(
                    when=local_date_time(pending[0].created_at), who=pending[0].created_by
                )
            )
        else:
            self.customer_message.clear()

    def _set_customer(self, customer_id: int | None, name: str) -> None:
        """The chosen customer; a new one is named in the draft (the search box being
        edited clears the choice but leaves the draft until the next one is picked)."""
        changed = customer_id != self._customer_id
        self._customer_id = customer_id
        self._customer_name = name
        if customer_id is not None and changed:
            self._customer_changed_draft()
        self._update_state()

    def _prospect_changed(self) -> None:
        if self.prospect_message.is_error():
            self._show_field("prospect_company_name")
        # Typing the prospect's name redrafts an untouched text; an edited one is left alone.
        if self._draft is not None and not self._text_edited():
            self._replace_draft()
        self._update_state()

    def _recipient_changed(self) -> None:
        if self.recipient_message.is_error():
            self._show_field("recipient_email")
        self._update_state()

    def customer_name(self) -> str:
        """The name the draft uses: the chosen customer's, or the prospect's."""
        if self.prospect_radio.isChecked():
            return self.prospect.text().strip()
        return self._customer_name

    # -- the draft ----------------------------------------------------------------------------
    def current_language(self) -> str:
        return str(self.language.currentData())

    def _text_edited(self) -> bool:
        draft = self._draft
        return draft is not None and (
            self.subject.text() != draft.subject or self.body.toPlainText() != draft.body
        )

    def _replace_draft(self) -> None:
        draft = invitation_draft(
            self.current_language(),
            partner_name=self._profile.name,
            link=self.link,
            customer_name=self.customer_name(),
        )
        self._draft = draft
        self.subject.setText(draft.subject)
        self.subject.setCursorPosition(0)  # a long subject shows its start
        self.body.setPlainText(draft.body)
        self._update_state()

    def _customer_changed_draft(self) -> None:
        """The draft names the customer: redraft it, asking first if the user edited it."""
        if self._draft is None:
            return
        if self._text_edited() and not self.confirm_replace():
            return
        self._replace_draft()

    def _language_changed(self) -> None:
        if self._text_edited() and not self.confirm_replace():
            with QSignalBlocker(self.language):  # keep the text and the language it is in
                self.language.setCurrentIndex(self.language.findData(self._draft_language()))
            return
        self._replace_draft()

    def _draft_language(self) -> str:
        return self._draft.language if self._draft is not None else ENGLISH

    def confirm_replace(self) -> bool:
        """Whether to replace text the user edited with a new draft (a seam tests replace)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the e-mail text"))
        box.setText(self.tr("You edited the e-mail. Replace your text with a new draft?"))
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep my text"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def insert_link(self) -> None:
        """Put the invitation link back at the cursor, on a line of its own."""
        cursor = self.body.textCursor()
        block = cursor.block().text()
        before = "" if cursor.positionInBlock() == 0 else "\n"
        after = "\n" if cursor.positionInBlock() < len(block) else ""
        cursor.insertText(f"{before}{self.link}{after}")
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    # -- checking -----------------------------------------------------------------------------
    def current_input(self) -> RequestInput:
        prospect = self.prospect_radio.isChecked()
        return RequestInput(
            customer_id=None if prospect else self._customer_id,
            prospect_company_name=self.prospect.text() if prospect else "",
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
            return (
                self.prospect_message if self.prospect_radio.isChecked() else self.customer_message
            )
        return {
            "prospect_company_name": self.prospect_message,
            "recipient_email": self.recipient_message,
            "subject": self.subject_message,
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
            return self.tr("Put the invitation link back in the text to open or copy the e-mail.")
        if "customer" in problems:
            if self.prospect_radio.isChecked():
                return self.tr("Enter the prospect's company name to open or copy the e-mail.")
            return self.tr("Choose the customer in the list to open or copy the e-mail.")
        if "prospect_company_name" in problems:
            return self.tr("Correct the prospect's company name to open or copy the e-mail.")
        if "recipient_email" in problems:
            return self.tr("Correct the recipient's e-mail address, or leave it empty.")
        if "subject" in problems:
            return self.tr("Enter a subject to open or copy the e-mail.")
        if problems:
            return next(iter(problems.values()))
        return ""

    def _update_state(self) -> None:
        problems = self._problems()
        link = problems.get("body")
        if link:
            self.link_status.show_error(link)
        else:
            self.link_status.show_ok(self.tr("The invitation link is intact."))
        self.insert_link_button.setVisible(bool(link))
        if "subject" in problems:
            self.subject_message.show_error(problems["subject"])
        else:
            self.subject_message.clear()
        reason = self.blocked_reason()
        self.blocked.setText(reason)
        self.blocked.setVisible(bool(reason))
        for button in (self.open_button, self.copy_button):
            button.setEnabled(not reason)
        self.open_button.setToolTip(
            reason or self.tr("Open the e-mail in your mail program, ready to send")
        )
        self.copy_button.setToolTip(
            reason or self.tr("Copy the subject and the text, to paste them where you write")
        )

    # -- open, copy ---------------------------------------------------------------------------
    def _record(self) -> bool:
        """Record the request, or update it if this dialog recorded it already."""
        data = self.current_input()
        try:
            if self.request is None:
                saved = record_request(self._db, data)
            else:
                saved = update_request(self._db, self.request.id, data)
        except ValidationFailed as failure:
            self.show_errors(failure.errors)  # what the user typed stays
            return False
        except NotAllowed as refused:
            self.notice.show_error(translated(refused.args[0]))
            return False
        except ConcurrentChange as changed:
            self.request = None  # the next Open or Copy records a new request
            self.notice.show_error(
                translated(changed.args[0])
                + " "
                + self.tr("Open or copy again to record a new request.")
            )
            self._show_recorded()
            return False
        except NotFound:
            self.request = None
            self.notice.show_error(
                self.tr(
                    "The request or your partner profile could not be found. Nothing was "
                    "recorded; try again."
                )
            )
            self._show_recorded()
            return False
        except Unavailable as unavailable:
            self.notice.show_error(translated(unavailable.message))
            return False
        previous, self.request = self.request, saved
        self._show_recorded()
        if saved != previous:
            self.recorded.emit(saved)
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
        if self.blocked_reason() or not self._record():
            return
        data = self.current_input()
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
                    "No mail program opened the e-mail. Its subject and text are on the "
                    "clipboard: paste them into a new message."
                )
            )
        elif mailto.complete:
            self.notice.show_ok(self.tr("The e-mail is open in your mail program."))
        else:
            self.notice.show_warning(
                self.tr(
                    "The e-mail is too long to hand to your mail program whole, so its text is "
                    "on the clipboard: paste it into the message, replacing the note there."
                )
            )

    def copy_to_clipboard(self) -> None:
        """Record the request, then copy the subject and the text."""
        if self.blocked_reason() or not self._record():
            return
        data = self.current_input()
        QGuiApplication.clipboard().setText(clipboard_text(data.subject, data.body))
        self.notice.show_ok(
            self.tr("The subject and the text are on the clipboard: paste them into an e-mail.")
        )
