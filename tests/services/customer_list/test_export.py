"""Export customers: Partner Center's columns then pcdesk's, safe in a spreadsheet, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from pcdesk.models import Customer
from pcdesk.models.database import Database
from pcdesk.services.customer_list.export import (
    HEADER,
    ExportCancelled,
    export_customers,
    neutralise,
    restore,
)
from pcdesk.services.customer_list.query import CustomerQuery, RelationshipFilter, SortKey
from pcdesk.services.customers.create import create_customer
from pcdesk.services.demo_data import seed_demo
from pcdesk.services.inputs import AgreementInput, CustomerInput

PARTNER_CENTER_HEADER = [
    "Microsoft ID",
    "Company name",
    "Primary domain name",
    "Relationship",
    "Tags",
]


@pytest.fixture
def add(us_customer: CustomerInput, us_agreement: AgreementInput) -> Callable[..., int]:
    """``add(db, company, domain, **changes)``: the US customer, with a phone, tags and an
    agreement signed with the signer's phone, under that name and domain; its id."""
    seattle = replace(us_customer, contact_phone="+1 425 555 0100", tags="vip, pharma")
    signed = replace(us_agreement, signer_phone="+1 425 555 0199")

    def add(db: Database, company: str, domain: str, **changes: str) -> int:
        data = replace(seattle, company_name=company, domain_prefix=domain, **changes)  # type: ignore[arg-type]
        return create_customer(db, data, signed, actor="tester").id

    return add


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def export(db: Database, path: Path, query: CustomerQuery = CustomerQuery(), **kw: object) -> int:
    return export_customers(db, query, path, **kw)  # type: ignore[arg-type]


def test_header_is_partner_centers_columns_then_pcdesks(
    db: Database, tmp_path: Path, add: Callable[..., int]
) -> None:
    add(db, "Contoso Pharmaceuticals", "contosopharma")
    path = tmp_path / "Customers.csv"
    assert export(db, path) == 1
    with path.open(encoding="utf-8-sig", newline="") as file:
        header = next(csv.reader(file))
    assert header[:5] == PARTNER_CENTER_HEADER
    assert tuple(header) == HEADER
    for needed in (
        "Country/region",
        "Address line 1",
        "Address line 2",
        "City",
        "State/Province",
        "Postal code",
        "Primary contact first name",
        "Primary contact last name",
        "Primary contact email",
        "Primary contact phone",
        "Language",
        "Culture",
        "Organization registration ID",
        "Indirect reseller Partner ID",
        "Indirect reseller name",
        "Agreement status",
        "Agreement signer first name",
        "Agreement signer last name",
        "Agreement signer email",
        "Agreement signer phone",
        "Agreement date accepted",
        "Account status",
        "Created at (UTC)",
        "Created by",
    ):
        assert needed in header


def test_a_row_carries_every_account_field(
    db: Database, tmp_path: Path, add: Callable[..., int]
) -> None:
    customer_id = add(db, "Contoso Pharmaceuticals", "contosopharma")
    path = tmp_path / "Customers.csv"
    export(db, path)
    [row] = read(path)
    with db.session_factory() as session:
        customer = session.get_one(Customer, customer_id)
        microsoft_id, created_at = customer.microsoft_id, customer.created_at
    assert row["Microsoft ID"] == microsoft_id
    assert row["Company name"] == "Contoso Pharmaceuticals"
    assert row["Primary domain name"] == "contosopharma.onmicrosoft.com"
    assert row["Relationship"] == "Cloud Reseller"
    assert row["Tags"] == "vip, pharma"
    assert (row["Country/region"], row["City"], row["State/Province"]) == ("US", "Redmond", "WA")
    assert row["Postal code"] == "98052"
    assert row["Address line 1"] == "One Microsoft Way"
    assert row["Primary contact email"] == "dana@contosopharma.com"
    assert restore(row["Primary contact phone"]) == "+14255550100"
    assert (row["Language"], row["Culture"]) == ("en", "en-US")
    assert row["Agreement status"] == "accepted"
    assert row["Agreement type"] == "microsoft_customer_agreement"
    assert (row["Agreement signer first name"], row["Agreement signer last name"]) == (
        "Dana",
        "Whitfield",
    )
    assert row["Agreement signer email"] == "dana@contosopharma.com"
    assert row["Agreement signer phone"] == "'+1 425 555 0199"  # as given, neutralised
    assert row["Agreement date accepted"] == "2025-01-02"
    assert row["Account status"] == "active"
    assert row["Created at (UTC)"] == created_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert row["Created by"] == "tester"
    assert row["Indirect reseller Partner ID"] == row["Indirect reseller name"] == ""


