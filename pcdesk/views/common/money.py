"""How prices, terms and billing plans read in the interface, in the user's locale."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pcdesk.views.common.ui_locale import ui_locale


def format_money(amount: Decimal, currency: str) -> str:
    """``amount`` in ``currency`` as the user's locale writes it: "$7.20", "NT$230.00"."""
    from babel.numbers import format_currency  # (loaded once a price is shown, not at start)

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


def term_phrase(term: str) -> str:
    """A term as a commitment: "1-month term", "1-year term", "3-year term"."""
    phrases = {
        "P1M": QCoreApplication.translate("offers", "1-month term"),
        "P1Y": QCoreApplication.translate("offers", "1-year term"),
        "P3Y": QCoreApplication.translate("offers", "3-year term"),
    }
    return phrases.get(term, term)


def line_summary(quantity: int, term: str, plan: str, unit_price: Decimal, currency: str) -> str:
    """A cart line as a bill reads it: "5 licenses · 1-year term · billed annually, $1,320.00 a
    year" (``unit_price`` is the price of one license for the whole term)."""
    from PySide6.QtCore import QLocale

    count = QLocale().toString(quantity)
    licenses = (
        QCoreApplication.translate("offers", "1 license")
        if quantity == 1
        else QCoreApplication.translate("offers", "{count} licenses").format(count=count)
    )
    months = {"P1M": 1, "P1Y": 12, "P3Y": 36}.get(term, 1)
    whole = unit_price * quantity
    billed = {
        # (how it is billed, amount per bill, per what)
        "Monthly": (
            QCoreApplication.translate("offers", "billed monthly, {price} a month"),
            whole / months,
        ),
        "Annual": (
            QCoreApplication.translate("offers", "billed annually, {price} a year"),
            whole * 12 / months,
        ),
        "Triennial": (
            QCoreApplication.translate("offers", "billed once, {price} for 3 years"),
            whole * 36 / months,
        ),
    }
    if plan in billed:
        template, amount = billed[plan]
        bill = template.format(price=format_money(amount.quantize(Decimal("0.01")), currency))
    else:
        bill = QCoreApplication.translate("offers", "no charge")
    return " · ".join((licenses, term_phrase(term), bill))
