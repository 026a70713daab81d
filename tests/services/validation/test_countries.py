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
    names = [country_name(code).casefold() for code in codes]
    assert names == sorted(names)
    assert codes[0] == "AF"  # Afghanistan


def test_known_countries() -> None:
    assert is_known_country("tw")
    assert not is_known_country("UK")
    assert not is_known_country("ZZ")
    assert country_problem("GB") is None
    assert country_problem(" uk ") == "“uk” is not a country code: the United Kingdom is GB."
