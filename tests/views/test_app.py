"""Start-up through the public seam: build_main_window, the demo, first start, bad databases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pcdesk import app
from pcdesk.models.database import Database, DatabaseUnavailableError, sqlite_url
from pcdesk.services.partner.profile import PartnerProfileData
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
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    monkeypatch.setattr(app, "setup_logging", lambda: None)  # no log file left open by the test
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after main() replaces it
    code = app.main(["--database", "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/pcdesk"])
    assert code == 1
    assert len(shown) == 1
    assert "127.0.0.1:1/pcdesk" in shown[0]
    assert "s3cret" not in shown[0]


def test_a_database_opened_before_is_never_made_anew_when_it_goes_missing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path / "office.sqlite3")
    first = app.build_main_window(url, demo=True)
    qtbot.addWidget(first)
    first.close()
    (tmp_path / "office.sqlite3").unlink()  # its drive unmounted, say

    with pytest.raises(DatabaseUnavailableError) as refused:
        app.build_main_window(url, demo=True)
    assert "office.sqlite3 is missing" in str(refused.value)
    assert not (tmp_path / "office.sqlite3").exists()


@pytest.mark.logs_errors
def test_a_database_named_on_the_command_line_must_exist_unless_asked_to_create(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    monkeypatch.setattr(app, "setup_logging", lambda: None)  # no log file left open by the test
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after main() replaces it
    path = tmp_path / "typo.sqlite3"
    assert app.main(["--database", sqlite_url(path)]) == 1
    assert not path.exists()
    assert "typo.sqlite3 is missing" in shown[0]
