"""The interface's locale, named the way babel (country and language names, money) wants it."""

from __future__ import annotations

import functools

from PySide6.QtCore import QLocale

FALLBACK_LOCALE = "en_US"


@functools.cache
def _babel_locale(qt_name: str) -> str:
    # Qt says "C" for the POSIX locale and may name locales babel does not know: fall back.
    from babel import Locale, UnknownLocaleError  # (first asked for once the window shows)

    try:
        return str(Locale.parse(qt_name))
    except (ValueError, UnknownLocaleError):
        return FALLBACK_LOCALE


def ui_locale() -> str:
    """The interface's locale as babel names it ("en_US", "zh_Hant_TW")."""
    return _babel_locale(QLocale().name())
