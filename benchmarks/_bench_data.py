"""The benchmark's database: N made-up customers, built once per N and kept in a cache folder.

The schema is pcdesk's own (``open_database`` runs the migrations, triggers and search index
included); rows go in with SQLAlchemy Core in large transactions, since creating a million
customers one service call at a time would take hours. The model-kept columns are computed with
``pcdesk.models.keys`` and ``pcdesk.models.collation`` as the model computes them; the
trigger-kept ones are left to the triggers.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import importlib
import json
import sqlite3
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate
from pathlib import Path
from random import Random
from typing import Any

from _bench_names import LOCALES, TAGS, Locale
from sqlalchemy import Connection, Table, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from pcdesk.models import (
    AccountStatus,
    AgreementAcceptance,
    AgreementStatus,
    AgreementType,
    Base,
    CatalogOffer,
    Customer,
    IndirectReseller,
    PartnerProfile,
    PartnerType,
    Relationship,
    ResellerState,
    Subscription,
    SubscriptionStatus,
    collation,
    keys,
)
from pcdesk.models.database import Database, open_database, package_path, sqlite_url
from pcdesk.models.revisions import head_revision
from pcdesk.services.catalog.offers import import_starter_catalog

# Bump when what is generated changes: a cached database with another stamp is built again, as is
# one made by other migrations or keys (see _stamp).
DATA_VERSION = 2  # 2: customer.collation_key
SEED = 20_261_121
BATCH = 20_000
ACTOR = "benchmark"
MAX_DOMAIN_PREFIX = 27
FIRST_DAY = dt.datetime(2014, 1, 1, tzinfo=dt.UTC)
LAST_DAY = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
# The customer whose domain and Microsoft ID the searches take pieces of (the last one when there
# are fewer). Row i is the same customer in every database, so the searches are the same too.
SAMPLE_CUSTOMER = 4_242

CALLING_CODES = {
    "US": "1",
    "CA": "1",
    "GB": "44",
    "AU": "61",
    "DE": "49",
    "AT": "43",
    "FR": "33",
    "BE": "32",
    "TW": "886",
    "JP": "81",
    "KR": "82",
    "ES": "34",
    "BR": "55",
    "NL": "31",
    "SE": "46",
    "PL": "48",
    "TH": "66",
}

_RESELLER_NAMES = (
    "Northwind Traders IT Services",
    "Adatum Solutions 艾達姆資訊",
    "Litware Inc.",
    "Proseware Partners",
    "Tailspin Cloud Reseller",
    "Wingtip Systems GmbH",
    "Relecloud Consulting",
    "Lamna Informatique SAS",
    "Woodgrove IT 伍德格羅夫",
    "Fourth Coffee Tech Ltd",
    "Humongous Networks LLC",
    "Alpine Ski House IT",
    "Coho Digital Pty Ltd",
    "株式会社ノースウィンドシステム",
    "(주)한빛클라우드",
    "Lucerne Publishing IT",
)


@dataclass(frozen=True)
class CachedDatabase:
    path: Path
    customers: int
    build_seconds: float
    from_cache: bool
    url: str = ""  # the database URL to open (SQLite: the path's)

    @property
    def open_url(self) -> str:
        return self.url or sqlite_url(self.path)


def cache_path(cache_dir: Path, customers: int) -> Path:
    return cache_dir / f"customers-{customers}.sqlite3"


def _stamp(customers: int) -> dict[str, Any]:
    return {
        "data_version": DATA_VERSION,
        "schema": head_revision(),
        "schema_source": _schema_source_digest(),
        "customers": customers,
    }


def _schema_source_digest() -> str:
    """A digest of the migrations and the model's keys (the collation's table too): a change to
    any of them rebuilds."""
    digest = hashlib.sha256()
    versions = sorted(package_path("migrations", "versions").glob("*.py"))
    keys_sources = [package_path("models", "keys.py"), package_path("models", "collation.py")]
    table = resources.files("pcdesk.resources").joinpath("collation", "han_stroke_order.txt")
    for source in [*versions, *keys_sources, table]:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def cached_database(
    cache_dir: Path, customers: int, *, rebuild: bool, say: Callable[[str], None]
) -> CachedDatabase:
    """The database of ``customers`` customers, built unless the cache holds a current one."""
    path = cache_path(cache_dir, customers)
    stamp_path = path.with_suffix(".json")
    expected = _stamp(customers)
    if not rebuild and path.exists() and stamp_path.exists():
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        if {key: stamp.get(key) for key in expected} == expected:
            return CachedDatabase(path, customers, stamp["build_seconds"], from_cache=True)
    say(f"building {path} ({customers:,} customers)...")
    building = path.with_suffix(".building")
    for stale in (path, stamp_path, building):
        _remove_with_journal(stale)
    started = time.perf_counter()
    build_database(building, customers, say=say)
    seconds = time.perf_counter() - started
    building.rename(path)
    stamp_path.write_text(json.dumps({**expected, "build_seconds": seconds}), encoding="utf-8")
    say(f"built {path.name} in {seconds:.1f} s")
    return CachedDatabase(path, customers, seconds, from_cache=False)


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_database(path: Path, customers: int, *, say: Callable[[str], None]) -> None:
    db = open_database(sqlite_url(path))
    try:
        import_starter_catalog(db)
        offers = _offers_by_market(db)
        with db.engine.begin() as connection:
            _insert_partner(connection)
            resellers = _insert_resellers(connection)
        generator = _Generator(customers, offers, resellers)
        started = time.perf_counter()
        for first in range(1, customers + 1, BATCH):
            batch = generator.batch(first, min(BATCH, customers - first + 1))
            with db.engine.begin() as connection:
                connection.execute(insert(_table(Customer)), batch.customers)
                if batch.agreements:
                    connection.execute(insert(_table(AgreementAcceptance)), batch.agreements)
                if batch.subscriptions:
                    connection.execute(insert(_table(Subscription)), batch.subscriptions)
            done = first + len(batch.customers) - 1
            if done % 100_000 == 0 and done < customers:
                say(f"  {done:,} customers in {time.perf_counter() - started:.0f} s")
    finally:
        db.dispose()
    # Every row in the file itself, so that it can be renamed without its write-ahead log.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _table(entity: type[Base]) -> Table:
    """The entity's table, for Core inserts: no ORM objects, no per-row events."""
    table = entity.__table__
    assert isinstance(table, Table)
    return table


