"""Write resources/collation/han_stroke_order.txt: Han characters in zh-TW stroke order.

    python scripts/han_stroke_order.py          # write the table
    python scripts/han_stroke_order.py --check  # exit 1 when the table differs from ICU's order

Taiwanese users expect Chinese names sorted by stroke count as Taiwan counts strokes (艹 and 辶
are four strokes, 阝 three: 華 has 12, 芒 and 迅 7), then by radical. Unihan's kTotalStrokes
counts most such characters the mainland way, so the order is taken from ICU instead: the
zh-Hant "stroke" collation, which Qt's QCollator uses for zh_TW on every platform where Qt
bundles ICU (this script's only use of Qt). pcdesk.models.collation reads the table, so the
stored sort keys do not depend on the platform, the database or the Qt version.

Changing the table changes stored keys: bump collation.VERSION and add a migration that
recomputes ``customer.collation_key``.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QCollator, QLibraryInfo, QLocale

TABLE = Path(__file__).resolve().parents[1] / "resources" / "collation" / "han_stroke_order.txt"

# The blocks of unified ideographs (the compatibility ones NFKC maps onto these).
HAN_BLOCKS = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFA0E, 0xFA29),  # the twelve unified ideographs among the compatibility ones
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EBEF),  # Extensions C to F
    (0x30000, 0x323AF),  # Extensions G and H
)

# ICU's stroke collation puts U+FDD0 followed by U+2800 + n just before the characters of n
# strokes (the index labels of its alphabetic index): sorted with the characters, they tell
# where each stroke count starts.
_STROKE_LABEL = "\ufdd0"
_MAX_STROKES = 90


def _characters() -> list[str]:
    found = []
    for first, last in HAN_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            # Assigned in this Python's Unicode data, and not a compatibility character.
            if unicodedata.category(char) == "Lo" and unicodedata.normalize("NFKC", char) == char:
                found.append(char)
    return found


def stroke_lines() -> list[str]:
    """One line per stroke count: the count, a tab, its characters in ICU's order."""
    collator = QCollator(QLocale("zh_TW"))
    labels = {_STROKE_LABEL + chr(0x2800 + n): n for n in range(1, _MAX_STROKES + 1)}
    ordered = sorted([*_characters(), *labels], key=collator.sortKey)
    groups: dict[int, list[str]] = {}
    strokes = 0  # before the first label: none seen (there are none)
    for item in ordered:
        if item in labels:
            strokes = labels[item]
        else:
            groups.setdefault(strokes, []).append(item)
    return [f"{count}\t{''.join(chars)}" for count, chars in groups.items()]


def header() -> list[str]:
    icu = QLibraryInfo.version().toString()
    return [
        "# Han characters in the zh-TW stroke order: one line per stroke count, fewest first,",
        "# each line the count, a tab, and its characters in order (by radical, then the rest).",
        "# The last line also holds, after its own, the characters ICU's stroke data leaves out,",
        "# in ICU's order for them (by radical and strokes): they sort after all the others.",
        f"# Written by scripts/han_stroke_order.py from ICU's zh-Hant stroke collation (Qt {icu}).",
        "# Collation data: Copyright (c) Unicode, Inc. (CLDR, ICU), Unicode License v3.",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    lines = stroke_lines()
    if args.check:
        stored = [
            line
            for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        if stored != lines:
            print(f"{TABLE} differs from this ICU's stroke order", file=sys.stderr)
            return 1
        print(f"{TABLE} agrees with this ICU's stroke order")
        return 0
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text("\n".join([*header(), *lines]) + "\n", encoding="utf-8")
    count = sum(len(line.split("\t", 1)[1]) for line in lines)
    print(f"wrote {TABLE}: {count} characters, {len(lines)} stroke counts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
