"""Dates and times as the user's locale writes them, always with a four-digit year ("12/6/2026",
"2026/12/6"): a two-digit year reads ambiguously in a list of agreements and requests."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def _four_digit_year(pattern: str) -> str:
    return _TWO_DIGIT_YEAR.sub("yyyy", pattern)


def date_text(day: dt.date) -> str:
    """A day, short, in the locale's order, with its whole year."""
    locale = QLocale()
    pattern = _four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def date_time_text(moment: dt.datetime) -> str:
    """A moment (a stored UTC one is shown in the workstation's time zone), short, whole year."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    locale = QLocale()
    pattern = _four_digit_year(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    value = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return locale.toString(value, pattern)
