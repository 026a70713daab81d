"""Country codes, names and default languages."""

from __future__ import annotations

import pytest

from pcdesk.services.validation import (
    country_codes,
    country_name,
    country_problem,
    default_language,
    is_known_country,
)


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("TW", ("zh", "zh-TW")),
        ("US", ("en", "en-US")),
        ("DE", ("de", "de-DE")),
        ("BR", ("pt", "pt-BR")),
        ("JP", ("ja", "ja-JP")),
        ("GB", ("en", "en-GB")),
        ("NO", ("nb", "nb-NO")),
        ("tw", ("zh", "zh-TW")),
        ("AQ", ("en", "en-US")),
        ("", ("en", "en-US")),
        ("XYZ", ("en", "en-US")),
    ],
)
def test_default_language(country: str, expected: tuple[str, str]) -> None:
    assert default_language(country) == expected


def test_country_names() -> None:
    assert country_name("TW") == "Taiwan"
    assert country_name("TW", "zh_Hant_TW") == "台灣"
    assert country_name("TW", "zh-TW") == "台灣"
    assert country_name("DE", "de") == "Deutschland"
    assert country_name("QQ") == "QQ"
    assert country_name("TW", "not a locale") == "TW"


def test_country_codes_sorted_by_english_name() -> None:
    codes = country_codes()
    assert {"TW", "US", "GB", "BR", "HK"} <= set(codes)
    assert "UK" not in codes and "ZZ" not in codes
    assert len(codes) > 240
    names = [country_name(code) for code in codes]
    assert names[:4] == ["Afghanistan", "Åland Islands", "Albania", "Algeria"]  # Å with the A's
    assert names.index("Taiwan") < names.index("United States") < names.index("Zimbabwe")


def test_country_codes_sorted_by_chinese_name_in_stroke_order() -> None:
    codes = country_codes("zh_Hant_TW")
    assert set(codes) == set(country_codes())
    names = [country_name(code, "zh_Hant_TW") for code in codes]
    # 千 3 strokes, 土 3; 中 4, 日 4; 台 5; 美 9; 德 15; 蘇 20
    assert names[:2] == ["千里達及托巴哥", "土耳其"]
    assert names.index("中國") < names.index("日本") < names.index("台灣") < names.index("美國")
    assert names.index("美國") < names.index("德國") < names.index("蘇丹")
    assert names[-1] == "蘇利南"


def test_known_countries() -> None:
    assert is_known_country("tw")
    assert not is_known_country("UK")
    assert not is_known_country("ZZ")
    assert country_problem("GB") is None
    assert country_problem(" uk ") == "“uk” is not a country code: the United Kingdom is GB."
