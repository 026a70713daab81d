"""The Add customer wizard end to end, as a user goes through it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from sqlalchemy import select, text

from pcdesk.models import AgreementAcceptance, AuditEvent, Customer, Subscription
from pcdesk.views.customers.add.pages import ACCOUNT, CONFIRMATION, REVIEW, SUBSCRIPTIONS

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


def test_a_us_customer_from_account_info_to_done(wizard_driver, us_account, qtbot, settle) -> None:
    driver = wizard_driver
    wizard = driver.open()
    page = wizard.account_page
    assert wizard.button(NEXT).text() == "&Next: Subscriptions"
    assert wizard.button(NEXT).isEnabled()  # it shows every problem at once (see test_validation)

    driver.fill_account(wizard, us_account)
    # The domain was suggested from the company name and found free.
    qtbot.waitUntil(lambda: page.form.domain_status.text() != "")
    assert page.form.domain.edit.text() == "northwindtraders"
    assert (
        page.form.domain_status.text()
        == "northwindtraders.onmicrosoft.com is not used in this database."
    )
    # The signer follows the primary contact.
    assert page.agreement.edits["signer_email"].text() == "ana@northwindtraders.com"
    driver.click(wizard, NEXT)

    assert wizard.currentId() == SUBSCRIPTIONS
    assert wizard.button(NEXT).text() == "&Next: Review"
    assert not wizard.button(NEXT).isEnabled()  # at least one line is needed
    driver.add_offer(wizard, "Business Basic", 12)
    lines = wizard.subscriptions_page.cart.lines()
    assert [(line.offer.sku_title, line.quantity) for line in lines] == [
        ("Microsoft 365 Business Basic", 12)
    ]
    driver.click(wizard, NEXT)

    assert wizard.currentId() == REVIEW
    review = wizard.review_page
    assert wizard.button(COMMIT).text() == "&Submit"
    summary = review.account.text()
    assert "Northwind Traders" in summary
    assert "Redmond, WA 98052" in summary  # the address as the US writes it
    assert "northwindtraders.onmicrosoft.com" in summary
    assert "12 licenses" in review.subscriptions.text()
    driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    settle()  # the customer is written off the GUI thread

    assert wizard.currentId() == CONFIRMATION
    confirmation = wizard.confirmation_page
    assert wizard.button(FINISH).text() == "&Done"
    password = confirmation.values["password"].text()
    assert confirmation.values["admin_user"].text() == "admin@northwindtraders.onmicrosoft.com"
    qtbot.mouseClick(confirmation.copy_buttons["password"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == password

    with driver.db.session_factory() as session:
        customer = session.scalars(
            select(Customer).where(Customer.domain_prefix == "northwindtraders")
        ).one()
        assert confirmation.values["microsoft_id"].text() == customer.microsoft_id
        assert (customer.city, customer.state, customer.postal_code) == ("Redmond", "WA", "98052")
        assert customer.contact_phone == "+14255550100"
        agreement = session.scalars(
            select(AgreementAcceptance).where(AgreementAcceptance.customer_id == customer.id)
        ).one()
        assert agreement.signer_email == "ana@northwindtraders.com"
        subscription = session.scalars(
            select(Subscription).where(Subscription.customer_id == customer.id)
        ).one()
        assert subscription.quantity == 12
        actions = set(
            session.scalars(select(AuditEvent.action).where(AuditEvent.customer_id == customer.id))
        )
        assert actions == {"customer.created", "subscription.created"}
        # The temporary password is shown, never stored: no table holds it anywhere.
        for table in ("customer", "agreement_acceptance", "subscription", "audit_event"):
            rows = session.execute(text(f"SELECT * FROM {table}")).all()
            assert all(password not in str(value) for row in rows for value in row)
    added: list[int] = []
    wizard.customer_added.connect(added.append)
    driver.click(wizard, FINISH)
    assert added == [customer.id]
    assert not wizard.isVisible()
    assert not driver.drafts.exists


def test_a_taiwanese_customer_with_a_chinese_address(
    wizard_driver, tw_account, qtbot, settle
) -> None:
    driver = wizard_driver
    wizard = driver.open()
    driver.fill_account(wizard, tw_account)
    form = wizard.account_page.form
    # Taiwan writes the postal code first; the county is a list; the language follows the country.
    assert form.address.shown_fields()[:3] == ["postal_code", "state", "city"]
    assert form.culture() == "zh-TW"
    assert form.domain.edit.text() == "northwindtw"  # a Chinese name suggests nothing: typed
    driver.click(wizard, NEXT)
    driver.add_offer(wizard, "Business Premium", 5)
    line = wizard.subscriptions_page.cart.lines()[0]
    assert line.offer.market == "TW" and line.offer.currency == "TWD"
    driver.click(wizard, NEXT)
    assert "110" in wizard.review_page.account.text()
    assert "台北市" in wizard.review_page.account.text()
    driver.click(wizard, COMMIT)
    settle()  # the customer is written off the GUI thread
    settle()  # the customer is written off the GUI thread
    assert wizard.currentId() == CONFIRMATION
    with driver.db.session_factory() as session:
        customer = session.scalars(
            select(Customer).where(Customer.domain_prefix == "northwindtw")
        ).one()
        assert customer.company_name == "北風貿易股份有限公司"
        assert (customer.language, customer.culture) == ("zh", "zh-TW")
        assert customer.contact_phone == "+886227201234"
        quantity = session.scalars(
            select(Subscription.quantity).where(Subscription.customer_id == customer.id)
        ).one()
        assert quantity == 5
    assert Decimal(line.offer.monthly_price) > 0
    assert wizard.currentId() != ACCOUNT
