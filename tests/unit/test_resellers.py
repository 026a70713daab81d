"""The indirect resellers a customer can be associated with."""

from __future__ import annotations

from pcdesk.models import IndirectReseller, ResellerState
from pcdesk.models.database import Database
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.resellers import ResellerData, list_resellers


def test_only_active_resellers_are_offered_by_name(db: Database) -> None:
    seed_demo(db)
    resellers = list_resellers(db)
    assert [r.name for r in resellers] == [
        "Adatum Solutions 艾達姆資訊",
        "Litware Inc.",
        "Northwind Traders IT Services",
    ]
    assert all(r.state is ResellerState.ACTIVE for r in resellers)
    litware = resellers[1]
    assert (litware.partner_id, litware.country) == ("4410287", "US")


def test_all_resellers_include_the_suspended_one(db: Database) -> None:
    seed_demo(db)
    everyone = list_resellers(db, active_only=False)
    assert len(everyone) == 4
    suspended = [r for r in everyone if r.state is ResellerState.SUSPENDED]
    assert [r.name for r in suspended] == ["Proseware Partners (suspended)"]


def test_names_sort_ignoring_case_and_width_then_by_id(db: Database) -> None:
    with db.session_factory.begin() as session:
        for name, mpn in [
            ("litware", "1000001"),
            ("Contoso IT", "1000002"),
            ("LITWARE", "1000003"),
            ("ｂｌｕｅ yonder", "1000004"),  # noqa: RUF001 - full-width, as an input method types it
            ("alpine", "1000005"),
        ]:
            session.add(IndirectReseller(name=name, partner_id=mpn, country="US"))
    resellers = list_resellers(db)
    assert [r.partner_id for r in resellers] == [
        "1000005",
        "1000004",
        "1000002",
        "1000001",
        "1000003",
    ]
    assert resellers[0] == ResellerData(
        id=resellers[0].id,
        name="alpine",
        partner_id="1000005",
        country="US",
        state=ResellerState.ACTIVE,
    )
