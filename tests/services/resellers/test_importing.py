"""Importing indirect resellers from CSV: each row's fate in a preview, then one transaction."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from pcdesk.errors import NotAllowed, ValidationFailed
from pcdesk.models import AuditEvent, IndirectReseller, PartnerType, ResellerState
from pcdesk.models.database import Database
from pcdesk.services.inputs import PartnerProfileInput
from pcdesk.services.partner.profile import set_partner_profile
from pcdesk.services.resellers.csv_file import country_code_of
from pcdesk.services.resellers.importing import (
    ResellerCsvUnreadable,
    RowFate,
    import_resellers,
    read_reseller_csv,
)
from pcdesk.services.resellers.records import ResellerInput, add_reseller, list_resellers

T1 = "0f4c2a8e-5b1d-4e7a-9c3f-2d6b8a1e4f70"
T2 = "a3e1d9c2-7f40-4b8a-b5d6-1c2e3f4a5b6c"
T3 = "5d2f8b1a-3c4e-4f6a-8b9c-0d1e2f3a4b5c"
T4 = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"

# As a spreadsheet saves "CSV UTF-8": a BOM, CRLF, a quoted name with a comma, Chinese names, a
# blank line, an invalid GUID and a line repeating an earlier Partner ID.
REAL_FORMAT = (
    "\ufeffCompany name,MPN ID,Microsoft ID,Location,Status\r\n"
    f'"Contoso, Ltd.",7204518,{T1},United States,Active\r\n'
    f"艾達姆資訊股份有限公司,6035518,{T2.upper()},台灣,Active\r\n"
    "\r\n"
    "Fourth Coffee 第四咖啡,5120931,not-a-guid,TW,Active\r\n"
    f"Litware Inc.,4410287,{T3},US,Active\r\n"
    f'"Contoso, Ltd.",7 204 518,{T1},US,Active\r\n'
)


def provider(db: Database, partner_type: PartnerType = PartnerType.INDIRECT_PROVIDER) -> None:
    set_partner_profile(
        db,
        PartnerProfileInput(
            name="Fabrikam Cloud Partners",
            tenant_id="6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            partner_id="4847383",
            partner_type=partner_type,
        ),
    )


@pytest.fixture
def pdb(db: Database) -> Database:
    """An indirect provider with one reseller already: Litware, with Partner ID 4410287."""
    provider(db)
    add_reseller(db, ResellerInput("Litware", "4410287", T3, "US"))
    return db


def write(tmp_path: Path, text: str, name: str = "resellers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def fates(preview) -> list[tuple[int, RowFate, str]]:
    return [(row.line, row.fate, row.values.name) for row in preview.rows]


def stored(db: Database) -> list[tuple[str, str, str | None, str]]:
    with db.session_factory() as session:
        rows = session.scalars(select(IndirectReseller).order_by(IndirectReseller.partner_id))
        return [(r.name, r.partner_id, r.tenant_id, r.country) for r in rows]


def test_the_preview_tells_each_rows_fate(pdb: Database, tmp_path: Path) -> None:
    preview = read_reseller_csv(pdb, write(tmp_path, REAL_FORMAT))
    assert preview.file_name == "resellers.csv"
    assert fates(preview) == [
        (2, RowFate.NEW, "Contoso, Ltd."),
        (3, RowFate.NEW, "艾達姆資訊股份有限公司"),
        (5, RowFate.INVALID, "Fourth Coffee 第四咖啡"),
        (6, RowFate.UPDATE, "Litware Inc."),
        (7, RowFate.DUPLICATE, "Contoso, Ltd."),
    ]
    rows = preview.rows
    assert (rows[0].values.country, rows[1].values.country) == ("US", "TW")  # names became codes
    assert rows[2].errors == {
        "tenant_id": "“not-a-guid” is not a tenant ID, a GUID like "
        "72f988bf-86f1-41af-91ab-2d7cd011db47."
    }
    assert rows[3].changes == {"name": ("Litware", "Litware Inc.")}
    assert rows[3].reseller_id is not None
    assert rows[4].note == "Partner ID 7204518 is on line 2 already; left out."
    assert (preview.count(RowFate.NEW), preview.writes, preview.has_invalid) == (2, 3, True)
    assert len(stored(pdb)) == 1  # a preview writes nothing


def test_invalid_rows_block_the_import_until_the_user_skips_them(
    pdb: Database, tmp_path: Path
) -> None:
    preview = read_reseller_csv(pdb, write(tmp_path, REAL_FORMAT))
    with pytest.raises(ValidationFailed) as refused:
        import_resellers(pdb, preview)
    assert refused.value.errors == {
        "rows": "Rows that cannot be imported: 1. Nothing was imported; correct the file, or "
        "choose to skip those rows."
    }
    assert stored(pdb) == [("Litware", "4410287", T3, "US")]

    result = import_resellers(pdb, preview, skip_invalid=True, actor="clerk")
    assert (result.added, result.updated, result.unchanged, result.duplicates, result.skipped) == (
        2,
        1,
        0,
        1,
        1,
    )
    assert stored(pdb) == [
        ("Litware Inc.", "4410287", T3, "US"),
        ("艾達姆資訊股份有限公司", "6035518", T2, "TW"),
        ("Contoso, Ltd.", "7204518", T1, "US"),
    ]
    assert all(r.state is ResellerState.ACTIVE for r in list_resellers(pdb, active_only=False))
    with pdb.session_factory() as session:
        events = [
            (e.action, e.actor, json.loads(e.details))
            for e in session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.like("reseller.%"))
                .order_by(AuditEvent.id)
            )
        ]
    assert [action for action, _, _ in events] == [
        "reseller.added",  # Litware, by the fixture
        "reseller.added",
        "reseller.added",
        "reseller.updated",
        "reseller.imported",
    ]
    assert events[1][2]["source"] == "resellers.csv"
    assert events[-1] == (
        "reseller.imported",
        "clerk",
        {"file": "resellers.csv", "added": 2, "updated": 1, "skipped": 1},
    )

    # The same file again: everything is there, nothing to write.
    again = read_reseller_csv(pdb, write(tmp_path, REAL_FORMAT))
    assert [row.fate for row in again.rows] == [
        RowFate.UNCHANGED,
        RowFate.UNCHANGED,
        RowFate.INVALID,
        RowFate.UNCHANGED,
        RowFate.DUPLICATE,
    ]


def test_without_a_bom_any_header_case_and_a_few_aliases(pdb: Database) -> None:
    text = (
        "reseller name,PARTNERID,tenant_id,Country/Region,Notes\n"  # Notes: not ours, ignored
        f"Northwind 北風,5120931,{T1},tw,first\n"
        f"Adatum,6035518,{{{T2}}},Japan,\n"
    )
    stream = io.StringIO(text)
    preview = read_reseller_csv(pdb, stream)
    assert fates(preview) == [(2, RowFate.NEW, "Northwind 北風"), (3, RowFate.NEW, "Adatum")]
    import_resellers(pdb, preview)
    assert ("Adatum", "6035518", T2, "JP") in stored(pdb)


def test_a_row_without_tenant_id_is_new_only_with_one(pdb: Database) -> None:
    text = (
        "Name,Partner ID,Country\n"  # no tenant column at all
        "Litware Inc.,4410287,US\n"  # an existing reseller keeps its tenant ID
        "Northwind,5120931,TW\n"  # a new one needs one
    )
    preview = read_reseller_csv(pdb, io.StringIO(text))
    assert [row.fate for row in preview.rows] == [RowFate.UPDATE, RowFate.INVALID]
    assert preview.rows[0].changes == {"name": ("Litware", "Litware Inc.")}
    assert preview.rows[1].errors == {
        "tenant_id": "Enter the reseller's tenant ID (its Microsoft ID), a GUID like "
        "72f988bf-86f1-41af-91ab-2d7cd011db47."
    }


def test_a_repeated_new_partner_id_without_tenant_id_is_a_duplicate(pdb: Database) -> None:
    # It was once called invalid, asking for a tenant ID, as if it were a reseller of its own.
    text = f"Name,Partner ID,Tenant ID,Country\nNorthwind,5120931,{T1},TW\nNorthwind,5120931,,TW\n"
    rows = read_reseller_csv(pdb, io.StringIO(text)).rows
    assert [row.fate for row in rows] == [RowFate.NEW, RowFate.DUPLICATE]
    assert rows[1].note == "Partner ID 5120931 is on line 2 already; left out."


def test_every_field_is_checked_as_the_form_checks_it(pdb: Database) -> None:
    text = (
        "Name,Partner ID,Tenant ID,Country\n"
        f",12,{T1},Atlantis\n"
        f"Tailspin,4847383,{T3},US\n"  # T3 is Litware's
        f"Wingtip,5550001,{T4},UK\n"
        f"Wide World,5550002,{T4},US\n"  # T4 again, for another Partner ID
    )
    rows = read_reseller_csv(pdb, io.StringIO(text)).rows
    assert rows[0].errors == {
        "name": "Enter the reseller's name.",
        "partner_id": "A Partner ID is 5 to 10 digits, like 4847383; “12” is not.",
        "country": "“Atlantis” is not a country code we know.",
    }
    assert rows[1].errors == {"tenant_id": "This tenant ID already belongs to Litware."}
    assert rows[2].errors == {"country": "“UK” is not a country code: the United Kingdom is GB."}
    assert rows[3].fate is RowFate.NEW  # Wingtip was invalid: its tenant ID is free
    text += f"Fabrikam,5550003,{T4},US\n"
    rows = read_reseller_csv(pdb, io.StringIO(text)).rows
    assert rows[4].errors == {
        "tenant_id": "Line 5 has this tenant ID too, with another Partner ID."
    }


def test_the_rows_are_judged_again_when_importing(pdb: Database, tmp_path: Path) -> None:
    path = write(tmp_path, f"Name,Partner ID,Tenant ID,Country\nNorthwind,5120931,{T1},TW\n")
    preview = read_reseller_csv(pdb, path)
    assert preview.rows[0].fate is RowFate.NEW
    # Another workstation adds the same reseller before the user clicks Import.
    add_reseller(pdb, ResellerInput("Northwind Traders", "5120931", T1, "TW"))
    result = import_resellers(pdb, preview)
    assert (result.added, result.updated) == (0, 1)
    assert ("Northwind", "5120931", T1, "TW") in stored(pdb)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
        (
            b"Name,Tenant ID\nContoso,x\n",
            "The first line of the file must name the columns Name, Partner ID, Tenant ID and "
            "Country; Partner ID, Country is missing.",
        ),
        (
            "Name,Partner ID,Country\nContoso 康圖索,7204518,TW\n".encode("big5"),
            "resellers.csv is not UTF-8 text; save it as “CSV UTF-8” and try again.",
        ),
        (b'Name,Partner ID,Country\n"Contoso,7204518,TW\n', "Line 2 is not valid CSV"),
    ],
)
def test_a_file_that_is_not_a_reseller_list_is_refused_with_the_reason(
    pdb: Database, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "resellers.csv"
    path.write_bytes(content)
    with pytest.raises(ResellerCsvUnreadable) as refused:
        read_reseller_csv(pdb, path)
    assert str(refused.value.message).startswith(expected)


def test_a_missing_file_is_refused_with_the_reason(pdb: Database, tmp_path: Path) -> None:
    with pytest.raises(ResellerCsvUnreadable) as refused:
        read_reseller_csv(pdb, tmp_path / "gone.csv")
    assert str(refused.value.message).startswith("pcdesk could not read gone.csv:")


def test_only_an_indirect_provider_imports(db: Database, tmp_path: Path) -> None:
    provider(db, PartnerType.DIRECT_BILL)
    preview = read_reseller_csv(db, write(tmp_path, REAL_FORMAT))
    with pytest.raises(NotAllowed):
        import_resellers(db, preview, skip_invalid=True)
    assert stored(db) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("TW", "TW"), ("tw", "TW"), ("Taiwan", "TW"), ("台灣", "TW"), ("united states", "US"),
     ("Japan", "JP"), ("日本", "JP"), ("Atlantis", "Atlantis"), (" UK ", "UK")],
)  # fmt: skip
def test_a_country_is_a_code_or_a_name(text: str, code: str) -> None:
    assert country_code_of(text) == code
