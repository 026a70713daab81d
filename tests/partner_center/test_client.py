"""The client against the simulator over real sockets: ids, retries, throttling, paging and the
tolerant parsing of what Partner Center really sends."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pcdesk.partner_center import resources as r
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient, RateLimiter, resource_of
from pcdesk.partner_center.errors import (
    ApiFailure,
    MfaRequired,
    NotFoundInPartnerCenter,
    SignInRequired,
    Unreachable,
)
from pcsimulator.state import Fault, Simulator

from .conftest import Sleeps, jwt

MakeClient = Callable[..., PartnerCenterClient]


def test_paging_follows_next_links_to_the_end(sim: Simulator, client: PartnerCenterClient) -> None:
    listed = list(client.customers(size=7))
    assert [c.tenant_id for c in listed] == sim.order
    assert len({c.tenant_id for c in listed}) == 60
    pages = sim.hits_of("/v1/customers")
    assert len(pages) == 9  # 60 / 7, rounded up
    # the first without a continuation token, the others with the one the last page gave
    assert pages[0].continuation == "" and all(hit.continuation for hit in pages[1:])
    assert all("seekOperation=Next" in hit.path for hit in pages[1:])
    first = listed[0]
    assert first.domain.endswith(".onmicrosoft.com") and first.relationship == "reseller"


def test_every_call_has_its_ids_and_the_locale(sim: Simulator, client: PartnerCenterClient) -> None:
    client.locale = "zh-TW"
    client.indirect_resellers()
    client.indirect_resellers()
    first, second = sim.hits_of("/v1/relationships")
    assert first.request_id != second.request_id
    assert first.correlation_id != second.correlation_id


def test_retries_keep_the_request_id_and_back_off(
    sim: Simulator, client: PartnerCenterClient, sleeps: Sleeps
) -> None:
    sim.inject("relationships", Fault("503", count=2))
    assert len(client.indirect_resellers()) == 3
    hits = sim.hits_of("/v1/relationships")
    assert [hit.status for hit in hits] == [503, 503, 200]
    assert len({hit.request_id for hit in hits}) == 1  # Partner Center's idempotency key
    assert client.stats.retried == 2 and len(sleeps.waits) == 2


def test_503s_that_do_not_stop_become_a_message_with_the_request_id(
    sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.inject("relationships", Fault("503", count=10))
    with pytest.raises(ApiFailure) as failed:
        client.indirect_resellers()
    error = failed.value
    assert error.status == 503 and error.code == "503"
    assert error.request_id and error.request_id in error.message
    assert "Traceback" not in error.message
    assert len(sim.hits_of("/v1/relationships")) == 4


def test_a_429_storm_is_waited_out(
    sim: Simulator, client: PartnerCenterClient, sleeps: Sleeps
) -> None:
    sim.inject("customers.list", Fault("429", count=6, retry_after=3))
    assert len(list(client.customers(size=100))) == 60
    assert sleeps.waits == [3.0] * 6
    assert client.stats.throttled == 6
    assert sim.throttled == 6


def test_the_simulators_limiter_throttles_and_the_clients_keeps_under_it(
    sim: Simulator, make_client: MakeClient, sleeps: Sleeps
) -> None:
    sim.config.limiter = True
    sim.config.rate_limit = 5
    sim.config.rate_window = 60.0
    eager = make_client()
    for _ in range(5):
        eager.indirect_resellers()
    with pytest.raises(ApiFailure) as throttled:
        make_client(retry=None).request("GET", "/relationships", params={})
    assert throttled.value.status == 429 or sim.throttled > 0

    clock = [0.0]
    waited: list[float] = []

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        clock[0] += seconds

    limiter = RateLimiter(3, 60.0, clock=lambda: clock[0], sleep=sleep)
    for _ in range(7):
        limiter.acquire("customers")
        clock[0] += 1.0
    assert waited == [57.0, 57.0]  # the 4th and 7th wait for the window to move on
    limiter.acquire("subscriptions/x")  # another resource: no wait
    assert len(waited) == 2


def test_a_connection_reset_mid_page_is_retried(
    sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.inject("customers.list", Fault("reset", count=1, after=2))
    listed = list(client.customers(size=10))
    assert [c.tenant_id for c in listed] == sim.order
    hits = sim.hits_of("/v1/customers")
    assert len(hits) == 7 and hits[2].request_id == hits[3].request_id


def test_a_server_that_keeps_dropping_the_connection_is_unreachable(
    sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.inject("relationships", Fault("reset", count=10))
    with pytest.raises(Unreachable) as failed:
        client.indirect_resellers()
    assert "could not be reached" in failed.value.message


def test_bom_pascal_case_and_doubled_headers_are_read(
    sim: Simulator, client: PartnerCenterClient
) -> None:
    sim.config.bom = True
    sim.config.pascal_case = True
    sim.config.duplicate_headers = True
    listed = list(client.customers(size=25))
    assert len(listed) == 60 and all(c.company_name and c.domain for c in listed)
    one = client.customer(sim.order[4])
    assert one.company_name == sim.customers[sim.order[4]].company_name
    assert one.billing_profile is not None and one.billing_profile.etag
    with pytest.raises(NotFoundInPartnerCenter) as missing:
        client.customer("00000000-0000-4000-8000-000000000000")
    assert missing.value.code == "60003"  # "Code": 60003, a number, in PascalCase
    assert "," not in missing.value.request_id


def test_an_expired_token_is_renewed_once(sim: Simulator, make_client: MakeClient) -> None:
    class Renewing:
        def __init__(self) -> None:
            self.current = "token-1"
            self.renewals = 0

        def token(self) -> str:
            return self.current

        def renew(self) -> bool:
            self.renewals += 1
            self.current = f"token-{self.renewals + 1}"
            return True

        @property
        def account_name(self) -> str | None:
            return None

    sim.config.token_uses = 2
    source = Renewing()
    client = make_client(source)
    for _ in range(4):
        client.indirect_resellers()
    assert source.renewals == 1 and client.stats.renewed_tokens == 1

    fixed = make_client(StaticTokenSource("token-fixed"))
    fixed.indirect_resellers()
    fixed.indirect_resellers()
    with pytest.raises(SignInRequired) as expired:
        fixed.indirect_resellers()
    assert "Sign in again" in expired.value.message and "token-fixed" not in expired.value.message


def test_partner_center_refusing_a_token_without_mfa(
    sim: Simulator, make_client: MakeClient
) -> None:
    sim.config.mfa_enforced = True
    with pytest.raises(MfaRequired):
        make_client(StaticTokenSource(jwt(upn="x@y", amr=["pwd"]))).indirect_resellers()
    assert make_client(StaticTokenSource(jwt(upn="x@y", amr=["mfa"]))).indirect_resellers()


def test_no_token_at_all_is_refused_with_www_authenticate(sim_url: str) -> None:
    import httpx

    answer = httpx.get(f"{sim_url}/v1/customers?size=1")
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("OAuth realm=urn:cpsvc:cpid:")


def test_the_read_operations(sim: Simulator, client: PartnerCenterClient) -> None:
    tenant = sim.order[0]
    customer = sim.customers[tenant]
    company = client.company_profile(tenant)
    assert (company.tenant_id, company.domain) == (tenant, customer.domain)
    assert company.address is not None and company.address.country == customer.country
    billing = client.billing_profile(tenant)
    assert billing.company_name == customer.company_name and billing.etag
    sim.set_validation(tenant, "UnderReview")
    status = client.validation_status(tenant)
    assert status is not None and status.blocks_transactions
    sim.set_validation(tenant, None)
    assert client.validation_status(tenant) is None  # 404/600074, the newer error shape
    resellers = client.indirect_resellers()
    assert {x.mpn_id for x in resellers} == {x.mpn_id for x in sim.resellers}
    assert resellers[0].relationship_type == "is_indirect_cloud_solution_provider_of"
    subs = client.subscriptions(tenant)
    assert [s.id for s in subs] == [s.id for s in sim.subscriptions(tenant)]
    for s in subs:
        assert s.product_id.startswith("CFQ7TTC0") and s.term_duration in {"P1M", "P1Y"}
    sim.rename(tenant, "Renamed Ltd")
    pages = list(client.audit_record_pages(sim.now().date().isoformat()))
    records = [record for page, _link in pages for record in page.items]
    assert [(x.customer_id, x.operation_type) for x in records] == [
        (tenant, "update_customer_billing_profile")
    ]
    assert client.relationship_request().url.startswith("https://admin.microsoft.com/")
    assert client.domain_taken(customer.domain)
    assert not client.domain_taken("free-for-you.onmicrosoft.com")
    checked = client.validate_address(
        r.Address(
            country="US",
            city="Redmond",
            state="WA",
            postal_code="98052",
            address_line1="status:Multiple",
        )
    )
    assert checked.status == "Multiple" and len(checked.suggested_addresses) == 3
    assert checked.validation_message
    rules = client.country_rules("RU")
    assert rules.registration_number_required and rules.phone_number_required
    assert client.country_rules("DE").supported_languages == ("de", "en")  # {"value": [...]}


def test_an_old_audit_start_and_a_stale_continuation_are_refused(
    sim: Simulator, client: PartnerCenterClient
) -> None:
    with pytest.raises(ApiFailure) as too_old:
        list(client.audit_record_pages("2020-01-01"))
    assert too_old.value.status == 400
    pages = client.customer_pages(size=10)
    next(pages)
    sim.invalidate_continuations()
    with pytest.raises(ApiFailure) as stale:
        next(pages)
    assert stale.value.status == 400


def test_links_resolve_with_or_without_v1_and_never_to_another_host(
    client: PartnerCenterClient,
) -> None:
    assert client.url_of("/customers?size=4") == "/v1/customers?size=4"
    assert client.url_of("/v1/customers?size=4") == "/v1/customers?size=4"
    assert client.url_of("customers/x") == "/v1/customers/x"
    assert client.url_of(client.base_url + "/v1/customers") == "/v1/customers"
    with pytest.raises(ValueError):
        client.url_of("https://elsewhere.example/v1/customers")
    assert resource_of("/v1/customers?size=1") == "customers"
    assert resource_of("/v1/customers/ABC/subscriptions") == "subscriptions/abc"
    assert resource_of("/v1/customers/abc") == "customers/abc"


def test_the_three_error_shapes() -> None:
    legacy = r.parse_error(
        {
            "code": 800090,
            "description": "Subscription quantity cannot be decreased.",
            "data": [],
            "source": "PartnerFD",
        }
    )
    assert (legacy.code, legacy.description, legacy.source) == (
        "800090",
        "Subscription quantity cannot be decreased.",
        "PartnerFD",
    )
    newer = r.parse_error(
        {
            "Code": "600061",
            "Message": "m",
            "Description": "d",
            "ErrorName": "PartnerConfirmedAgreementAlreadyExists",
            "IsRetryable": False,
        }
    )
    assert (newer.code, newer.description, newer.error_name, newer.is_retryable) == (
        "600061",
        "d",
        "PartnerConfirmedAgreementAlreadyExists",
        False,
    )
    throttled = r.parse_error(
        {"statusCode": 429, "message": "Rate limit is exceeded. Try again in 57 seconds."}
    )
    assert throttled.code == "429" and "57 seconds" in throttled.description
    assert r.parse_error(None) == r.ApiError()
    assert r.first_header_value("a,a") == "a"
    assert r.parse_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert (
        r.parse_customer(
            r.folded({"Id": "X", "RelationshipToPartner": "brand_new_value"})
        ).relationship
        == "brand_new_value"
    )


def test_the_token_never_reaches_the_log(
    sim: Simulator, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    secret = jwt(upn="x@y", amr=["mfa"], secret="do-not-log-me")
    sim.config.accepted_tokens = {"something-else"}
    sim.inject("customers.list", Fault("503", count=2))
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(SignInRequired) as refused:
            make_client(StaticTokenSource(secret)).indirect_resellers()
        sim.config.accepted_tokens = None
        list(make_client(StaticTokenSource(secret)).customers(size=50))
    assert caplog.records  # the client and httpx did log
    assert secret not in caplog.text and "do-not-log-me" not in caplog.text
    assert secret not in refused.value.message and secret not in repr(refused.value)
