"""Killed mid-write (SIGKILL: no cleanup, as a power cut or a crash would): adding customers,
importing a customer list and syncing with Partner Center. Afterwards the SQLite file is whole,
nothing is half-written, and the work can simply be done again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from pcdesk.models import AuditEvent, Customer
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.customer_import.apply import apply_import
from pcdesk.services.customer_import.preview import preview_import

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

TEMPLATE = """
from pcdesk.services.inputs import AgreementInput, CustomerInput
CUSTOMER = CustomerInput(
    company_name="Contoso", country="US", address_line1="1 Microsoft Way", city="Redmond",
    state="WA", postal_code="98052", contact_first_name="Dana", contact_last_name="Whitfield",
    contact_email="dana@contosopharma.com", domain_prefix="x",
)
"""

ADD_FOREVER = (
    TEMPLATE
    + """
import sys
from dataclasses import replace
from pcdesk.models.database import open_database
from pcdesk.services.customers.create import create_customer
db = open_database(sys.argv[1], migrate=False)
number = 0
while True:
    number += 1
    data = replace(CUSTOMER, company_name=f"Crash {number}", domain_prefix=f"crash{number}")
    create_customer(db, data, AgreementInput(accepted=False), actor="clerk")
"""
)

IMPORT = """
import sys
from pathlib import Path
from pcdesk.models.database import open_database
from pcdesk.services.customer_import.apply import apply_import
from pcdesk.services.customer_import.preview import preview_import
db = open_database(sys.argv[1], migrate=False)
apply_import(db, preview_import(db, Path(sys.argv[2])), actor="importer")
"""

SYNC = """
import sys
from pcdesk import cli
raise SystemExit(cli.main(["sync", "--database", sys.argv[1]]))
"""


def start(
    script: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    # Run from tmp_path: the installed pcdesk, not a source tree in the working folder.
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_when(
    process: subprocess.Popen[bytes], ready: Callable[[], bool], seconds: float = 60
) -> None:
    """SIGKILL ``process`` as soon as ``ready()`` (polled); fails if it ended first."""
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None:
            pytest.fail(
                f"it ended before it could be killed: {process.stderr.read().decode()[-500:]}"
            )  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "never got going"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert process.stderr is not None
    process.stderr.close()


def count(path: Path, table: str) -> int:
    """Rows of ``table`` as another workstation sees them (committed ones only)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def assert_whole(db: Database) -> None:
    """The file, the search index and the list's columns all agree."""
    with db.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("PRAGMA foreign_key_check")).first() is None
        # FTS5's own check that the search index matches the customers it indexes.
        session.execute(
            text("INSERT INTO customer_search(customer_search) VALUES('integrity-check')")
        )
        triggers = session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        ).all()
        assert {"customer_search_insert", "customer_search_update"} <= set(triggers)


@pytest.fixture
def shared(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shared.sqlite3"
    path.write_bytes(sqlite_template.read_bytes())
    return path


def test_killed_while_adding_customers(shared: Path, tmp_path: Path) -> None:
    process = start(ADD_FOREVER, sqlite_url(shared), cwd=tmp_path)
    kill_when(process, lambda: count(shared, "customer") >= 25)

    db = open_database(sqlite_url(shared), migrate=False)
    try:
        assert_whole(db)
        with db.reading() as session:
            customers = session.scalar(select(func.count()).select_from(Customer))
            created = session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "customer.created")
            )
        assert customers is not None and customers >= 25
        assert created == customers  # each customer whole, with its history, or not there
    finally:
        db.dispose()


def partner_center_listing(path: Path, customers: int) -> Path:
    """A Customers.csv as Partner Center exports it, with ``customers`` new customers."""
    lines = ["Microsoft ID,Company name,Primary domain name,Relationship,Tags"]
    for number in range(customers):
        tenant = uuid.UUID(int=number + 1)
        lines.append(f"{tenant},Crash Test {number},crash{number}.onmicrosoft.com,Cloud Reseller,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_killed_in_the_middle_of_an_import_writes_none_of_it(shared: Path, tmp_path: Path) -> None:
    rows = 30_000  # long enough that the kill lands well inside its one transaction
    listing = partner_center_listing(tmp_path / "Customers.csv", rows)
    wal = Path(f"{shared}-wal")
    process = start(IMPORT, sqlite_url(shared), str(listing), cwd=tmp_path)
    # Inside its one transaction: the write-ahead log grows while nothing is committed yet.
    kill_when(process, lambda: wal.exists() and wal.stat().st_size > 200_000)

    assert count(shared, "customer") == 0
    db = open_database(sqlite_url(shared), migrate=False)
    try:
        assert_whole(db)  # the triggers an import sets aside are back too
        again = apply_import(db, preview_import(db, listing), actor="importer")
        assert again.added == rows
        assert_whole(db)
    finally:
        db.dispose()


def test_killed_in_the_middle_of_a_sync_resumes_without_duplicates(
    shared: Path, tmp_path: Path
) -> None:
    from pcdesk import cli
    from pcdesk.partner_center import auth
    from pcsimulator.server import running
    from pcsimulator.state import Config, Simulator

    sim = Simulator(3000, seed=7, resellers=2, config=Config(max_page_size=100))
    with running(sim) as url:
        env = dict(os.environ)
        env.update({auth.TOKEN_ENV: "any-token", auth.API_ENV: url, "HOME": str(tmp_path)})
        env.pop("PCDESK_DATABASE_URL", None)
        process = start(SYNC, sqlite_url(shared), cwd=tmp_path, env=env)
        kill_when(process, lambda: 200 <= count(shared, "customer") < 3000)

        db = open_database(sqlite_url(shared), migrate=False)
        try:
            assert_whole(db)
        finally:
            db.dispose()
        os.environ[auth.TOKEN_ENV], os.environ[auth.API_ENV] = "any-token", url
        try:
            assert cli.main(["sync", "--database", sqlite_url(shared)]) == cli.EXIT_OK
        finally:
            del os.environ[auth.TOKEN_ENV], os.environ[auth.API_ENV]

    db = open_database(sqlite_url(shared), migrate=False)
    try:
        assert_whole(db)
        with db.reading() as session:
            ids = session.scalars(select(Customer.microsoft_id)).all()
        assert len(ids) == 3000 and len(set(ids)) == 3000  # everyone once
    finally:
        db.dispose()
