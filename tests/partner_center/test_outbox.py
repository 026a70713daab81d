"""The outbox against the simulator over real sockets: in order, each item once, across lost
answers, refusals, going offline, and a sender killed with SIGKILL in the middle of sending."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pcdesk.errors import ConcurrentChange, ValidationFailed
from pcdesk.messages import Message
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.partner_center.auth import StaticTokenSource
from pcdesk.partner_center.client import PartnerCenterClient, RetryPolicy
from pcdesk.partner_center.outbox import send_pending
from pcdesk.services import outbox as ob
from pcsimulator.state import Fault, Simulator

from .conftest import jwt


def body(prefix: str, company: str = "Contoso Outbox Ltd", country: str = "US") -> dict[str, Any]:
    return {
        "enableGDAPByDefault": False,
        "CompanyProfile": {"Domain": f"{prefix}.onmicrosoft.com"},
        "BillingProfile": {
            "Culture": "en-US",
            "Email": "it@contoso.example",
            "Language": "en",
            "CompanyName": company,
            "DefaultAddress": {
                "FirstName": "Dana",
                "LastName": "Lee",
                "AddressLine1": "1 Microsoft Way",
                "City": "Redmond",
                "State": "WA",
                "PostalCode": "98052",
                "Country": country,
            },
        },
    }


def summary(prefix: str) -> Message:
    return Message("Add customer {domain}", context="raw", domain=prefix)


def queue_customer(db: Database, prefix: str, **options: Any) -> ob.OutboxItem:
    return ob.queue(
        db,
        ob.CREATE_CUSTOMER,
        "POST",
        "/v1/customers",
        options.pop("payload", None) or body(prefix),
        summary(prefix),
        actor="dana",
        **options,
    )


def posts(sim: Simulator) -> list[str]:
    return [hit.request_id for hit in sim.hits_of("/v1/customers") if hit.method == "POST"]


def test_items_are_sent_in_order_each_with_the_request_id_given_when_queued(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    first = queue_customer(db, "outboxone")
    second = queue_customer(db, "outboxtwo")
    assert first.request_id != second.request_id
    assert [i.state for i in ob.items(db)] == ["queued", "queued"]

    result = send_pending(db, client)

    assert (result.sent, result.failed, result.waiting) == (2, 0, 0)
    assert posts(sim) == [first.request_id, second.request_id]
    assert [c.domain for c in sim.created_customers()] == [
        "outboxone.onmicrosoft.com",
        "outboxtwo.onmicrosoft.com",
    ]
    assert [i.state for i in ob.items(db, None)] == ["done", "done"]
    assert ob.pending_count(db) == 0
    # The temporary password is handed over in memory, and stored nowhere.
    assert result.credentials[0].admin_user == "admin@outboxone.onmicrosoft.com"
    assert result.credentials[0].password
    assert "password" not in repr(ob.items(db, None)).lower()


def test_a_lost_answer_is_sent_again_with_the_same_request_id_and_creates_one_customer(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    item = queue_customer(db, "lostanswer")
    sim.inject("customers.create", Fault("reset"))  # done, then the connection drops

    assert send_pending(db, client).sent == 1

    assert posts(sim) == [item.request_id, item.request_id]
    assert len(sim.created_customers()) == 1


def test_offline_the_item_waits_with_its_request_id_and_goes_later(
    db: Database, sim: Simulator, sim_url: str
) -> None:
    item = queue_customer(db, "offlinefirst")
    with PartnerCenterClient(
        "http://127.0.0.1:9",  # nothing listens there
        StaticTokenSource(jwt(upn="dana@partner.example")),
        retry=RetryPolicy(attempts=2, base_delay=0.0),
        sleep=lambda _s: None,
    ) as offline:
        result = send_pending(db, offline)
    assert result.sent == 0 and result.stopped is not None
    waiting = ob.get_item(db, item.id)
    assert (waiting.state, waiting.request_id, waiting.attempts) == ("queued", item.request_id, 1)
    assert waiting.error is not None and "could not be reached" in waiting.error
    # Possibly sent: neither edited nor cancelled now.
    assert not waiting.can_edit and not waiting.can_cancel
    with pytest.raises(ConcurrentChange):
        ob.cancel(db, item.id)

    with PartnerCenterClient(
        sim_url, StaticTokenSource(jwt(upn="dana@partner.example")), sleep=lambda _s: None
    ) as online:
        assert send_pending(db, online).sent == 1
    assert posts(sim) == [item.request_id]


def test_a_taken_domain_is_refused_before_sending_then_edited_and_sent(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    taken = queue_customer(db, "contoso")  # the simulator's seed has contoso.onmicrosoft.com
    later = queue_customer(db, "afterrefusal")

    result = send_pending(db, client)

    assert (result.sent, result.failed) == (1, 1)  # another customer's item is not held up
    refused = ob.get_item(db, taken.id)
    assert refused.state == "failed" and refused.error_field == "domain_prefix"
    assert refused.error is not None and "contoso.onmicrosoft.com is already taken" in refused.error
    assert posts(sim) == [later.request_id]  # the taken domain was never posted

    with pytest.raises(ValidationFailed):
        ob.edit(db, taken.id, "not valid!")
    edited = ob.edit(db, taken.id, "contosonew")
    assert edited.state == "queued" and edited.request_id != taken.request_id
    assert edited.editable_value == "contosonew"
    assert send_pending(db, client).sent == 1
    assert sim.created_customers()[-1].domain == "contosonew.onmicrosoft.com"


def test_partner_center_refusal_is_kept_with_its_message_and_request_id(
    db: Database, sim: Simulator, client: PartnerCenterClient
) -> None:
    item = queue_customer(db, "russiancustomer", payload=body("russiancustomer", country="RU"))

    assert send_pending(db, client).failed == 1

    refused = ob.get_item(db, item.id)
    assert refused.error is not None
    assert "600049" in refused.error and item.request_id in refused.error
    assert refused.error_field == "organization_registration_id"
    assert ob.retry(db, item.id).request_id != item.request_id  # a definite answer: a new id
    assert ob.cancel(db, item.id).state == "cancelled"
    assert ob.items(db) == ()


def test_a_refused_item_holds_back_the_same_customers_later_items(
    db: Database, us_customer: Any, us_agreement: Any, client: PartnerCenterClient, sim: Simulator
) -> None:
    from pcdesk.services.customers.create import create_customer

    local = create_customer(db, us_customer, us_agreement, actor="dana")
    first = queue_customer(db, "contoso", customer_id=local.id)  # refused: taken
    then = ob.queue(
        db,
        ob.REMOVE_RELATIONSHIP,
        "PATCH",
        "/v1/customers/x",
        {},
        summary("x"),
        customer_id=local.id,
    )
    result = send_pending(db, client)
    assert (result.sent, result.failed) == (0, 1)
    assert ob.get_item(db, then.id).state == "queued"
    assert ob.get_item(db, first.id).company_name == local.company_name
    assert ob.customers_not_in_partner_center(db) == {local.id}


def test_an_outbox_killed_in_the_middle_of_sending_sends_each_item_once(
    tmp_path: Path, sim: Simulator, sim_url: str, make_client: Callable[..., PartnerCenterClient]
) -> None:
    url = sqlite_url(tmp_path / "outbox.sqlite3")
    db = open_database(url)
    try:
        queued = [queue_customer(db, f"killed{n}") for n in range(3)]
        # The second creation is done, then its answer is held back: the sender is killed
        # while it waits, with the item marked sending.
        sim.config.slow_seconds = 60.0
        sim.inject("customers.create", Fault("late", after=1))
        # pcdesk-cli send-pending, in a process of its own, killed with SIGKILL.
        process = subprocess.Popen(
            [sys.executable, "-m", "pcdesk.cli", "send-pending", "--database", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={
                **os.environ,
                "PCDESK_PARTNER_CENTER_API": sim_url,
                "PCDESK_PARTNER_CENTER_TOKEN": jwt(upn="dana@partner.example"),
            },
            cwd=str(tmp_path),
        )
        try:
            deadline = time.monotonic() + 30
            while len(sim.created_customers()) < 2:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the sender never reached the second item"
                time.sleep(0.02)
            process.send_signal(signal.SIGKILL)
            process.wait(10)
            sim.config.slow_seconds = 0.0  # the held answer goes nowhere now
        finally:
            if process.poll() is None:
                process.kill()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        assert process.returncode == -signal.SIGKILL
        states = [ob.get_item(db, item.id).state for item in queued]
        assert states == ["done", "sending", "queued"]

        result = send_pending(db, make_client())  # the next start

        assert result.sent == 2
        assert [ob.get_item(db, item.id).state for item in queued] == ["done"] * 3
        created = sim.created_customers()
        assert [c.domain for c in created] == [f"killed{n}.onmicrosoft.com" for n in range(3)]
        # Item 2 went again with its one request id, and Partner Center replayed it: the
        # customer exists once. (The killed send's own request may or may not be logged yet: its
        # answer was being held when the sender died.)
        sent = collections.Counter(posts(sim))
        assert sent[queued[0].request_id] == 1 and sent[queued[2].request_id] == 1
        assert 1 <= sent[queued[1].request_id] <= 2
        assert set(sent) == {item.request_id for item in queued}
        assert ("POST", "/v1/customers", queued[1].request_id) in sim.replayed
    finally:
        db.dispose()
