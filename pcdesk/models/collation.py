"""The order people in Taiwan expect names in, as bytes a database sorts the same way everywhere.

``sort_key`` follows ICU's zh-TW ("stroke") collation at its first level: spaces, punctuation
and symbols first, then digits, then Latin letters without regard to case or accents (Å with A,
ß as ss), then other scripts (Greek, Cyrillic, Hangul, kana, bopomofo), then Chinese characters
by their number of strokes as Taiwan counts them (華 12, not 10), then by radical. One thing
differs from ICU: ICU's zh-TW moves all of Chinese before Latin, where Windows' zh-TW sorting
(and pcdesk before this key) keeps Latin first; pcdesk keeps Latin first (see _HAN to change
that). Names equal at this level (case or accents apart) are left in whatever order the caller
breaks ties with (the customer list: id).

The key is computed in Python from a table shipped with pcdesk (resources/collation), never by
the operating system, Qt or the database: workstations on Windows, macOS and Linux writing one
PostgreSQL database store the same keys, and SQLite and PostgreSQL compare them the same way
(bytes, compared as bytes). Changing what a key is made of means bumping VERSION and adding a
migration that recomputes the stored keys.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

# Stored keys were computed by this version of the function and its table.
VERSION = 1

# A key is a sequence of tokens, one per character, each starting with a byte that places its
# group; tokens of several bytes have a fixed length per first byte, so no token is the prefix
# of another and comparing keys byte by byte compares the tokens in turn.
_SPACE = b"\x01"  # any run of white space
_MARK = 0x02  # + 3 bytes: punctuation or a symbol, by its place in _MARKS, else its code point
_DIGIT = 0x06  # 0x06 to 0x0F: the digit's value, whatever its script
# Latin letters a to z are their own byte, 0x61 to 0x7A.
_OTHER = 0x7B  # + 3 bytes: any other letter (Greek, Cyrillic, Hangul, kana...), by code point
_BOPOMOFO = 0x7C  # + 3 bytes: by code point
# + 2 bytes: 0x80 to 0x8D with them, the character's place in the stroke table. (Below 0x61,
# with _HAN_UNLISTED and _BOPOMOFO just above it, Chinese would sort before Latin as in ICU.)
_HAN = 0x80
_HAN_UNLISTED = 0x8E  # + 3 bytes: a Han character the table lacks (newer than it), by code point

_HAN_BLOCKS = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)
_BOPOMOFO_BLOCKS = ((0x3100, 0x312F), (0x31A0, 0x31BF))

# Latin letters NFD leaves whole, sorted with the letters they are variants of.
_LETTER_VARIANTS = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "ħ": "h",
    "ŧ": "t",
    "ı": "i",  # noqa: RUF001 - the dotless i is meant
    "ŋ": "n",
}
# Punctuation and symbols in ICU's order (the root collation's; NFKC has already made the
# full-width ones ASCII). Others come after these, by code point.
_MARKS = "_-–—・,、;:!?.。·'‘’\"“”()[]{}「」『』【】§¶@*/\\&#%`^°©®+±÷×<=>|~$£¥€"  # noqa: RUF001
_KANA = 0x110000  # added to a kana's code point: after Hangul, as in ICU
_KATAKANA_TO_HIRAGANA = 0x60  # ア (30A2) and あ (3042) sort as one letter, as ICU does
# Accents written apart from their letter (no precomposed form) do not count either, nor do
# Thai and Lao tone marks (ICU weighs them at its second level only).
_IGNORED_MARKS = ((0x0300, 0x036F), (0x0E47, 0x0E4E), (0x0EC8, 0x0ECD), (0x1AB0, 0x1AFF),
                  (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0x3099, 0x309A), (0xFE20, 0xFE2F))  # fmt: skip


# Thai and Lao vowels written before the consonant they follow in speech sort after it, as ICU
# sorts them (เก as if it were กเ).
_PREVOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])|([\u0ec0-\u0ec4])([\u0e81-\u0eae])")


def _swap_prevowel(found: re.Match[str]) -> str:
    vowel, consonant = (found[1], found[2]) if found[1] else (found[3], found[4])
    return consonant + vowel


@functools.cache
def _han_order() -> str:
    """Every Han character the table lists, in zh-TW stroke order (about 93,000, read once)."""
    table = resources.files("pcdesk.resources").joinpath("collation", "han_stroke_order.txt")
    text = table.read_text(encoding="utf-8")
    return "".join(
        line.split("\t", 1)[1] for line in text.splitlines() if line and not line.startswith("#")
    )


def _in(code: int, blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(first <= code <= last for first, last in blocks)


def _with_code(first: int, char: str, value: int | None = None) -> bytes:
    return bytes((first,)) + (ord(char) if value is None else value).to_bytes(3, "big")


def _base_letters(char: str) -> str:
    """A Latin, Greek, Cyrillic or kana letter without its accents; else the letter itself."""
    if char in _LETTER_VARIANTS:
        return _LETTER_VARIANTS[char]
    code = ord(char)
    if 0x30A1 <= code <= 0x30F6:
        return chr(code - _KATAKANA_TO_HIRAGANA)
    if code < 0x0530 or 0x1E00 <= code <= 0x1FFF or 0x3040 <= code <= 0x30FF:
        decomposed = unicodedata.normalize("NFD", char)
        return "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    return char


@functools.lru_cache(maxsize=65536)  # a name has few distinct characters, a list few thousand
def _token(char: str) -> bytes:
    """The key of one character of a folded name (see the module's docstring for the order)."""
    if "a" <= char <= "z":
        return char.encode("ascii")
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Nd":
        return bytes((_DIGIT + unicodedata.digit(char),))
    if _in(code, _HAN_BLOCKS):
        place = _han_order().find(char)
        if place < 0:
            return _with_code(_HAN_UNLISTED, char)
        return bytes((_HAN + (place >> 16), (place >> 8) & 0xFF, place & 0xFF))
    if _in(code, _IGNORED_MARKS):
        return b""
    group = category[0]
    if group in "LMN":
        letters = _base_letters(char)
        if letters != char:
            return b"".join(_token(letter) for letter in letters)
        if _in(code, _BOPOMOFO_BLOCKS):
            return _with_code(_BOPOMOFO, char)
        if 0x3040 <= code <= 0x30FF:
            return _with_code(_OTHER, char, _KANA + code)
        return _with_code(_OTHER, char)
    if group in "PS":
        place = _MARKS.find(char)
        return _with_code(_MARK, char, place if place >= 0 else len(_MARKS) + code)
    if group == "Z":
        return _SPACE
    return b""  # control and format characters do not count, as in ICU


def sort_key(text: str) -> bytes:
    """The bytes that sort ``text`` among others in zh-TW's order (see the module docstring).

    Width and case do not count (NFKC, casefold), nor do spaces at either end, and a run of
    spaces counts as one.
    """
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    if not folded.isascii():
        folded = _PREVOWEL.sub(_swap_prevowel, folded)
    return b"".join(map(_token, folded))
