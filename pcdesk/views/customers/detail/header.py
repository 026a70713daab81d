"""The pane's header: which customer this is, with its domain and Microsoft ID to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from pcdesk.services.customers.details import CustomerDetails
from pcdesk.views.common.elided_label import ElidedLabel

_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class CustomerHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company = QLabel(self)
        self.company.setObjectName("company_name")
        self.company.setWordWrap(True)
        self.company.setTextFormat(Qt.TextFormat.PlainText)
        self.company.setTextInteractionFlags(_SELECTABLE)
        font = self.company.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.company.setFont(font)
        self.domain = self._value("domain", self.tr("Domain"))
        self.microsoft_id = self._value("microsoft_id", self.tr("Microsoft ID"))
        self.copy_id = QToolButton(self)
        self.copy_id.setText(self.tr("Cop&y"))
        self.copy_id.setToolTip(self.tr("Copy the Microsoft ID"))
        self.copy_id.setAccessibleName(self.tr("Copy the Microsoft ID"))
        self.copy_id.clicked.connect(self.copy_microsoft_id)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.company, 0, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Domain:"), self), 1, 0)
        grid.addWidget(self.domain, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Microsoft ID:"), self), 2, 0)
        grid.addWidget(self.microsoft_id, 2, 1)
        grid.addWidget(self.copy_id, 2, 2)
        self.partner_center = QLabel(self)
        self.partner_center.setObjectName("partner_center_state")
        self.partner_center.setWordWrap(True)
        grid.addWidget(self.partner_center, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)  # the Copy button stays beside its ID

    def _value(self, name: str, accessible: str) -> ElidedLabel:
        # A GUID or a domain has no place to wrap: on a narrow pane it ends in "…" (the whole
        # value in its tooltip; Copy copies the whole ID) rather than widen the pane.
        label = ElidedLabel(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(_SELECTABLE)
        label.setAccessibleName(accessible)
        return label

    def show_details(self, details: CustomerDetails) -> None:
        self.company.setText(details.company_name)
        self.domain.set_full_text(details.domain)
        self.microsoft_id.set_full_text(details.microsoft_id)
        texts = {
            "pending": self.tr(
                "Not yet in Partner Center: its creation waits in Partner > Pending changes."
            ),
            "gone": self.tr("No longer in Partner Center."),
        }
        text = texts.get(details.partner_center, "")
        self.partner_center.setText(text)
        self.partner_center.setVisible(bool(text))
        self.copy_id.setEnabled(details.partner_center != "pending")
        if details.partner_center == "pending":
            self.microsoft_id.set_full_text(self.tr("(given by Partner Center when created)"))

    def copy_microsoft_id(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.microsoft_id.full_text())
