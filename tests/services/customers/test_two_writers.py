"""Two workstations adding customers to one SQLite file at once: every save goes through.

A write transaction starts with BEGIN IMMEDIATE, so a writer that finds the other one saving waits
for the busy timeout instead of being refused when it upgrades its read lock (48% of saves were
refused that way with a plain BEGIN).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from pcdesk.models import Customer
from pcdesk.models.database import open_database, sqlite_url

EACH = 60

# One workstation: adds EACH customers, prints how many saves were refused.
WRITER = """
import sys
from dataclasses import replace
from pcdesk.errors import Unavailable
from pcdesk.models.database import open_database
from pcdesk.services.customers.create import create_customer
from pcdesk.services.inputs import AgreementInput, CustomerInput

url, writer, each = sys.argv[1], sys.argv[2], int(sys.argv[3])
template = CustomerInput(
    company_name="Contoso", country="US", address_line1="1 Microsoft Way", city="Redmond",
    state="WA", postal_code="98052", contact_first_name="Dana", contact_last_name="Whitfield",
    contact_email="dana@contosopharma.com", domain_prefix="x",
)
db = open_database(url, migrate=False)
refused = 0
for number in range(each):
    data = replace(
        template, company_name=f"Writer {writer} Customer {number}",
        domain_prefix=f"w{writer}c{number}",
    )
    try:
        create_customer(db, data, AgreementInput(accepted=False), actor=f"clerk{writer}")
    except Unavailable:
        refused += 1
db.dispose()
print(refused)
"""


def test_two_writer_processes_have_no_save_refused(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    shutil.copyfile(sqlite_template, path)
    url = sqlite_url(path)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(number), str(EACH)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=tmp_path,  # the installed pcdesk, not a source tree in the working folder
        )
        for number in (1, 2)
    ]
    refused = [int(writer.communicate(timeout=300)[0].strip()) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0]
    assert refused == [0, 0]
    db = open_database(url, migrate=False)
    try:
        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 2 * EACH
    finally:
        db.dispose()
