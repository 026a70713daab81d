"""A customer's Account info form: company, address, primary contact, domain, language,
registration ID and indirect reseller.

One widget for the Add customer wizard and the customer detail pane's Edit: the same fields, the
same live validation (the service's own rules, from pcdesk.services.validation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from pcdesk.errors import PcdeskError
from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.services.collation import sort_key
from pcdesk.services.database import Database
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.resellers.records import list_resellers
from pcdesk.services.validation import (
    CULTURES,
    Findings,
    country_codes,
    country_name,
    culture_label,
    default_language,
    suggest_domain_prefix,
    takes_registration_id,
    validate_customer,
)
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.mnemonics import set_plain_text
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.address_rows import ADDRESS_FIELDS, AddressRows
from pcdesk.views.customers.forms.domain_field import DomainField
from pcdesk.views.customers.forms.reseller_picker import ResellerPicker

TEXT_FIELDS = (
    "company_name",
    "contact_first_name",
    "contact_last_name",
    "contact_email",
    "contact_phone",
    "organization_registration_id",
)
CONTACT_FIELDS = ("contact_first_name", "contact_last_name", "contact_email", "contact_phone")
# Form order: where a message for each field is shown, and which field gets focus first.
FIELD_ORDER = (
    "company_name",
    "country",
    *ADDRESS_FIELDS,
    *CONTACT_FIELDS,
    "domain_prefix",
    "language",
    "culture",
    "organization_registration_id",
    "indirect_reseller_id",
)
MAX_LENGTHS = {"company_name": 255, "contact_email": 254, "contact_phone": 32}


def default_country() -> str:
    """The workstation's own country, which is usually where most customers are."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if code in country_codes() else "US"


