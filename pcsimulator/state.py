"""The simulator's data and switches. Thread-safe: the server thread and a test both use it."""

from __future__ import annotations

import base64
import collections
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from pcsimulator import seed as seeding
from pcsimulator.seed import SimCustomer, SimReseller, SimSubscription


@dataclass
class Fault:
    """An injected failure on a route: ``kind`` is "503", "429", "reset" (the connection dropped
    halfway through the body), "timeout" (an answer slower than the client waits), "late" (the
    work done, then the answer held back as long as a timeout: a kill meanwhile loses it) or
    "500"."""

    kind: str
    count: int = 1  # how many requests it hits
    after: int = 0  # requests of the route let through first
    retry_after: int = 1  # for "429"


@dataclass
class Config:
    limiter: bool = False  # the per-resource sliding window of Partner Center's throttling
    rate_limit: int = 500  # requests per window per resource
    rate_window: float = 60.0  # seconds
    bom: bool = False  # start JSON bodies with a UTF-8 BOM
    pascal_case: bool = False  # emit PascalCase keys instead of camelCase
    duplicate_headers: bool = False  # "MS-RequestId: x,x"
    mfa_enforced: bool = False  # 401/900421 for a JWT whose amr lacks "mfa"
    # A token accepted this many times, then refused with 401 (a token expiring mid-sync).
    token_uses: int | None = None
    accepted_tokens: set[str] | None = None  # None: any non-empty bearer token
    continuation_ttl: float = 600.0  # seconds a continuation token stays valid
    stale_etag_status: int = 400  # 400/2055 as documented; 412 as HTTP would have it
    max_page_size: int = 1000
    slow_seconds: float = 5.0  # how long a "timeout" fault keeps the client waiting
    # Creating a customer on a taken domain: no code is documented (partner-center-api.md §3).
    domain_taken_status: int = 400
    domain_taken_code: int = 400
    new_customer_validation: str | None = "Allowed"  # a new customer's validation status
    forbidden_routes: set[str] = field(default_factory=set)  # 403/2032 there (a role not granted)
    refund_days: int = 7  # the new-commerce window for reducing and cancelling
    provisioning_seconds: float = 0.0  # how long an order stays pending before its subscriptions
    max_seats: int = 300  # cart line error 10015 above


@dataclass
class Hit:
    method: str
    path: str
    request_id: str
    correlation_id: str
    status: int
    continuation: str = ""


@dataclass
class AuditEntry:
    id: str
    customer_id: str
    customer_name: str
    resource_type: str
    operation_type: str
    operation_date: dt.datetime
    old_value: str = ""
    new_value: str = ""


