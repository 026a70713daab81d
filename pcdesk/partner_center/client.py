"""A small typed client of the Partner Center REST API (httpx; one client per connection).

- Every logical call has one ``MS-RequestId`` (Partner Center's idempotency key) kept across its
  retries, and its own ``MS-CorrelationId``; ``X-Locale`` follows ``client.locale``.
- Timeouts, lost connections and 5xx are retried with exponential backoff and jitter; a 429 waits
  ``Retry-After``; a 401 asks the token source once for a new token. 4xx are not retried (as the
  .NET SDK: never 400/401/403/404/409/417).
- ``RateLimiter`` keeps the client under Partner Center's 500 requests a minute per resource, so a
  sync does not provoke throttling in the first place.
- Every failure is a ``PartnerCenterError`` carrying a ``Message``. The token is never logged.
"""

from __future__ import annotations

import collections
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx

from pcdesk.partner_center import resources as r
from pcdesk.partner_center.auth import TokenSource
from pcdesk.partner_center.errors import (
    ApiFailure,
    MfaRequired,
    NotFoundInPartnerCenter,
    PartnerCenterError,
    SignInRequired,
    Unreachable,
    api_failure_message,
    mfa_required_message,
    sign_in_expired_message,
    unreachable_message,
    unreadable_message,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

USER_AGENT = "pcdesk/0.1"
MFA_MISSING_CODE = "900421"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # tries of a call that times out, loses its connection or gets a 5xx
    base_delay: float = 0.5  # seconds; doubled each retry, with up to as much again of jitter
    max_delay: float = 16.0
    throttled_attempts: int = 30  # 429s waited out before giving up
    max_retry_after: float = 300.0


class RateLimiter:
    """At most ``limit`` requests per ``window`` seconds per resource (a sliding window)."""

    def __init__(
        self,
        limit: int = 450,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._sent: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()
        self.waited = 0.0

    def acquire(self, resource: str) -> None:
        while True:
            with self._lock:
                now = self._clock()
                sent = self._sent[resource]
                while sent and sent[0] <= now - self.window:
                    sent.popleft()
                if len(sent) < self.limit:
                    sent.append(now)
                    return
                wait = sent[0] + self.window - now
            self.waited += wait
            self._sleep(wait)


def resource_of(path: str) -> str:
    """What a request counts against: Partner Center throttles "by partner tenant or by
    partner+customer pair" (partner-center-api.md §2). Collections count per partner
    (``customers``, ``auditrecords``); what belongs to one customer counts per pair
    (``customers/{id}``, ``subscriptions/{id}``, ``orders/{id}``)."""
    parts = [part for part in path.split("?")[0].split("/") if part and part != "v1"]
    if not parts:
        return ""
    if parts[0] == "customers" and len(parts) >= 2 and parts[1] != "relationshiprequests":
        if len(parts) >= 3:
            return f"{parts[2].lower()}/{parts[1].lower()}"
        return f"customers/{parts[1].lower()}"
    return parts[0].lower()


@dataclass
class ClientStats:
    requests: int = 0  # HTTP requests sent, retries included
    calls: int = 0  # logical calls
    throttled: int = 0  # 429s received
    retried: int = 0  # retries after a timeout, lost connection or 5xx
    renewed_tokens: int = 0
    by_status: collections.Counter[int] = field(default_factory=collections.Counter)


class PartnerCenterClient:
    """One connection to Partner Center (or the simulator)."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenSource,
        *,
        locale: str = "en-US",
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        application: str = "pcdesk",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._base = urlsplit(self.base_url)
        self.tokens = tokens
        self.locale = locale
        self.limiter = limiter if limiter is not None else RateLimiter()
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self.stats = ClientStats()
        self._random = random.Random()
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={
                "Accept": "application/json",
                "User-Agent": USER_AGENT,
                "MS-PartnerCenter-Application": application,
            },
            follow_redirects=False,
            transport=transport,
        )

    # -- lifetime ---------------------------------------------------------------------------------

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PartnerCenterClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the call ---------------------------------------------------------------------------------

    def url_of(self, uri: str) -> str:
        """A link's URI as a URL on this connection's host: with or without ``/v1``, relative or
        absolute. An absolute URI on another host is refused: the token goes nowhere else."""
        parts = urlsplit(uri)
        if parts.scheme or parts.netloc:
            if (parts.scheme, parts.netloc) != (self._base.scheme, self._base.netloc):
                raise ValueError("a link to another host")
            uri = parts.path + (f"?{parts.query}" if parts.query else "")
        if not uri.startswith("/"):
            uri = "/" + uri
        if not (uri == "/v1" or uri.startswith(("/v1/", "/v1?"))):
            uri = "/v1" + uri
        return self._base.path.rstrip("/") + uri if self._base.path else uri

    def _backoff(self, retry: int) -> float:
        delay = min(self.retry.max_delay, self.retry.base_delay * float(2 ** (retry - 1)))
        return delay + self._random.uniform(0, delay)

    def request(
        self,
        method: str,
        uri: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        json_body: Any = None,
        request_id: str | None = None,
    ) -> httpx.Response:
        """One logical call, retried as the class says; the successful response.

        ``request_id`` is the call's ``MS-RequestId`` when the caller keeps it (the outbox gives
        each queued write one, so a write sent again after a crash is replayed, not repeated);
        otherwise a new one."""
        request_id = request_id or str(uuid.uuid4())
        correlation_id = str(uuid.uuid4())
        path = self.url_of(uri)
        resource = resource_of(path)
        self.stats.calls += 1
        failures = 0
        throttled = 0
        renewed = False
        while True:
            self.limiter.acquire(resource)
            sent_headers = {
                "Authorization": f"Bearer {self.tokens.token()}",
                "MS-RequestId": request_id,
                "MS-CorrelationId": correlation_id,
                "X-Locale": self.locale,
                **(headers or {}),
            }
            self.stats.requests += 1
            try:
                response = self._http.request(
                    method,
                    self._base.scheme + "://" + self._base.netloc + path,
                    params=params,
                    headers=sent_headers,
                    json=json_body,
                )
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                failures += 1
                reason = _transport_reason(exc)
                log.info("%s %s: %s (try %d)", method, _shown(path), reason, failures)
                if failures >= self.retry.attempts:
                    raise Unreachable(
                        unreachable_message(request_id), request_id=request_id
                    ) from None
                self.stats.retried += 1
                self._sleep(self._backoff(failures))
                continue
            status = response.status_code
            self.stats.by_status[status] += 1
            if status < 400:
                return response
            error = r.parse_error(_body_or_none(response))
            if status == 429:
                self.stats.throttled += 1
                throttled += 1
                if throttled > self.retry.throttled_attempts:
                    raise self._failure(response, error, request_id)
                self._sleep(self._retry_after(response, throttled))
                continue
            if status == 401:
                if error.code == MFA_MISSING_CODE:
                    raise MfaRequired(
                        mfa_required_message(), status=401, code=error.code, request_id=request_id
                    )
                if not renewed and self.tokens.renew():
                    renewed = True
                    self.stats.renewed_tokens += 1
                    continue
                raise SignInRequired(
                    sign_in_expired_message(request_id),
                    status=401,
                    code=error.code,
                    description=error.description,
                    request_id=request_id,
                )
            if status >= 500 and status != 501:
                failures += 1
                log.info("%s %s: HTTP %d (try %d)", method, _shown(path), status, failures)
                if failures >= self.retry.attempts:
                    raise self._failure(response, error, request_id)
                self.stats.retried += 1
                self._sleep(self._backoff(failures))
                continue
            raise self._failure(response, error, request_id)

    def _retry_after(self, response: httpx.Response, throttled: int) -> float:
        value = r.first_header_value(response.headers.get("Retry-After"))
        try:
            seconds = float(value)
        except ValueError:
            seconds = self._backoff(throttled)
        return max(0.0, min(seconds, self.retry.max_retry_after))

    def _failure(
        self, response: httpx.Response, error: r.ApiError, request_id: str
    ) -> PartnerCenterError:
        status = response.status_code
        shown_id = r.first_header_value(response.headers.get("MS-RequestId")) or request_id
        kind = NotFoundInPartnerCenter if status == 404 else ApiFailure
        log.log(
            logging.INFO if status == 404 else logging.WARNING,
            "Partner Center: HTTP %d, code %s, request %s",
            status,
            error.code or "-",
            shown_id,
        )
        return kind(
            api_failure_message(status, error.code, error.description, shown_id),
            status=status,
            code=error.code,
            description=error.description,
            request_id=shown_id,
        )

    def get_json(
        self,
        uri: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        response = self.request("GET", uri, params=params, headers=headers)
        return _json(response)

    def _pages(
        self,
        first: str,
        params: Mapping[str, str] | None,
        parse: Callable[[Any], T],
        start: r.Link | None = None,
    ) -> Iterator[tuple[r.Page[T], r.Link | None]]:
        """Pages of a collection, each with the link that fetched it (None for the first),
        following ``links.next`` verbatim: its method, URI and headers (MS-ContinuationToken)."""
        link = start
        while True:
            if link is None:
                response = self.request("GET", first, params=params)
            else:
                response = self.request(link.method, link.uri, headers=dict(link.headers))
            page: r.Page[T] = r.page_of(_json(response), parse)
            yield page, link
            if page.next is None:
                return
            link = page.next

    # -- read operations ----------------------------------------------------------------------------

    def customer_pages(
        self, size: int = 500, start: r.Link | None = None
    ) -> Iterator[tuple[r.Page[r.Customer], r.Link | None]]:
        return self._pages("/v1/customers", {"size": str(size)}, r.parse_customer, start)

    def customers(self, size: int = 500) -> Iterator[r.Customer]:
        for page, _link in self.customer_pages(size):
            yield from page.items

    def customers_of_reseller(self, reseller_id: str, size: int = 500) -> Iterator[r.Customer]:
        search = (
            '{"Field":"IndirectReseller","Value":"' + reseller_id + '","Operator":"starts_with"}'
        )
        params = {"size": str(size), "filter": search}
        for page, _link in self._pages("/v1/customers", params, r.parse_customer):
            yield from page.items

    def customer(self, customer_id: str) -> r.Customer:
        return r.parse_customer(self.get_json(f"/v1/customers/{_seg(customer_id)}"))

    def company_profile(self, customer_id: str) -> r.CompanyProfile:
        data = self.get_json(f"/v1/customers/{_seg(customer_id)}/profiles/company")
        return r.parse_company_profile(data)

    def billing_profile(self, customer_id: str) -> r.BillingProfile:
        data = self.get_json(f"/v1/customers/{_seg(customer_id)}/profiles/billing")
        return r.parse_billing_profile(data)

    def validation_status(self, customer_id: str) -> r.ValidationStatus | None:
        """The account's validation status; None when Partner Center has none (404/600074),
        which allows transactions."""
        try:
            data = self.get_json(
                f"/v1/customers/{_seg(customer_id)}/validationStatus", {"type": "account"}
            )
        except NotFoundInPartnerCenter as exc:
            if exc.code == "600074":
                return None
            raise
        return r.parse_validation_status(data)

    def indirect_resellers(self) -> tuple[r.PartnerRelationship, ...]:
        data = self.get_json(
            "/v1/relationships", {"relationship_type": "IsIndirectCloudSolutionProviderOf"}
        )
        return r.parse_items(data, r.parse_partner_relationship)

    def resellers_of_customer(self, customer_id: str) -> tuple[r.PartnerRelationship, ...]:
        data = self.get_json(f"/v1/customers/{_seg(customer_id)}/relationships")
        return r.parse_items(data, r.parse_partner_relationship)

    def subscriptions(self, customer_id: str) -> tuple[r.Subscription, ...]:
        data = self.get_json(f"/v1/customers/{_seg(customer_id)}/subscriptions")
        return r.parse_items(data, r.parse_subscription)

    def audit_record_pages(
        self, start_date: str, end_date: str | None = None, size: int = 500
    ) -> Iterator[tuple[r.Page[r.AuditRecord], r.Link | None]]:
        params = {"startDate": start_date, "size": str(size)}
        if end_date:
            params["endDate"] = end_date
        return self._pages("/v1/auditrecords", params, r.parse_audit_record)

    def relationship_request(self) -> r.RelationshipRequest:
        data = r.folded(self.get_json("/v1/customers/relationshiprequests"))
        return r.RelationshipRequest(str(data.get("url", "")) if isinstance(data, dict) else "")

    def mca_signed(self, customer_id: str) -> bool:
        """GET directSignedMicrosoftCustomerAgreementStatus: whether the customer's admin has
        accepted the Microsoft Customer Agreement (App+User)."""
        path = f"/v1/customers/{_seg(customer_id)}/directSignedMicrosoftCustomerAgreementStatus"
        data = self.get_json(path)
        return bool(isinstance(data, dict) and data.get("issigned"))

    def domain_taken(self, domain: str) -> bool:
        """HEAD /v1/domains/{domain}: True when the domain exists (taken), False when free."""
        try:
            self.request("HEAD", f"/v1/domains/{_seg(domain)}")
        except NotFoundInPartnerCenter:
            return False
        return True

    def validate_address(self, address: r.Address) -> r.AddressValidation:
        body = {
            "AddressLine1": address.address_line1,
            "AddressLine2": address.address_line2 or None,
            "City": address.city,
            "State": address.state,
            "PostalCode": address.postal_code,
            "Country": address.country,
        }
        response = self.request("POST", "/v1/validations/address", json_body=body)
        return r.parse_address_validation(_json(response))

    def country_rules(self, country: str) -> r.CountryValidationRules:
        data = self.get_json(f"/v1/countryvalidationrules/{_seg(country)}")
        return r.parse_country_rules(data)


def _seg(value: str) -> str:
    return quote(value, safe="")


def _shown(path: str) -> str:
    return path.split("?")[0]


def _transport_reason(exc: Exception) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return "connection refused or no network"
    return "connection lost"


def _body_or_none(response: httpx.Response) -> Any:
    try:
        return r.parse_json(response.content)
    except r.Unreadable:
        return None


def _json(response: httpx.Response) -> Any:
    request_id = r.first_header_value(response.headers.get("MS-RequestId"))
    try:
        return r.folded(r.parse_json(response.content))
    except r.Unreadable:
        raise ApiFailure(
            unreadable_message(request_id), status=response.status_code, request_id=request_id
        ) from None
