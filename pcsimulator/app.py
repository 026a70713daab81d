"""The simulator's HTTP face: Starlette routes over a ``Simulator``, with Partner Center's headers,
error shapes, paging, throttling, idempotent replays and injected faults."""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from pcsimulator.seed import SimCustomer, SimReseller, SimSubscription
from pcsimulator.state import Hit, Simulator

BOM = "\ufeff".encode()

Result = tuple[int, Any, dict[str, str]]
Handler = Callable[[Request, Simulator], Result]


class ApiError(Exception):
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def legacy_error(status: int, code: int, description: str) -> ApiError:
    """The documented shape; ``code`` a number, as Partner Center really sends it."""
    return ApiError(
        status, {"code": code, "description": description, "data": [], "source": "PartnerFD"}
    )


def new_error(status: int, code: int, name: str, description: str) -> ApiError:
    """The newer shape of the 6000xx errors."""
    return ApiError(
        status,
        {
            "code": code,
            "message": description,
            "description": description,
            "errorName": name,
            "isRetryable": False,
            "parameters": {},
            "errorMessageExtended": f"InternalErrorCode={code}",
        },
    )


def pascal(value: Any) -> Any:
    if isinstance(value, dict):
        return {(k[:1].upper() + k[1:]): pascal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [pascal(v) for v in value]
    return value


def iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- resources as Partner Center shows them --------------------------------------------------------


def link(uri: str, headers: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"uri": uri, "method": "GET", "headers": headers or []}


def company_profile(c: SimCustomer, *, full: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "tenantId": c.tenant_id,
        "domain": c.domain,
        "companyName": c.company_name,
    }
    if full:
        body["address"] = address(c)
        body["email"] = c.email
    body["links"] = {"self": link(f"/customers/{c.tenant_id}/profiles/company")}
    body["attributes"] = {"objectType": "CustomerCompanyProfile"}
    return body


def address(c: SimCustomer) -> dict[str, Any]:
    return {
        "country": c.country,
        "city": c.city,
        "state": c.state,
        "addressLine1": c.address_line1,
        "postalCode": c.postal_code,
        "firstName": c.first_name,
        "lastName": c.last_name,
        "phoneNumber": c.phone,
    }


def billing_profile(c: SimCustomer) -> dict[str, Any]:
    return {
        "id": c.commerce_id,
        "firstName": c.first_name,
        "lastName": c.last_name,
        "email": c.email,
        "culture": c.culture,
        "language": c.culture.split("-")[0],
        "companyName": c.company_name,
        "defaultAddress": address(c),
        "links": {"self": link(f"/v1/customers/{c.tenant_id}/profiles/billing")},
        "attributes": {
            "etag": str(5920358838484612121 + c.billing_etag),
            "objectType": "CustomerBillingProfile",
        },
    }


def customer(c: SimCustomer, *, full: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": c.tenant_id,
        "companyProfile": company_profile(c, full=full),
        "relationshipToPartner": c.relationship,
    }
    if full:
        body["commerceId"] = c.commerce_id
        body["billingProfile"] = billing_profile(c)
        body["allowDelegatedAccess"] = False
        if c.reseller_id:
            body["associatedPartnerId"] = c.reseller_id
    body["links"] = {"self": link(f"/customers/{c.tenant_id}")}
    body["attributes"] = {"objectType": "Customer"}
    return body


def subscription(s: SimSubscription) -> dict[str, Any]:
    return {
        "id": s.id,
        "offerId": s.offer_id,
        "offerName": s.offer_name,
        "friendlyName": s.offer_name,
        "productType": {"id": "OnlineServicesNCE", "displayName": "OnlineServicesNCE"},
        "quantity": s.quantity,
        "unitType": "Licenses",
        "creationDate": iso(s.created),
        "effectiveStartDate": iso(s.created),
        "commitmentEndDate": iso(
            s.created + dt.timedelta(days=365 if s.term_duration == "P1Y" else 30)
        ),
        "status": s.status,
        "autoRenewEnabled": s.auto_renew,
        "isTrial": False,
        "billingType": "license",
        "billingCycle": s.billing_cycle,
        "termDuration": s.term_duration,
        "contractType": "subscription",
        **_windows(s),
        "attributes": {"etag": str(s.etag), "objectType": "Subscription"},
    }


def _windows(s: SimSubscription) -> dict[str, Any]:
    """refundableQuantity, refundOptions and cancellationAllowedUntilDate (absent once past)."""
    body: dict[str, Any] = {}
    if s.cancel_until is not None:
        body["cancellationAllowedUntilDate"] = iso(s.cancel_until)
    if s.refund_until is not None:
        body["refundOptions"] = [{"type": "Full", "expiresAt": iso(s.refund_until)}]
        body["refundableQuantity"] = {
            "totalQuantity": s.refundable,
            "details": [{"quantity": s.refundable, "allowedUntilDateTime": iso(s.refund_until)}],
        }
    return body


# -- catalog, carts, checkout, orders (partner-center-api.md §8) -----------------------------------


def _catalog() -> dict[str, dict[str, Any]]:
    """product id -> {title, skus: {sku id -> {title, availability id}}} from the seed's offers."""
    from pcsimulator.seed import OFFERS

    products: dict[str, dict[str, Any]] = {}
    for catalog_item, name in OFFERS:
        product, sku, availability = catalog_item.split(":")
        entry = products.setdefault(product, {"title": name, "skus": {}})
        entry["skus"][sku] = {"title": name, "availability": availability}
    return products


def get_products(request: Request, sim: Simulator) -> Result:
    if not request.query_params.get("country"):
        raise legacy_error(400, 400, "The country is required.")
    view = request.query_params.get("targetView", "")
    if view.lower() != "onlineservices":
        raise legacy_error(403, 400036, f"targetView {view} is not allowed.")
    items = [
        {"id": pid, "title": p["title"], "productType": {"id": "OnlineServicesNCE"},
         "links": {"skus": link(f"/products/{pid}/skus?country=US")},
         "attributes": {"objectType": "Product"}}
        for pid, p in _catalog().items()
    ]  # fmt: skip
    return (
        200,
        {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}},
        {},
    )


