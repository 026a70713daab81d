"""What the migration tests share: a downgrade on an engine, and the warning they all expect."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Engine

from pcdesk.models.revisions import alembic_config

# Reflection cannot read expression indexes (lower(...)); the migration tests only read rows
# and index names.
EXPRESSION_INDEXES_UNREFLECTED = pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection:sqlalchemy.exc.SAWarning"
)


def downgrade(engine: Engine, revision: str) -> None:
    """Alembic's downgrade to ``revision``, in one transaction on ``engine``."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
