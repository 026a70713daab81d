"""The collation key: names in the order people in Taiwan expect, the same on every platform."""

from __future__ import annotations

import itertools
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcdesk.models.collation import sort_key

# Real Taiwanese companies, in zh-TW stroke order: 一 1 stroke, 二 2, 大 3, 中 4, 台 5, 宏 7,
# 統 12, 華 12 (Taiwan counts 艹 as four strokes; by Unihan's count, 10, it would come before
# 統), 臺 14, 鴻 17. Within a stroke count, by radical: 統 (糸) before 華 (艸).
TAIWANESE = [
    "一品",
    "二林",
    "大同",
    "中華電信",
    "台灣積體電路",
    "宏碁",
    "統一",
    "華碩",
    "臺灣",
    "鴻海",
]


def ordered(names: list[str]) -> list[str]:
    return sorted(names, key=sort_key)


def test_chinese_names_sort_by_strokes_as_taiwan_counts_them() -> None:
    assert ordered(list(reversed(TAIWANESE))) == TAIWANESE
    # a name before the longer names it starts
    assert ordered(["中華電信", "中華", "中"]) == ["中", "中華", "中華電信"]
    # 芒 and 迅 have 7 strokes in Taiwan (6 on the mainland): after 伽 (7, radical 人)
    assert ordered(["芒果", "迅雷", "伽利略", "吉"]) == ["吉", "伽利略", "芒果", "迅雷"]


def test_symbols_then_digits_then_latin_then_other_scripts_then_chinese() -> None:
    names = ["鴻海", "Ωmega", "Acme", "3M", "(株)", "Бета", "アイ", "ㄅㄆ", "一品"]
    assert ordered(names) == ["(株)", "3M", "Acme", "Ωmega", "Бета", "アイ", "ㄅㄆ", "一品", "鴻海"]


def test_latin_names_sort_without_regard_to_case_width_or_accents() -> None:
    assert (
        sort_key("ACME")
        == sort_key("acme")
        == sort_key("\uff21\uff23\uff2d\uff25")
        == sort_key("Ácme")
    )
    assert sort_key("Straße") == sort_key("STRASSE")
    assert sort_key("  Contoso   Ltd ") == sort_key("Contoso Ltd")
    countries = ["Albania", "Åland Islands", "Afghanistan", "Zambia", "Ørsted"]
    assert ordered(countries) == ["Afghanistan", "Åland Islands", "Albania", "Ørsted", "Zambia"]
    # punctuation and spaces come before letters, as in ICU
    assert ordered(["AB", "A.B", "A B", "A-B"]) == ["A B", "A-B", "A.B", "AB"]


def test_kana_and_thai_sort_as_icu_sorts_them() -> None:
    assert sort_key("アイ") == sort_key("あい")  # katakana with hiragana
    assert sort_key("ガ") == sort_key("か")  # the voicing mark counts less than the letter
    # Thai: a vowel written before its consonant sorts after it (เก as กเ); tone marks count less
    assert ordered(["เก", "กา", "กข"]) == ["กข", "กา", "เก"]
    assert sort_key("ก่า") == sort_key("กา")


# Characters of every kind of token (not those that combine with their neighbours, as Hangul
# jamo, combining accents or Thai vowels do: there the name is not the prefix it looks like).
NAME_CHARACTERS = st.sampled_from(list("aZ09 .,-_()$@ßÅæ一中臺鴻𠀀ㄅアΩБ#"))


@given(st.lists(st.text(NAME_CHARACTERS, max_size=6), min_size=2, max_size=5))
def test_a_key_orders_a_name_before_the_longer_names_it_starts(pieces: list[str]) -> None:
    """Tokens never run into each other: comparing keys compares the names character by
    character, so appending text never moves a name before where it was."""
    name = "".join(pieces[:-1])
    longer = name + pieces[-1]
    assert sort_key(name) <= sort_key(longer)
    assert sort_key(longer).startswith(sort_key(name)) or not name.strip()


@pytest.mark.skipif(
    sys.platform != "linux", reason="Qt uses ICU for QCollator on Linux (the OS elsewhere)"
)
def test_the_order_is_icus_zh_tw_order_within_latin_and_within_chinese() -> None:
    """The same order as QCollator's zh_TW (ICU's "stroke" collation), except that ICU puts
    Chinese before Latin. Names equal in key (case, accents) may go either way."""
    qt_core = pytest.importorskip("PySide6.QtCore")
    collator = qt_core.QCollator(qt_core.QLocale("zh_TW"))
    chinese = [
        *TAIWANESE,
        "台達電子",
        "國泰金控",
        "富邦",
        "長榮",
        "聯發科技",
        "友達光電",
        "廣達電腦",
        "和碩",
        "仁寶",
        "緯創",
        "英業達",
        "光寶",
        "中鋼",
        "台塑",
        "南亞",
        "遠傳電信",
        "第一銀行",
        "彰化銀行",
        "新光",
        "元大",
        "永豐",
        "凱基",
        "玉山",
        "兆豐",
        "合作金庫",
        "3M 台灣",
        "(股)台積電",
    ]
    latin = [
        "Acme",
        "Contoso, Ltd.",
        "Contoso Ltd",
        "Fabrikam",
        "Ørsted",
        "Åland",
        "Zeta",
        "Œuvre",
        "Straße",
        "Strassen",
        "9 Lives",
        "0 Days",
        "_x",
        "~y",
        "@home",
        "#1",
        "$5 Shop",
        "a-b",
        "a_b",
        "a/b",
        "a b",
        "IBM",
        "Ωmega",
        "Бета",
    ]
    for names in (chinese, latin):
        for first, second in itertools.combinations(names, 2):
            if sort_key(first) != sort_key(second):
                assert (sort_key(first) < sort_key(second)) == (
                    collator.compare(first, second) < 0
                ), (first, second)
