"""The offer catalog: reading Partner Center's price list, importing it, and looking offers up."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pcdesk.errors import NotFound
from pcdesk.messages import Message
from pcdesk.models import AuditEvent, CatalogOffer
from pcdesk.models.database import Database
from pcdesk.services.catalog.offers import (
    Offer,
    PriceListRejected,
    PriceListUnreadable,
    RowProblem,
    get_offer,
    import_price_list,
    import_starter_catalog,
    list_offers,
    markets,
    offer_facets,
    parse_date,
    parse_price_list,
)
from pcdesk.services.partner import actor

HEADER = [
    "ProductTitle",
    "ProductId",
    "SkuId",
    "SkuTitle",
    "Publisher",
    "SkuDescription",
    "UnitOfMeasure",
    "TermDuration",
    "BillingPlan",
    "Market",
    "Currency",
    "UnitPrice",
    "PricingTierRangeMin",
    "PricingTierRangeMax",
    "EffectiveStartDate",
    "EffectiveEndDate",
    "Tags",
    "ERP Price",
]
UTC = dt.UTC
STARTER_FILE = Path(__file__).parents[3] / "resources" / "catalog" / "starter-price-list.csv"


def row(**overrides: str) -> dict[str, str]:
    values = {
        "ProductTitle": "Microsoft 365 Business Basic",
        "ProductId": "CFQ7TTC0LH18",
        "SkuId": "0001",
        "SkuTitle": "Microsoft 365 Business Basic",
        "Publisher": "Microsoft Corporation",
        "SkuDescription": "Sample price, not Microsoft's list price.",
        "UnitOfMeasure": "1 License",
        "TermDuration": "P1Y",
        "BillingPlan": "Annual",
        "Market": "US",
        "Currency": "USD",
        "UnitPrice": "72.00",
        "PricingTierRangeMin": "1",
        "PricingTierRangeMax": "300",
        "EffectiveStartDate": "2/1/2019 12:00:00 AM",
        "EffectiveEndDate": "12/31/9999 11:59:59 PM",
        "Tags": "Small business",
        "ERP Price": "79.20",
    }
    values.update(overrides)
    return values


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    *,
    header: list[str] = HEADER,
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def offer_count(db: Database) -> int:
    with db.session_factory() as session:
        return session.scalar(select(func.count()).select_from(CatalogOffer)) or 0


def by_key(offers: tuple[Offer, ...]) -> dict[tuple[str, str, str, str], Offer]:
    return {(o.product_id, o.sku_id, o.term, o.billing_plan): o for o in offers}


# ---------------------------------------------------------------------------------------------
# The starter catalog


def test_starter_file_has_partner_centers_header_and_sample_prices() -> None:
    with STARTER_FILE.open(encoding="utf-8", newline="") as stream:
        records = list(csv.reader(stream))
    assert records[0] == HEADER
    body = records[1:]
    assert len(body) == 14 * 2 * 3
    assert all(record[5].startswith("Sample price, not Microsoft's list price.") for record in body)
    assert {record[9] for record in body} == {"US", "TW"}
    assert {(record[7], record[8]) for record in body} == {
        ("P1M", "Monthly"),
        ("P1Y", "Annual"),
        ("P1Y", "Monthly"),
    }


def test_import_starter_catalog_and_list_us_offers(db: Database) -> None:
    result = import_starter_catalog(db)

    assert (result.added, result.updated, result.skipped, result.problems) == (84, 0, 0, ())
    assert markets(db) == ("TW", "US")
    offers = list_offers(db, market="US")
    assert len(offers) == 14 * 3
    assert {offer.currency for offer in offers} == {"USD"}
    offers_by_key = by_key(offers)
    premium = offers_by_key["CFQ7TTC0LCHC", "0002", "P1Y", "Annual"]
    assert premium.product_title == "Microsoft 365 Business Premium"
    assert isinstance(premium.unit_price, Decimal)
    assert premium.unit_price == Decimal("264.00")
    assert premium.monthly_price == Decimal("22.00")
    assert (premium.min_quantity, premium.max_quantity) == (1, 300)
    assert premium.category == "Small business"
    # A monthly term costs about 20% more than an annual one.
    monthly = offers_by_key["CFQ7TTC0LCHC", "0002", "P1M", "Monthly"]
    assert monthly.monthly_price == Decimal("26.40")
    basic = offers_by_key["CFQ7TTC0LH18", "0001", "P1Y", "Annual"]
    assert basic.unit_price == Decimal("72")
    # Sorted by product title, then term.
    titles = [offer.product_title for offer in offers]
    assert titles == sorted(titles, key=str.casefold)
    assert [o.term for o in offers if o.product_id == "CFQ7TTC0LH18"] == ["P1M", "P1Y", "P1Y"]

    tw = by_key(list_offers(db, market="TW"))
    assert tw["CFQ7TTC0LH18", "0001", "P1Y", "Annual"].currency == "TWD"
    assert tw["CFQ7TTC0LH18", "0001", "P1Y", "Annual"].monthly_price == Decimal("192.00")


def test_starter_catalog_reimported_changes_nothing(db: Database) -> None:
    import_starter_catalog(db)
    again = import_starter_catalog(db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 84)
    assert offer_count(db) == 84


# ---------------------------------------------------------------------------------------------
# Reading the file


def test_sku_ids_stay_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [row(SkuId="0002"), row(SkuId="000P")])
    parsed = parse_price_list(path)
    assert [item.sku_id for item in parsed.items] == ["0002", "000P"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2/1/2019 12:00:00 AM", dt.datetime(2019, 2, 1, tzinfo=UTC)),
        ("2/1/2019 12:30:00 PM", dt.datetime(2019, 2, 1, 12, 30, tzinfo=UTC)),
        ("12/31/2024 11:59:59 PM", dt.datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("2/1/2023 0:00", dt.datetime(2023, 2, 1, tzinfo=UTC)),
        ("2/1/2023 17:45", dt.datetime(2023, 2, 1, 17, 45, tzinfo=UTC)),
        ("2024-01-01T00:00:00Z", dt.datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01T08:00:00+08:00", dt.datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01", dt.datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-01-01 00:00:00", dt.datetime(2024, 1, 1, tzinfo=UTC)),
        ("13/1/2023 0:00", None),
        ("2/1/2023 13:00 PM", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates(text: str, expected: dt.datetime | None) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() == dt.timedelta(0)


def test_all_three_date_formats_import(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "dates.csv",
        [
            row(SkuId="0001", EffectiveStartDate="2/1/2019 12:00:00 AM", EffectiveEndDate=""),
            row(SkuId="0002", EffectiveStartDate="2/1/2023 0:00", EffectiveEndDate="3/1/2099 0:00"),
            row(
                SkuId="0003",
                EffectiveStartDate="2024-01-01T00:00:00Z",
                EffectiveEndDate="2099-01-01T00:00:00Z",
            ),
        ],
    )
    assert import_price_list(db, path).added == 3
    offers = {offer.sku_id: offer for offer in list_offers(db, market="US")}
    assert offers["0001"].effective_start == dt.datetime(2019, 2, 1, tzinfo=UTC)
    assert offers["0001"].effective_end is None
    assert offers["0002"].effective_start == dt.datetime(2023, 2, 1, tzinfo=UTC)
    assert offers["0002"].effective_end == dt.datetime(2099, 3, 1, tzinfo=UTC)
    assert offers["0003"].effective_start == dt.datetime(2024, 1, 1, tzinfo=UTC)


def test_end_of_sale_and_segment_columns(db: Database, tmp_path: Path) -> None:
    header = [*HEADER[:16], "EndofSaleDate", "Tags", "ERP Price", "Segment"]
    path = write_csv(
        tmp_path / "preview.csv",
        [
            row(EndofSaleDate="7/1/2030 12:00:00 AM", Segment="Education", UnitPrice="30"),
            row(EndofSaleDate="", Segment="Commercial"),
            row(SkuId="0002", EndofSaleDate="", Segment=""),
        ],
        header=header,
    )
    parsed = parse_price_list(path)
    assert parsed.problems == ()
    assert [(item.segment, item.end_of_sale) for item in parsed.items] == [
        ("Education", dt.datetime(2030, 7, 1, tzinfo=UTC)),
        ("Commercial", None),
        ("Commercial", None),
    ]
    result = import_price_list(db, path)
    assert result.added == 3  # one item per segment
    segments = sorted(
        (o.sku_id, o.segment, o.unit_price) for o in list_offers(db, market="US") if o.term == "P1Y"
    )
    assert segments == [
        ("0001", "Commercial", Decimal("72")),
        ("0001", "Education", Decimal("30")),
        ("0002", "Commercial", Decimal("72")),
    ]


def test_columns_found_by_name_in_any_order(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "shuffled.csv", [row()], header=list(reversed(HEADER)))
    parsed = parse_price_list(path)
    assert parsed.problems == ()
    assert parsed.items[0].unit_price == Decimal("72.00")


def test_missing_required_column_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    header = [name for name in HEADER if name != "UnitPrice"]
    path = write_csv(
        tmp_path / "p.csv", [{k: v for k, v in row().items() if k in header}], header=header
    )
    with pytest.raises(PriceListUnreadable, match="UnitPrice"):
        import_price_list(db, path)
    assert offer_count(db) == 0


def test_a_byte_order_mark_is_fine(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", [row()], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert import_price_list(db, path).added == 1
    # An already decoded stream keeping the BOM in its first header name works too.
    stream = io.StringIO("\ufeff" + path.read_text(encoding="utf-8-sig"), newline="")
    assert parse_price_list(stream).items[0].product_id == "CFQ7TTC0LH18"


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "latin1.csv", [row(SkuTitle="Büro")], encoding="latin-1")
    with pytest.raises(PriceListUnreadable, match="UTF-8"):
        parse_price_list(path)


def test_a_column_named_twice_is_refused_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(",".join([*HEADER, HEADER[0]]) + "\n", encoding="utf-8")
    with pytest.raises(PriceListUnreadable) as refused:
        parse_price_list(path)
    assert f"has the column \u201c{HEADER[0]}\u201d twice (columns 1 and {len(HEADER) + 1})" in str(
        refused.value.message
    )


def test_blank_lines_are_ignored_and_line_numbers_are_physical(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerow(row(SkuId="0001"))  # line 2
    buffer.write("\n")  # line 3
    writer.writerow(row(SkuId="0002", SkuDescription="two\nlines"))  # lines 4-5
    buffer.write(",,,,,,,,,,,,,,,,,\n")  # line 6: empty cells, as spreadsheets save them
    writer.writerow(row(SkuId="0003", UnitPrice="abc"))  # line 7
    parsed = parse_price_list(io.StringIO(buffer.getvalue(), newline=""))
    assert [item.sku_id for item in parsed.items] == ["0001", "0002"]
    assert parsed.items[1].description == "two\nlines"
    assert parsed.rows == 3
    assert parsed.problems == (RowProblem(7, "UnitPrice “abc” is not a number."),)
    assert str(parsed.problems[0]) == "line 7: UnitPrice “abc” is not a number."


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"UnitPrice": "abc"}, "UnitPrice “abc” is not a number."),
        ({"UnitPrice": "NaN"}, "UnitPrice “NaN” is not a number."),
        ({"UnitPrice": "1,000.00"}, "UnitPrice “1,000.00” is not a number."),
        ({"ERP Price": "-1"}, "ERP Price “-1” is negative."),
        ({"PricingTierRangeMin": "one"}, "PricingTierRangeMin “one” is not a whole number."),
        ({"PricingTierRangeMax": "2.5"}, "PricingTierRangeMax “2.5” is not a whole number."),
        (
            {"PricingTierRangeMin": "10", "PricingTierRangeMax": "5"},
            "PricingTierRangeMin 10 is more than PricingTierRangeMax 5.",
        ),
        ({"TermDuration": "1Y"}, "TermDuration “1Y” is not a term such as P1M, P1Y or P3Y."),
        (
            {"BillingPlan": "Weekly"},
            "BillingPlan “Weekly” is not one of Monthly, Annual, Triennial or None.",
        ),
        ({"Market": "USA"}, "Market “USA” is not a two-letter country code."),
        ({"Currency": "US$"}, "Currency “US$” is not a three-letter currency code."),
        ({"ProductId": ""}, "ProductId is empty."),
        ({"SkuId": "000000001"}, "SkuId “000000001” is longer than 8 characters."),
        ({"EffectiveStartDate": ""}, "EffectiveStartDate is empty."),
        (
            {"EffectiveStartDate": "31/12/2024"},
            "EffectiveStartDate “31/12/2024” is not a date "
            "(expected e.g. 2/1/2019 12:00:00 AM or 2019-02-01).",
        ),
        (
            {"EffectiveStartDate": "2/1/2024 0:00", "EffectiveEndDate": "1/1/2024 0:00"},
            "EffectiveEndDate “1/1/2024 0:00” is before EffectiveStartDate “2/1/2024 0:00”.",
        ),
    ],
)
def test_bad_values_are_reported(tmp_path: Path, overrides: dict[str, str], reason: str) -> None:
    path = write_csv(tmp_path / "bad.csv", [row(SkuId="0009"), row(**overrides)])
    parsed = parse_price_list(path)
    assert parsed.problems == (RowProblem(3, reason),)
    assert isinstance(parsed.problems[0].reason, Message)
    assert parsed.problems[0].reason.context == "catalog"
    assert len(parsed.items) == 1


def test_term_and_plan_are_normalised(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [row(TermDuration="p3y", BillingPlan="triennial", Market="us", Currency="usd")],
    )
    item = parse_price_list(path).items[0]
    assert (item.term, item.billing_plan, item.market, item.currency) == (
        "P3Y",
        "Triennial",
        "US",
        "USD",
    )


def test_a_short_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text(",".join(HEADER) + "\r\nMicrosoft 365 Business Basic,CFQ7TTC0LH18,0001\r\n")
    parsed = parse_price_list(path)
    assert parsed.items == ()
    assert parsed.problems == (RowProblem(2, "The line has 3 values; the header has 18."),)


# ---------------------------------------------------------------------------------------------
# Duplicates, bad rows and re-imports


@pytest.mark.parametrize("newest_first", [False, True])
def test_duplicates_resolved_by_latest_dates(
    db: Database, tmp_path: Path, newest_first: bool
) -> None:
    older = row(UnitPrice="60", EffectiveStartDate="1/1/2024 0:00", EffectiveEndDate="")
    newer = row(UnitPrice="72", EffectiveStartDate="2024-06-01T00:00:00Z", EffectiveEndDate="")
    rows = [newer, older] if newest_first else [older, newer]
    path = write_csv(tmp_path / "dup.csv", rows)

    result = import_price_list(db, path)

    assert (result.added, result.duplicates) == (1, 1)
    (offer,) = list_offers(db, market="US")
    assert offer.unit_price == Decimal("72")


def test_duplicates_with_same_start_keep_the_later_end(tmp_path: Path) -> None:
    rows = [
        row(UnitPrice="80", EffectiveStartDate="1/1/2024 0:00", EffectiveEndDate="12/31/2099 0:00"),
        row(UnitPrice="70", EffectiveStartDate="1/1/2024 0:00", EffectiveEndDate="6/30/2024 0:00"),
    ]
    parsed = parse_price_list(write_csv(tmp_path / "dup.csv", rows))
    assert [item.unit_price for item in parsed.items] == [Decimal("80")]


def test_a_bad_row_imports_nothing(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [row(SkuId="0001"), row(SkuId="0002"), row(SkuId="0003", UnitPrice="abc")],
    )
    with pytest.raises(PriceListRejected) as caught:
        import_price_list(db, path)

    assert caught.value.problems == (RowProblem(4, "UnitPrice “abc” is not a number."),)
    message = str(caught.value)
    assert "1 line(s)" in message
    assert "line 4: UnitPrice “abc” is not a number." in message
    assert offer_count(db) == 0
    with db.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0


def test_rejection_message_lists_the_first_few(tmp_path: Path, db: Database) -> None:
    rows = [row(SkuId=f"{n:04d}", UnitPrice="x") for n in range(8)]
    with pytest.raises(PriceListRejected) as caught:
        import_price_list(db, write_csv(tmp_path / "bad.csv", rows))
    assert len(caught.value.problems) == 8
    message = str(caught.value)
    assert "8 line(s)" in message
    assert "line 6:" in message and "line 7:" not in message
    assert "and 3 more" in message


def test_skip_invalid_imports_the_good_rows(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [
            row(SkuId="0001"),
            row(SkuId="0002", UnitPrice="abc", Market="USA"),  # two problems, one line
            row(SkuId="0003"),
            row(SkuId="0004", TermDuration="forever"),
        ],
    )
    result = import_price_list(db, path, skip_invalid=True)

    assert (result.added, result.skipped) == (2, 2)
    assert [problem.line for problem in result.problems] == [3, 3, 5]
    assert sorted(offer.sku_id for offer in list_offers(db, market="US")) == ["0001", "0003"]


def test_reimport_updates_instead_of_duplicating(db: Database, tmp_path: Path) -> None:
    first = write_csv(
        tmp_path / "march.csv",
        [row(SkuId="0001"), row(SkuId="0002", UnitPrice="100")],
    )
    import_price_list(db, first)
    (before,) = (o for o in list_offers(db, market="US") if o.sku_id == "0001")

    second = write_csv(
        tmp_path / "april.csv",
        [
            row(SkuId="0001", UnitPrice="75.50", EffectiveStartDate="4/1/2024 12:00:00 AM"),
            row(SkuId="0002", UnitPrice="100"),  # same dates, same values
            row(SkuId="0003"),
        ],
    )
    result = import_price_list(db, second)

    assert (result.added, result.updated, result.unchanged, result.kept_newer) == (1, 1, 1, 0)
    assert offer_count(db) == 3
    after = get_offer(db, before.id)  # the id survives, so subscriptions keep their offer
    assert after.unit_price == Decimal("75.50")
    assert after.effective_start == dt.datetime(2024, 4, 1, tzinfo=UTC)

    # An older price list does not overwrite the newer price.
    older = write_csv(tmp_path / "old.csv", [row(SkuId="0001", UnitPrice="1")])
    result = import_price_list(db, older)
    assert (result.added, result.updated, result.kept_newer) == (0, 0, 1)
    assert get_offer(db, before.id).unit_price == Decimal("75.50")


def test_import_is_audited(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor, "_acting_as", ["alice"])
    import_price_list(db, write_csv(tmp_path / "prices.csv", [row()]))
    with db.session_factory() as session:
        event = session.scalars(select(AuditEvent)).one()
    assert (event.action, event.actor, event.customer_id) == ("catalog.imported", "alice", None)
    details = json.loads(event.details)
    assert details["file"] == "prices.csv"
    assert (details["added"], details["updated"], details["skipped"]) == (1, 0, 0)


def test_prices_are_exact_decimals(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [row(UnitPrice="0.1", **{"ERP Price": "12345678.9999"})])
    import_price_list(db, path)
    (offer,) = list_offers(db, market="US")
    assert offer.unit_price == Decimal("0.1")
    assert offer.erp_price == Decimal("12345678.9999")


# ---------------------------------------------------------------------------------------------
# Looking offers up


def test_monthly_price_of_terms() -> None:
    base = {
        "id": 1,
        "product_id": "P",
        "sku_id": "0001",
        "product_title": "T",
        "sku_title": "T",
        "publisher": "Microsoft Corporation",
        "description": "",
        "category": "",
        "billing_plan": "Annual",
        "market": "US",
        "currency": "USD",
        "erp_price": Decimal(0),
        "min_quantity": 1,
        "max_quantity": 10,
        "segment": "Commercial",
        "unit_of_measure": "",
        "effective_start": dt.datetime(2024, 1, 1, tzinfo=UTC),
        "effective_end": None,
        "end_of_sale": None,
    }
    assert Offer(term="P1Y", unit_price=Decimal("150.00"), **base).monthly_price == Decimal("12.50")
    assert Offer(term="P1Y", unit_price=Decimal("100"), **base).monthly_price == Decimal("8.33")
    assert Offer(term="P1M", unit_price=Decimal("7.2"), **base).monthly_price == Decimal("7.20")
    assert Offer(term="P3Y", unit_price=Decimal("720"), **base).monthly_price == Decimal("20.00")


def test_search_and_filters(db: Database) -> None:
    import_starter_catalog(db)

    def found(**filters: str) -> set[str]:
        return {o.product_title for o in list_offers(db, market="US", **filters)}

    assert found(search="business basic") == {"Microsoft 365 Business Basic"}
    assert found(search="BUSINESS") == {
        "Microsoft 365 Business Basic",
        "Microsoft 365 Business Standard",
        "Microsoft 365 Business Premium",
        "Exchange Online (Plan 1)",  # "Business email" in its description
        "Exchange Online (Plan 2)",
        "Microsoft Teams Essentials",  # "small businesses"
    }
    assert found(search="cfq7ttc0lhsf") == {"Power BI Pro"}
    assert found(search="mailbox") == {"Exchange Online (Plan 1)", "Exchange Online (Plan 2)"}
    assert found(search="100%_") == set()  # LIKE wildcards are searched for literally
    assert found(category="Frontline") == {"Microsoft 365 F3"}
    assert found(category="Add-on") == {"Microsoft 365 Copilot", "Microsoft Entra ID P1"}
    assert found(publisher="Contoso") == set()
    annual = list_offers(db, market="US", billing_plan="Annual")
    assert len(annual) == 14 and {o.term for o in annual} == {"P1Y"}
    monthly_terms = list_offers(db, market="US", term="P1M")
    assert len(monthly_terms) == 14 and {o.billing_plan for o in monthly_terms} == {"Monthly"}
    both = list_offers(db, market="us", search="premium", term="P1Y", billing_plan="Monthly")
    assert [(o.sku_id, o.unit_price) for o in both] == [("0002", Decimal("264"))]


def test_only_offers_effective_at_the_moment_are_listed(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        [
            row(
                SkuId="0001", EffectiveStartDate="1/1/2024 0:00", EffectiveEndDate="6/30/2024 0:00"
            ),
            row(SkuId="0002", EffectiveStartDate="1/1/2025 0:00", EffectiveEndDate=""),
        ],
    )
    import_price_list(db, path)

    def skus(at: dt.datetime) -> list[str]:
        return [o.sku_id for o in list_offers(db, market="US", at=at)]

    assert skus(dt.datetime(2023, 12, 31, tzinfo=UTC)) == []
    assert skus(dt.datetime(2024, 3, 1, tzinfo=UTC)) == ["0001"]
    assert skus(dt.datetime(2024, 8, 1, tzinfo=UTC)) == []
    assert skus(dt.datetime(2030, 1, 1, tzinfo=UTC)) == ["0002"]
    assert [o.sku_id for o in list_offers(db, market="US")] == ["0002"]


def test_facets(db: Database) -> None:
    import_starter_catalog(db)
    facets = offer_facets(db, "US")
    assert facets.publishers == ("Microsoft Corporation",)
    assert facets.billing_plans == ("Monthly", "Annual")
    assert facets.categories == ("Add-on", "Enterprise", "Frontline", "Small business")
    assert facets.terms == ("P1M", "P1Y")
    empty = offer_facets(db, "DE")
    assert (empty.publishers, empty.billing_plans, empty.categories, empty.terms) == (
        (),
        (),
        (),
        (),
    )


def test_get_offer_and_not_found(db: Database) -> None:
    import_starter_catalog(db)
    first = list_offers(db, market="TW")[0]
    assert get_offer(db, first.id) == first
    with pytest.raises(NotFound):
        get_offer(db, 999_999)


def test_empty_catalog(db: Database) -> None:
    assert markets(db) == ()
    assert list_offers(db, market="US") == ()
