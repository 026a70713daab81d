"""Text a person could mean, and nothing else, in any field: the same verdict on both databases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcdesk.services.validation.text import MAX_ID, id_problem, text_problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Contoso\x00", "Remove the control character (U+0000): it is not something to type here."),
        ("Con\x1btoso", "Remove the control character (U+001B): it is not something to type here."),
        ("Con\rtoso", "Remove the control character (U+000D): it is not something to type here."),
        (
            "invoice\u202egpj.exe",
            "Remove the invisible direction control (U+202E): it makes the text read differently "
            "from what it holds.",
        ),
        ("broken \ud800 name", "This text holds a broken character; type it again."),
        ("x" * 101, "At most 100 characters; this one has 101."),
    ],
)
def test_what_no_person_types_is_refused_with_a_reason(value: str, expected: str) -> None:
    assert text_problem(value, 100) == expected


@pytest.mark.parametrize(
    "value",
    [
        "Contoso",
        "台灣晶片設計股份有限公司",
        "Müller & Söhne",
        "\u05e9\u05dc\u05d5\u05dd\u200f\u05e2\u05d5\u05dc\u05dd",  # Hebrew with an RLM
        "👩\u200d💻 Studio",
        "",
    ],
)
def test_real_scripts_marks_and_joiners_are_kept(value: str) -> None:
    assert text_problem(value, 100) is None


def test_new_lines_and_tabs_are_kept_where_text_has_lines() -> None:
    assert text_problem("line one\nline two\tend", 100, multiline=True) is None
    assert text_problem("line one\nline two", 100) is not None


@pytest.mark.parametrize("value", [0, -1, MAX_ID + 1, 2**31, 2**63, 2**100])
def test_an_id_no_record_can_have_is_refused(value: int) -> None:
    assert id_problem(value) == f"There is no such record (id {value})."


@given(st.text())
def test_every_text_gets_a_verdict_and_an_accepted_one_encodes(value: str) -> None:
    if text_problem(value, 1000) is None:
        value.encode("utf-8")  # what a database stores; lone surrogates were refused
        assert "\x00" not in value
