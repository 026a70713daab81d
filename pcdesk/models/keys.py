"""The keys a customer is sorted, searched and matched on, as pure functions (no Qt, no SQL).

The model keeps them in columns (see ``Customer``); the services compute the same keys for input
so that a lookup is an indexed equality.
"""

from __future__ import annotations

import unicodedata

# Legal forms, all in this one place, written as fold() gives them and without punctuation
# ("S.p.A." -> "spa"). Words are removed at the end of a name, repeatedly ("Pty Ltd",
# "GmbH & Co. KG"); only the forms that really lead a name ("AB Volvo", "Oy Hartwall") at its start.
LEGAL_FORM_SUFFIX_WORDS: frozenset[str] = frozenset(
    {
        "ab",
        "ag",
        "as",
        "asa",
        "bhd",
        "bv",
        "co",
        "company",
        "corp",
        "corporation",
        "gmbh",
        "inc",
        "incorporated",
        "kg",
        "kk",
        "limited",
        "llc",
        "llp",
        "ltd",
        "ltda",
        "nv",
        "oy",
        "oyj",
        "plc",
        "pte",
        "pty",
        "pvt",
        "sa",
        "sarl",
        "sàrl",
        "sas",
        "sdn",
        "spa",
        "srl",
        # CJK abbreviations written in brackets: 台積電(股)公司, (株)ノースウィンド (NFKC turns ㈱
        # into (株)), (주)
        "股",
        "株",
        "有",
        "주",
    }
)
LEGAL_FORM_PREFIX_WORDS: frozenset[str] = frozenset(
    {"ab", "as", "asa", "oy", "oyj", "sa", "kk", "株", "有", "주"}
)
# CJK names carry no spaces: these are cut off where a name ends or starts with them, longest
# first, so 股份有限公司 goes whole rather than leaving 股份 behind.
LEGAL_FORM_SUFFIXES: tuple[str, ...] = (
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "유한회사",
    "有限公司",
    "公司",
    "集团",
    "集團",
)
LEGAL_FORM_PREFIXES: tuple[str, ...] = ("株式会社", "有限会社", "合同会社", "주식회사", "유한회사")

# A dotted abbreviation ("S.A.S.") is split into one-letter words: this many are tried together.
_MAX_DOTTED_LETTERS = 4


def fold(text: str) -> str:
    """The case- and width-insensitive form used for sorting and searching (any script)."""
    return unicodedata.normalize("NFKC", text).casefold()


def _is_word_char(char: str) -> bool:
    # Letters, marks (Thai and Indic vowel signs) and digits; punctuation, symbols and spaces
    # separate words.
    return unicodedata.category(char)[0] in "LMN"


def _words(folded: str) -> list[str]:
    return "".join(char if _is_word_char(char) else " " for char in folded).split()


def _strip_end(words: list[str]) -> bool:
    """Remove one legal form from the end of ``words``; True if one was removed."""
    last = words[-1]
    if last in LEGAL_FORM_SUFFIX_WORDS:
        words.pop()
        return True
    for count in range(min(_MAX_DOTTED_LETTERS, len(words)), 1, -1):
        tail = words[-count:]
        if all(len(word) == 1 for word in tail) and "".join(tail) in LEGAL_FORM_SUFFIX_WORDS:
            del words[-count:]
            return True
    for form in LEGAL_FORM_SUFFIXES:
        if last.endswith(form):
            if last == form:
                words.pop()
            else:
                words[-1] = last[: -len(form)]
            return True
    return False


def _strip_start(words: list[str]) -> bool:
    """Remove one legal form from the start of ``words``; True if one was removed."""
    first = words[0]
    if first in LEGAL_FORM_PREFIX_WORDS:
        del words[0]
        return True
    for count in range(min(_MAX_DOTTED_LETTERS, len(words)), 1, -1):
        head = words[:count]
        if all(len(word) == 1 for word in head) and "".join(head) in LEGAL_FORM_PREFIX_WORDS:
            del words[:count]
            return True
    for form in LEGAL_FORM_PREFIXES:
        if first.startswith(form):
            if first == form:
                del words[0]
            else:
                words[0] = first[len(form) :]
            return True
    return False


def match_key(company_name: str) -> str:
    """The name reduced for "similar company name" matching.

    Folded, without legal forms, punctuation or spaces: "Contoso, Ltd.", "CONTOSO LTD" and
    "contoso" all give "contoso"; 富碧坎雲端股份有限公司 gives 富碧坎雲端. A name that is nothing but
    legal forms ("Co. Ltd.") keeps them rather than matching every other such name.
    """
    words = _words(fold(company_name))
    whole = "".join(words)
    while words and (_strip_end(words) or _strip_start(words)):
        pass
    return "".join(words) or whole


def email_domain(email: str) -> str:
    """The lower-case domain of an e-mail address (after its last "@"), or "" without one."""
    _local, at, domain = email.strip().rpartition("@")
    return domain.lower() if at else ""


# Separates the fields of search_text, and pads its end. A search needle never holds it (see
# search_needle), so a match never spans two fields. Two at the end make every occurrence of a
# one- or two-character needle the start of some three-character piece of the text: that is how
# the SQLite trigram index finds short needles too (services/customer_search.py).
SEARCH_SEPARATOR = "\x1f"


def search_text(name_key: str, domain_prefix: str, microsoft_id: str) -> str:
    """What the list's search box looks in: folded name, domain prefix and Microsoft ID."""
    sep = SEARCH_SEPARATOR
    return f"{name_key}{sep}{domain_prefix.lower()}{sep}{microsoft_id.lower()}{sep}{sep}"


def search_needle(text: str) -> str:
    """The user's search text as search_text holds it: folded, trimmed, no control characters."""
    folded = fold(text)
    return "".join(char for char in folded if unicodedata.category(char) != "Cc").strip()


def search_pieces(searched: str) -> frozenset[str]:
    """The pieces of one or two characters of a search_text that hold a character outside ASCII,
    none across a separator: what the table of pieces holds for it (migration 0012's triggers and
    PostgreSQL's ``pcdesk_search_grams`` compute the same, in SQL)."""
    if searched.isascii():
        return frozenset()
    pieces: set[str] = set()
    previous = SEARCH_SEPARATOR
    for char in searched:
        if ord(char) > 127:
            pieces.add(char)
            if previous != SEARCH_SEPARATOR:
                pieces.add(previous + char)
        elif ord(previous) > 127 and char != SEARCH_SEPARATOR:
            pieces.add(previous + char)
        previous = char
    return frozenset(pieces)
