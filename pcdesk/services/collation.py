"""Names in the order people in Taiwan expect (models/collation.py), for the lists sorted in Python.

The customer list sorts in SQL on the stored key; the small lists (countries, resellers,
languages, requests) sort with the same key here, so every list puts names in one order.
"""

from __future__ import annotations

from pcdesk.models.collation import sort_key

__all__ = ["sort_key", "sort_text"]


def sort_text(text: str) -> str:
    """sort_key as text, for a Qt model's sort role: hexadecimal digits sort as the bytes do,
    with or without regard to case."""
    return sort_key(text).hex()
