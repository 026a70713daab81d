"""Adding or editing one indirect reseller: name, Partner ID, tenant ID, country."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import ConcurrentChange, NotFound, PcdeskError, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.resellers.records import (
    ResellerData,
    ResellerInput,
    add_reseller,
    get_reseller,
    update_reseller,
    validate_reseller,
)
from pcdesk.services.validation import country_codes, country_name
from pcdesk.services.validation.reseller import NAME_MAX_LENGTH
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.grow_to_fit import grow_to_fit
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.forms.account_form import default_country

TEXT_FIELDS = ("name", "partner_id", "tenant_id")
FIELDS = (*TEXT_FIELDS, "country")
GUID_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


class ResellerFormDialog(QDialog):
    """Add a reseller (``reseller`` None) or edit one; ``saved(ResellerData)`` once written.

    A refused save shows a message next to each field at fault and keeps what was typed.
    """

    saved = Signal(ResellerData)

    def __init__(
        self, db: Database, reseller: ResellerData | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._reseller = reseller  # as the user started editing it
        self.setWindowTitle(
            self.tr("Add indirect reseller")
            if reseller is None
            else self.tr("Edit indirect reseller")
        )
        self.setMinimumWidth(480)

        self.notice = FieldMessage(self)  # what is wrong with the save as a whole
        self.name = QLineEdit(self)
        self.name.setMaxLength(NAME_MAX_LENGTH + 45)  # longer text gets the message, not a wall
        self.partner_id = QLineEdit(self)
        self.partner_id.setPlaceholderText(self.tr("for example 4847383"))
        self.tenant_id = QLineEdit(self)
        self.tenant_id.setPlaceholderText(GUID_PLACEHOLDER)
        self.country = QComboBox(self)
        locale = ui_locale()
        for code in country_codes(locale):
            self.country.addItem(country_name(code, locale), code)

        hint = QLabel(
            self.tr(
                "The Partner ID (MPN ID) and the tenant ID are on the reseller's Partner Center "
                "account; ask the reseller if you do not have them."
            ),
            self,
        )
        hint.setWordWrap(True)

        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("&Name:"), self.name),
            ("partner_id", self.tr("&Partner ID (MPN ID):"), self.partner_id),
            ("tenant_id", self.tr("&Tenant ID:"), self.tenant_id),
            ("country", self.tr("&Country/region:"), self.country),
        ]
        for field, label, widget in rows:
            widget.setObjectName(field)
            form.addRow(label, widget)
            message = FieldMessage(self)
            message.setObjectName(f"{field}_message")
            form.addRow("", message)
            self.messages[field] = message
        for field in TEXT_FIELDS:
            edit: QLineEdit = getattr(self, field)
            edit.editingFinished.connect(lambda field=field: self._check_field(field))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            self.tr("&Add") if reseller is None else self.tr("&Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._load(reseller)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # a message appeared under a field: make room for all of it
        return handled

    def _load(self, reseller: ResellerData | None) -> None:
        if reseller is None:
            self.set_country(default_country())
            return
        self.name.setText(reseller.name)
        self.partner_id.setText(reseller.partner_id)
        self.tenant_id.setText(reseller.tenant_id or "")
        self.set_country(reseller.country)

    def set_country(self, code: str) -> None:
        index = self.country.findData(code)
        if index < 0:  # a code recorded before pcdesk knew better: shown, so it can be changed
            self.country.addItem(code, code)
            index = self.country.count() - 1
        self.country.setCurrentIndex(index)

    def current_input(self) -> ResellerInput:
        return ResellerInput(
            name=self.name.text(),
            partner_id=self.partner_id.text(),
            tenant_id=self.tenant_id.text(),
            country=str(self.country.currentData() or ""),
        )

    def _tenant_required(self) -> bool:
        # A reseller recorded before pcdesk asked for tenant IDs may stay without one.
        return self._reseller is None or self._reseller.tenant_id is not None

    def _check_field(self, field: str) -> None:
        errors = validate_reseller(self.current_input(), tenant_required=self._tenant_required())
        self._show(field, errors.get(field))

    def _show(self, field: str, message: str | None) -> None:
        self.messages[field].show_error_or_clear(message)

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in FIELDS:
            self._show(field, errors.get(field))
        first = next((field for field in FIELDS if field in errors), None)
        if first is not None:
            widget: QWidget = getattr(self, first)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Save (off the GUI thread); on any refusal stay open with what the user typed."""
        self.notice.clear()
        data = self.current_input()
        db, reseller = self._db, self._reseller

        def save() -> ResellerData:
            if reseller is None:
                return add_reseller(db, data)
            return update_reseller(db, reseller.id, data, expected=reseller)

        # A reseller's name shows in the customer list and its filter.
        Operation(self, save).busy(self.save_button).success(self._written).failure(
            self._refused
        ).changes(Changes(resellers=True, many_customers=True)).run()

    def _written(self, saved: ResellerData) -> None:
        self.show_errors({})
        self.saved.emit(saved)
        super().accept()

    def _refused(self, error: PcdeskError) -> bool:
        if isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
        elif isinstance(error, ConcurrentChange):
            self._changed_meanwhile()
        elif isinstance(error, NotFound):
            self.notice.show_error(
                self.tr("This reseller no longer exists: another workstation may have removed it.")
            )
        else:
            self.notice.show_error(translated(error.message))
        return True

    def _changed_meanwhile(self) -> None:
        """Another workstation saved this reseller first: show what it saved; the next Save
        replaces it knowingly."""
        assert self._reseller is not None
        db, reseller_id = self._db, self._reseller.id
        Operation(self, lambda: get_reseller(db, reseller_id)).busy(self.save_button).success(
            self._show_theirs
        ).failure(self._theirs_unknown).run()

    def _theirs_unknown(self, _error: PcdeskError) -> bool:
        self.notice.show_error(
            self.tr("Another workstation changed this reseller. Close and open it again.")
        )
        return True

    def _show_theirs(self, current: ResellerData) -> None:
        self._reseller = current
        self.notice.show_warning(
            self.tr(
                "Another workstation changed this reseller while you were editing it. It now "
                "reads: {name}, Partner ID {partner_id}, tenant ID {tenant_id}, {country}. Save "
                "again to replace that with what you typed, or Cancel to keep it."
            ).format(
                name=current.name,
                partner_id=current.partner_id,
                tenant_id=current.tenant_id or "—",
                country=country_name(current.country, ui_locale()),
            )
        )
