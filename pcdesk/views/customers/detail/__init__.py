"""The customer detail pane, beside the customer list: one module per tab."""

from pcdesk.views.customers.detail.pane import CustomerDetailPane

__all__ = ["CustomerDetailPane"]
