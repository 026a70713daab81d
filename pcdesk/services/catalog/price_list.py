"""Reading Partner Center's license-based price-list CSV and checking it, row by row.

Columns are found by name (case and spaces ignored), so the optional ``EndofSaleDate`` and
``Segment`` columns and any column order work. Every row is checked; a bad row is reported with its
physical line number (the header is line 1). Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.catalog.price_list_format import (
    BILLING_PLANS,
    DEFAULT_SEGMENT,
    INTEGER,
    LETTERS2,
    LETTERS3,
    MAX_LENGTHS,
    OPTIONAL_COLUMNS,
    PRICE_LIMIT,
    PRICE_STEP,
    QUANTITY_LIMIT,
    REQUIRED_COLUMNS,
    SEGMENTS,
    TERM,
    PriceListItem,
    PriceListParse,
    PriceListUnreadable,
    RowProblem,
    catalog_message,
    column_key,
    parse_date,
)
from pcdesk.services.csv_records import records_with_lines


class _RowReader:
    """Checks the fields of one row; collects a problem per bad field."""

    def __init__(self, line: int, values: dict[str, str]) -> None:
        self.line = line
        self.values = values
        self.problems: list[RowProblem] = []

    def problem(self, reason: Message) -> None:
        self.problems.append(RowProblem(self.line, reason))

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.values.get(column, "").strip()
        if required and not value:
            self.problem(
                catalog_message(QT_TRANSLATE_NOOP("catalog", "{column} is empty."), column=column)
            )
        limit = MAX_LENGTHS.get(column)
        if limit is not None and len(value) > limit:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP(
                        "catalog", "{column} “{value}” is longer than {limit} characters."
                    ),
                    column=column,
                    value=value,
                    limit=limit,
                )
            )
        return value

    def price(self, column: str) -> Decimal:
        value = self.values.get(column, "").strip()
        try:
            price = Decimal(value)
        except InvalidOperation:
            price = Decimal("NaN")
        if not price.is_finite():
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "{column} “{value}” is not a number."),
                    column=column,
                    value=value,
                )
            )
            return Decimal(0)
        if price < 0:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "{column} “{value}” is negative."),
                    column=column,
                    value=value,
                )
            )
            return Decimal(0)
        if price >= PRICE_LIMIT:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "{column} “{value}” is too large."),
                    column=column,
                    value=value,
                )
            )
            return Decimal(0)
        # The database keeps four decimal places; rounding here keeps both backends alike.
        return price.quantize(PRICE_STEP, rounding=ROUND_HALF_UP)

    def quantity(self, column: str) -> int | None:
        value = self.values.get(column, "").strip()
        if INTEGER.fullmatch(value) is None or int(value[:12]) > QUANTITY_LIMIT:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "{column} “{value}” is not a whole number."),
                    column=column,
                    value=value,
                )
            )
            return None
        return int(value)

    def date(self, column: str, *, required: bool) -> dt.datetime | None:
        value = self.values.get(column, "").strip()
        if not value:
            if required:
                self.problem(
                    catalog_message(
                        QT_TRANSLATE_NOOP("catalog", "{column} is empty."), column=column
                    )
                )
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP(
                        "catalog",
                        "{column} “{value}” is not a date "
                        "(expected e.g. 2/1/2019 12:00:00 AM or 2019-02-01).",
                    ),
                    column=column,
                    value=value,
                )
            )
        return parsed

    def choice(self, column: str, pattern: re.Pattern[str], template: str) -> str:
        value = self.values.get(column, "").strip()
        if pattern.fullmatch(value) is None:
            self.problem(catalog_message(template, column=column, value=value))
        return value.upper()


def _item(line: int, values: dict[str, str]) -> PriceListItem | list[RowProblem]:
    row = _RowReader(line, values)
    product_id = row.text("ProductId")
    sku_id = row.text("SkuId")  # text, exactly: "0001" and "000P" are not numbers
    product_title = row.text("ProductTitle")
    sku_title = row.text("SkuTitle")
    publisher = row.text("Publisher")
    description = row.text("SkuDescription", required=False)
    unit_of_measure = row.text("UnitOfMeasure", required=False)
    tags = row.text("Tags", required=False)

    term = values.get("TermDuration", "").strip().upper()
    if TERM.fullmatch(term) is None:
        row.problem(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog", "TermDuration “{value}” is not a term such as P1M, P1Y or P3Y."
                ),
                value=values.get("TermDuration", "").strip(),
            )
        )
    plan_value = values.get("BillingPlan", "").strip()
    billing_plan = next((p for p in BILLING_PLANS if p.casefold() == plan_value.casefold()), "")
    if not billing_plan:
        row.problem(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog",
                    "BillingPlan “{value}” is not one of Monthly, Annual, Triennial or None.",
                ),
                value=plan_value,
            )
        )
    market = row.choice(
        "Market",
        LETTERS2,
        QT_TRANSLATE_NOOP("catalog", "Market “{value}” is not a two-letter country code."),
    )
    currency = row.choice(
        "Currency",
        LETTERS3,
        QT_TRANSLATE_NOOP("catalog", "Currency “{value}” is not a three-letter currency code."),
    )
    unit_price = row.price("UnitPrice")
    erp_price = row.price("ERP Price")
    minimum = row.quantity("PricingTierRangeMin")
    maximum = row.quantity("PricingTierRangeMax")
    if minimum is not None and maximum is not None and minimum > maximum:
        row.problem(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog",
                    "PricingTierRangeMin {minimum} is more than PricingTierRangeMax {maximum}.",
                ),
                minimum=minimum,
                maximum=maximum,
            )
        )
    start = row.date("EffectiveStartDate", required=True)
    end = row.date("EffectiveEndDate", required=False)
    if start is not None and end is not None and end < start:
        row.problem(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog",
                    "EffectiveEndDate “{end}” is before EffectiveStartDate “{start}”.",
                ),
                end=values.get("EffectiveEndDate", "").strip(),
                start=values.get("EffectiveStartDate", "").strip(),
            )
        )
    end_of_sale = row.date("EndofSaleDate", required=False)
    segment_value = row.text("Segment", required=False) or DEFAULT_SEGMENT
    segment = next((s for s in SEGMENTS if s.casefold() == segment_value.casefold()), segment_value)

    if row.problems:
        return row.problems
    assert start is not None and minimum is not None and maximum is not None
    return PriceListItem(
        line=line,
        product_id=product_id,
        sku_id=sku_id,
        product_title=product_title,
        sku_title=sku_title,
        publisher=publisher,
        description=description,
        unit_of_measure=unit_of_measure,
        tags=tags,
        term=term,
        billing_plan=billing_plan,
        market=market,
        currency=currency,
        unit_price=unit_price,
        erp_price=erp_price,
        min_quantity=minimum,
        max_quantity=maximum,
        effective_start=start,
        effective_end=end,
        end_of_sale=end_of_sale,
        segment=segment,
    )


def _records(stream: TextIO) -> Iterator[tuple[int, list[str]]]:
    def unreadable(line: int, reason: str) -> PriceListUnreadable:
        return PriceListUnreadable(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog", "Line {line} of the price list is not valid CSV: {reason}"
                ),
                line=line,
                reason=reason,
            )
        )

    return records_with_lines(stream, unreadable)


def _header(record: list[str]) -> dict[str, int]:
    """Column name (as documented) → index; refuses a header missing a required column."""
    known = {column_key(name): name for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    positions: dict[str, int] = {}
    for index, raw in enumerate(record):
        name = known.get(column_key(raw.lstrip("\ufeff")))
        if name is not None and name not in positions:
            positions[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        raise PriceListUnreadable(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog",
                    "This is not a Partner Center price list: the column(s) {columns} are missing "
                    "from its first line.",
                ),
                columns=", ".join(missing),
            )
        )
    return positions


def _parse_stream(stream: TextIO) -> PriceListParse:
    records = _records(stream)
    header: dict[str, int] | None = None
    for _line, record in records:
        if any(field.strip() for field in record):
            header = _header(record)
            break
    if header is None:
        raise PriceListUnreadable(
            catalog_message(QT_TRANSLATE_NOOP("catalog", "The price list is empty."))
        )
    width = max(header.values()) + 1

    best: dict[tuple[str, ...], PriceListItem] = {}
    problems: list[RowProblem] = []
    rows = duplicates = 0
    for line, record in records:
        if not any(field.strip() for field in record):
            continue  # a blank line, or a row of empty cells as spreadsheets write them
        rows += 1
        if len(record) < width:
            problems.append(
                RowProblem(
                    line,
                    catalog_message(
                        QT_TRANSLATE_NOOP(
                            "catalog", "The line has {count} values; the header has {expected}."
                        ),
                        count=len(record),
                        expected=width,
                    ),
                )
            )
            continue
        result = _item(line, {name: record[index] for name, index in header.items()})
        if isinstance(result, list):
            problems.extend(result)
            continue
        key = result.key
        previous = best.get(key)
        if previous is None:
            best[key] = result
            continue
        duplicates += 1
        # The latest dates win whatever the order of the rows; on equal dates, the later row.
        if result.dates >= previous.dates:
            best[key] = result
    items = tuple(sorted(best.values(), key=lambda item: item.line))
    return PriceListParse(items, tuple(problems), rows, duplicates)


def parse_price_list(source: Path | TextIO) -> PriceListParse:
    """Read and check a price list (a file path or an open text stream) without writing anything.

    Raises PriceListUnreadable when the file cannot be read as a price list at all; bad rows are
    returned as ``problems``.
    """
    if isinstance(source, Path):
        try:
            with source.open(encoding="utf-8-sig", newline="") as stream:
                return parse_checked(stream)
        except OSError as exc:
            raise PriceListUnreadable(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "pcdesk could not read {name}: {reason}"),
                    name=source.name,
                    reason=exc.strerror or str(exc),
                )
            ) from exc
    return parse_checked(source)


def parse_checked(stream: TextIO) -> PriceListParse:
    try:
        return _parse_stream(stream)
    except UnicodeDecodeError as exc:
        raise PriceListUnreadable(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog", "The price list is not UTF-8 text; save it as CSV UTF-8 and retry."
                )
            )
        ) from exc


def source_name(source: Path | TextIO) -> str:
    if isinstance(source, Path):
        return source.name
    name = getattr(source, "name", "")
    return Path(name).name if isinstance(name, str) else ""


# ---------------------------------------------------------------------------------------------
# Importing
