"""Opening a database: the engine, SQLite's pragmas, its sessions, and bringing the schema up to
date (the revisions themselves: revisions.py)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pcdesk.errors import Cancelled, PcdeskError, Unavailable
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models.revisions import current_revision, head_revision, is_known_revision, upgrade
from pcdesk.models.storage import Trouble, translate_storage_errors, trouble_of

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000


class DatabaseOpenError(PcdeskError):
    """The database could not be opened; the message is for the user and names no password."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(Message(template, context="database", **params))


class DatabaseUnavailableError(DatabaseOpenError):
    pass


class DatabaseTooNewError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class Database:
    engine: Engine
    session_factory: sessionmaker[Session]
    # For a SQLite file: the file's (device, inode) when it was opened. SQLite keeps writing to
    # a file deleted under it and would report success; a session first checks it is still there.
    file_identity: tuple[int, int] | None = None

    @property
    def display_url(self) -> str:
        return redact(self.engine.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def closed(self) -> bool:
        """True once ``dispose`` ran: nothing should ask this database anything more."""
        return bool(self.__dict__.get("_closed", False))

    def dispose(self) -> None:
        # The engine would open a fresh pool on the next query, and no one would close that
        # connection: a widget torn down after its window (a focus change firing a check) must
        # be able to see that the database is gone.
        object.__setattr__(self, "_closed", True)
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session to read in; a busy or lost database raises Unavailable.

        On a thread that a ReadConnection serves (``ReadConnection.run``), the session reads on
        that connection: no pool check-out, no ping, no BEGIN and ROLLBACK around the reads.
        """
        self.check_file()
        serving: ReadConnection | None = getattr(self._serving, "reads", None)
        with translate_storage_errors():
            if serving is None:
                with self.session_factory() as session:
                    yield session
            else:
                with Session(serving.connection(), expire_on_commit=False) as session:
                    yield session

    def read_connection(self) -> ReadConnection:
        """A connection of its own for one reader (a list's worker thread): see ReadConnection."""
        return ReadConnection(self)

    @cached_property
    def _serving(self) -> threading.local:
        return threading.local()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction, committed at the end or rolled back on any error.

        On SQLite it starts with ``BEGIN IMMEDIATE``: the write lock is taken first, so waiting
        for another writer honours the busy timeout instead of failing at the first write. A
        busy or lost database raises Unavailable.
        """
        self.check_file()
        with translate_storage_errors(), self._writer.begin() as session:
            yield session
            self.check_file()  # gone meanwhile: raising here rolls the transaction back

    def check_file(self) -> None:
        """Raise Cancelled once the database was closed (the work of a window that went), and
        Unavailable when the SQLite file opened is no longer on disk (its folder removed, its
        drive unmounted) or another file has taken its place."""
        if self.closed:
            # A new connection now would belong to no one and never be closed.
            raise Cancelled()
        if self.file_identity is None:
            return
        path = self.engine.url.database
        try:
            now = _identity(Path(path)) if path else None
        except OSError:
            now = None
        if now != self.file_identity:
            raise Unavailable(Trouble.GONE.message)

    @cached_property
    def _writer(self) -> sessionmaker[Session]:
        if self.engine.dialect.name != "sqlite":
            return self.session_factory
        return sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )


class ReadConnection:
    """A long-lived connection for one reader's reads, on PostgreSQL (elsewhere it changes
    nothing): a team's server is across a network, where each round trip costs milliseconds.

    A session of the pool costs four round trips for one query (the pool's ping, BEGIN, the
    query, ROLLBACK) and ends the connection's prepared statements with it. This connection reads
    in autocommit (each query is its own read-only transaction: no BEGIN, no ROLLBACK), is never
    pinged, and keeps psycopg's prepared statements (``prepare_threshold``) for its whole life. A
    connection found broken is replaced and the call run again once (``run``): reads are safe to
    repeat. Used by one thread at a time; ``close`` it when its reader is done.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._closed = False
        self.pinned = db.dialect == "postgresql"

    def run(self, call: Callable[[], T]) -> T:
        """``call()`` with every ``db.reading()`` of this thread on this connection."""
        if not self.pinned or self._closed:
            return call()
        serving = self._db._serving
        serving.reads = self
        try:
            was_open = self._connection is not None and not self._connection.invalidated
            try:
                return call()
            except (DBAPIError, Unavailable):
                if not (was_open and self._broken()):
                    raise
                log.info("the list's connection was lost; reading again on a new one")
                return call()
        finally:
            serving.reads = None

    def connection(self) -> Connection:
        with self._lock:
            if self._closed:
                raise Unavailable(Trouble.GONE.message)
            if self._connection is not None and self._broken():
                _discard(self._connection)
                self._connection = None
            if self._connection is None:
                connection = self._db.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT"
                )
                # One round trip: writes refused, and each query planned for its own values
                # (a generic plan of a prepared search would ignore how rare the needle is).
                connection.connection.driver_connection.execute(  # type: ignore[union-attr]
                    "SET default_transaction_read_only = on; SET plan_cache_mode = force_custom_plan"
                )
                self._connection = connection
            return self._connection

    def _broken(self) -> bool:
        connection = self._connection
        return connection is not None and (connection.invalidated or connection.closed)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connection, self._connection = self._connection, None
        if connection is not None:
            _discard(connection)