def _offers_by_market(db: Database) -> dict[str, list[tuple[int, str, str, int]]]:
    """(id, term, billing plan, most licenses) of the catalog's offers, by market."""
    statement = select(
        CatalogOffer.id,
        CatalogOffer.market,
        CatalogOffer.term,
        CatalogOffer.billing_plan,
        CatalogOffer.max_quantity,
    ).order_by(CatalogOffer.id)
    offers: dict[str, list[tuple[int, str, str, int]]] = {}
    with db.engine.connect() as connection:
        for offer_id, market, term, plan, most in connection.execute(statement):
            offers.setdefault(market, []).append((offer_id, term, plan, most))
    return offers


def _insert_partner(connection: Connection) -> None:
    connection.execute(
        insert(_table(PartnerProfile)),
        {
            "id": 1,
            "name": "Fabrikam Cloud Partners 富碧坎雲端",
            "tenant_id": "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "partner_id": "4847383",
            "partner_type": PartnerType.INDIRECT_PROVIDER,
            "domain": "fabrikam-cloud.example",
            "updated_at": FIRST_DAY,
            "updated_by": ACTOR,
        },
    )


def _insert_resellers(connection: Connection) -> list[int]:
    rows: list[dict[str, Any]] = [
        {
            "id": number,
            "name": name,
            "partner_id": str(5_100_000 + number * 7919),
            "tenant_id": str(uuid.UUID(int=Random(number).getrandbits(128), version=4)),
            "country": "TW" if any(ord(char) > 0x2E80 for char in name) else "US",
            "state": ResellerState.ACTIVE,
            "created_at": FIRST_DAY,
        }
        for number, name in enumerate(_RESELLER_NAMES, start=1)
    ]
    connection.execute(insert(_table(IndirectReseller)), rows)
    return [row["id"] for row in rows]


@dataclass
class _Batch:
    customers: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    subscriptions: list[dict[str, Any]]


