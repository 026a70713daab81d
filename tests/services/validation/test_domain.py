"""The customer's initial domain prefix, and plain domain names."""

from __future__ import annotations

import pytest

from pcdesk.services.validation import (
    domain_name_problem,
    domain_prefix_problem,
    normalize_domain_prefix,
    suggest_domain_prefix,
)


@pytest.mark.parametrize(
    "prefix", ["contoso", "Contoso2024", "a" * 27, " contoso.onmicrosoft.com "]
)
def test_good_prefixes(prefix: str) -> None:
    assert domain_prefix_problem(prefix) is None


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "Enter a domain prefix."),
        ("   ", "Enter a domain prefix."),
        ("contoso-ltd", "Use only letters and digits: “contoso-ltd” has “-”."),
        ("contoso ltd_tw", "Use only letters and digits: “contoso ltd_tw” has “ ”, “_”."),
        ("café", "Use only letters and digits: “café” has “é”."),
        ("contoso.com", "Use only letters and digits: “contoso.com” has “.”."),
        ("a" * 28, "At most 27 characters; this one has 28."),
        ("contosoelectronicsworldwide2", "At most 27 characters; this one has 28."),
        ("contosoelectronicsworldwideinc", "At most 27 characters; this one has 30."),
    ],
)
def test_bad_prefixes_say_what_is_wrong(prefix: str, message: str) -> None:
    assert domain_prefix_problem(prefix) == message


def test_normalize_domain_prefix() -> None:
    assert normalize_domain_prefix("  Contoso ") == "contoso"
    assert normalize_domain_prefix("Contoso.OnMicrosoft.com") == "contoso"
    assert normalize_domain_prefix("contoso.com") == "contoso.com"


@pytest.mark.parametrize(
    ("company", "prefix"),
    [
        ("Contoso Ltd.", "contosoltd"),
        ("Café Müller", "cafemuller"),
        ("Straße & Söhne", "strassesohne"),
        ("Fabrikam, Inc. (Taiwan Branch)", "fabrikaminctaiwanbranch"),
        ("台灣微軟股份有限公司", ""),
        ("Microsoft Taiwan 台灣微軟", "microsofttaiwan"),
        ("Contoso Electronics Worldwide Holdings", "contosoelectronicsworldwide"),
    ],
)
def test_suggest_domain_prefix(company: str, prefix: str) -> None:
    assert suggest_domain_prefix(company) == prefix


@pytest.mark.parametrize(
    "domain", ["contoso.com", "contoso.com.tw", "fabrikam.onmicrosoft.com", "例子.台灣"]
)
def test_good_domain_names(domain: str) -> None:
    assert domain_name_problem(domain) is None


@pytest.mark.parametrize(
    "domain", ["contoso", "contoso..com", "-contoso.com", "contoso .com", "http://contoso.com"]
)
def test_bad_domain_names(domain: str) -> None:
    assert domain_name_problem(domain) == f"“{domain}” is not a domain name, like contoso.com."
