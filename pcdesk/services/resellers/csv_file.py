"""Reading a CSV file of indirect resellers: the rows as typed, with their line numbers.

The file is UTF-8 (with or without the BOM Excel writes); its first non-blank line names the
columns, matched ignoring case, spaces and punctuation, under the names people use for them
("Partner ID", "MPN ID", "PartnerId"...). Country may be an ISO code or a country's name, as
Partner Center's "Location" shows it. Nothing here touches the database.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pcdesk.errors import PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.models import fold
from pcdesk.services.csv_records import records_with_lines
from pcdesk.services.validation import country_codes, country_name
from pcdesk.services.validation.reseller import CONTEXT, ResellerInput

# Column names as people write them, folded by _column_key (Partner Center's own first).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "Name",
        "Company name",
        "Reseller name",
        "Partner name",
        "Reseller",
        "Indirect reseller",
        "Organization name",
        "名稱",
        "公司名稱",
        "轉銷商名稱",
        "間接轉銷商",
    ),
    "partner_id": (
        "Partner ID",
        "MPN ID",
        "PartnerId",
        "MPN",
        "mpnId",
        "PartnerOne ID",
        "Microsoft Partner Network ID",
        "合作夥伴識別碼",
        "合作夥伴 ID",
        "MPN 識別碼",
    ),
    "tenant_id": (
        "Tenant ID",
        "Microsoft ID",
        "TenantId",
        "Tenant",
        "Directory ID",
        "Reseller tenant ID",
        "租用戶識別碼",
        "租用戶 ID",
        "Microsoft 識別碼",
    ),
    "country": (
        "Country",
        "Location",
        "Country/region",
        "Country or region",
        "Country code",
        "國家/地區",
        "國家",
        "位置",
    ),
}
REQUIRED_COLUMNS = ("name", "partner_id", "country")
# The names shown when a column is missing (the first alias of each).
COLUMN_TITLES = {key: aliases[0] for key, aliases in COLUMN_ALIASES.items()}


class ResellerCsvUnreadable(PcdeskError):
    """The file is not a reseller list at all (not UTF-8, not CSV, no name column...)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _message(template: str, **params: Any) -> Message:
    return Message(template, context=CONTEXT, **params)


def _column_key(text: str) -> str:
    return "".join(char for char in fold(text.lstrip("\ufeff")) if char.isalnum())


@functools.cache
def _aliases() -> dict[str, str]:
    return {_column_key(alias): key for key, names in COLUMN_ALIASES.items() for alias in names}


@functools.cache
def _country_names() -> dict[str, str]:
    """Folded country name (English, Traditional and Simplified Chinese) → ISO code."""
    names: dict[str, str] = {}
    for locale in ("zh_Hans_CN", "zh_Hant_TW", "en"):  # English last: it wins a clash
        for code in country_codes():
            names[fold(country_name(code, locale))] = code
    return names


def country_code_of(text: str) -> str:
    """The ISO code ``text`` names ("TW", "tw", "Taiwan", "台灣"), else ``text`` trimmed (for the
    validation to explain)."""
    value = text.strip()
    if len(value) == 2 and value.isascii():
        return value.upper()
    return _country_names().get(fold(value), value)


def _records(stream: TextIO) -> Iterator[tuple[int, list[str]]]:
    def unreadable(line: int, reason: str) -> ResellerCsvUnreadable:
        return ResellerCsvUnreadable(
            _message(
                QT_TRANSLATE_NOOP("resellers", "Line {line} is not valid CSV: {reason}"),
                line=line,
                reason=reason,
            )
        )

    return records_with_lines(stream, unreadable)


def _header(record: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, title in enumerate(record):
        key = _aliases().get(_column_key(title))
        if key is not None and key not in positions:
            positions[key] = index
    missing = [COLUMN_TITLES[key] for key in REQUIRED_COLUMNS if key not in positions]
    if missing:
        raise ResellerCsvUnreadable(
            _message(
                QT_TRANSLATE_NOOP(
                    "resellers",
                    "The first line of the file must name the columns Name, Partner ID, Tenant "
                    "ID and Country; {columns} is missing.",
                ),
                columns=", ".join(missing),
            )
        )
    return positions


def read_rows(stream: TextIO) -> list[tuple[int, ResellerInput]]:
    """The file's data rows as typed, with their line numbers; blank lines are left out."""
    records = _records(stream)
    header: dict[str, int] | None = None
    for _line, record in records:
        if any(cell.strip() for cell in record):
            header = _header(record)
            break
    if header is None:
        raise ResellerCsvUnreadable(_message(QT_TRANSLATE_NOOP("resellers", "The file is empty.")))
    rows: list[tuple[int, ResellerInput]] = []
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue  # a blank line, or a row of empty cells as spreadsheets write them

        def cell(key: str, record: list[str] = record) -> str:
            index = header.get(key)
            return record[index] if index is not None and index < len(record) else ""

        rows.append(
            (
                line,
                ResellerInput(
                    name=cell("name"),
                    partner_id=cell("partner_id"),
                    tenant_id=cell("tenant_id"),
                    country=country_code_of(cell("country")),
                ),
            )
        )
    return rows


def read_file(path: Path) -> list[tuple[int, ResellerInput]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return read_rows(stream)
    except UnicodeDecodeError as exc:
        raise ResellerCsvUnreadable(
            _message(
                QT_TRANSLATE_NOOP(
                    "resellers", "{name} is not UTF-8 text; save it as “CSV UTF-8” and try again."
                ),
                name=path.name,
            )
        ) from exc
    except OSError as exc:
        raise ResellerCsvUnreadable(
            _message(
                QT_TRANSLATE_NOOP("resellers", "pcdesk could not read {name}: {reason}"),
                name=path.name,
                reason=exc.strerror or str(exc),
            )
        ) from exc
