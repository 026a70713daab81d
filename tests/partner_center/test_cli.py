"""``pcdesk-cli sync``: its exit codes and what it says, against the simulator."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pcdesk import cli
from pcdesk.models.database import open_database, sqlite_url
from pcdesk.partner_center import auth, connection
from pcsimulator.state import Simulator


@pytest.fixture(autouse=True)
def no_secure_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never the user's own token cache or data folder."""
    monkeypatch.setattr(connection, "token_cache_path", lambda: tmp_path / "tokens.bin")
    monkeypatch.setattr(auth, "_insecure_reported", True)
    monkeypatch.delenv(auth.TOKEN_ENV, raising=False)
    monkeypatch.delenv(auth.API_ENV, raising=False)


def database(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "cli.sqlite3")


def test_sync_with_a_token_and_the_simulator(
    sim: Simulator, sim_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv(auth.TOKEN_ENV, "any-token")
    monkeypatch.setenv(auth.API_ENV, sim_url)
    assert cli.main(["sync", "--database", database(tmp_path)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "60 added" in out
    assert cli.main(["sync", "--database", database(tmp_path)]) == cli.EXIT_OK
    assert "0 added" in capsys.readouterr().out
    db = open_database(database(tmp_path))
    try:
        from pcdesk.partner_center.sync import sync_status

        assert sync_status(db).last_sync_at is not None
    finally:
        db.dispose()


def test_not_signed_in_and_no_app_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sync", "--database", database(tmp_path)]) == cli.EXIT_SIGN_IN
    assert "application (client) ID" in capsys.readouterr().err


def test_partner_center_out_of_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv(auth.TOKEN_ENV, "any-token")
    monkeypatch.setenv(auth.API_ENV, f"http://127.0.0.1:{port}")
    # Four tries as always, without waiting between them.
    monkeypatch.setattr(
        "pcdesk.partner_center.client.RetryPolicy.__init__.__defaults__", (4, 0.0, 0.0, 30, 300.0)
    )
    assert cli.main(["sync", "--database", database(tmp_path)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "could not be reached" in err and "Traceback" not in err and "any-token" not in err


def test_a_refused_token(
    sim: Simulator, sim_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    sim.config.accepted_tokens = {"the-right-one"}
    monkeypatch.setenv(auth.TOKEN_ENV, "the-wrong-one")
    monkeypatch.setenv(auth.API_ENV, sim_url)
    assert cli.main(["sync", "--database", database(tmp_path)]) == cli.EXIT_SIGN_IN
    assert "Sign in again" in capsys.readouterr().err


def test_a_database_that_cannot_be_opened(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sync", "--database", "nonsense://"]) == cli.EXIT_USAGE
    assert "pcdesk-cli:" in capsys.readouterr().err
    assert cli.main(["frobnicate"]) == cli.EXIT_USAGE


def test_send_pending_sends_the_outbox_and_says_what_was_refused(
    sim: Simulator, sim_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from pcdesk.messages import Message
    from pcdesk.services import outbox as ob

    db = open_database(database(tmp_path))
    try:
        for prefix in ("clifresh", "contoso"):  # contoso is taken in Partner Center
            ob.queue(
                db, ob.CREATE_CUSTOMER, "POST", "/v1/customers",
                {"CompanyProfile": {"Domain": f"{prefix}.onmicrosoft.com"},
                 "BillingProfile": {"CompanyName": prefix, "Email": "a@b.example",
                                    "DefaultAddress": {"AddressLine1": "1 Way", "City": "X",
                                                       "PostalCode": "98052", "Country": "US"}}},
                Message(prefix, context="raw"),
            )  # fmt: skip
    finally:
        db.dispose()
    monkeypatch.setenv(auth.TOKEN_ENV, "any-token")
    monkeypatch.setenv(auth.API_ENV, sim_url)
    assert cli.main(["send-pending", "--database", database(tmp_path)]) == cli.EXIT_FAILED
    out = capsys.readouterr().out
    assert "sent to Partner Center: 1; refused: 1" in out
    assert "clifresh.onmicrosoft.com: admin@clifresh.onmicrosoft.com " in out
    assert [c.domain for c in sim.created_customers()] == ["clifresh.onmicrosoft.com"]
