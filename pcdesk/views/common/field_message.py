"""The message shown under a form field: an error (blocks) or a warning (does not)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QWidget,
)

from pcdesk.views.common.translate import translated

_INVALID = "pcdeskInvalid"


def mark_invalid(editor: QWidget, invalid: bool, why: str = "") -> None:
    """Frame a field in error (its message, with an icon, says why: never colour alone).

    The frame's red is the one that reads on the palette in use: darker on a light window,
    lighter on a dark one. Only a line edit is framed; other editors keep their native look.
    """
    target = editor
    if isinstance(editor, QComboBox) and editor.lineEdit() is not None:
        target = editor.lineEdit()  # type: ignore[assignment]
    if not isinstance(target, QLineEdit):
        return
    if bool(target.property(_INVALID)) == invalid and not invalid:
        return
    target.setProperty(_INVALID, invalid)
    target.setAccessibleDescription(why)
    if not invalid:
        target.setStyleSheet("")
        return
    dark = target.palette().color(QPalette.ColorRole.Base).lightness() < 128
    colour = "#ff99a4" if dark else "#c42b1c"  # Fluent's error reds for dark and light
    target.setStyleSheet(
        f"QLineEdit {{ border: 2px solid {colour}; border-radius: 3px; padding: 1px 2px; }}"
    )


class FieldMessage(QWidget):
    """An icon and a wrapped text under a field; hidden while there is nothing to say.

    The icon carries the severity, so nothing depends on a colour that a dark palette or a
    colour-blind user might not see.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.hide()
        self.field: QWidget | None = None  # the editor it speaks about: framed while in error

    def text(self) -> str:
        return "" if self.isHidden() else self._text.text()

    def is_error(self) -> bool:
        return bool(self.property("severity") == "error") and not self.isHidden()

    def show_error(self, message: str) -> None:
        self._show(message, QStyle.StandardPixmap.SP_MessageBoxCritical, "error")

    def show_error_or_clear(self, message: str | None) -> None:
        """The field's error, or nothing when it is right (``message`` empty or None)."""
        if message:
            self.show_error(message)
        else:
            self.clear()

    def show_warning(self, message: str) -> None:
        self._show(message, QStyle.StandardPixmap.SP_MessageBoxWarning, "warning")

    def show_ok(self, message: str) -> None:
        """A reassuring note (e.g. a domain that is free): neither error nor warning."""
        self._show(message, QStyle.StandardPixmap.SP_DialogApplyButton, "ok")

    def clear(self) -> None:
        self.setProperty("severity", "")
        self._text.clear()
        self.hide()
        self._frame(False)

    def _frame(self, invalid: bool) -> None:
        if self.field is not None:
            mark_invalid(self.field, invalid, self._text.text() if invalid else "")

    def _show(self, message: str, icon: QStyle.StandardPixmap, severity: str) -> None:
        size = self.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self._text.setText(translated(message))
        self.setProperty("severity", severity)
        self._text.setAccessibleDescription(self._text.text())
        self.show()
        self._frame(severity == "error")
