"""The Add customer wizard: Account info, Subscriptions, Review, Submit, confirmation, Done."""

from pcdesk.views.add_customer.wizard import AddCustomerWizard

__all__ = ["AddCustomerWizard"]
