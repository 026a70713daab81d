"""No two mnemonics clash in one window (menus, labels, buttons, tabs), and English text never
gets the "(X)" suffix that only CJK text takes."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from pcdesk.views.common.mnemonics import mnemonic_of, with_mnemonic

SUFFIX = re.compile(r"\(&?[A-Z0-9]\)")


def mnemonics(window: QWidget) -> Counter[str]:
    """Every Alt+letter a user can press in ``window`` as it is shown now."""
    found: list[tuple[str, str]] = []
    menubar = getattr(window, "menuBar", None)
    if callable(menubar):
        found += [(a.text(), "menu") for a in menubar().actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            if widget.buddy().isVisibleTo(window):
                found.append((widget.text(), "label"))
        elif isinstance(widget, QAbstractButton):
            found.append((widget.text(), "button"))
        elif isinstance(widget, QTabBar):
            found += [(widget.tabText(i), "tab") for i in range(widget.count())]
    letters = [mnemonic_of(text) for text, _kind in found]
    return Counter(letter for letter in letters if letter)


def clashes(window: QWidget) -> list[str]:
    return [letter for letter, count in mnemonics(window).items() if count > 1]


def english_suffixes(window: QWidget) -> list[str]:
    texts = [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in window.findChildren(QAbstractButton)]
    return [text for text in texts if SUFFIX.search(text) and text.isascii()]


def test_english_text_without_a_free_letter_gets_no_suffix() -> None:
    taken = set("abcdefghijklmnopqrstuvwxyz0123456789") - {"q"}
    assert with_mnemonic("Signer email:", set(taken)) == "Signer email:"
    colon = "\uff1a"  # the full-width colon of Chinese labels
    assert with_mnemonic(f"簽署者電子郵件{colon}", set(taken)) == f"簽署者電子郵件(&Q){colon}"
    assert with_mnemonic("Date accepted:", {"d"}) == "D&ate accepted:"


def test_the_main_window_has_no_clash(main_window, settle) -> None:
    settle()
    assert clashes(main_window) == []
    assert english_suffixes(main_window) == []


def test_editing_an_account_in_the_pane_clashes_with_nothing(main_window, qtbot, settle) -> None:
    window = main_window
    settle()
    tab = window.detail_pane.account_tab
    window.detail_pane.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.edit_button.isEnabled)
    tab.edit()
    qtbot.waitUntil(tab.is_editing)
    assert clashes(window) == []
    assert english_suffixes(window) == []
    tab.cancel_edit()


def test_the_wizards_account_page_has_no_clash_and_no_suffix(wizard_driver) -> None:
    wizard = wizard_driver.open()
    assert clashes(wizard) == []
    assert english_suffixes(wizard) == []
    wizard.account_page.agreement.accepted.setChecked(True)
    assert clashes(wizard) == []
    assert english_suffixes(wizard) == []
