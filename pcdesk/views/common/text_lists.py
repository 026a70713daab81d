"""Joining pieces of text the way the interface's language writes them.

English separates list items with commas and sentences with a space; Chinese uses 、 between
items and nothing after 。. The interface's language is QLocale's default (views/language.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def listed(items: Iterable[str]) -> str:
    """ "a, b and c" (English), "a、b和c" (Chinese): a complete list."""
    return QLocale().createSeparatedList([item for item in items if item])


def enumerated(items: Iterable[str]) -> str:
    """ "a, b, c" or "a、b、c": the first items of a longer list ("… and 3 more" follows)."""
    return ("、" if _chinese() else ", ").join(item for item in items if item)


def sentences(parts: Iterable[str]) -> str:
    """Whole sentences one after another: a space between them in English, none in Chinese."""
    return ("" if _chinese() else " ").join(part.strip() for part in parts if part.strip())
