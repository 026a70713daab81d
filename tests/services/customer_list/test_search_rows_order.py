"""PostgreSQL's search rows written again in company-name order (``pcdesk-cli reorder-search``):
the same rows, stored in the list's order, found by the same searches."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from pcdesk import cli
from pcdesk.models.database import Database
from pcdesk.services.customer_list.query import CustomerQuery, first_page
from pcdesk.services.customer_list.search_rows_order import reorder_search_rows
from tests.models.test_migration_0011 import customers, indexes, search_rows
from tests.models.test_migration_0013 import NAMES, name_order, stored_order


def renamed_backwards(db: Database, add: Callable[[Database, str, str], int]) -> None:
    """Customers added, then renamed so that the rows' places no longer follow their names."""
    ids = [add(db, name, name.lower().replace(" ", "")) for name in NAMES]
    with db.engine.begin() as connection:  # each rename writes the customer's row again
        for customer_id in ids:  # (NAMES run backwards: ids against the names)
            connection.execute(
                text("UPDATE customer SET collation_key = collation_key WHERE id = :id"),
                {"id": customer_id},
            )


@pytest.mark.postgresql
def test_the_search_rows_are_written_again_in_name_order(
    postgresql_db: Database, add_customer: Callable[[Database, str, str], int]
) -> None:
    renamed_backwards(postgresql_db, add_customer)
    engine = postgresql_db.engine
    assert stored_order(engine) != name_order(engine)
    before = first_page(postgresql_db, CustomerQuery(text="or"), limit=10)[1]

    done = reorder_search_rows(postgresql_db)
    assert done is not None and done.rows == len(NAMES)
    assert stored_order(engine) == name_order(engine)
    assert search_rows(engine) == customers(engine)
    assert "ix_customer_search_row_trgm" in indexes(engine, "customer_search_row")
    after = first_page(postgresql_db, CustomerQuery(text="or"), limit=10)[1]
    assert [row.id for row in after] == [row.id for row in before] and after  # Northwind, ...


def test_sqlite_has_nothing_to_reorder(sqlite_db: Database) -> None:
    assert reorder_search_rows(sqlite_db) is None


def test_the_command_says_what_it_did(
    db: Database,
    add_customer: Callable[[Database, str, str], int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_customer(db, "Contoso", "contoso")
    url = db.engine.url.render_as_string(hide_password=False)
    assert cli.main(["reorder-search", "--database", url]) == cli.EXIT_OK
    said = capsys.readouterr().out
    if db.engine.dialect.name == "sqlite":
        assert "nothing to reorder" in said
    else:
        assert "1 search rows written again in company-name order" in said
