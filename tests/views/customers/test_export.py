"""Customers > Export customers…: which customers, where, a progress dialog, Cancel, the result."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.errors import Unavailable
from pcdesk.models.database import Database
from pcdesk.models.storage import unavailable_message
from pcdesk.services.customer_list import export as customer_export
from pcdesk.services.customer_list.query import CustomerQuery, count_customers
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.views.common.operations import runner
from pcdesk.views.customers import export as export_view
from pcdesk.views.customers.export import CustomerExports
from pcdesk.views.customers.export_action import CustomerExporter

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


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export reports its progress every 4 customers (a gated test sees the first batch)."""
    monkeypatch.setattr(CustomerExports, "batch_size", 4)


def suggested(prompts: Any) -> list[Path]:
    """The files the save dialogs suggested, each checked to be the export's dialog."""
    assert {(asked.caption, asked.filters) for asked in prompts.saved} <= {
        ("Export customers", "CSV files (*.csv);;All files (*)")
    }
    return [Path(asked.suggested) for asked in prompts.saved]


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

    monkeypatch.setattr(customer_export, "export_customers", gated)  # (the view imports it late)
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
def exporter(qtbot: QtBot, db: Database, window: QWidget, settle) -> Iterator[CustomerExporter]:
    exporter = CustomerExporter(db, window)
    yield exporter
    settle()  # no worker outlives its test (the window, and the exporter with it, may be gone)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def progress_of(window: QWidget) -> QProgressDialog:
    """The export's progress dialog (an operation's, a child of the window)."""
    dialogs = window.findChildren(QProgressDialog)
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


def test_the_action(exporter: CustomerExporter) -> None:
    assert exporter.action.text() == "E&xport customers…"
    assert "CSV" in exporter.action.toolTip()
    assert not exporter.action.icon().isNull()
    assert exporter.action.isEnabled()


def test_exporting_every_customer_with_progress(
    qtbot: QtBot,
    db: Database,
    window: QWidget,
    exporter: CustomerExporter,
    prompts: Any,
    gate: Gate,
    out: Path,
) -> None:
    total = count_customers(db)
    prompts.file(str(out / "Customers.csv"))
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    assert prompts.asked == []  # nothing searched or filtered: no question
    assert [path.name for path in suggested(prompts)] == ["Customers.csv"]
    assert not exporter.action.isEnabled()  # one export at a time
    progress = progress_of(window)
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() == 4)
    assert progress.windowModality() is Qt.WindowModality.WindowModal
    assert progress.maximum() == total
    assert f"4 of {total}" in progress.labelText() and "Customers.csv" in progress.labelText()
    progress.grab().save(str(out.parent / "progress.png"))

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
    qtbot.waitUntil(lambda: not progress_visible(window))
    qtbot.waitUntil(exporter.action.isEnabled)


def progress_visible(window: QWidget) -> bool:
    return any(dialog.isVisible() for dialog in window.findChildren(QProgressDialog))


def test_cancel_leaves_nothing_on_disk(
    qtbot: QtBot,
    window: QWidget,
    exporter: CustomerExporter,
    prompts: Any,
    gate: Gate,
    out: Path,
    settle,
) -> None:
    finished: list[object] = []
    exporter.finished.connect(lambda *args: finished.append(args))
    prompts.file(str(out / "Customers.csv"))
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    progress = progress_of(window)
    qtbot.waitUntil(progress.isVisible)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.release.set()
    settle()
    assert not exporter.is_running()
    assert not progress_visible(window)  # closed
    assert list(out.iterdir()) == []
    assert finished == [] and exporter.message is None  # a cancelled export says nothing
    assert exporter.action.isEnabled()


def quit_operations(gate: Gate) -> None:
    """What the application does at quit (``runner().shutdown()``: cancel every operation, then
    wait for them), the gate opening once the export is told to stop. The next test gets a
    runner of its own."""
    for operation in runner().running():
        cancel = operation.cancel

        def cancel_then_release(cancel=cancel) -> None:  # type: ignore[no-untyped-def]
            cancel()
            gate.release.set()

        operation.cancel = cancel_then_release  # type: ignore[method-assign]
    stopped = runner()
    stopped.shutdown()
    stopped.setParent(None)
    stopped.deleteLater()


def test_quitting_mid_export_cancels_it_and_leaves_nothing(
    qtbot: QtBot, exporter: CustomerExporter, prompts: Any, gate: Gate, out: Path
) -> None:
    prompts.file(str(out / "Customers.csv"))
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    quit_operations(gate)
    assert list(out.iterdir()) == []  # the worker has stopped: nothing is left on disk
    qtbot.waitUntil(lambda: not exporter.is_running())  # its callbacks have run
    assert exporter.message is None


def test_a_second_click_while_counting_starts_nothing(
    qtbot: QtBot, exporter: CustomerExporter, prompts: Any, out: Path, settle
) -> None:
    prompts.file(str(out / "Customers.csv"))  # one save dialog: a second would find no answer
    exporter.action.trigger()
    assert not exporter.action.isEnabled()  # the counts are read off the GUI thread
    exporter.action.trigger()  # a shortcut pressed again: disabled, nothing happens
    exporter._export_current()  # even if it reached the slot
    with qtbot.waitSignal(exporter.finished, timeout=10000):
        pass
    settle()
    assert len(prompts.saved) == 1


