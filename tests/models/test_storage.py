"""A busy or lost database, said in the user's words; other database errors pass through."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError

from pcdesk.errors import Unavailable
from pcdesk.models.storage import translate_storage_errors

STATEMENT = "INSERT INTO customer (company_name, contact_email) VALUES (?, ?)"
PARAMS = ("Contoso", "dana@contoso.example")


@pytest.mark.parametrize(
    "error",
    [
        OperationalError(STATEMENT, PARAMS, Exception("database is locked")),
        InterfaceError(STATEMENT, PARAMS, Exception("connection already closed")),
        DBAPIError(
            STATEMENT,
            PARAMS,
            Exception("server closed the connection"),
            connection_invalidated=True,
        ),
    ],
)
def test_a_locked_or_lost_database_becomes_unavailable(
    error: DBAPIError, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Unavailable) as failed, translate_storage_errors():
        raise error
    assert failed.value.__cause__ is error
    assert failed.value.message.context == "messages"
    assert "Nothing was saved; try again." in failed.value.message
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
