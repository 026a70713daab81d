"""Choosing the indirect reseller of a customer: type to search by name, Partner ID or country."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from pcdesk.services.resellers.records import ResellerData
from pcdesk.services.validation import country_name
from pcdesk.views.common.ui_locale import ui_locale


class ResellerPicker(QComboBox):
    """An editable list: "None" first, then each active reseller with Partner ID and country.

    Typing filters the list on any part of the text; what is typed must end up naming one entry.
    A reseller chosen before the list is filled (a draft restored while the resellers are read)
    is chosen once it is.
    """

    reseller_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.text_edit().setPlaceholderText(self.tr("Type a name, Partner ID or country"))
        self.currentIndexChanged.connect(self.reseller_changed)
        self.editTextChanged.connect(self.reseller_changed)  # typed text may name no entry
        self._filled = False
        self._wanted: int | None = None  # chosen before the list was filled
        self.set_resellers(())
        self._filled = False

    def text_edit(self) -> QLineEdit:
        """The typing part of the list (there is always one: the list is editable)."""
        edit = self.lineEdit()
        assert edit is not None
        return edit

    def set_resellers(self, resellers: tuple[ResellerData, ...]) -> None:
        chosen = self.reseller_id()
        self._filled = True
        self._wanted = None
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("None"), None)
        for reseller in resellers:
            text = self.tr("{name} — Partner ID {partner_id} — {country}").format(
                name=reseller.name,
                partner_id=reseller.partner_id,
                country=country_name(reseller.country, ui_locale()),
            )
            self.addItem(text, reseller.id)
        self.blockSignals(False)
        self.set_reseller_id(chosen)

    def reseller_id(self) -> int | None:
        """The chosen reseller's id; None for "None" (and for text naming no entry)."""
        if not self._filled:
            return self._wanted
        index = self.matched_index()
        data = self.itemData(index) if index >= 0 else None
        return int(data) if data is not None else None

    def matched_index(self) -> int:
        """The entry the typed text names (-1 if none): the current one, or an exact match."""
        text = self.currentText().strip()
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            return self.currentIndex()
        return self.findText(text, Qt.MatchFlag.MatchFixedString)

    def has_valid_text(self) -> bool:
        return self.matched_index() >= 0

    def set_reseller_id(self, reseller_id: int | None) -> None:
        if not self._filled:
            self._wanted = reseller_id
        index = self.findData(reseller_id) if reseller_id is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.show_start()

    def show_start(self) -> None:
        """Show the beginning of the chosen reseller's text (its name), not its end."""
        edit = self.lineEdit()
        if edit is not None and not edit.hasFocus():
            edit.setCursorPosition(0)
