"""The line of a file each key (a Microsoft ID, an initial domain) first came on, for a million keys
in a few tens of megabytes.

A dict of a million strings and line numbers costs about 150 MB, and an import preview keeps two
of them while it holds every row. Here a key is kept as a 96-bit fingerprint (Python's own 64-bit
string hash and the key's CRC-32, both computed in C) in a table of flat arrays (open addressing,
linear probing): 16 bytes a slot, at most half of the slots used, so 32 MB for a million keys.
Two different keys of a million sharing a fingerprint has odds of about one in 10¹⁷, far below a
disk's own error rate, so the key itself is not kept.
"""

from __future__ import annotations

from array import array
from zlib import crc32

_EMPTY = 0  # no line: a file's first line is its header, so a row's line is 2 or more
_LAST_LINE = 2**32 - 1  # lines are kept in 32 bits: a CSV file of 4 billion lines is not a list
_FIRST_SIZE = 1 << 10


def _zeros(typecode: str, size: int) -> array[int]:
    zeros = array(typecode, [0])
    zeros *= size  # repeated in place: no temporary list or bytes of the whole size
    return zeros


def _crc(key: str) -> int:
    """The second part of a key's fingerprint; the first is Python's own hash of it."""
    return crc32(key.encode("utf-8", "surrogatepass"))


class FirstLines:
    """``first(key, line)`` keeps the first line given for a key; ``get(key)`` returns it."""

    __slots__ = ("_high", "_lines", "_low", "_mask", "_used")

    def __init__(self) -> None:
        self._high = _zeros("q", _FIRST_SIZE)
        self._low = _zeros("I", _FIRST_SIZE)
        self._lines = _zeros("I", _FIRST_SIZE)
        self._mask = _FIRST_SIZE - 1
        self._used = 0

    def __len__(self) -> int:
        return self._used

    def get(self, key: str) -> int | None:
        """The line ``key`` first came on, or None."""
        high, low = hash(key), _crc(key)
        lines, mask = self._lines, self._mask
        slot = high & mask
        while (line := lines[slot]) != _EMPTY:
            if self._high[slot] == high and self._low[slot] == low:
                return line
            slot = (slot + 1) & mask
        return None

    def first(self, key: str, line: int) -> int:
        """The line ``key`` first came on: an earlier one, or ``line``, now remembered."""
        if not _EMPTY < line <= _LAST_LINE:
            raise ValueError(f"line {line} is out of range")
        high, low = hash(key), _crc(key)
        lines, mask = self._lines, self._mask
        slot = high & mask
        while (earlier := lines[slot]) != _EMPTY:
            if self._high[slot] == high and self._low[slot] == low:
                return earlier
            slot = (slot + 1) & mask
        self._high[slot], self._low[slot], lines[slot] = high, low, line
        self._used += 1
        if 2 * self._used > len(lines):
            self._grow()
        return line

    def _grow(self) -> None:
        old = zip(self._high, self._low, self._lines, strict=True)
        size = 2 * len(self._lines)
        self._high = _zeros("q", size)
        self._low = _zeros("I", size)
        lines = _zeros("I", size)
        self._lines = lines
        self._mask = size - 1
        for high, low, line in old:
            if line != _EMPTY:
                slot = high & self._mask
                while lines[slot] != _EMPTY:
                    slot = (slot + 1) & self._mask
                self._high[slot], self._low[slot], lines[slot] = high, low, line
