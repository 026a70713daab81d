"""Who on the partner's team holds which Partner Center roles (one row per person)."""

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from pcdesk.models.base import Base, UtcDateTime, utc_now


class TeamMember(Base):
    __tablename__ = "team_member"

    # The name pcdesk records as the actor (services/partner/actor.py): the database login on
    # PostgreSQL, else the signed-in Partner Center user, else the operating system's account.
    user_name: Mapped[str] = mapped_column(String(255), primary_key=True)
    # PartnerRole values, comma-separated and sorted: a person may hold several roles.
    roles: Mapped[str] = mapped_column(String(255), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(255))
