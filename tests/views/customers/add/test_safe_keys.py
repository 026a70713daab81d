"""Keys and clicks that could cost money or credentials: Review's Submit is the default and
focused button, the confirmation asks before the password is lost, and the clipboard forgets it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWizard

from pcdesk.views.customers.add.pages import ACCOUNT, CONFIRMATION, REVIEW

from .test_flow import customers, to_review

COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


def test_review_focuses_submit_and_enter_submits(wizard_driver, us_account, qtbot, settle):
    wizard = to_review(wizard_driver, us_account)
    submit = wizard.button(COMMIT)
    qtbot.waitUntil(submit.hasFocus)
    assert submit.isDefault()
    for link in (wizard.review_page.update_account, wizard.review_page.update_subscriptions):
        assert not link.isDefault() and not link.autoDefault()
        assert link.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle()
    qtbot.waitUntil(lambda: wizard.currentId() == CONFIRMATION)
    assert customers(wizard_driver.db) == 16


def test_tab_reaches_an_update_link_and_enter_follows_it(wizard_driver, us_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    qtbot.waitUntil(wizard.button(COMMIT).hasFocus)
    link = wizard.review_page.update_account
    for _ in range(12):
        if link.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert link.hasFocus()
    assert wizard.button(COMMIT).isDefault()  # a focused link does not take the default
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert wizard.currentId() == ACCOUNT
    assert customers(wizard_driver.db) == 15


def _confirmed(driver, account, settle, qtbot):
    wizard = to_review(driver, account)
    driver.click(wizard, COMMIT)
    settle()
    qtbot.waitUntil(lambda: wizard.currentId() == CONFIRMATION)
    return wizard


def test_escape_on_the_confirmation_asks_and_go_back_keeps_the_password(
    wizard_driver, us_account, qtbot, settle, prompts
):
    wizard = _confirmed(wizard_driver, us_account, settle, qtbot)
    password = wizard.confirmation_page.values["password"].text()
    prompts.answer("Go back")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert prompts.asked[-1].default == "Go back"
    assert "Close anyway" in prompts.asked[-1].buttons
    assert wizard.isVisible()
    assert wizard.confirmation_page.values["password"].text() == password
    prompts.answer("Close anyway")
    wizard_driver.click(wizard, FINISH)
    assert not wizard.isVisible()


def test_copy_all_then_done_closes_and_clears_the_clipboard(
    wizard_driver, us_account, qtbot, settle, prompts
):
    wizard = _confirmed(wizard_driver, us_account, settle, qtbot)
    page = wizard.confirmation_page
    password = page.values["password"].text()
    qtbot.mouseClick(page.copy_all, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert password in copied and "admin@northwindtraders.onmicrosoft.com" in copied
    wizard_driver.click(wizard, FINISH)
    assert prompts.asked == []  # nothing to lose: no question
    assert not wizard.isVisible()
    assert password not in QGuiApplication.clipboard().text()


def test_printing_keeps_the_details_and_done_asks_nothing(
    wizard_driver, us_account, qtbot, settle, prompts
):
    wizard = _confirmed(wizard_driver, us_account, settle, qtbot)
    page = wizard.confirmation_page
    page.print_details()
    assert page.values["password"].text() in prompts.printed[0]
    wizard_driver.click(wizard, FINISH)
    assert prompts.asked == []


def test_the_clipboard_keeps_what_the_user_copied_since(
    wizard_driver, us_account, qtbot, settle, prompts
):
    wizard = _confirmed(wizard_driver, us_account, settle, qtbot)
    qtbot.mouseClick(wizard.confirmation_page.copy_buttons["password"], Qt.MouseButton.LeftButton)
    QGuiApplication.clipboard().setText("something else")
    wizard_driver.click(wizard, FINISH)
    assert QGuiApplication.clipboard().text() == "something else"


def test_review_says_the_term_and_the_billing_plan(wizard_driver, us_account, qtbot):
    wizard = to_review(wizard_driver, us_account)
    assert wizard.currentId() == REVIEW
    text = wizard.review_page.subscriptions.text()
    # Business Basic's first offer in the starter catalog; whatever its plan, the line says it.
    assert "3 licenses · " in text
    assert " term · billed " in text
