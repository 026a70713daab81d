"""Team roles: who may do what, as Partner Center's role table says."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pcdesk.errors import NotAllowed, ValidationFailed
from pcdesk.models import AuditEvent, PartnerRole
from pcdesk.models.database import Database
from pcdesk.services.partner.roles import (
    Task,
    TeamMemberData,
    list_team,
    may,
    not_allowed_message,
    roles_of,
    set_team,
)

GLOBAL = frozenset({PartnerRole.GLOBAL_ADMIN})
HELPDESK = frozenset({PartnerRole.HELPDESK_AGENT})


def test_without_a_team_everyone_holds_every_role(db: Database) -> None:
    assert list_team(db) == ()
    assert roles_of(db, "anyone") == frozenset(PartnerRole)
    assert all(may(db, task, "anyone") for task in Task)


def test_once_recorded_roles_decide_and_strangers_may_only_view(db: Database) -> None:
    set_team(
        db,
        [TeamMemberData("ana", GLOBAL), TeamMemberData("ben", HELPDESK)],
        actor="ana",
    )
    assert may(db, Task.REMOVE_RELATIONSHIP, "ana")
    assert not may(db, Task.REQUEST_RELATIONSHIP, "ana")  # Admin and Sales agents request
    assert not may(db, Task.REMOVE_RELATIONSHIP, "ben")
    assert roles_of(db, "stranger") == frozenset()
    assert [m.user_name for m in list_team(db)] == ["ana", "ben"]
    with db.session_factory() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["team.member_added", "team.member_added"]


def test_only_a_global_admin_changes_the_team(db: Database) -> None:
    set_team(db, [TeamMemberData("ana", GLOBAL), TeamMemberData("ben", HELPDESK)], actor="ana")
    with pytest.raises(NotAllowed):
        set_team(db, [TeamMemberData("ben", GLOBAL)], actor="ben")
    assert roles_of(db, "ben") == HELPDESK


@pytest.mark.parametrize(
    ("members", "actor"),
    [
        ([TeamMemberData("ana", HELPDESK)], "ana"),  # no Global admin left
        ([TeamMemberData("ana", GLOBAL)], "zoe"),  # whoever records it must be in it
        ([TeamMemberData("ana", GLOBAL), TeamMemberData(" ana ", GLOBAL)], "ana"),  # twice
        ([TeamMemberData("  ", GLOBAL)], "ana"),  # no name
    ],
)
def test_a_team_that_would_lock_itself_out_is_refused(
    db: Database, members: list[TeamMemberData], actor: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        set_team(db, members, actor=actor)
    assert set(refused.value.errors) == {"team"}
    assert list_team(db) == ()


@pytest.mark.parametrize(
    ("task", "text"),
    [
        (
            Task.REQUEST_RELATIONSHIP,
            "Your role cannot do this. It needs: Admin agent / Sales agent. Ask your Global admin "
            "for the role.",
        ),
        (
            Task.REMOVE_RELATIONSHIP,
            "Your role cannot do this. It needs: Global admin. Ask your Global admin for the role.",
        ),
    ],
)
def test_the_refusal_reads_well_with_one_role_or_several(task: Task, text: str) -> None:
    # It once read "Only a Admin agent / Sales agent may do this".
    assert not_allowed_message(task) == text
