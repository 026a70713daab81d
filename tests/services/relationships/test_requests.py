"""A customer's reseller relationship requests, as the detail pane shows them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pcdesk.errors import Unavailable
from pcdesk.models import RelationshipRequest, RequestStatus
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.relationships.requests import RelationshipRequestData, requests_for_customer

LINK = "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 5, day, hour, tzinfo=dt.UTC)


def request(customer_id: int | None, created: dt.datetime, **values: object) -> RelationshipRequest:
    return RelationshipRequest(
        customer_id=customer_id,
        recipient_email="dana@contosopharma.com",
        subject="Reseller relationship",
        body=f"Please accept: {LINK}",
        link=LINK,
        created_at=created,
        created_by="clerk",
        **values,
    )


def test_a_customers_requests_come_newest_first_with_their_status(
    db: Database, us_customer: CustomerInput
) -> None:
    customer = create_customer(db, us_customer, AgreementInput(accepted=False))
    with db.session_factory.begin() as session:
        session.add_all(
            [
                request(
                    customer.id,
                    at(1),
                    status=RequestStatus.CANCELLED,
                    cancelled_at=at(2),
                    language="en",
                ),
                request(customer.id, at(3), status=RequestStatus.ACCEPTED, accepted_at=at(4, 17)),
                request(customer.id, at(5), language="zh-TW"),
                request(None, at(6), prospect_company_name="Fourth Coffee"),  # a prospect
            ]
        )
    found = requests_for_customer(db, customer.id)

    assert [(r.status, r.created_at) for r in found] == [
        (RequestStatus.PENDING, at(5)),
        (RequestStatus.ACCEPTED, at(3)),
        (RequestStatus.CANCELLED, at(1)),
    ]
    newest = found[0]
    assert newest == RelationshipRequestData(
        id=newest.id,
        customer_id=customer.id,
        prospect_company_name="",
        recipient_email="dana@contosopharma.com",
        language="zh-TW",
        status=RequestStatus.PENDING,
        created_at=at(5),
        created_by="clerk",
        accepted_at=None,
        cancelled_at=None,
    )
    assert found[1].accepted_at == at(4, 17)
    assert found[2].cancelled_at == at(2)


def test_a_customer_without_requests_has_none(db: Database, us_customer: CustomerInput) -> None:
    customer = create_customer(db, us_customer, AgreementInput(accepted=False))
    assert requests_for_customer(db, customer.id) == ()
    assert requests_for_customer(db, customer.id + 1) == ()


def test_a_lost_database_is_said_in_the_users_words(
    db: Database, us_customer: CustomerInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The detail pane and the request dialog expect Unavailable; the driver's error once
    # reached them instead.
    customer = create_customer(db, us_customer, AgreementInput(accepted=False))

    def lost(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(Session, "scalars", lost)
    with pytest.raises(Unavailable):
        requests_for_customer(db, customer.id)
