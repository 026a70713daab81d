"""Domains: the customer's initial <prefix>.onmicrosoft.com prefix, and plain domain names."""

from __future__ import annotations

import functools
import re
import unicodedata

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.validation.findings import CONTEXT, quoted_list, too_long

PREFIX_MAX_LENGTH = 27
INITIAL_DOMAIN_SUFFIX = ".onmicrosoft.com"

# Letters NFKD does not take apart into an ASCII letter and an accent (\u0131: dotless i).
_TRANSLITERATION = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "\u0131": "i"}
)  # fmt: skip

_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_domain_prefix(prefix: str) -> str:
    """Strip and lower-case a prefix; "Contoso.onmicrosoft.com" -> "contoso"."""
    value = prefix.strip().lower()
    if value.endswith(INITIAL_DOMAIN_SUFFIX):
        value = value[: -len(INITIAL_DOMAIN_SUFFIX)]
    return value


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


# Cached: an import checks each row's prefix when it reads the row, then again with the account.
@functools.lru_cache(maxsize=4096)
def domain_prefix_problem(prefix: str) -> Message | None:
    """What is wrong with a prefix's syntax (after normalizing it), or None.

    Whether the prefix is free is for the caller to find out.
    """
    value = normalize_domain_prefix(prefix)
    if not value:
        return Message(QT_TRANSLATE_NOOP("validation", "Enter a domain prefix."), context=CONTEXT)
    # The usual prefix is all ASCII letters and digits: no need to look at each character.
    ascii_alnum = value.isascii() and value.isalnum()
    bad = [] if ascii_alnum else list(dict.fromkeys(c for c in value if not _is_ascii_alnum(c)))
    if bad:
        return Message(
            QT_TRANSLATE_NOOP("validation", "Use only letters and digits: “{prefix}” has {chars}."),
            context=CONTEXT,
            prefix=value,
            chars=quoted_list(bad),
        )
    if len(value) > PREFIX_MAX_LENGTH:
        return too_long(PREFIX_MAX_LENGTH, len(value))
    return None


def suggest_domain_prefix(company_name: str) -> str:
    """A prefix made of the company name's ASCII letters and digits, lower-case, at most 27.

    Accents are dropped ("Café Müller" -> "cafemuller"); a name without any ASCII letter or digit
    (a Chinese name, say) gives "".
    """
    decomposed = unicodedata.normalize("NFKD", company_name.translate(_TRANSLITERATION))
    kept = "".join(char for char in decomposed if _is_ascii_alnum(char)).lower()
    return kept[:PREFIX_MAX_LENGTH]


def domain_name_problem(domain: str) -> Message | None:
    """What is wrong with a domain name such as "contoso.com" (may be internationalized), or None."""
    value = domain.strip().rstrip(".").lower()
    if not value:
        return Message(QT_TRANSLATE_NOOP("validation", "Enter a domain name."), context=CONTEXT)
    try:
        ascii_value = value.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_value = ""
    labels = ascii_value.split(".")
    valid = (
        len(ascii_value) <= 253
        and len(labels) >= 2
        and all(_LABEL_RE.match(label) for label in labels)
        and (labels[-1].isalpha() or labels[-1].startswith("xn--"))
    )
    if valid:
        return None
    if len(ascii_value) > 253:
        return too_long(253, len(ascii_value))
    return Message(
        QT_TRANSLATE_NOOP("validation", "“{domain}” is not a domain name, like contoso.com."),
        context=CONTEXT,
        domain=domain.strip(),
    )
