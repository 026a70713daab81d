"""The partner's own profile: asked for on first start, editable later from Partner > Partner
profile… (profile_launcher.py; read and saved off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from pcdesk.enums import PartnerCenterInstance, PartnerType
from pcdesk.errors import PcdeskError, ValidationFailed
from pcdesk.partner_center import settings as pc_settings
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.profile import (
    PartnerProfileData,
    get_partner_profile,
    set_partner_profile,
)
from pcdesk.services.validation import validate_partner_profile
from pcdesk.services.validation.partner import normalize_guid
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation

TEXT_FIELDS = ("name", "tenant_id", "partner_id", "domain")


class PartnerProfileDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.saved: PartnerProfileData | None = None
        self.setWindowTitle(self.tr("Partner profile"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "Tell pcdesk about your organization as Partner Center knows it. The tenant ID "
                "goes into the relationship links you send to customers."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.name = QLineEdit(self)
        self.tenant_id = QLineEdit(self)
        self.tenant_id.setPlaceholderText("00000000-0000-0000-0000-000000000000")
        self.partner_id = QLineEdit(self)
        self.partner_id.setPlaceholderText(self.tr("for example 4847383"))
        self.partner_type = QComboBox(self)
        for label, value in (
            (self.tr("Direct-bill partner"), PartnerType.DIRECT_BILL),
            (self.tr("Indirect provider"), PartnerType.INDIRECT_PROVIDER),
            (self.tr("Indirect reseller"), PartnerType.INDIRECT_RESELLER),
        ):
            self.partner_type.addItem(label, value)
        self.instance = QComboBox(self)
        for label, instance in (
            (self.tr("Partner Center (global)"), PartnerCenterInstance.GLOBAL),
            (self.tr("Partner Center for US Government"), PartnerCenterInstance.US_GOVERNMENT),
            (self.tr("Partner Center operated by 21Vianet"), PartnerCenterInstance.CHINA_21VIANET),
        ):
            self.instance.addItem(label, instance)
        self.domain = QLineEdit(self)
        self.domain.setPlaceholderText(self.tr("optional, for example contoso-csp.com"))
        # The partner's own native app in Entra ID, for signing in to Partner Center.
        self.app_id = QLineEdit(self)
        self.app_id.setPlaceholderText(self.tr("from Partner Center: App management"))
        self.app_id.setToolTip(
            self.tr(
                "In Partner Center, Account settings > App management > Add new native app "
                "gives your app's application (client) ID. Needed to sign in and sync."
            )
        )

        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("Partner &name:"), self.name),
            ("tenant_id", self.tr("Partner &tenant ID:"), self.tenant_id),
            ("partner_id", self.tr("Partner &ID (MPN ID):"), self.partner_id),
            ("partner_type", self.tr("Partner t&ype:"), self.partner_type),
            ("instance", self.tr("Partner Center &instance:"), self.instance),
            ("domain", self.tr("Your email &domain:"), self.domain),
            ("partner_center_app_id", self.tr("Partner Center &application ID:"), self.app_id),
        ]
        for field, label, widget in rows:
            form.addRow(label, widget)
            message = FieldMessage(self)
            form.addRow("", message)
            self.messages[field] = message
        for field in TEXT_FIELDS:
            edit: QLineEdit = getattr(self, field)
            edit.editingFinished.connect(lambda field=field: self._check_field(field))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self._load()

    def _load(self) -> None:
        """Read the profile recorded (none on first start); Save waits for it."""
        db = self._db
        Operation(self, lambda: (get_partner_profile(db), pc_settings.load(db).app_id)).busy(
            self.save_button
        ).success(self._show_profile).run()

    def _show_profile(self, found: tuple[PartnerProfileData | None, str | None]) -> None:
        profile, app_id = found
        self.app_id.setText(app_id or "")
        if profile is None:
            return
        self.name.setText(profile.name)
        self.tenant_id.setText(profile.tenant_id)
        self.partner_id.setText(profile.partner_id)
        self.partner_type.setCurrentIndex(self.partner_type.findData(profile.partner_type))
        self.instance.setCurrentIndex(self.instance.findData(profile.instance))
        self.domain.setText(profile.domain)

    def current_input(self) -> PartnerProfileInput:
        return PartnerProfileInput(
            name=self.name.text(),
            tenant_id=self.tenant_id.text(),
            partner_id=self.partner_id.text(),
            partner_type=PartnerType(self.partner_type.currentData()),
            instance=PartnerCenterInstance(self.instance.currentData()),
            domain=self.domain.text(),
        )

    def _check_field(self, field: str) -> None:
        errors = validate_partner_profile(self.current_input())
        self._show(field, errors.get(field))

    def _show(self, field: str, message: str | None) -> None:
        self.messages[field].show_error_or_clear(message)

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in self.messages:
            self._show(field, errors.get(field))
        first = next((f for f in TEXT_FIELDS if f in errors), None)
        if first is not None:
            getattr(self, first).setFocus()

    def accept(self) -> None:
        app_id = self.app_id.text().strip()
        if app_id and normalize_guid(app_id) is None:
            self.show_errors({"partner_center_app_id": pc_settings.app_id_message()})
            self.app_id.setFocus()
            return
        db, data = self._db, self.current_input()
        instance = PartnerCenterInstance(self.instance.currentData())

        def save() -> PartnerProfileData:
            saved = set_partner_profile(db, data)
            pc_settings.save(db, app_id, instance)
            return saved

        Operation(self, save).busy(self.save_button).success(self._written).failure(
            self._refused
        ).changes(Changes(partner=True)).run()

    def _written(self, saved: PartnerProfileData) -> None:
        self.saved = saved
        super().accept()

    def _refused(self, error: PcdeskError) -> bool:
        if not isinstance(error, ValidationFailed):
            return False  # the presenter says why
        self.show_errors(error.errors)  # what the user typed stays in the fields
        return True
