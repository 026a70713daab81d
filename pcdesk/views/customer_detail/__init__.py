"""The customer detail pane, beside the customer list: one module per tab."""

from pcdesk.views.customer_detail.pane import CustomerDetailPane

__all__ = ["CustomerDetailPane"]