class AccountForm(QWidget):
    """Account info fields with their messages; ``changed`` on every edit."""

    changed = Signal()
    country_changed = Signal(str)
    contact_changed = Signal()
    relaid_out = Signal()  # rows came or went (another country): mnemonics and tab order change

    def __init__(
        self,
        db: Database,
        profile: PartnerProfileData,
        parent: QWidget | None = None,
        *,
        load_resellers: bool = True,
        access: Callable[[], PartnerCenterAccess] | None = None,
    ) -> None:
        """``load_resellers``: read the active resellers to choose from (off the GUI thread);
        False when the owner fills the list itself."""
        super().__init__(parent)
        self._db = db
        self._profile = profile
        self._touched: set[str] = set()
        self._suggested_prefix = ""
        self._language_chosen = False
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.sections: list[QLabel] = []

        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setMaxLength(MAX_LENGTHS.get(name, 64 if "registration" in name else 50))
            edit.textChanged.connect(self.changed)
            edit.editingFinished.connect(lambda name=name: self._left(name))
            self.edits[name] = edit
        for name in CONTACT_FIELDS:
            self.edits[name].textChanged.connect(self.contact_changed)
        self.country = QComboBox(self)
        self.country.setObjectName("country")
        for code in country_codes(ui_locale()):
            self.country.addItem(country_name(code, ui_locale()), code)
        self.address = AddressRows(self.form, self)
        self.address.changed.connect(self.changed)
        self.messages.update(self.address.messages)
        self.address.left.connect(self._left)
        self.domain_status = FieldMessage(self)
        self.domain = DomainField(db, self.domain_status, self, access=access)
        # More rules for the account (Partner Center's own for the country), by field.
        self.extra_rules: Callable[[CustomerInput], dict[str, str]] | None = None
        self.domain.edit.textChanged.connect(self.changed)
        self.domain.checked.connect(self.changed)
        self.domain.edit.editingFinished.connect(lambda: self._left("domain_prefix"))
        self.domain_note = QLabel(self.tr("The domain can never be changed afterwards."), self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.activated.connect(self._language_picked)
        self.language.currentIndexChanged.connect(self.changed)
        self.reseller = ResellerPicker(self)
        self.reseller.setObjectName("indirect_reseller_id")
        self.reseller.reseller_changed.connect(self.changed)
        self.reseller.text_edit().editingFinished.connect(
            lambda: self._left("indirect_reseller_id")
        )

        self._section(self.tr("Company details"))
        self._row("company_name", self.tr("Company name:"), self.edits["company_name"])
        self._row("country", self.tr("Country/region:"), self.country)
        self._address_row = self.form.rowCount()
        self._section(self.tr("Primary contact"))
        self._row("contact_first_name", self.tr("First name:"), self.edits["contact_first_name"])
        self._row("contact_last_name", self.tr("Last name:"), self.edits["contact_last_name"])
        self._row("contact_email", self.tr("Email:"), self.edits["contact_email"])
        self._row("contact_phone", self.tr("Phone:"), self.edits["contact_phone"])
        self._section(self.tr("Domain"))
        self._row("domain_prefix", self.tr("Domain:"), self.domain, self.domain_status)
        self.labels["domain_prefix"].setBuddy(self.domain.edit)
        self.form.addRow("", self.domain_note)
        self._section(self.tr("Other details"))
        self._row("language", self.tr("Language:"), self.language)
        self._row(
            "organization_registration_id",
            self.tr("Organization registration ID:"),
            self.edits["organization_registration_id"],
        )
        self._row("indirect_reseller_id", self.tr("Indirect reseller:"), self.reseller)
        self.form.setRowVisible(self.reseller, profile.has_resellers)
        self.form.setRowVisible(self.messages["indirect_reseller_id"], profile.has_resellers)
        if profile.has_resellers and load_resellers:
            Operation(self, lambda: list_resellers(db)).success(
                self.reseller.set_resellers
            ).failure(self._resellers_unavailable).run()

        self.country.currentIndexChanged.connect(self._country_picked)
        self.set_country(default_country())
        # Leaving a field shows its message, even an empty field the user only passed through
        # (QLineEdit.editingFinished only fires after a change).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _resellers_unavailable(self, error: PcdeskError) -> bool:
        """The resellers could not be read: the list offers None, and says why beside it."""
        self.messages["indirect_reseller_id"].show_error(translated(error.message))
        return True

    # -- building -------------------------------------------------------------------------------

    def _section(self, title: str) -> None:
        label = QLabel(title, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self.sections.append(label)
        self.form.addRow(label)

    def _row(
        self, name: str, text: str, editor: QWidget, message: FieldMessage | None = None
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(editor)
        editor.setAccessibleName(text.rstrip(":\uff1a"))
        self.labels[name] = label
        self.messages[name] = message or FieldMessage(self)
        self.form.addRow(label, editor)
        self.form.addRow("", self.messages[name])

    def mnemonic_widgets(self) -> list[QLabel]:
        """The labels that carry mnemonics, in form order (see pcdesk.views.common.mnemonics)."""
        address = [self.address.labels[name] for name in self.address.shown_fields()]
        labels = [self.labels["company_name"], self.labels["country"], *address]
        labels += [self.labels[name] for name in (*CONTACT_FIELDS, "domain_prefix", "language")]
        if takes_registration_id(self.country_code()):
            labels.append(self.labels["organization_registration_id"])
        if self._profile.has_resellers:
            labels.append(self.labels["indirect_reseller_id"])
        return labels

    def tab_order(self) -> list[QWidget]:
        """The editors in form order, for QWidget.setTabOrder."""
        return [label.buddy() for label in self.mnemonic_widgets()]

    # -- country --------------------------------------------------------------------------------

    def country_code(self) -> str:
        return str(self.country.currentData() or "")

    def set_country(self, code: str) -> None:
        index = self.country.findData(code.strip().upper())
        if index >= 0 and index != self.country.currentIndex():
            self.country.setCurrentIndex(index)  # _country_picked follows
        elif index >= 0:
            self._country_picked()

    def _country_picked(self, _index: int = -1) -> None:
        code = self.country_code()
        self.address.place(code, self._address_row)
        registration = takes_registration_id(code)
        self.form.setRowVisible(self.edits["organization_registration_id"], registration)
        self.form.setRowVisible(self.messages["organization_registration_id"], registration)
        phone = self.tr("Phone:") if registration else self.tr("Phone (optional):")
        set_plain_text(self.labels["contact_phone"], phone)
        self._fill_languages(code)
        for name in list(self._touched):
            self._show_message(name)
        self.relaid_out.emit()
        self.country_changed.emit(code)
        self.changed.emit()

    def _fill_languages(self, country: str) -> None:
        chosen = self.culture() if self._language_chosen else default_language(country)[1]
        cultures = list(CULTURES)
        if chosen not in cultures:
            cultures.append(chosen)
        self.language.blockSignals(True)
        self.language.clear()
        for culture in sorted(cultures, key=lambda c: sort_key(culture_label(c, ui_locale()))):
            self.language.addItem(culture_label(culture, ui_locale()), culture)
        self.language.setCurrentIndex(self.language.findData(chosen))
        self.language.blockSignals(False)

    def _language_picked(self, _index: int) -> None:
        self._language_chosen = True

    def culture(self) -> str:
        return str(self.language.currentData() or "")

    # -- values ---------------------------------------------------------------------------------

    def customer_input(self) -> CustomerInput:
        address = self.address.values()
        culture = self.culture()
        return CustomerInput(
            company_name=self.edits["company_name"].text(),
            country=self.country_code(),
            address_line1=address["address_line1"],
            address_line2=address["address_line2"],
            city=address["city"],
            state=address["state"],
            postal_code=address["postal_code"],
            contact_first_name=self.edits["contact_first_name"].text(),
            contact_last_name=self.edits["contact_last_name"].text(),
            contact_email=self.edits["contact_email"].text(),
            contact_phone=self.edits["contact_phone"].text(),
            domain_prefix=self.domain.prefix(),
            language=culture.split("-")[0],
            culture=culture,
            organization_registration_id=(
                self.edits["organization_registration_id"].text()
                if takes_registration_id(self.country_code())
                else ""
            ),
            indirect_reseller_id=self.reseller.reseller_id()
            if self._profile.has_resellers
            else None,
        )

    def set_customer_input(self, data: CustomerInput) -> None:
        """Fill the form (a draft, or a customer to edit)."""
        if data.culture and data.culture != default_language(data.country)[1]:
            self._language_chosen = True
        self.set_country(data.country)
        for name in TEXT_FIELDS:
            self.edits[name].setText(getattr(data, name))
        self.address.set_values({name: getattr(data, name) for name in ADDRESS_FIELDS})
        self.domain.set_prefix(data.domain_prefix)
        self._suggested_prefix = ""
        if data.culture:
            self._fill_languages(data.country)
            index = self.language.findData(data.culture)
            if index >= 0:
                self.language.setCurrentIndex(index)
        self.reseller.set_reseller_id(data.indirect_reseller_id)

    def values(self) -> dict[str, Any]:
        """Everything needed to restore the form later (drafts): plain JSON values."""
        return {
            **asdict(self.customer_input()),
            "touched": sorted(self._touched),
            "language_chosen": self._language_chosen,
        }

    def set_values(self, values: dict[str, Any]) -> None:
        names = {field.name for field in fields(CustomerInput)}
        known = {name: value for name, value in values.items() if name in names}
        data = CustomerInput(
            **{
                "company_name": "",
                "country": default_country(),
                "address_line1": "",
                "contact_first_name": "",
                "contact_last_name": "",
                "contact_email": "",
                "domain_prefix": "",
                **known,
            }
        )
        self._language_chosen = bool(values.get("language_chosen"))
        self.set_customer_input(data)
        self._touched = {str(name) for name in values.get("touched", [])}
        for name in self._touched:
            self._show_message(name)

    def has_data(self) -> bool:
        """True once the user has typed anything worth keeping."""
        data = self.customer_input()
        typed = (getattr(data, name) for name in (*TEXT_FIELDS, *ADDRESS_FIELDS, "domain_prefix"))
        return any(str(value).strip() for value in typed)

    # -- validation -----------------------------------------------------------------------------

    def findings(self) -> Findings:
        """Every problem of the form, including the domain's availability and the reseller."""
        found = validate_customer(
            self.customer_input(),
            partner_domains=[self._profile.domain] if self._profile.domain else [],
        )
        errors = dict(found.errors)
        domain_problem = self.domain.problem()
        if domain_problem is not None:
            errors.setdefault("domain_prefix", domain_problem)  # type: ignore[arg-type]
        if self.extra_rules is not None:
            for name, text in self.extra_rules(self.customer_input()).items():
                errors.setdefault(name, text)  # type: ignore[arg-type]
        if self._profile.has_resellers and not self.reseller.has_valid_text():
            errors["indirect_reseller_id"] = self.tr(  # type: ignore[assignment]
                "Choose a reseller from the list, or None."
            )
        return Findings(errors=errors, warnings=found.warnings)

    def is_valid(self) -> bool:
        return self.findings().ok

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is None or not self.isAncestorOf(old):
            return
        for name in FIELD_ORDER:
            if self.editor(name) is old:
                self._left(name)
                return

    def _left(self, name: str) -> None:
        self._touched.add(name)
        if name == "company_name":
            self._suggest_domain()
        self._show_message(name)

    def _suggest_domain(self) -> None:
        """Derive the domain from the company name until the user types one of their own."""
        current = self.domain.edit.text()
        if current and current != self._suggested_prefix:
            return
        suggestion = suggest_domain_prefix(self.edits["company_name"].text())
        if suggestion and suggestion != current:
            self._suggested_prefix = suggestion
            self.domain.set_prefix(suggestion)
            self.domain.check_now()

    def _show_message(self, name: str) -> None:
        if name == "domain_prefix":
            self.domain.check_now()
            return
        findings = self.findings()
        target = "language" if name == "culture" else name
        if target not in self.messages:
            return
        error = findings.errors.get(name) or (
            findings.errors.get("culture") if name == "language" else None
        )
        if error:
            self.messages[target].show_error(error)
        elif findings.warnings.get(name):
            self.messages[target].show_warning(findings.warnings[name])
        else:
            self.messages[target].clear()

    def show_messages_again(self) -> None:
        """New rules arrived: the fields already visited say what they now find."""
        for name in list(self._touched):
            if name != "domain_prefix":
                self._show_message(name)
        self.changed.emit()

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages from a refused save, beside their fields; returns nothing, focuses the first."""
        for name in errors:
            self._touched.add(name)
            if name == "domain_prefix":
                self.domain.show_problem(errors[name])
            elif name == "culture":
                self.messages["language"].show_error(errors[name])
            elif name in self.messages:
                self.messages[name].show_error(errors[name])
        first = next((name for name in FIELD_ORDER if name in errors), None)
        if first is not None:
            self.editor(first).setFocus()

    def editor(self, name: str) -> QWidget:
        if name in ADDRESS_FIELDS:
            return self.address.editor(name)
        if name == "domain_prefix":
            return self.domain.edit
        if name in ("language", "culture"):
            return self.language
        if name == "indirect_reseller_id":
            return self.reseller
        if name == "country":
            return self.country
        return self.edits[name]

    def set_domain_read_only(self, read_only: bool) -> None:
        self.domain.set_read_only(read_only)
        # Read-only, the field says why (a saved customer's domain is Partner Center's for good).
        self.domain_note.setText(
            self.tr("A customer's domain cannot be changed.")
            if read_only
            else self.tr("The domain can never be changed afterwards.")
        )
        self.domain.edit.setToolTip(self.domain_note.text() if read_only else "")
