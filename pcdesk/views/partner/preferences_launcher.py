"""File > Preferences… (the application menu on macOS): the action, opening the dialog
(preferences_dialog.py) when first asked, and applying what the user chose.

The choice is saved when the user clicks OK. If it changes the language, ``language_changed``
asks the application to reopen its window in that language (app.py): the texts of a window are
set when it is built, so a new window is the cheap and complete way to switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from pcdesk.views.common.language import current_language, language_of, save_choice
from pcdesk.views.partner.partner_center import SYNC_INTERVAL_KEY, sync_interval

if TYPE_CHECKING:
    from pcdesk.views.partner.preferences_dialog import PreferencesDialog


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
        # (Imported here: the dialog loads when first opened.)
        from pcdesk.views.partner.preferences_dialog import PreferencesDialog

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
