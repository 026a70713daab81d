"""Requests sent to customers (or prospects) to accept a reseller relationship."""

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime, utc_now
from pcdesk.models.enums import RequestStatus, enum_column


class RelationshipRequest(Base):
    __tablename__ = "relationship_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Optional: a prospect may not be a customer yet, and is then named by company only.
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    prospect_company_name: Mapped[str] = mapped_column(String(255), default="")
    recipient_email: Mapped[str] = mapped_column(String(254), default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    subject: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(500))
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus), default=RequestStatus.PENDING
    )
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(255))
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


Index("ix_relationship_request_status", RelationshipRequest.status, RelationshipRequest.created_at)
Index("ix_relationship_request_customer_id", RelationshipRequest.customer_id)
