"""Partner > Sign in to Partner Center, on another device: the address to open and the code to
enter there, shown while the sign-in waits (partner_center.py starts it)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from pcdesk.partner_center.auth import DeviceCode


class DeviceCodeDialog(QDialog):
    """Signing in on another device: the address to open and the code to enter there."""

    def __init__(self, code: DeviceCode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.stop = threading.Event()
        self.setWindowTitle(self.tr("Sign in to Partner Center"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "On a phone or another computer, open {address} and enter this code. Sign in "
                "with your work account; this window closes by itself once you have."
            ).format(address=code.verification_uri),
            self,
        )
        intro.setWordWrap(True)
        self.code_label = QLabel(code.user_code, self)
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(
            self.code_label.textInteractionFlags()
            | self.code_label.textInteractionFlags().TextSelectableByMouse
        )
        self.copy_button = QPushButton(self.tr("&Copy the code"), self)
        self.copy_button.clicked.connect(self._copy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.buttons)
        self.rejected.connect(self.stop.set)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.user_code)
