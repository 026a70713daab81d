"""The database handle: opened by the application, held by the views as an opaque object, and
handed to every service call (which opens its own session in it)."""

from pcdesk.models.database import (
    Database,
    DatabaseOpenError,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    open_database,
    sqlite_url,
)

__all__ = [
    "Database",
    "DatabaseOpenError",
    "DatabaseTooNewError",
    "DatabaseUnavailableError",
    "open_database",
    "sqlite_url",
]
