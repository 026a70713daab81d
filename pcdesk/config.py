"""Where pcdesk keeps its data, and which database a run uses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from pcdesk.models.database import sqlite_file, sqlite_url

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


def known_databases_file() -> Path:
    return data_dir() / "known-databases.json"


def is_known_database(url: str) -> bool:
    """Whether pcdesk has opened this SQLite file before (so a missing file is an error)."""
    path = sqlite_file(url)
    return path is not None and str(path.resolve()) in _known()


def remember_database(url: str) -> None:
    """Note a SQLite file pcdesk opened: should it go missing, it is never made anew."""
    path = sqlite_file(url)
    if path is None:
        return
    known = _known()
    if str(path.resolve()) in known:
        return
    known.append(str(path.resolve()))
    target = known_databases_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(known, indent=1), encoding="utf-8")
        temporary.replace(target)
    except OSError:
        pass  # not remembering costs only the check; the database itself is fine


def _known() -> list[str]:
    try:
        found = json.loads(known_databases_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [item for item in found if isinstance(item, str)] if isinstance(found, list) else []
