"""Writing what Partner Center lists into the local database, a page at a time, in bulk.

``PageWriter.customers`` matches each customer of a page by Microsoft ID (tenant id), then by
initial domain, so a customer never gets a duplicate; adds the new ones (a thousand rows per
statement, the customer table's insert triggers set aside on SQLite as the import does); and
compares the synced fields three ways (pcdesk now, Partner Center now, both at the last sync):

- changed in Partner Center only: pcdesk follows, with a ``customer.synced`` event in the history;
- changed in pcdesk only: kept (the next issue sends it to Partner Center);
- changed on both sides to different values: a conflict row, nothing overwritten.

``PageWriter.subscriptions`` does the same for subscriptions, matched by Partner Center's id;
Partner Center is their source of truth, so they follow it (apply_subscriptions.py).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from pcdesk.models import (
    AccountStatus,
    AuditEvent,
    Customer,
    PartnerCenterConflict,
    PartnerCenterCustomer,
    Relationship,
    collation,
    keys,
)
from pcdesk.partner_center import resources as r
from pcdesk.partner_center.apply_subscriptions import SubscriptionWriter
from pcdesk.services.customer_import.bulk import (
    insert_rows,
    insert_search_rows,
    insert_triggers_set_aside,
    table_of,
)

log = logging.getLogger(__name__)

ONMICROSOFT = ".onmicrosoft.com"
PREFIX_MAX = 27
SYNCED_FIELDS = ("company_name", "relationship", "indirect_reseller_id")
BASE_COLUMN = {
    "company_name": "synced_company_name",
    "relationship": "synced_relationship",
    "indirect_reseller_id": "synced_indirect_reseller_id",
}
STATE_COLUMNS = (
    "in_partner_center",
    "synced_company_name",
    "synced_relationship",
    "synced_indirect_reseller_id",
    "seen_run",
    "synced_at",
    "gone_at",
)
KNOWN_RELATIONSHIPS = {member.value for member in Relationship}


def domain_prefix(domain: str) -> str:
    """The initial domain's prefix as pcdesk keeps it: ``contoso`` of contoso.onmicrosoft.com."""
    lowered = domain.strip().lower()
    if lowered.endswith(ONMICROSOFT):
        lowered = lowered[: -len(ONMICROSOFT)]
    else:
        lowered = lowered.split(".")[0]
    return lowered[:PREFIX_MAX]


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    former: int = 0
    conflicts: int = 0
    subscriptions_added: int = 0
    subscriptions_updated: int = 0
    resellers_added: int = 0

    def to_json(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text: str) -> Counts:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        return cls(**{k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass
class _Local:
    id: int
    microsoft_id: str
    domain_prefix: str
    company_name: str
    relationship: str
    indirect_reseller_id: int | None
    version: int
    has_state: bool = False
    base: dict[str, Any] = field(default_factory=dict)


def _details(**values: Any) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


class PageWriter:
    """The writes of one sync, each page in its caller's transaction."""

    def __init__(self, actor: str, run_id: int, counts: Counts) -> None:
        self.actor = actor
        self.run_id = run_id
        self.counts = counts
        self._subscriptions = SubscriptionWriter(actor, counts, self._event)

    # -- customers --------------------------------------------------------------------------------

    def customers(
        self,
        session: Session,
        listed: Sequence[r.Customer],
        reseller_of: dict[str, int | None] | None,
        *,
        now: dt.datetime,
    ) -> list[int]:
        """Write one page of Partner Center's customers; the local ids of the customers in it.

        ``reseller_of`` maps a tenant id to its local indirect reseller (None: none); when it is
        None altogether the reseller is not known and is left as it is."""
        unique: dict[str, r.Customer] = {}
        for item in listed:
            if item.tenant_id:
                unique[item.tenant_id] = item
        if not unique:
            return []
        found = self._find(session, list(unique.values()))
        new: list[r.Customer] = []
        events: list[dict[str, Any]] = []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        states_new: list[dict[str, Any]] = []
        states_seen: list[dict[str, Any]] = []
        conflicts: list[dict[str, Any]] = []
        open_conflicts = self._open_conflicts(session, [local.id for local in found.values()])
        ids: list[int] = []
        for tenant, item in unique.items():
            local = found.get(tenant)
            remote = self._remote_values(item, reseller_of)
            if local is None:
                new.append(item)
                continue
            ids.append(local.id)
            values: dict[str, Any] = {}
            changes: dict[str, list[Any]] = {}
            base = dict(local.base)
            current = {
                "company_name": local.company_name,
                "relationship": local.relationship,
                "indirect_reseller_id": local.indirect_reseller_id,
            }
            for name in SYNCED_FIELDS:
                if name not in remote:
                    continue  # unknown here (an unknown relationship value, a reseller not asked)
                theirs = remote[name]
                ours = current[name]
                had = base.get(name, _MISSING) if local.has_state else _MISSING
                if theirs == ours:
                    base[name] = theirs
                elif had is not _MISSING and theirs == had:
                    pass  # changed in pcdesk only: kept
                elif had is not _MISSING and ours == had:
                    values[name] = theirs  # changed in Partner Center only: followed
                    changes[name] = [ours, theirs]
                    base[name] = theirs
                elif (local.id, name, _text(theirs)) not in open_conflicts:
                    conflicts.append(
                        {
                            "customer_id": local.id,
                            "field": name,
                            "local_value": _text(ours),
                            "partner_center_value": _text(theirs),
                            "detected_at": now,
                        }
                    )
                    events.append(
                        self._event(
                            now,
                            "customer.sync_conflict",
                            local.id,
                            field=name,
                            local=ours,
                            partner_center=theirs,
                        )
                    )
            if local.microsoft_id != tenant:
                # Matched by its initial domain: Partner Center's tenant id is the true one.
                values["microsoft_id"] = tenant
                changes["microsoft_id"] = [local.microsoft_id, tenant]
            if values:
                if "company_name" in values or "microsoft_id" in values:
                    name = values.get("company_name", local.company_name)
                    name_key = keys.fold(name)
                    if "company_name" in values:
                        values["name_key"] = name_key
                        values["collation_key"] = collation.sort_key(name)
                        values["match_key"] = keys.match_key(name)
                    values["search_text"] = keys.search_text(
                        name_key,
                        local.domain_prefix,
                        values.get("microsoft_id", local.microsoft_id),
                    )
                if "relationship" in values:
                    values["relationship"] = Relationship(values["relationship"])
                columns = tuple(sorted(values))
                updates.setdefault(columns, []).append(
                    {f"b_{k}": v for k, v in values.items()}
                    | {"b_id": local.id, "b_version": local.version}
                )
                events.append(self._event(now, "customer.synced", local.id, **changes))
                if values.get("relationship") == Relationship.NONE:
                    self.counts.former += 1  # the relationship was removed in Partner Center
                if set(changes) - {"relationship"} or (
                    "relationship" in changes and (values.get("relationship") != Relationship.NONE)
                ):
                    self.counts.updated += 1
            state = {
                "in_partner_center": True,
                "synced_company_name": base.get("company_name"),
                "synced_relationship": base.get("relationship"),
                "synced_indirect_reseller_id": base.get("indirect_reseller_id"),
                "seen_run": self.run_id,
                "synced_at": now,
                "gone_at": None,
            }
            if local.has_state:
                states_seen.append({f"b_{k}": v for k, v in state.items()} | {"b_id": local.id})
            else:
                states_new.append({"customer_id": local.id, **state})
        self._update_customers(session, updates, now)
        ids.extend(self._insert_new(session, new, reseller_of, now, events, states_new))
        state_table = table_of(PartnerCenterCustomer)
        if states_seen:
            session.execute(
                update(state_table)
                .where(state_table.c.customer_id == bindparam("b_id"))
                .values({name: bindparam(f"b_{name}") for name in STATE_COLUMNS}),
                states_seen,
            )
        insert_rows(session, state_table, states_new)
        insert_rows(session, table_of(PartnerCenterConflict), conflicts)
        self.counts.conflicts += len(conflicts)
        insert_rows(session, table_of(AuditEvent), events)
        return ids

    def _remote_values(
        self, item: r.Customer, reseller_of: dict[str, int | None] | None
    ) -> dict[str, Any]:
        values: dict[str, Any] = {"company_name": item.company_name[:255]}
        if item.relationship in KNOWN_RELATIONSHIPS:
            values["relationship"] = item.relationship
        if reseller_of is not None:
            values["indirect_reseller_id"] = reseller_of.get(item.tenant_id)
        return values

    def _find(self, session: Session, listed: Sequence[r.Customer]) -> dict[str, _Local]:
        """The local customers of ``listed``, by tenant id: matched by Microsoft ID, then by
        initial domain."""
        c = table_of(Customer)
        s = table_of(PartnerCenterCustomer)
        columns = (
            c.c.id,
            c.c.microsoft_id,
            c.c.domain_prefix,
            c.c.company_name,
            c.c.relationship,
            c.c.indirect_reseller_id,
            c.c.version,
            s.c.customer_id,
            s.c.synced_company_name,
            s.c.synced_relationship,
            s.c.synced_indirect_reseller_id,
        )
        joined = c.outerjoin(s, s.c.customer_id == c.c.id)
        found: dict[str, _Local] = {}

        def take(rows: Iterable[Any]) -> list[_Local]:
            made = []
            for row in rows:
                local = _Local(
                    row[0], row[1], row[2], row[3], str(row[4]), row[5], row[6],
                    has_state=row[7] is not None,
                )  # fmt: skip
                if local.has_state:
                    local.base = {
                        "company_name": row[8],
                        "relationship": row[9],
                        "indirect_reseller_id": row[10],
                    }
                made.append(local)
            return made

        tenants = [item.tenant_id for item in listed]
        for local in take(
            session.execute(
                select(*columns).select_from(joined).where(c.c.microsoft_id.in_(tenants))
            )
        ):
            found[local.microsoft_id] = local
        rest = {
            domain_prefix(item.domain): item.tenant_id
            for item in listed
            if item.tenant_id not in found and item.domain
        }
        if rest:
            lowered = func.lower(c.c.domain_prefix)
            rows = session.execute(
                select(*columns).select_from(joined).where(lowered.in_(list(rest)))
            )
            taken = {local.id for local in found.values()}
            for local in take(rows):
                tenant = rest.get(local.domain_prefix.lower())
                if tenant is not None and local.id not in taken:
                    found[tenant] = local
        return found

    def _open_conflicts(self, session: Session, ids: Sequence[int]) -> set[tuple[int, str, str]]:
        if not ids:
            return set()
        t = table_of(PartnerCenterConflict)
        rows = session.execute(
            select(t.c.customer_id, t.c.field, t.c.partner_center_value).where(
                t.c.customer_id.in_(list(ids)), t.c.settled_at.is_(None)
            )
        )
        return {(row[0], row[1], row[2]) for row in rows}

    def _update_customers(
        self,
        session: Session,
        updates: dict[tuple[str, ...], list[dict[str, Any]]],
        now: dt.datetime,
    ) -> None:
        c = table_of(Customer)
        for columns, rows in updates.items():
            statement = (
                update(c)
                .where(c.c.id == bindparam("b_id"), c.c.version == bindparam("b_version"))
                .values(
                    {name: bindparam(f"b_{name}") for name in columns}
                    | {"version": c.c.version + 1, "updated_at": now, "updated_by": self.actor}
                )
            )
            result = session.execute(statement, rows)
            if result.rowcount != len(rows):  # type: ignore[attr-defined]
                # Edited on another workstation meanwhile: the next sync compares again.
                log.info("%d customer(s) changed meanwhile", len(rows) - result.rowcount)  # type: ignore[attr-defined]

    def _insert_new(
        self,
        session: Session,
        new: Sequence[r.Customer],
        reseller_of: dict[str, int | None] | None,
        now: dt.datetime,
        events: list[dict[str, Any]],
        states: list[dict[str, Any]],
    ) -> list[int]:
        if not new:
            return []
        c = table_of(Customer)
        # A domain prefix already held (cut to 27 characters, or not onmicrosoft.com): the
        # customer is still added, with its tenant id's first characters making it unique.
        prefixes = {domain_prefix(item.domain) for item in new}
        lowered = func.lower(c.c.domain_prefix)
        held = set(session.scalars(select(lowered).where(lowered.in_(list(prefixes)))))
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for item in sorted(new, key=lambda item: collation.sort_key(item.company_name)):
            prefix = domain_prefix(item.domain) or item.tenant_id.replace("-", "")[:PREFIX_MAX]
            if prefix in held or prefix in seen:
                prefix = (prefix[:18] + item.tenant_id.replace("-", "")[:9])[:PREFIX_MAX]
            seen.add(prefix)
            name = item.company_name[:255]
            name_key = keys.fold(name)
            relationship = (
                Relationship(item.relationship)
                if item.relationship in KNOWN_RELATIONSHIPS
                else Relationship.RESELLER
            )
            reseller = reseller_of.get(item.tenant_id) if reseller_of is not None else None
            rows.append(
                {
                    "microsoft_id": item.tenant_id,
                    "company_name": name,
                    "name_key": name_key,
                    "collation_key": collation.sort_key(name),
                    "match_key": keys.match_key(name),
                    "domain_prefix": prefix,
                    "search_text": keys.search_text(name_key, prefix, item.tenant_id),
                    "relationship": relationship,
                    "account_status": AccountStatus.ACTIVE,
                    "tags": "",
                    "indirect_reseller_id": reseller,
                    "country": "",
                    "address_line1": "",
                    "address_line2": "",
                    "city": "",
                    "state": "",
                    "postal_code": "",
                    "contact_first_name": "",
                    "contact_last_name": "",
                    "contact_email": "",
                    "email_domain": "",
                    "contact_phone": "",
                    "language": "",
                    "culture": "",
                    "organization_registration_id": "",
                    "created_at": now,
                    "created_by": self.actor,
                    "updated_at": now,
                    "updated_by": self.actor,
                    "version": 1,
                }
            )
        with insert_triggers_set_aside(session) as set_aside:
            if set_aside:
                names = self._reseller_names(session, {row["indirect_reseller_id"] for row in rows})
                for row in rows:
                    rid = row["indirect_reseller_id"]
                    row["reseller_name"] = names.get(rid, "") if rid is not None else ""
                    row["agreement_status"] = ""
            insert_rows(session, c, rows)
            ids: dict[str, int] = dict(
                session.execute(
                    select(c.c.microsoft_id, c.c.id).where(
                        c.c.microsoft_id.in_([row["microsoft_id"] for row in rows])
                    )
                ).all()
            )
            if set_aside:
                insert_search_rows(session, sorted(ids.values()))
        for row in rows:
            customer_id = ids[row["microsoft_id"]]
            states.append(
                {
                    "customer_id": customer_id,
                    "in_partner_center": True,
                    "synced_company_name": row["company_name"],
                    "synced_relationship": row["relationship"].value,
                    "synced_indirect_reseller_id": row["indirect_reseller_id"],
                    "seen_run": self.run_id,
                    "synced_at": now,
                    "gone_at": None,
                }
            )
            events.append(
                self._event(
                    now,
                    "customer.synced_added",
                    customer_id,
                    company_name=row["company_name"],
                    domain=row["domain_prefix"] + ONMICROSOFT,
                    microsoft_id=row["microsoft_id"],
                )
            )
        self.counts.added += len(rows)
        return list(ids.values())

    def _reseller_names(self, session: Session, ids: set[int | None]) -> dict[int, str]:
        from pcdesk.models import IndirectReseller

        wanted = sorted(i for i in ids if i is not None)
        if not wanted:
            return {}
        t = table_of(IndirectReseller)
        found = session.execute(select(t.c.id, t.c.name).where(t.c.id.in_(wanted)))
        return {int(row[0]): str(row[1]) for row in found}

    def _event(
        self, now: dt.datetime, action: str, customer_id: int | None, **details: Any
    ) -> dict[str, Any]:
        return {
            "occurred_at": now,
            "actor": self.actor,
            "action": action,
            "customer_id": customer_id,
            "details": _details(**details),
        }

    # -- gone from Partner Center -------------------------------------------------------------------

    def mark_gone(self, session: Session, customer_ids: Sequence[int], now: dt.datetime) -> None:
        """These customers are no longer in Partner Center's list: former, record and history
        kept, and no longer "in Partner Center"."""
        if not customer_ids:
            return
        c = table_of(Customer)
        s = table_of(PartnerCenterCustomer)
        ids = list(customer_ids)
        rows = session.execute(select(c.c.id, c.c.relationship).where(c.c.id.in_(ids))).all()
        session.execute(
            update(c)
            .where(c.c.id.in_(ids), c.c.relationship != Relationship.NONE)
            .values(
                relationship=Relationship.NONE,
                version=c.c.version + 1,
                updated_at=now,
                updated_by=self.actor,
            )
        )
        session.execute(
            update(s)
            .where(s.c.customer_id.in_(ids))
            .values(
                in_partner_center=False, gone_at=now, synced_relationship=Relationship.NONE.value
            )
        )
        events = [
            self._event(
                now, "customer.gone_from_partner_center", row[0], relationship=[str(row[1]), "none"]
            )
            for row in rows
        ]
        insert_rows(session, table_of(AuditEvent), events)
        # Former now; one whose relationship Partner Center had already removed was counted then.
        self.counts.former += sum(1 for row in rows if str(row[1]) != Relationship.NONE.value)

    # -- subscriptions -----------------------------------------------------------------------------

    def subscriptions(
        self,
        session: Session,
        by_customer: Mapping[int, Sequence[r.Subscription]],
        now: dt.datetime,
    ) -> None:
        """Write the subscriptions of these customers, matched by Partner Center's id
        (apply_subscriptions.py)."""
        self._subscriptions.write(session, by_customer, now)


_MISSING: Any = object()


def _text(value: Any) -> str:
    return "" if value is None else str(value)
