"""The address rows of a form, shown, labelled, ordered and required as the country says.

The rows live in the caller's QFormLayout (so their labels line up with the other fields); the
editors are made once and moved, not re-created, when the country changes, so what the user typed
stays where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from pcdesk.services.validation import AddressForm, address_form
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.translate import translated

ADDRESS_FIELDS = ("address_line1", "address_line2", "city", "state", "postal_code")


class AddressRows(QObject):
    """Address editors in a form layout, below a given row; ``changed`` on every edit."""

    changed = Signal()
    left = Signal(str)  # a field's name, when the user leaves it

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self._form = form
        self._parent = parent
        self.edits: dict[str, QLineEdit] = {}
        for name in ADDRESS_FIELDS:
            edit = QLineEdit(parent)
            edit.setObjectName(name)
            edit.setMaxLength(200)
            edit.textChanged.connect(self.changed)
            edit.editingFinished.connect(lambda name=name: self.left.emit(name))
            self.edits[name] = edit
        self.edits["postal_code"].setMaxLength(20)
        self.edits["city"].setMaxLength(100)
        # Countries that list their states get a list; others a text field (self.edits["state"]).
        self.state_list = QComboBox(parent)
        self.state_list.setObjectName("state_list")
        self.state_list.currentIndexChanged.connect(self.changed)
        self.state_list.activated.connect(lambda _index: self.left.emit("state"))
        self.messages = {name: FieldMessage(parent) for name in ADDRESS_FIELDS}
        self.labels: dict[str, QLabel] = {}
        self.form_spec: AddressForm = address_form("")
        self._states: dict[str, str] = {}
        self._rows: list[tuple[QLabel, QWidget, FieldMessage]] = []

    # -- layout ---------------------------------------------------------------------------------

    def place(self, country: str, row: int) -> list[QWidget]:
        """Show the country's fields from form row ``row`` on; returns the editors in order."""
        # A state belongs to its country ("WA" is Washington in the US, Western Australia in
        # AU): each country gets back what was chosen for it, not another country's value.
        if self.form_spec.country:
            self._states[self.form_spec.country] = self.values()["state"]
        self._take_rows()
        self.form_spec = address_form(country)
        state = self._states.get(self.form_spec.country, "")
        editors: list[QWidget] = []
        for spec in self.form_spec.fields:
            text = (
                self.tr("{label}:").format(label=translated(spec.label))
                if spec.required
                else self.tr("{label} (optional):").format(label=translated(spec.label))
            )
            label = QLabel(text, self._parent)
            editor = self.editor(spec.name)
            if spec.name == "state" and spec.choices:
                self._fill_states(spec.choices, state)
            elif spec.name == "state":
                self.edits["state"].setText(state)
            if spec.name == "postal_code":
                example = self.form_spec.postal_code_example
                self.edits["postal_code"].setPlaceholderText(
                    self.tr("for example {example}").format(example=example) if example else ""
                )
            label.setBuddy(editor)
            editor.setAccessibleName(text.rstrip(":\uff1a"))
            editor.show()
            message = self.messages[spec.name]
            self._form.insertRow(row, label, editor)
            self._form.insertRow(row + 1, "", message)
            row += 2
            self.labels[spec.name] = label
            self._rows.append((label, editor, message))
            editors.append(editor)
        for name in self.hidden_fields():
            self.editor(name).hide()
            self.messages[name].clear()
        # Of the two state editors, the one not in a row must not float over the form.
        (self.edits["state"] if self.has_state_list() else self.state_list).hide()
        return editors

    def _take_rows(self) -> None:
        for label, editor, message in self._rows:
            self._form.takeRow(editor)
            self._form.takeRow(message)
            label.hide()  # out of the layout but still painted until Qt deletes it
            label.deleteLater()
        self._rows.clear()
        self.labels.clear()

    def _fill_states(self, choices: tuple[tuple[str, str], ...], current: str) -> None:
        self.state_list.blockSignals(True)
        self.state_list.clear()
        self.state_list.addItem(self.tr("Choose…"), "")
        for key, name in choices:
            # "Washington (WA)"; "台北市 (Taipei City)": either script finds it by typing.
            if name == key:
                label = name
            elif key.isascii():
                label = f"{name} ({key})"
            else:
                label = f"{key} ({name})"
            self.state_list.addItem(label, key)
        found = self._state_index(current)
        self.state_list.setCurrentIndex(max(found, 0))
        self.state_list.blockSignals(False)

    def _state_index(self, value: str) -> int:
        wanted = value.strip().casefold()
        if not wanted:
            return -1
        for index in range(1, self.state_list.count()):
            key = str(self.state_list.itemData(index)).casefold()
            name = self.state_list.itemText(index).casefold()
            if (
                wanted in (key, name)
                or name.startswith(wanted + " (")
                or name.endswith(f"({wanted})")
            ):
                return index
        return -1

    # -- values ---------------------------------------------------------------------------------

    def has_state_list(self) -> bool:
        return any(spec.name == "state" and spec.choices for spec in self.form_spec.fields)

    def editor(self, name: str) -> QWidget:
        if name == "state" and self.has_state_list():
            return self.state_list
        return self.edits[name]

    def shown_fields(self) -> list[str]:
        return [spec.name for spec in self.form_spec.fields]

    def hidden_fields(self) -> list[str]:
        shown = self.shown_fields()
        return [name for name in ADDRESS_FIELDS if name not in shown]

    def values(self) -> dict[str, str]:
        """The values of the fields the country uses ("" for the others)."""
        shown = self.shown_fields()
        values = {name: self.edits[name].text() if name in shown else "" for name in ADDRESS_FIELDS}
        if "state" in shown:
            values["state"] = (
                str(self.state_list.currentData() or "")
                if self.has_state_list()
                else self.edits["state"].text()
            )
        return values

    def set_values(self, values: dict[str, str]) -> None:
        for name in ADDRESS_FIELDS:
            self.edits[name].setText(values.get(name, ""))
        if self.has_state_list():
            self.state_list.setCurrentIndex(max(self._state_index(values.get("state", "")), 0))
