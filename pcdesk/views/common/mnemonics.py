"""Keyboard mnemonics (Alt+letter) for forms whose labels change at run time.

Address labels depend on the country and every label on the language, so mnemonics are not
written into the texts: they are given out here, in form order, first free letter first, the way
KDE's accelerator manager does. Chinese, Japanese or Korean text with no free letter of its own gets
one appended in brackets, the convention of CJK interfaces ("公司名稱(&K)" and its colon); text in
a Latin script with no free letter gets none ("Signer email(K):" reads as a typo in English).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractButton, QLabel

PLAIN_TEXT = "plainText"  # property holding a widget's text without its mnemonic
_CANDIDATES = string.ascii_lowercase + string.digits


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with a mnemonic on its first letter not in ``taken`` (which is updated)."""
    plain = text.replace("&", "&&")
    for index, char in enumerate(plain):
        key = char.casefold()
        if char.isascii() and char.isalnum() and key not in taken:
            taken.add(key)
            return plain[:index] + "&" + plain[index:]
    if not _is_cjk(plain):
        return plain  # no free letter of its own: none, rather than a bracketed one
    spare = next((key for key in _CANDIDATES if key not in taken), None)
    if spare is None:
        return plain  # no letter left: better none than one that cycles between fields
    taken.add(spare)
    suffix = plain[-1:] if plain[-1:] in (":", "\uff1a") else ""  # Chinese: a full-width colon
    body = plain[: len(plain) - len(suffix)]
    return f"{body}(&{spare.upper()}){suffix}"


def _is_cjk(text: str) -> bool:
    """Whether ``text`` is written in Chinese, Japanese or Korean (where "(&X)" is the custom)."""
    return any(
        "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uf900" <= char <= "\ufaff"
        for char in text
    )


def mnemonic_of(text: str) -> str | None:
    """The letter Alt presses with for ``text`` ("&Save" → "s"), None when it has none."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] != "&":
                return text[index + 1].casefold()
            index += 1
        index += 1
    return None


def assign_mnemonics(widgets: Iterable[QLabel | QAbstractButton], reserved: Iterable[str]) -> None:
    """Give each widget a mnemonic no other widget (or ``reserved`` letter) has."""
    taken = {key.casefold() for key in reserved}
    for widget in widgets:
        plain = widget.property(PLAIN_TEXT)
        if not isinstance(plain, str):
            plain = widget.text()
            widget.setProperty(PLAIN_TEXT, plain)
        widget.setText(with_mnemonic(plain, taken))


def plain_text(widget: QLabel | QAbstractButton) -> str:
    """A label's text without its mnemonic."""
    plain = widget.property(PLAIN_TEXT)
    return (
        plain
        if isinstance(plain, str)
        else widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    )


def set_plain_text(widget: QLabel | QAbstractButton, text: str) -> None:
    """Change a label's text; its mnemonic is given out again by the next assign_mnemonics."""
    widget.setProperty(PLAIN_TEXT, text)
    widget.setText(text.replace("&", "&&"))


def button_text(text: str) -> str:
    """A menu text as a toolbar button shows it: no mnemonic, not even a Chinese "(&A)", and no
    ellipsis ("新增客戶(&A)…" reads "新增客戶")."""
    text = re.sub(r"\s*\(&[^&\s]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
