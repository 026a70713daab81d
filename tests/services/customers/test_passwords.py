"""Temporary passwords: what Microsoft 365 accepts, and what a person can read and paste."""

from __future__ import annotations

import string

import pytest

from pcdesk.services.customers.passwords import temporary_password

LOOK_ALIKES = set("Il1O0")
BREAK_PASTING = set("'\"`\\ $!&|;<>^%#*?[](){}")


@pytest.mark.parametrize("length", [8, 9, 16, 64, 256])
def test_every_password_meets_microsoft_365s_rules(length: int) -> None:
    for _ in range(300):
        password = temporary_password(length)
        assert len(password) == length
        assert password.isascii() and password.isprintable()
        assert not any(char.isspace() for char in password)
        assert any(char in string.ascii_uppercase for char in password), password
        assert any(char in string.ascii_lowercase for char in password), password
        assert any(char in string.digits for char in password), password
        assert any(char in string.punctuation for char in password), password
        assert not LOOK_ALIKES & set(password), password
        assert not BREAK_PASTING & set(password), password


def test_the_default_is_sixteen_characters_and_never_the_same_twice() -> None:
    first, second = temporary_password(), temporary_password()
    assert len(first) == 16
    assert first != second


def test_each_kind_of_character_turns_up_anywhere() -> None:
    # One of each kind is drawn first and then shuffled: the first character must vary in kind.
    kinds = (string.ascii_uppercase, string.ascii_lowercase, string.digits, string.punctuation)
    first_kinds = set()
    for _ in range(400):
        first = temporary_password(8)[0]
        first_kinds.add(next(kind for kind in kinds if first in kind))
    assert len(first_kinds) == len(kinds)


@pytest.mark.parametrize("length", [-1, 0, 7, 257])
def test_a_length_microsoft_365_refuses_is_refused(length: int) -> None:
    with pytest.raises(ValueError, match="8 to 256"):
        temporary_password(length)
