"""Duplicate-detection keys: customer.match_key and customer.email_domain, filled in and indexed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Migrations never import pcdesk.models: the key functions below are a frozen copy of
pcdesk.models.keys as it was when this revision was written. Should the model's functions change
later, this revision must still fill in what it filled in then; a later revision recomputes.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH_SIZE = 500

# --- frozen copy of pcdesk.models.keys (2026-11-28) ---------------------------------------------
_SUFFIX_WORDS = frozenset(
    {
        "ab",
        "ag",
        "as",
        "asa",
        "bhd",
        "bv",
        "co",
        "company",
        "corp",
        "corporation",
        "gmbh",
        "inc",
        "incorporated",
        "kg",
        "kk",
        "limited",
        "llc",
        "llp",
        "ltd",
        "ltda",
        "nv",
        "oy",
        "oyj",
        "plc",
        "pte",
        "pty",
        "pvt",
        "sa",
        "sarl",
        "sàrl",
        "sas",
        "sdn",
        "spa",
        "srl",
        "股",
        "株",
        "有",
        "주",
    }
)
_PREFIX_WORDS = frozenset({"ab", "as", "asa", "oy", "oyj", "sa", "kk", "株", "有", "주"})
_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "유한회사",
    "有限公司",
    "公司",
    "集团",
    "集團",
)
_PREFIXES = ("株式会社", "有限会社", "合同会社", "주식회사", "유한회사")
_MAX_DOTTED_LETTERS = 4


def _words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in folded).split()


def _strip(words: list[str], at_end: bool) -> bool:
    forms, cuts = (_SUFFIX_WORDS, _SUFFIXES) if at_end else (_PREFIX_WORDS, _PREFIXES)
    edge = words[-1] if at_end else words[0]
    if edge in forms:
        del words[-1 if at_end else 0]
        return True
    for count in range(min(_MAX_DOTTED_LETTERS, len(words)), 1, -1):
        run = words[-count:] if at_end else words[:count]
        if all(len(word) == 1 for word in run) and "".join(run) in forms:
            if at_end:
                del words[-count:]
            else:
                del words[:count]
            return True
    for cut in cuts:
        if edge == cut:
            del words[-1 if at_end else 0]
            return True
        if at_end and edge.endswith(cut):
            words[-1] = edge[: -len(cut)]
            return True
        if not at_end and edge.startswith(cut):
            words[0] = edge[len(cut) :]
            return True
    return False


def _match_key(company_name: str) -> str:
    words = _words(company_name)
    whole = "".join(words)
    while words and (_strip(words, at_end=True) or _strip(words, at_end=False)):
        pass
    return "".join(words) or whole


def _email_domain(email: str) -> str:
    _local, at, domain = email.strip().rpartition("@")
    return domain.lower() if at else ""


# --- end of the frozen copy ---------------------------------------------------------------------

_customer = sa.table(
    "customer",
    sa.column("id", sa.Integer()),
    sa.column("company_name", sa.String()),
    sa.column("contact_email", sa.String()),
    sa.column("match_key", sa.String()),
    sa.column("email_domain", sa.String()),
)


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ADD COLUMN on SQLite too: a batch copy of the table would lose the lower(...)
    # expression indexes, which reflection cannot read.
    op.add_column(
        "customer",
        sa.Column("match_key", sa.String(length=1020), server_default="", nullable=False),
    )
    op.add_column(
        "customer",
        sa.Column("email_domain", sa.String(length=254), server_default="", nullable=False),
    )
    _fill_keys()
    op.create_index("ix_customer_match_key", "customer", ["match_key"], unique=False)
    op.create_index("ix_customer_email_domain", "customer", ["email_domain"], unique=False)


def _fill_keys() -> None:
    """Compute the keys in Python, a batch of customers at a time (keyset paging on id)."""
    connection = op.get_bind()
    update = (
        _customer.update()
        .where(_customer.c.id == sa.bindparam("row_id"))
        .values(match_key=sa.bindparam("new_match_key"), email_domain=sa.bindparam("new_domain"))
    )
    last_id: int | None = None
    while True:
        query = (
            sa.select(_customer.c.id, _customer.c.company_name, _customer.c.contact_email)
            .order_by(_customer.c.id)
            .limit(_BATCH_SIZE)
        )
        if last_id is not None:
            query = query.where(_customer.c.id > last_id)
        rows = connection.execute(query).all()
        if not rows:
            return
        connection.execute(
            update,
            [
                {
                    "row_id": row.id,
                    "new_match_key": _match_key(row.company_name),
                    "new_domain": _email_domain(row.contact_email),
                }
                for row in rows
            ],
        )
        last_id = rows[-1].id


def downgrade() -> None:
    """Downgrade schema."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and (bind.dialect.server_version_info or (0,)) < (3, 35):
        # Older SQLite cannot drop a column, and a batch copy would lose the expression indexes.
        raise RuntimeError("Downgrading a pcdesk SQLite database needs SQLite 3.35 or newer.")
    op.drop_index("ix_customer_email_domain", table_name="customer")
    op.drop_index("ix_customer_match_key", table_name="customer")
    op.drop_column("customer", "email_domain")
    op.drop_column("customer", "match_key")
