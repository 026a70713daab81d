"""Adding a customer and attesting its agreement follow Partner Center's roles once a team is
recorded (partner-center.md, "Partner roles"); without a team everyone may (other tests)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pcdesk.models import AgreementStatus, Customer, PartnerRole
from pcdesk.models.database import Database
from pcdesk.services.customer_details import get_customer
from pcdesk.services.customer_edits import confirm_agreement
from pcdesk.services.customers import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.messages import NotAllowed
from pcdesk.services.roles import TeamMemberData, set_team


@pytest.fixture
def team(db: Database) -> Database:
    set_team(
        db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("sam", frozenset({PartnerRole.SALES_AGENT})),
            TeamMemberData("hal", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="ana",
    )
    return db


def customers(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def test_only_admin_and_sales_agents_and_global_admins_add_customers(
    team: Database, us_customer: CustomerInput, tw_customer: CustomerInput
) -> None:
    pending = AgreementInput(accepted=False)
    for refused in ("hal", "stranger"):
        with pytest.raises(NotAllowed) as not_allowed:
            create_customer(team, us_customer, pending, actor=refused)
        assert "It needs: Global admin / Admin agent / Sales agent" in str(
            not_allowed.value.args[0]
        )
    assert customers(team) == 0
    assert create_customer(team, us_customer, pending, actor="ana").created_by == "ana"
    assert create_customer(team, tw_customer, pending, actor="sam").created_by == "sam"
    assert customers(team) == 2


def test_only_admin_and_sales_agents_attest_the_agreement(
    team: Database, us_customer: CustomerInput, us_agreement: AgreementInput
) -> None:
    added = create_customer(team, us_customer, AgreementInput(accepted=False), actor="ana")
    for refused in ("ana", "hal"):  # a Global admin adds customers but does not attest
        with pytest.raises(NotAllowed):
            confirm_agreement(team, added.id, added.version, us_agreement, actor=refused)
    assert get_customer(team, added.id) == added
    confirmed = confirm_agreement(team, added.id, added.version, us_agreement, actor="sam")
    assert confirmed.agreement is not None
    assert confirmed.agreement.status is AgreementStatus.ACCEPTED
