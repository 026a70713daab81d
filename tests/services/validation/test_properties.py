"""Properties of the validation helpers over generated input."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from pcdesk.services.validation import (
    company_name_problem,
    domain_prefix_problem,
    normalize_domain_prefix,
    normalize_guid,
    suggest_domain_prefix,
    validate_address,
)


@given(st.text(max_size=300))
def test_suggested_prefix_is_empty_or_valid(company_name: str) -> None:
    prefix = suggest_domain_prefix(company_name)
    assert prefix == "" or domain_prefix_problem(prefix) is None
    assert prefix == normalize_domain_prefix(prefix)


@given(st.uuids())
def test_normalize_guid_round_trips(value: uuid.UUID) -> None:
    assert normalize_guid(str(value)) == str(value)
    assert normalize_guid("{" + str(value).upper() + "}") == str(value)
    assert normalize_guid(value.hex) == str(value)


@given(st.text(alphabet=st.characters(codec="ascii"), min_size=1, max_size=40))
def test_prefix_problem_exactly_when_not_27_ascii_letters_or_digits(prefix: str) -> None:
    value = normalize_domain_prefix(prefix)
    good = 0 < len(value) <= 27 and value.isalnum()
    assert (domain_prefix_problem(prefix) is None) == good


@given(st.text(max_size=300))
def test_company_name_check_never_raises_and_messages_end_with_a_period(name: str) -> None:
    problem = company_name_problem(name)
    assert problem is None or problem.endswith(".")


@given(
    st.sampled_from(["TW", "US", "CA", "BR", "CN", "JP", "GB", "HK"]),
    st.text(max_size=20),
    st.text(max_size=20),
    st.text(max_size=10),
)
def test_address_check_never_raises(country: str, city: str, state: str, postal: str) -> None:
    errors = validate_address(country, "1 Main St", "", city, state, postal)
    assert all(message.endswith(".") for message in errors.values())
