"""Add customer's Partner Center part of Account info, shown when this database works with
Partner Center: the address as Partner Center checks it (with up to three suggestions, each taken
with one click), the country's own rules from Partner Center, and the default GDAP opt-in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from pcdesk.errors import PcdeskError
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.customers import (
    AddressCheck,
    PartnerCenterAccess,
    check_address,
    country_rules,
    rule_problems,
)
from pcdesk.services.inputs import CustomerInput
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.forms.account_form import AccountForm

MAX_SUGGESTIONS = 3
CHECK_DELAY_MS = 600  # after the last keystroke in the address


def address_text(address: r.Address) -> str:
    parts = [
        address.address_line1,
        address.address_line2,
        address.city,
        " ".join(part for part in (address.state, address.postal_code) if part),
        address.country,
    ]
    return ", ".join(part for part in parts if part)


class PartnerCenterPanel(QWidget):
    """Shown on Account info when Partner Center is used; see the module's docstring."""

    rules_arrived = Signal()

    def __init__(
        self,
        form: AccountForm,
        access: Callable[[], PartnerCenterAccess],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._access = access
        self._rules: dict[str, r.CountryValidationRules | None] = {}
        self._asked_address: CustomerInput | None = None
        self.check: AddressCheck | None = None
        self.heading = QLabel(self.tr("Partner Center"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.address_status = QLabel(self)
        self.address_status.setObjectName("address_status")
        self.address_status.setWordWrap(True)
        self.address_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion_buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.address_status)
        for n in range(MAX_SUGGESTIONS):
            button = QPushButton(self)
            button.setObjectName(f"suggestion_{n}")
            button.setStyleSheet("text-align: left; padding: 2px 8px;")
            button.clicked.connect(lambda _checked=False, n=n: self.take_suggestion(n))
            button.hide()
            self.suggestion_buttons.append(button)
            layout.addWidget(button)
        self.gdap = QCheckBox(
            self.tr(
                "Create the default GDAP relationship (Partner Center's default roles for new "
                "customers)"
            ),
            self,
        )
        self.gdap.setObjectName("enable_gdap_by_default")
        self.gdap.setToolTip(
            self.tr(
                "Partner Center's enableGDAPByDefault: a granular delegated admin relationship "
                "with its default roles is made with the customer. Assign your security groups "
                "to its roles afterwards."
            )
        )
        layout.addWidget(self.gdap)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_address_now)
        form.changed.connect(self._form_changed)
        form.country_changed.connect(self.load_rules)
        form.extra_rules = self.problems
        self.load_rules(form.country_code())

    # -- the country's rules ----------------------------------------------------------------------

    def load_rules(self, country: str) -> None:
        access = self._access()
        if access.connection is None or not access.online or not country:
            return
        if country in self._rules:
            return
        connection = access.connection
        Operation(self, lambda: country_rules(connection, country)).quiet().success(
            lambda rules: self._rules_read(country, rules)
        ).failure(lambda _error: True).run()  # offline: the local rules stand alone

    def _rules_read(self, country: str, rules: r.CountryValidationRules | None) -> None:
        self._rules[country] = rules
        self._form.show_messages_again()
        self.rules_arrived.emit()

    def problems(self, data: CustomerInput) -> dict[str, str]:
        rules = self._rules.get(data.country)
        return {name: translated(text) for name, text in rule_problems(rules, data).items()}

    # -- the address ------------------------------------------------------------------------------

    def _address_of(self, data: CustomerInput) -> tuple[str, ...]:
        return (data.country, data.address_line1, data.address_line2, data.city, data.state,
                data.postal_code)  # fmt: skip

    def _form_changed(self) -> None:
        data = self._form.customer_input()
        if self._asked_address is not None and self._address_of(data) == self._address_of(
            self._asked_address
        ):
            return
        complete = all((data.address_line1.strip(), data.city.strip(), data.postal_code.strip()))
        if complete:
            self._timer.start()
        else:
            self._timer.stop()

    def check_address_now(self) -> Operation[AddressCheck] | None:
        self._timer.stop()
        access = self._access()
        if access.connection is None or not access.online:
            self.address_status.setText(
                self.tr("Partner Center checks the address when you submit (not signed in).")
            )
            return None
        data = self._form.customer_input()
        self._asked_address = data
        connection = access.connection
        self.address_status.setText(self.tr("Checking the address with Partner Center…"))
        return (
            Operation(self, lambda: check_address(connection, data))
            .quiet()
            .success(lambda found: self._address_checked(data, found))
            .failure(self._address_unchecked)
            .run()
        )

    def _address_checked(self, data: CustomerInput, found: AddressCheck) -> None:
        if self._address_of(self._form.customer_input()) != self._address_of(data):
            return  # changed meanwhile: the next check decides
        self.check = found
        text = translated(found.said)
        if found.detail and found.status not in {"VerifiedShippable", "Verified"}:
            text += " " + self.tr("(Partner Center: {detail})").format(detail=found.detail)
        verified = found.status in {"VerifiedShippable", "Verified"}
        if found.suggestions and not verified:
            text += " " + (
                self.tr("Click a suggestion to use it, or keep the address as it is.")
                if found.may_keep
                else self.tr("Click a suggestion to use it.")
            )
        self.address_status.setText(text)
        for n, button in enumerate(self.suggestion_buttons):
            shown = n < len(found.suggestions) and not verified
            button.setVisible(shown)
            if shown:
                button.setText(
                    self.tr("Use: {address}").format(address=address_text(found.suggestions[n]))
                )

    def _address_unchecked(self, error: PcdeskError) -> bool:
        self.address_status.setText(
            self.tr("The address could not be checked with Partner Center: {reason}").format(
                reason=translated(error.message)
            )
        )
        for button in self.suggestion_buttons:
            button.hide()
        return True

    def take_suggestion(self, n: int) -> None:
        if self.check is None or n >= len(self.check.suggestions):
            return
        chosen = self.check.suggestions[n]
        self._form.address.set_values(
            {
                "address_line1": chosen.address_line1,
                "address_line2": chosen.address_line2,
                "city": chosen.city,
                "state": chosen.state,
                "postal_code": chosen.postal_code,
            }
        )
        self.address_status.setText(
            self.tr("Partner Center's suggestion is in the address: {address}.").format(
                address=address_text(chosen)
            )
        )
        self._asked_address = self._form.customer_input()
        for button in self.suggestion_buttons:
            button.hide()
