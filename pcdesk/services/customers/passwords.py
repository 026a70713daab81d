"""Temporary passwords for a new customer's admin account, as Partner Center hands them out."""

from __future__ import annotations

import secrets
import string

MIN_LENGTH = 8
MAX_LENGTH = 256
# Microsoft 365 takes 8 to 256 ASCII characters without spaces. Left out: characters read one for
# another (I l 1 O 0), and symbols that break a copy and paste into a quoted string, a shell or a
# command prompt: quotes, backslash, space, $ ! & | ; < > ^ % #, globs and brackets.
UPPERCASE = "".join(c for c in string.ascii_uppercase if c not in "IO")
LOWERCASE = "".join(c for c in string.ascii_lowercase if c != "l")
DIGITS = "".join(c for c in string.digits if c not in "01")
SYMBOLS = "@+-=_.:"
CLASSES = (UPPERCASE, LOWERCASE, DIGITS, SYMBOLS)
ALPHABET = "".join(CLASSES)


def temporary_password(length: int = 16) -> str:
    """A random password with at least one upper-case letter, lower-case letter, digit and symbol.

    Raises ValueError for a length outside 8..256.
    """
    if not MIN_LENGTH <= length <= MAX_LENGTH:
        raise ValueError(f"a password has {MIN_LENGTH} to {MAX_LENGTH} characters, not {length}")
    # One of each class, the rest from all of them, then shuffled so the classes sit anywhere.
    chars = [secrets.choice(members) for members in CLASSES]
    chars += [secrets.choice(ALPHABET) for _ in range(length - len(CLASSES))]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)