class _Generator:
    """Customer rows one after another; row i is the same whatever the total (but for its date
    added: customers are spread over the years whatever their number)."""

    def __init__(
        self,
        total: int,
        offers: dict[str, list[tuple[int, str, str, int]]],
        resellers: list[int],
    ) -> None:
        self._total = total
        self._offers = offers
        self._resellers = resellers
        self._rng = Random(SEED)
        self._guids = Random(SEED + 1)
        self._weights = list(accumulate(locale.weight for locale in LOCALES))
        self._bare_prefixes: set[str] = set()

    def batch(self, first: int, count: int) -> _Batch:
        batch = _Batch([], [], [])
        for number in range(first, first + count):
            self._customer(number, batch)
        return batch

    def _guid(self) -> str:
        return str(uuid.UUID(int=self._guids.getrandbits(128), version=4))

    def _domain_prefix(self, slug: str, number: int) -> str:
        # Letters alone for the first customer of a name, letters and the row number after it:
        # never the same twice (the letters of a bare prefix end where digits would start).
        slug = slug or "customer"
        bare = slug[:MAX_DOMAIN_PREFIX]
        if bare not in self._bare_prefixes:
            self._bare_prefixes.add(bare)
            return bare
        digits = str(number)
        return slug[: MAX_DOMAIN_PREFIX - len(digits)] + digits

    def _customer(self, number: int, batch: _Batch) -> None:
        rng = self._rng
        locale = LOCALES[_weighted(rng, self._weights)]
        style = locale.style
        company = style.company(rng)
        first_name, first_slug = style.first_names[int(rng.random() * len(style.first_names))]
        last_name, last_slug = style.last_names[int(rng.random() * len(style.last_names))]
        city, state, postal = locale.places[int(rng.random() * len(locale.places))]
        local = (
            f"{last_slug}.{first_slug}" if style.family_name_first else f"{first_slug}.{last_slug}"
        )
        email = f"{local}@{company.slug[:24] or 'mail'}.{locale.email_tld}"
        domain_prefix = self._domain_prefix(company.slug, number)
        microsoft_id = self._guid()
        name_key = keys.fold(company.name)
        # Customers were added over the years, roughly in the order of their ids.
        span = (LAST_DAY - FIRST_DAY).total_seconds()
        created = FIRST_DAY + dt.timedelta(seconds=span * (number - rng.random()) / self._total)
        former = rng.random() < 0.08  # the reseller relationship was removed
        reseller = None
        if not former and rng.random() < 0.3:
            reseller = self._resellers[int(rng.random() * len(self._resellers))]
        tags = ""
        if rng.random() < 0.15:
            tags = ", ".join(sorted(rng.sample(TAGS, rng.randint(1, 3))))
        phone = ""
        if rng.random() < 0.6:
            code = CALLING_CODES[locale.country]
            digits = 10 if code == "1" else 9  # E.164: +1 and ten digits, most others nine
            phone = f"+{code}{rng.randint(2 * 10 ** (digits - 1), 10**digits - 1)}"
        batch.customers.append(
            {
                "id": number,
                "microsoft_id": microsoft_id,
                "company_name": company.name,
                "name_key": name_key,
                "collation_key": collation.sort_key(company.name),
                "match_key": keys.match_key(company.name),
                "country": locale.country,
                "address_line1": style.street(rng),
                "address_line2": "",
                "city": city,
                "state": state,
                "postal_code": postal,
                "contact_first_name": first_name,
                "contact_last_name": last_name,
                "contact_email": email,
                "email_domain": keys.email_domain(email),
                "contact_phone": phone,
                "domain_prefix": domain_prefix,
                "language": locale.language,
                "culture": locale.culture,
                "organization_registration_id": "",
                "indirect_reseller_id": reseller,
                "relationship": Relationship.NONE if former else Relationship.RESELLER,
                "account_status": AccountStatus.ACTIVE,
                "tags": tags,
                "search_text": keys.search_text(name_key, domain_prefix, microsoft_id),
                "created_at": created,
                "created_by": ACTOR,
                "updated_at": created,
                "updated_by": ACTOR,
                "version": 1,
            }
        )
        self._agreement(number, created, locale, (first_name, last_name, email), former, batch)
        if not former:
            self._subscriptions(number, created, locale, reseller, batch)

    def _agreement(
        self,
        number: int,
        created: dt.datetime,
        locale: Locale,
        signer: tuple[str, str, str],
        former: bool,
        batch: _Batch,
    ) -> None:
        roll = self._rng.random()
        accepted, pending = (0.5, 0.5) if former else (0.85, 0.95)
        if roll >= pending:
            return
        row: dict[str, Any] = {
            "customer_id": number,
            "agreement_type": AgreementType.MICROSOFT_CUSTOMER_AGREEMENT,
            "status": AgreementStatus.PENDING,
            "signer_first_name": None,
            "signer_last_name": None,
            "signer_email": None,
            "signer_phone": None,
            "date_accepted": None,
            "recorded_at": created,
            "recorded_by": ACTOR,
            "note": "",
        }
        if roll < accepted:
            first, last, email = signer
            row |= {
                "status": AgreementStatus.ACCEPTED,
                "signer_first_name": first,
                "signer_last_name": last,
                "signer_email": email,
                "date_accepted": created.date(),
            }
        batch.agreements.append(row)

    def _subscriptions(
        self,
        number: int,
        created: dt.datetime,
        locale: Locale,
        reseller: int | None,
        batch: _Batch,
    ) -> None:
        rng = self._rng
        roll = rng.random()
        count = 0 if roll < 0.3 else 1 if roll < 0.65 else 2 if roll < 0.87 else 3
        # The starter catalog has the US and Taiwan markets; others buy from the US list here.
        offers = self._offers.get(locale.country) or self._offers["US"]
        for offer_id, term, plan, most in rng.sample(offers, count):
            status_roll = rng.random()
            status = (
                SubscriptionStatus.ACTIVE
                if status_roll < 0.88
                else SubscriptionStatus.SUSPENDED
                if status_roll < 0.95
                else SubscriptionStatus.CANCELLED
            )
            batch.subscriptions.append(
                {
                    "customer_id": number,
                    "offer_id": offer_id,
                    "quantity": min(most, rng.choice((1, 5, 10, 25, 50, 120, 300))),
                    "term": term,
                    "billing_plan": plan,
                    "status": status,
                    "indirect_reseller_id": reseller,
                    "created_at": created,
                    "created_by": ACTOR,
                    "updated_at": created,
                    "updated_by": ACTOR,
                    "version": 1,
                }
            )


