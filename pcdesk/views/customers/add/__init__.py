"""The Add customer wizard: Account info, Subscriptions, Review, Submit, confirmation, Done."""

from pcdesk.views.customers.add.wizard import AddCustomerWizard

__all__ = ["AddCustomerWizard"]
