"""What an operation changed, so that each pane can decide for itself whether to look again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """The records an operation wrote; ``Changes()`` means nothing was written.

    ``customers`` names the customers written (their account, agreement, subscriptions or
    relationship); ``many_customers`` says that too many to name were (an import, a sync, a
    reseller renamed), so every customer on screen must be read again.
    """

    customers: frozenset[int] = field(default_factory=frozenset)
    many_customers: bool = False
    resellers: bool = False
    team: bool = False
    requests: bool = False
    catalog: bool = False
    partner: bool = False
    # The customer the user acted on (a request accepted, a relationship removed): shown.
    subject: int | None = None

    @classmethod
    def of_customers(cls, ids: Iterable[int], **others: bool) -> Changes:
        return cls(customers=frozenset(ids), **others)

    @classmethod
    def of_subject(cls, customer_id: int, **others: bool) -> Changes:
        """A change to one customer, which the window then shows."""
        return cls(customers=frozenset({customer_id}), subject=customer_id, **others)

    @property
    def any(self) -> bool:
        return self != Changes()

    def touches_customer(self, customer_id: int | None) -> bool:
        """Whether a customer shown on screen must be read again."""
        return customer_id is not None and (self.many_customers or customer_id in self.customers)

    @property
    def touches_customer_list(self) -> bool:
        """Whether the customer list (its rows, columns or filters) must be read again."""
        return bool(self.customers) or self.many_customers or self.resellers or self.requests

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            customers=self.customers | other.customers,
            many_customers=self.many_customers or other.many_customers,
            resellers=self.resellers or other.resellers,
            team=self.team or other.team,
            requests=self.requests or other.requests,
            catalog=self.catalog or other.catalog,
            partner=self.partner or other.partner,
            subject=other.subject if other.subject is not None else self.subject,
        )
