"""The offer picker, driven as a user drives it: typing, choosing filters, clicking offers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pcdesk.models.database import Database
from pcdesk.services.catalog.offers import Offer, list_offers
from pcdesk.views.common.operations import runner
from pcdesk.views.customers.forms.offer_picker import OfferPicker
from pcdesk.views.customers.forms.offer_table_model import OFFER, PRICE, TERM, OfferTableModel


@pytest.fixture
def picker(qtbot: QtBot, catalog_db: Database) -> OfferPicker:
    widget = OfferPicker(catalog_db)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_market("US")
    widget.show()
    qtbot.waitExposed(widget)
    read(qtbot)
    return widget


def read(qtbot: QtBot) -> None:
    """Wait until the catalog has been read (off the GUI thread) and is shown."""
    qtbot.waitUntil(runner().is_idle, timeout=10_000)


def shown(picker: OfferPicker, column: int) -> list[str]:
    model = picker.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_offer(qtbot: QtBot, picker: OfferPicker, title: str, term: str = "1 year") -> Offer:
    """Click the first row showing ``title`` on ``term``, as a user does."""
    model = picker.model
    row = next(
        row
        for row in range(model.rowCount())
        if model.index(row, OFFER).data() == title and model.index(row, TERM).data() == term
    )
    rect = picker.table.visualRect(model.index(row, OFFER))
    qtbot.mouseClick(picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return model.offer(row)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry with the keyboard: Down until it shows."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            read(qtbot)
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text
    read(qtbot)


def test_the_model_keeps_qts_contract(qtmodeltester: ModelTester, catalog_db: Database) -> None:
    model = OfferTableModel()
    model.set_offers(list_offers(catalog_db, market="US"))
    qtmodeltester.check(model, force_py=True)
    model.set_offers(())
    qtmodeltester.check(model, force_py=True)


def test_the_offers_of_the_market_read_as_a_user_sees_them(picker: OfferPicker) -> None:
    total = len(list_offers(picker._db, market="US"))
    assert picker.model.rowCount() == total > 0
    assert picker.status.text() == f"{total} offers"
    model = picker.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Offer", "Term", "Billing plan", "Price / license / month"]
    row = next(
        r
        for r in range(model.rowCount())
        if model.offer(r).product_id == "CFQ7TTC0LH18"
        and model.offer(r).term == "P1Y"
        and model.offer(r).billing_plan == "Annual"
    )
    assert [model.index(row, c).data() for c in range(4)] == [
        "Microsoft 365 Business Basic",
        "1 year",
        "Annual",
        "$6.00",  # 72.00 for the year
    ]
    assert model.index(row, PRICE).data(Qt.ItemDataRole.TextAlignmentRole) & (
        Qt.AlignmentFlag.AlignRight
    )
    tooltip = model.index(row, OFFER).data(Qt.ItemDataRole.ToolTipRole)
    assert "CFQ7TTC0LH18" in tooltip and "0001" in tooltip and "OneDrive" in tooltip


def test_typing_business_narrows_the_offers(qtbot: QtBot, picker: OfferPicker) -> None:
    everything = picker.model.rowCount()
    with qtbot.waitSignal(picker.offers_shown) as shown_count:
        qtbot.keyClicks(picker.search, "business")
        assert picker.model.rowCount() == everything  # nothing happens before the pause
    assert shown_count.args == [picker.model.rowCount()]
    assert picker.model.rowCount() < everything
    titles = set(shown(picker, OFFER))
    assert "Microsoft 365 Business Basic" in titles
    assert "Microsoft 365 E5" not in titles
    assert picker.status.text() == f"{picker.model.rowCount()} offers"

    qtbot.keyClicks(picker.search, " zzzz")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 0)
    assert picker.status.text() == "No offers match your search"

    picker.search.clear()  # the line edit's clear button does this
    qtbot.waitUntil(lambda: picker.model.rowCount() == everything)


def test_the_term_filter_shows_only_annual_offers(qtbot: QtBot, picker: OfferPicker) -> None:
    assert picker.term.itemText(0) == "All"
    assert [picker.term.itemText(i) for i in range(1, picker.term.count())] == [
        "1 month",
        "1 year",
    ]
    choose(qtbot, picker.term, "1 year")
    assert picker.model.rowCount() > 0
    assert set(shown(picker, TERM)) == {"1 year"}
    assert {offer.term for offer in picker.model.offers()} == {"P1Y"}

    choose(qtbot, picker.billing_plan, "Annual")
    assert {o.billing_plan for o in picker.model.offers()} == {"Annual"}
    assert picker.status.text() == f"{picker.model.rowCount()} offers"


def test_the_license_count_follows_the_selected_offer(qtbot: QtBot, picker: OfferPicker) -> None:
    assert not picker.quantity.isEnabled()
    assert not picker.add_button.isEnabled()

    click_offer(qtbot, picker, "Microsoft 365 Business Basic")
    assert picker.quantity.isEnabled() and picker.add_button.isEnabled()
    assert (picker.quantity.minimum(), picker.quantity.maximum()) == (1, 300)

    click_offer(qtbot, picker, "Microsoft 365 E3")
    assert picker.quantity.maximum() == 10000
    picker.quantity.setFocus()
    qtbot.keyClick(picker.quantity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.quantity, "500")
    picker.quantity.interpretText()

    click_offer(qtbot, picker, "Microsoft 365 Business Basic")  # 500 is too many for Basic
    assert picker.quantity.value() == 300


def test_add_emits_the_offer_and_the_count(qtbot: QtBot, picker: OfferPicker) -> None:
    offer = click_offer(qtbot, picker, "Microsoft 365 Business Basic")
    picker.quantity.setFocus()
    qtbot.keyClick(picker.quantity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.quantity, "25")
    with qtbot.waitSignal(picker.add_requested) as added:
        qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert added.args == [offer, 25]

    # Enter in the count adds too, and goes no further (a wizard's Next must not move on).
    qtbot.keyClick(picker.quantity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker.quantity, "7")
    with qtbot.waitSignal(picker.add_requested) as added:
        qtbot.keyClick(picker.quantity, Qt.Key.Key_Return)
    assert added.args == [offer, 7]


def test_double_clicking_an_offer_adds_it(qtbot: QtBot, picker: OfferPicker) -> None:
    offer = click_offer(qtbot, picker, "Microsoft 365 E5", term="1 month")
    rect = picker.table.visualRect(picker.model.index(picker.model.row_of(offer.id) or 0, OFFER))
    # QTest sends only the double-click event; the click above was its first half.
    with qtbot.waitSignal(picker.add_requested) as added:
        qtbot.mouseDClick(picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert added.args == [offer, 1]


def test_the_selected_offer_stays_selected_while_it_matches(
    qtbot: QtBot, picker: OfferPicker
) -> None:
    offer = click_offer(qtbot, picker, "Microsoft 365 Business Basic")
    qtbot.keyClicks(picker.search, "basic")
    qtbot.waitUntil(lambda: picker.model.rowCount() <= 3)
    assert picker.selected_offer() == offer
    qtbot.keyClicks(picker.search, " premium")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 0)
    assert picker.selected_offer() is None
    assert not picker.add_button.isEnabled()


def test_a_market_without_offers_says_how_to_get_some(qtbot: QtBot, picker: OfferPicker) -> None:
    picker.set_market("NZ")
    read(qtbot)
    assert picker.model.rowCount() == 0
    assert picker.status.text() == (
        "No offers for New Zealand in the catalog. Import a price list with "
        "File > Import price list…"
    )
    assert not picker.search.isEnabled()

    picker.set_market("TW")
    read(qtbot)
    assert picker.search.isEnabled()
    assert set(shown(picker, PRICE)) >= {"NT$192.00"}  # Business Basic, 2,304 a year


def test_changing_the_market_keeps_filters_that_still_apply(
    qtbot: QtBot, picker: OfferPicker
) -> None:
    choose(qtbot, picker.term, "1 month")
    picker.set_market("TW")
    read(qtbot)
    assert picker.term.currentText() == "1 month"
    assert {offer.market for offer in picker.model.offers()} == {"TW"}
    assert {offer.term for offer in picker.model.offers()} == {"P1M"}


def test_tab_goes_search_filters_offers_licenses_add(qtbot: QtBot, picker: OfferPicker) -> None:
    click_offer(qtbot, picker, "Microsoft 365 Business Basic")
    picker.activateWindow()
    qtbot.waitActive(picker)
    expected: list[QWidget] = [
        picker.search,
        picker.publisher,
        picker.billing_plan,
        picker.category,
        picker.term,
        picker.table,
        picker.quantity,
        picker.add_button,
    ]
    picker.search.setFocus()
    for widget in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is widget or focus.parent() is widget  # a spin box focuses its line edit
    for widget in expected:
        assert widget.accessibleName() or widget is picker.add_button


def test_enter_adds_and_never_presses_the_dialogs_default_button(
    qtbot: QtBot, catalog_db: Database
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    picker = OfferPicker(catalog_db, dialog)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(picker)
    layout.addWidget(ok)
    picker.set_market("US")
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    read(qtbot)
    pressed: list[bool] = []
    ok.clicked.connect(lambda: pressed.append(True))

    qtbot.keyClicks(picker.search, "copilot")
    with qtbot.waitSignal(picker.offers_shown, timeout=1000):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # searches at once, not after the pause
    assert {offer.product_title for offer in picker.model.offers()} == {"Microsoft 365 Copilot"}
    offer = click_offer(qtbot, picker, "Microsoft 365 Copilot")
    added_any: list[object] = []
    picker.add_requested.connect(lambda *args: added_any.append(args))
    # Enter on an offer chooses it: the license count takes the focus, nothing is added yet.
    qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    assert added_any == []
    assert picker.quantity.hasFocus()
    qtbot.keyClicks(picker.quantity, "5")  # the count was selected: typing replaces it
    with qtbot.waitSignal(picker.add_requested) as added:
        qtbot.keyClick(picker.quantity, Qt.Key.Key_Enter)
    assert added.args == [offer, 5]
    assert pressed == []
    assert dialog.isVisible()
