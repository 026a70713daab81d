"""Alembic environment: pcdesk always hands over an open connection (see models.database)."""

from __future__ import annotations

from alembic import context

from pcdesk.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("pcdesk migrations run through pcdesk.models.revisions.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
