"""Demo data for ``pcdesk --demo``: a partner, its resellers and customers in several countries.

Everything goes in through the same services a user's input does, so the demo obeys every rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from pcdesk.models import Customer, IndirectReseller, PartnerProfile, PartnerType, ResellerState
from pcdesk.models.database import Database
from pcdesk.services.catalog import offers as catalog
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import (
    AgreementInput,
    CustomerInput,
    PartnerProfileInput,
    SubscriptionLine,
)
from pcdesk.services.partner.profile import set_partner_profile

DEMO_ACTOR = "demo"
DEMO_PARTNER = PartnerProfileInput(
    name="Fabrikam Cloud Partners 富碧坎雲端",
    tenant_id="6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    partner_id="4847383",
    partner_type=PartnerType.INDIRECT_PROVIDER,
    domain="fabrikam-cloud.example",
)
DEMO_RESELLERS = (
    ("Northwind Traders IT Services", "5120931", "TW", ResellerState.ACTIVE),
    ("Adatum Solutions 艾達姆資訊", "6035518", "TW", ResellerState.ACTIVE),
    ("Litware Inc.", "4410287", "US", ResellerState.ACTIVE),
    ("Proseware Partners (suspended)", "3987765", "US", ResellerState.SUSPENDED),
)


@dataclass(frozen=True)
class DemoCustomer:
    account: CustomerInput
    accepted: bool
    # (product id, SKU id, term, billing plan, licenses), looked up in the customer's market
    orders: tuple[tuple[str, str, str, str, int], ...] = ()
    reseller: int | None = None  # index into DEMO_RESELLERS


def _tw(
    company: str,
    line1: str,
    city: str,
    state: str,
    postal: str,
    first: str,
    last: str,
    email: str,
    phone: str,
    domain: str,
) -> CustomerInput:
    return CustomerInput(
        company_name=company,
        country="TW",
        address_line1=line1,
        city=city,
        state=state,
        postal_code=postal,
        contact_first_name=first,
        contact_last_name=last,
        contact_email=email,
        contact_phone=phone,
        domain_prefix=domain,
    )


def _us(
    company: str,
    line1: str,
    city: str,
    state: str,
    postal: str,
    first: str,
    last: str,
    email: str,
    domain: str,
    tags: str = "",
) -> CustomerInput:
    return CustomerInput(
        company_name=company,
        country="US",
        address_line1=line1,
        city=city,
        state=state,
        postal_code=postal,
        contact_first_name=first,
        contact_last_name=last,
        contact_email=email,
        domain_prefix=domain,
        tags=tags,
    )


BASIC, STANDARD, PREMIUM = (
    ("CFQ7TTC0LH18", "0001"),
    ("CFQ7TTC0LDPB", "0001"),
    ("CFQ7TTC0LCHC", "0002"),
)
E3, TEAMS, COPILOT = ("CFQ7TTC0LFLX", "0001"), ("CFQ7TTC0JN4R", "0002"), ("CFQ7TTC0MM8R", "0002")


def _order(
    offer: tuple[str, str], licenses: int, term: str = "P1Y", plan: str = "Annual"
) -> tuple[str, str, str, str, int]:
    return (offer[0], offer[1], term, plan, licenses)


DEMO_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        _tw(
            "台灣晶片設計股份有限公司",
            "信義路五段7號",
            "信義區",
            "台北市",
            "110",
            "志明",
            "陳",
            "chen.zhiming@twchipdesign.com.tw",
            "+886 2 2720 1234",
            "twchipdesign",
        ),
        True,
        (_order(PREMIUM, 45), _order(COPILOT, 10)),
        reseller=0,
    ),
    DemoCustomer(
        _tw(
            "高雄港埠物流有限公司",
            "成功二路88號",
            "前鎮區",
            "高雄市",
            "806",
            "美玲",
            "林",
            "lin.meiling@khharbour.com.tw",
            "+886 7 536 2288",
            "khharbourlogistics",
        ),
        True,
        (_order(STANDARD, 120),),
        reseller=1,
    ),
    DemoCustomer(
        _tw(
            "Formosa Tea Export Co., Ltd.",
            "No. 100, Sec. 1, Zhongshan Rd.",
            "West Dist.",
            "Taichung City",
            "403",
            "Kevin",
            "Huang",
            "kevin.huang@formosatea.com.tw",
            "+886 4 2222 3333",
            "formosateaexport",
        ),
        False,
    ),
    DemoCustomer(
        _tw(
            "新竹精密機械股份有限公司",
            "光復路二段101號",
            "東區",
            "新竹市",
            "300",
            "建宏",
            "王",
            "wang.jianhong@hcprecision.com.tw",
            "",
            "hcprecision",
        ),
        True,
        (_order(BASIC, 60, "P1M", "Monthly"), _order(TEAMS, 15)),
        reseller=0,
    ),
    DemoCustomer(
        _tw(
            "台南文創設計工作室",
            "中正路20號",
            "中西區",
            "台南市",
            "700",
            "雅婷",
            "張",
            "zhang.yating@tainan-studio.tw",
            "",
            "tainanstudio",
        ),
        True,
        (_order(BASIC, 8),),
    ),
    DemoCustomer(
        _us(
            "Contoso Pharmaceuticals",
            "One Microsoft Way",
            "Redmond",
            "WA",
            "98052",
            "Dana",
            "Whitfield",
            "dana.whitfield@contosopharma.com",
            "contosopharma",
            "enterprise, healthcare",
        ),
        True,
        (_order(E3, 850), _order(COPILOT, 120)),
        reseller=2,
    ),
    DemoCustomer(
        _us(
            "Tailspin Toys",
            "1 Market St",
            "San Francisco",
            "CA",
            "94105",
            "Marcus",
            "Ortega",
            "marcus@tailspintoys.com",
            "tailspintoys",
        ),
        True,
        (_order(STANDARD, 35),),
    ),
    DemoCustomer(
        _us(
            "Wide World Importers LLC",
            "350 Fifth Avenue",
            "New York",
            "NY",
            "10118",
            "Priya",
            "Raman",
            "priya.raman@wideworldimporters.com",
            "wideworldimporters",
        ),
        True,
        (_order(PREMIUM, 210), _order(TEAMS, 40, "P1M", "Monthly")),
        reseller=2,
    ),
    DemoCustomer(
        _us(
            "Alpine Ski House",
            "200 Main Street",
            "Aspen",
            "CO",
            "81611",
            "Hannah",
            "Berg",
            "hannah@alpineskihouse.com",
            "alpineskihouse",
            "seasonal",
        ),
        False,
    ),
    DemoCustomer(
        _us(
            "Blue Yonder Airlines",
            "2500 N Loop W",
            "Houston",
            "TX",
            "77092",
            "Luis",
            "Navarro",
            "l.navarro@blueyonderair.com",
            "blueyonderair",
        ),
        True,
        (_order(BASIC, 300),),
    ),
    DemoCustomer(
        CustomerInput(
            company_name="Fourth Coffee GmbH",
            country="DE",
            address_line1="Friedrichstraße 123",
            city="Berlin",
            postal_code="10117",
            contact_first_name="Jonas",
            contact_last_name="Keller",
            contact_email="jonas.keller@fourthcoffee.de",
            domain_prefix="fourthcoffeede",
        ),
        True,
    ),
    DemoCustomer(
        CustomerInput(
            company_name="Margie's Travel Ltd",
            country="GB",
            address_line1="10 Downing Lane",
            city="London",
            postal_code="EC1Y 8SY",
            contact_first_name="Olivia",
            contact_last_name="Hughes",
            contact_email="olivia.hughes@margiestravel.co.uk",
            domain_prefix="margiestravel",
        ),
        True,
    ),
    DemoCustomer(
        CustomerInput(
            company_name="Coho Vineyard Ltda.",
            country="BR",
            address_line1="Avenida Paulista, 1000",
            city="São Paulo",
            state="SP",
            postal_code="01310-100",
            contact_first_name="Ana",
            contact_last_name="Souza",
            contact_email="ana.souza@cohovineyard.com.br",
            contact_phone="+55 11 3456-7890",
            domain_prefix="cohovineyardbr",
            organization_registration_id="12.345.678/0001-95",
        ),
        False,
    ),
    DemoCustomer(
        CustomerInput(
            company_name="株式会社ノースウィンド",
            country="JP",
            address_line1="丸の内1-1-1",
            state="東京都",
            postal_code="100-0005",
            contact_first_name="翔太",
            contact_last_name="佐藤",
            contact_email="sato.shota@northwind.co.jp",
            domain_prefix="northwindjp",
        ),
        True,
    ),
    DemoCustomer(
        CustomerInput(
            company_name="Woodgrove Bank Australia",
            country="AU",
            address_line1="1 Martin Place",
            city="Sydney",
            state="NSW",
            postal_code="2000",
            contact_first_name="Chloe",
            contact_last_name="Nguyen",
            contact_email="chloe.nguyen@woodgrovebank.com.au",
            domain_prefix="woodgroveau",
        ),
        True,
    ),
)


def is_empty(db: Database) -> bool:
    """True for a database with no partner profile and no customers yet."""
    with db.reading() as session:
        has_profile = session.get(PartnerProfile, 1) is not None
        customers = session.execute(select(func.count()).select_from(Customer)).scalar_one()
        return not has_profile and customers == 0


def seed_demo(db: Database) -> int:
    """Fill an empty database with the demo partner, resellers and customers; returns customers."""
    set_partner_profile(db, DEMO_PARTNER, actor=DEMO_ACTOR)
    if not catalog.markets(db):
        catalog.import_starter_catalog(db)
    with db.writing() as session:
        resellers = [
            IndirectReseller(name=name, partner_id=mpn, country=country, state=state)
            for name, mpn, country, state in DEMO_RESELLERS
        ]
        session.add_all(resellers)
        session.flush()
        reseller_ids = [reseller.id for reseller in resellers]
    accepted_on = dt.date(2025, 3, 14)
    for demo in DEMO_CUSTOMERS:
        account = demo.account
        if demo.reseller is not None:
            account = _with_reseller(account, reseller_ids[demo.reseller])
        agreement = (
            AgreementInput(
                accepted=True,
                signer_first_name=account.contact_first_name,
                signer_last_name=account.contact_last_name,
                signer_email=account.contact_email,
                date_accepted=accepted_on,
            )
            if demo.accepted
            else AgreementInput(accepted=False)
        )
        create_customer(
            db, account, agreement, _lines(db, account.country, demo.orders), actor=DEMO_ACTOR
        )
    return len(DEMO_CUSTOMERS)


def _with_reseller(account: CustomerInput, reseller_id: int) -> CustomerInput:
    return replace(account, indirect_reseller_id=reseller_id)


def _lines(
    db: Database, market: str, orders: tuple[tuple[str, str, str, str, int], ...]
) -> list[SubscriptionLine]:
    if not orders:
        return []
    offers = {
        (o.product_id, o.sku_id, o.term, o.billing_plan): o.id
        for o in catalog.list_offers(db, market=market)
    }
    return [
        SubscriptionLine(offer_id=offers[(product, sku, term, plan)], quantity=licenses)
        for product, sku, term, plan, licenses in orders
    ]
