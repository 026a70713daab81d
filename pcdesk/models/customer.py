"""Customers and their acceptance of Microsoft's customer agreement."""

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, validates
from sqlalchemy.orm import relationship as orm_relationship

from pcdesk.models import collation, keys
from pcdesk.models.base import Base, Guid, UtcDateTime, utc_now
from pcdesk.models.enums import (
    AccountStatus,
    AgreementStatus,
    AgreementType,
    Relationship,
    enum_column,
)
from pcdesk.models.keys import fold as fold  # still importable from here


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    microsoft_id: Mapped[str] = mapped_column(Guid, unique=True)  # the customer's tenant id
    company_name: Mapped[str] = mapped_column(String(255))
    # fold(company_name), kept by the model: the list searches on it (through search_text).
    # NFKC and casefold can lengthen text (ß -> ss, ㈱ -> (株)): room for four times the name.
    name_key: Mapped[str] = mapped_column(String(1020))
    # collation.sort_key(company_name), kept by the model: the list sorts by it through an index,
    # in the order of zh-TW's collation (stroke order for Chinese), the same on both databases.
    collation_key: Mapped[bytes] = mapped_column(LargeBinary)
    # match_key(company_name) and email_domain(contact_email), kept by the model too: possible
    # duplicates are found by indexed equality on them. Never longer than name_key.
    match_key: Mapped[str] = mapped_column(String(1020), server_default="")
    country: Mapped[str] = mapped_column(String(2))
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    contact_first_name: Mapped[str] = mapped_column(String(50))
    contact_last_name: Mapped[str] = mapped_column(String(50))
    contact_email: Mapped[str] = mapped_column(String(254))
    email_domain: Mapped[str] = mapped_column(String(254), server_default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")  # E.164 when given
    # Lower-case letters and digits; <prefix>.onmicrosoft.com. Never changes after creation.
    domain_prefix: Mapped[str] = mapped_column(String(27))
    language: Mapped[str] = mapped_column(String(8))  # e.g. "zh"
    culture: Mapped[str] = mapped_column(String(16))  # e.g. "zh-TW"
    organization_registration_id: Mapped[str] = mapped_column(String(64), default="")
    indirect_reseller_id: Mapped[int | None] = mapped_column(
        ForeignKey("indirect_reseller.id", ondelete="RESTRICT")
    )
    relationship: Mapped[Relationship] = mapped_column(
        enum_column(Relationship), default=Relationship.RESELLER
    )
    account_status: Mapped[AccountStatus] = mapped_column(
        enum_column(AccountStatus), default=AccountStatus.ACTIVE
    )
    tags: Mapped[str] = mapped_column(String(1000), default="")  # comma-separated, as exported
    # keys.search_text(name_key, domain_prefix, microsoft_id), kept by the model: the list's search
    # looks in it through a trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL).
    search_text: Mapped[str] = mapped_column(String(1200), server_default="")
    # Kept by database triggers (migration 0003), never written from Python: what the list shows and
    # sorts by without joining or counting per row. The number of active subscriptions, the status
    # of the latest agreement attestation ("" when none) and the indirect reseller's name.
    active_subscriptions: Mapped[int] = mapped_column(Integer, server_default="0")
    agreement_status: Mapped[str] = mapped_column(String(32), server_default="")
    reseller_name: Mapped[str] = mapped_column(String(255), server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    agreements: Mapped[list["AgreementAcceptance"]] = orm_relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )

    # Optimistic concurrency: an UPDATE that finds another version raises StaleDataError.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it as is

    @validates("company_name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = fold(value)
        self.collation_key = collation.sort_key(value)
        self.match_key = keys.match_key(value)
        self._keep_search_text(name_key=self.name_key)
        return value

    @validates("microsoft_id")
    def _keep_search_text_id(self, _key: str, value: str) -> str:
        self._keep_search_text(microsoft_id=value)
        return value

    def _keep_search_text(self, **changed: str) -> None:
        # Called while one of its fields is being set, before the new value is stored: take that
        # one from ``changed`` and the others as they are.
        fields = {
            name: changed.get(name, self.__dict__.get(name) or "")
            for name in ("name_key", "domain_prefix", "microsoft_id")
        }
        self.search_text = keys.search_text(**fields)

    @validates("contact_email")
    def _keep_email_domain(self, _key: str, value: str) -> str:
        self.email_domain = keys.email_domain(value)
        return value

    @validates("domain_prefix")
    def _domain_is_permanent(self, _key: str, value: str) -> str:
        current = self.__dict__.get("domain_prefix")
        if current is not None and current != value:
            raise ValueError("a customer's initial domain can never change")
        self._keep_search_text(domain_prefix=value)
        return value


# The customer list sorts by these with id as the tie-breaker (keyset paging), and looks them up:
# one index per sortable column, in the order services/customer_list.py sorts by.
Index("ix_customer_collation_key", Customer.collation_key, Customer.id)
Index("ix_customer_domain_prefix_ci", func.lower(Customer.domain_prefix), unique=True)
Index("ix_customer_domain_sort", Customer.domain_prefix, Customer.id)
Index("ix_customer_microsoft_id_sort", Customer.microsoft_id, Customer.id)
Index("ix_customer_created_at", Customer.created_at, Customer.id)
Index("ix_customer_country", Customer.country, Customer.collation_key, Customer.id)
Index("ix_customer_relationship", Customer.relationship, Customer.collation_key, Customer.id)
Index("ix_customer_indirect_reseller_id", Customer.indirect_reseller_id)
Index("ix_customer_reseller_sort", Customer.reseller_name, Customer.collation_key, Customer.id)
Index("ix_customer_subscriptions_sort", Customer.active_subscriptions, Customer.id)
Index("ix_customer_agreement_sort", Customer.agreement_status, Customer.collation_key, Customer.id)
Index("ix_customer_tags_sort", Customer.tags, Customer.id)
Index("ix_customer_contact_email_ci", func.lower(Customer.contact_email))
Index("ix_customer_match_key", Customer.match_key)
Index("ix_customer_email_domain", Customer.email_domain)


class AgreementAcceptance(Base):
    """One attestation of a customer agreement: accepted (with its signer) or pending."""

    __tablename__ = "agreement_acceptance"
    __table_args__ = (
        CheckConstraint(
            "status <> 'accepted' OR (signer_first_name IS NOT NULL AND signer_last_name IS NOT NULL"
            " AND signer_email IS NOT NULL AND date_accepted IS NOT NULL)",
            name="accepted_has_signer",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    agreement_type: Mapped[AgreementType] = mapped_column(
        enum_column(AgreementType), default=AgreementType.MICROSOFT_CUSTOMER_AGREEMENT
    )
    status: Mapped[AgreementStatus] = mapped_column(enum_column(AgreementStatus))
    signer_first_name: Mapped[str | None] = mapped_column(String(50))
    signer_last_name: Mapped[str | None] = mapped_column(String(50))
    signer_email: Mapped[str | None] = mapped_column(String(254))
    signer_phone: Mapped[str | None] = mapped_column(String(32))
    date_accepted: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    recorded_by: Mapped[str] = mapped_column(String(255))
    note: Mapped[str] = mapped_column(Text, default="")

    customer: Mapped[Customer] = orm_relationship(back_populates="agreements")
