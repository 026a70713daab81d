"""The database's "busy" and "gone" errors, said in the user's words: the one place where a driver's
error becomes a Message. ``Database.reading()`` and ``Database.writing()`` apply it to every session;
the raw driver text, SQL statement and parameters never reach a dialog or the log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from pcdesk.errors import Unavailable
from pcdesk.log_privacy import describe
from pcdesk.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)


def unavailable_message() -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "messages",
            "The database is busy or cannot be reached. Nothing was saved; try again. If this "
            "keeps happening, check your network connection, or ask whoever else works in the "
            "database to finish what they are saving.",
        ),
        context="messages",
    )


@contextmanager
def translate_storage_errors() -> Iterator[None]:
    """Turn a locked, timed-out or lost database into ``Unavailable``; let the rest through.

    Wrap only work that is rolled back when it fails: the message tells the user nothing was
    saved. Integrity errors (a domain taken meanwhile) pass through for the caller to explain.
    """
    try:
        yield
    except (OperationalError, InterfaceError, PoolTimeoutError) as exc:
        # SQLite's "database is locked", PostgreSQL's lost connection, lock or statement timeout.
        log.warning("database unavailable: %s", _reason(exc))
        raise Unavailable(unavailable_message()) from exc
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
        log.warning("database connection lost: %s", _reason(exc))
        raise Unavailable(unavailable_message()) from exc


def _reason(exc: Exception) -> str:
    # The error's class and the driver's code only: its text carries the statement, its
    # parameters and the server's details, customer data that has no place in a log file.
    return describe(exc)
