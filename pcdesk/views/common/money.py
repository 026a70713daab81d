"""How prices, terms and billing plans read in the interface, in the user's locale."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from PySide6.QtCore import QCoreApplication

from pcdesk.views.common.ui_locale import ui_locale


def format_money(amount: Decimal, currency: str) -> str:
    """``amount`` in ``currency`` as the user's locale writes it: "$7.20", "NT$230.00"."""
    return str(format_currency(amount, currency, locale=ui_locale()))


def term_label(term: str) -> str:
    """A term (TermDuration) in words: P1M "1 month", P1Y "1 year", P3Y "3 years"."""
    labels = {
        "P1M": QCoreApplication.translate("offers", "1 month"),
        "P1Y": QCoreApplication.translate("offers", "1 year"),
        "P3Y": QCoreApplication.translate("offers", "3 years"),
    }
    return labels.get(term, term)  # a term a future price list brings is shown as it is


def billing_plan_label(plan: str) -> str:
    """A billing plan in words; trials have the plan "None", which means nothing is billed."""
    labels = {
        "Monthly": QCoreApplication.translate("offers", "Monthly"),
        "Annual": QCoreApplication.translate("offers", "Annual"),
        "Triennial": QCoreApplication.translate("offers", "Triennial"),
        "None": QCoreApplication.translate("offers", "No charge"),
    }
    return labels.get(plan, plan)
