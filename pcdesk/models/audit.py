"""The history of every change: who did what, when, to which customer."""

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime, utc_now


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(255))  # the OS user name unless told otherwise
    action: Mapped[str] = mapped_column(String(64))  # e.g. "customer.created"
    # Kept when the customer row goes, so the history of a removed customer survives.
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    details: Mapped[str] = mapped_column(Text, default="")  # JSON object


Index("ix_audit_event_customer", AuditEvent.customer_id, AuditEvent.occurred_at)
Index("ix_audit_event_occurred_at", AuditEvent.occurred_at)
