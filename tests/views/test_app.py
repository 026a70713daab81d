"""Start-up through the public seam: build_main_window, the demo, first start, bad databases."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from pcdesk import app, config, platform_check, self_check
from pcdesk.models.database import Database, DatabaseUnavailableError, sqlite_url
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.list import table_model
from pcdesk.views.main_window import MainWindow


def test_demo_opens_a_window_on_demo_data(qtbot: QtBot, tmp_path: Path, list_loaded) -> None:
    window = app.build_main_window(sqlite_url(tmp_path / "demo.sqlite3"), demo=True)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    list_loaded(window)
    assert isinstance(window, MainWindow)
    assert window.windowTitle() == "Fabrikam Cloud Partners 富碧坎雲端 — pcdesk"
    model = window.customer_model
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert "台灣晶片設計股份有限公司" in names
    assert "Contoso Pharmaceuticals" in names
    assert window.count_label.text() == f"{model.rowCount()} customers"
    assert model.rowCount() >= 10


def test_the_windows_first_reads_wait_for_its_first_rows(
    qtbot: QtBot, tmp_path: Path, list_loaded
) -> None:
    """Start-up (issue 18): built with ``reads_after_paint``, the window's reads (roles, tags,
    Partner Center's state) are held, not lost: they run once its list's first rows have been
    painted."""
    window = app.build_main_window(
        sqlite_url(tmp_path / "demo.sqlite3"), demo=True, reads_after_paint=True
    )
    qtbot.addWidget(window)
    assert not runner().is_idle()  # held, not started
    assert not window.import_customers_action.isEnabled()  # the user's role is not read yet
    with qtbot.waitExposed(window):
        window.show()
    list_loaded(window)  # the list, then every read held
    assert window.import_customers_action.isEnabled()
    assert window.detail_pane.tabs_built


def _first_rows_held_until(
    monkeypatch: pytest.MonkeyPatch, release: threading.Event, *, fail: bool = False
) -> None:
    """The list's first read waits for ``release`` (then fails, with ``fail``)."""
    real = table_model.first_page

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(30)
        if fail:
            raise DatabaseUnavailableError("unreachable")
        return real(*args, **kwargs)

    monkeypatch.setattr(table_model, "first_page", waiting)


def test_the_tabs_and_held_reads_wait_for_the_lists_first_rows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, list_loaded
) -> None:
    """Made at the window's paint, the tabs (100 ms on the GUI thread) and the held reads kept
    rows that arrived meanwhile off the screen: they wait for the rows' paint."""
    url = sqlite_url(tmp_path / "demo.sqlite3")
    app.build_main_window(url, demo=True).close()  # the demo data, written
    release = threading.Event()
    _first_rows_held_until(monkeypatch, release)
    window = app.build_main_window(url, reads_after_paint=True)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(100)  # painted, rows not read
    assert window.customer_model.rowCount() == 0
    assert not window.detail_pane.tabs_built
    assert not window.import_customers_action.isEnabled()  # the roles' read is held
    release.set()
    list_loaded(window)
    assert window.customer_model.rowCount() > 0
    assert window.detail_pane.tabs_built
    assert window.import_customers_action.isEnabled()


@pytest.mark.logs_errors
def test_a_failed_first_read_of_the_list_lets_the_tabs_and_held_reads_go(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, list_loaded
) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite3")
    app.build_main_window(url, demo=True).close()
    release = threading.Event()
    _first_rows_held_until(monkeypatch, release, fail=True)
    window = app.build_main_window(url, reads_after_paint=True)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    release.set()
    list_loaded(window)
    assert window.customer_model.rowCount() == 0
    assert window.statusBar().currentMessage().startswith("The customer list could not be read")
    assert window.detail_pane.tabs_built
    assert window.import_customers_action.isEnabled()


