"""The log keeps what support needs and withholds what a database error's text carries."""

from __future__ import annotations

import io
import logging
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from pcdesk.errors import Unavailable
from pcdesk.log_privacy import PrivateFormatter, describe
from pcdesk.models.storage import unavailable_message

STATEMENT = "INSERT INTO customer (company_name, contact_email) VALUES (?, ?)"
PARAMS = ("Contoso", "dana@contoso.example")

pytestmark = pytest.mark.logs_errors  # each test logs an error on purpose


def formatted(error: BaseException) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(PrivateFormatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test_log_privacy")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise error
        except BaseException:
            logger.exception("saving the customer failed")
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_a_database_errors_statement_and_parameters_stay_out_of_the_log() -> None:
    driver = sqlite3.IntegrityError("UNIQUE constraint failed: customer.contact_email")
    text = formatted(IntegrityError(STATEMENT, PARAMS, driver))
    assert "saving the customer failed" in text
    assert "Traceback" in text and "IntegrityError" in text
    assert "dana@contoso.example" not in text
    assert "INSERT INTO" not in text
    assert "UNIQUE constraint failed" not in text


def test_the_cause_of_another_error_is_withheld_too() -> None:
    cause = OperationalError(STATEMENT, PARAMS, sqlite3.OperationalError("database is locked"))
    try:
        raise cause
    except OperationalError as exc:
        try:
            raise Unavailable(unavailable_message()) from exc
        except Unavailable as error:
            text = formatted(error)
    assert "Unavailable" in text and "OperationalError" in text
    assert "dana@contoso.example" not in text and "INSERT INTO" not in text


def test_other_errors_keep_their_text() -> None:
    assert "the draft is not JSON" in formatted(ValueError("the draft is not JSON"))
    assert describe(KeyError("x")) == "KeyError: 'x'"
