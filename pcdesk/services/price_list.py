"""Partner Center's license-based price-list CSV: reading and checking it, row by row.

Columns are found by name (case and spaces ignored), so the optional ``EndofSaleDate`` and
``Segment`` columns and any column order work. Every row is checked; a bad row is reported with its
physical line number (the header is line 1). Nothing here touches the database.

No Qt here: user-facing texts are ``Message`` objects, translated by the views.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, TextIO

from pcdesk.services.messages import QT_TRANSLATE_NOOP, Message

_CONTEXT: Final = "catalog"

STARTER_CATALOG: Final = "starter-price-list.csv"

# The documented header, in Partner Center's order; every one of these columns is required.
REQUIRED_COLUMNS: Final = (
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
)
OPTIONAL_COLUMNS: Final = ("EndofSaleDate", "Segment")

BILLING_PLANS: Final = ("Monthly", "Annual", "Triennial", "None")
SEGMENTS: Final = ("Commercial", "Education", "Government", "Charity")
DEFAULT_SEGMENT: Final = "Commercial"

# Column sizes of catalog_offer, checked here so that a long value is a row problem, not a crash.
_MAX_LENGTHS: Final = {
    "ProductId": 20,
    "SkuId": 8,
    "ProductTitle": 255,
    "SkuTitle": 255,
    "Publisher": 100,
    "UnitOfMeasure": 50,
    "Tags": 255,
    "Segment": 32,
}
# Numeric(18, 4): 14 digits before the point, 4 after.
_PRICE_LIMIT: Final = Decimal(10) ** 14
_PRICE_STEP: Final = Decimal("0.0001")
CENT: Final = Decimal("0.01")
_QUANTITY_LIMIT: Final = 2**31 - 1

_TERM = re.compile(r"P([1-9][0-9]{0,2})([MY])")
_US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_LETTERS2 = re.compile(r"[A-Za-z]{2}")
_LETTERS3 = re.compile(r"[A-Za-z]{3}")
_INTEGER = re.compile(r"[+]?[0-9]+")
# How many problems the exception's message names before "and N more".
_PROBLEMS_SHOWN: Final = 5
# How much of a bad value a problem quotes.
_VALUE_SHOWN: Final = 60


def _key(column: str) -> str:
    """How a header name is matched: without spaces or underscores, case-insensitively."""
    return re.sub(r"[\s_]+", "", column).casefold()


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class RowProblem:
    """Why one line of the price list was refused; ``line`` is its physical line (header = 1)."""

    line: int
    reason: str

    @property
    def message(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("catalog", "line {line}: {reason}"),
            context=_CONTEXT,
            line=self.line,
            reason=self.reason,
        )

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class PriceListItem:
    """One good row of a price list, with its values checked and normalised."""

    line: int
    product_id: str
    sku_id: str
    product_title: str
    sku_title: str
    publisher: str
    description: str
    unit_of_measure: str
    tags: str
    term: str
    billing_plan: str
    market: str
    currency: str
    unit_price: Decimal
    erp_price: Decimal
    min_quantity: int
    max_quantity: int
    effective_start: dt.datetime
    effective_end: dt.datetime | None
    end_of_sale: dt.datetime | None
    segment: str

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """The item's identity: one price per key (the table's unique constraint)."""
        return (
            self.product_id,
            self.sku_id,
            self.market,
            self.term,
            self.billing_plan,
            self.segment,
        )

    @property
    def dates(self) -> tuple[dt.datetime, dt.datetime]:
        """What decides between two prices of one item: the later dates win (no end = latest)."""
        return (self.effective_start, self.effective_end or OPEN_END)

    def values(self) -> dict[str, Any]:
        """The columns of catalog_offer."""
        return {name: getattr(self, name) for name in VALUE_COLUMNS}


OPEN_END: Final = dt.datetime.max.replace(tzinfo=dt.UTC)
KEY_COLUMNS: Final = ("product_id", "sku_id", "market", "term", "billing_plan", "segment")
VALUE_COLUMNS: Final = (
    *KEY_COLUMNS,
    "product_title",
    "sku_title",
    "publisher",
    "description",
    "unit_of_measure",
    "tags",
    "currency",
    "unit_price",
    "erp_price",
    "min_quantity",
    "max_quantity",
    "effective_start",
    "effective_end",
    "end_of_sale",
)


@dataclass(frozen=True)
class PriceListParse:
    """A price list read and checked: its good items (one per key) and its problems."""

    items: tuple[PriceListItem, ...]
    problems: tuple[RowProblem, ...]
    rows: int  # data rows read (blank lines not counted)
    duplicates: int  # good rows replaced by a later row for the same item

    @property
    def bad_lines(self) -> tuple[int, ...]:
        """Lines with at least one problem (a line can have several), in file order."""
        return tuple(sorted({problem.line for problem in self.problems}))


class PriceListError(Exception):
    """The price list was not imported; the message is for the user."""


class PriceListUnreadable(PriceListError):
    """The file is not a price list pcdesk can read: not UTF-8 CSV, or a required column missing."""


class PriceListRejected(PriceListError):
    """Some rows are wrong and skipping them was not asked for; nothing was written."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems: tuple[RowProblem, ...] = tuple(problems)
        lines = len({problem.line for problem in self.problems})
        shown = "; ".join(str(problem) for problem in self.problems[:_PROBLEMS_SHOWN])
        more = len(self.problems) - _PROBLEMS_SHOWN
        if more > 0:
            self.message = Message(
                QT_TRANSLATE_NOOP(
                    "catalog",
                    "The price list was not imported: {lines} line(s) are wrong. {shown}; "
                    "and {more} more.",
                ),
                context=_CONTEXT,
                lines=lines,
                shown=shown,
                more=more,
            )
        else:
            self.message = Message(
                QT_TRANSLATE_NOOP(
                    "catalog", "The price list was not imported: {lines} line(s) are wrong. {shown}"
                ),
                context=_CONTEXT,
                lines=lines,
                shown=shown,
            )
        super().__init__(self.message)


