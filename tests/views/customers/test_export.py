"""Customers > Export customers…: which customers, where, a progress dialog, Cancel, the result."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.errors import Unavailable
from pcdesk.models.database import Database
from pcdesk.models.storage import unavailable_message
from pcdesk.services.customer_list import export as customer_export
from pcdesk.services.customer_list.query import CustomerQuery, count_customers
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.views.common import background_jobs
from pcdesk.views.customers import export as export_view
from pcdesk.views.customers.export import CustomerExporter

FORMULA_COMPANY = '=HYPERLINK("http://evil.example","Contoso")'


@pytest.fixture
def db(demo_db: Database, us_customer: CustomerInput, us_agreement: AgreementInput) -> Database:
    """The demo customers plus one whose name a spreadsheet would run as a formula."""
    create_customer(
        demo_db,
        replace(
            us_customer,
            company_name=FORMULA_COMPANY,
            contact_email="dana@contosoformula.com",
            domain_prefix="contosoformula",
        ),
        replace(us_agreement, signer_email="dana@contosoformula.com"),
    )
    return demo_db


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


class Seams:
    """The question and the save dialog, answered as the test says and recorded."""

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.scope = "matching"
        self.asked: list[tuple[int, int]] = []
        self.suggested: list[Path] = []

    def ask_scope(self, matching: int, total: int) -> str:
        self.asked.append((matching, total))
        return self.scope

    def choose_target(self, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.target


@pytest.fixture
def seams(out: Path, monkeypatch: pytest.MonkeyPatch) -> Seams:
    seams = Seams(out / "Customers.csv")
    monkeypatch.setattr(CustomerExporter, "ask_scope", lambda _self, m, t: seams.ask_scope(m, t))
    monkeypatch.setattr(CustomerExporter, "choose_target", lambda _self, s: seams.choose_target(s))
    monkeypatch.setattr(CustomerExporter, "progress_delay_ms", 0)
    monkeypatch.setattr(CustomerExporter, "batch_size", 4)
    return seams


class Gate:
    """Holds the export after its first batch until the test lets it go on.

    The worker would otherwise finish a few dozen customers before the dialog could be looked at
    or its Cancel clicked. After the gate the export asks its progress callback again, as it
    would at the next batch, so a Cancel clicked meanwhile is seen.
    """

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    real = customer_export.export_customers

    def gated(db, query, target, *, progress, batch_size):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> bool:
            go_on = progress(done, total)
            if done and not gate.reached.is_set():
                gate.reached.set()
                gate.release.wait(10)
                return progress(done, total)
            return go_on

        return real(db, query, target, progress=held, batch_size=batch_size)

    monkeypatch.setattr(export_view, "export_customers", gated)
    yield gate
    gate.release.set()  # a failed test must not leave the worker waiting


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def exporter(qtbot: QtBot, db: Database, window: QWidget):  # type: ignore[no-untyped-def]
    exporter = CustomerExporter(db, window)
    yield exporter
    # No thread outlives its test (the window, and the exporter with it, may be gone by now).
    qtbot.waitUntil(lambda: not background_jobs.any_running())


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_action(exporter: CustomerExporter) -> None:
    assert exporter.action.text() == "E&xport customers…"
    assert "CSV" in exporter.action.toolTip()
    assert not exporter.action.icon().isNull()
    assert exporter.action.isEnabled()


def test_exporting_every_customer_with_progress(
    qtbot: QtBot, db: Database, exporter: CustomerExporter, seams: Seams, gate: Gate, out: Path
) -> None:
    total = count_customers(db)
    exporter.action.trigger()
    assert seams.asked == []  # nothing searched or filtered: no question
    assert [path.name for path in seams.suggested] == ["Customers.csv"]
    qtbot.waitUntil(gate.reached.is_set)
    assert not exporter.action.isEnabled()  # one export at a time
    progress = exporter.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() == 4)
    assert progress.windowModality() is Qt.WindowModality.WindowModal
    assert progress.maximum() == total
    assert f"4 of {total}" in progress.labelText() and "Customers.csv" in progress.labelText()

    with qtbot.waitSignal(exporter.finished) as finished:
        gate.release.set()
    assert finished.args == [total, str(out / "Customers.csv")]
    rows = read(out / "Customers.csv")
    assert len(rows) == total
    assert "台灣晶片設計股份有限公司" in {row["Company name"] for row in rows}
    assert "'" + FORMULA_COMPANY in {row["Company name"] for row in rows}
    message = exporter.message
    assert message is not None and message.isVisible()
    assert message.text() == f"{total} customers exported to Customers.csv."
    assert str(out / "Customers.csv") in message.informativeText()
    assert exporter.progress is None or not exporter.progress.isVisible()
    qtbot.waitUntil(exporter.action.isEnabled)


def test_cancel_leaves_nothing_on_disk(
    qtbot: QtBot, exporter: CustomerExporter, seams: Seams, gate: Gate, out: Path
) -> None:
    finished: list[object] = []
    exporter.finished.connect(lambda *args: finished.append(args))
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    progress = exporter.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.release.set()
    qtbot.waitUntil(lambda: not exporter.is_running())
    assert exporter.progress is None  # closed
    assert list(out.iterdir()) == []
    assert finished == [] and exporter.message is None
    assert exporter.action.isEnabled()


@pytest.mark.parametrize("scope", ["matching", "all"])
def test_a_filtered_list_asks_which_customers(
    qtbot: QtBot, db: Database, exporter: CustomerExporter, seams: Seams, out: Path, scope: str
) -> None:
    query = CustomerQuery(country="TW")
    matching, total = count_customers(db, query), count_customers(db)
    exporter.query_source = lambda: query
    seams.scope = scope
    with qtbot.waitSignal(exporter.finished, timeout=10000) as finished:
        exporter.action.trigger()
    assert seams.asked == [(matching, total)]
    qtbot.waitUntil(lambda: not exporter.is_running())
    rows = read(out / "Customers.csv")
    if scope == "matching":
        assert finished.args[0] == len(rows) == matching
        assert {row["Country/region"] for row in rows} == {"TW"}
    else:
        assert finished.args[0] == len(rows) == total
        assert {row["Country/region"] for row in rows} > {"TW"}


def test_cancelling_the_question_or_the_save_dialog_exports_nothing(
    qtbot: QtBot, exporter: CustomerExporter, seams: Seams, out: Path
) -> None:
    exporter.query_source = lambda: CustomerQuery(country="TW")
    seams.scope = "cancel"
    exporter.action.trigger()
    assert seams.suggested == []  # no save dialog after Cancel
    seams.scope, seams.target = "matching", None
    exporter.action.trigger()
    assert len(seams.suggested) == 1
    assert not exporter.is_running() and list(out.iterdir()) == []


def test_the_next_export_starts_in_the_last_folder(
    qtbot: QtBot, exporter: CustomerExporter, seams: Seams, out: Path
) -> None:
    with qtbot.waitSignal(exporter.finished, timeout=10000):
        exporter.action.trigger()
    qtbot.waitUntil(lambda: not exporter.is_running())
    seams.target = None
    exporter.action.trigger()
    assert seams.suggested[-1] == out / "Customers.csv"


def test_a_failure_says_so_and_writes_nothing(
    qtbot: QtBot, exporter: CustomerExporter, seams: Seams, out: Path
) -> None:
    seams.target = out / "gone" / "Customers.csv"
    finished: list[object] = []
    exporter.finished.connect(lambda *args: finished.append(args))
    exporter.action.trigger()
    qtbot.waitUntil(lambda: exporter.message is not None, timeout=10000)
    message = exporter.message
    assert message is not None
    assert message.icon() is QMessageBox.Icon.Warning
    assert message.text() == "The customers could not be exported. No file was written."
    assert "No such file or directory" in message.informativeText()
    assert finished == [] and list(out.iterdir()) == []


def test_the_question_names_both_counts(
    qtbot: QtBot, window: QWidget, db: Database, tmp_path: Path
) -> None:
    exporter = CustomerExporter(db, window)
    seen: list[str] = []

    def answer() -> None:  # the box is modal: act on it while exec() runs
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.grab().save(str(tmp_path / "question.png"))
        seen.append(box.text())
        seen.extend(button.text() for button in box.buttons())
        next(b for b in box.buttons() if b.text() == "&All").click()

    QTimer.singleShot(0, answer)
    assert exporter.ask_scope(3, 1234) == "all"
    assert seen[0] == (
        "Export the 3 customers that match the current search and filters, or all 1,234 customers?"
    )
    assert set(seen[1:]) == {"&Matching", "&All", "Cancel"}


def test_closing_the_window_mid_export_cancels_it(
    qtbot: QtBot, db: Database, seams: Seams, gate: Gate, out: Path
) -> None:
    window = QWidget()
    exporter = CustomerExporter(db, window)
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    with qtbot.waitSignal(exporter.destroyed):
        window.deleteLater()
    gate.release.set()
    qtbot.waitUntil(lambda: not background_jobs.any_running())
    assert list(out.iterdir()) == []


def test_a_database_that_cannot_be_reached_says_so(
    qtbot: QtBot, exporter: CustomerExporter, seams: Seams, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*args: object) -> int:
        raise Unavailable(unavailable_message())

    monkeypatch.setattr(export_view, "count_customers", unreachable)
    exporter.action.trigger()
    message = exporter.message
    assert message is not None and message.icon() is QMessageBox.Icon.Warning
    assert message.text() == "The customers could not be exported."
    assert message.informativeText().startswith("The database is busy or cannot be reached.")
    assert seams.suggested == [] and not exporter.is_running()


def test_with_no_customers_there_is_nothing_to_export(
    qtbot: QtBot, sqlite_db: Database, window: QWidget, seams: Seams
) -> None:
    exporter = CustomerExporter(sqlite_db, window)
    exporter.action.trigger()
    assert exporter.message is not None
    assert exporter.message.text() == "There are no customers to export yet."
    assert seams.suggested == [] and not exporter.is_running()
