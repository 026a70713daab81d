"""Request a relationship…: the invitation e-mail, its language, subject and text.

The text is drafted by services.relationship_invitation and stays the user's to edit; it must
keep the invitation link, which a button puts back. Its fields are rows of the dialog's form, so
that their labels line up with those above them. Its texts are translated in the dialog's
context, "RequestRelationshipDialog", where the zh-TW translations are filed (``tr`` here would
file them under this class's name).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from pcdesk.services.relationships.invitation import (
    ENGLISH,
    TRADITIONAL_CHINESE,
    InvitationDraft,
    invitation_draft,
)
from pcdesk.views.common.field_message import FieldMessage

# Each language names itself, so it can be found whatever the interface language.
LANGUAGE_NAMES = ((ENGLISH, "English"), (TRADITIONAL_CHINESE, "繁體中文 (台灣)"))


class InvitationTextSection(QObject):
    """The e-mail's fields; ``replace_draft`` fills them, ``edited`` tells whether the user has
    changed what was drafted since."""

    def __init__(self, link: str, partner_name: str, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.link = link
        self._partner_name = partner_name
        self._draft: InvitationDraft | None = None  # the text as last drafted, to see edits

        self.language = QComboBox(dialog)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.subject = QLineEdit(dialog)
        self.subject_message = FieldMessage(dialog)
        self.body = QPlainTextEdit(dialog)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(
            QCoreApplication.translate("RequestRelationshipDialog", "Email text")
        )
        self.link_status = FieldMessage(dialog)
        self.insert_link_button = QPushButton(
            QCoreApplication.translate("RequestRelationshipDialog", "&Insert the link"), dialog
        )
        self.insert_link_button.setAutoDefault(False)
        self.insert_link_button.setToolTip(
            QCoreApplication.translate(
                "RequestRelationshipDialog", "Insert the invitation link at the cursor"
            )
        )
        self._link_row = QHBoxLayout()
        self._link_row.setContentsMargins(0, 0, 0, 0)
        self._link_row.addWidget(self.link_status, 1)
        self._link_row.addWidget(self.insert_link_button, 0, Qt.AlignmentFlag.AlignTop)

        self.insert_link_button.clicked.connect(self.insert_link)

    def replace_link(self, old: str, new: str) -> None:
        """The link in the user's own text, replaced by another (Partner Center's own)."""
        text = self.body.toPlainText()
        if old in text:
            self.body.setPlainText(text.replace(old, new))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(
            QCoreApplication.translate("RequestRelationshipDialog", "&Language:"), self.language
        )
        form.addRow(
            QCoreApplication.translate("RequestRelationshipDialog", "&Subject:"), self.subject
        )
        form.addRow("", self.subject_message)
        form.addRow(QCoreApplication.translate("RequestRelationshipDialog", "&Email:"), self.body)
        form.addRow("", self._link_row)

    # -- the language -------------------------------------------------------------------------
    def current_language(self) -> str:
        return str(self.language.currentData())

    def set_language(self, code: str) -> None:
        """Choose the language without redrafting (the caller drafts, or keeps the text)."""
        with QSignalBlocker(self.language):
            self.language.setCurrentIndex(self.language.findData(code))

    def draft_language(self) -> str:
        """The language of the text as last drafted."""
        return self._draft.language if self._draft is not None else ENGLISH

    # -- the draft ----------------------------------------------------------------------------
    def has_draft(self) -> bool:
        return self._draft is not None

    def edited(self) -> bool:
        draft = self._draft
        return draft is not None and (
            self.subject.text() != draft.subject or self.body.toPlainText() != draft.body
        )

    def replace_draft(self, customer_name: str) -> None:
        """Replace the subject and the text with a new draft in the current language."""
        draft = invitation_draft(
            self.current_language(),
            partner_name=self._partner_name,
            link=self.link,
            customer_name=customer_name,
        )
        self._draft = draft
        self.subject.setText(draft.subject)
        self.subject.setCursorPosition(0)  # a long subject shows its start
        self.body.setPlainText(draft.body)

    def insert_link(self) -> None:
        """Put the invitation link back at the cursor, on a line of its own."""
        cursor = self.body.textCursor()
        block = cursor.block().text()
        before = "" if cursor.positionInBlock() == 0 else "\n"
        after = "\n" if cursor.positionInBlock() < len(block) else ""
        cursor.insertText(f"{before}{self.link}{after}")
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Tell whether the link is still in the text, and what is wrong with the subject."""
        link = problems.get("body")
        if link:
            self.link_status.show_error(link)
        else:
            self.link_status.show_ok(
                QCoreApplication.translate(
                    "RequestRelationshipDialog", "The invitation link is intact."
                )
            )
        self.insert_link_button.setVisible(bool(link))
        if "subject" in problems:
            self.subject_message.show_error(problems["subject"])
        else:
            self.subject_message.clear()
