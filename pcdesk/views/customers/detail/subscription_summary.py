"""One subscription as the Subscriptions tab sums it up: its whole title, and what it costs a month
(shared by the tab and its Partner Center helpers)."""

from __future__ import annotations

from decimal import Decimal

from pcdesk.services.catalog.price_list_format import CENT, term_months
from pcdesk.services.customers.details import SubscriptionData


def monthly_price(subscription: SubscriptionData) -> Decimal:
    """What the subscription costs a month: its licenses at the term's price per month."""
    try:
        months = term_months(subscription.term)
    except ValueError:
        months = 1
    per_license = (subscription.unit_price / months).quantize(CENT)
    return per_license * subscription.quantity


def subscription_title(subscription: SubscriptionData) -> str:
    if subscription.sku_title and subscription.sku_title != subscription.product_title:
        return f"{subscription.product_title} — {subscription.sku_title}"
    return subscription.product_title
