"""Import customers: Partner Center's Customers.csv and pcdesk's own export, previewed, then applied
in one transaction (or not at all)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, insert, select

from pcdesk.errors import NotAllowed
from pcdesk.models import (
    AgreementAcceptance,
    AuditEvent,
    Customer,
    IndirectReseller,
    PartnerRole,
    PartnerType,
    Relationship,
)
from pcdesk.models.collation import sort_key
from pcdesk.models.database import Database, open_database, sqlite_url
from pcdesk.services.audit import customer_history
from pcdesk.services.customer_import import preview as customer_import_preview
from pcdesk.services.customer_import.apply import (
    Fate,
    FileFormat,
    ImportCancelled,
    ImportOutdated,
    ImportPreview,
    ImportRefused,
    ImportUnreadable,
    apply_import,
    preview_import,
)
from pcdesk.services.customer_list.export import HEADER, export_customers
from pcdesk.services.customer_list.query import CustomerQuery, customer_page
from pcdesk.services.customers.create import create_customer
from pcdesk.services.customers.details import get_customer
from pcdesk.services.customers.edits import customer_input_of, update_customer
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.inputs import AgreementInput, CustomerInput, PartnerProfileInput
from pcdesk.services.partner.profile import set_partner_profile
from pcdesk.services.partner.roles import TeamMemberData, set_team

CONTOSO_ID = "8e2f6a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"
TW_ID = "1c0d7e5f-2a3b-4c5d-9e8f-7a6b5c4d3e2f"
FABRIKAM_ID = "3f9a2b4c-5d6e-4f70-8a1b-2c3d4e5f6a7b"
LITWARE_ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"

# Partner Center's Customers.csv as its export writes it: a byte-order mark, CRLF line ends,
# quoted fields where a name has a comma or a quote; here also a blank line and a bad GUID.
PARTNER_CENTER_FILE = (
    "\ufeffMicrosoft ID,Company name,Primary domain name,Relationship,Tags\r\n"
    f'{CONTOSO_ID},"Contoso, Ltd.",contosoltd.onmicrosoft.com,Cloud Reseller,"vip, pharma"\r\n'
    f"{TW_ID},台灣晶片設計股份有限公司,TWChip.onmicrosoft.com,Cloud Reseller,\r\n"
    "\r\n"
    "not-a-guid,北風貿易有限公司,northwindtw.onmicrosoft.com,Cloud Reseller,\r\n"
    f'{FABRIKAM_ID},"Fabrikam ""Cloud"" Services",fabrikamcloud.onmicrosoft.com,Advisor,\r\n'
)


def write(path: Path, content: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(content.encode(encoding))
    return path


def fates(preview: ImportPreview) -> dict[int, Fate]:
    return {row.line: row.fate for row in preview.rows}


def reasons(preview: ImportPreview, line: int) -> list[str]:
    return [str(reason) for row in preview.rows if row.line == line for reason in row.reasons]


def customers(db: Database) -> dict[str, dict[str, Any]]:
    """Every customer row by Microsoft ID, every column."""
    table = Customer.__table__
    assert isinstance(table, Table)
    with db.engine.connect() as connection:
        return {
            row["microsoft_id"]: dict(row)
            for row in connection.execute(select(table)).mappings().all()
        }


def agreements(db: Database) -> list[tuple[Any, ...]]:
    a = AgreementAcceptance
    with db.session_factory() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    Customer.microsoft_id,
                    a.status,
                    a.agreement_type,
                    a.signer_first_name,
                    a.signer_last_name,
                    a.signer_email,
                    a.signer_phone,
                    a.date_accepted,
                )
                .join(Customer, Customer.id == a.customer_id)
                .order_by(Customer.microsoft_id, a.recorded_at, a.id)
            )
        ]


def events(db: Database, action: str | None = None) -> list[AuditEvent]:
    with db.session_factory() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action is not None:
            query = query.where(AuditEvent.action == action)
        return list(session.scalars(query))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture
def pc_file(tmp_path: Path) -> Path:
    return write(tmp_path / "Customers.csv", PARTNER_CENTER_FILE)


# -- Partner Center's file ---------------------------------------------------------------------------


def test_a_real_format_customers_csv_previews_each_row_with_its_line(
    db: Database, pc_file: Path
) -> None:
    preview = preview_import(db, pc_file)

    assert preview.file_format is FileFormat.PARTNER_CENTER
    # Line 5 is blank and skipped; the lines are the file's own, the header being line 1.
    assert fates(preview) == {2: Fate.NEW, 3: Fate.NEW, 5: Fate.INVALID, 6: Fate.NEW}
    assert reasons(preview, 5) == ["“not-a-guid” is not a Microsoft ID (a GUID)."]
    rows = {row.line: row for row in preview.rows}
    assert rows[2].company_name == "Contoso, Ltd."
    assert rows[3].company_name == "台灣晶片設計股份有限公司"
    assert rows[3].domain == "twchip.onmicrosoft.com"
    assert rows[6].company_name == 'Fabrikam "Cloud" Services'
    assert (preview.count(Fate.NEW), preview.count(Fate.INVALID), preview.to_write) == (3, 1, 3)
    assert customers(db) == {}  # a preview writes nothing


def test_applying_with_skip_adds_the_good_rows_with_partner_centers_fields_only(
    db: Database, pc_file: Path
) -> None:
    preview = preview_import(db, pc_file)

    result = apply_import(db, preview, skip_invalid=True, actor="clerk")

    assert (result.added, result.updated, result.skipped) == (3, 0, 1)
    stored = customers(db)
    assert set(stored) == {CONTOSO_ID, TW_ID, FABRIKAM_ID}
    contoso = stored[CONTOSO_ID]
    assert contoso["company_name"] == "Contoso, Ltd."
    assert contoso["domain_prefix"] == "contosoltd"
    assert contoso["relationship"] == Relationship.RESELLER
    assert contoso["tags"] == "vip, pharma"
    # Nothing else is known: the account waits for someone to fill it in.
    for column in ("country", "address_line1", "city", "contact_email", "language", "culture"):
        assert contoso[column] == "", column
    assert contoso["indirect_reseller_id"] is None
    assert contoso["created_by"] == contoso["updated_by"] == "clerk"
    assert contoso["version"] == 1
    assert stored[FABRIKAM_ID]["relationship"] == Relationship.ADVISOR
    assert stored[TW_ID]["domain_prefix"] == "twchip"
    # The keys the model keeps are there, so the list sorts and finds the imported customers.
    assert contoso["name_key"] == "contoso, ltd."
    assert contoso["collation_key"] == sort_key("Contoso, Ltd.")
    assert stored[TW_ID]["collation_key"] == sort_key(stored[TW_ID]["company_name"])
    assert contoso["match_key"] == "contoso"
    found = customer_page(db, CustomerQuery(text="晶片"))
    assert [row.microsoft_id for row in found] == [TW_ID]
    assert [row.company_name for row in customer_page(db, CustomerQuery(text="contosoltd"))] == [
        "Contoso, Ltd."
    ]
    # Each customer's history says it was imported, from which file and line.
    history = customer_history(db, contoso["id"])
    assert [entry.action for entry in history] == ["customer.imported"]
    assert history[0].details["file"] == "Customers.csv"
    assert history[0].details["line"] == 2
    assert history[0].actor == "clerk"
    [summary] = events(db, "customers.imported")
    assert summary.customer_id is None


def test_the_details_of_an_imported_customer_read_back(db: Database, pc_file: Path) -> None:
    apply_import(db, preview_import(db, pc_file), skip_invalid=True)
    customer_id = customers(db)[TW_ID]["id"]

    details = get_customer(db, customer_id)

    assert details.company_name == "台灣晶片設計股份有限公司"
    assert details.domain == "twchip.onmicrosoft.com"
    assert details.country == "" and details.agreement is None


def test_invalid_rows_block_the_import_until_the_caller_skips_them(
    db: Database, pc_file: Path
) -> None:
    preview = preview_import(db, pc_file)

    with pytest.raises(ImportRefused) as refused:
        apply_import(db, preview)

    assert "1 row(s) of the file cannot be imported" in str(refused.value.message)
    assert customers(db) == {}
    assert events(db) == []


def test_columns_are_found_by_name_in_any_order_and_tags_may_be_missing(
    db: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "c.csv",
        "relationship,PRIMARY DOMAIN NAME,Company Name,MicrosoftId\n"
        f"cloud reseller,contosoltd.onmicrosoft.com,Contoso,{CONTOSO_ID.upper()}\n",
    )

    preview = preview_import(db, path)
    apply_import(db, preview)

    stored = customers(db)[CONTOSO_ID]
    assert (stored["company_name"], stored["domain_prefix"], stored["tags"]) == (
        "Contoso",
        "contosoltd",
        "",
    )


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (
            f"{CONTOSO_ID},,contoso.onmicrosoft.com,Cloud Reseller",
            "Company name: Enter the company name.",
        ),
        ("   ,Contoso,contoso.onmicrosoft.com,Cloud Reseller", "The Microsoft ID is empty."),
        (
            f"{CONTOSO_ID},Contoso,con-toso.onmicrosoft.com,Cloud Reseller",
            "Primary domain name: Use only letters and digits: “con-toso” has “-”.",
        ),
        (f"{CONTOSO_ID},Contoso,,Cloud Reseller", "The primary domain name is empty."),
        (
            f"{CONTOSO_ID},Contoso,contoso.com,Cloud Reseller",
            "contoso.com is not an initial domain (name.onmicrosoft.com)",
        ),
        (
            f"{CONTOSO_ID},Contoso,contoso.onmicrosoft.com,Partner",
            "“Partner” is not a relationship (one of Cloud Reseller, Advisor, Syndication, "
            "Microsoft Support, None).",
        ),
        (
            f"{CONTOSO_ID},Contoso,contoso.onmicrosoft.com",
            "The line has 3 values; the header has 4.",
        ),
    ],
)
def test_a_bad_row_is_invalid_with_its_reason(
    db: Database, tmp_path: Path, cells: str, reason: str
) -> None:
    path = write(
        tmp_path / "c.csv", f"Microsoft ID,Company name,Primary domain name,Relationship\n{cells}\n"
    )

    preview = preview_import(db, path)

    assert fates(preview) == {2: Fate.INVALID}
    [shown] = reasons(preview, 2)
    assert shown.startswith(reason)


def test_duplicates_within_the_file_import_only_the_first(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        "Microsoft ID,Company name,Primary domain name,Relationship\n"
        f"{CONTOSO_ID},Contoso,contoso.onmicrosoft.com,Cloud Reseller\n"
        f"{CONTOSO_ID.upper()},Contoso again,contosoagain.onmicrosoft.com,Cloud Reseller\n"
        f"{TW_ID},Contoso twin,CONTOSO.onmicrosoft.com,Cloud Reseller\n"
        f"{FABRIKAM_ID},Fabrikam,fabrikam.onmicrosoft.com,Cloud Reseller\n",
    )

    preview = preview_import(db, path)

    assert fates(preview) == {
        2: Fate.NEW,
        3: Fate.DUPLICATE,
        4: Fate.DUPLICATE,
        5: Fate.NEW,
    }
    assert reasons(preview, 3) == ["The same Microsoft ID as line 2; only that line is imported."]
    assert reasons(preview, 4) == ["The same initial domain as line 2; only that line is imported."]
    result = apply_import(db, preview)  # duplicates are not invalid: nothing to skip
    assert (result.added, result.duplicates) == (2, 2)
    assert {row["company_name"] for row in customers(db).values()} == {"Contoso", "Fabrikam"}


# -- against the customers already there ---------------------------------------------------------------


@pytest.fixture
def contoso(db: Database, us_customer: CustomerInput, us_agreement: AgreementInput) -> int:
    """A full customer (address, contact, phone, tags, agreement) with Microsoft ID CONTOSO_ID."""
    data = replace(us_customer, contact_phone="+1 425 555 0100", tags="pharma")
    return create_customer(db, data, us_agreement, microsoft_id=CONTOSO_ID, actor="alice").id


def partner_center_row(
    tmp_path: Path,
    microsoft_id: str = CONTOSO_ID,
    name: str = "Contoso Pharmaceuticals",
    domain: str = "contosopharma.onmicrosoft.com",
    relationship: str = "Cloud Reseller",
    tags: str = "pharma",
) -> Path:
    path = tmp_path / "Customers.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(
            ["Microsoft ID", "Company name", "Primary domain name", "Relationship", "Tags"]
        )
        writer.writerow([microsoft_id, name, domain, relationship, tags])
    return path


def test_the_same_values_are_unchanged_and_write_nothing_but_the_summary(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    before = customers(db)
    preview = preview_import(db, partner_center_row(tmp_path))

    assert fates(preview) == {2: Fate.UNCHANGED}
    result = apply_import(db, preview)

    assert (result.added, result.updated, result.unchanged) == (0, 0, 1)
    assert customers(db) == before
    assert [entry.action for entry in customer_history(db, contoso)] == ["customer.created"]


def test_an_update_from_partner_center_changes_its_columns_and_keeps_the_rest(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    before = customers(db)[CONTOSO_ID]
    path = partner_center_row(
        tmp_path, name="Contoso Pharma Holdings", relationship="None", tags="pharma, key account"
    )

    preview = preview_import(db, path)

    [row] = preview.rows
    assert row.fate is Fate.UPDATE
    assert row.changes == (
        ("company_name", "Contoso Pharmaceuticals", "Contoso Pharma Holdings"),
        ("relationship", "reseller", "none"),
        ("tags", "pharma", "pharma, key account"),
    )
    apply_import(db, preview, actor="bob")
    after = customers(db)[CONTOSO_ID]
    assert after["company_name"] == "Contoso Pharma Holdings"
    assert after["relationship"] == Relationship.NONE
    assert after["tags"] == "pharma, key account"
    assert after["version"] == before["version"] + 1
    assert after["updated_by"] == "bob"
    # The richer account pcdesk holds is untouched.
    for column in ("country", "address_line1", "city", "state", "postal_code", "contact_email"):
        assert after[column] == before[column], column
    assert after["contact_phone"] == "+14255550100"
    assert after["agreement_status"] == "accepted"
    assert after["name_key"] == "contoso pharma holdings"
    assert after["collation_key"] == sort_key("Contoso Pharma Holdings")
    found = customer_page(db, CustomerQuery(text="holdings"))
    assert [found_row.id for found_row in found] == [contoso]
    latest = customer_history(db, contoso)[0]
    assert latest.action == "customer.updated"
    assert latest.details["company_name"] == ["Contoso Pharmaceuticals", "Contoso Pharma Holdings"]
    assert latest.details["imported_from"] == "Customers.csv"


def test_a_custom_primary_domain_still_updates_a_customer_found_by_its_id(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    path = partner_center_row(tmp_path, domain="contosopharma.com", tags="pharma, vip")

    preview = preview_import(db, path)

    assert fates(preview) == {2: Fate.UPDATE}
    apply_import(db, preview)
    stored = customers(db)[CONTOSO_ID]
    assert (stored["tags"], stored["domain_prefix"]) == ("pharma, vip", "contosopharma")


@pytest.mark.parametrize(
    ("microsoft_id", "domain", "reason"),
    [
        (
            TW_ID,
            "contosopharma.onmicrosoft.com",
            f"contosopharma.onmicrosoft.com is the initial domain of Contoso Pharmaceuticals, "
            f"whose Microsoft ID is {CONTOSO_ID}.",
        ),
        (
            CONTOSO_ID,
            "contosonew.onmicrosoft.com",
            "The Microsoft ID is that of Contoso Pharmaceuticals "
            "(contosopharma.onmicrosoft.com); a customer's initial domain never changes, so it "
            "cannot become contosonew.onmicrosoft.com.",
        ),
    ],
)
def test_a_row_that_contradicts_an_existing_customer_is_invalid(
    db: Database, contoso: int, tmp_path: Path, microsoft_id: str, domain: str, reason: str
) -> None:
    preview = preview_import(db, partner_center_row(tmp_path, microsoft_id, domain=domain))

    assert fates(preview) == {2: Fate.INVALID}
    assert reasons(preview, 2) == [reason]


def test_an_id_of_one_customer_with_the_domain_of_another_is_invalid(
    db: Database,
    contoso: int,
    tw_customer: CustomerInput,
    tmp_path: Path,
) -> None:
    create_customer(db, tw_customer, AgreementInput(False), microsoft_id=TW_ID)

    preview = preview_import(db, partner_center_row(tmp_path, TW_ID))

    assert reasons(preview, 2) == [
        "The Microsoft ID is that of 台灣晶片設計股份有限公司 (twchip.onmicrosoft.com), but "
        "contosopharma.onmicrosoft.com is the initial domain of Contoso Pharmaceuticals "
        "(contosopharma.onmicrosoft.com)."
    ]


# -- pcdesk's own export -----------------------------------------------------------------------------


@pytest.fixture
def demo(db: Database) -> Database:
    seed_demo(db)
    return db


def test_export_then_import_into_the_same_database_changes_nothing(
    demo: Database, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    exported = export_customers(demo, CustomerQuery(), path)
    before = (customers(demo), agreements(demo))

    preview = preview_import(demo, path)

    assert preview.file_format is FileFormat.PCDESK
    assert preview.count(Fate.UNCHANGED) == exported > 0
    result = apply_import(demo, preview)
    assert (result.added, result.updated) == (0, 0)
    assert (customers(demo), agreements(demo)) == before


@pytest.fixture
def second_db(db: Database, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """Another empty database of the same kind as ``db``."""
    if db.dialect == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "second.sqlite3"
        shutil.copyfile(template, path)
        other = open_database(sqlite_url(path))
    else:
        other = open_database(request.getfixturevalue("postgres_schemas").new())
    yield other
    other.dispose()


def copy_resellers(source: Database, target: Database) -> None:
    """The same indirect resellers (a restore needs them first: the file names them by ID)."""
    table = IndirectReseller.__table__
    assert isinstance(table, Table)
    with source.engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(select(table)).mappings()]
    with target.engine.begin() as connection:
        connection.execute(insert(table), rows)


def test_export_then_import_into_an_empty_database_gives_the_same_customers(
    demo: Database, second_db: Database, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    count = export_customers(demo, CustomerQuery(), first)
    copy_resellers(demo, second_db)

    preview = preview_import(second_db, first)
    assert preview.count(Fate.NEW) == count, [row.reasons for row in preview.rows]
    apply_import(second_db, preview, actor="restorer")

    second = tmp_path / "second.csv"
    export_customers(second_db, CustomerQuery(), second)
    # Every exported field is the same, but for who wrote the row last, and when: the import.
    written = {"Updated at (UTC)", "Updated by"}

    def shown(path: Path) -> dict[str, dict[str, str]]:
        return {
            row["Microsoft ID"]: {key: value for key, value in row.items() if key not in written}
            for row in read_csv(path)
        }

    assert shown(second) == shown(first)
    assert len(shown(first)) == count
    assert {row["Updated by"] for row in read_csv(second)} == {"restorer"}


def test_a_pcdesk_row_updates_every_account_field_it_carries(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    export_customers(db, CustomerQuery(), path)
    [row] = read_csv(path)
    row |= {
        "City": "Seattle",
        "Postal code": "98101",
        "Primary contact email": "dana@contoso-pharma.com",
        "Primary contact phone": "'+1 206 555 0123",  # neutralised as the export writes it
        "Tags": "",
    }
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER)
        writer.writeheader()
        writer.writerow(row)

    preview = preview_import(db, edited)

    [previewed] = preview.rows
    assert previewed.fate is Fate.UPDATE
    assert set(previewed.changed_fields) == {
        "city",
        "postal_code",
        "contact_email",
        "contact_phone",
        "tags",
    }
    apply_import(db, preview)
    stored = customers(db)[CONTOSO_ID]
    assert (stored["city"], stored["postal_code"]) == ("Seattle", "98101")
    assert stored["contact_phone"] == "+12065550123"
    assert stored["email_domain"] == "contoso-pharma.com"
    assert stored["tags"] == ""


def test_a_pcdesk_row_the_account_rules_refuse_is_invalid(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    export_customers(db, CustomerQuery(), path)
    [row] = read_csv(path)
    row |= {"Primary contact email": "dana@", "Country/region": "TW"}
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER)
        writer.writeheader()
        writer.writerow(row)

    preview = preview_import(db, edited)

    shown = reasons(preview, 2)
    assert (
        "Primary contact email: “dana@” is not a valid email address, like name@contoso.com."
        in shown
    )
    assert "Country/region: A customer's country/region cannot be changed (it is US)." in shown


def test_an_unknown_reseller_is_invalid(db: Database, contoso: int, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    export_customers(db, CustomerQuery(), path)
    [row] = read_csv(path)
    row["Indirect reseller Partner ID"] = "9999999"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=HEADER)
        writer.writeheader()
        writer.writerow(row)

    assert reasons(preview_import(db, edited), 2) == [
        "Indirect reseller Partner ID: No indirect reseller has the Partner ID 9999999. Add the "
        "reseller first."
    ]


# -- the file itself -----------------------------------------------------------------------------------


def test_utf16_and_utf8_without_a_bom_are_read(db: Database, tmp_path: Path) -> None:
    content = PARTNER_CENTER_FILE.lstrip("\ufeff")
    for name, encoding in (
        ("utf8.csv", "utf-8"),
        ("utf16.csv", "utf-16"),
        # Excel's "Unicode text" saved without a byte-order mark: once 102 "invalid" rows.
        ("utf16le.csv", "utf-16-le"),
        ("utf16be.csv", "utf-16-be"),
    ):
        preview = preview_import(db, write(tmp_path / name, content, encoding))
        assert preview.count(Fate.NEW) == 3, name
        assert preview.rows[1].company_name == "台灣晶片設計股份有限公司"


def test_a_file_that_is_not_utf8_is_refused_with_its_line(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(
        b"Microsoft ID,Company name,Primary domain name,Relationship\r\n"
        + f"{CONTOSO_ID},Caf\xe9 M\xfcller,cafe.onmicrosoft.com,Cloud Reseller\r\n".encode(
            "latin-1"
        )
    )

    with pytest.raises(ImportUnreadable) as unreadable:
        preview_import(db, path)

    assert str(unreadable.value.message) == (
        "ansi.csv is not UTF-8 text (line 2 is not). In Excel, save it as “CSV UTF-8 (Comma "
        "delimited)” and import it again."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "c.csv is empty."),
        (
            "Name,Domain\nContoso,contoso.onmicrosoft.com\n",
            "c.csv is not a customer list: its first line lacks the column(s) Microsoft ID, "
            "Company name, Primary domain name, Relationship.",
        ),
        (
            'Microsoft ID,Company name,Primary domain name,Relationship\n"unclosed,x\n',
            "Line 2 of c.csv is not valid CSV: a quoted value is never closed",
        ),
        (
            "Microsoft ID,Company name,Primary domain name,Relationship,Company name\n",
            "c.csv has the column “Company name” twice (columns 2 and 5), so pcdesk cannot tell "
            "which to read. Keep one of them and import it again.",
        ),
    ],
)
def test_a_file_that_is_not_a_customer_list_is_refused(
    db: Database, tmp_path: Path, content: str, message: str
) -> None:
    with pytest.raises(ImportUnreadable) as unreadable:
        preview_import(db, write(tmp_path / "c.csv", content))
    assert str(unreadable.value.message).startswith(message)


def test_an_edited_pcdesk_export_missing_columns_is_refused(db: Database, tmp_path: Path) -> None:
    header = [name for name in HEADER if name not in ("City", "Language")]
    path = write(tmp_path / "c.csv", ",".join(header) + "\n")

    with pytest.raises(ImportUnreadable) as unreadable:
        preview_import(db, path)

    assert "the column(s) City, Language are missing" in str(unreadable.value.message)


# -- applying: all or nothing --------------------------------------------------------------------------


def many_rows(tmp_path: Path, count: int) -> Path:
    lines = ["Microsoft ID,Company name,Primary domain name,Relationship"]
    lines += [
        f"00000000-0000-4000-8000-{number:012d},Customer {number},customer{number}.onmicrosoft.com,"
        "Cloud Reseller"
        for number in range(count)
    ]
    return write(tmp_path / "many.csv", "\n".join(lines) + "\n")


def test_cancel_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_import_preview, "CHUNK", 10)
    preview = preview_import(db, many_rows(tmp_path, 45))
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        reports.append((done, total))
        return done < 70  # stops after some customers were written, in the same transaction

    with pytest.raises(ImportCancelled):
        apply_import(db, preview, progress=progress)

    assert reports[-1][0] >= 70 and reports[-1][1] == 90  # 45 checked, then 45 written
    assert customers(db) == {}
    assert events(db) == []


def test_cancelling_the_preview_stops_it(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_import_preview, "CHUNK", 10)
    with pytest.raises(ImportCancelled):
        preview_import(db, many_rows(tmp_path, 45), progress=lambda done, total: done < 20)


def test_progress_reaches_its_end(db: Database, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    preview = preview_import(
        db, many_rows(tmp_path, 2500), progress=lambda d, t: not reports.append((d, t))
    )
    assert reports[-1][0] == reports[-1][1] > 0
    reports.clear()
    apply_import(db, preview, progress=lambda d, t: not reports.append((d, t)))
    assert reports[-1] == (5000, 5000)
    assert len(customers(db)) == 2500


def test_a_customer_added_elsewhere_since_the_preview_stops_the_import(
    db: Database, pc_file: Path, tw_customer: CustomerInput
) -> None:
    preview = preview_import(db, pc_file)
    # Another workstation adds the Taiwanese customer (same domain) after the preview.
    create_customer(db, tw_customer, AgreementInput(False), actor="elsewhere")

    with pytest.raises(ImportOutdated) as outdated:
        apply_import(db, preview, skip_invalid=True)

    assert outdated.value.lines == (3,)
    assert "Nothing was imported; preview the file again." in str(outdated.value.message)
    assert {row["company_name"] for row in customers(db).values()} == {tw_customer.company_name}
    assert events(db, "customers.imported") == []
    # A new preview tells the truth, and importing it then works.
    again = preview_import(db, pc_file)
    assert fates(again)[3] is Fate.INVALID
    assert apply_import(db, again, skip_invalid=True).added == 2


def test_a_customer_changed_elsewhere_since_the_preview_stops_the_import(
    db: Database, contoso: int, tmp_path: Path
) -> None:
    preview = preview_import(db, partner_center_row(tmp_path, tags="pharma, vip"))
    current = get_customer(db, contoso)
    update_customer(
        db,
        contoso,
        current.version,
        replace(customer_input_of(current), city="Bellevue", postal_code="98004"),
    )

    with pytest.raises(ImportOutdated):
        apply_import(db, preview)

    assert customers(db)[CONTOSO_ID]["tags"] == "pharma"


def test_importing_needs_a_role_that_may_add_customers(db: Database, pc_file: Path) -> None:
    set_team(
        db,
        [
            TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("helper", frozenset({PartnerRole.HELPDESK_AGENT})),
        ],
        actor="boss",
    )
    preview = preview_import(db, pc_file)

    with pytest.raises(NotAllowed):
        apply_import(db, preview, skip_invalid=True, actor="helper")

    assert customers(db) == {}
    assert apply_import(db, preview, skip_invalid=True, actor="boss").added == 3


def test_an_indirect_reseller_cannot_add_customers_by_import(
    db: Database, pc_file: Path, contoso: int, tmp_path: Path
) -> None:
    set_partner_profile(
        db,
        PartnerProfileInput(
            name="Adatum Reseller",
            tenant_id="6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            partner_id="5100001",
            partner_type=PartnerType.INDIRECT_RESELLER,
        ),
    )

    with pytest.raises(NotAllowed):
        apply_import(db, preview_import(db, pc_file), skip_invalid=True)

    # Updating customers it already has is still allowed.
    updated = apply_import(db, preview_import(db, partner_center_row(tmp_path, tags="pharma, vip")))
    assert updated.updated == 1


def test_a_global_admin_cannot_attest_agreements_by_import_either(
    demo: Database, second_db: Database, tmp_path: Path
) -> None:
    exported = tmp_path / "export.csv"
    export_customers(demo, CustomerQuery(), exported)  # the demo has accepted agreements
    copy_resellers(demo, second_db)
    set_team(
        second_db,
        [
            TeamMemberData("boss", frozenset({PartnerRole.GLOBAL_ADMIN})),
            TeamMemberData("seller", frozenset({PartnerRole.SALES_AGENT})),
        ],
        actor="boss",
    )
    preview = preview_import(second_db, exported)

    with pytest.raises(NotAllowed) as refused:
        apply_import(second_db, preview, actor="boss")
    assert "It needs: Admin agent / Sales agent." in str(refused.value.message)
    assert customers(second_db) == {}
    assert apply_import(second_db, preview, actor="seller").added == preview.count(Fate.NEW)
