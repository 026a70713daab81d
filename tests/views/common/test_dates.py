"""Dates read with their whole year, in the locale's order."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from pcdesk.views.common.dates import date_text, date_time_text


def test_a_date_has_four_digits_of_year_in_english_and_chinese() -> None:
    day = dt.date(2026, 12, 6)
    assert date_text(day) == "12/6/2026"
    moment = dt.datetime(2026, 12, 6, 12, 5, tzinfo=dt.UTC)  # the same day in any time zone
    assert date_time_text(moment).startswith("12/6/2026")
    previous = QLocale()
    QLocale.setDefault(QLocale("zh_TW"))
    try:
        assert date_text(day) == "2026/12/6"
    finally:
        QLocale.setDefault(previous)
