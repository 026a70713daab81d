"""The price-list format: its columns, vocabularies, dates, and what a checked row holds.

No Qt here: user-facing texts are ``Message`` objects, translated by the views.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from pcdesk.errors import PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message

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
MAX_LENGTHS: Final = {
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
PRICE_LIMIT: Final = Decimal(10) ** 14
PRICE_STEP: Final = Decimal("0.0001")
CENT: Final = Decimal("0.01")
QUANTITY_LIMIT: Final = 2**31 - 1

TERM = re.compile(r"P([1-9][0-9]{0,2})([MY])")
_US_DATE = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
LETTERS2 = re.compile(r"[A-Za-z]{2}")
LETTERS3 = re.compile(r"[A-Za-z]{3}")
INTEGER = re.compile(r"[+]?[0-9]+")
# How many problems the exception's message names before "and N more".
_PROBLEMS_SHOWN: Final = 5
# How much of a bad value a problem quotes.
_VALUE_SHOWN: Final = 60


def column_key(column: str) -> str:
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


class PriceListError(PcdeskError):
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
    match = TERM.fullmatch(term)
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
