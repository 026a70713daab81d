"""The e-mail asking a customer's admin to accept the Microsoft Customer Agreement in the
Microsoft 365 admin center: English or Traditional Chinese, Open in email, Copy."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from pcdesk.partner_center.agreement import (
    ENGLISH,
    TRADITIONAL_CHINESE,
    AcceptanceDraft,
    acceptance_draft,
    default_language,
)
from pcdesk.services.relationships.invitation import clipboard_text, mailto_url, paste_note
from pcdesk.views.common.field_message import FieldMessage


class AcceptanceEmailDialog(QDialog):
    def __init__(
        self,
        *,
        partner_name: str,
        customer_name: str,
        recipient: str,
        culture: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._partner = partner_name
        self._customer = customer_name
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.setWindowTitle(self.tr("Ask the customer to accept the agreement"))
        self.resize(640, 520)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), ENGLISH)
        self.language.addItem(self.tr("Traditional Chinese (繁體中文)"), TRADITIONAL_CHINESE)
        self.language.setCurrentIndex(self.language.findData(default_language(culture)))
        self.recipient = QLineEdit(recipient, self)
        self.subject = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.notice = FieldMessage(self)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&To:"), self.recipient)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("&Message:"), self.body)
        form.addRow("", self.notice)
        # Partner Center's order: Open in email, Copy to clipboard, then Done.
        self.open_button = QPushButton(self.tr("&Open in email"), self)
        self.copy_button = QPushButton(self.tr("&Copy to clipboard"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.open_button.clicked.connect(self.open_in_email)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.language.currentIndexChanged.connect(self._draft)
        self._draft()

    def draft(self) -> AcceptanceDraft:
        return acceptance_draft(
            str(self.language.currentData()),
            partner_name=self._partner,
            customer_name=self._customer,
        )

    def _draft(self) -> None:
        drafted = self.draft()
        self.subject.setText(drafted.subject)
        self.body.setPlainText(drafted.body)
        self.notice.clear()

    def open_in_email(self) -> None:
        language = str(self.language.currentData())
        subject, body = self.subject.text(), self.body.toPlainText()
        mailto = mailto_url(
            self.recipient.text().strip(), subject, body, placeholder=paste_note(language)
        )
        if not mailto.complete:
            QGuiApplication.clipboard().setText(mailto.paste_text)
        if not self.open_url(QUrl(mailto.url, QUrl.ParsingMode.StrictMode)):
            QGuiApplication.clipboard().setText(clipboard_text(subject, body))
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
        QGuiApplication.clipboard().setText(
            clipboard_text(self.subject.text(), self.body.toPlainText())
        )
        self.notice.show_ok(self.tr("The subject and the text are on the clipboard."))
