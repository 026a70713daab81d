"""File > Preferences… (the application menu on macOS): the interface language, and how often
to sync with Partner Center. ``PreferencesLauncher`` (preferences_launcher.py) opens it and
applies the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pcdesk.views.common.language import (
    CHINESE,
    ENGLISH,
    SYSTEM,
    saved_choice,
    system_language,
)
from pcdesk.views.partner.partner_center import sync_interval

# Each language is named in itself, so whoever cannot read the current one still finds theirs.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "繁體中文 (台灣)"}


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(360)
        self._settings = settings

        box = QGroupBox(self.tr("Interface language"), self)
        self.choices = QButtonGroup(self)
        self.buttons_by_choice: dict[str, QRadioButton] = {}
        box_layout = QVBoxLayout(box)
        for choice, text in (
            (
                SYSTEM,
                self.tr("&Same as the system ({language})").format(
                    language=LANGUAGE_NAMES[system_language()]
                ),
            ),
            (ENGLISH, "&English"),
            (CHINESE, LANGUAGE_NAMES[CHINESE] + "(&C)"),
        ):
            button = QRadioButton(text, box)
            self.choices.addButton(button)
            self.buttons_by_choice[choice] = button
            box_layout.addWidget(button)
        self.buttons_by_choice[saved_choice(settings)].setChecked(True)

        self.note = QLabel(
            self.tr(
                "When you click OK, pcdesk reopens its window in the language you chose. Dates, "
                "numbers, prices and country names follow the language too."
            ),
            self,
        )
        self.note.setWordWrap(True)

        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        # Partner Center: how often to sync on its own (0: only when asked).
        sync_box = QGroupBox(self.tr("Partner Center"), self)
        sync_row = QHBoxLayout(sync_box)
        self.sync_minutes = QSpinBox(sync_box)
        self.sync_minutes.setRange(0, 24 * 60)
        self.sync_minutes.setSingleStep(15)
        self.sync_minutes.setSpecialValueText(self.tr("only when I ask"))
        self.sync_minutes.setSuffix(self.tr(" min"))
        self.sync_minutes.setValue(sync_interval(settings if settings is not None else QSettings()))
        sync_label = QLabel(self.tr("S&ync every:"), sync_box)
        sync_label.setBuddy(self.sync_minutes)
        sync_row.addWidget(sync_label)
        sync_row.addWidget(self.sync_minutes, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.note)
        layout.addWidget(sync_box)
        layout.addStretch(1)
        layout.addWidget(self.button_box)

    def choice(self) -> str:
        """SYSTEM, ENGLISH or CHINESE, as now checked."""
        return next(
            choice for choice, button in self.buttons_by_choice.items() if button.isChecked()
        )
