"""Page 4, the confirmation: the new customer's ids and its admin's temporary password.

The password exists only in this page's widgets: it is never written to the database, the draft
or the log, and it is gone when the wizard closes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pcdesk.services.customers.details import CustomerDetails
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.prompts import can_print, prompter

ROWS = ("microsoft_id", "domain", "admin_user", "password")


class ConfirmationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._company = ""
        self.setTitle(self.tr("Customer added"))
        self.setFinalPage(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        labels = {
            "microsoft_id": self.tr("Microsoft ID:"),
            "domain": self.tr("Domain:"),
            "admin_user": self.tr("Admin user name:"),
            "password": self.tr("Temporary password:"),
        }
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.values: dict[str, QLineEdit] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, name in enumerate(ROWS):
            value = QLineEdit(self)
            value.setObjectName(name)
            value.setReadOnly(True)
            value.setFont(fixed)  # no confusing l with 1 in a password read aloud
            label = QLabel(labels[name], self)
            label.setBuddy(value)
            value.setAccessibleName(labels[name].rstrip(":\uff1a"))
            copy = QPushButton(self.tr("Copy"), self)
            copy.setAutoDefault(True)  # Enter on a focused Copy copies; it must not close
            copy.setAccessibleName(
                self.tr("Copy {what}").format(what=labels[name].rstrip(":\uff1a"))
            )
            copy.clicked.connect(lambda _checked=False, name=name: self.copy(name))
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(copy, row, 2)
            self.values[name] = value
            self.copy_buttons[name] = copy
            self.labels[name] = label
        self.copy_all = QPushButton(self.tr("Copy &all sign-in details"), self)
        self.copy_all.setAutoDefault(True)
        self.copy_all.clicked.connect(self.copy_everything)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAutoDefault(True)
        self.print_button.clicked.connect(self.print_details)
        self.print_button.setVisible(can_print())
        keep = QHBoxLayout()
        keep.addWidget(self.copy_all)
        keep.addWidget(self.print_button)
        keep.addStretch(1)
        self.warning = FieldMessage(self)
        self.copied = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addLayout(keep)
        layout.addWidget(self.warning)
        layout.addWidget(self.copied)
        layout.addStretch(1)
        self.saved = False  # the password was copied or printed: closing loses nothing
        self._on_clipboard: set[str] = set()  # what this page put there (cleared at Done)

    def show_customer(
        self, customer: CustomerDetails, password: str, *, admin_user: str | None = None
    ) -> None:
        """``admin_user``: Partner Center's own (admin@<domain>), with its temporary password."""
        for name in ("admin_user", "password"):
            self._set_row_visible(name, True)
        self.copy_all.show()
        self.print_button.setVisible(can_print())
        self.intro.setText(
            self.tr(
                "{company} has been added. Give the customer's admin these sign-in details; "
                "the password must be changed the first time they sign in."
            ).format(company=customer.company_name)
        )
        shown = {
            "microsoft_id": customer.microsoft_id,
            "domain": customer.domain,
            "admin_user": admin_user or customer.admin_user,
            "password": password,
        }
        for name, value in shown.items():
            self.values[name].setText(value)
            self.values[name].setCursorPosition(0)
        self.warning.show_warning(
            self.tr(
                "Copy or print the sign-in details now: the temporary password is not saved "
                "anywhere and cannot be shown again once you click Done."
            )
        )
        self.copied.clear()
        self.saved = False
        self._company = customer.company_name

    def _to_clipboard(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._on_clipboard.add(text)

    def show_queued(self, customer: CustomerDetails, why: str) -> None:
        """Saved here, not yet in Partner Center: no admin or password exists yet."""
        self.setTitle(self.tr("Customer saved, not yet in Partner Center"))
        self.intro.setText(
            self.tr(
                "{why} Partner Center makes the admin's temporary password when it creates the "
                "customer: Pending changes shows it then."
            ).format(why=why)
        )
        self.values["microsoft_id"].setText(self.tr("(given by Partner Center when created)"))
        self.copy_buttons["microsoft_id"].hide()
        self.values["domain"].setText(customer.domain)
        for name in ("admin_user", "password"):
            self.values[name].clear()
            self._set_row_visible(name, False)
        self.warning.show_warning(
            self.tr("The domain is checked again with Partner Center before the customer is sent.")
        )
        self.copied.clear()
        self.copy_all.hide()  # no sign-in details yet: nothing to copy, print or lose
        self.print_button.hide()
        self.saved = True

    def _set_row_visible(self, name: str, visible: bool) -> None:
        self.values[name].setVisible(visible)
        self.copy_buttons[name].setVisible(visible)
        self.labels[name].setVisible(visible)

    def copy(self, name: str) -> None:
        self._to_clipboard(self.values[name].text())
        if name == "password":
            self.saved = True
        self.copied.setText(
            self.tr("{what} copied to the clipboard.").format(
                what=self.values[name].accessibleName()
            )
        )
        self.copied.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def details_text(self) -> str:
        """Every sign-in detail, one "Label: value" line each, as pasted or printed."""
        return "\n".join(
            f"{self.values[name].accessibleName()}: {self.values[name].text()}" for name in ROWS
        )

    def copy_everything(self) -> None:
        self._to_clipboard(self.details_text())
        self.saved = True
        self.copied.setText(self.tr("All sign-in details copied to the clipboard."))

    def print_details(self) -> None:
        rows = "".join(
            f"<tr><td>{html.escape(self.values[name].accessibleName())}</td><td><tt>{html.escape(self.values[name].text())}</tt></td></tr>"
            for name in ROWS
        )
        document = f"<h2>{html.escape(self._company)}</h2><table cellpadding='4'>{rows}</table>"
        if prompter().print_document(self, self.tr("Sign-in details"), document):
            self.saved = True
            self.copied.setText(self.tr("Sign-in details sent to the printer."))

    def forget(self) -> None:
        """Clear the password from the page and from the clipboard (the wizard is closing)."""
        self.values["password"].clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() in self._on_clipboard:
            clipboard.clear()
        self._on_clipboard.clear()
