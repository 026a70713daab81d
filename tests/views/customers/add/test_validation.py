"""Each Account info rule shows its message beside its field as soon as the user leaves it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pcdesk.services.demo_data import seed_demo  # noqa: F401 - the fixtures seed through it
from pcdesk.views.customers.add.pages import ACCOUNT, BUTTON_MNEMONICS

NEXT = QWizard.WizardButton.NextButton


def refuses_next(driver, wizard) -> None:
    """Next is enabled (it shows every problem) but does not leave Account info."""
    driver.click(wizard, NEXT)
    assert wizard.currentId() == ACCOUNT


@pytest.mark.parametrize(
    ("country", "field", "typed", "expected"),
    [
        ("United States", "company_name", "x", "at least 2 characters"),
        ("United States", "company_name", "LLC", "alone is not a company name"),
        ("United States", "contact_email", "ana@microsoft.com", "not a Microsoft one"),
        ("United States", "contact_email", "not an address", "@"),
        ("United States", "contact_first_name", "test", "placeholder"),
        ("United States", "contact_phone", "12", "phone"),
        ("United States", "postal_code", "ABCDE", "ZIP code"),
        ("Taiwan", "postal_code", "12AB", "postal code"),
        ("Brazil", "organization_registration_id", "", "registration ID"),
    ],
)
def test_a_bad_value_is_explained_beside_its_field(
    wizard_driver, country: str, field: str, typed: str, expected: str
) -> None:
    wizard = wizard_driver.open()
    form = wizard.account_page.form
    wizard_driver.choose(form.country, country)
    editor = form.editor(field)
    editor.setFocus()
    if typed:
        wizard_driver.type_into(editor, typed)
    else:
        wizard_driver.qtbot.keyClick(editor, "\t")
    message = form.messages[field]
    assert message.is_error(), f"{field}: no message"
    assert expected.casefold() in message.text().casefold(), message.text()
    refuses_next(wizard_driver, wizard)


def test_a_warning_shows_but_does_not_block(wizard_driver, us_account) -> None:
    us_account["company_name"] = "Northwind.com Traders"
    us_account["domain_prefix"] = "northwindcom"
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, us_account)
    message = wizard.account_page.form.messages["company_name"]
    assert message.text() and not message.is_error()
    wizard_driver.qtbot.waitUntil(wizard.button(NEXT).isEnabled, timeout=3000)


def test_the_us_state_and_zip_must_agree(wizard_driver, us_account) -> None:
    us_account["postal_code"] = "10001"  # New York, not Washington
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, us_account)
    message = wizard.account_page.form.messages["postal_code"]
    assert message.is_error()
    assert "10001" in message.text()
    refuses_next(wizard_driver, wizard)


def test_a_taken_domain_is_said_live(wizard_driver, us_account) -> None:
    us_account["domain_prefix"] = "AlpineSkiHouse"  # a demo customer has it
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, us_account)
    status = wizard.account_page.form.domain_status
    wizard_driver.qtbot.waitUntil(status.is_error)  # the database is asked off the GUI thread
    assert "alpineskihouse.onmicrosoft.com is already taken" in status.text()
    refuses_next(wizard_driver, wizard)


def test_an_invalid_domain_says_why(wizard_driver) -> None:
    wizard = wizard_driver.open()
    form = wizard.account_page.form
    wizard_driver.type_into(form.domain.edit, "north-wind")
    assert "letters and digits" in form.domain_status.text()


def test_the_address_fields_follow_the_country(wizard_driver) -> None:
    wizard = wizard_driver.open()
    form = wizard.account_page.form
    wizard_driver.choose(form.country, "United States")
    assert form.address.shown_fields() == [
        "address_line1",
        "address_line2",
        "city",
        "state",
        "postal_code",
    ]
    assert form.address.labels["postal_code"].text().replace("&", "") == "ZIP code:"
    assert form.address.has_state_list()
    wizard_driver.choose(form.country, "United Kingdom")
    assert "state" not in form.address.shown_fields()
    assert form.address.labels["city"].text().replace("&", "") == "Post town:"
    wizard_driver.choose(form.country, "Brazil")
    assert form.edits["organization_registration_id"].isVisibleTo(form)
    assert form.labels["contact_phone"].text().replace("&", "") == "Phone:"  # required there
    wizard_driver.choose(form.country, "Japan")
    assert not form.edits["organization_registration_id"].isVisibleTo(form)
    assert form.culture() == "ja-JP"


def test_every_label_has_its_own_mnemonic(wizard_driver) -> None:
    wizard = wizard_driver.open()
    page = wizard.account_page
    for country in ("United States", "Taiwan", "Brazil"):
        wizard_driver.choose(page.form.country, country)
        texts = [
            w.text() for w in (*page.form.mnemonic_widgets(), *page.agreement.mnemonic_widgets())
        ]
        keys = [text[text.index("&") + 1].casefold() for text in texts if "&" in text]
        assert len(set(keys)) == len(keys), texts
        # A label without one (English: no "(X)" suffix) has no letter left of its own.
        taken = set(keys) | set(BUTTON_MNEMONICS)
        for text in texts:
            if "&" not in text:
                assert not re.search(r"\(&?[A-Z0-9]\)", text), text
                assert {c.casefold() for c in text if c.isascii() and c.isalnum()} <= taken, text
        assert not {"b", "n"} & set(keys)  # Back and Next keep theirs


def test_the_signer_follows_the_contact_until_changed(wizard_driver, us_account) -> None:
    wizard = wizard_driver.open()
    agreement = wizard.account_page.agreement
    wizard_driver.fill_account(wizard, {"contact_first_name": "Ana"})
    assert agreement.edits["signer_first_name"].text() == "Ana"
    wizard_driver.type_into(agreement.edits["signer_first_name"], "Maria")
    wizard_driver.fill_account(wizard, {"contact_first_name": "Anita"})
    assert agreement.edits["signer_first_name"].text() == "Maria"


def test_tab_follows_the_form_in_the_countrys_order(wizard_driver) -> None:
    wizard = wizard_driver.open()
    form = wizard.account_page.form
    wizard_driver.choose(form.country, "Taiwan")
    form.edits["company_name"].setFocus()
    seen = []
    for _ in range(7):
        wizard_driver.qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        seen.append(wizard.focusWidget().objectName())
    assert seen == [
        "country",
        "postal_code",
        "state_list",
        "city",
        "address_line1",
        "address_line2",
        "contact_first_name",
    ]


def test_a_state_belongs_to_its_country(wizard_driver, us_account) -> None:
    wizard = wizard_driver.open()
    form = wizard.account_page.form
    wizard_driver.fill_account(wizard, us_account)
    wizard_driver.choose(form.country, "Australia")
    assert form.customer_input().state == ""  # not "WA", which is Western Australia there
    wizard_driver.choose(form.country, "Germany")
    wizard_driver.choose(form.country, "United States")
    assert form.customer_input().state == "WA"
    assert form.customer_input().postal_code == "98052"


def test_a_reseller_must_be_chosen_from_the_list(wizard_driver, us_account) -> None:
    wizard = wizard_driver.open()
    wizard_driver.fill_account(wizard, us_account)
    next_button = wizard.button(NEXT)
    wizard_driver.qtbot.waitUntil(next_button.isEnabled, timeout=3000)
    picker = wizard.account_page.form.reseller
    wizard_driver.type_into(picker.text_edit(), "Nobody we know")
    assert "Choose a reseller" in wizard.account_page.form.messages["indirect_reseller_id"].text()
    refuses_next(wizard_driver, wizard)
    wizard_driver.keyboard.replace(picker.text_edit(), "None")
    assert not wizard.account_page.form.messages["indirect_reseller_id"].is_error()
    assert next_button.isEnabled()


def test_next_on_an_empty_page_shows_every_problem_and_goes_to_the_first(
    wizard_driver, keyboard, qtbot
) -> None:
    wizard = wizard_driver.open()
    page = wizard.account_page
    form = page.form
    assert wizard.button(NEXT).isEnabled()
    wizard_driver.click(wizard, NEXT)
    assert wizard.currentId() == ACCOUNT
    shown = [name for name, message in form.messages.items() if message.is_error()]
    assert {"company_name", "address_line1", "contact_first_name", "contact_email"} <= set(shown)
    assert form.edits["company_name"].hasFocus()  # the first problem, in form order
    # The hint names the fields in the order they are on the page.
    hint = page.hint.text()
    assert hint.startswith("To go on, complete or correct: Company name, Address line 1"), hint
    # A field in error is framed (with its message beside it, never colour alone)...
    edit = form.edits["company_name"]
    assert edit.property("pcdeskInvalid") is True
    assert "border" in edit.styleSheet()
    # ...and its message goes as soon as the value is right, before the field is left.
    keyboard.type(edit, "Contoso Pharmaceuticals")
    assert not form.messages["company_name"].is_error()
    assert edit.styleSheet() == ""
    assert form.messages["address_line1"].is_error()  # the others stay until fixed
