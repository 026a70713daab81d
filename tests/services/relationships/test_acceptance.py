"""Pending relationship requests: listing them, marking one accepted (a customer added or linked,
never duplicated) and cancelling one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from pcdesk.errors import ConcurrentChange, NotAllowed, NotFound, ValidationFailed
from pcdesk.models import (
    AgreementStatus,
    AuditEvent,
    Customer,
    PartnerRole,
    Relationship,
    RelationshipRequest,
    RequestStatus,
)
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import get_customer
from pcdesk.services.customers.edits import update_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.relationships import acceptance as relationship_acceptance
from pcdesk.services.relationships.acceptance import (
    AcceptResult,
    CustomerChangedMeanwhile,
    accept_request,
)
from pcdesk.services.relationships.sent import cancel_request, list_requests

LINK = (
    "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId="
    "5a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b&msppId=0&DAP=false#/BillingAccounts/partner-invitation"
)
FABRIKAM_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
OTHER_ID = "9b2e6a71-0c4d-4e8f-a1b2-c3d4e5f60718"


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 5, day, hour, tzinfo=dt.UTC)


def add_request(
    db: Database,
    *,
    customer_id: int | None = None,
    prospect: str = "",
    created: dt.datetime | None = None,
    **values: Any,
) -> int:
    with db.session_factory.begin() as session:
        row = RelationshipRequest(
            customer_id=customer_id,
            prospect_company_name=prospect,
            recipient_email=values.pop("recipient_email", "it@fabrikam.com"),
            subject="Reseller relationship",
            body=f"Please accept: {LINK}",
            link=LINK,
            created_by=values.pop("created_by", "clerk"),
            created_at=created or at(1),
            **values,
        )
        session.add(row)
        session.flush()
        return row.id


def customer_count(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def request_state(db: Database, request_id: int) -> tuple[RequestStatus, int | None]:
    with db.session_factory() as session:
        row = session.get_one(RelationshipRequest, request_id)
        return row.status, row.customer_id


def events(db: Database) -> list[tuple[str, int | None, dict[str, Any]]]:
    with db.session_factory() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.action, e.customer_id, json.loads(e.details)) for e in rows]


@pytest.fixture
def contoso(db: Database, us_customer: CustomerInput) -> int:
    """A customer already listed: Contoso Pharmaceuticals, contosopharma.onmicrosoft.com."""
    return create_customer(db, us_customer, AgreementInput(accepted=False)).id


# -- listing ---------------------------------------------------------------------------------------


def test_requests_are_listed_newest_first_with_whom_they_are_for(
    db: Database, contoso: int
) -> None:
    old = add_request(db, customer_id=contoso, created=at(1), language="en-US")
    prospect = add_request(db, prospect="Fabrikam 股份有限公司", created=at(3), language="zh-TW")
    cancelled = add_request(
        db, prospect="Gone Ltd", created=at(2), status=RequestStatus.CANCELLED, cancelled_at=at(4)
    )

    pending = list_requests(db)
    assert [row.id for row in pending] == [prospect, old]
    first, second = pending
    assert (first.company_name, first.customer_id, first.is_prospect) == (
        "Fabrikam 股份有限公司",
        None,
        True,
    )
    assert (first.microsoft_id, first.domain_prefix, first.language) == ("", "", "zh-TW")
    assert (first.recipient_email, first.created_by, first.created_at) == (
        "it@fabrikam.com",
        "clerk",
        at(3),
    )
    contoso_row = get_customer(db, contoso)
    assert (second.company_name, second.customer_id, second.is_prospect) == (
        "Contoso Pharmaceuticals",
        contoso,
        False,
    )
    assert (second.microsoft_id, second.domain_prefix) == (
        contoso_row.microsoft_id,
        "contosopharma",
    )

    assert [row.id for row in list_requests(db, status=RequestStatus.CANCELLED)] == [cancelled]
    everything = list_requests(db, status=None)
    assert [row.id for row in everything] == [prospect, cancelled, old]
    assert everything[1].cancelled_at == at(4)
    assert everything[1].status is RequestStatus.CANCELLED


def test_the_list_is_one_query_however_many_requests(db: Database, contoso: int) -> None:
    for day in range(1, 21):
        add_request(
            db, customer_id=contoso if day % 2 else None, prospect=f"P{day}", created=at(day)
        )
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = list_requests(db, status=None)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) == 20
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


# -- accepting a prospect's request ----------------------------------------------------------------


def test_accepting_a_prospects_request_adds_one_reseller_customer(db: Database) -> None:
    request_id = add_request(db, prospect="  Fabrikam   Inc ")

    result = accept_request(
        db, request_id, "{" + FABRIKAM_ID.upper() + "}", "Fabrikam.onmicrosoft.com", actor="ana"
    )

    assert result.created is True
    assert customer_count(db) == 1
    customer = get_customer(db, result.customer_id)
    assert customer.company_name == "Fabrikam Inc"
    assert customer.microsoft_id == FABRIKAM_ID
    assert customer.domain_prefix == "fabrikam"
    assert customer.relationship is Relationship.RESELLER
    # What pcdesk does not know yet stays empty until someone edits the account.
    assert (customer.country, customer.address_line1, customer.contact_email) == ("", "", "")
    assert (customer.language, customer.culture) == ("", "")
    # Who signed the customer agreement, and when, is still to be recorded.
    assert customer.agreement is not None
    assert customer.agreement.status is AgreementStatus.PENDING
    assert (customer.created_by, customer.updated_by) == ("ana", "ana")

    assert request_state(db, request_id) == (RequestStatus.ACCEPTED, result.customer_id)
    (row,) = list_requests(db, status=RequestStatus.ACCEPTED)
    assert row.accepted_at is not None and row.cancelled_at is None
    assert row.company_name == "Fabrikam Inc"
    assert list_requests(db) == ()

    assert events(db) == [
        (
            "customer.created",
            result.customer_id,
            {
                "company_name": "Fabrikam Inc",
                "domain": "fabrikam.onmicrosoft.com",
                "agreement": "pending",
                "source": "relationship_request",
                "request_id": request_id,
            },
        ),
        (
            "relationship.accepted",
            result.customer_id,
            {
                "request_id": request_id,
                "microsoft_id": FABRIKAM_ID,
                "domain": "fabrikam.onmicrosoft.com",
                "customer": "added",
            },
        ),
    ]


def test_accepting_again_links_the_customer_never_duplicates_it(db: Database) -> None:
    first = add_request(db, prospect="Fabrikam")
    added = accept_request(db, first, FABRIKAM_ID, "fabrikam")
    second = add_request(db, prospect="Fabrikam, Inc.", created=at(2))
    third = add_request(db, prospect="Fabrikam again", created=at(3))

    linked = accept_request(db, second, FABRIKAM_ID.upper(), "FABRIKAM.onmicrosoft.com")
    again = accept_request(db, third, FABRIKAM_ID, "fabrikam")

    assert linked == AcceptResult(added.customer_id, created=False)
    assert again == AcceptResult(added.customer_id, created=False)
    assert customer_count(db) == 1
    assert get_customer(db, added.customer_id).company_name == "Fabrikam"  # not renamed
    assert request_state(db, second) == (RequestStatus.ACCEPTED, added.customer_id)
    assert request_state(db, third) == (RequestStatus.ACCEPTED, added.customer_id)
    assert [action for action, _, _ in events(db)] == [
        "customer.created",
        "relationship.accepted",
        "relationship.accepted",
        "relationship.accepted",
    ]


def test_a_prospect_that_is_already_a_customer_is_linked(db: Database, contoso: int) -> None:
    microsoft_id = get_customer(db, contoso).microsoft_id
    request_id = add_request(db, prospect="Contoso Pharma")  # typed as a prospect by mistake

    result = accept_request(db, request_id, microsoft_id, "contosopharma.onmicrosoft.com")

    assert result == AcceptResult(contoso, created=False)
    assert customer_count(db) == 1


def test_a_customer_added_by_acceptance_is_completed_by_editing_its_account(
    db: Database, us_customer: CustomerInput
) -> None:
    request_id = add_request(db, prospect="Fabrikam")
    added = get_customer(db, accept_request(db, request_id, FABRIKAM_ID, "fabrikam").customer_id)
    # The account as the Edit form sends it once filled in, the country/region chosen.
    filled = replace(us_customer, company_name="Fabrikam", domain_prefix="fabrikam")

    saved = update_customer(db, added.id, added.version, filled, actor="ana")

    assert (saved.country, saved.city, saved.contact_email) == (
        "US",
        "Redmond",
        us_customer.contact_email,
    )
    assert (saved.language, saved.culture) == ("en", "en-US")
    # Chosen once, the country/region is then as fixed as any customer's.
    with pytest.raises(ValidationFailed) as refused:
        update_customer(db, saved.id, saved.version, replace(filled, country="CA"))
    assert set(refused.value.errors) >= {"country"}


# -- values that disagree with the customers on record ---------------------------------------------


def _refused(db: Database, request_id: int, microsoft_id: str, domain: str) -> dict[str, str]:
    before = (customer_count(db), events(db))
    with pytest.raises(ValidationFailed) as refused:
        accept_request(db, request_id, microsoft_id, domain)
    assert (customer_count(db), events(db)) == before  # nothing written
    assert request_state(db, request_id)[0] is RequestStatus.PENDING
    return refused.value.errors


def test_an_id_whose_customer_has_another_domain_is_refused(db: Database, contoso: int) -> None:
    microsoft_id = get_customer(db, contoso).microsoft_id
    request_id = add_request(db, prospect="Fabrikam")

    errors = _refused(db, request_id, microsoft_id, "fabrikam")

    assert set(errors) == {"domain_prefix"}
    # Beside the domain it names the ID it is about (it once began "This is the Microsoft ID").
    assert errors["domain_prefix"] == (
        f"{microsoft_id} is the Microsoft ID of Contoso Pharmaceuticals, whose initial domain "
        "is contosopharma.onmicrosoft.com. Check both values."
    )


def test_a_domain_whose_customer_has_another_id_is_refused(db: Database, contoso: int) -> None:
    request_id = add_request(db, prospect="Fabrikam")

    errors = _refused(db, request_id, FABRIKAM_ID, "contosopharma")

    assert set(errors) == {"microsoft_id"}
    assert "Contoso Pharmaceuticals" in errors["microsoft_id"]
    assert "contosopharma.onmicrosoft.com" in errors["microsoft_id"]


def test_an_id_and_a_domain_of_two_customers_are_refused(
    db: Database, contoso: int, tw_customer: CustomerInput
) -> None:
    taiwan = create_customer(db, tw_customer, AgreementInput(accepted=False))
    request_id = add_request(db, prospect="Fabrikam")

    errors = _refused(db, request_id, taiwan.microsoft_id, "contosopharma")

    assert "台灣晶片設計股份有限公司" in errors["microsoft_id"]
    assert "Contoso Pharmaceuticals" in errors["domain_prefix"]


def test_a_request_to_a_customer_takes_only_that_customers_values(
    db: Database, contoso: int, tw_customer: CustomerInput
) -> None:
    taiwan = create_customer(db, tw_customer, AgreementInput(accepted=False))
    contoso_id = get_customer(db, contoso).microsoft_id
    request_id = add_request(db, customer_id=contoso)

    errors = _refused(db, request_id, taiwan.microsoft_id, "twchip")
    assert "台灣晶片設計股份有限公司" in errors["microsoft_id"]
    assert contoso_id in errors["microsoft_id"]
    assert "contosopharma.onmicrosoft.com" in errors["domain_prefix"]
    errors = _refused(db, request_id, OTHER_ID, "contosopharma")
    assert set(errors) == {"microsoft_id"}
    assert "Contoso Pharmaceuticals" in errors["microsoft_id"]

    result = accept_request(db, request_id, contoso_id, "contosopharma")
    assert result == AcceptResult(contoso, created=False)
    assert customer_count(db) == 2


@pytest.mark.parametrize(
    ("microsoft_id", "domain", "fields"),
    [
        ("", "", {"microsoft_id", "domain_prefix"}),
        ("not-a-guid", "fabrikam", {"microsoft_id"}),
        (FABRIKAM_ID, "fabrikam.com", {"domain_prefix"}),
        (FABRIKAM_ID, "fab-rikam", {"domain_prefix"}),
        (FABRIKAM_ID, "a" * 28, {"domain_prefix"}),
    ],
)
def test_bad_input_is_refused_by_field(
    db: Database, microsoft_id: str, domain: str, fields: set[str]
) -> None:
    request_id = add_request(db, prospect="Fabrikam")

    errors = _refused(db, request_id, microsoft_id, domain)

    assert set(errors) == fields


def test_the_messages_say_what_to_type(db: Database) -> None:
    request_id = add_request(db, prospect="Fabrikam")
    errors = _refused(db, request_id, "12345", "fabrikam.com")
    assert errors["microsoft_id"].startswith("“12345” is not a Microsoft ID, a GUID like ")
    assert ".onmicrosoft.com" in errors["domain_prefix"]


# -- a former customer comes back ------------------------------------------------------------------


def test_a_former_customer_becomes_a_reseller_customer_again(db: Database, contoso: int) -> None:
    with db.session_factory.begin() as session:
        session.get_one(Customer, contoso).relationship = Relationship.NONE
    before = get_customer(db, contoso)
    request_id = add_request(db, customer_id=contoso)

    result = accept_request(db, request_id, before.microsoft_id, "contosopharma", actor="ana")

    after = get_customer(db, contoso)
    assert result == AcceptResult(contoso, created=False)
    assert after.relationship is Relationship.RESELLER
    assert after.version == before.version + 1
    assert after.updated_by == "ana"
    assert events(db)[-2:] == [
        ("customer.updated", contoso, {"relationship": ["none", "reseller"]}),
        (
            "relationship.accepted",
            contoso,
            {
                "request_id": request_id,
                "microsoft_id": before.microsoft_id,
                "domain": "contosopharma.onmicrosoft.com",
                "customer": "linked",
            },
        ),
    ]


def test_accepting_one_request_answers_the_customers_other_pending_ones(
    db: Database, contoso: int
) -> None:
    """The link is the same in every request: once the customer accepted, none still waits."""
    first = add_request(db, customer_id=contoso, created=at(1))
    second = add_request(db, customer_id=contoso, created=at(2), recipient_email="cio@contoso.com")
    cancelled = add_request(
        db, customer_id=contoso, created=at(3), status=RequestStatus.CANCELLED, cancelled_at=at(3)
    )
    accepted = add_request(db, customer_id=contoso, created=at(4))
    prospect = add_request(db, prospect="Contoso Pharma", created=at(5))  # maybe them; unknown
    microsoft_id = get_customer(db, contoso).microsoft_id

    accept_request(db, accepted, microsoft_id, "contosopharma", actor="ana")

    rows = {row.id: row for row in list_requests(db, status=None)}
    when = rows[accepted].accepted_at
    assert when is not None
    for answered in (first, second):
        assert (rows[answered].status, rows[answered].accepted_at) == (RequestStatus.ACCEPTED, when)
        assert rows[answered].customer_id == contoso
    assert (rows[cancelled].status, rows[cancelled].accepted_at) == (RequestStatus.CANCELLED, None)
    assert [row.id for row in list_requests(db)] == [prospect]  # nothing of Contoso's waits
    assert events(db)[-2:] == [
        (
            "relationship.accepted",
            contoso,
            {
                "request_id": accepted,
                "microsoft_id": microsoft_id,
                "domain": "contosopharma.onmicrosoft.com",
                "customer": "linked",
            },
        ),
        (
            "relationship.requests_answered",
            contoso,
            {"request_ids": [first, second], "with_request": accepted},
        ),
    ]


def test_a_customer_saved_elsewhere_while_it_is_linked_is_a_conflict_to_retry(
    db: Database, contoso: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session_factory.begin() as session:
        session.get_one(Customer, contoso).relationship = Relationship.NONE
    request_id = add_request(db, customer_id=contoso)
    before = get_customer(db, contoso)
    look_up = relationship_acceptance.matching_customer

    def then_saved_elsewhere(session: Any, *args: Any) -> Customer | None:
        found = look_up(session, *args)
        # Another workstation saves the customer between this read and the write: the row's
        # version moves on while the one read keeps the old one.
        session.execute(
            update(Customer)
            .where(Customer.id == contoso)
            .values(version=Customer.version + 1, city="Bellevue")
            .execution_options(synchronize_session=False)
        )
        return found

    monkeypatch.setattr(relationship_acceptance, "matching_customer", then_saved_elsewhere)
    with pytest.raises(CustomerChangedMeanwhile) as conflict:
        accept_request(db, request_id, before.microsoft_id, "contosopharma")
    assert isinstance(conflict.value, ConcurrentChange)
    assert str(conflict.value.args[0]) == (
        "Another workstation changed this customer at the same moment. Nothing was recorded: "
        "mark the request accepted again."
    )
    assert get_customer(db, contoso) == before  # rolled back, the other "write" too
    assert request_state(db, request_id) == (RequestStatus.PENDING, contoso)

    monkeypatch.undo()  # trying again goes through
    assert accept_request(db, request_id, before.microsoft_id, "contosopharma") == AcceptResult(
        contoso, created=False
    )
    assert get_customer(db, contoso).relationship is Relationship.RESELLER


# -- cancelling, and requests no longer pending ----------------------------------------------------


def test_cancelling_a_pending_request(db: Database, contoso: int) -> None:
    to_customer = add_request(db, customer_id=contoso)
    to_prospect = add_request(db, prospect="Fabrikam", created=at(2))

    cancel_request(db, to_customer, actor="ana")
    cancel_request(db, to_prospect, actor="ana")

    assert request_state(db, to_customer) == (RequestStatus.CANCELLED, contoso)
    assert request_state(db, to_prospect) == (RequestStatus.CANCELLED, None)
    assert list_requests(db) == ()
    rows = list_requests(db, status=RequestStatus.CANCELLED)
    assert all(row.cancelled_at is not None and row.accepted_at is None for row in rows)
    assert events(db)[-2:] == [
        ("relationship.request_cancelled", contoso, {"request_id": to_customer}),
        (
            "relationship.request_cancelled",
            None,
            {"request_id": to_prospect, "prospect": "Fabrikam"},
        ),
    ]


def test_a_request_no_longer_pending_is_refused(db: Database) -> None:
    accepted = add_request(db, prospect="Fabrikam")
    accept_request(db, accepted, FABRIKAM_ID, "fabrikam")
    cancelled = add_request(db, prospect="Northwind")
    cancel_request(db, cancelled)
    written = events(db)

    with pytest.raises(ConcurrentChange, match="already marked accepted"):
        accept_request(db, accepted, FABRIKAM_ID, "fabrikam")
    with pytest.raises(ConcurrentChange, match="already marked accepted"):
        cancel_request(db, accepted)
    with pytest.raises(ConcurrentChange, match="cancelled"):
        accept_request(db, cancelled, OTHER_ID, "northwind")
    with pytest.raises(ConcurrentChange, match="cancelled"):
        cancel_request(db, cancelled)
    with pytest.raises(NotFound):
        accept_request(db, 9999, OTHER_ID, "northwind")
    with pytest.raises(NotFound):
        cancel_request(db, 9999)

    assert events(db) == written
    assert customer_count(db) == 1
    assert request_state(db, cancelled) == (RequestStatus.CANCELLED, None)


def test_only_the_roles_that_request_relationships_may_accept_or_cancel(db: Database) -> None:
    set_team(
        db,
        [
            TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("ana", frozenset({PartnerRole.SALES_AGENT})),
        ],
        actor="boss",
    )
    request_id = add_request(db, prospect="Fabrikam")

    with pytest.raises(NotAllowed):
        accept_request(db, request_id, FABRIKAM_ID, "fabrikam", actor="boss")
    with pytest.raises(NotAllowed):
        cancel_request(db, request_id, actor="boss")
    assert request_state(db, request_id) == (RequestStatus.PENDING, None)

    assert accept_request(db, request_id, FABRIKAM_ID, "fabrikam", actor="ana").created


def test_a_customer_added_meanwhile_elsewhere_becomes_a_field_message(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workstations accept two requests of one prospect at once: both look, find nobody,
    and insert; the second insert breaks the unique domain and is told so by field."""
    first = add_request(db, prospect="Fabrikam")
    second = add_request(db, prospect="Fabrikam", created=at(2))
    accept_request(db, first, FABRIKAM_ID, "fabrikam")
    # The second workstation looked before the first one's customer was committed.
    monkeypatch.setattr(relationship_acceptance, "matching_customer", lambda *args: None)

    with pytest.raises(ValidationFailed) as refused:
        accept_request(db, second, FABRIKAM_ID, "fabrikam")

    assert "Another workstation has just added Fabrikam" in refused.value.errors["domain_prefix"]
    assert customer_count(db) == 1
    assert request_state(db, second) == (RequestStatus.PENDING, None)
