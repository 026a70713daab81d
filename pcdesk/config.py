"""Where pcdesk keeps its data, and which database a run uses."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from pcdesk.models.database import sqlite_url

APP_NAME = "pcdesk"
APP_AUTHOR = "pcdesk"
DATABASE_ENV = "PCDESK_DATABASE_URL"


def data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%\\pcdesk, ~/Library/Application Support/pcdesk..."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def drafts_dir() -> Path:
    """Where the Add customer wizard keeps what was typed but not yet added."""
    return data_dir() / "drafts"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_url() -> str:
    return sqlite_url(data_dir() / "pcdesk.sqlite3")


def database_url(cli_value: str | None = None) -> str:
    """``--database``, else ``PCDESK_DATABASE_URL``, else the SQLite file in the data folder."""
    return cli_value or os.environ.get(DATABASE_ENV) or default_database_url()
