"""What pcdesk knows of Partner Center: each customer's sync state, the sync's checkpoint, and the
conflicts left for the user to settle (migration 0005).

The synced fields are compared three ways: the value pcdesk holds now, the value Partner Center
holds now, and the value both held at the last sync (kept here, in local terms). A field that
changed on one side only follows that side; one changed on both sides to different values is a
conflict, recorded in ``partner_center_conflict`` and never overwritten.
"""

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime, utc_now


class PartnerCenterCustomer(Base):
    """A customer's link to Partner Center. No row: never seen there (a local-only customer)."""

    __tablename__ = "partner_center_customer"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    # False once the customer is no longer in Partner Center's list (the record stays, former).
    in_partner_center: Mapped[bool] = mapped_column(Boolean, default=True)
    # The synced fields as both sides held them at the last sync (local terms).
    synced_company_name: Mapped[str | None] = mapped_column(String(255))
    synced_relationship: Mapped[str | None] = mapped_column(String(32))
    synced_indirect_reseller_id: Mapped[int | None] = mapped_column(Integer)
    # The sync run that last saw the customer in Partner Center's list (a full sync marks the
    # ones it did not see as gone).
    seen_run: Mapped[int] = mapped_column(Integer, default=0)
    synced_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    gone_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


Index("ix_partner_center_customer_seen", PartnerCenterCustomer.in_partner_center,
      PartnerCenterCustomer.seen_run)  # fmt: skip


class PartnerCenterSync(Base):
    """The sync's state (one row, id 1): when it last ran, where the audit log was read up to,
    and the checkpoint of a run in progress (``run_kind`` set) for resuming it."""

    __tablename__ = "partner_center_sync"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_full_sync_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # Audit records up to this moment are applied; the next incremental sync reads from its day.
    audit_watermark: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    run_id: Mapped[int] = mapped_column(Integer, default=0)
    run_kind: Mapped[str | None] = mapped_column(String(16))  # "full", "incremental"; None: idle
    run_phase: Mapped[str] = mapped_column(String(32), default="")
    run_cursor: Mapped[str] = mapped_column(Text, default="")  # JSON: where to go on
    run_counts: Mapped[str] = mapped_column(Text, default="")  # JSON: the summary so far
    run_started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    run_by: Mapped[str] = mapped_column(String(255), default="")


class PartnerCenterConflict(Base):
    """A field changed both in pcdesk and in Partner Center since the last sync."""

    __tablename__ = "partner_center_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(64))
    local_value: Mapped[str] = mapped_column(Text, default="")
    partner_center_value: Mapped[str] = mapped_column(Text, default="")
    detected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    settled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    settled_by: Mapped[str | None] = mapped_column(String(255))
    # "partner_center" (its value taken) or "local" (pcdesk's kept); None while open.
    resolution: Mapped[str | None] = mapped_column(String(16))


Index(
    "ix_partner_center_conflict_open",
    PartnerCenterConflict.customer_id,
    PartnerCenterConflict.field,
    PartnerCenterConflict.settled_at,
)


class PartnerCenterOutbox(Base):
    """A write that must reach Partner Center, queued (offline, signed out, or Partner Center
    briefly unavailable) and sent in order (migration 0006).

    ``request_id`` is the ``MS-RequestId`` given when the item was queued: every send of the item
    carries it, so a send whose answer was lost (a timeout, a crash, a kill) is replayed by
    Partner Center instead of done twice. Only a definite refusal followed by an edit gives the
    item a new one. ``state``: queued, sending (a send began; after a crash it is sent again with
    the same id), failed (Partner Center refused: ``error`` says why), done, cancelled.
    """

    __tablename__ = "partner_center_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # create_customer, update_subscription, ...
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=True
    )
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")  # JSON; never a password
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON: what the user asked, in words
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # sends with this request_id
    error: Mapped[str] = mapped_column(Text, default="")  # JSON Message of the last refusal
    error_field: Mapped[str] = mapped_column(String(64), default="")  # the field to fix
    result: Mapped[str] = mapped_column(Text, default="")  # JSON: what Partner Center answered
    queued_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    queued_by: Mapped[str] = mapped_column(String(255), default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


Index("ix_partner_center_outbox_state", PartnerCenterOutbox.state, PartnerCenterOutbox.id)
