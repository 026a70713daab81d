"""A busy or lost database, said in the user's words; other database errors pass through."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
)

from pcdesk.errors import Unavailable
from pcdesk.models.storage import Trouble, translate_storage_errors

STATEMENT = "INSERT INTO customer (company_name, contact_email) VALUES (?, ?)"
PARAMS = ("Contoso", "dana@contoso.example")


def sqlite_error(name: str, kind: type[sqlite3.Error] = sqlite3.OperationalError) -> sqlite3.Error:
    error = kind("driver words")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def pg_error(sqlstate: str) -> Exception:
    error = Exception("server words")
    error.sqlstate = sqlstate  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "trouble"),
    [
        (OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_BUSY")), Trouble.BUSY),
        (OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_READONLY")), Trouble.READ_ONLY),
        (
            OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_READONLY_DBMOVED")),
            Trouble.GONE,
        ),
        (OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_FULL")), Trouble.DISK_FULL),
        (OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_IOERR_WRITE")), Trouble.GONE),
        (OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_CANTOPEN")), Trouble.GONE),
        (
            DatabaseError(STATEMENT, PARAMS, sqlite_error("SQLITE_NOTADB", sqlite3.DatabaseError)),
            Trouble.NOT_A_DATABASE,
        ),
        (
            DatabaseError(STATEMENT, PARAMS, sqlite_error("SQLITE_CORRUPT", sqlite3.DatabaseError)),
            Trouble.DAMAGED,
        ),
        (OperationalError(STATEMENT, PARAMS, pg_error("08006")), Trouble.UNREACHABLE),
        (OperationalError(STATEMENT, PARAMS, pg_error("55P03")), Trouble.BUSY),
        (OperationalError(STATEMENT, PARAMS, pg_error("53100")), Trouble.DISK_FULL),
        (ProgrammingError(STATEMENT, PARAMS, pg_error("42501")), Trouble.REFUSED),
        (OperationalError(STATEMENT, PARAMS, pg_error("28P01")), Trouble.REFUSED),
        (
            InterfaceError(STATEMENT, PARAMS, Exception("connection already closed")),
            Trouble.UNREACHABLE,
        ),
        (
            DBAPIError(
                STATEMENT,
                PARAMS,
                Exception("server closed the connection"),
                connection_invalidated=True,
            ),
            Trouble.UNREACHABLE,
        ),
        (OperationalError(STATEMENT, PARAMS, Exception("something odd")), Trouble.UNKNOWN),
    ],
)
def test_each_storage_failure_has_its_own_message(
    error: DBAPIError, trouble: Trouble, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Unavailable) as failed, translate_storage_errors():
        raise error
    assert failed.value.message == trouble.message
    assert failed.value.message.context == "messages"
    assert "Nothing was saved" in failed.value.message
    assert failed.value.__cause__ is error
    assert str(failed.value) == failed.value.message
    # the log names the error's class, never its text: the statement, its parameters and the
    # server's details hold customer data
    assert type(error).__name__ in caplog.text
    assert str(error.orig) not in caplog.text
    assert "dana@contoso.example" not in caplog.text and "INSERT" not in caplog.text


@pytest.mark.parametrize(
    "error",
    [
        IntegrityError(STATEMENT, PARAMS, Exception("UNIQUE constraint failed")),
        DataError(STATEMENT, PARAMS, Exception("value too long")),
        DBAPIError(STATEMENT, PARAMS, Exception("something else")),
        # A statement SQLite cannot run (no such column): a bug, not a busy database.
        OperationalError(STATEMENT, PARAMS, sqlite_error("SQLITE_ERROR")),
    ],
)
def test_other_database_errors_pass_through(error: DBAPIError) -> None:
    with pytest.raises(type(error)) as failed, translate_storage_errors():
        raise error
    assert failed.value is error


def test_nothing_happens_without_an_error(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING), translate_storage_errors():
        pass
    assert caplog.text == ""