def test_demo_data_with_resellers_pending_agreements_and_chinese_names(
    db: Database, tmp_path: Path
) -> None:
    count = seed_demo(db)
    path = tmp_path / "Customers.csv"
    assert export(db, path, batch_size=4) == count
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    assert raw.count(b"\r\n") == count + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = read(path)
    assert len(rows) == count
    with db.session_factory() as session:
        expected = session.scalars(select(Customer.microsoft_id).order_by(Customer.id)).all()
    assert [row["Microsoft ID"] for row in rows] == expected  # each once, by id, across batches
    chip = next(row for row in rows if row["Company name"] == "台灣晶片設計股份有限公司")
    assert (chip["State/Province"], chip["City"]) == ("台北市", "信義區")
    assert chip["Primary contact first name"] == "志明"
    assert chip["Indirect reseller Partner ID"] == "5120931"
    assert chip["Indirect reseller name"] == "Northwind Traders IT Services"
    assert {row["Agreement status"] for row in rows} == {"accepted", "pending"}
    pending = next(row for row in rows if row["Agreement status"] == "pending")
    assert pending["Agreement signer email"] == pending["Agreement date accepted"] == ""


def test_commas_quotes_and_line_breaks_are_quoted(
    db: Database, tmp_path: Path, add: Callable[..., int]
) -> None:
    customer_id = add(db, 'Fabrikam, Inc. "The Best"', "fabrikam")
    with db.session_factory.begin() as session:
        session.execute(
            update(Customer)
            .where(Customer.id == customer_id)
            .values(address_line2="Floor 3,\nRoom 5\r\nBack door")
        )
    path = tmp_path / "Customers.csv"
    export(db, path)
    assert b'"Fabrikam, Inc. ""The Best"""' in path.read_bytes()
    [row] = read(path)
    assert row["Company name"] == 'Fabrikam, Inc. "The Best"'
    assert row["Address line 2"] == "Floor 3,\nRoom 5\r\nBack door"


@pytest.mark.parametrize(
    "company",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "+Contoso Plus",
        "-Minus Corp",
        "@Contoso Home",
        "'Quoted Corp",
    ],
)
def test_each_formula_start_is_neutralised_and_reads_back(
    db: Database, tmp_path: Path, company: str, add: Callable[..., int]
) -> None:
    add(db, company, "formula")
    path = tmp_path / "Customers.csv"
    export(db, path)
    [row] = read(path)
    assert row["Company name"] == "'" + company
    assert restore(row["Company name"]) == company


@pytest.mark.parametrize("start", ["\t", "\r"])
def test_tab_and_carriage_return_starts_are_neutralised(
    db: Database, tmp_path: Path, start: str, add: Callable[..., int]
) -> None:
    # The services trim input, so only a value written some other way can start like this.
    customer_id = add(db, "Contoso Pharmaceuticals", "contosopharma")
    with db.session_factory.begin() as session:
        session.execute(
            update(Customer).where(Customer.id == customer_id).values(tags=start + "=1+2")
        )
    path = tmp_path / "Customers.csv"
    export(db, path)
    [row] = read(path)
    assert row["Tags"] == "'" + start + "=1+2"
    assert restore(row["Tags"]) == start + "=1+2"


def test_neutralise_leaves_ordinary_text_alone() -> None:
    for text in ("", "Contoso", "台灣晶片", "a=b", " a=1", "1-2", "contoso@example.com"):
        assert neutralise(text) == text
        assert restore(text) == text
    assert restore("'Contoso") == "'Contoso"  # an apostrophe neutralise would not have added


@pytest.mark.parametrize(
    "evasion",
    [
        "\uff1d1+1",  # full-width equals sign, which spreadsheets fold to "="
        "\uff0b886 2",  # full-width plus
        "\uff0dcmd",  # full-width hyphen-minus
        "\uff20SUM(A1)",  # full-width commercial at
        "\u200b=1+1",  # zero-width space first
        "\ufeff=1+1",  # a byte-order mark first
        "\u202e=1+1",  # a bidi override first
        " =1+1",  # spaces a spreadsheet trims
        "\u3000=1+1",  # an ideographic space
    ],
)
def test_formulas_hidden_behind_what_a_spreadsheet_trims_or_folds_are_neutralised(
    evasion: str,
) -> None:
    assert neutralise(evasion) == "'" + evasion
    assert restore(neutralise(evasion)) == evasion


