"""File > Preferences… (the application menu on macOS): the interface language, and how often
to sync with Partner Center.

The choice is saved when the user clicks OK. If it changes the language, ``language_changed``
asks the application to reopen its window in that language (app.py): the texts of a window are
set when it is built, so a new window is the cheap and complete way to switch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
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
    current_language,
    language_of,
    save_choice,
    saved_choice,
    system_language,
)
from pcdesk.views.partner.partner_center import SYNC_INTERVAL_KEY, sync_interval

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


class PreferencesLauncher(QObject):
    """Owns the Preferences action; ``language_changed(language)`` once a new one is saved."""

    language_changed = Signal(str)
    schedule_changed = Signal()  # the Partner Center sync interval was saved

    def __init__(self, window: QWidget, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(self.tr("Pr&eferences…"), self)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.setShortcut(QKeySequence.StandardKey.Preferences)  # Cmd+, on macOS only
        self.action.setStatusTip(self.tr("Choose the language of pcdesk"))
        self.action.setToolTip(self.action.statusTip())
        self.action.triggered.connect(self.open)

    def open(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self._window, self._settings)
        dialog.accepted.connect(lambda: self._apply_sync(dialog.sync_minutes.value()))
        dialog.accepted.connect(lambda: self._apply(dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _apply_sync(self, minutes: int) -> None:
        settings = self._settings if self._settings is not None else QSettings()
        if sync_interval(settings) != minutes:
            settings.setValue(SYNC_INTERVAL_KEY, minutes)
            self.schedule_changed.emit()

    def _apply(self, choice: str) -> None:
        save_choice(choice, self._settings)
        language = language_of(choice)
        if language != current_language():
            self.language_changed.emit(language)
