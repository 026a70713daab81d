"""On a shared PostgreSQL database the database itself keeps the team's roles: a member who
connects with psql (or any tool) can do no more than pcdesk would let them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from pcdesk.errors import Unavailable
from pcdesk.models import Customer, PartnerRole
from pcdesk.models.database import Database, DatabaseUnavailableError, open_database, redact
from pcdesk.models.storage import Trouble
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.partner import actor
from pcdesk.services.partner.roles import TeamMemberData, set_team

pytestmark = pytest.mark.postgresql

PENDING = AgreementInput(accepted=False)


@pytest.fixture
def team_database(postgres_schemas: object) -> Iterator[tuple[Database, Callable[[str], str]]]:
    """A fresh schema, and a way to make logins (dropped at the end)."""
    url = postgres_schemas.new()  # type: ignore[attr-defined]
    owner = open_database(url)
    made: list[str] = []

    def login(name: str) -> str:
        role = f"pcdesk_test_{name}_{uuid.uuid4().hex[:8]}"
        with owner.engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        made.append(role)
        return role

    yield owner, login
    owner.dispose()
    admin = create_engine(make_url(url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            for role in made:
                connection.execute(text(f'DROP OWNED BY "{role}"'))
                connection.execute(text(f'DROP ROLE "{role}"'))
    finally:
        admin.dispose()


def as_login(owner: Database, login: str) -> Engine:
    return create_engine(owner.engine.url.set(username=login))


def refused(engine: Engine, statement: str) -> str:
    """The SQLSTATE with which the database refuses ``statement`` run by that login."""
    with pytest.raises(DBAPIError) as failure, engine.begin() as connection:
        connection.execute(text(statement))
    return str(getattr(failure.value.orig, "sqlstate", ""))


def test_each_login_can_do_what_its_role_allows_and_nothing_more(
    team_database: tuple[Database, Callable[[str], str]], us_customer: CustomerInput
) -> None:
    owner, login = team_database
    boss, seller, helper = login("ana"), login("sam"), login("hal")
    set_team(
        owner,
        [
            TeamMemberData(boss, frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData(seller, frozenset({PartnerRole.SALES_AGENT})),
            TeamMemberData(helper, frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor=boss,
    )
    created = create_customer(owner, us_customer, PENDING, actor=seller)
    helpdesk, sales = as_login(owner, helper), as_login(owner, seller)
    try:
        # A Helpdesk agent reads and edits details, but cannot add a customer.
        with helpdesk.begin() as connection:
            assert connection.execute(select(Customer.company_name)).scalars().all()
            connection.execute(
                text("UPDATE customer SET city = 'Kirkland' WHERE id = :id"), {"id": created.id}
            )
        assert refused(helpdesk, "INSERT INTO customer (company_name) VALUES ('Sneaky')") == "42501"
        # A Sales agent cannot remove a relationship, nor change the team.
        assert (
            refused(sales, f"UPDATE customer SET relationship = 'none' WHERE id = {created.id}")
            == "42501"
        )
        assert (
            refused(sales, "INSERT INTO team_member (user_name, roles, updated_at, updated_by)"
                    " VALUES ('me', 'global_admin', now(), 'me')")
            == "42501"
        )  # fmt: skip
        assert refused(sales, "DELETE FROM team_member") == "42501"
    finally:
        helpdesk.dispose()
        sales.dispose()


def test_pcdesk_itself_connected_as_a_login_is_refused_in_the_users_words(
    team_database: tuple[Database, Callable[[str], str]], us_customer: CustomerInput
) -> None:
    owner, login = team_database
    boss, helper = login("ana"), login("hal")
    set_team(
        owner,
        [
            TeamMemberData(boss, frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData(helper, frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor=boss,
    )
    helpdesk = open_database(
        str(owner.engine.url.set(username=helper).render_as_string(False)), migrate=False
    )
    try:
        assert actor.current_user(helpdesk) == helper  # the database login is who acts
        # Even were pcdesk's own check stepped around, the database says no.
        with pytest.raises(Unavailable) as failure, helpdesk.writing() as session:
            session.execute(text("INSERT INTO customer (company_name) VALUES ('x')"))
        assert failure.value.message == Trouble.REFUSED.message
    finally:
        helpdesk.dispose()


def test_nothing_is_open_to_every_login(
    team_database: tuple[Database, Callable[[str], str]], us_customer: CustomerInput
) -> None:
    # Until a team is recorded the database is its owner's, as before the roles were installed:
    # another login the owner never granted anything can neither read nor write it.
    owner, login = team_database
    stranger = as_login(owner, login("stranger"))
    try:
        # Without even the schema: PostgreSQL says the table is not there (42P01), or refuses.
        assert refused(stranger, "SELECT count(*) FROM customer") in {"42501", "42P01"}
        assert refused(stranger, "INSERT INTO customer (company_name) VALUES ('x')") in {
            "42501",
            "42P01",
        }
    finally:
        stranger.dispose()
    assert create_customer(owner, us_customer, PENDING).id  # the owner holds every role


def test_a_login_outside_the_team_opening_pcdesk_is_told_it_is_not_in_the_team(
    team_database: tuple[Database, Callable[[str], str]],
) -> None:
    owner, login = team_database
    stranger = login("stranger")
    url = owner.engine.url.set(username=stranger)

    with pytest.raises(DatabaseUnavailableError) as failure:
        open_database(url.render_as_string(hide_password=False))

    assert str(failure.value.message) == (
        f"The database login {stranger} may not use the pcdesk database {redact(url)}: it is "
        f"not in its team. Ask whoever manages the database to add {stranger} in "
        "Partner > Team and roles."
    )
    with owner.engine.connect() as connection:  # nothing was made, nothing changed
        assert connection.execute(select(Customer.id)).all() == []


def test_a_database_address_naming_a_schema_that_does_not_exist_says_so(
    team_database: tuple[Database, Callable[[str], str]],
) -> None:
    owner, _login = team_database
    url = owner.engine.url.update_query_dict({"options": "-csearch_path=no_such_schema_here"})

    with pytest.raises(DatabaseUnavailableError) as failure:
        open_database(url.render_as_string(hide_password=False))

    assert str(failure.value.message) == (
        f"The database {redact(url)} has no schema no_such_schema_here to work in. Check the "
        "database's address, or ask whoever manages the server to create the schema."
    )
