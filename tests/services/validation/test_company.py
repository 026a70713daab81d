"""Company names: Partner Center's errors and warnings, with the text a user reads."""

from __future__ import annotations

import pytest

from pcdesk.services.validation import company_name_problem, company_name_warning


@pytest.mark.parametrize(
    "name",
    [
        "Contoso Ltd.",
        "Fabrikam, Inc.",
        "台灣微軟股份有限公司",  # Microsoft Taiwan Corporation
        "微軟",  # two CJK characters
        "株式会社ソニー",
        "삼성전자 주식회사",
        "3M",
        "AT&T",
        "Café Müller GmbH",
        "Contoso Co.,Ltd",
        "x" * 255,
    ],
)
def test_real_company_names_pass(name: str) -> None:
    assert company_name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Enter the company name."),
        (" \t ", "Enter the company name, not only spaces."),
        ("A", "A company name needs at least 2 characters."),
        ("  A  ", "A company name needs at least 2 characters."),
        ("!!!", "A company name needs letters or digits, not only special characters."),
        ("-- & --", "A company name needs letters or digits, not only special characters."),
        ("LLC", "“LLC” alone is not a company name; enter the name before it."),
        ("inc.", "“inc.” alone is not a company name; enter the name before it."),
        ("GmbH", "“GmbH” alone is not a company name; enter the name before it."),
        ("Co., Ltd.", "“Co., Ltd.” alone is not a company name; enter the name before it."),
        ("L.L.C.", "“L.L.C.” alone is not a company name; enter the name before it."),
        ("有限公司", "“有限公司” alone is not a company name; enter the name before it."),
        ("1 2 3", "“1 2 3” is single characters separated by spaces; enter the company name."),
        ("A B C", "“A B C” is single characters separated by spaces; enter the company name."),
        ("x" * 256, "At most 255 characters; this one has 256."),
    ],
)
def test_company_name_errors(name: str, message: str) -> None:
    assert company_name_problem(name) == message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Contoso.com",
            "“.com” looks like a web address; please make sure the company name is correct.",
        ),
        (
            "fabrikam.net Ltd",
            "“.net” looks like a web address; please make sure the company name is correct.",
        ),
        (
            "Contoso.TW",
            "“.TW” looks like a web address; please make sure the company name is correct.",
        ),
        (
            "999 Trading",
            "“999” repeats one character; please make sure the company name is correct.",
        ),
        (
            "Contosooo",
            "“ooo” repeats one character; please make sure the company name is correct.",
        ),
    ],
)
def test_company_name_warnings(name: str, message: str) -> None:
    assert company_name_problem(name) is None
    assert company_name_warning(name) == message


@pytest.mark.parametrize(
    "name",
    ["Contoso Ltd.", "St. Louis Bakery", "J.P. Morgan", "Contoso Co. Ltd", "台灣微軟股份有限公司"],
)
def test_ordinary_names_raise_no_warning(name: str) -> None:
    assert company_name_warning(name) is None


def test_message_keeps_template_and_parameters_for_translation() -> None:
    message = company_name_problem("LLC")
    assert message is not None
    assert message.context == "validation"
    assert message.template == "“{name}” alone is not a company name; enter the name before it."
    assert message.params == {"name": "LLC"}
