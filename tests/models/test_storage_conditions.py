"""A full disk and a read-only drive, for real: a small tmpfs mounted for the test.

Mounting needs root (CI runs as root); elsewhere these tests skip, saying why. Each condition gets
its own message, and the database is left whole.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from pcdesk.errors import Unavailable
from pcdesk.models.database import DatabaseUnavailableError, open_database, sqlite_url
from pcdesk.models.storage import Trouble

INSERT = (
    "INSERT INTO audit_event (occurred_at, actor, action, details)"
    " VALUES (CURRENT_TIMESTAMP, 'clerk', 'test', :details)"
)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB file system of its own (tmpfs), unmounted after the test."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root (CI runs these as root)")
    try:
        _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder))
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"this machine does not allow mounting a tmpfs here: {exc}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


def test_a_full_disk_says_so_and_the_database_stays_whole(small_disk: Path) -> None:
    db = open_database(sqlite_url(small_disk / "pcdesk.sqlite3"))
    try:
        filler = small_disk / "filler"
        with filler.open("wb") as file:
            try:
                while True:
                    file.write(b"x" * 65536)
            except OSError:
                pass  # full
        with pytest.raises(Unavailable) as refused:
            for _ in range(1000):
                with db.writing() as session:
                    session.execute(text(INSERT), {"details": "y" * 4000})
        assert refused.value.message == Trouble.DISK_FULL.message
        filler.unlink()
        with db.reading() as session:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        with db.writing() as session:  # room again: saving works
            session.execute(text(INSERT), {"details": "after"})
    finally:
        db.dispose()


def test_a_database_on_a_read_only_drive_says_so(small_disk: Path, tmp_path: Path) -> None:
    open_database(sqlite_url(small_disk / "pcdesk.sqlite3")).dispose()
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    _mount("--bind", str(small_disk), str(read_only))
    try:
        _mount("-o", "remount,ro,bind", str(read_only))
        with pytest.raises(DatabaseUnavailableError) as refused:
            open_database(sqlite_url(read_only / "pcdesk.sqlite3"))
        assert refused.value.message.params["problem"] == Trouble.READ_ONLY.message
        assert "can only be read, not changed" in str(refused.value)
    finally:
        subprocess.run(["umount", "-l", str(read_only)], check=False, timeout=30)
