"""Opening databases: file creation, pragmas, refusal of newer schemas, clear errors."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from pcdesk import config
from pcdesk.errors import Unavailable
from pcdesk.models.database import (
    Database,
    DatabaseTooNewError,
    DatabaseUnavailableError,
    open_database,
    redact,
    sqlite_url,
)
from pcdesk.models.revisions import current_revision, head_revision
from pcdesk.models.storage import Trouble


def test_a_new_sqlite_file_is_created_at_head_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "pcdesk.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        assert path.exists()
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        db.dispose()


def test_the_default_database_lives_in_the_per_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(config.DATABASE_ENV, raising=False)
    url = config.database_url(None)
    assert url.startswith("sqlite:///")
    assert str(config.data_dir() / "pcdesk.sqlite3") in url


def test_command_line_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.DATABASE_ENV, "postgresql+psycopg://team@db.example/pcdesk")
    assert config.database_url(None) == "postgresql+psycopg://team@db.example/pcdesk"
    assert config.database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_a_database_from_a_newer_pcdesk_is_refused_and_left_untouched(
    sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "newer.sqlite3"
    path.write_bytes(sqlite_template.read_bytes())
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    # not in WAL mode, as a file copied from elsewhere may be: opening must not switch it
    assert connection.execute("PRAGMA journal_mode=DELETE").fetchone() == ("delete",)
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version of pcdesk"):
        open_database(sqlite_url(path))
    assert path.read_bytes() == before


def test_an_unreachable_server_gives_a_message_without_the_password() -> None:
    url = "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/pcdesk"
    with pytest.raises(DatabaseUnavailableError) as raised:
        open_database(url)
    message = str(raised.value)
    assert "s3cret" not in message
    assert "127.0.0.1:1/pcdesk" in message
    assert "could not open the database" in message


def test_a_file_that_is_not_a_database_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database " * 200)
    with pytest.raises(DatabaseUnavailableError, match="could not open the database"):
        open_database(sqlite_url(path))


def test_a_nonsense_address_gives_a_clear_message() -> None:
    with pytest.raises(DatabaseUnavailableError, match="not a database address"):
        open_database("this is not a url")


def test_redact_hides_passwords() -> None:
    assert redact("postgresql+psycopg://u:pw@h/db") == "postgresql+psycopg://u:***@h/db"


def test_a_port_that_is_not_a_number_gives_a_clear_message() -> None:
    with pytest.raises(DatabaseUnavailableError, match="not a database address"):
        open_database("postgresql+psycopg://clerk:s3cret@dbserver:notaport/pcdesk")


def test_a_folder_that_cannot_be_made_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should go")
    with pytest.raises(DatabaseUnavailableError, match="could not create the folder"):
        open_database(sqlite_url(blocker / "sub" / "pcdesk.sqlite3"))


def test_sqlite_schema_changes_roll_back_with_their_transaction(sqlite_db: Database) -> None:
    # Migrations rely on this: a failed upgrade must not leave half its tables behind.
    with pytest.raises(RuntimeError), sqlite_db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("the next migration step failed")
    with sqlite_db.engine.connect() as connection:
        tables = connection.execute(text("SELECT name FROM sqlite_master WHERE name = 'half_done'"))
        assert tables.all() == []


# -- a database file that goes away ------------------------------------------------------------


def test_a_write_to_a_file_removed_under_the_session_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    db = open_database(sqlite_url(folder / "pcdesk.sqlite3"))
    try:
        with db.writing() as session:
            session.execute(text("UPDATE alembic_version SET version_num = version_num"))
        shutil.rmtree(folder)  # the folder deleted, or the drive unmounted, while pcdesk is open
        with pytest.raises(Unavailable) as refused, db.writing() as session:
            session.execute(text("SELECT 1"))
        assert refused.value.message == Trouble.GONE.message
        with pytest.raises(Unavailable), db.reading() as session:
            session.execute(text("SELECT 1"))
    finally:
        db.dispose()
    assert not folder.exists()  # nothing made anew in its place


def test_a_file_replaced_by_another_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "pcdesk.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        path.rename(tmp_path / "moved.sqlite3")
        open_database(sqlite_url(path)).dispose()  # a new file now sits at the old path
        with pytest.raises(Unavailable) as refused, db.writing() as session:
            session.execute(text("SELECT 1"))
        assert refused.value.message == Trouble.GONE.message
    finally:
        db.dispose()


def test_a_missing_file_is_not_made_when_creating_is_not_allowed(tmp_path: Path) -> None:
    path = tmp_path / "gone.sqlite3"
    with pytest.raises(DatabaseUnavailableError) as refused:
        open_database(sqlite_url(path), create=False)
    assert str(path) in str(refused.value)
    assert "does not make a new, empty database" in str(refused.value)
    assert not path.exists()
