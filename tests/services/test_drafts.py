"""The Add customer wizard's draft on disk: one per database, replaced whole, never a crash."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from pcdesk import config
from pcdesk.services.drafts import Draft, DraftStore

SERVER = "postgresql+psycopg://clerk:s3cret@dbserver/pcdesk"
VALUES = {"company_name": "富碧坎雲端股份有限公司", "country": "TW", "agreement_accepted": True}


def test_a_saved_draft_comes_back_with_its_time(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts", SERVER)
    assert not store.exists
    assert store.load() is None
    before = dt.datetime.now(dt.UTC)
    store.save(VALUES)
    assert store.exists
    draft = store.load()
    assert isinstance(draft, Draft)
    assert draft.values == VALUES
    assert before <= draft.saved_at <= dt.datetime.now(dt.UTC)
    assert draft.saved_at.utcoffset() == dt.timedelta(0)
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["values"] == VALUES


def test_a_draft_belongs_to_one_database_and_its_name_holds_no_password(tmp_path: Path) -> None:
    server = DraftStore(tmp_path, SERVER)
    same_server_other_password = DraftStore(tmp_path, SERVER.replace("s3cret", "changed"))
    laptop = DraftStore(tmp_path, "sqlite:////home/clerk/pcdesk.sqlite3")
    assert server.path == same_server_other_password.path
    assert server.path != laptop.path
    assert server.path.parent == tmp_path
    assert server.path.name.startswith("add-customer-") and server.path.suffix == ".json"
    assert "s3cret" not in server.path.name
    server.save(VALUES)
    assert laptop.load() is None


def test_saving_again_replaces_the_draft_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.save(VALUES)
    store.save({"company_name": "Contoso"})
    loaded = store.load()
    assert loaded is not None
    assert loaded.values == {"company_name": "Contoso"}
    assert list(tmp_path.iterdir()) == [store.path]


def test_a_failed_save_keeps_the_previous_draft_whole(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.save(VALUES)
    with pytest.raises(TypeError):
        store.save({"date_accepted": dt.date(2025, 3, 14)})  # the caller converts dates
    loaded = store.load()
    assert loaded is not None
    assert loaded.values == VALUES
    assert list(tmp_path.iterdir()) == [store.path]


def test_a_failed_replace_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.save(VALUES)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError("the file is in use")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PermissionError):
        store.save({"company_name": "Contoso"})
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == [store.path]
    loaded = store.load()
    assert loaded is not None
    assert loaded.values == VALUES


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"version": 2, "saved_at": "2025-03-14T09:30:00+00:00", "values": {}}',
        b'{"version": true, "saved_at": "2025-03-14T09:30:00+00:00", "values": {}}',
        b'{"version": 1, "saved_at": "yesterday", "values": {}}',
        b'{"version": 1, "saved_at": "2025-03-14T09:30:00", "values": {}}',
        b'{"version": 1, "saved_at": "2025-03-14T09:30:00+00:00", "values": []}',
    ],
)
def test_a_corrupt_or_foreign_draft_is_ignored_with_a_warning(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="pcdesk.services.drafts"):
        assert store.load() is None
    assert str(store.path) in caplog.text


def test_an_unreadable_draft_is_ignored(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.path.mkdir()  # a folder where the file should be: reading it fails
    assert store.load() is None


def test_a_draft_in_another_time_zone_is_read_as_utc(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, SERVER)
    document = {"version": 1, "saved_at": "2025-03-14T17:30:00+08:00", "values": VALUES}
    store.path.write_text(json.dumps(document), encoding="utf-8")
    loaded = store.load()
    assert loaded == Draft(dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC), VALUES)


def test_discarding_removes_the_draft_and_twice_is_fine(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, SERVER)
    store.save(VALUES)
    store.discard()
    assert not store.exists
    assert store.load() is None
    store.discard()


def test_drafts_live_in_the_per_user_data_folder() -> None:
    assert config.drafts_dir() == config.data_dir() / "drafts"