def _weighted(rng: Random, cumulative: list[int]) -> int:
    target = rng.random() * cumulative[-1]
    for index, bound in enumerate(cumulative):
        if target < bound:
            return index
    return len(cumulative) - 1


def search_queries(path: Path) -> list[str]:
    """What a user types in the search box: prefixes letter by letter, CJK, a domain, an ID."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        domain, microsoft_id = connection.execute(
            "SELECT domain_prefix, microsoft_id FROM customer WHERE id ="
            " (SELECT min(max(id), ?) FROM customer)",
            (SAMPLE_CUSTOMER,),
        ).fetchone()
    return [
        *("c", "co", "con", "cont", "conto", "contos", "contoso"),
        *("n", "no", "nor", "north", "northwind"),
        *("台", "台灣", "晶片", "晶片設計", "公司"),  # "公司": in one name in ten, all sorting last
        *("müller", "société", "東京", "한빛", "gmbh", "blue yonder"),
        domain[:12],  # the start of one customer's domain
        microsoft_id[9:18],  # a piece of one customer's Microsoft ID, with its hyphen
        "zqxjv",  # finds nobody
    ]


# -- PostgreSQL: the same customers, loaded with COPY into a schema of their own ----------------


def postgresql_schema_url(url: str, customers: int) -> str:
    """``url`` with every connection's search_path set to this size's schema."""
    return (
        make_url(url)
        .update_query_dict({"options": f"-csearch_path={postgresql_schema(customers)}"})
        .render_as_string(hide_password=False)
    )


def postgresql_schema(customers: int) -> str:
    return f"pcdesk_bench_{customers}"


def cached_postgresql(
    url: str, customers: int, *, rebuild: bool, say: Callable[[str], None]
) -> CachedDatabase:
    """The ``customers`` customers in a schema of the PostgreSQL database ``url``, loaded with
    COPY unless the schema holds a current load (its stamp is the schema's comment)."""
    schema = postgresql_schema(customers)
    expected = _stamp(customers)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            comment = connection.execute(
                text(
                    "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace"
                    " WHERE nspname = :schema"
                ),
                {"schema": schema},
            ).scalar()
            stamp = json.loads(comment) if comment else {}
            indexed = connection.execute(
                text("SELECT to_regclass(:index)"),
                {"index": f"{schema}.ix_customer_search_row_trgm"},
            ).scalar()
            current = {key: stamp.get(key) for key in expected} == expected
            if not rebuild and current and indexed is not None:
                return CachedDatabase(
                    Path(schema),
                    customers,
                    stamp["build_seconds"],
                    from_cache=True,
                    url=postgresql_schema_url(url, customers),
                )
            say(f"loading {customers:,} customers into PostgreSQL schema {schema}...")
            # In public, not in a size's schema: dropping that would drop every trigram index.
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        started = time.perf_counter()
        schema_url = postgresql_schema_url(url, customers)
        build_postgresql(schema_url, customers, say=say)
        seconds = time.perf_counter() - started
        with admin.connect() as connection:
            stamp_text = json.dumps({**expected, "build_seconds": seconds}).replace("'", "''")
            connection.execute(text(f"COMMENT ON SCHEMA \"{schema}\" IS '{stamp_text}'"))
    finally:
        admin.dispose()
    say(f"loaded {schema} in {seconds:.1f} s")
    return CachedDatabase(Path(schema), customers, seconds, from_cache=False, url=schema_url)


def _copy_rows(cursor: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [value.value if isinstance(value, enum.Enum) else value for value in row.values()]
            )


# Migrations 0009 and 0011 (its trigram index when the server has pg_trgm).
DEFERRED_INDEXES = (
    "ix_customer_collation_key_search",
    "ix_customer_search_row_trgm",
)


def build_postgresql(url: str, customers: int, *, say: Callable[[str], None]) -> None:
    # The migration's own expressions for the trigger-kept columns: the triggers are off while
    # COPY loads (one UPDATE per subscription would take an hour), then one UPDATE fills them.
    migration = importlib.import_module("pcdesk.migrations.versions.0003_list_at_scale")
    search_rows = importlib.import_module(
        "pcdesk.migrations.versions.0013_search_rows_in_name_order"
    )
    search_pieces = importlib.import_module("pcdesk.migrations.versions.0012_search_pieces")
    db = open_database(url)
    try:
        import_starter_catalog(db)
        offers = _offers_by_market(db)
        with db.engine.begin() as connection:
            _insert_partner(connection)
            resellers = _insert_resellers(connection)
        generator = _Generator(customers, offers, resellers)
        started = time.perf_counter()
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("SET session_replication_role = replica")  # no triggers, no FK checks
            # The search's indexes are built once the rows are in (kept row by row, they would
            # slow COPY down), as the migrations defined them.
            deferred = cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                " AND indexname = ANY(%s)",
                [list(DEFERRED_INDEXES)],
            ).fetchall()
            for name in DEFERRED_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            for first in range(1, customers + 1, BATCH):
                batch = generator.batch(first, min(BATCH, customers - first + 1))
                _copy_rows(cursor, _table(Customer), batch.customers)
                _copy_rows(cursor, _table(AgreementAcceptance), batch.agreements)
                _copy_rows(cursor, _table(Subscription), batch.subscriptions)
                done = first + len(batch.customers) - 1
                if done % 100_000 == 0 and done < customers:
                    say(f"  {done:,} customers in {time.perf_counter() - started:.0f} s")
            cursor.execute("SET session_replication_role = origin")
            cursor.execute(
                "UPDATE customer SET"
                f" active_subscriptions = {migration._ACTIVE_COUNT.format(cid='customer.id')},"
                f" agreement_status = {migration._LATEST_AGREEMENT.format(cid='customer.id')},"
                " reseller_name ="
                f" {migration._RESELLER_NAME.format(rid='customer.indirect_reseller_id')}"
            )
            # What their triggers keep, while COPY had none (the rows in name order, as 0013).
            cursor.execute(search_rows.FILL_IN_NAME_ORDER)
            cursor.execute(search_pieces.PG_FILL)
            for table in ("customer", "agreement_acceptance", "subscription"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            raw.commit()
            say(f"  rows in {time.perf_counter() - started:.0f} s; indexing the search...")
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for (definition,) in deferred:
                cursor.execute(definition)
            raw.commit()
        finally:
            raw.close()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    finally:
        db.dispose()
