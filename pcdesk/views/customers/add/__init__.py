"""The Add customer wizard: Account info, Subscriptions, Review, Submit, confirmation, Done.

The wizard (with validation and Partner Center under it) loads when first asked for, not with
the main window, which only needs the action (action.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pcdesk.views.customers.add.wizard import AddCustomerWizard

__all__ = ["AddCustomerWizard"]


def __getattr__(name: str) -> Any:
    if name == "AddCustomerWizard":
        from pcdesk.views.customers.add.wizard import AddCustomerWizard

        return AddCustomerWizard
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
