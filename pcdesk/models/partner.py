"""The partner's own profile (one row) and its indirect resellers."""

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, Guid, UtcDateTime, utc_now
from pcdesk.models.enums import PartnerCenterInstance, PartnerType, ResellerState, enum_column


class PartnerProfile(Base):
    __tablename__ = "partner_profile"
    # There is one partner per database: the row's id is always 1.
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(255))
    tenant_id: Mapped[str] = mapped_column(Guid)
    partner_id: Mapped[str] = mapped_column(String(20))  # MPN ID: digits, kept as text
    partner_type: Mapped[PartnerType] = mapped_column(enum_column(PartnerType))
    instance: Mapped[PartnerCenterInstance] = mapped_column(
        enum_column(PartnerCenterInstance), default=PartnerCenterInstance.GLOBAL
    )
    # The application (client) ID of the partner's native app in Entra ID, for signing in to
    # Partner Center (migration 0005); None until entered.
    partner_center_app_id: Mapped[str | None] = mapped_column(Guid)
    # The partner's own e-mail domain (e.g. contoso-csp.com): customers' contacts may not use it.
    domain: Mapped[str | None] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(255))


class IndirectReseller(Base):
    __tablename__ = "indirect_reseller"
    __table_args__ = (Index("ix_indirect_reseller_partner_id", "partner_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    partner_id: Mapped[str] = mapped_column(String(20))
    tenant_id: Mapped[str | None] = mapped_column(Guid)
    country: Mapped[str] = mapped_column(String(2))
    state: Mapped[ResellerState] = mapped_column(
        enum_column(ResellerState), default=ResellerState.ACTIVE
    )
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)


Index("ix_indirect_reseller_name_ci", func.lower(IndirectReseller.name))
