"""What reaches pcdesk's log: enough for support (the operation, the error's class and code, the
traceback's frames), never customer data. A database error's text carries the SQL statement, its
parameters (names, e-mail addresses) and the server's DETAIL line (the values that clashed), so
the text of such an error is withheld wherever it is logged, as the cause of another error too."""

from __future__ import annotations

import logging
import sqlite3
import traceback
from types import TracebackType

_WITHHELD = "{code}(its text is withheld from the log, as it may hold customer data)"


def _is_database_error(kind: type[BaseException]) -> bool:
    from sqlalchemy.exc import SQLAlchemyError  # the log is set up before SQLAlchemy is needed

    if issubclass(kind, SQLAlchemyError | sqlite3.Error):
        return True
    module = getattr(kind, "__module__", "") or ""
    return module.startswith("psycopg")


def error_code(error: BaseException) -> str:
    """The driver's code for a database error (SQLite's error name, PostgreSQL's SQLSTATE)."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorname", None) or getattr(original, "sqlstate", None)
    return str(code) if code else ""


def describe(error: BaseException) -> str:
    """An error as the log may name it: its class, with its code for a database error."""
    if not _is_database_error(type(error)):
        return f"{type(error).__name__}: {error}"
    return f"{type(error).__name__}: {_withheld(error)}"


def _withheld(error: BaseException) -> str:
    code = error_code(error)
    return _WITHHELD.format(code=f"[{code}] " if code else "")


class PrivateFormatter(logging.Formatter):
    """Formats tracebacks with every database error's text withheld."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own rendering of the traceback on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        if ei[1] is None:
            return super().formatException(ei)
        report = traceback.TracebackException.from_exception(ei[1])
        seen: set[int] = set()
        pending = [(report, ei[1])]
        while pending:
            part, error = pending.pop()
            if id(part) in seen:
                continue
            seen.add(id(part))
            if _is_database_error(type(error)):
                part._str = _withheld(error)  # type: ignore[attr-defined]
            if part.__cause__ is not None and error.__cause__ is not None:
                pending.append((part.__cause__, error.__cause__))
            if part.__context__ is not None and error.__context__ is not None:
                pending.append((part.__context__, error.__context__))
        return "".join(report.format()).rstrip("\n")
