"""The database's failures said in the user's words: the one place where a driver's error becomes
a Message. ``Database.reading()`` and ``Database.writing()`` apply it to every session; each
condition (busy, read-only, disk full, file gone, not a database, damaged, server unreachable,
server refusing) has its own message saying what the user can do. The raw driver text, SQL
statement and parameters never reach a dialog or the log."""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from pcdesk.errors import Unavailable
from pcdesk.log_privacy import describe, error_code
from pcdesk.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)


class Trouble(enum.Enum):
    """What is wrong with the database, as far as the user can act on it."""

    BUSY = QT_TRANSLATE_NOOP(
        "messages",
        "The database is busy: another workstation is saving or reading a lot. Nothing was "
        "saved; try again in a moment.",
    )
    READ_ONLY = QT_TRANSLATE_NOOP(
        "messages",
        "The database can only be read, not changed (a read-only file, folder or drive). "
        "Nothing was saved. Ask whoever manages it to let you write to it, or open a copy you "
        "can change.",
    )
    DISK_FULL = QT_TRANSLATE_NOOP(
        "messages",
        "The disk holding the database is full. Nothing was saved. Free some space on it, then "
        "try again.",
    )
    GONE = QT_TRANSLATE_NOOP(
        "messages",
        "The database file cannot be reached any more: its folder may have been moved or "
        "deleted, or its drive disconnected. Nothing was saved. Reconnect the drive or open the "
        "database again.",
    )
    NOT_A_DATABASE = QT_TRANSLATE_NOOP(
        "messages",
        "This file is not a pcdesk database (or it is encrypted). Nothing was saved. Open your "
        "database with File > Open database.",
    )
    DAMAGED = QT_TRANSLATE_NOOP(
        "messages",
        "The database file is damaged. Nothing was saved. Restore it from a backup before "
        "working in it again.",
    )
    UNREACHABLE = QT_TRANSLATE_NOOP(
        "messages",
        "The database server cannot be reached. Nothing was saved; check your network "
        "connection and try again.",
    )
    REFUSED = QT_TRANSLATE_NOOP(
        "messages",
        "The database server refused this: your database login is not allowed to do it. "
        "Nothing was saved; ask whoever manages the database.",
    )
    UNKNOWN = QT_TRANSLATE_NOOP(
        "messages",
        "The database is busy or cannot be reached. Nothing was saved; try again. If this "
        "keeps happening, check your network connection, or ask whoever else works in the "
        "database to finish what they are saving.",
    )

    @property
    def message(self) -> Message:
        return Message(self.value, context="messages")


def unavailable_message() -> Message:
    """The message when what went wrong is not known more precisely."""
    return Trouble.UNKNOWN.message


_SQLITE = {
    "SQLITE_BUSY": Trouble.BUSY,
    "SQLITE_LOCKED": Trouble.BUSY,
    "SQLITE_READONLY": Trouble.READ_ONLY,
    "SQLITE_PERM": Trouble.READ_ONLY,
    "SQLITE_FULL": Trouble.DISK_FULL,
    "SQLITE_CANTOPEN": Trouble.GONE,
    "SQLITE_IOERR": Trouble.GONE,
    "SQLITE_NOTADB": Trouble.NOT_A_DATABASE,
    "SQLITE_CORRUPT": Trouble.DAMAGED,
}


def trouble_of(error: BaseException) -> Trouble | None:
    """What a database error means for the user, or None when it is not a storage failure
    (a constraint broken, a bad statement: those are the caller's to explain, or bugs)."""
    if isinstance(error, PoolTimeoutError):
        return Trouble.BUSY
    if not isinstance(error, DBAPIError):
        return None
    code = error_code(error)
    if code == "SQLITE_ERROR":
        return None  # a statement SQLite cannot run (no such table, a syntax error): a bug
    if code.startswith("SQLITE_"):
        # Extended codes read as their primary one: SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE.
        for name, trouble in _SQLITE.items():
            if code == name or code.startswith(name + "_"):
                if code == "SQLITE_READONLY_DBMOVED":
                    return Trouble.GONE
                return trouble
    elif code:  # PostgreSQL's SQLSTATE
        if code.startswith("08") or code in {"57P01", "57P02", "57P03"}:
            return Trouble.UNREACHABLE
        if code.startswith("28") or code in {"42501"}:
            return Trouble.REFUSED
        if code in {"53100"}:
            return Trouble.DISK_FULL
        if code in {"25006"}:
            return Trouble.READ_ONLY
        if code.startswith("40") or code in {"55P03", "57014"}:
            return Trouble.BUSY
    if error.connection_invalidated or isinstance(error, InterfaceError):
        return Trouble.UNREACHABLE
    if isinstance(error, OperationalError):
        return Trouble.UNKNOWN
    if isinstance(error, ProgrammingError) and code == "42501":
        return Trouble.REFUSED
    return None


@contextmanager
def translate_storage_errors() -> Iterator[None]:
    """Turn a database that cannot be used (busy, read-only, full, gone, damaged, unreachable,
    refusing) into ``Unavailable`` with its own message; let the rest through.

    Wrap only work that is rolled back when it fails: the message tells the user nothing was
    saved. Integrity errors (a domain taken meanwhile) pass through for the caller to explain.
    """
    try:
        yield
    except (DBAPIError, PoolTimeoutError) as exc:
        trouble = trouble_of(exc)
        if trouble is None:
            raise
        log.warning("database unavailable (%s): %s", trouble.name.lower(), describe(exc))
        raise Unavailable(trouble.message) from exc
