"""The keys a customer is matched on: names without their legal form, e-mail domains."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcdesk.models.customer import fold as fold_from_customer
from pcdesk.models.keys import email_domain, fold, match_key


def full_width(text: str) -> str:
    return "".join("\u3000" if char == " " else chr(ord(char) + 0xFEE0) for char in text)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Contoso, Ltd.", "contoso"),
        ("CONTOSO LTD", "contoso"),
        ("contoso", "contoso"),
        (full_width("Contoso Ltd"), "contoso"),  # as typed with a CJK input method
        ("Contoso Pty Ltd", "contoso"),
        ("Fourth Coffee GmbH & Co. KG", "fourthcoffee"),
        ("Contoso S.p.A.", "contoso"),
        ("Acme S.à r.l.", "acme"),
        ("Coho Vineyard Ltda.", "cohovineyard"),
        ("Margie's Travel Ltd", "margiestravel"),
        ("The Phone Company", "thephone"),
        ("AB Volvo", "volvo"),
        ("Oy Hartwall Ab", "hartwall"),
        ("富碧坎雲端股份有限公司", "富碧坎雲端"),
        ("富碧坎雲端有限公司", "富碧坎雲端"),
        ("富碧坎雲端 公司", "富碧坎雲端"),
        ("台積電(股)公司", "台積電"),
        ("北方集团有限公司", "北方"),
        ("株式会社ノースウィンド", "ノースウィンド"),
        ("㈱ノースウィンド", "ノースウィンド"),  # NFKC: ㈱ -> (株)
        ("ノースウィンド株式会社", "ノースウィンド"),
        ("주식회사 노스윈드", "노스윈드"),
    ],
)
def test_match_key_drops_case_width_legal_forms_punctuation_and_spaces(name: str, key: str) -> None:
    assert match_key(name) == key


def test_legal_forms_inside_a_name_stay() -> None:
    assert match_key("Limited Edition Bakery") == "limitededitionbakery"
    assert match_key("Inc Ventures Co") == "incventures"
    assert match_key("Company Name Ltd") == "companyname"  # "Company" only ends a name


def test_a_name_that_is_nothing_but_legal_forms_keeps_them() -> None:
    assert match_key("Co., Ltd.") == "coltd"
    assert match_key("LLC") == "llc"
    assert match_key("有限公司") == "有限公司"


def test_names_that_are_not_the_same_company_keep_apart() -> None:
    assert match_key("Contoso Pharmaceuticals") != match_key("Contoso Ltd")
    assert match_key("Northwind Traders") != match_key("Northwind")


@given(st.text(max_size=60))
def test_a_match_key_holds_only_letters_marks_and_digits(name: str) -> None:
    key = match_key(name)
    assert all(unicodedata.category(char)[0] in "LMN" for char in key)
    folded = fold(name)
    assert bool(key) == any(unicodedata.category(char)[0] in "LMN" for char in folded)


@pytest.mark.parametrize(
    ("email", "domain"),
    [
        ("Dana@Contoso.COM", "contoso.com"),
        (" chen@twchip.com.tw ", "twchip.com.tw"),
        ('"a@b"@Example.org', "example.org"),  # the domain follows the last "@"
        ("no-at-sign", ""),
        ("", ""),
    ],
)
def test_email_domain_is_the_lower_case_part_after_the_last_at(email: str, domain: str) -> None:
    assert email_domain(email) == domain


def test_fold_is_still_importable_from_the_customer_model() -> None:
    assert fold_from_customer is fold
    assert fold(full_width("ABC") + " Straße") == "abc strasse"