def get_skus(request: Request, sim: Simulator) -> Result:
    product = _catalog().get(request.path_params["product_id"].upper())
    if product is None:
        raise legacy_error(404, 404, "Product not found.")
    items = [
        {"id": sid, "productId": request.path_params["product_id"].upper(), "title": sku["title"],
         "minimumQuantity": 1, "maximumQuantity": sim.config.max_seats, "isTrial": False,
         "supportedBillingCycles": ["annual", "monthly"], "attributes": {"objectType": "Sku"}}
        for sid, sku in product["skus"].items()
    ]  # fmt: skip
    return (
        200,
        {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}},
        {},
    )


def get_availabilities(request: Request, sim: Simulator) -> Result:
    pid = request.path_params["product_id"].upper()
    product = _catalog().get(pid)
    sku = product["skus"].get(request.path_params["sku_id"]) if product else None
    if sku is None:
        raise legacy_error(404, 404, "SKU not found.")
    aid = sku["availability"]
    terms = [
        {"id": f"{aid}:P1Y", "duration": "P1Y", "description": "One-Year commitment",
         "billingCycle": "Annual",
         "cancellationPolicies": [{"refundOptions": [{"sequenceId": 1, "type": "Full", "expiresAfter": "P7D"}]}]},
        {"id": f"{aid}:P1M", "duration": "P1M", "description": "One-Month commitment",
         "billingCycle": "Monthly",
         "cancellationPolicies": [{"refundOptions": [{"sequenceId": 1, "type": "Full", "expiresAfter": "P7D"}]}]},
    ]  # fmt: skip
    item = {
        "id": aid, "productId": pid, "skuId": request.path_params["sku_id"],
        "catalogItemId": f"{pid}:{request.path_params['sku_id']}:{aid}",
        "defaultCurrency": {"code": "USD", "symbol": "$"}, "segment": "commercial",
        "country": request.query_params.get("country", "US"), "isPurchasable": True,
        "isRenewable": True, "terms": terms, "attributes": {"objectType": "Availability"},
    }  # fmt: skip
    return 200, {"totalCount": 1, "items": [item], "attributes": {"objectType": "Collection"}}, {}


def _known_items() -> set[str]:
    from pcsimulator.seed import OFFERS

    return {offer for offer, _name in OFFERS}