class Simulator:
    """Partner Center's data for one partner, and how it misbehaves."""

    def __init__(
        self,
        customers: int = 100,
        *,
        seed: int = 1,
        resellers: int = 5,
        partner_tenant: str = "0f6a1e2d-3c4b-4a59-8e7f-1a2b3c4d5e6f",
        config: Config | None = None,
    ) -> None:
        self.seed = seed
        self.partner_tenant = partner_tenant
        self.config = config or Config()
        self.lock = threading.RLock()
        self.resellers: list[SimReseller] = seeding.resellers(seed, resellers)
        reseller_ids = [reseller.tenant_id for reseller in self.resellers]
        self.customers: dict[str, SimCustomer] = {}
        self.order: list[str] = []  # tenant ids in list order (creation)
        for made in seeding.customers(seed, customers, reseller_ids):
            self.customers[made.tenant_id] = made
            self.order.append(made.tenant_id)
        self._subscriptions: dict[str, list[SimSubscription]] = {}
        self.audit: list[AuditEntry] = []
        self.faults: dict[str, list[Fault]] = collections.defaultdict(list)
        self.route_hits: collections.Counter[str] = collections.Counter()
        self.hits: collections.deque[Hit] = collections.deque(maxlen=20_000)
        self.requests = 0
        self.throttled = 0
        self.token_counts: collections.Counter[str] = collections.Counter()
        self.replayed: dict[tuple[str, str, str], tuple[int, bytes, dict[str, str]]] = {}
        self._windows: dict[str, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._secret = hashlib.sha256(f"pcsimulator:{seed}".encode()).digest()
        self.generation = 0  # bumped to make every continuation token stale
        self.clock_offset = dt.timedelta()
        self.seed_domains = {"contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"}
        self._listed: list[SimCustomer] | None = None
        self.posted: list[str] = []  # tenant ids created through POST /v1/customers
        self.carts: dict[str, dict[str, Any]] = {}  # cart id -> {customer, lines, checked_out}
        self.orders: dict[str, dict[str, Any]] = {}  # order id -> {customer, lines, ready_at, ...}

    # -- time --------------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.clock_offset

    # -- faults and throttling -----------------------------------------------------------------------

    def inject(self, route: str, fault: Fault) -> None:
        """Make ``route`` (e.g. "customers.list", "subscriptions", "*") fail as ``fault`` says."""
        with self.lock:
            self.faults[route].append(fault)

    def take_fault(self, route: str) -> Fault | None:
        with self.lock:
            self.route_hits[route] += 1
            for key in (route, "*"):
                for fault in self.faults.get(key, []):
                    if fault.after > 0:
                        fault.after -= 1
                        continue
                    if fault.count > 0:
                        fault.count -= 1
                        return fault
            return None

    def throttle(self, resource: str) -> int | None:
        """Seconds to wait when this request is over the limit, else None (and it counts)."""
        if not self.config.limiter:
            return None
        with self.lock:
            now = time.monotonic()
            window = self._windows[resource]
            while window and window[0] <= now - self.config.rate_window:
                window.popleft()
            if len(window) >= self.config.rate_limit:
                wait = window[0] + self.config.rate_window - now
                return max(1, int(wait + 0.999))
            window.append(now)
            return None

    # -- continuation tokens ---------------------------------------------------------------------------

    def continuation(self, query: str, offset: int) -> str:
        payload = json.dumps(
            {"q": query, "o": offset, "g": self.generation, "t": time.time()}, separators=(",", ":")
        ).encode()
        sig = hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]
        return base64.urlsafe_b64encode(sig + payload).decode().rstrip("=")

    def read_continuation(self, token: str, query: str) -> int | None:
        """The offset a token continues from; None when it is forged, stale or for another
        query."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except ValueError:
            return None
        sig, payload = raw[:12], raw[12:]
        if not hmac.compare_digest(
            sig, hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]
        ):
            return None
        data = json.loads(payload)
        if data["q"] != query or data["g"] != self.generation:
            return None
        if time.time() - data["t"] > self.config.continuation_ttl:
            return None
        return int(data["o"])

    # -- data ------------------------------------------------------------------------------------------

    def listed(self) -> list[SimCustomer]:
        """The customers Partner Center lists: relationship removed ones are left out."""
        with self.lock:
            return [
                self.customers[t] for t in self.order if self.customers[t].relationship != "none"
            ]

    def subscriptions(self, tenant_id: str) -> list[SimSubscription]:
        with self.lock:
            found = self._subscriptions.get(tenant_id)
            if found is None:
                found = seeding.subscriptions(self.seed, tenant_id)
                self._subscriptions[tenant_id] = found
            return found

    def record(
        self, customer: SimCustomer, resource: str, operation: str, old: Any = None, new: Any = None
    ) -> None:
        with self.lock:
            self.audit.append(
                AuditEntry(
                    str(uuid.uuid4()),
                    customer.tenant_id,
                    customer.company_name,
                    resource,
                    operation,
                    self.now(),
                    json.dumps(old, ensure_ascii=False) if old is not None else "",
                    json.dumps(new, ensure_ascii=False) if new is not None else "",
                )
            )

    # -- test hooks: changes made "in Partner Center" ----------------------------------------------------

    def add_customer(
        self,
        company_name: str,
        domain_prefix: str,
        *,
        tenant_id: str | None = None,
        country: str = "US",
    ) -> SimCustomer:
        with self.lock:
            made = SimCustomer(
                tenant_id=tenant_id or str(uuid.uuid4()),
                commerce_id=str(uuid.uuid4()),
                company_name=company_name,
                domain=f"{domain_prefix}.onmicrosoft.com",
                country=country,
                culture="en-US",
                city="Redmond",
                address_line1="1 Microsoft Way",
                postal_code="98052",
                email=f"it@{domain_prefix}.example",
                first_name="Dana",
                last_name="Lee",
                created=self.now(),
            )
            self.customers[made.tenant_id] = made
            self.order.append(made.tenant_id)
            self._subscriptions[made.tenant_id] = []
            self.record(made, "customer", "add_customer", new={"companyName": company_name})
            return made

    def rename(self, tenant_id: str, company_name: str) -> None:
        with self.lock:
            customer = self.customers[tenant_id]
            old = customer.company_name
            customer.company_name = company_name
            customer.billing_etag += 1
            self.record(customer, "customer", "update_customer_billing_profile",
                        {"companyName": old}, {"companyName": company_name})  # fmt: skip

    def remove_relationship(self, tenant_id: str) -> None:
        with self.lock:
            customer = self.customers[tenant_id]
            customer.relationship = "none"
            self.record(customer, "customer", "remove_partner_customer_relationship")

    def delete(self, tenant_id: str) -> None:
        """The customer vanishes from Partner Center altogether (no audit record: as when a
        record falls out of the 90 days)."""
        with self.lock:
            del self.customers[tenant_id]
            self.order.remove(tenant_id)
            self._listed = None

    def change_quantity(self, tenant_id: str, quantity: int) -> None:
        with self.lock:
            customer = self.customers[tenant_id]
            subs = self.subscriptions(tenant_id)
            if not subs:
                subs.append(
                    seeding.SimSubscription(
                        str(uuid.uuid4()),
                        seeding.OFFERS[0][0],
                        seeding.OFFERS[0][1],
                        quantity,
                        "active",
                        "P1Y",
                        "annual",
                        self.now(),
                    )
                )
                self.record(customer, "order", "create_order")
                return
            old = subs[0].quantity
            subs[0].quantity = quantity
            subs[0].etag += 1
            self.record(
                customer,
                "subscription",
                "update_subscription",
                {"quantity": old},
                {"quantity": quantity},
            )

    def created_customers(self) -> list[SimCustomer]:
        """Customers made through POST /v1/customers (not the seed)."""
        with self.lock:
            return [self.customers[t] for t in self.posted if t in self.customers]

    def add_subscription(
        self,
        tenant_id: str,
        quantity: int,
        *,
        offer: int = 0,
        age: dt.timedelta = dt.timedelta(),
        status: str = "active",
    ) -> SimSubscription:
        """A subscription bought ``age`` ago: within the window, its licences are refundable."""
        with self.lock:
            created = self.now() - age
            until = created + dt.timedelta(days=self.config.refund_days)
            made = seeding.SimSubscription(
                str(uuid.uuid4()),
                seeding.OFFERS[offer][0],
                seeding.OFFERS[offer][1],
                quantity,
                status,
                "P1Y",
                "annual",
                created,
                refundable=quantity,
                refund_until=until,
                cancel_until=until,
            )
            self.subscriptions(tenant_id).append(made)
            return made

    def find_subscription(self, tenant_id: str, subscription_id: str) -> SimSubscription | None:
        with self.lock:
            for sub in self.subscriptions(tenant_id):
                if sub.id.lower() == subscription_id.lower():
                    return sub
            return None

    def provision_due(self) -> None:
        """Orders whose provisioning time has come get their subscriptions."""
        with self.lock:
            now = time.monotonic()
            for order in self.orders.values():
                if order["status"] == "pending" and now >= order["ready_at"]:
                    order["status"] = "completed"
                    for line in order["lines"]:
                        offer = line["catalogItemId"]
                        name = next((n for o, n in seeding.OFFERS if o == offer), offer)
                        made = self.add_subscription(order["customer"], line["quantity"])
                        made.offer_id, made.offer_name = offer, name
                        made.term_duration = line.get("termDuration", "P1Y")
                        made.billing_cycle = str(line.get("billingCycle", "annual")).lower()
                        line["subscriptionId"] = made.id
                    customer = self.customers[order["customer"]]
                    self.record(customer, "order", "create_order", new={"orderId": order["id"]})

    def sign_mca(self, tenant_id: str, signed: bool = True) -> None:
        """The customer's admin accepts the Microsoft Customer Agreement in the admin center."""
        with self.lock:
            self.customers[tenant_id].mca_signed = signed

    def set_validation(self, tenant_id: str, status: str | None) -> None:
        with self.lock:
            self.customers[tenant_id].validation_status = status

    def invalidate_continuations(self) -> None:
        with self.lock:
            self.generation += 1

    def hits_of(self, path_start: str) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if hit.path.startswith(path_start)]


def fields(obj: Any) -> dict[str, Any]:
    return dict(obj.__dict__)


__all__ = ["AuditEntry", "Config", "Fault", "Hit", "Simulator", "field"]
