"""What the Subscriptions tab shares with the helpers it delegates to (subscription_writes.py,
subscription_orders.py, held_orders.py, subscription_changes.py): the tab itself, the parent of
their operations, questions and dialogs; where they tell what happened; the customer shown; the
tab's signals; and its Partner Center state, whether Partner Center is used and signed in and the
one operation there last started.

The tab makes one, and the helpers read and set it; none of them imports the tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from pcdesk.partner_center.customers import PartnerCenterAccess
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.database import Database
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation


@dataclass(eq=False)
class SubscriptionsTabParts:
    tab: QWidget  # the parent of the helpers' operations, questions and dialogs
    db: Database
    shown: Callable[[], CustomerDetails | None]  # the customer the tab shows, if any
    writing: Callable[[], bool]  # whether a change to a subscription is being written
    notice: FieldMessage  # below the table: what happened
    busy: tuple[QWidget, ...]  # the tab's two boxes of buttons, disabled while a change runs
    # The tab's signals: saved(details), refreshed(details) and reload_requested().
    saved: SignalInstance
    refreshed: SignalInstance
    reload_requested: SignalInstance
    # Whether Partner Center is used and signed in (set by the window); a subscription that
    # is in Partner Center is then changed there.
    access: Callable[[], PartnerCenterAccess] | None = None
    # The last operation started in Partner Center: a change, an order or a held order placed.
    pc_operation: Operation[Any] | None = None

    def shows(self, customer_id: int) -> bool:
        """Whether the tab still shows that customer (an answer about another is dropped)."""
        details = self.shown()
        return details is not None and details.id == customer_id