def _discard(connection: Connection) -> None:
    """Close a ReadConnection's connection for good: its settings (read-only) must never reach
    the pool, where a writer would get it."""
    try:
        if not connection.invalidated and not connection.closed:
            connection.invalidate()  # closes the driver's connection; the pool forgets it
        connection.close()
    except SQLAlchemyError:  # a lost server: nothing left to close there
        log.debug("closing the list's connection failed", exc_info=True)


def redact(url: str | URL) -> str:
    """The URL as a user may see it: with the password hidden."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except (ArgumentError, ValueError):
        return str(url).split("@")[-1] if "@" in str(url) else str(url)
    return parsed.render_as_string(hide_password=True)


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would otherwise commit before DDL on its own, leaving half a migration behind;
    # with its own transaction handling off, SQLAlchemy's BEGIN (below) makes DDL atomic too.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, and much faster
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _use_wal(engine: Engine) -> None:
    """WAL lets readers and a writer work at once. Set once the file is known to be ours: it
    rewrites the file's header, and a refused database must be left untouched."""
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        connection = engine.raw_connection()  # outside a transaction: SQLite demands it
        try:
            connection.cursor().execute("PRAGMA journal_mode=WAL")
        finally:
            connection.close()


class _SQLiteCompilerWithTableHints(SQLiteCompiler):
    """SQLAlchemy's SQLite compiler drops table hints without a word; this one writes them after
    the table's name, where SQLite reads ``INDEXED BY``: the customer list tells SQLite to walk
    the sort column's index when a search matches many rows (services/customer_list.py)."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created and pragmas set."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
        raise DatabaseUnavailableError(
            QT_TRANSLATE_NOOP("database", "“{url}” is not a database address pcdesk understands."),
            url=redact(url),
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailableError(
                    QT_TRANSLATE_NOOP(
                        "database",
                        "pcdesk could not create the folder for the database {url}: {reason}",
                    ),
                    url=redact(parsed),
                    reason=str(exc.strerror or exc),
                ) from exc
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        engine.dialect.statement_compiler = _SQLiteCompilerWithTableHints
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    try:
        # A server that drops packets must not leave the user before an empty screen for minutes.
        connect_args = {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseUnavailableError(
            QT_TRANSLATE_NOOP("database", "pcdesk cannot use the database {url}: {reason}"),
            url=redact(parsed),
            reason=str(exc),
        ) from exc


def _no_schema_to_work_in(engine: Engine, shown: str) -> DatabaseUnavailableError | None:
    """Why a PostgreSQL login has no schema to work in, or None when it has one.

    A login outside the team was never granted the schema's use, so PostgreSQL shows it no
    tables at all and would only say, when pcdesk tries to make them, that no schema was
    selected. Say what it means: not in the team, or a schema that does not exist."""
    with engine.connect() as connection:
        schema, search_path, login = connection.execute(
            text("SELECT current_schema(), current_setting('search_path'), current_user")
        ).one()
        if schema is not None:
            return None
        named = [
            name.strip().strip('"')
            for name in str(search_path).split(",")
            if name.strip() and name.strip() != '"$user"'
        ]
        existing = connection.execute(
            text("SELECT nspname FROM pg_namespace WHERE nspname = ANY(:names)"),
            {"names": named},
        ).first()
    if existing is not None:
        return DatabaseUnavailableError(
            QT_TRANSLATE_NOOP(
                "database",
                "The database login {login} may not use the pcdesk database {url}: it is not "
                "in its team. Ask whoever manages the database to add {login} in "
                "Partner > Team and roles.",
            ),
            login=str(login),
            url=shown,
        )
    return DatabaseUnavailableError(
        QT_TRANSLATE_NOOP(
            "database",
            "The database {url} has no schema {schema} to work in. Check the database's "
            "address, or ask whoever manages the server to create the schema.",
        ),
        url=shown,
        schema=", ".join(named) or "public",
    )


def open_database(url: str, *, migrate: bool = True, create: bool = True) -> Database:
    """Connect to ``url`` and bring its schema to the newest revision.

    A SQLite file that does not exist is made only when ``create``: a database that existed (one
    opened before, or one the user named) must never be replaced by a new, empty one.

    Raises DatabaseUnavailableError when it cannot be reached or read (or is missing and may not
    be made), DatabaseTooNewError when a newer pcdesk wrote it (it is then left untouched).
    """
    missing = sqlite_file(url)
    if missing is not None and not create and not missing.exists():
        raise DatabaseUnavailableError(
            QT_TRANSLATE_NOOP(
                "database",
                "The database file {path} is missing. pcdesk does not make a new, empty database "
                "in its place: if its drive is disconnected, reconnect it; if it was moved, open "
                "it where it is now with File > Open database.",
            ),
            path=str(missing),
        )
    engine = create_database_engine(url)
    shown = redact(engine.url)
    try:
        revision = current_revision(engine)
        if revision is not None and not is_known_revision(revision):
            raise DatabaseTooNewError(
                QT_TRANSLATE_NOOP(
                    "database",
                    "The database {url} was written by a newer version of pcdesk (schema "
                    "{revision}). Update pcdesk to open it; the database was not changed.",
                ),
                url=shown,
                revision=revision,
            )
        if revision is None and engine.dialect.name == "postgresql":
            refusal = _no_schema_to_work_in(engine, shown)
            if refusal is not None:
                raise refusal
        if revision is None and _has_foreign_tables(engine):
            raise DatabaseUnavailableError(
                QT_TRANSLATE_NOOP(
                    "database",
                    "The database {url} already holds tables that are not pcdesk's. "
                    "Choose an empty database or a pcdesk database.",
                ),
                url=shown,
            )
        _use_wal(engine)
        if migrate and revision != head_revision():
            log.info("upgrading %s from %s to %s", shown, revision, head_revision())
            upgrade(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        trouble = _trouble_opening(url, exc)
        if trouble is not None:
            # What the user can do about it, in their language (the driver's words are English).
            raise DatabaseUnavailableError(
                QT_TRANSLATE_NOOP(
                    "database", "pcdesk could not open the database {url}. {problem}"
                ),
                url=shown,
                problem=trouble.message,
            ) from exc
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailableError(
            QT_TRANSLATE_NOOP("database", "pcdesk could not open the database {url}: {reason}"),
            url=shown,
            reason=reason,
        ) from exc
    path = sqlite_file(url)
    identity = _identity(path) if path is not None else None
    return Database(engine, sessionmaker(engine, expire_on_commit=False), identity)


def _trouble_opening(url: str, exc: SQLAlchemyError) -> Trouble | None:
    """What stopped a database from opening, when the user can act on it. SQLite says only
    "unable to open" for a file on a read-only drive or folder: the file system tells."""
    path = sqlite_file(url)
    if path is not None and path.exists():
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        if not writable:
            return Trouble.READ_ONLY
    return trouble_of(exc)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database, or an in-memory one)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _identity(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_dev, found.st_ino


def _has_foreign_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def package_path(*parts: str) -> Path:
    """A file shipped inside the package (for Alembic's script location and resources)."""
    return Path(str(resources.files("pcdesk").joinpath(*parts)))
