"""Reading a CSV file record by record, knowing the line each record starts on.

Every import (price list, resellers, customers) names the line of a bad record, and a quoted cell
may span lines, so the record's number is not its line: ``csv.reader.line_num`` tells.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterator
from typing import TextIO

from pcdesk.messages import QT_TRANSLATE_NOOP, Message


def records_with_lines(
    stream: TextIO, unreadable: Callable[[int, Message], Exception]
) -> Iterator[tuple[int, list[str]]]:
    """Each record with the physical line it starts on (1-based). A record that is not valid CSV
    raises ``unreadable(line, reason)``: the caller's own exception, in its own words, with the
    reason said in the user's language (the csv module's own texts are English)."""
    reader = csv.reader(stream, strict=True)
    line = 1
    try:
        for record in reader:
            yield line, record
            line = reader.line_num + 1
    except csv.Error as exc:
        raise unreadable(line, csv_problem(str(exc))) from exc


def csv_problem(reason: str) -> Message:
    """What the csv module found wrong, in words that translate."""
    if "field larger than field limit" in reason:
        template = QT_TRANSLATE_NOOP("csv", "a value is longer than any cell can be")
    elif "unexpected end of data" in reason or "EOF inside string" in reason:
        template = QT_TRANSLATE_NOOP("csv", "a quoted value is never closed")
    elif "NUL" in reason:
        template = QT_TRANSLATE_NOOP("csv", "it holds a NUL character, so it is not text")
    elif "expected after" in reason:
        template = QT_TRANSLATE_NOOP(
            "csv", "a quoted value is followed by more text before its comma"
        )
    elif "new-line character" in reason:
        template = QT_TRANSLATE_NOOP("csv", "a line break stands in the middle of a value")
    else:
        template = QT_TRANSLATE_NOOP("csv", "it does not follow the CSV format")
    return Message(template, context="csv")


def sniff_encoding(start: bytes) -> str:
    """The encoding of a text file from its first bytes: as its byte-order mark says; UTF-16
    without one when every other byte is NUL (Excel's "Unicode text" saved without a mark);
    else UTF-8."""
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = start[: len(start) - len(start) % 2]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_nuls >= half * 0.6 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls >= half * 0.6 and odd_nuls == 0:
            return "utf-16-be"
    return "utf-8"


def twice(record: list[str], key_of: Callable[[str], str | None]) -> tuple[str, int, int] | None:
    """A column a header names twice: (its title, its first and second column, 1-based)."""
    seen: dict[str, int] = {}
    for index, title in enumerate(record):
        key = key_of(title)
        if key is None:
            continue
        if key in seen:
            return title.strip().lstrip("\ufeff"), seen[key] + 1, index + 1
        seen[key] = index
    return None
