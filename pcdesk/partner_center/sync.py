"""Keeping the local database in step with Partner Center.

``sync`` pulls what Partner Center holds into the database:

- A **full** sync (the first one, one asked for, or when the last sync is older than the audit
  log's 90 days) lists the indirect resellers and every customer, page by page, then each
  customer's subscriptions. Customers no longer listed become former (record and history kept).
- An **incremental** sync reads the audit log since the last sync, and fetches again only the
  customers and subscriptions it names.

Each page is written in one transaction together with the checkpoint (``partner_center_sync``):
an interrupted or cancelled sync resumes from the last page written. Customers that exist only
locally are left alone ("not in Partner Center": no ``partner_center_customer`` row, or one with
``in_partner_center`` false). Conflicts are recorded, never overwritten (see apply.py).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import (
    IndirectReseller,
    PartnerCenterCustomer,
    PartnerCenterSync,
    ResellerState,
    utc_now,
)
from pcdesk.models.database import Database
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.apply import Counts, PageWriter
from pcdesk.partner_center.errors import (
    ApiFailure,
    NotFoundInPartnerCenter,
    SyncCancelled,
    pc_message,
)
from pcdesk.services.bulk_gc import collector_paused
from pcdesk.services.partner.actor import current_user

if TYPE_CHECKING:  # httpx, under the client, loads when a sync starts, not with the window
    from pcdesk.partner_center.client import PartnerCenterClient

log = logging.getLogger(__name__)

AUDIT_DAYS = 90  # Partner Center keeps audit records this long
FULL_AFTER = dt.timedelta(days=AUDIT_DAYS - 1)
SUBSCRIPTION_BATCH = 100  # customers whose subscriptions are written per transaction
CHANGED_BATCH = 100  # customers of an incremental sync written per transaction
# Audit operations that change a customer's subscriptions rather than the customer itself.
SUBSCRIPTION_OPERATIONS = {
    "create_order",
    "update_order",
    "update_subscription",
    "upgrade_subscription",
    "convert_trial_subscription",
}


class Phase:
    RESELLERS = "resellers"
    CUSTOMERS = "customers"
    FORMER = "former"
    SUBSCRIPTIONS = "subscriptions"
    AUDIT = "audit"
    CHANGES = "changes"


@dataclass(frozen=True)
class SyncProgress:
    phase: str
    done: int
    total: int | None = None


@dataclass(frozen=True)
class SyncSummary:
    kind: str  # "full" or "incremental"
    added: int
    updated: int
    marked_former: int
    conflicts: int
    subscriptions_added: int
    subscriptions_updated: int
    resellers_added: int
    resumed: bool
    requests: int
    throttled: int

    def message(self) -> Message:
        return pc_message(
            QT_TRANSLATE_NOOP(
                "partner_center",
                "Synced with Partner Center: {added} added, {updated} updated, {former} marked "
                "former, {conflicts} conflict(s) to settle; {subscriptions} subscription(s) "
                "added or changed.",
            ),
            added=self.added,
            updated=self.updated,
            former=self.marked_former,
            conflicts=self.conflicts,
            subscriptions=self.subscriptions_added + self.subscriptions_updated,
        )


ProgressCallback = Callable[[SyncProgress], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class SyncStatus:
    last_sync_at: dt.datetime | None
    last_full_sync_at: dt.datetime | None
    interrupted: str | None  # the kind of a run that did not finish (resumed next time)


def sync_status(db: Database) -> SyncStatus:
    with db.reading() as session:
        row = session.get(PartnerCenterSync, 1)
        if row is None:
            return SyncStatus(None, None, None)
        return SyncStatus(row.last_sync_at, row.last_full_sync_at, row.run_kind)


def _write(db: Database) -> AbstractContextManager[Session]:
    """One write transaction (BEGIN IMMEDIATE on SQLite); a busy or lost database raises
    Unavailable."""
    return db.writing()


class _Run:
    def __init__(
        self,
        db: Database,
        client: PartnerCenterClient,
        actor: str,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
        subscriptions: bool,
        page_size: int,
    ) -> None:
        self.db = db
        self.client = client
        self.actor = actor
        self.progress = progress
        self.cancelled = cancelled
        self.with_subscriptions = subscriptions
        self.page_size = page_size
        self.counts = Counts()
        self.kind = ""
        self.phase = ""
        self.cursor: dict[str, object] = {}
        self.run_id = 0
        self.started = utc_now()
        self.resumed = False
        self.writer = PageWriter(actor, 0, self.counts)

    # -- checkpoint -----------------------------------------------------------------------------

    def begin(self, full: bool) -> None:
        with _write(self.db) as session:
            if session.get_bind().dialect.name == "postgresql":
                # One sync at a time per database: a second one waits here for the first.
                session.execute(text("SELECT pg_advisory_xact_lock(7164201)"))
            row = session.get(PartnerCenterSync, 1, with_for_update=True)
            if row is None:
                row = PartnerCenterSync(
                    id=1, run_id=0, run_phase="", run_cursor="", run_counts="", run_by=""
                )
                session.add(row)
                session.flush()
            if row.run_kind is not None and not (full and row.run_kind != "full"):
                self.resumed = True
                self.kind = row.run_kind
                self.phase = row.run_phase
                self.cursor = json.loads(row.run_cursor or "{}")
                self.counts.__dict__.update(Counts.from_json(row.run_counts).__dict__)
                self.run_id = row.run_id
                assert row.run_started_at is not None
                self.started = row.run_started_at
            else:
                watermark = row.audit_watermark
                stale = watermark is None or utc_now() - watermark > FULL_AFTER
                self.kind = (
                    "full" if full or stale or row.last_full_sync_at is None else "incremental"
                )
                self.phase = Phase.RESELLERS if self.kind == "full" else Phase.AUDIT
                self.cursor = {}
                row.run_id += 1
                self.run_id = row.run_id
                row.run_kind = self.kind
                row.run_started_at = self.started
                row.run_by = self.actor
                self._save(row)
        self.writer.run_id = self.run_id
        log.info(
            "Partner Center sync: %s, run %d%s",
            self.kind,
            self.run_id,
            " (resumed)" if self.resumed else "",
        )

    def _save(self, row: PartnerCenterSync) -> None:
        row.run_phase = self.phase
        row.run_cursor = json.dumps(self.cursor)
        row.run_counts = self.counts.to_json()

    def checkpoint(self, session: Session) -> None:
        row = session.get(PartnerCenterSync, 1)
        assert row is not None
        self._save(row)

    def finish(self) -> None:
        with _write(self.db) as session:
            row = session.get(PartnerCenterSync, 1)
            assert row is not None
            now = utc_now()
            row.last_sync_at = now
            if self.kind == "full":
                row.last_full_sync_at = now
            # Audit records are read again from this moment's day: applying one twice is harmless.
            row.audit_watermark = self.started
            row.run_kind = None
            row.run_phase = ""
            row.run_cursor = ""
            row.run_counts = ""

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise SyncCancelled()

    def report(self, done: int, total: int | None = None) -> None:
        if self.progress is not None:
            self.progress(SyncProgress(self.phase, done, total))

    # -- full ------------------------------------------------------------------------------------

    def full(self) -> None:
        if self.phase in (Phase.RESELLERS, Phase.CUSTOMERS):
            reseller_of = self.resellers()
            self.phase = Phase.CUSTOMERS
            self.customers(reseller_of)
        if self.phase == Phase.FORMER:
            self.former()
        if self.phase == Phase.SUBSCRIPTIONS and self.with_subscriptions:
            self.subscriptions()

    def resellers(self) -> dict[str, int | None] | None:
        """Write the indirect resellers; map each customer of one to it (None: a partner with
        no resellers, whose customers' reseller is then not touched)."""
        listed = self.client.indirect_resellers()
        if not listed:
            return None
        with _write(self.db) as session:
            local = _upsert_resellers(session, listed, self.counts)
        reseller_of: dict[str, int | None] = {}
        for reseller in listed:
            self.check()
            for item in self.client.customers_of_reseller(reseller.id, self.page_size):
                reseller_of[item.tenant_id] = local[reseller.id]
        return reseller_of

    def customers(self, reseller_of: dict[str, int | None] | None) -> None:
        start = r.Link.from_json(self.cursor["next"]) if self.cursor.get("next") else None  # type: ignore[arg-type]
        done = int(self.cursor.get("done", 0))  # type: ignore[call-overload]
        try:
            self._customer_pages(start, done, reseller_of)
        except ApiFailure as exc:
            if start is None or exc.status != 400:
                raise
            # A continuation token Partner Center no longer takes (too old): list again from
            # the first page; the pages written stay written, and are seen again.
            log.info("continuation refused on resume; listing again from the first page")
            self._customer_pages(None, done, reseller_of)
        self.phase = Phase.FORMER
        self.cursor = {}

    def _customer_pages(
        self, start: r.Link | None, done: int, reseller_of: dict[str, int | None] | None
    ) -> None:
        for page, _link in self.client.customer_pages(self.page_size, start):
            with _write(self.db) as session:
                self.writer.customers(session, page.items, reseller_of, now=utc_now())
                done += len(page.items)
                self.cursor = {"next": page.next.to_json() if page.next else None, "done": done}
                self.checkpoint(session)
            self.report(done)
            self.check()

    def former(self) -> None:
        s = PartnerCenterCustomer
        with _write(self.db) as session:
            gone = list(
                session.scalars(
                    select(s.customer_id).where(
                        s.in_partner_center.is_(True), s.seen_run < self.run_id
                    )
                )
            )
            for start in range(0, len(gone), 1000):
                self.writer.mark_gone(session, gone[start : start + 1000], utc_now())
            self.phase = Phase.SUBSCRIPTIONS
            self.cursor = {}
            self.checkpoint(session)

    def subscriptions(self) -> None:
        s = PartnerCenterCustomer
        from pcdesk.models import Customer

        after = int(self.cursor.get("after", 0))  # type: ignore[call-overload]
        with self.db.reading() as session:
            todo = list(
                session.execute(
                    select(s.customer_id, Customer.microsoft_id)
                    .join(Customer, Customer.id == s.customer_id)
                    .where(s.in_partner_center.is_(True), s.customer_id > after)
                    .order_by(s.customer_id)
                ).all()
            )
        total = len(todo)
        for start in range(0, total, SUBSCRIPTION_BATCH):
            batch = todo[start : start + SUBSCRIPTION_BATCH]
            fetched: dict[int, tuple[r.Subscription, ...]] = {}
            for customer_id, tenant in batch:
                self.check()
                try:
                    fetched[customer_id] = self.client.subscriptions(tenant)
                except NotFoundInPartnerCenter:
                    fetched[customer_id] = ()
            with _write(self.db) as session:
                self.writer.subscriptions(session, fetched, utc_now())
                self.cursor = {"after": batch[-1][0]}
                self.checkpoint(session)
            self.report(start + len(batch), total)

    # -- incremental ---------------------------------------------------------------------------------

    def incremental(self) -> None:
        with self.db.reading() as session:
            row = session.get(PartnerCenterSync, 1)
            assert row is not None and row.audit_watermark is not None
            since = row.audit_watermark
            has_resellers = session.scalar(select(IndirectReseller.id).limit(1)) is not None
        changed: dict[str, None] = {}
        subscriptions: dict[str, None] = {}
        read = 0
        for page, _link in self.client.audit_record_pages(since.date().isoformat(), size=500):
            for record in page.items:
                if not record.customer_id or record.operation_status == "failed":
                    continue
                if record.operation_type in SUBSCRIPTION_OPERATIONS:
                    subscriptions[record.customer_id] = None
                else:
                    changed[record.customer_id] = None
                    if record.operation_type == "add_customer":
                        subscriptions[record.customer_id] = None
            read += len(page.items)
            self.report(read)
            self.check()
        self.phase = Phase.CHANGES
        tenants = list(changed)
        total = len(tenants) + len(subscriptions)
        for start in range(0, len(tenants), CHANGED_BATCH):
            batch = tenants[start : start + CHANGED_BATCH]
            found: list[r.Customer] = []
            gone: list[str] = []
            reseller_of: dict[str, int | None] | None = {} if has_resellers else None
            for tenant in batch:
                self.check()
                try:
                    item = self.client.customer(tenant)
                except NotFoundInPartnerCenter:
                    gone.append(tenant)
                    continue
                found.append(item)
                if reseller_of is not None:
                    resellers = self.client.resellers_of_customer(tenant)
                    reseller_of[tenant] = (
                        self._local_reseller(resellers[0].id) if resellers else None
                    )
            with _write(self.db) as session:
                self.writer.customers(session, found, reseller_of, now=utc_now())
                if gone:
                    self.writer.mark_gone(session, _local_ids(session, gone), utc_now())
                self.checkpoint(session)
            self.report(start + len(batch), total)
        if self.with_subscriptions and subscriptions:
            self._subscriptions_of(list(subscriptions))

    def _local_reseller(self, tenant: str) -> int | None:
        with self.db.reading() as session:
            return session.scalar(
                select(IndirectReseller.id).where(IndirectReseller.tenant_id == tenant)
            )

    def _subscriptions_of(self, tenants: list[str]) -> None:
        for start in range(0, len(tenants), SUBSCRIPTION_BATCH):
            batch = tenants[start : start + SUBSCRIPTION_BATCH]
            with self.db.reading() as session:
                ids = dict(zip(batch, _local_ids(session, batch, keep_order=True), strict=False))
            fetched: dict[int, tuple[r.Subscription, ...]] = {}
            for tenant in batch:
                self.check()
                customer_id = ids.get(tenant)
                if customer_id is None:
                    continue
                try:
                    fetched[customer_id] = self.client.subscriptions(tenant)
                except NotFoundInPartnerCenter:
                    continue
            with _write(self.db) as session:
                self.writer.subscriptions(session, fetched, utc_now())


def _local_ids(session: Session, tenants: list[str], *, keep_order: bool = False) -> list[int]:
    from pcdesk.models import Customer

    found = dict(
        session.execute(
            select(Customer.microsoft_id, Customer.id).where(Customer.microsoft_id.in_(tenants))
        ).all()
    )
    if keep_order:
        return [found[t] for t in tenants if t in found]
    return list(found.values())


def _upsert_resellers(
    session: Session, listed: tuple[r.PartnerRelationship, ...], counts: Counts
) -> dict[str, int]:
    """Add or update the indirect resellers (matched by tenant id, then Partner ID)."""
    local: dict[str, int] = {}
    for reseller in listed:
        found = session.scalar(
            select(IndirectReseller).where(IndirectReseller.tenant_id == reseller.id)
        )
        if found is None and reseller.mpn_id:
            found = session.scalar(
                select(IndirectReseller).where(IndirectReseller.partner_id == reseller.mpn_id)
            )
        state = (
            ResellerState.ACTIVE
            if reseller.state.lower() in {"active", ""}
            else ResellerState.SUSPENDED
        )
        if found is None:
            found = IndirectReseller(
                name=reseller.name[:255] or reseller.mpn_id,
                partner_id=reseller.mpn_id[:20] or reseller.id[:20],
                tenant_id=reseller.id,
                country=(reseller.location or "US")[:2].upper(),
                state=state,
            )
            session.add(found)
            counts.resellers_added += 1
        else:
            found.tenant_id = reseller.id
            if reseller.name:
                found.name = reseller.name[:255]
            found.state = state
        session.flush()
        local[reseller.id] = found.id
    return local


def sync(
    db: Database,
    client: PartnerCenterClient,
    *,
    actor: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    subscriptions: bool = True,
    full: bool = False,
    page_size: int = 500,
) -> SyncSummary:
    """Bring the database in step with Partner Center; resumes an interrupted sync first.

    Raises PartnerCenterError (with a Message) when Partner Center fails, SyncCancelled when
    ``cancelled()`` turned true, Unavailable when the database does: in each case what was
    written stays, and the next call resumes from the checkpoint.
    """
    actor = actor or client.tokens.account_name or current_user(db)
    run = _Run(db, client, actor, progress, cancelled, subscriptions, page_size)
    requests_before = client.stats.requests
    throttled_before = client.stats.throttled
    with collector_paused():
        run.begin(full)
        if run.kind == "full":
            run.full()
        else:
            run.incremental()
        run.finish()
    c = run.counts
    return SyncSummary(
        kind=run.kind,
        added=c.added,
        updated=c.updated,
        marked_former=c.former,
        conflicts=c.conflicts,
        subscriptions_added=c.subscriptions_added,
        subscriptions_updated=c.subscriptions_updated,
        resellers_added=c.resellers_added,
        resumed=run.resumed,
        requests=client.stats.requests - requests_before,
        throttled=client.stats.throttled - throttled_before,
    )
