"""Lists and sentences joined the way the interface's language writes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from pcdesk.views.common.text_lists import enumerated, listed, sentences


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_english_uses_commas_and_spaces(locale: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert listed(["Company name", "Tags", "Address"]) == "Company name, Tags, and Address"
    assert enumerated(["a", "", "b"]) == "a, b"
    assert sentences(["Not allowed.", " Ask your admin. ", ""]) == "Not allowed. Ask your admin."


def test_chinese_uses_its_enumeration_comma_and_no_space_after_a_full_stop(locale: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan))
    assert listed(["公司名稱", "標籤", "地址"]) == "公司名稱、標籤和地址"
    assert enumerated(["公司名稱", "標籤"]) == "公司名稱、標籤"
    assert sentences(["您是 ana。", "未列出的人只能檢視。"]) == "您是 ana。未列出的人只能檢視。"
