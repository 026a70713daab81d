"""Going back and forth, failing to submit, drafts, closing: nothing the user typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from pcdesk.errors import Unavailable
from pcdesk.models import Customer
from pcdesk.models.storage import unavailable_message
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.views.customers.add import wizard as wizard_module
from pcdesk.views.customers.add.pages import ACCOUNT, CONFIRMATION, REVIEW, SUBSCRIPTIONS

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
RETURN = QWizard.WizardButton.CustomButton1


def to_review(driver, account: dict[str, str]):
    wizard = driver.open()
    driver.fill_account(wizard, account)
    driver.click(wizard, NEXT)
    driver.add_offer(wizard, "Business Basic", 3)
    driver.click(wizard, NEXT)
    assert wizard.currentId() == REVIEW
    return wizard


def customers(db) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def test_update_account_info_and_return_straight_to_review(wizard_driver, us_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    qtbot.mouseClick(wizard.review_page.update_account, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == ACCOUNT
    form = wizard.account_page.form
    assert form.edits["company_name"].text() == "Northwind Traders"  # kept
    assert wizard.button(RETURN).isVisible()
    wizard_driver.type_into(form.edits["contact_first_name"], "Anabela")
    wizard_driver.click(wizard, RETURN)
    assert wizard.currentId() == REVIEW
    assert "Anabela" in wizard.review_page.account.text()
    assert len(wizard.subscriptions_page.cart.lines()) == 1  # the cart was kept too
    assert not wizard.button(RETURN).isVisible()


def test_update_subscriptions_and_return(wizard_driver, us_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    qtbot.mouseClick(wizard.review_page.update_subscriptions, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == SUBSCRIPTIONS
    wizard_driver.add_offer(wizard, "Business Standard", 2)
    wizard_driver.click(wizard, RETURN)
    assert wizard.currentId() == REVIEW
    text = wizard.review_page.subscriptions.text()
    assert "Business Basic" in text and "Business Standard" in text


def test_a_country_change_flags_lines_not_sold_there(wizard_driver, us_account, tw_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    qtbot.mouseClick(wizard.review_page.update_account, Qt.MouseButton.LeftButton)
    tw_account.pop("company_name")
    tw_account.pop("contact_first_name")
    tw_account.pop("contact_last_name")
    tw_account.pop("contact_email")
    tw_account.pop("domain_prefix")
    wizard_driver.fill_account(wizard, tw_account)
    wizard_driver.click(wizard, RETURN)
    assert wizard.currentId() == SUBSCRIPTIONS  # stopped: the cart needs fixing
    assert wizard.subscriptions_page.cart.problems()
    assert not wizard.button(NEXT).isEnabled()
    cart = wizard.subscriptions_page.cart
    cart.table.selectRow(0)
    qtbot.mouseClick(cart.remove_button, Qt.MouseButton.LeftButton)
    wizard_driver.add_offer(wizard, "Business Basic", 3)
    assert wizard.subscriptions_page.cart.lines()[0].offer.market == "TW"
    wizard_driver.click(wizard, NEXT)
    assert wizard.currentId() == REVIEW


def test_a_pending_agreement_goes_on_without_subscriptions(
    wizard_driver, us_account, qtbot, settle
):
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, us_account)
    pending = wizard.account_page.agreement.pending
    wizard.account_page.scroller.ensureWidgetVisible(pending)  # the user scrolls down to it
    qtbot.mouseClick(pending, Qt.MouseButton.LeftButton, pos=QPoint(8, pending.height() // 2))
    assert pending.isChecked()
    wizard_driver.click(wizard, NEXT)
    page = wizard.subscriptions_page
    assert "No subscriptions can be ordered" in page.blocked.text()
    assert not page.picker.isEnabled()
    assert not page.picker.isVisible()  # no grey catalog to choose nothing from
    assert "Choose an offer above" not in page.cart.empty.text()
    assert "without subscriptions" in page.cart.empty.text()
    wizard_driver.click(wizard, NEXT)
    assert "Pending" in wizard.review_page.account.text()
    wizard_driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    assert wizard.currentId() == CONFIRMATION


def test_a_domain_taken_meanwhile_takes_the_user_back_to_it(
    wizard_driver, us_account, qtbot, settle
):
    wizard = to_review(wizard_driver, us_account)
    # Another workstation adds a customer with the same domain before Submit.
    create_customer(
        wizard_driver.db,
        CustomerInput(
            company_name="Northwind Elsewhere",
            country="US",
            address_line1="2 Main St",
            city="Redmond",
            state="WA",
            postal_code="98052",
            contact_first_name="Lee",
            contact_last_name="Park",
            contact_email="lee@elsewhere.com",
            domain_prefix="northwindtraders",
        ),
        AgreementInput(accepted=False),
    )
    before = customers(wizard_driver.db)
    wizard_driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    assert wizard.currentId() == ACCOUNT
    form = wizard.account_page.form
    assert "already taken" in form.domain_status.text()
    assert form.domain.edit.hasFocus()
    assert form.edits["company_name"].text() == "Northwind Traders"  # everything kept
    assert len(wizard.subscriptions_page.cart.lines()) == 1
    assert customers(wizard_driver.db) == before
    wizard_driver.type_into(form.domain.edit, "northwindtraders2")
    qtbot.waitUntil(
        lambda: "is not used in this database" in form.domain_status.text()
    )  # asked off the GUI thread
    wizard_driver.click(wizard, RETURN)
    wizard_driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    assert wizard.currentId() == CONFIRMATION
    qtbot.mouseClick(wizard.confirmation_page.copy_all, Qt.MouseButton.LeftButton)


def test_a_locked_database_says_so_and_retry_works(
    wizard_driver, us_account, qtbot, settle, monkeypatch: pytest.MonkeyPatch
):
    wizard = to_review(wizard_driver, us_account)
    calls: list[int] = []
    import pcdesk.partner_center.customers as adding  # the wizard's submit adds through it

    real = adding.create_customer

    def locked_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise Unavailable(unavailable_message())
        return real(*args, **kwargs)

    monkeypatch.setattr(adding, "create_customer", locked_once)
    wizard_driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    assert wizard.currentId() == REVIEW
    assert "busy or cannot be reached" in wizard.review_page.failure.text()
    assert wizard.review_page.retry.isVisible()
    qtbot.mouseClick(wizard.review_page.retry, Qt.MouseButton.LeftButton)
    settle()
    assert wizard.currentId() == CONFIRMATION
    qtbot.mouseClick(wizard.confirmation_page.copy_all, Qt.MouseButton.LeftButton)


def test_closing_asks_and_a_kept_draft_is_resumed(wizard_driver, us_account, qtbot, prompts):
    wizard = wizard_driver.open()
    partial = {k: us_account[k] for k in ("company_name", "country", "address_line1", "city")}
    wizard_driver.fill_account(wizard, partial)
    prompts.answer("Keep as draft")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    (asked,) = prompts.asked
    assert asked.text == "Keep what you entered for this customer?"
    assert (asked.default, asked.escape) == ("Keep as draft", "Cancel")
    assert sorted(asked.buttons) == ["Cancel", "Discard", "Keep as draft"]
    assert not wizard.isVisible()
    draft = wizard_driver.drafts.load()
    assert draft is not None
    assert draft.values["account"]["company_name"] == "Northwind Traders"

    again = wizard_driver.open()
    again.restore_draft(draft.values)
    form = again.account_page.form
    assert form.edits["company_name"].text() == "Northwind Traders"
    assert form.address.edits["city"].text() == "Redmond"
    assert form.domain.edit.text() == "northwindtraders"


def test_cancel_on_the_question_keeps_the_wizard_open(wizard_driver, us_account, qtbot, prompts):
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, {"company_name": "Northwind Traders"})
    prompts.answer("Cancel")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible()
    prompts.answer("Discard")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert wizard_driver.close_questions == 2
    assert not wizard_driver.drafts.exists


def test_typing_is_saved_as_a_draft_within_seconds(wizard_driver, qtbot):
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, {"company_name": "Crash Test Ltd"})
    qtbot.waitUntil(lambda: wizard_driver.drafts.exists, timeout=wizard_module.AUTOSAVE_MS + 2000)
    draft = wizard_driver.drafts.load()
    assert draft is not None and draft.values["account"]["company_name"] == "Crash Test Ltd"


def test_an_empty_wizard_closes_without_asking(wizard_driver, qtbot):
    wizard = wizard_driver.open()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert wizard_driver.close_questions == 0


def test_enter_on_an_update_link_updates_and_does_not_submit(wizard_driver, us_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    link = wizard.review_page.update_subscriptions
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert wizard.currentId() == SUBSCRIPTIONS
    assert customers(wizard_driver.db) == 15  # the demo's, none added


def test_enter_on_copy_copies_and_keeps_the_page(wizard_driver, us_account, qtbot, settle):
    wizard = to_review(wizard_driver, us_account)
    wizard_driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    copy = wizard.confirmation_page.copy_buttons["password"]
    copy.setFocus()
    qtbot.keyClick(copy, Qt.Key.Key_Return)
    assert wizard.isVisible()
    assert "copied" in wizard.confirmation_page.copied.text()
