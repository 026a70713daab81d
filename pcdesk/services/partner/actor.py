"""Who is acting: the OS user name, recorded on every change."""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    """``PCDESK_USER`` if set (a shared account), else the operating system's user name."""
    override = os.environ.get("PCDESK_USER", "").strip()
    if override:
        return override
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) or no login name
        return "unknown"
