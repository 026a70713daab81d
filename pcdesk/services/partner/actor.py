"""Who is acting, recorded on every change and checked against the team's roles.

The identity comes from the system, never from a setting a user could change: on a shared
PostgreSQL database, the database login (the database enforces its roles too); else the user
signed in to Partner Center, when pcdesk is connected; else the operating system's account.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager

from pcdesk.models.database import Database

_signed_in: list[str] = []  # the Partner Center user, while signed in
_acting_as: list[str] = []  # for tests only: act_as()


def current_user(db: Database | None = None) -> str:
    """The name changes are recorded under and roles are looked up by (see the module)."""
    if _acting_as:
        return _acting_as[-1]
    if db is not None and db.dialect == "postgresql":
        return database_login(db)
    if _signed_in:
        return _signed_in[-1]
    return os_user()


def database_login(db: Database) -> str:
    """The login the database knows this connection by (its session_user): the URL's user,
    else what libpq falls back to (PGUSER, then the operating system's account)."""
    return db.engine.url.username or os.environ.get("PGUSER") or os_user()


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) or no login name
        return "unknown"


def signed_in(user_name: str | None) -> None:
    """The Partner Center user now signed in (None: signed out)."""
    _signed_in.clear()
    if user_name:
        _signed_in.append(user_name)


@contextmanager
def act_as(user_name: str) -> Iterator[None]:
    """For tests: act as ``user_name`` within the block (there is no setting for users)."""
    _acting_as.append(user_name)
    try:
        yield
    finally:
        _acting_as.pop()
