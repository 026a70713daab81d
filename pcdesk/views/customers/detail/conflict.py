"""When another workstation saved a customer first: what differs, and what the user wants now.

The dialog lists each field whose value the user typed differs from the value now saved, and
offers two ways on: take the saved values, or keep the typed ones (the next Save then overwrites
the saved values knowingly). Nothing is written by the dialog itself.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pcdesk.services.customers.create import normalized
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.validation import country_name, culture_label
from pcdesk.views.common.ui_locale import ui_locale

Choice = Literal["saved", "mine"]
SAVED: Choice = "saved"
MINE: Choice = "mine"

# The account's fields, each once: language and culture are one choice on the form.
_SKIPPED = {"language"}


@dataclass(frozen=True)
class Difference:
    field: str
    label: str
    mine: str
    saved: str
    changed_there: bool  # the other workstation changed it (not only the user)


def differences(
    mine: CustomerInput,
    saved: CustomerInput,
    started_from: CustomerInput,
    label_of: Callable[[str], str],
    shown: Callable[[str, CustomerInput], str],
) -> list[Difference]:
    """The fields whose value differs once both sides are written as they would be stored
    (a phone typed with spaces is the same number saved in E.164); ``started_from`` is what
    the edit began with, to tell which the other workstation changed."""
    ours, theirs, before = normalized(mine), normalized(saved), normalized(started_from)
    found: list[Difference] = []
    for field in fields(CustomerInput):
        name = field.name
        if name in _SKIPPED or _same(name, ours, theirs):
            continue
        found.append(
            Difference(
                name,
                label_of(name),
                shown(name, mine),
                shown(name, saved),
                changed_there=not _same(name, before, theirs),
            )
        )
    return found


def _same(name: str, first: CustomerInput, second: CustomerInput) -> bool:
    one, other = getattr(first, name), getattr(second, name)
    if isinstance(one, str) and isinstance(other, str) and name == "state":
        return one.casefold() == other.casefold()
    return bool(one == other)


def shown_value(name: str, data: CustomerInput, reseller_name: Callable[[int | None], str]) -> str:
    """A field's value as the user reads it (a country's name, not its code)."""
    if name == "country":
        return country_name(data.country, ui_locale())
    if name == "culture":
        return culture_label(data.culture, ui_locale()) if data.culture else ""
    if name == "indirect_reseller_id":
        return reseller_name(data.indirect_reseller_id)
    return str(getattr(data, name))


class ConflictDialog(QDialog):
    """Tells the user another workstation saved first, shows the differences, asks which to keep.

    Opened with ``open()``; ``chosen(choice)`` says what the user picked: ``SAVED`` or ``MINE``.
    Closing it otherwise (Esc) decides nothing.
    """

    chosen = Signal(str)

    def __init__(
        self, company: str, found: list[Difference], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer changed"))
        self.found = found
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(
            self.tr(
                "Another workstation changed {company} while you were editing it. "
                "Nothing was saved."
            ).format(company=company),
            self,
        )
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = QLabel(self)
        self.table.setTextFormat(Qt.TextFormat.RichText)
        self.table.setWordWrap(True)
        self.table.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.table.setText(self._table_html())
        scroll = QScrollArea(self)
        scroll.setWidget(self.table)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend = QLabel(
            self.tr("In bold: what the other workstation changed."),
            self,
        )
        self.legend.setWordWrap(True)
        self.legend.setVisible(any(found.changed_there for found in found))
        self.question = QLabel(
            self.tr(
                "Use the saved values, or keep your changes and save them over the saved values?"
            ),
            self,
        )
        self.question.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.use_saved = QPushButton(self.tr("&Use the saved values"), self)
        self.keep_mine = QPushButton(self.tr("&Keep my changes"), self)
        buttons.addButton(self.use_saved, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.use_saved.setDefault(True)
        self.use_saved.clicked.connect(lambda: self._choose(SAVED))
        self.keep_mine.clicked.connect(lambda: self._choose(MINE))

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(scroll, 1)
        text.addWidget(self.legend)
        text.addWidget(self.question)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)
        self.resize(560, min(200 + 24 * len(found), 520))

    def _table_html(self) -> str:
        head = "".join(
            f"<th align='left' style='padding-right:12px'>{html.escape(text)}</th>"
            for text in (self.tr("Field"), self.tr("Yours"), self.tr("Saved now"))
        )
        empty = html.escape(self.tr("(empty)"))
        body = "".join(
            "<tr><td style='padding-right:12px'>{label}</td>"
            "<td style='padding-right:12px'>{mine}</td><td>{saved}</td></tr>".format(
                label=html.escape(found.label),
                mine=html.escape(found.mine) or f"<i>{empty}</i>",
                saved=(
                    f"<b>{html.escape(found.saved) or empty}</b>"
                    if found.changed_there
                    else html.escape(found.saved) or f"<i>{empty}</i>"
                ),
            )
            for found in self.found
        )
        return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"

    def _choose(self, choice: Choice) -> None:
        self.chosen.emit(choice)
        self.accept()
