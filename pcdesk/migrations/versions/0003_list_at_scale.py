"""The customer list at a million rows: a search index, denormalised columns, one index per sort.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

- ``customer.search_text`` (folded name, domain prefix and Microsoft ID; kept by the model) with
  a trigram index: an external-content FTS5 table on SQLite, kept by triggers, and a pg_trgm GIN
  index on PostgreSQL (when the extension can be had; searching works without it, only slower).
- ``customer.active_subscriptions``, ``agreement_status`` and ``reseller_name``, kept by triggers
  from the tables they summarise, so the list shows and sorts them without a join or a count per
  row, and so no code path can forget to keep them.
- An index per sortable column, each ending in ``id`` (the tie-breaker of keyset paging).

Migrations never import pcdesk.models: the search_text expression below is written out in SQL,
the same as ``pcdesk.models.keys.search_text`` (a test keeps the two equal).
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

_SEPARATOR = "\x1f"  # keys.SEARCH_SEPARATOR

# name, columns (text() where an expression); each ends in id
_SORT_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ix_customer_domain_sort", ("domain_prefix", "id")),
    ("ix_customer_microsoft_id_sort", ("microsoft_id", "id")),
    ("ix_customer_country", ("country", "name_key", "id")),
    ("ix_customer_relationship", ("relationship", "name_key", "id")),
    ("ix_customer_reseller_sort", ("reseller_name", "name_key", "id")),
    ("ix_customer_subscriptions_sort", ("active_subscriptions", "id")),
    ("ix_customer_agreement_sort", ("agreement_status", "name_key", "id")),
    ("ix_customer_tags_sort", ("tags", "id")),
)
_REPLACED_INDEXES = {
    "ix_customer_country": ("country", "name_key"),
    "ix_customer_relationship": ("relationship", "name_key"),
}

# -- the summary columns' SQL, shared by both databases ------------------------------------------
_ACTIVE_COUNT = (
    "(SELECT count(*) FROM subscription"
    " WHERE subscription.customer_id = {cid} AND subscription.status = 'active')"
)
_LATEST_AGREEMENT = (
    "coalesce((SELECT a.status FROM agreement_acceptance a WHERE a.customer_id = {cid}"
    " ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1), '')"
)
_RESELLER_NAME = "coalesce((SELECT r.name FROM indirect_reseller r WHERE r.id = {rid}), '')"

_SQLITE_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "customer_search_insert",
        "AFTER INSERT ON customer BEGIN"
        " INSERT INTO customer_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    ),
    (
        "customer_search_delete",
        "AFTER DELETE ON customer BEGIN"
        " INSERT INTO customer_search(customer_search, rowid, search_text)"
        " VALUES ('delete', old.id, old.search_text); END",
    ),
    (
        "customer_search_update",
        "AFTER UPDATE OF search_text ON customer BEGIN"
        " INSERT INTO customer_search(customer_search, rowid, search_text)"
        " VALUES ('delete', old.id, old.search_text);"
        " INSERT INTO customer_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    ),
    (
        "customer_reseller_name_insert",
        "AFTER INSERT ON customer WHEN new.indirect_reseller_id IS NOT NULL BEGIN"
        f" UPDATE customer SET reseller_name = {_RESELLER_NAME.format(rid='new.indirect_reseller_id')}"
        " WHERE id = new.id; END",
    ),
    (
        "customer_reseller_name_update",
        "AFTER UPDATE OF indirect_reseller_id ON customer BEGIN"
        f" UPDATE customer SET reseller_name = {_RESELLER_NAME.format(rid='new.indirect_reseller_id')}"
        " WHERE id = new.id; END",
    ),
    (
        "indirect_reseller_name_update",
        "AFTER UPDATE OF name ON indirect_reseller BEGIN"
        " UPDATE customer SET reseller_name = new.name WHERE indirect_reseller_id = new.id; END",
    ),
    (
        "subscription_count_insert",
        "AFTER INSERT ON subscription BEGIN"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='new.customer_id')}"
        " WHERE id = new.customer_id; END",
    ),
    (
        "subscription_count_update",
        "AFTER UPDATE OF status, customer_id ON subscription BEGIN"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='old.customer_id')}"
        " WHERE id = old.customer_id;"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='new.customer_id')}"
        " WHERE id = new.customer_id; END",
    ),
    (
        "subscription_count_delete",
        "AFTER DELETE ON subscription BEGIN"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='old.customer_id')}"
        " WHERE id = old.customer_id; END",
    ),
    (
        "agreement_status_insert",
        "AFTER INSERT ON agreement_acceptance BEGIN"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='new.customer_id')}"
        " WHERE id = new.customer_id; END",
    ),
    (
        "agreement_status_update",
        "AFTER UPDATE OF status, customer_id ON agreement_acceptance BEGIN"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='old.customer_id')}"
        " WHERE id = old.customer_id;"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='new.customer_id')}"
        " WHERE id = new.customer_id; END",
    ),
    (
        "agreement_status_delete",
        "AFTER DELETE ON agreement_acceptance BEGIN"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='old.customer_id')}"
        " WHERE id = old.customer_id; END",
    ),
)

# PostgreSQL: one function per trigger; a BEFORE trigger sets the reseller name in the row itself.
_PG_FUNCTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "pcdesk_customer_reseller_name",
        f"NEW.reseller_name := {_RESELLER_NAME.format(rid='NEW.indirect_reseller_id')}; RETURN NEW;",
        "BEFORE INSERT OR UPDATE OF indirect_reseller_id ON customer",
    ),
    (
        "pcdesk_reseller_renamed",
        "UPDATE customer SET reseller_name = NEW.name WHERE indirect_reseller_id = NEW.id;"
        " RETURN NULL;",
        "AFTER UPDATE OF name ON indirect_reseller",
    ),
    (
        "pcdesk_subscription_count",
        "IF TG_OP <> 'INSERT' THEN"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='OLD.customer_id')}"
        " WHERE id = OLD.customer_id; END IF;"
        " IF TG_OP <> 'DELETE' THEN"
        f" UPDATE customer SET active_subscriptions = {_ACTIVE_COUNT.format(cid='NEW.customer_id')}"
        " WHERE id = NEW.customer_id; END IF; RETURN NULL;",
        "AFTER INSERT OR DELETE OR UPDATE OF status, customer_id ON subscription",
    ),
    (
        "pcdesk_agreement_status",
        "IF TG_OP <> 'INSERT' THEN"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='OLD.customer_id')}"
        " WHERE id = OLD.customer_id; END IF;"
        " IF TG_OP <> 'DELETE' THEN"
        f" UPDATE customer SET agreement_status = {_LATEST_AGREEMENT.format(cid='NEW.customer_id')}"
        " WHERE id = NEW.customer_id; END IF; RETURN NULL;",
        "AFTER INSERT OR DELETE OR UPDATE OF status, customer_id ON agreement_acceptance",
    ),
)


def upgrade() -> None:
    """Upgrade schema."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        _require_fts5_trigram(bind)
    # Plain ADD COLUMN on SQLite too: a batch copy of the table would lose the expression indexes.
    op.add_column(
        "customer", sa.Column("search_text", sa.String(1200), server_default="", nullable=False)
    )
    op.add_column(
        "customer",
        sa.Column("active_subscriptions", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "customer",
        sa.Column("agreement_status", sa.String(32), server_default="", nullable=False),
    )
    op.add_column(
        "customer", sa.Column("reseller_name", sa.String(255), server_default="", nullable=False)
    )
    _fill(bind)
    for name in _REPLACED_INDEXES:
        op.drop_index(name, table_name="customer")
    for name, columns in _SORT_INDEXES:
        op.create_index(name, "customer", list(columns))
    if sqlite:
        _create_sqlite_search()
        for name, body in _SQLITE_TRIGGERS:
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        _create_postgresql_search(bind)
        for name, body, when in _PG_FUNCTIONS:
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN {body} END $$"
            )
            op.execute(f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION {name}()")


def _require_fts5_trigram(bind: sa.Connection) -> None:
    shown = str(bind.exec_driver_sql("SELECT sqlite_version()").scalar())
    version = tuple(int(part) for part in shown.split("."))
    has_fts5 = bind.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar()
    if version < (3, 34) or not has_fts5:
        raise RuntimeError(
            f"pcdesk needs SQLite 3.34 or newer with FTS5 (this Python has SQLite "
            f"{shown}{'' if has_fts5 else ' without FTS5'}). "
            "Install a newer Python; the database was not changed."
        )


def _fill(bind: sa.Connection) -> None:
    """Fill the new columns for existing customers, each in one UPDATE."""
    separator = sa.literal(_SEPARATOR)
    customer = sa.table(
        "customer",
        sa.column("id", sa.Integer()),
        sa.column("name_key", sa.String()),
        sa.column("domain_prefix", sa.String()),
        sa.column("microsoft_id", sa.String()),
        sa.column("search_text", sa.String()),
    )
    op.execute(
        customer.update().values(
            search_text=customer.c.name_key
            + separator
            + sa.func.lower(customer.c.domain_prefix)
            + separator
            + sa.func.lower(customer.c.microsoft_id)
            + separator
            + separator
        )
    )
    op.execute(
        "UPDATE customer SET"
        f" active_subscriptions = {_ACTIVE_COUNT.format(cid='customer.id')},"
        f" agreement_status = {_LATEST_AGREEMENT.format(cid='customer.id')},"
        f" reseller_name = {_RESELLER_NAME.format(rid='customer.indirect_reseller_id')}"
    )


def _create_sqlite_search() -> None:
    # columnsize=0: nothing ranks results, so no per-row sizes are stored. The vocabulary table
    # lists the index's three-character terms: a one- or two-character needle is looked up as the
    # terms it starts (keys.search_text pads every field's end so that each occurrence does).
    op.execute(
        "CREATE VIRTUAL TABLE customer_search USING fts5(search_text, content='customer',"
        " content_rowid='id', tokenize='trigram', columnsize=0)"
    )
    op.execute("CREATE VIRTUAL TABLE customer_search_vocab USING fts5vocab(customer_search, 'row')")
    op.execute("INSERT INTO customer_search(customer_search) VALUES ('rebuild')")


def _create_postgresql_search(bind: sa.Connection) -> None:
    schema = _pg_trgm_schema(bind)
    if schema is None:
        log.warning("pg_trgm is not available: the customer search will scan instead of seek")
        return
    opclass = f'"{schema}".gin_trgm_ops'
    op.execute(
        f"CREATE INDEX ix_customer_search_trgm ON customer USING gin (search_text {opclass})"
    )


def _pg_trgm_schema(bind: sa.Connection) -> str | None:
    """The schema holding pg_trgm, creating the extension if this user may; None if it can't."""
    query = sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm'"
    )
    schema = bind.execute(query).scalar()
    if schema is not None:
        return str(schema)
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return None
    savepoint.commit()
    found = bind.execute(query).scalar()
    return None if found is None else str(found)


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if (bind.dialect.server_version_info or (0,)) < (3, 35):
            raise RuntimeError("Downgrading a pcdesk SQLite database needs SQLite 3.35 or newer.")
        for name, _body in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS customer_search_vocab")
        op.execute("DROP TABLE IF EXISTS customer_search")
    else:
        for name, _body, when in _PG_FUNCTIONS:
            table = when.rsplit(" ON ", 1)[1]
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        op.execute("DROP INDEX IF EXISTS ix_customer_search_trgm")
    for name, _columns in _SORT_INDEXES:
        op.drop_index(name, table_name="customer")
    for name, columns in _REPLACED_INDEXES.items():
        op.create_index(name, "customer", list(columns))
    for column in ("reseller_name", "agreement_status", "active_subscriptions", "search_text"):
        op.drop_column("customer", column)