async def create_cart(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    try:
        body = lowered(await request.json())
    except ValueError:
        raise legacy_error(400, 400, "The request body is not JSON.") from None
    lines = []
    for n, line in enumerate(body.get("lineitems") or []):
        item = str(line.get("catalogitemid") or "")
        quantity = int(line.get("quantity") or 0)
        out: dict[str, Any] = {
            "id": n, "catalogItemId": item, "quantity": quantity, "currencyCode": "USD",
            "billingCycle": line.get("billingcycle", "Annual"),
            "termDuration": line.get("termduration", "P1Y"), "provisioningContext": {},
            "orderGroup": "0",
        }  # fmt: skip
        if item not in _known_items():
            out["error"] = {"errorCode": 10001, "errorDescription": "Invalid catalog item ID.",
                            "additionalInformation": item}  # fmt: skip
        elif quantity > sim.config.max_seats:
            out["error"] = {"errorCode": 10015, "errorDescription": "Maximum seats exceeded.",
                            "additionalInformation": str(sim.config.max_seats)}  # fmt: skip
        lines.append(out)
    cart_id = str(uuid.uuid4())
    now = sim.now()
    cart = {
        "id": cart_id, "creationTimestamp": iso(now), "lastModifiedTimestamp": iso(now),
        "expirationTimestamp": iso(now + dt.timedelta(days=7)), "status": "Active",
        "lineItems": lines, "attributes": {"objectType": "Cart"},
    }  # fmt: skip
    with sim.lock:
        sim.carts[cart_id] = {"customer": c.tenant_id, "cart": cart, "checked_out": False}
    return 201, cart, {}


def checkout(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    with sim.lock:
        found = sim.carts.get(request.path_params["cart_id"])
        if found is None or found["customer"] != c.tenant_id:
            raise legacy_error(404, 404, "Cart not found.")
        if found["checked_out"]:
            raise legacy_error(409, 800064, "The cart was processed by another request.")
        if c.validation_status in {"UnderReview", "Unknown", "Not Ready"}:
            raise legacy_error(403, 800073, "Customer account is under review.")
        if c.validation_status == "NotAllowed":
            raise legacy_error(403, 800075, "Customer account is not approved.")
        if not c.mca_signed:
            raise legacy_error(403, 13605, "The customer has not accepted the Microsoft "
                               "Customer Agreement.")  # fmt: skip
        found["checked_out"] = True
        good = [line for line in found["cart"]["lineItems"] if "error" not in line]
        bad = [line for line in found["cart"]["lineItems"] if "error" in line]
        orders = []
        if good:
            order_id = str(uuid.uuid4())
            order = {"id": order_id, "customer": c.tenant_id, "status": "pending",
                     "ready_at": time.monotonic() + sim.config.provisioning_seconds,
                     "lines": [dict(line) for line in good]}  # fmt: skip
            sim.orders[order_id] = order
            orders.append(_order_body(order))
        errors = [{"orderGroupId": "0", "code": line["error"]["errorCode"],
                   "description": line["error"]["errorDescription"]} for line in bad]  # fmt: skip
    sim.provision_due()
    return 201, {"orders": orders, "orderErrors": errors,
                 "attributes": {"objectType": "CartCheckoutResult"}}, {}  # fmt: skip


def _order_body(order: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": order["id"], "referenceCustomerId": order["customer"], "billingCycle": "annual",
        "currencyCode": "USD",
        "lineItems": [
            {"lineItemNumber": n, "offerId": line["catalogItemId"], "quantity": line["quantity"],
             "termDuration": line["termDuration"], "transactionType": "New",
             **({"subscriptionId": line["subscriptionId"]} if "subscriptionId" in line else {})}
            for n, line in enumerate(order["lines"])
        ],
        "status": order["status"], "transactionType": "UserPurchase",
        "attributes": {"objectType": "Order"},
    }  # fmt: skip


def get_order(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    sim.provision_due()
    with sim.lock:
        order = sim.orders.get(request.path_params["order_id"])
        if order is None or order["customer"] != c.tenant_id:
            raise legacy_error(404, 20000, "Order not found.")
        return 200, _order_body(order), {}


def get_mca_status(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    return 200, {"isSigned": c.mca_signed, "attributes": {"objectType": "DirectSignStatus"}}, {}


def get_one_subscription(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    found = sim.find_subscription(c.tenant_id, request.path_params["subscription_id"])
    if found is None:
        raise legacy_error(404, 20000, "Subscription not found.")
    return 200, subscription(found), {}


async def patch_subscription(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    s = sim.find_subscription(c.tenant_id, request.path_params["subscription_id"])
    if s is None:
        raise legacy_error(404, 20000, "Subscription not found.")
    try:
        body = lowered(await request.json())
    except ValueError:
        raise legacy_error(400, 400, "The request body is not JSON.") from None
    sent = request.headers.get("If-Match", "").strip('"') or str(
        (body.get("attributes") or {}).get("etag", "")
    )
    with sim.lock:
        if sent != str(s.etag):
            if sim.config.stale_etag_status == 412:
                raise legacy_error(412, 412, "Precondition failed.")
            raise legacy_error(400, 2055, "Etag is no longer valid.")
        if c.validation_status in {"UnderReview", "Unknown", "Not Ready"}:
            raise legacy_error(403, 800073, "Customer account is under review.")
        if c.validation_status == "NotAllowed":
            raise legacy_error(403, 800075, "Customer account is not approved.")
        now = sim.now()
        quantity = int(body.get("quantity", s.quantity))
        status = str(body.get("status", s.status)).lower()
        if quantity != s.quantity and s.status == "suspended" and status == "suspended":
            raise legacy_error(400, 2001, "Quantity cannot be changed while suspended.")
        if quantity < s.quantity:
            within = s.refund_until is not None and now <= s.refund_until
            if not within or s.quantity - quantity > s.refundable:
                raise legacy_error(400, 800090, "Subscription quantity cannot be decreased.")
        closed = s.cancel_until is None or now > s.cancel_until
        if status == "deleted" and s.status != "deleted" and closed:
            raise legacy_error(400, 900117, f"Passed your {sim.config.refund_days}-day "
                               "cancellation window.")  # fmt: skip
        old = {"quantity": s.quantity, "status": s.status}
        if quantity < s.quantity:
            s.refundable -= s.quantity - quantity
        elif quantity > s.quantity:
            s.refundable += quantity - s.quantity
            s.refund_until = now + dt.timedelta(days=sim.config.refund_days)
        s.quantity = quantity
        s.status = status
        # A body without autoRenewEnabled resets it (partner-center-api.md §8): send it whole.
        s.auto_renew = bool(body.get("autorenewenabled", False))
        s.etag += 1
        sim.record(c, "subscription", "update_subscription", old,
                   {"quantity": s.quantity, "status": s.status})  # fmt: skip
    return 200, subscription(s), {}


def reseller(r: SimReseller) -> dict[str, Any]:
    return {
        "id": r.tenant_id,
        "name": r.name,
        "relationshipType": "is_indirect_cloud_solution_provider_of",
        "state": r.state,
        "mpnId": r.mpn_id,
        "location": r.location,
        "attributes": {"objectType": "PartnerRelationship"},
    }


# -- paging -----------------------------------------------------------------------------------------


def page_size(request: Request, sim: Simulator) -> int:
    raw = request.query_params.get("size", "0")
    try:
        size = int(raw)
    except ValueError:
        raise legacy_error(400, 400, "The size parameter is not a number.") from None
    return sim.config.max_page_size if size <= 0 else min(size, sim.config.max_page_size)


def paged(
    request: Request,
    sim: Simulator,
    kind: str,
    query: dict[str, Any],
    items: list[Any],
    path: str,
    render: Callable[[Any], dict[str, Any]] = lambda item: dict(item),
) -> dict[str, Any]:
    """One page of ``items``, continuing from the request's MS-ContinuationToken."""
    offset = 0
    token = request.headers.get("MS-ContinuationToken")
    key = json.dumps({"kind": kind, **query}, sort_keys=True)
    if request.query_params.get("seekOperation") or token:
        if not token:
            raise legacy_error(400, 400, "The continuation token is missing.")
        found = sim.read_continuation(token, key)
        if found is None:
            raise legacy_error(400, 400, "The continuation token is invalid or has expired.")
        offset = found
    size = int(query["size"])
    chunk = [render(item) for item in items[offset : offset + size]]
    body: dict[str, Any] = {
        "totalCount": len(chunk),
        "items": chunk,
        "links": {"self": link(f"/v1/{path}?size={size}")},
        "attributes": {"objectType": "Collection"},
    }
    if offset + size < len(items):
        continuation = sim.continuation(key, offset + size)
        # Relative URIs, with or without /v1, as the real samples disagree (§3).
        prefix = "/v1" if (offset // size) % 2 else ""
        body["links"]["next"] = link(
            f"{prefix}/{path}?size={size}&seekOperation=Next",
            [{"key": "MS-ContinuationToken", "value": continuation}],
        )
        body["continuationToken"] = continuation
    return body


# -- handlers ---------------------------------------------------------------------------------------


def find_customer(request: Request, sim: Simulator) -> SimCustomer:
    tenant = request.path_params["customer_id"].lower()
    found = sim.customers.get(tenant)
    if found is None:
        raise legacy_error(404, 60003, "Tenant not found.")
    return found


def list_customers(request: Request, sim: Simulator) -> Result:
    size = page_size(request, sim)
    raw_filter = request.query_params.get("filter")
    token = request.headers.get("MS-ContinuationToken")
    query: dict[str, Any] = {"size": size}
    listed = sim.listed()
    if raw_filter and not token:
        try:
            search = {k.lower(): v for k, v in json.loads(raw_filter).items()}
        except (ValueError, AttributeError):
            raise legacy_error(400, 400, "The filter is not valid JSON.") from None
        if str(search.get("operator", "")).lower() != "starts_with":
            raise legacy_error(400, 400, "Only the starts_with operator is supported.")
        query["filter"] = [str(search.get("field", "")), str(search.get("value", "")).lower()]
    elif token:
        # The token knows its query; find it again by trying the plain list first.
        plain = json.dumps({"kind": "customers", "size": size}, sort_keys=True)
        if sim.read_continuation(token, plain) is None:
            for candidate in _filters_in(sim, token):
                query["filter"] = candidate
                break
    if "filter" in query:
        field_name, value = query["filter"]
        listed = [c for c in listed if _matches(c, field_name, value)]
    return 200, paged(request, sim, "customers", query, listed, "customers", customer), {}


def _filters_in(sim: Simulator, token: str) -> list[list[str]]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))[12:]
        data = json.loads(raw)
        return [json.loads(data["q"])["filter"]]
    except (ValueError, KeyError, binascii.Error, TypeError):
        return []


def _matches(c: SimCustomer, field_name: str, value: str) -> bool:
    name = field_name.lower()
    if name == "companyname":
        return c.company_name.lower().startswith(value)
    if name == "domain":
        return c.domain.lower().startswith(value)
    if name in {"indirectreseller", "indirectcloudsolutionprovider"}:
        return (c.reseller_id or "").startswith(value)
    raise legacy_error(400, 400, f"Unknown search field {field_name}.")


def get_customer(request: Request, sim: Simulator) -> Result:
    return 200, customer(find_customer(request, sim), full=True), {}


async def patch_customer(request: Request, sim: Simulator) -> Result:
    """Remove the reseller relationship: {"relationshipToPartner":"none"} (App+User only)."""
    c = find_customer(request, sim)
    if _app_only(request):
        raise new_error(403, 600006, "ActionNotAllowed", "The requested action is not allowed.")
    try:
        body = lowered(await request.json())
    except ValueError:
        raise legacy_error(400, 400, "The request body is not JSON.") from None
    if str(body.get("relationshiptopartner", "")).lower() != "none":
        raise legacy_error(400, 400, "Only relationshipToPartner none can be set.")
    with sim.lock:
        active = [s for s in sim.subscriptions(c.tenant_id) if s.status == "active"]
        if active:
            raise legacy_error(400, 400, "Suspend the customer's active subscriptions first.")
        c.relationship = "none"
        sim.record(c, "customer", "remove_partner_customer_relationship")
    # The answer echoes a PascalCase Customer with mostly nulls (partner-center-api.md §3).
    return 200, {"Id": c.tenant_id, "CommerceId": None, "CompanyProfile": None,
                 "BillingProfile": None, "RelationshipToPartner": "none",
                 "AllowDelegatedAccess": None, "UserCredentials": None,
                 "Attributes": {"ObjectType": "Customer"}}, {}  # fmt: skip


def get_company_profile(request: Request, sim: Simulator) -> Result:
    return 200, company_profile(find_customer(request, sim), full=True), {}


def get_billing_profile(request: Request, sim: Simulator) -> Result:
    return 200, billing_profile(find_customer(request, sim)), {}


async def put_billing_profile(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    body = {k.lower(): v for k, v in (await request.json()).items()}
    sent = request.headers.get("If-Match", "").strip('"') or str(
        {k.lower(): v for k, v in body.get("attributes", {}).items()}.get("etag", "")
    )
    current = billing_profile(c)["attributes"]["etag"]
    if sent != current:
        if sim.config.stale_etag_status == 412:
            raise legacy_error(412, 412, "Precondition failed.")
        raise legacy_error(400, 2055, "Etag is no longer valid.")
    with sim.lock:
        old = c.company_name
        c.company_name = str(body.get("companyname", c.company_name))
        c.billing_etag += 1
        sim.record(
            c,
            "customer",
            "update_customer_billing_profile",
            {"companyName": old},
            {"companyName": c.company_name},
        )
    return 200, billing_profile(c), {}


def get_validation_status(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    if c.validation_status is None:
        raise new_error(404, 600074, "AccountStatusNotFound", "Account status not found.")
    return (
        200,
        {
            "type": "account",
            "status": c.validation_status,
            "lastUpdateDateTime": "2026-01-14T18:02:00",
        },
        {},
    )


def get_subscriptions(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    items = [subscription(s) for s in sim.subscriptions(c.tenant_id)]
    return (
        200,
        {
            "totalCount": len(items),
            "items": items,
            "links": {},
            "attributes": {"objectType": "Collection"},
        },
        {},
    )


def get_customer_relationships(request: Request, sim: Simulator) -> Result:
    c = find_customer(request, sim)
    items = [reseller(r) for r in sim.resellers if r.tenant_id == c.reseller_id]
    return (
        200,
        {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}},
        {},
    )


def get_relationships(request: Request, sim: Simulator) -> Result:
    kind = request.query_params.get("relationship_type", "")
    if kind.lower() != "isindirectcloudsolutionproviderof":
        items: list[dict[str, Any]] = []
    else:
        items = [reseller(r) for r in sim.resellers]
    return (
        200,
        {"totalCount": len(items), "items": items, "attributes": {"objectType": "Collection"}},
        {},
    )


def get_relationship_request(request: Request, sim: Simulator) -> Result:
    url = (
        "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"
        f"&partnerId={sim.partner_tenant}&msppId=0&DAP=false#/BillingAccounts/partner-invitation"
    )
    return 200, {"url": url, "attributes": {"objectType": "RelationshipRequest"}}, {}


def head_domain(request: Request, sim: Simulator) -> Result:
    domain = request.path_params["domain"].lower()
    with sim.lock:
        taken = domain in sim.seed_domains or any(
            c.domain.lower() == domain for c in sim.customers.values()
        )
    return (200 if taken else 404), None, {}


def lowered(value: Any) -> Any:
    """Request keys in any case (PascalCase or camelCase), lower-cased all the way down."""
    if isinstance(value, dict):
        return {str(k).lower(): lowered(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lowered(v) for v in value]
    return value


REGISTRATION_REQUIRED = {
    "AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA", "BR", "IN", "ZA", "PL",
    "AE", "SA", "TR", "TH", "VN", "MM", "IQ", "SS", "VE",
}  # fmt: skip
PHONE_REQUIRED = {"RU", "IN", "BR", "TR", "ZA", "VN"}


def _app_only(request: Request) -> bool:
    header = request.headers.get("Authorization", "")
    claims = _claims(header[7:].strip()) if header.lower().startswith("bearer ") else {}
    return claims.get("idtyp") == "app"


async def create_customer(request: Request, sim: Simulator) -> Result:
    try:
        body = lowered(await request.json())
    except ValueError:
        raise legacy_error(400, 400, "The request body is not JSON.") from None
    company = body.get("companyprofile") or {}
    billing = body.get("billingprofile") or {}
    address = billing.get("defaultaddress") or {}
    domain = str(company.get("domain") or "").lower()
    if not domain or not billing.get("companyname") or not address.get("country"):
        raise legacy_error(400, 400, "CompanyProfile.Domain, BillingProfile.CompanyName and "
                           "DefaultAddress.Country are required.")  # fmt: skip
    country = str(address["country"]).upper()
    registration = str(company.get("organizationregistrationnumber") or "")
    if country in REGISTRATION_REQUIRED and not registration:
        raise new_error(400, 600049, "OrganizationRegistrationNumberMissing",
                        "The organization registration number is required in this country.")  # fmt: skip
    if registration and country not in REGISTRATION_REQUIRED:
        raise new_error(400, 600002, "OrganizationRegistrationNumberNotSupported",
                        "The organization registration number is not supported in this country.")  # fmt: skip
    phone = str(address.get("phonenumber") or "")
    if country in PHONE_REQUIRED and not phone:
        raise new_error(400, 600051, "PhoneNumberMissing",
                        "The customer's phone number is required in this country.")  # fmt: skip
    associated = str(body.get("associatedpartnerid") or "").lower()
    if associated:
        if _app_only(request):
            raise new_error(403, 600006, "ActionNotAllowed", "The requested action is not allowed.")
        if associated not in {r.tenant_id.lower() for r in sim.resellers}:
            raise legacy_error(400, 400, "The associated partner has no relationship with you.")
    with sim.lock:
        taken = domain in sim.seed_domains or any(
            c.domain.lower() == domain for c in sim.customers.values()
        )
        if taken:
            raise legacy_error(sim.config.domain_taken_status, sim.config.domain_taken_code,
                               f"The domain {domain} is already in use.")  # fmt: skip
        gdap = body.get("enablegdapbydefault")
        made = SimCustomer(
            tenant_id=str(uuid.uuid4()),
            commerce_id=str(uuid.uuid4()),
            company_name=str(billing["companyname"]),
            domain=domain,
            country=country,
            culture=str(billing.get("culture") or "en-US"),
            city=str(address.get("city") or ""),
            address_line1=str(address.get("addressline1") or ""),
            postal_code=str(address.get("postalcode") or ""),
            email=str(billing.get("email") or ""),
            first_name=str(address.get("firstname") or ""),
            last_name=str(address.get("lastname") or ""),
            relationship="reseller",
            reseller_id=associated or None,
            validation_status=sim.config.new_customer_validation,
            created=sim.now(),
            state=str(address.get("state") or ""),
            phone=phone,
            registration_number=registration,
            gdap_by_default=True if gdap is None else bool(gdap),
        )
        sim.customers[made.tenant_id] = made
        sim.order.append(made.tenant_id)
        sim.posted.append(made.tenant_id)
        sim.subscriptions(made.tenant_id).clear()
        sim.record(made, "customer", "add_customer", new={"companyName": made.company_name})
    answer = customer(made, full=True)
    answer["enableGDAPByDefault"] = made.gdap_by_default
    answer["relationshipToPartner"] = "reseller" if associated else "none"
    if associated:
        answer["allowDelegatedAccess"] = True
    answer["userCredentials"] = {"userName": "admin", "password": _password()}
    return 201, answer, {}


def _password() -> str:
    import secrets

    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789=;.!"
    return "".join(secrets.choice(alphabet) for _ in range(12))


ADDRESS_STATUSES = (
    "VerifiedShippable", "Verified", "InteractionRequired", "StreetPartial",
    "PremisesPartial", "Multiple", "None", "NotValidated",
)  # fmt: skip


async def validate_address(request: Request, sim: Simulator) -> Result:
    body = {k.lower(): v for k, v in (await request.json()).items()}
    missing = [k for k in ("addressline1", "city", "postalcode", "country") if not body.get(k)]
    if missing:
        raise legacy_error(400, 400, f"Missing: {', '.join(missing)}")
    original = {
        "country": body["country"],
        "city": body["city"],
        "state": body.get("state") or "",
        "addressLine1": body["addressline1"],
        "postalCode": body["postalcode"],
    }
    # Deterministic by the first line: "status:<Name>" picks a status, else VerifiedShippable.
    line = str(body["addressline1"])
    status = "VerifiedShippable"
    if line.lower().startswith("status:"):
        status = line.split(":", 1)[1].strip()
    counts = {"VerifiedShippable": 1, "Verified": 1, "InteractionRequired": 1, "StreetPartial": 3,
              "PremisesPartial": 2, "Multiple": 3}  # fmt: skip
    suggestions = [
        {**original, "postalCode": f"{original['postalCode']}-{n:04d}"}
        for n in range(counts.get(status, 0))
    ]
    answer: dict[str, Any] = {
        "originalAddress": original,
        "suggestedAddresses": suggestions,
        "status": status,
    }
    if status not in {"VerifiedShippable", "Verified"}:
        answer["validationMessage"] = (
            "Address field invalid for property: 'Region', 'PostalCode', 'City'"
        )
    return 200, answer, {}


COUNTRY_RULES: dict[str, dict[str, Any]] = {
    "US": {"iso2Code": "US", "defaultCulture": "en-US", "isStateRequired": True,
           "supportedStatesList": ["WA", "CA", "NY", "TX"], "supportedLanguagesList": ["en"],
           "supportedCulturesList": ["en-US"], "isPostalCodeRequired": True,
           "postalCodeRegex": "^\\d{5}(-\\d{4})?$", "isCityRequired": True,
           "countryCallingCodesList": ["1"], "customerOrganizationRegistrationNumberRequired": False},
    "GB": {"iso2Code": "GB", "defaultCulture": "en-GB", "isStateRequired": False,
           "supportedLanguagesList": ["en"], "supportedCulturesList": ["en-GB"],
           "isPostalCodeRequired": True, "isCityRequired": True, "countryCallingCodesList": ["44"]},
    "DE": {"iso2Code": "DE", "defaultCulture": "de-DE", "isStateRequired": False,
           # the doc sample's shape: {value: [...]}
           "supportedLanguages": {"value": ["de", "en"]}, "supportedCulturesList": ["de-DE"],
           "isPostalCodeRequired": True, "postalCodeRegex": "^\\d{5}$", "isCityRequired": True,
           "countryCallingCodesList": ["49"]},
    "RU": {"iso2Code": "RU", "defaultCulture": "ru-RU", "isStateRequired": False,
           "supportedLanguagesList": ["ru"], "isPostalCodeRequired": True, "isCityRequired": True,
           "customerOrganizationRegistrationNumberRequired": True,
           "customerOrganizationRegistrationNumberRegex": "^\\d{10}(\\d{2})?$",
           "customerOrganizationRegistrationNumberSample": "7707083893",
           "customerOrganizationPhoneNumberRequired": True, "countryCallingCodesList": ["7"]},
    "IN": {"iso2Code": "IN", "defaultCulture": "en-IN", "isStateRequired": True,
           "supportedLanguagesList": ["en", "hi"], "isPostalCodeRequired": True,
           "isCityRequired": True, "customerOrganizationPhoneNumberRequired": True,
           "customerOrganizationRegistrationNumberRequired": True, "countryCallingCodesList": ["91"]},
}  # fmt: skip


def get_country_rules(request: Request, sim: Simulator) -> Result:
    rules = COUNTRY_RULES.get(request.path_params["country"].upper())
    if rules is None:
        raise legacy_error(404, 404, "Country not found.")
    return 200, rules, {}


def get_audit_records(request: Request, sim: Simulator) -> Result:
    today = sim.now().date()
    token = request.headers.get("MS-ContinuationToken")
    try:
        start = dt.date.fromisoformat(
            request.query_params.get("startDate") or str(today - dt.timedelta(days=30))
        )
        end_raw = request.query_params.get("endDate")
        end = dt.date.fromisoformat(end_raw) if end_raw else None
    except ValueError:
        raise legacy_error(400, 400, "startDate and endDate are dates (YYYY-MM-DD).") from None
    if not token and start < today - dt.timedelta(days=90):
        raise legacy_error(400, 400, "The start date is more than 90 days back.")
    size = page_size(request, sim)
    query = {"size": size, "start": str(start), "end": str(end)}
    with sim.lock:
        records = [
            a for a in sim.audit
            if a.operation_date.date() >= start and (end is None or a.operation_date.date() <= end)
        ]  # fmt: skip
    items = [
        {
            "id": a.id,
            "partnerId": sim.partner_tenant,
            "customerId": a.customer_id,
            "customerName": a.customer_name,
            "userPrincipalName": "admin@partner.onmicrosoft.com",
            "resourceType": a.resource_type,
            "resourceOldValue": a.old_value,
            "resourceNewValue": a.new_value,
            "operationType": a.operation_type,
            "originalCorrelationId": str(uuid.uuid4()),
            "operationDate": iso(a.operation_date),
            "operationStatus": "succeeded",
            "customizedData": [],
            "attributes": {"objectType": "AuditRecord"},
        }
        for a in records
    ]
    return 200, paged(request, sim, "audit", query, items, "auditrecords"), {}


# -- the gate every request passes ----------------------------------------------------------------------


def _claims(token: str) -> dict[str, Any]:
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    try:
        return dict(json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))))
    except (ValueError, binascii.Error, TypeError):
        return {}


def authenticate(request: Request, sim: Simulator) -> None:
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    realm = {"WWW-Authenticate": f"OAuth realm=urn:cpsvc:cpid:{sim.partner_tenant}"}
    accepted = sim.config.accepted_tokens
    if not token or (accepted is not None and token not in accepted):
        raise ApiError(
            401,
            {"code": 400, "description": "Access denied", "data": [], "source": "PartnerFD"},
            realm,
        )
    with sim.lock:
        sim.token_counts[token] += 1
        uses = sim.token_counts[token]
    if sim.config.token_uses is not None and uses > sim.config.token_uses:
        raise ApiError(
            401,
            {
                "code": 400,
                "description": "The access token has expired.",
                "data": [],
                "source": "PartnerFD",
            },
            realm,
        )
    if sim.config.mfa_enforced:
        amr = _claims(token).get("amr")
        if not isinstance(amr, list) or "mfa" not in amr:
            raise ApiError(
                401,
                {
                    "code": 900421,
                    "description": "MFA claim missing in the token.",
                    "data": [],
                    "source": "PartnerFD",
                },
                realm,
            )


def endpoint(
    route: str, resource: str, handler: Callable[[Request, Simulator], Result | Awaitable[Result]]
) -> Callable[[Request], Awaitable[Response]]:
    async def serve(request: Request) -> Response:
        sim: Simulator = request.app.state.sim
        request_id = request.headers.get("MS-RequestId") or str(uuid.uuid4())
        correlation_id = request.headers.get("MS-CorrelationId") or str(uuid.uuid4())
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        replay_key = (request.method, path, request_id)
        with sim.lock:
            sim.requests += 1
        status, body_obj, extra = 500, None, {}
        fault = None
        try:
            authenticate(request, sim)
            if request.method not in {"GET", "HEAD"} and replay_key in sim.replayed:
                status, raw, headers = sim.replayed[replay_key]
                return _respond(
                    request, sim, status, raw, headers, request_id, correlation_id, path
                )
            if route in sim.config.forbidden_routes:
                raise legacy_error(403, 2032, "Access denied.")
            fault = sim.take_fault(route)
            if fault is not None and fault.kind == "429":
                raise _throttled(fault.retry_after)
            if fault is not None and fault.kind in {"503", "500"}:
                raise legacy_error(
                    int(fault.kind), int(fault.kind), "The service is temporarily unavailable."
                )
            if fault is not None and fault.kind == "timeout":
                await asyncio.sleep(sim.config.slow_seconds)
            # Per partner for collections, per partner+customer pair below a customer.
            customer_id = request.path_params.get("customer_id")
            wait = sim.throttle(f"{resource}/{customer_id.lower()}" if customer_id else resource)
            if wait is not None:
                raise _throttled(wait)
            outcome = handler(request, sim)
            if asyncio.iscoroutine(outcome):
                outcome = await outcome
            status, body_obj, extra = outcome  # type: ignore[misc]
        except ApiError as exc:
            status, body_obj, extra = exc.status, exc.body, exc.headers
        if status == 429:
            with sim.lock:
                sim.throttled += 1
        raw = b""
        if body_obj is not None:
            if sim.config.pascal_case:
                body_obj = pascal(body_obj)
            raw = json.dumps(body_obj, ensure_ascii=False, separators=(",", ":")).encode()
            if sim.config.bom:
                raw = BOM + raw
            extra = {"Content-Type": "application/json; charset=utf-8", **extra}
        if request.method not in {"GET", "HEAD"} and status < 500 and status != 429:
            sim.replayed[replay_key] = (status, raw, extra)
        if fault is not None and fault.kind == "late":
            # Done; the answer comes too late (or when a test sets slow_seconds to 0).
            waited = 0.0
            while waited < sim.config.slow_seconds:
                await asyncio.sleep(0.05)
                waited += 0.05
        if fault is not None and fault.kind == "reset":
            return _reset(request, sim, raw, extra, request_id, correlation_id, path)
        return _respond(request, sim, status, raw, extra, request_id, correlation_id, path)

    return serve


def _throttled(seconds: int) -> ApiError:
    return ApiError(
        429,
        {"statusCode": 429, "message": f"Rate limit is exceeded. Try again in {seconds} seconds."},
        {"Retry-After": str(seconds)},
    )


def _headers(
    request: Request, sim: Simulator, extra: dict[str, str], request_id: str, correlation_id: str
) -> dict[str, str]:
    locale = request.headers.get("X-Locale", "en-US")
    headers = {
        "MS-RequestId": request_id,
        "MS-CorrelationId": correlation_id,
        "MS-CV": base64.b64encode(uuid.uuid4().bytes[:9]).decode() + ".0",
        "MS-ServerId": "pcsimulator",
        "X-Locale": locale,
        **extra,
    }
    if sim.config.duplicate_headers:
        for name in ("MS-RequestId", "MS-CorrelationId", "X-Locale"):
            headers[name] = f"{headers[name]},{headers[name]}"
    return headers


def _log(
    request: Request, sim: Simulator, status: int, request_id: str, correlation_id: str, path: str
) -> None:
    with sim.lock:
        sim.hits.append(
            Hit(
                request.method,
                path,
                request_id,
                correlation_id,
                status,
                request.headers.get("MS-ContinuationToken", ""),
            )
        )


def _respond(
    request: Request,
    sim: Simulator,
    status: int,
    raw: bytes,
    extra: dict[str, str],
    request_id: str,
    correlation_id: str,
    path: str,
) -> Response:
    _log(request, sim, status, request_id, correlation_id, path)
    headers = _headers(request, sim, extra, request_id, correlation_id)
    media = headers.pop("Content-Type", None)
    return Response(
        raw if request.method != "HEAD" else b"",
        status_code=min(status, 599),
        headers=headers,
        media_type=media,
    )


def _reset(
    request: Request,
    sim: Simulator,
    raw: bytes,
    extra: dict[str, str],
    request_id: str,
    correlation_id: str,
    path: str,
) -> Response:
    """Half the body, then the connection drops (what a reset mid-page looks like)."""
    _log(request, sim, 200, request_id, correlation_id, path)
    headers = _headers(request, sim, extra, request_id, correlation_id)
    media = headers.pop("Content-Type", None)

    async def halves() -> AsyncIterator[bytes]:
        yield raw[: max(1, len(raw) // 2)]
        raise ConnectionResetError("simulated connection reset")

    return StreamingResponse(halves(), status_code=200, headers=headers, media_type=media)


async def sim_changes(request: Request) -> Response:
    """Test hook (no Partner Center route): make ``count`` changes now, as a day's work."""
    from pcsimulator.changes import make_changes

    sim: Simulator = request.app.state.sim
    count = int(request.query_params.get("count", "1"))
    make_changes(sim, count, seed=int(request.query_params.get("seed", "7")))
    return Response(json.dumps({"changes": count}), media_type="application/json")


async def sim_stats(request: Request) -> Response:
    """Test hook: what the simulator has served."""
    sim: Simulator = request.app.state.sim
    body = {"requests": sim.requests, "throttled": sim.throttled, "customers": len(sim.customers)}
    return Response(json.dumps(body), media_type="application/json")


def build_app(sim: Simulator) -> Starlette:
    routes = [
        Route(
            "/v1/customers",
            endpoint("customers.list", "customers", list_customers),
            methods=["GET"],
        ),
        Route(
            "/v1/customers",
            endpoint("customers.create", "customers", create_customer),
            methods=["POST"],
        ),
        Route(
            "/v1/customers/relationshiprequests",
            endpoint("relationshiprequests", "customers", get_relationship_request),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}",
            endpoint("customers.get", "customers", get_customer),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}",
            endpoint("customers.patch", "customers", patch_customer),
            methods=["PATCH"],
        ),
        Route(
            "/v1/customers/{customer_id}/profiles/company",
            endpoint("profiles", "customers", get_company_profile),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/profiles/billing",
            endpoint("profiles", "customers", get_billing_profile),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/profiles/billing",
            endpoint("profiles.put", "customers", put_billing_profile),
            methods=["PUT"],
        ),
        Route(
            "/v1/customers/{customer_id}/validationStatus",
            endpoint("validation", "customers", get_validation_status),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/subscriptions",
            endpoint("subscriptions", "subscriptions", get_subscriptions),
            methods=["GET"],
        ),
        Route("/v1/products", endpoint("products", "products", get_products), methods=["GET"]),
        Route(
            "/v1/products/{product_id}/skus",
            endpoint("skus", "products", get_skus),
            methods=["GET"],
        ),
        Route(
            "/v1/products/{product_id}/skus/{sku_id}/availabilities",
            endpoint("availabilities", "products", get_availabilities),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/carts",
            endpoint("carts", "carts", create_cart),
            methods=["POST"],
        ),
        Route(
            "/v1/customers/{customer_id}/carts/{cart_id}/checkout",
            endpoint("checkout", "carts", checkout),
            methods=["POST"],
        ),
        Route(
            "/v1/customers/{customer_id}/orders/{order_id}",
            endpoint("orders.get", "orders", get_order),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/directSignedMicrosoftCustomerAgreementStatus",
            endpoint("mca.status", "customers", get_mca_status),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
            endpoint("subscription.get", "subscriptions", get_one_subscription),
            methods=["GET"],
        ),
        Route(
            "/v1/customers/{customer_id}/subscriptions/{subscription_id}",
            endpoint("subscription.patch", "subscriptions", patch_subscription),
            methods=["PATCH"],
        ),
        Route(
            "/v1/customers/{customer_id}/relationships",
            endpoint("customer.relationships", "customers", get_customer_relationships),
            methods=["GET"],
        ),
        Route(
            "/v1/relationships",
            endpoint("relationships", "relationships", get_relationships),
            methods=["GET"],
        ),
        Route(
            "/v1/auditrecords",
            endpoint("auditrecords", "auditrecords", get_audit_records),
            methods=["GET"],
        ),
        Route(
            "/v1/domains/{domain}",
            endpoint("domains", "domains", head_domain),
            methods=["HEAD", "GET"],
        ),
        Route(
            "/v1/validations/address",
            endpoint("validations.address", "validations", validate_address),
            methods=["POST"],
        ),
        Route(
            "/v1/countryvalidationrules/{country}",
            endpoint("countryrules", "countryvalidationrules", get_country_rules),
            methods=["GET"],
        ),
        Route("/_sim/changes", sim_changes, methods=["POST"]),
        Route("/_sim/stats", sim_stats, methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.state.sim = sim
    return app


def quote_segment(value: str) -> str:
    return quote(value, safe="")
