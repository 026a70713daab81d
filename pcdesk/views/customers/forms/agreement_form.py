"""The Microsoft Customer Agreement attestation: accepted (with signer and date) or pending."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pcdesk.services.inputs import AgreementInput
from pcdesk.services.validation import validate_agreement
from pcdesk.views.common.field_message import FieldMessage

SIGNER_FIELDS = ("signer_first_name", "signer_last_name", "signer_email", "signer_phone")
AGREEMENT_URL = "https://admin.microsoft.com/AdminPortal/Home?ref=/BillingAccounts/agreement"


def today() -> dt.date:
    """The user's local date (acceptance dates are the customer's calendar days)."""
    return dt.datetime.now().astimezone().date()


class AgreementForm(QWidget):
    """Whether the customer accepted the agreement, and who signed when.

    The signer starts as the primary contact (``follow_contact``) until the user changes a signer
    field: from then on that field keeps what the user typed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepted = QRadioButton(
            self.tr("The customer has accepted the Microsoft Customer Agreement"), self
        )
        self.pending = QRadioButton(
            self.tr("The customer will accept it in the Microsoft 365 admin center"), self
        )
        self.accepted.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.accepted)
        group.addButton(self.pending)
        self.pending_note = QLabel(
            self.tr(
                "The customer's admin gets a link to accept it: {url}. Until then, no "
                "subscriptions can be ordered for this customer."
            ).format(url=AGREEMENT_URL),
            self,
        )
        self.pending_note.setWordWrap(True)

        self.edits: dict[str, QLineEdit] = {}
        for name in SIGNER_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setMaxLength(254 if name == "signer_email" else 50)
            edit.textEdited.connect(lambda _text, name=name: self._user_edited(name))
            edit.textChanged.connect(self.changed)
            edit.editingFinished.connect(lambda name=name: self.check_field(name))
            self.edits[name] = edit
        self.date_accepted = QDateEdit(self)
        self.date_accepted.setObjectName("date_accepted")
        self.date_accepted.setCalendarPopup(True)
        self.date_accepted.setDisplayFormat("yyyy-MM-dd")
        self.date_accepted.setDate(QDate(today().year, today().month, today().day))
        self.date_accepted.setMaximumDate(QDate(today().year, today().month, today().day))
        self.date_accepted.dateChanged.connect(self.changed)
        self.date_accepted.editingFinished.connect(lambda: self.check_field("date_accepted"))
        self.messages = {name: FieldMessage(self) for name in (*SIGNER_FIELDS, "date_accepted")}

        self.signer = QWidget(self)
        form = QFormLayout(self.signer)
        form.setContentsMargins(24, 0, 0, 0)  # indented under the choice it belongs to
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        labels = {
            "signer_first_name": self.tr("Signer first name:"),
            "signer_last_name": self.tr("Signer last name:"),
            "signer_email": self.tr("Signer email:"),
            "signer_phone": self.tr("Signer phone (optional):"),
            "date_accepted": self.tr("Date accepted:"),
        }
        self.labels: list[QLabel] = []
        for name, text in labels.items():
            editor = self.date_accepted if name == "date_accepted" else self.edits[name]
            label = QLabel(text, self.signer)
            label.setBuddy(editor)
            editor.setAccessibleName(text.rstrip(":\uff1a"))
            self.labels.append(label)
            form.addRow(label, editor)
            form.addRow("", self.messages[name])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.accepted)
        layout.addWidget(self.signer)
        layout.addWidget(self.pending)
        layout.addWidget(self.pending_note)
        self.accepted.toggled.connect(self._accepted_toggled)
        self._accepted_toggled(True)
        self._typed: set[str] = set()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._country = ""
        self._touched: set[str] = set()

    def mnemonic_widgets(self) -> list[QLabel | QRadioButton]:
        """What carries a mnemonic, in tab order (see pcdesk.views.common.mnemonics)."""
        return [self.accepted, *self.labels, self.pending]

    def _accepted_toggled(self, _checked: bool) -> None:
        accepted = self.accepted.isChecked()
        self.signer.setEnabled(accepted)
        self.signer.setVisible(accepted)
        self.pending_note.setVisible(not accepted)
        self.changed.emit()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        for name in self.messages:
            if old is not None and self.editor(name) is old:
                self.check_field(name)
                return

    def has_own_entries(self) -> bool:
        """True when the user typed a signer different from the primary contact."""
        return bool(self._typed)

    def _user_edited(self, name: str) -> None:
        self._typed.add(name)

    def follow_contact(self, first: str, last: str, email: str, phone: str) -> None:
        """Prefill the signer from the primary contact, except fields the user has changed."""
        for name, value in zip(SIGNER_FIELDS, (first, last, email, phone), strict=True):
            if name not in self._typed and self.edits[name].text() != value:
                self.edits[name].setText(value)
                if name in self._touched:
                    self.check_field(name)

    def set_country(self, country: str) -> None:
        """The customer's country lets the signer's phone be written without +."""
        self._country = country

    def agreement_input(self) -> AgreementInput:
        if not self.accepted.isChecked():
            return AgreementInput(accepted=False)
        return AgreementInput(
            accepted=True,
            signer_first_name=self.edits["signer_first_name"].text(),
            signer_last_name=self.edits["signer_last_name"].text(),
            signer_email=self.edits["signer_email"].text(),
            signer_phone=self.edits["signer_phone"].text(),
            date_accepted=dt.date.fromisoformat(
                self.date_accepted.date().toString(Qt.DateFormat.ISODate)
            ),
        )

    def errors(self) -> dict[str, str]:
        return dict(
            validate_agreement(self.agreement_input(), today=today(), country=self._country)
        )

    def check_field(self, name: str) -> None:
        """Show the field's message now that the user has left it."""
        self._touched.add(name)
        problem = self.errors().get(name)
        if problem:
            self.messages[name].show_error(problem)
        else:
            self.messages[name].clear()

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, message in self.messages.items():
            if name in errors:
                self._touched.add(name)
                message.show_error(errors[name])
            else:
                message.clear()

    def editor(self, name: str) -> QWidget:
        return self.date_accepted if name == "date_accepted" else self.edits[name]

    # -- drafts ---------------------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        return {
            "accepted": self.accepted.isChecked(),
            **{name: edit.text() for name, edit in self.edits.items()},
            "date_accepted": self.date_accepted.date().toString("yyyy-MM-dd"),
            "typed": sorted(self._typed),
        }

    def set_values(self, values: dict[str, object]) -> None:
        typed = values.get("typed", [])
        self._typed = {str(name) for name in typed} if isinstance(typed, list) else set()
        (self.accepted if values.get("accepted", True) else self.pending).setChecked(True)
        for name, edit in self.edits.items():
            edit.setText(str(values.get(name, "")))
        date = QDate.fromString(str(values.get("date_accepted", "")), "yyyy-MM-dd")
        if date.isValid():
            self.date_accepted.setDate(date)
