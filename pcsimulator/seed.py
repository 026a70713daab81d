"""Deterministic, realistic customers at any size: company names in several scripts, addresses
in their countries, initial domains that are unique, and 0-3 subscriptions each."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

# (country, culture, cities, name parts: (first words, second words, legal forms))
_MARKETS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("US", "en-US", ("Seattle", "Austin", "Boston", "Denver"),
     ("Contoso", "Fabrikam", "Northwind", "Tailspin", "Adatum", "Litware", "Proseware", "Wingtip"),
     ("Pharmaceuticals", "Traders", "Toys", "Logistics", "Health", "Foods", "Robotics", "Energy"),
     ("Inc.", "LLC", "Corp.", "")),
    ("GB", "en-GB", ("London", "Leeds", "Bristol"),
     ("Blue Yonder", "Coho", "Margie's", "Woodgrove", "Trey"),
     ("Airlines", "Winery", "Travel", "Bank", "Research"), ("Ltd", "plc", "")),
    ("DE", "de-DE", ("Berlin", "München", "Köln"),
     ("Müller", "Schäfer", "Bäckerei", "Größe", "Weiß"),
     ("Maschinenbau", "Logistik", "Handel", "Software"), ("GmbH", "AG", "GmbH & Co. KG")),
    ("FR", "fr-FR", ("Paris", "Lyon", "Lille"),
     ("Société", "Atelier", "Boulangerie", "Élan"), ("Générale", "Numérique", "du Nord"),
     ("SARL", "SAS", "S.A.")),
    ("TW", "zh-TW", ("臺北市", "新竹市", "臺中市", "高雄市"),
     ("台灣", "富碧坎", "晶片", "雲端", "新竹", "永豐"), ("科技", "設計", "電子", "資訊", "貿易"),
     ("股份有限公司", "有限公司")),
    ("JP", "ja-JP", ("東京都", "大阪市", "名古屋市"),
     ("ノースウィンド", "富士", "桜", "日本"), ("システムズ", "商事", "電機", "物産"),
     ("株式会社", "合同会社")),
    ("KR", "ko-KR", ("서울", "부산", "인천"), ("한빛", "세종", "미래"), ("전자", "소프트", "물산"),
     ("주식회사", "")),
    ("RU", "ru-RU", ("Москва", "Казань"), ("Северный", "Сибирь", "Волга"),
     ("Технологии", "Логистика", "Софт"), ("ООО", "АО")),
    ("BR", "pt-BR", ("São Paulo", "Curitiba"), ("Açaí", "Paraná", "Estrela"),
     ("Tecnologia", "Comércio", "Serviços"), ("Ltda", "S.A.")),
    ("IN", "en-IN", ("Bengaluru", "Mumbai", "Pune"), ("Infotech", "Sahyadri", "Ganga"),
     ("Solutions", "Systems", "Exports"), ("Pvt Ltd", "Limited")),
    ("GR", "el-GR", ("Αθήνα", "Θεσσαλονίκη"), ("Ακρόπολη", "Ολυμπία"), ("Τεχνολογίες", "Εμπόριο"),
     ("Α.Ε.", "")),
)  # fmt: skip

# Real new-commerce offers (partner-center.md), product:sku:availability, name, annual price.
OFFERS: tuple[tuple[str, str], ...] = (
    ("CFQ7TTC0LH18:0001:CFQ7TTC0K971", "Microsoft 365 Business Basic"),
    ("CFQ7TTC0LDPB:0001:CFQ7TTC0K5QT", "Microsoft 365 Business Standard"),
    ("CFQ7TTC0LCHC:0002:CFQ7TTC0K5DJ", "Microsoft 365 Business Premium"),
    ("CFQ7TTC0LFLX:0001:CFQ7TTC0K8RD", "Microsoft 365 E3"),
    ("CFQ7TTC0LF8Q:0001:CFQ7TTC0K4VD", "Office 365 E1"),
    ("CFQ7TTC0LH16:0001:CFQ7TTC0K3G2", "Exchange Online (Plan 1)"),
    ("CFQ7TTC0LHSF:0001:CFQ7TTC0JK5N", "Power BI Pro"),
)

_ASCII = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class SimCustomer:
    tenant_id: str
    commerce_id: str
    company_name: str
    domain: str
    country: str
    culture: str
    city: str
    address_line1: str
    postal_code: str
    email: str
    first_name: str
    last_name: str
    relationship: str = "reseller"
    reseller_id: str | None = None  # an indirect reseller's tenant id
    validation_status: str | None = "Allowed"
    billing_etag: int = 1
    created: dt.datetime = field(default_factory=lambda: dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    state: str = ""
    phone: str = ""
    registration_number: str = ""
    gdap_by_default: bool | None = None
    mca_signed: bool = False  # directSignedMicrosoftCustomerAgreementStatus


@dataclass
class SimSubscription:
    id: str
    offer_id: str
    offer_name: str
    quantity: int
    status: str
    term_duration: str
    billing_cycle: str
    created: dt.datetime
    etag: int = 1
    auto_renew: bool = True
    # The new-commerce windows (partner-center-api.md §8): licences added within the last 7 days
    # may be reduced, and the subscription cancelled, until these moments.
    refundable: int = 0  # how many licences may still be reduced
    refund_until: dt.datetime | None = None
    cancel_until: dt.datetime | None = None


@dataclass
class SimReseller:
    tenant_id: str
    name: str
    mpn_id: str
    location: str
    state: str = "Active"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def resellers(seed: int, count: int = 5) -> list[SimReseller]:
    rng = random.Random(seed * 7919 + 1)
    names = ("Adventure Works Cloud", "Relecloud Partners", "Fourth Coffee IT", "VanArsdel Tech",
             "雲端轉銷商股份有限公司", "Lamna Healthcare IT", "Humongous Systems")  # fmt: skip
    return [
        SimReseller(_uuid(rng), names[i % len(names)] + ("" if i < len(names) else f" {i}"),
                    str(4_000_000 + rng.randrange(900_000)), ("US", "TW", "GB", "DE")[i % 4])
        for i in range(count)
    ]  # fmt: skip


def customers(seed: int, count: int, reseller_ids: list[str] | None = None) -> list[SimCustomer]:
    """``count`` customers, the same for the same seed."""
    rng = random.Random(seed)
    made: list[SimCustomer] = []
    for n in range(count):
        made.append(customer(rng, n, reseller_ids or []))
    return made


def customer(rng: random.Random, n: int, reseller_ids: list[str]) -> SimCustomer:
    country, culture, cities, first, second, forms = _MARKETS[rng.randrange(len(_MARKETS))]
    form = rng.choice(forms)
    name = f"{rng.choice(first)} {rng.choice(second)}"
    if country in {"TW", "JP"}:
        name = name.replace(" ", "")
    name = f"{name}{form}" if country in {"TW", "JP"} else f"{name} {form}".strip()
    if country == "KR" and form:
        name = f"{form} {name}"
    if country == "RU":
        name = f"{form} «{name.rsplit(' ', 1)[0]}»"
    # Letters and digits only, at most 27, unique by the customer's number.
    stem = "".join(rng.choice(_ASCII) for _ in range(6))
    domain = f"{stem}{n}.onmicrosoft.com"
    reseller = rng.choice(reseller_ids) if reseller_ids and rng.random() < 0.3 else None
    return SimCustomer(
        tenant_id=_uuid(rng),
        commerce_id=_uuid(rng),
        company_name=name,
        domain=domain,
        country=country,
        culture=culture,
        city=rng.choice(cities),
        address_line1=f"{rng.randrange(1, 400)} Main Street",
        postal_code=f"{rng.randrange(10000, 99999)}",
        email=f"admin@{stem}{n}.example",
        first_name="Dana",
        last_name="Lee",
        reseller_id=reseller,
        validation_status="UnderReview" if rng.random() < 0.02 else "Allowed",
        created=dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n),
    )


def subscriptions(seed: int, tenant_id: str) -> list[SimSubscription]:
    """0-3 subscriptions of one customer, the same for the same seed and customer."""
    rng = random.Random(f"{seed}:{tenant_id}")
    made = []
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        offer_id, name = rng.choice(OFFERS)
        monthly = rng.random() < 0.4
        made.append(
            SimSubscription(
                id=_uuid(rng),
                offer_id=offer_id,
                offer_name=name,
                quantity=rng.randrange(1, 50),
                status="suspended" if rng.random() < 0.05 else "active",
                term_duration="P1M" if monthly else "P1Y",
                billing_cycle="monthly" if monthly else "annual",
                created=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
                + dt.timedelta(hours=rng.randrange(8000)),
            )
        )
    return made
