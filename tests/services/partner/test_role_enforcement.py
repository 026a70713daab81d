"""Every task Partner Center keeps to some roles follows them once a team is recorded
(partner-center.md, "Partner roles"): adding customers, attesting an agreement, editing a
customer's details, ordering and changing subscriptions, suspending them all to remove a
relationship, and managing indirect resellers. Without a team everyone may (other tests)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from pcdesk.errors import NotAllowed
from pcdesk.models import (
    AgreementStatus,
    AuditEvent,
    Customer,
    IndirectReseller,
    PartnerRole,
    PartnerType,
    SubscriptionStatus,
)
from pcdesk.models.database import Database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import CustomerDetails, get_customer
from pcdesk.services.customers.edits import confirm_agreement, customer_input_of, update_customer
from pcdesk.services.customers.subscriptions import (
    add_subscriptions,
    cancel_subscription,
    change_quantity,
    reactivate_subscription,
    suspend_subscription,
)
from pcdesk.services.inputs import (
    AgreementInput,
    CustomerInput,
    PartnerProfileInput,
    SubscriptionLine,
)
from pcdesk.services.partner.profile import set_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, set_team
from pcdesk.services.relationships.removal import suspend_active_subscriptions
from pcdesk.services.resellers.importing import import_resellers, read_reseller_csv
from pcdesk.services.resellers.records import (
    ResellerInput,
    add_reseller,
    list_resellers,
    reactivate_reseller,
    suspend_reseller,
    update_reseller,
)

BASIC, STANDARD = "CFQ7TTC0LH18", "CFQ7TTC0LDPB"
# Who is refused what, in the messages' words (roles.not_allowed_message).
EDITORS = "It needs: Global admin / Admin agent / Sales agent / Helpdesk agent."
BUYERS = "It needs: Global admin / Admin agent / Sales agent."
REMOVERS = "It needs: Global admin."
RESELLER_MANAGERS = "It needs: Global admin / Admin agent."


@pytest.fixture
def team(db: Database) -> Database:
    set_team(
        db,
        [
            TeamMemberData("ana", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("sam", frozenset({PartnerRole.SALES_AGENT})),
            TeamMemberData("hal", frozenset({PartnerRole.HELPDESK_AGENT})),
            TeamMemberData("bea", frozenset({PartnerRole.BILLING_ADMIN})),
            TeamMemberData("ada", frozenset({PartnerRole.ADMIN_AGENT})),
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


def test_a_global_admin_cannot_attest_through_add_customer_either(
    team: Database, us_customer: CustomerInput, us_agreement: AgreementInput
) -> None:
    # Confirm acceptance refuses a Global admin: adding the customer with the agreement marked
    # accepted is the same attestation, and is refused the same way.
    with pytest.raises(NotAllowed) as not_allowed:
        create_customer(team, us_customer, us_agreement, actor="ana")
    assert "It needs: Admin agent / Sales agent." in str(not_allowed.value.message)
    assert customers(team) == 0
    assert create_customer(team, us_customer, us_agreement, actor="sam").created_by == "sam"


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


def refused(call: Callable[[], object], needs: str) -> None:
    """``call`` raises NotAllowed naming the roles that may."""
    with pytest.raises(NotAllowed) as not_allowed:
        call()
    assert needs in str(not_allowed.value.args[0])


# -- a customer's details ------------------------------------------------------------------------


def test_a_helpdesk_agent_edits_details_billing_admins_and_strangers_do_not(
    team: Database, us_customer: CustomerInput
) -> None:
    added = create_customer(team, us_customer, AgreementInput(accepted=False), actor="sam")
    moved = replace(customer_input_of(added), address_line2="Building 92")
    for user in ("bea", "stranger"):
        refused(
            lambda user=user: update_customer(team, added.id, added.version, moved, actor=user),
            EDITORS,
        )
    assert get_customer(team, added.id) == added  # nothing written, no version used up
    saved = update_customer(team, added.id, added.version, moved, actor="hal")
    assert (saved.address_line2, saved.updated_by) == ("Building 92", "hal")
    again = replace(moved, city="Bellevue", postal_code="98004")
    assert update_customer(team, saved.id, saved.version, again, actor="ana").city == "Bellevue"


# -- subscriptions -------------------------------------------------------------------------------


@pytest.fixture
def buyer(
    team: Database,
    stocked: Database,
    offer_id: Callable[..., int],
    us_customer: CustomerInput,
    us_agreement: AgreementInput,
) -> CustomerDetails:
    """A customer of the team's, with its agreement accepted, 10 Business Basic licenses and
    5 Business Standard ones (suspended)."""
    basic, standard = offer_id(stocked, "US", BASIC), offer_id(stocked, "US", STANDARD)
    added = create_customer(
        team,
        us_customer,
        us_agreement,
        [SubscriptionLine(basic, 10), SubscriptionLine(standard, 5)],
        actor="sam",
    )
    assert added.agreement is not None and added.agreement.status is AgreementStatus.ACCEPTED
    standard_sub = next(sub for sub in added.subscriptions if sub.offer_id == standard)
    return suspend_subscription(team, standard_sub.id, standard_sub.version, actor="sam")


def audit_count(db: Database) -> int:
    with db.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_only_admin_and_sales_agents_and_global_admins_order_and_change_subscriptions(
    team: Database, buyer: CustomerDetails, offer_id: Callable[..., int]
) -> None:
    active, suspended = buyer.subscriptions
    assert (active.status, suspended.status) == (
        SubscriptionStatus.ACTIVE,
        SubscriptionStatus.SUSPENDED,
    )
    e3 = offer_id(team, "US", "CFQ7TTC0LFLX")
    writes_before = audit_count(team)

    def attempts(user: str) -> list[Callable[[], object]]:
        return [
            lambda: add_subscriptions(
                team, buyer.id, buyer.version, [SubscriptionLine(e3, 1)], actor=user
            ),
            lambda: change_quantity(team, active.id, active.version, 12, actor=user),
            lambda: suspend_subscription(team, active.id, active.version, actor=user),
            lambda: reactivate_subscription(team, suspended.id, suspended.version, actor=user),
            lambda: cancel_subscription(team, active.id, active.version, actor=user),
        ]

    for user in ("hal", "bea", "stranger"):  # a Helpdesk agent edits details, but does not buy
        for attempt in attempts(user):
            refused(attempt, BUYERS)
    assert get_customer(team, buyer.id) == buyer
    assert audit_count(team) == writes_before

    more = change_quantity(team, active.id, active.version, 12, actor="ada")
    active = more.subscriptions[0]
    assert active.quantity == 12
    back = reactivate_subscription(team, suspended.id, suspended.version, actor="ana")
    assert back.subscriptions[1].status is SubscriptionStatus.ACTIVE
    ordered = add_subscriptions(
        team, buyer.id, back.version, [SubscriptionLine(e3, 1)], actor="sam"
    )
    assert len(ordered.subscriptions) == 3
    done = cancel_subscription(team, active.id, active.version, actor="sam")
    assert done.subscriptions[0].status is SubscriptionStatus.CANCELLED


def test_suspending_everything_to_remove_a_relationship_takes_the_removing_role(
    team: Database, buyer: CustomerDetails
) -> None:
    # A Sales agent suspends one subscription at a time, but not all of them as the first step
    # of a removal only a Global admin may finish.
    for user in ("sam", "hal", "stranger"):
        refused(
            lambda user=user: suspend_active_subscriptions(team, buyer.id, actor=user), REMOVERS
        )
    assert get_customer(team, buyer.id) == buyer
    assert suspend_active_subscriptions(team, buyer.id, actor="ana") == 1
    statuses = {sub.status for sub in get_customer(team, buyer.id).subscriptions}
    assert statuses == {SubscriptionStatus.SUSPENDED}


# -- indirect resellers --------------------------------------------------------------------------

TENANT = "0f4c2a8e-5b1d-4e7a-9c3f-2d6b8a1e4f70"
OTHER_TENANT = "a3e1d9c2-7f40-4b8a-b5d6-1c2e3f4a5b6c"


@pytest.fixture
def provider(team: Database) -> Database:
    set_partner_profile(
        team,
        PartnerProfileInput(
            name="Fabrikam Cloud Partners",
            tenant_id="6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            partner_id="4847383",
            partner_type=PartnerType.INDIRECT_PROVIDER,
        ),
        actor="ana",
    )
    return team


def resellers(db: Database) -> list[tuple[str, str, str]]:
    with db.session_factory() as session:
        rows = session.scalars(select(IndirectReseller).order_by(IndirectReseller.partner_id))
        return [(row.name, row.partner_id, row.state.value) for row in rows]


def test_only_admin_agents_and_global_admins_manage_resellers(provider: Database) -> None:
    db = provider
    litware = add_reseller(db, ResellerInput("Litware", "4410287", TENANT, "US"), actor="ada")
    csv = io.StringIO(
        "Company name,MPN ID,Microsoft ID,Location\n"
        f"Contoso,7204518,{OTHER_TENANT},US\n"
        "Fourth Coffee,5120931,not-a-guid,TW\n"
    )
    preview = read_reseller_csv(db, csv)
    renamed = ResellerInput("Litware Inc.", "4410287", TENANT, "US")
    before = resellers(db)

    def attempts(user: str) -> list[Callable[[], object]]:
        return [
            lambda: add_reseller(
                db, ResellerInput("Adatum", "6035518", OTHER_TENANT, "TW"), actor=user
            ),
            lambda: update_reseller(db, litware.id, renamed, actor=user),
            lambda: suspend_reseller(db, litware.id, actor=user),
            lambda: reactivate_reseller(db, litware.id, actor=user),
            lambda: import_resellers(db, preview, skip_invalid=True, actor=user),
        ]

    for user in ("sam", "hal", "bea", "stranger"):  # Sales agents sell; they pick no resellers
        for attempt in attempts(user):
            refused(attempt, RESELLER_MANAGERS)
    assert resellers(db) == before == [("Litware", "4410287", "active")]

    assert update_reseller(db, litware.id, renamed, actor="ana").name == "Litware Inc."
    assert not suspend_reseller(db, litware.id, actor="ada").is_active
    assert reactivate_reseller(db, litware.id, actor="ana").is_active
    assert import_resellers(db, preview, skip_invalid=True, actor="ada").skipped == 1
    assert [r.name for r in list_resellers(db)] == ["Contoso", "Litware Inc."]


def test_whoever_is_refused_for_resellers_is_told_the_partner_type_first(team: Database) -> None:
    # A direct-bill partner has no resellers at all: no role would help, so that is the reason.
    with pytest.raises(NotAllowed) as not_allowed:
        add_reseller(team, ResellerInput("Litware", "4410287", TENANT, "US"), actor="sam")
    assert "Only an indirect provider has indirect resellers" in str(not_allowed.value.args[0])