@given(st.text())
def test_restore_undoes_neutralise(text: str) -> None:
    neutral = neutralise(text)
    assert not neutral.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(neutral) == text


def test_the_query_filters_and_its_sort_is_ignored(
    db: Database, tmp_path: Path, add: Callable[..., int]
) -> None:
    seed_demo(db)
    add(db, "Wingtip Toys Export", "wingtipexport")
    everyone, taiwan, searched = tmp_path / "all.csv", tmp_path / "tw.csv", tmp_path / "s.csv"
    with db.session_factory() as session:
        total = len(session.scalars(select(Customer.id)).all())
        in_taiwan = session.scalars(
            select(Customer.microsoft_id).where(Customer.country == "TW").order_by(Customer.id)
        ).all()
    assert export(db, everyone) == total
    query = CustomerQuery(country="TW", sort=SortKey.COMPANY_NAME, descending=True)
    assert export(db, taiwan, query) == len(in_taiwan) < total
    assert [row["Microsoft ID"] for row in read(taiwan)] == in_taiwan
    assert export(db, searched, CustomerQuery(text="wingtipexport.onmicrosoft.com")) == 1
    assert [row["Company name"] for row in read(searched)] == ["Wingtip Toys Export"]
    former = tmp_path / "former.csv"
    assert export(db, former, CustomerQuery(status=RelationshipFilter.FORMER)) == 0
    assert read(former) == [] and former.read_bytes().count(b"\r\n") == 1


def test_progress_counts_up_to_the_total(db: Database, tmp_path: Path) -> None:
    count = seed_demo(db)
    seen: list[tuple[int, int]] = []
    export(db, tmp_path / "c.csv", progress=lambda d, t: seen.append((d, t)) or True, batch_size=4)
    assert seen[0] == (0, count) and seen[-1] == (count, count)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(total == count for _, total in seen)


def test_a_customer_added_during_the_export_is_left_for_the_next(
    db: Database, tmp_path: Path, add: Callable[..., int]
) -> None:
    count = seed_demo(db)
    added: list[int] = []

    def add_one(done: int, total: int) -> bool:
        if done and not added:  # another workstation adds a customer between two batches
            added.append(add(db, "Wingtip Toys Export", "wingtipexport"))
        return True

    path = tmp_path / "c.csv"
    assert export(db, path, progress=add_one, batch_size=4) == count
    assert added and len(read(path)) == count


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the files (the SQLite database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("stop_at", [0, 4])
def test_cancelling_leaves_no_file(db: Database, out: Path, stop_at: int) -> None:
    seed_demo(db)
    with pytest.raises(ExportCancelled):
        export(db, out / "Customers.csv", progress=lambda d, t: d < stop_at, batch_size=4)
    assert files_in(out) == []


def test_cancelling_after_the_last_row_leaves_no_file_either(db: Database, out: Path) -> None:
    count = seed_demo(db)
    with pytest.raises(ExportCancelled):
        export(db, out / "Customers.csv", progress=lambda d, t: d < count)
    assert files_in(out) == []


def test_an_existing_file_is_untouched_after_a_failure_or_a_cancel(db: Database, out: Path) -> None:
    seed_demo(db)
    path = out / "Customers.csv"
    path.write_text("what was there before\n", encoding="utf-8")

    def disk_full(done: int, total: int) -> bool:
        if done:
            raise OSError(28, "No space left on device")
        return True

    with pytest.raises(OSError, match="No space left"):
        export(db, path, progress=disk_full, batch_size=4)
    with pytest.raises(ExportCancelled):
        export(db, path, progress=lambda d, t: d == 0, batch_size=4)
    assert path.read_text(encoding="utf-8") == "what was there before\n"
    assert files_in(out) == ["Customers.csv"]


def test_success_replaces_an_existing_file_keeping_its_permissions(
    db: Database, out: Path, add: Callable[..., int]
) -> None:
    add(db, "Contoso Pharmaceuticals", "contosopharma")
    path = out / "Customers.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    assert export(db, path) == 1
    assert [row["Company name"] for row in read(path)] == ["Contoso Pharmaceuticals"]
    assert path.stat().st_mode & 0o777 == 0o640
    assert files_in(out) == ["Customers.csv"]


def test_a_folder_that_cannot_be_written_raises_oserror(db: Database, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export(db, tmp_path / "no such folder" / "Customers.csv")