@pytest.mark.parametrize("scope", ["Matching", "All"])
def test_a_filtered_list_asks_which_customers(
    qtbot: QtBot,
    db: Database,
    exporter: CustomerExporter,
    prompts: Any,
    out: Path,
    scope: str,
    settle,
) -> None:
    query = CustomerQuery(country="TW")
    matching, total = count_customers(db, query), count_customers(db)
    exporter.query_source = lambda: query
    prompts.answer(scope)
    prompts.file(str(out / "Customers.csv"))
    with qtbot.waitSignal(exporter.finished, timeout=10000) as finished:
        exporter.action.trigger()
    assert [asked.text for asked in prompts.asked] == [
        f"Export the {matching} customers that match the current search and filters, or all "
        f"{total} customers?"
    ]
    settle()
    rows = read(out / "Customers.csv")
    if scope == "Matching":
        assert finished.args[0] == len(rows) == matching
        assert {row["Country/region"] for row in rows} == {"TW"}
    else:
        assert finished.args[0] == len(rows) == total
        assert {row["Country/region"] for row in rows} > {"TW"}


def test_cancelling_the_question_or_the_save_dialog_exports_nothing(
    qtbot: QtBot, exporter: CustomerExporter, prompts: Any, out: Path, settle
) -> None:
    exporter.query_source = lambda: CustomerQuery(country="TW")
    prompts.answer("Cancel")
    exporter.action.trigger()
    settle()
    assert len(prompts.asked) == 1
    assert prompts.saved == []  # no save dialog after Cancel
    prompts.answer("Matching")
    prompts.file("")  # the save dialog cancelled
    exporter.action.trigger()
    settle()
    assert len(prompts.asked) == 2 and len(prompts.saved) == 1
    assert not exporter.is_running() and list(out.iterdir()) == []
    assert exporter.action.isEnabled()


def test_the_next_export_starts_in_the_last_folder(
    qtbot: QtBot, exporter: CustomerExporter, prompts: Any, out: Path, settle
) -> None:
    prompts.file(str(out / "Customers.csv"))
    with qtbot.waitSignal(exporter.finished, timeout=10000):
        exporter.action.trigger()
    settle()
    prompts.file("")
    exporter.action.trigger()
    settle()
    assert suggested(prompts)[-1] == out / "Customers.csv"


def test_a_failure_says_so_and_writes_nothing(
    qtbot: QtBot, exporter: CustomerExporter, prompts: Any, out: Path, settle
) -> None:
    prompts.file(str(out / "gone" / "Customers.csv"))
    finished: list[object] = []
    exporter.finished.connect(lambda *args: finished.append(args))
    exporter.action.trigger()
    settle()
    message = exporter.message
    assert message is not None
    assert message.icon() is QMessageBox.Icon.Warning
    assert message.text() == "The customers could not be exported. No file was written."
    assert "No such file or directory" in message.informativeText()
    assert finished == [] and list(out.iterdir()) == []
    assert exporter.action.isEnabled()


def test_the_question_names_both_counts(
    qtbot: QtBot, window: QWidget, db: Database, prompts: Any
) -> None:
    exporter = CustomerExporter(db, window)
    prompts.answer("All")
    assert exporter.exports().ask_scope(3, 1234) == "all"
    [asked] = prompts.asked
    assert asked.title == "Export customers"
    assert asked.text == (
        "Export the 3 customers that match the current search and filters, or all 1,234 customers?"
    )
    assert set(asked.buttons) == {"Matching", "All", "Cancel"}
    assert asked.default == "Matching"


def test_closing_the_window_mid_export_cancels_it(
    qtbot: QtBot, db: Database, prompts: Any, gate: Gate, out: Path, settle
) -> None:
    window = QWidget()
    exporter = CustomerExporter(db, window)
    prompts.file(str(out / "Customers.csv"))
    exporter.action.trigger()
    qtbot.waitUntil(gate.reached.is_set)
    with qtbot.waitSignal(exporter.destroyed):
        window.deleteLater()
    gate.release.set()
    settle()
    assert list(out.iterdir()) == []


def test_a_database_that_cannot_be_reached_says_so(
    qtbot: QtBot,
    exporter: CustomerExporter,
    prompts: Any,
    monkeypatch: pytest.MonkeyPatch,
    settle,
) -> None:
    def unreachable(*args: object) -> int:
        raise Unavailable(unavailable_message())

    monkeypatch.setattr(export_view, "count_customers", unreachable)
    exporter.action.trigger()
    settle()
    message = exporter.message
    assert message is not None and message.icon() is QMessageBox.Icon.Warning
    assert message.text() == "The customers could not be exported."
    assert message.informativeText().startswith("The database is busy or cannot be reached.")
    assert prompts.saved == [] and not exporter.is_running()
    assert exporter.action.isEnabled()


def test_with_no_customers_there_is_nothing_to_export(
    qtbot: QtBot, sqlite_db: Database, window: QWidget, prompts: Any, settle
) -> None:
    exporter = CustomerExporter(sqlite_db, window)
    exporter.action.trigger()
    settle()
    assert exporter.message is not None
    assert exporter.message.text() == "There are no customers to export yet."
    assert prompts.saved == [] and not exporter.is_running()
