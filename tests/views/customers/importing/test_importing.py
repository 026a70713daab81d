"""Customers > Import customers…: file, preview with counts, the skip box, Import, the list refreshed."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pcdesk.models import PartnerRole
from pcdesk.models.database import Database
from pcdesk.services.customer_import import apply as customer_import
from pcdesk.services.customer_import import preview as customer_import_preview
from pcdesk.services.customer_import.apply import Fate, preview_import
from pcdesk.services.customer_list.query import CustomerQuery, count_customers, customer_page
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.importing.action import CustomerImporter
from pcdesk.views.customers.importing.preview import (
    FATE,
    REASON,
    ImportPreviewDialog,
    ImportPreviewModel,
)
from pcdesk.views.main_window import MainWindow

NEW_IDS = (
    "8e2f6a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
    "1c0d7e5f-2a3b-4c5d-9e8f-7a6b5c4d3e2f",
)
CUSTOMERS_CSV = (
    "\ufeffMicrosoft ID,Company name,Primary domain name,Relationship,Tags\r\n"
    f'{NEW_IDS[0]},"Contoso, Ltd.",contosoltd.onmicrosoft.com,Cloud Reseller,"vip, pharma"\r\n'
    "\r\n"
    f"{NEW_IDS[1]},南港軟體園區股份有限公司,nkspark.onmicrosoft.com,Cloud Reseller,\r\n"
    "not-a-guid,北風貿易有限公司,northwindtw.onmicrosoft.com,Cloud Reseller,\r\n"
)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "Customers.csv"
    path.write_text(CUSTOMERS_CSV, encoding="utf-8", newline="")
    return path


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window  # no worker outlives its test: each test waits for its operations


def progress_of(parent: QWidget) -> QProgressDialog:
    """The operation's progress dialog, a child of the window or dialog that started it."""
    dialogs = parent.findChildren(QProgressDialog)
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box where a user does: its square (the widget spans the dialog's width)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def preview_dialog(qtbot: QtBot, importer: CustomerImporter) -> ImportPreviewDialog:
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible())
    dialog = importer.dialog
    assert dialog is not None
    return dialog


