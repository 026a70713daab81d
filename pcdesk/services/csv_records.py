"""Reading a CSV file record by record, knowing the line each record starts on.

Every import (price list, resellers, customers) names the line of a bad record, and a quoted cell
may span lines, so the record's number is not its line: ``csv.reader.line_num`` tells.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import TextIO


def records_with_lines(
    stream: TextIO, unreadable: Callable[[int, str], Exception]
) -> Iterator[tuple[int, list[str]]]:
    """Each record with the physical line it starts on (1-based). A record that is not valid CSV
    raises ``unreadable(line, reason)``: the caller's own exception, in its own words."""
    reader = csv.reader(stream, strict=True)
    line = 1
    try:
        for record in reader:
            yield line, record
            line = reader.line_num + 1
    except csv.Error as exc:
        raise unreadable(line, str(exc)) from exc
