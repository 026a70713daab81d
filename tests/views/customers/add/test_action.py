"""Customers > Add customer… in the main window: shortcut, drafts, roles, the new row selected."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pcdesk.models.enums import PartnerType
from pcdesk.services.drafts import DraftStore
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.profile import get_partner_profile, set_partner_profile
from pcdesk.views.customers.add import AddCustomerWizard
from pcdesk.views.customers.add import action as add_customer_action
from pcdesk.views.main_window import MainWindow

NEXT = QWizard.WizardButton.NextButton


@pytest.fixture
def window(qtbot, demo_db, tmp_path: Path, list_loaded) -> MainWindow:
    profile = get_partner_profile(demo_db)
    assert profile is not None
    window = MainWindow(demo_db, profile, DraftStore(tmp_path / "drafts", "sqlite:///x"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return list_loaded(window)


def test_ctrl_n_opens_the_wizard_over_the_window(window, qtbot) -> None:
    qtbot.keyClick(window.customer_table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = window.add_customer.wizard
    assert isinstance(wizard, AddCustomerWizard)
    assert wizard.isVisible()
    assert wizard.windowModality() == Qt.WindowModality.WindowModal
    assert wizard.parent() is window
    assert "Add customer" in [
        action.text().replace("&", "").rstrip("…")
        for action in window.menuBar().actions()[1].menu().actions()
    ]


def test_done_lists_and_selects_the_new_customer(
    window, wizard_driver, us_account, qtbot, monkeypatch, list_loaded
) -> None:
    monkeypatch.setattr(AddCustomerWizard, "ask_close", lambda self: "discard")
    before = window.customer_model.rowCount()
    window.add_customer.action.trigger()
    wizard = window.add_customer.wizard
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    wizard_driver.fill_account(wizard, us_account)
    wizard_driver.click(wizard, NEXT)
    wizard_driver.add_offer(wizard, "Business Basic", 1)
    wizard_driver.click(wizard, NEXT)
    wizard_driver.click(wizard, QWizard.WizardButton.CommitButton)
    wizard_driver.click(wizard, QWizard.WizardButton.FinishButton)
    list_loaded(window)
    assert window.customer_model.rowCount() == before + 1
    selected = window.customer_table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Northwind Traders"]


def test_a_draft_is_offered_when_adding_again(window, qtbot, monkeypatch, tmp_path) -> None:
    drafts = window.add_customer._drafts
    drafts.save({"account": {"company_name": "Half Done Ltd", "country": "US"}, "cart": []})
    asked: list[str] = []

    def resume(self, draft) -> str:
        asked.append(draft.values["account"]["company_name"])
        return add_customer_action.RESUME

    monkeypatch.setattr(add_customer_action.AddCustomerLauncher, "ask_resume", resume)
    window.add_customer.action.trigger()
    assert asked == ["Half Done Ltd"]
    wizard = window.add_customer.wizard
    assert wizard.account_page.form.edits["company_name"].text() == "Half Done Ltd"


def test_starting_over_discards_the_draft(window, monkeypatch) -> None:
    drafts = window.add_customer._drafts
    drafts.save({"account": {"company_name": "Half Done Ltd", "country": "US"}, "cart": []})
    monkeypatch.setattr(
        add_customer_action.AddCustomerLauncher,
        "ask_resume",
        lambda self, draft: add_customer_action.START_OVER,
    )
    window.add_customer.action.trigger()
    assert window.add_customer.wizard.account_page.form.edits["company_name"].text() == ""
    assert not drafts.exists


def test_an_indirect_reseller_cannot_add_customers(qtbot, demo_db, tmp_path) -> None:
    profile = get_partner_profile(demo_db)
    assert profile is not None
    set_partner_profile(
        demo_db,
        PartnerProfileInput(
            name=profile.name,
            tenant_id=profile.tenant_id,
            partner_id=profile.partner_id,
            partner_type=PartnerType.INDIRECT_RESELLER,
        ),
    )
    reseller = replace(profile, partner_type=PartnerType.INDIRECT_RESELLER)
    window = MainWindow(demo_db, reseller, DraftStore(tmp_path, "sqlite:///x"))
    qtbot.addWidget(window)
    action = window.add_customer.action
    assert not action.isEnabled()
    assert "Request a relationship" in action.toolTip()
    assert window.add_customer.start() is None
