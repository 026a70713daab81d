"""Keyboard only: a complete Add customer, an edit, a license change and an export, with key
presses alone, in the order Tab takes through each form."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from pcdesk.services.customer_list.query import count_customers
from pcdesk.services.customers.details import get_customer
from pcdesk.views.customers.add.pages import CONFIRMATION, REVIEW, SUBSCRIPTIONS

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def back_in(qtbot, window: QWidget) -> None:
    """Offscreen only: a completer's list that closed can stay the active window, where a real
    one gives the activation back; the user is in ``window`` again (no key is pressed)."""
    QApplication.processEvents()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def tab_until(qtbot, wanted: QWidget, most: int = 20) -> int:
    """Tab until ``wanted`` has the focus; how many presses it took (no trap: it gets there)."""
    for count in range(most):
        if wanted.hasFocus() or wanted.isAncestorOf(focused()):
            return count
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted!r}; stuck on {focused()!r}")


def test_add_a_customer_with_the_keyboard_only(
    main_window, qtbot, keyboard, settle, prompts
) -> None:
    window = main_window
    before = count_customers(window.db)
    press(qtbot, Qt.Key.Key_N, CTRL)  # Customers > Add customer…
    qtbot.waitUntil(lambda: window.add_customer.wizard is not None)
    wizard = window.add_customer.wizard
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    form = wizard.account_page.form
    qtbot.waitUntil(form.edits["company_name"].hasFocus)

    values = {
        "company_name": "Keyboard Traders",
        "address_line1": "1 Microsoft Way",
        "city": "Redmond",
        "postal_code": "98052",
        "contact_first_name": "Kim",
        "contact_last_name": "Akers",
        "contact_email": "kim@keyboardtraders.com",
    }
    # Every field in form order, each one Tab after the last.
    typed = []
    for _ in range(40):
        widget = focused()
        name = widget.objectName()
        if name in values and name not in typed:
            keyboard.type(widget, values[name])
            typed.append(name)
        elif widget is form.address.editor("state"):
            keyboard.type(widget, "Washington")  # a list: typing picks the entry
            back_in(qtbot, wizard)
        elif widget is form.reseller or form.reseller.isAncestorOf(widget):
            keyboard.type(widget, "None")
            back_in(qtbot, wizard)
        elif widget is wizard.account_page.agreement.accepted and not widget.isChecked():
            press(qtbot, Qt.Key.Key_Space)
        if widget is wizard.account_page.agreement.pending:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert typed == list(values)  # in the order of the form
    qtbot.waitUntil(lambda: "is not used in this database" in form.domain_status.text())
    press(qtbot, Qt.Key.Key_N, ALT)  # Next: Subscriptions
    qtbot.waitUntil(lambda: wizard.currentId() == SUBSCRIPTIONS)

    picker = wizard.subscriptions_page.picker
    assert focused() is picker.search or tab_until(qtbot, picker.search) == 0
    settle()  # the market's offers and filters are read off the GUI thread
    keyboard.type(picker.search, "Business Basic")
    press(qtbot, Qt.Key.Key_Return)  # searches at once
    settle()
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0)
    tab_until(qtbot, picker.table)
    press(qtbot, Qt.Key.Key_Down)  # the first offer
    assert picker.selected_offer() is not None
    press(qtbot, Qt.Key.Key_Return)  # chosen: on to its license count
    assert focused() is picker.quantity
    keyboard.type(picker.quantity, "5")
    press(qtbot, Qt.Key.Key_Return)  # added, once
    lines = wizard.subscriptions_page.cart.lines()
    assert [line.quantity for line in lines] == [5]
    press(qtbot, Qt.Key.Key_N, ALT)  # Next: Review
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW)

    qtbot.waitUntil(lambda: wizard.button(wizard.WizardButton.CommitButton).hasFocus())
    press(qtbot, Qt.Key.Key_Return)  # Submit, the default
    settle()
    qtbot.waitUntil(lambda: wizard.currentId() == CONFIRMATION)
    tab_until(qtbot, wizard.confirmation_page.copy_all)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_D, ALT)  # Done: the wizard closes (and is deleted)
    qtbot.waitUntil(lambda: window.add_customer.wizard is None)
    assert prompts.asked == []  # the details were copied: nothing to ask
    assert count_customers(window.db) == before + 1


def find_customer(window, qtbot, keyboard, list_loaded, settle, text: str) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)  # Customers > Find
    assert window.filter_bar.search.hasFocus()
    keyboard.type(window.filter_bar.search, text)
    qtbot.waitUntil(lambda: window.customer_model.query.text == text)
    list_loaded(window)
    settle()
    tab_until(qtbot, window.customer_table)
    settle()


def test_edit_a_customer_with_the_keyboard_only(
    main_window, qtbot, keyboard, list_loaded, settle
) -> None:
    window = main_window
    find_customer(window, qtbot, keyboard, list_loaded, settle, "Tailspin")
    found = window.detail_pane.current_id
    assert found is not None
    tab = window.detail_pane.account_tab
    qtbot.waitUntil(tab.edit_button.isEnabled)
    press(qtbot, Qt.Key.Key_D, ALT)  # Edit
    qtbot.waitUntil(tab.is_editing)
    city = tab.form.address.edits["city"]
    tab_until(qtbot, city)
    press(qtbot, Qt.Key.Key_A, CTRL)
    keyboard.type(city, "Kirkland")
    press(qtbot, Qt.Key.Key_Return)  # Save, the default
    settle()
    qtbot.waitUntil(lambda: not tab.is_editing())
    assert get_customer(window.db, found).city == "Kirkland"


def test_change_licenses_with_the_keyboard_only(
    main_window, qtbot, keyboard, list_loaded, settle, prompts
) -> None:
    window = main_window
    find_customer(window, qtbot, keyboard, list_loaded, settle, "Tailspin")
    found = window.detail_pane.current_id
    pane = window.detail_pane
    tab_until(qtbot, pane.tabs.tabBar())
    while pane.tabs.currentWidget() is not pane.subscriptions_tab:
        press(qtbot, Qt.Key.Key_Right)
    subscriptions = pane.subscriptions_tab
    tab_until(qtbot, subscriptions.quantity)
    assert isinstance(focused(), QLineEdit) or focused() is subscriptions.quantity
    press(qtbot, Qt.Key.Key_A, CTRL)
    keyboard.type(subscriptions.quantity, "40")
    prompts.answer("Change to 40")
    press(qtbot, Qt.Key.Key_Return)
    assert prompts.asked[-1].default == "Keep 35"  # Enter alone in the box would keep
    settle()
    assert get_customer(window.db, found).subscriptions[0].quantity == 40


def test_export_with_the_keyboard_only(
    main_window, qtbot, keyboard, list_loaded, settle, prompts, tmp_path: Path
) -> None:
    window = main_window
    find_customer(window, qtbot, keyboard, list_loaded, settle, "Tailspin")
    press(qtbot, Qt.Key.Key_C, ALT)  # the Customers menu
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    prompts.answer("Matching")
    prompts.file(str(tmp_path / "one.csv"))
    with qtbot.waitSignal(window.exporter.finished, timeout=10_000) as finished:
        qtbot.keyClick(menu, Qt.Key.Key_X)  # E&xport customers…
    assert finished.args[0] == 1