# ---------------------------------------------------------------------------------------------
# Reading the CSV


def term_months(term: str) -> int:
    """Months of an ISO 8601 term such as P1M, P1Y or P3Y."""
    match = _TERM.fullmatch(term)
    if match is None:
        raise ValueError(f"not a term: {term!r}")
    count = int(match.group(1))
    return count if match.group(2) == "M" else count * 12


def catalog_message(template: str, **params: Any) -> Message:
    value = params.get("value")
    if isinstance(value, str) and len(value) > _VALUE_SHOWN:  # keep reports readable
        params["value"] = value[: _VALUE_SHOWN - 1] + "…"
    return Message(template, context=_CONTEXT, **params)


_DATE_CACHE: dict[str, dt.datetime | None] = {}


def parse_date(value: str) -> dt.datetime | None:
    """A price-list date as an aware UTC datetime, or None if it is not one.

    Accepts ``2/1/2019 12:00:00 AM`` and ``2/1/2023 0:00`` (month first, as Partner Center writes
    them) and ISO 8601 (``2024-01-01``, ``2024-01-01T00:00:00Z``, with any offset). Times without
    an offset are UTC.
    """
    try:
        return _DATE_CACHE[value]
    except KeyError:
        pass
    parsed = _parse_date(value)
    if len(_DATE_CACHE) < 10_000:  # price lists repeat a handful of dates; bound the cache anyway
        _DATE_CACHE[value] = parsed
    return parsed


def _parse_date(value: str) -> dt.datetime | None:
    match = _US_DATE.fullmatch(value)
    if match is not None:
        month, day, year, hour, minute, second, half = match.groups()
        hours = int(hour or 0)
        if half is not None:
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if half in "Pp" else 0)
        try:
            return dt.datetime(
                int(year),
                int(month),
                int(day),
                hours,
                int(minute or 0),
                int(second or 0),
                tzinfo=dt.UTC,
            )
        except ValueError:
            return None
    if not value[:4].isdigit():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


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
        limit = _MAX_LENGTHS.get(column)
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
        if price >= _PRICE_LIMIT:
            self.problem(
                catalog_message(
                    QT_TRANSLATE_NOOP("catalog", "{column} “{value}” is too large."),
                    column=column,
                    value=value,
                )
            )
            return Decimal(0)
        # The database keeps four decimal places; rounding here keeps both backends alike.
        return price.quantize(_PRICE_STEP, rounding=ROUND_HALF_UP)

    def quantity(self, column: str) -> int | None:
        value = self.values.get(column, "").strip()
        if _INTEGER.fullmatch(value) is None or int(value[:12]) > _QUANTITY_LIMIT:
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
    if _TERM.fullmatch(term) is None:
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
        _LETTERS2,
        QT_TRANSLATE_NOOP("catalog", "Market “{value}” is not a two-letter country code."),
    )
    currency = row.choice(
        "Currency",
        _LETTERS3,
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
    """Each CSV record with the physical line it starts on (1-based)."""
    reader = csv.reader(stream, strict=True)
    line = 1
    try:
        for record in reader:
            yield line, record
            line = reader.line_num + 1
    except csv.Error as exc:
        raise PriceListUnreadable(
            catalog_message(
                QT_TRANSLATE_NOOP(
                    "catalog", "Line {line} of the price list is not valid CSV: {reason}"
                ),
                line=line,
                reason=str(exc),
            )
        ) from exc


def _header(record: list[str]) -> dict[str, int]:
    """Column name (as documented) → index; refuses a header missing a required column."""
    known = {_key(name): name for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    positions: dict[str, int] = {}
    for index, raw in enumerate(record):
        name = known.get(_key(raw.lstrip("\ufeff")))
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