def test_importing_from_the_menu_previews_then_imports_and_refreshes_the_list(
    qtbot: QtBot, window: MainWindow, prompts, csv_file: Path, list_loaded
) -> None:
    before = count_customers(window.db)
    importer = window.import_customers
    action = window.import_customers_action
    assert action is importer.action
    assert action.isEnabled() and action.text() == "&Import customers…"
    assert "Customers.csv" in action.toolTip()

    prompts.file(str(csv_file))
    action.trigger()

    dialog = preview_dialog(qtbot, importer)
    assert prompts.files == deque()  # the file was asked for
    assert dialog.counts.text() == "2 new · 1 invalid"
    assert "Customers.csv is a Partner Center customer list" in dialog.heading.text()
    # The invalid row is shown first, with its line and reason.
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "5"
    assert model.index(0, FATE).data() == "Invalid"
    assert model.index(0, REASON).data() == "“not-a-guid” is not a Microsoft ID (a GUID)."
    # Import waits for the explicit choice to leave the invalid row out.
    assert dialog.skip_invalid.isVisible()
    assert dialog.skip_invalid.text() == "&Skip the invalid row and import the others"
    assert not dialog.import_button.isEnabled()
    assert "Invalid rows are not imported" in dialog.note.text()
    assert count_customers(window.db) == before  # nothing written yet

    tick(qtbot, dialog.skip_invalid)
    assert dialog.import_button.isEnabled()
    assert dialog.note.text().startswith("Import writes 2 customers in one step")
    with qtbot.waitSignal(importer.imported, timeout=10000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert not dialog.import_button.isEnabled()  # while it runs: no second import

    result = imported.args[0]
    assert (result.added, result.updated, result.skipped) == (2, 0, 1)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    message = importer.message
    assert message is not None and message.isVisible()
    assert message.text() == "Customers.csv is imported."
    assert message.informativeText() == (
        "Customers added: 2. Customers updated: 0. Rows left as they were: invalid 1."
    )
    # The list reads the database again: the new customers are counted and listed.
    list_loaded(window)
    qtbot.waitUntil(lambda: window.customer_model.everyone == before + 2)
    assert f"{before + 2} customers" in window.count_label.text()
    names = {row.company_name for row in customer_page(window.db, CustomerQuery(text="南港"))}
    assert names == {"南港軟體園區股份有限公司"}


def test_no_file_chosen_does_nothing(qtbot: QtBot, window: MainWindow, prompts) -> None:
    prompts.file("")
    window.import_customers_action.trigger()
    assert not prompts.files  # asked
    assert window.import_customers.dialog is None and not window.import_customers.is_running()


def test_a_file_that_is_not_a_customer_list_says_why(
    qtbot: QtBot, window: MainWindow, prompts, tmp_path: Path
) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("ProductId,SkuId\nCFQ7TTC0LH18,0001\n", encoding="utf-8")
    importer = window.import_customers

    prompts.file(str(path))
    window.import_customers_action.trigger()

    qtbot.waitUntil(lambda: importer.message is not None, timeout=10000)
    message = importer.message
    assert message is not None
    assert message.text() == "prices.csv could not be read."
    assert "prices.csv is not a customer list" in message.informativeText()
    assert importer.dialog is None


class Gate:
    """Holds the import at its first report of written rows until the test lets it go on."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.release = threading.Event()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    real = customer_import.apply_import

    def gated(db, preview, *, skip_invalid, progress):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> bool:
            go_on = progress(done, total)
            if done * 2 > total and not gate.reached.is_set():  # some rows are written
                gate.reached.set()
                gate.release.wait(10)
                return progress(done, total)
            return go_on

        return real(db, preview, skip_invalid=skip_invalid, progress=held)

    monkeypatch.setattr(customer_import, "apply_import", gated)  # (the view imports it late)
    monkeypatch.setattr(customer_import_preview, "CHUNK", 1)
    yield gate
    gate.release.set()  # a failed test must not leave the worker waiting


def start_import(
    qtbot: QtBot, window: MainWindow, prompts, csv_file: Path, gate: Gate
) -> ImportPreviewDialog:  # type: ignore[no-untyped-def]
    """Preview the file, tick the box, click Import; returns once some rows are written."""
    prompts.file(str(csv_file))
    window.import_customers_action.trigger()
    dialog = preview_dialog(qtbot, window.import_customers)
    tick(qtbot, dialog.skip_invalid)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.reached.is_set)
    return dialog


def test_cancelling_the_import_writes_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow, gate: Gate, prompts, csv_file: Path, settle
) -> None:
    before = count_customers(window.db)
    importer = window.import_customers
    dialog = start_import(qtbot, window, prompts, csv_file, gate)
    progress = progress_of(dialog)
    qtbot.waitUntil(progress.isVisible)
    assert progress.windowModality() is Qt.WindowModality.WindowModal
    assert "Importing 2 customers from Customers.csv" in progress.labelText()
    assert not dialog.import_button.isEnabled()  # busy
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.release.set()

    settle()
    assert not importer.is_running()
    message = importer.message
    assert message is not None
    assert message.text() == "The import was cancelled. Nothing was written."
    assert count_customers(window.db) == before
    assert dialog.isVisible() and dialog.import_button.isEnabled()  # the user may try again


def test_quitting_mid_import_cancels_it_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, gate: Gate, prompts, csv_file: Path
) -> None:
    before = count_customers(window.db)
    importer = window.import_customers
    start_import(qtbot, window, prompts, csv_file, gate)
    # What the application does at quit (runner().shutdown(): cancel every operation, then
    # wait for them), the gate opening once the import is told to stop.
    for operation in runner().running():
        cancel = operation.cancel

        def cancel_then_release(cancel=cancel) -> None:  # type: ignore[no-untyped-def]
            cancel()
            gate.release.set()

        operation.cancel = cancel_then_release  # type: ignore[method-assign]
    stopped = runner()
    stopped.shutdown()
    stopped.setParent(None)  # the next test gets a runner of its own
    stopped.deleteLater()
    assert count_customers(window.db) == before  # rolled back: nothing written
    qtbot.waitUntil(lambda: not importer.is_running())  # its callbacks have run


def test_a_customer_added_elsewhere_meanwhile_offers_a_new_preview(
    qtbot: QtBot, window: MainWindow, tw_customer: CustomerInput, prompts, csv_file: Path
) -> None:
    importer = window.import_customers
    prompts.file(str(csv_file))
    window.import_customers_action.trigger()
    dialog = preview_dialog(qtbot, importer)
    # Another workstation adds a customer with the file's domain before Import.
    create_customer(
        window.db,
        replace(tw_customer, domain_prefix="nkspark"),
        AgreementInput(False),
    )
    before = count_customers(window.db)
    tick(qtbot, dialog.skip_invalid)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: importer.message is not None and not importer.is_running())
    message = importer.message
    assert message is not None
    assert message.text() == "The customers could not be imported. Nothing was written."
    assert "another workstation added or changed customers of this file" in (
        message.informativeText()
    )
    assert count_customers(window.db) == before
    again = next(b for b in message.buttons() if b.text() == "&Preview again")
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    fresh = preview_dialog(qtbot, importer)
    qtbot.waitUntil(lambda: fresh is not dialog)
    assert fresh.counts.text() == "1 new · 2 invalid"


def test_a_role_that_may_not_add_customers_cannot_import(
    demo_db: Database, open_main_window: Callable[..., MainWindow]
) -> None:
    set_team(
        demo_db,
        [TeamMemberData("someone-else", frozenset({PartnerRole.GLOBAL_ADMIN}))],
        actor="someone-else",
    )
    window = open_main_window(demo_db)  # the role is read off the GUI thread

    action = window.import_customers_action
    assert not action.isEnabled()
    assert action.toolTip().startswith(
        "Your role cannot do this. It needs: Global admin / Admin agent / Sales agent."
    )
    assert action.statusTip() == action.toolTip()


def test_the_preview_model_passes_qts_checks_and_filters_by_fate(
    qtmodeltester, demo_db: Database, csv_file: Path
) -> None:
    preview = preview_import(demo_db, csv_file)
    model = ImportPreviewModel(preview)
    qtmodeltester.check(model)

    assert model.rowCount() == 3
    model.show_only(Fate.NEW)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["2", "4"]
    model.show_only(Fate.DUPLICATE)
    assert model.rowCount() == 0
    model.show_only(None)
    assert model.rowCount() == 3


def test_the_fate_filter_and_the_details_of_a_row(
    qtbot: QtBot, demo_db: Database, csv_file: Path
) -> None:
    dialog = ImportPreviewDialog(preview_import(demo_db, csv_file))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.filter.currentText() == "Invalid (1)"
    assert [dialog.filter.itemText(i) for i in range(dialog.filter.count())] == [
        "All rows (3)",
        "New (2)",
        "Invalid (1)",
    ]
    dialog.filter.setCurrentIndex(0)
    assert dialog.model.rowCount() == 3
    dialog.table.selectRow(1)
    assert dialog.details.text() == (
        f"Line 4: 南港軟體園區股份有限公司, nkspark.onmicrosoft.com, {NEW_IDS[1]} — New"
    )
