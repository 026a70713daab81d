"""A customer's subscription to one catalog offer."""

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime, utc_now
from pcdesk.models.enums import SubscriptionStatus, enum_column


class Subscription(Base):
    __tablename__ = "subscription"
    __table_args__ = (CheckConstraint("quantity >= 0", name="quantity_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    offer_id: Mapped[int] = mapped_column(ForeignKey("catalog_offer.id", ondelete="RESTRICT"))
    quantity: Mapped[int]
    term: Mapped[str] = mapped_column(String(8))
    billing_plan: Mapped[str] = mapped_column(String(16))
    status: Mapped[SubscriptionStatus] = mapped_column(
        enum_column(SubscriptionStatus), default=SubscriptionStatus.ACTIVE
    )
    indirect_reseller_id: Mapped[int | None] = mapped_column(
        ForeignKey("indirect_reseller.id", ondelete="RESTRICT")
    )
    # Partner Center's id of the subscription, once seen there (migration 0005).
    partner_center_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it as is


# The list shows each customer's count of active subscriptions.
Index("ix_subscription_customer_status", Subscription.customer_id, Subscription.status)
Index("ix_subscription_offer_id", Subscription.offer_id)
Index("ix_subscription_partner_center_id", Subscription.partner_center_id, unique=True)