def test_a_window_closed_before_its_first_paint_lets_its_held_reads_go(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = app.build_main_window(
        sqlite_url(tmp_path / "demo.sqlite3"), demo=True, reads_after_paint=True
    )
    qtbot.addWidget(window)
    assert not runner().is_idle()
    window.close()
    qtbot.waitUntil(runner().is_idle)


def test_demo_leaves_an_existing_database_alone(qtbot: QtBot, tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite3")
    first = app.build_main_window(url, demo=True)
    qtbot.addWidget(first)
    count = first.customer_model.rowCount()  # type: ignore[attr-defined]
    first.close()
    second = app.build_main_window(url, demo=True)
    qtbot.addWidget(second)
    assert second.customer_model.rowCount() == count  # type: ignore[attr-defined]
    second.close()


def test_first_start_asks_for_the_profile_before_the_main_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Database] = []

    def cancel(db: Database) -> PartnerProfileData | None:
        asked.append(db)
        return None

    monkeypatch.setattr(app, "ask_partner_profile", cancel)
    with pytest.raises(app.FirstStartCancelled):
        app.build_main_window(sqlite_url(tmp_path / "new.sqlite3"))
    assert len(asked) == 1


@pytest.mark.logs_errors
def test_an_unreachable_database_is_explained_in_a_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, prompts: Any
) -> None:
    prompts.answer("OK")
    monkeypatch.setattr(app, "setup_logging", lambda: None)  # no log file left open by the test
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after main() replaces it
    code = app.main(["--database", "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/pcdesk"])
    assert code == 1
    (shown,) = prompts.asked
    assert (shown.title, shown.buttons) == ("pcdesk cannot open the database", ["OK"])
    assert "127.0.0.1:1/pcdesk" in shown.text
    assert "s3cret" not in shown.text


def test_a_database_opened_before_is_never_made_anew_when_it_goes_missing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settle: Any
) -> None:
    url = sqlite_url(tmp_path / "office.sqlite3")
    first = app.build_main_window(url, demo=True)
    qtbot.addWidget(first)
    first.close()
    # The window's first reads are over (one still running could connect after the unlink,
    # and SQLite would make the file anew: that is not what this test is about).
    settle()
    (tmp_path / "office.sqlite3").unlink()  # its drive unmounted, say

    with pytest.raises(DatabaseUnavailableError) as refused:
        app.build_main_window(url, demo=True)
    assert "office.sqlite3 is missing" in str(refused.value)
    assert not (tmp_path / "office.sqlite3").exists()


@pytest.mark.logs_errors
def test_a_database_named_on_the_command_line_must_exist_unless_asked_to_create(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prompts: Any
) -> None:
    prompts.answer("OK")
    monkeypatch.setattr(app, "setup_logging", lambda: None)  # no log file left open by the test
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after main() replaces it
    path = tmp_path / "typo.sqlite3"
    assert app.main(["--database", sqlite_url(path)]) == 1
    assert not path.exists()
    (shown,) = prompts.asked
    assert "typo.sqlite3 is missing" in shown.text


def _run_pcdesk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m pcdesk`` as a user's shortcut starts it, offscreen, its folders in tmp_path."""
    environ = dict(os.environ)
    environ.pop(config.DATABASE_ENV, None)
    environ.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        LOCALAPPDATA=str(tmp_path / "local"),
        APPDATA=str(tmp_path / "roaming"),
    )
    return subprocess.run(
        [sys.executable, "-m", "pcdesk", *args],
        cwd=tmp_path,  # not the repository: its pcdesk/ would hide the installed one
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_test_opens_the_main_window_reports_and_exits_0(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "smoke.sqlite3")
    result = _run_pcdesk(tmp_path, "--demo", "--smoke-test", "--database", url)
    assert result.returncode == 0, result.stderr
    assert re.search(r"smoke test: main window shown \d+\.\d{3} s after", result.stdout)
    again = _run_pcdesk(tmp_path, "--smoke-test", "--database", url)  # an existing database
    assert again.returncode == 0, again.stderr


def test_smoke_test_fails_where_a_person_would_be_asked_for_the_profile(tmp_path: Path) -> None:
    new = sqlite_url(tmp_path / "new.db")
    result = _run_pcdesk(tmp_path, "--smoke-test", "--create", "--database", new)
    assert result.returncode == 2
    assert "main window shown" not in result.stdout
    assert "has no partner profile" in result.stderr


def test_the_installation_self_check_finds_everything_in_a_development_install() -> None:
    assert self_check.problems() == []


def test_check_libraries_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(platform_check, "can_load", lambda name: name != "libxcb-icccm.so.4")
    assert app.main(["--check-libraries"]) == 1
    assert "sudo apt install libxcb-icccm4" in capsys.readouterr().out
    monkeypatch.setattr(platform_check, "can_load", lambda name: True)
    assert app.main(["--check-libraries"]) == 0
