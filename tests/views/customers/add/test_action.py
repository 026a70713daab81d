"""Customers > Add customer… in the main window: shortcut, drafts, roles, the new row selected."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from sqlalchemy import event

from pcdesk.models.enums import PartnerType
from pcdesk.services.catalog.offers import list_offers
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.profile import get_partner_profile, set_partner_profile
from pcdesk.views.customers.add import AddCustomerWizard
from pcdesk.views.main_window import MainWindow

NEXT = QWizard.WizardButton.NextButton


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


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
    window, wizard_driver, us_account, qtbot, list_loaded
) -> None:
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
    qtbot.waitUntil(lambda: wizard.created is not None)
    wizard.confirmation_page.copy_all.click()
    wizard_driver.click(wizard, QWizard.WizardButton.FinishButton)
    list_loaded(window)
    assert window.customer_model.rowCount() == before + 1
    selected = window.customer_table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Northwind Traders"]


def test_a_draft_is_offered_when_adding_again(window, qtbot, prompts, settle) -> None:
    drafts = window.add_customer._drafts
    offer = list_offers(window.db, market="US", search="Business Basic")[0]
    drafts.save(
        {
            "account": {"company_name": "Half Done Ltd", "country": "US"},
            "cart": [{"offer_id": offer.id, "quantity": 3}, {"offer_id": 999_999}],
        }
    )
    prompts.answer("Resume draft")
    window.add_customer.action.trigger()
    (asked,) = prompts.asked
    assert asked.text.startswith("You have a draft for Half Done Ltd, saved ")
    assert sorted(asked.buttons) == ["Cancel", "Resume draft", "Start over"]
    wizard = window.add_customer.wizard
    assert wizard.account_page.form.edits["company_name"].text() == "Half Done Ltd"
    settle()  # the cart's offers are read off the GUI thread; one is gone from the catalog
    cart = wizard.subscriptions_page.cart.lines()
    assert [(line.offer.id, line.quantity) for line in cart] == [(offer.id, 3)]


def test_starting_over_discards_the_draft(window, prompts) -> None:
    drafts = window.add_customer._drafts
    drafts.save({"account": {"company_name": "Half Done Ltd", "country": "US"}, "cart": []})
    prompts.answer("Start over")
    window.add_customer.action.trigger()
    assert window.add_customer.wizard.account_page.form.edits["company_name"].text() == ""
    assert not drafts.exists


def test_an_indirect_reseller_cannot_add_customers(demo_db, open_main_window) -> None:
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
    window = open_main_window(demo_db, reseller, shown=False)  # disabled before any read
    action = window.add_customer.action
    assert not action.isEnabled()
    assert "Request a reseller relationship" in action.toolTip()
    assert window.add_customer.start() is None


def test_closing_the_window_over_the_wizard_asks_the_closed_database_nothing(
    window, demo_db, qtbot, prompts, settle
) -> None:
    # When the next window (File > Open database…, a new language) became active, the company
    # name field of the closed window's wizard lost its focus, and its editingFinished asked
    # whether the suggested domain was free: a new connection on the database the window had
    # closed, which nothing ever closed (Python 3.13's ResourceWarning).
    window.add_customer._drafts.save(
        {"account": {"company_name": "Half Done Ltd", "country": "US"}, "cart": []}
    )
    prompts.answer("Resume draft")
    window.add_customer.action.trigger()
    settle()
    qtbot.waitUntil(lambda: window.add_customer.wizard is not None)
    wizard = window.add_customer.wizard
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    company = wizard.account_page.form.edits["company_name"]
    company.setFocus()
    qtbot.waitUntil(company.hasFocus)
    connections: list[object] = []
    event.listen(demo_db.engine, "connect", lambda *args: connections.append(args))
    assert window.close()
    replacement = QWidget()
    qtbot.addWidget(replacement)
    replacement.show()
    replacement.activateWindow()
    qtbot.waitUntil(replacement.isActiveWindow)
    assert connections == []
    assert demo_db.closed
