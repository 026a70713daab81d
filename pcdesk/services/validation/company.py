"""Company names: Partner Center's rules for the customer's (and the partner's) legal name."""

from __future__ import annotations

import functools
import re
import unicodedata

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.findings import CONTEXT, too_long

MIN_LENGTH = 2
MAX_LENGTH = 255

# Legal-form abbreviations that are not a name on their own (compared upper-case, dots removed).
LEGAL_FORMS = frozenset(
    [
        "AB", "AG", "AS", "ASA", "BHD", "BV", "BVBA", "CO", "COMPANY", "CORP", "CORPORATION", "CV",
        "EIRL", "EV", "GBR", "GMBH", "INC", "INCORPORATED", "KFT", "KG", "KK", "LDA", "LIMITED",
        "LLC", "LLP", "LP", "LTD", "LTDA", "NV", "OHG", "OOO", "OY", "OYJ", "PBC", "PC", "PLC",
        "PLLC", "PTE", "PTY", "SA", "SAS", "SARL", "SC", "SCA", "SE", "SL", "SNC", "SPA", "SPRL",
        "SRL", "SRO", "TOV", "ZAO", "ZRT", "公司", "有限公司", "股份有限公司", "株式会社", "有限会社", "合同会社", "주식회사",
        "유한회사"
    ]
)  # fmt: skip

# Top-level domains worth a second look when they appear inside a company name.
TOP_LEVEL_DOMAINS = frozenset(
    [
        "com", "net", "org", "info", "biz", "io", "co", "ai", "app", "dev", "online", "site",
        "shop", "store", "tech", "cloud", "xyz", "gov", "edu", "tw", "cn", "hk", "mo", "jp", "kr",
        "sg", "my", "th", "vn", "id", "ph", "in", "au", "nz", "uk", "us", "ca", "mx", "br", "ar",
        "cl", "de", "fr", "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "cz",
        "hu", "ro", "ru", "ua", "tr", "il", "ae", "sa", "za", "eu"
    ]
)  # fmt: skip

_TLD_RE = re.compile(
    r"(?<=[^\W_])\.(" + "|".join(sorted(TOP_LEVEL_DOMAINS)) + r")(?![^\W_])", re.IGNORECASE
)
_REPEAT_RE = re.compile(r"(\S)\1{2,}")


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _legal_form_key(token: str) -> str:
    return "".join(char for char in token if _is_word_char(char)).upper()


# Cached: an import checks each row's name when it reads the row, then again with the account.
@functools.lru_cache(maxsize=4096)
def company_name_problem(name: str) -> Message | None:
    """The error for a company name, or None when Partner Center would accept it."""
    if not name:
        return Message(QT_TRANSLATE_NOOP("validation", "Enter the company name."), context=CONTEXT)
    value = name.strip()
    if not value:
        return Message(
            QT_TRANSLATE_NOOP("validation", "Enter the company name, not only spaces."),
            context=CONTEXT,
        )
    if len(value) > MAX_LENGTH:
        return too_long(MAX_LENGTH, len(value))
    if len(value) < MIN_LENGTH:
        return Message(
            QT_TRANSLATE_NOOP("validation", "A company name needs at least 2 characters."),
            context=CONTEXT,
        )
    if not any(_is_word_char(char) for char in value):
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "A company name needs letters or digits, not only special characters."
            ),
            context=CONTEXT,
        )
    tokens = value.split()
    # Lazily: most names stop at their first word, which is not a legal form.
    keys = (_legal_form_key(token) for token in tokens)
    if all(key in LEGAL_FORMS for key in keys if key):
        return Message(
            QT_TRANSLATE_NOOP(
                "validation", "“{name}” alone is not a company name; enter the name before it."
            ),
            context=CONTEXT,
            name=value,
        )
    if len(tokens) > 1 and all(len(token) == 1 for token in tokens):
        return Message(
            QT_TRANSLATE_NOOP(
                "validation",
                "“{name}” is single characters separated by spaces; enter the company name.",
            ),
            context=CONTEXT,
            name=value,
        )
    return None


def company_name_warning(name: str) -> Message | None:
    """A doubt about a valid company name (shown, not blocking), or None."""
    value = name.strip()
    tld = _TLD_RE.search(value)
    if tld:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation",
                "“{tld}” looks like a web address; please make sure the company name is correct.",
            ),
            context=CONTEXT,
            tld=tld.group(0),
        )
    repeated = _REPEAT_RE.search(value)
    if repeated:
        return Message(
            QT_TRANSLATE_NOOP(
                "validation",
                "“{text}” repeats one character; please make sure the company name is correct.",
            ),
            context=CONTEXT,
            text=repeated.group(0)[:9],
        )
    return None
