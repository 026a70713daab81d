"""The columns of a customer list to import: which file it is (from its header) and where a row's
cells are (its layout).

Partner Center's file has the columns Microsoft ID, Company name, Primary domain name and
Relationship (newer versions add Tags); pcdesk's export has those, then every account field
(services/customer_export.py). Columns are found by name (case, spaces and underscores ignored),
in any order; a file holding every pcdesk account column is read as pcdesk's.
"""

from __future__ import annotations

import enum
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pcdesk.errors import PcdeskError
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.services.customer_list.export import (
    COLUMNS,
    PARTNER_CENTER_COLUMNS,
    PCDESK_COLUMNS,
    QUOTE_PREFIX,
    restore,
)

CONTEXT = "customer_import"

# The columns Partner Center's file must have; Tags is optional (older exports lack it).
REQUIRED_KEYS = ("microsoft_id", "company_name", "domain", "relationship")
# pcdesk's columns that say when and by whom a row was written, and the reseller's name (its
# Partner ID is what identifies it): a file without them is still pcdesk's.
OPTIONAL_PCDESK_KEYS = frozenset(
    {"created_at", "created_by", "updated_at", "updated_by", "indirect_reseller_name"}
)
REQUIRED_PCDESK_KEYS = tuple(
    column.key for column in PCDESK_COLUMNS if column.key not in OPTIONAL_PCDESK_KEYS
)
# The pcdesk columns of an account's details: a pcdesk row with all of them empty is an account
# nobody has filled in yet (imported from Partner Center), and updates only what Partner Center's
# columns hold, never blanking details another row or an edit gave it.
DETAIL_KEYS = tuple(key for key in REQUIRED_PCDESK_KEYS if key != "account_status")

# pcdesk columns whose few values come again and again: each row keeps them (stripped, as they
# mostly are) in memory until the import, so each value is kept once (~40 MB of 100,000 rows).
SHARED_KEYS = (
    "contact_first_name",
    "contact_last_name",
    "signer_first_name",
    "signer_last_name",
    "city",
    "state",
    "language",
    "culture",
    "created_by",
)

_HEADERS: dict[str, str] = {column.header: column.key for column in COLUMNS}


def import_message(template: str, **params: object) -> Message:
    return Message(template, context=CONTEXT, **params)


class FileFormat(enum.StrEnum):
    PARTNER_CENTER = "partner_center"  # Partner Center's Customers.csv: five columns at most
    PCDESK = "pcdesk"  # pcdesk's export: every account field


class ImportUnreadable(PcdeskError):
    """The file cannot be read as a customer list at all; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.lstrip("\ufeff")).casefold()


_KEYS: dict[str, str] = {_key(header): key for header, key in _HEADERS.items()}
_HEADER_OF: dict[str, str] = {key: header for header, key in _HEADERS.items()}


def column_header(key: str) -> str:
    """The file's column name for a field key (the export's header)."""
    return _HEADER_OF.get(key, key)


# -- the header ----------------------------------------------------------------------------------------


def _header(record: list[str], name: str) -> tuple[FileFormat, dict[str, int]]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(record):
        key = _KEYS.get(_key(cell))
        if key is not None and key not in positions:
            positions[key] = index
    missing = [key for key in REQUIRED_KEYS if key not in positions]
    if missing:
        raise ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "{file} is not a customer list: its first line lacks the column(s) {columns}. "
                    "Export the list from Partner Center (Customers, Export) or from pcdesk.",
                ),
                file=name,
                columns=", ".join(column_header(key) for key in missing),
            )
        )
    pcdesk = [key for key in REQUIRED_PCDESK_KEYS if key in positions]
    if len(pcdesk) == len(REQUIRED_PCDESK_KEYS):
        return FileFormat.PCDESK, positions
    if len(pcdesk) * 2 > len(REQUIRED_PCDESK_KEYS):
        # An edited pcdesk export: read as Partner Center's, its details would be dropped.
        lacking = [column_header(key) for key in REQUIRED_PCDESK_KEYS if key not in positions]
        raise ImportUnreadable(
            import_message(
                QT_TRANSLATE_NOOP(
                    "customer_import",
                    "{file} looks like a pcdesk export, but the column(s) {columns} are missing. "
                    "Put them back, or keep only Partner Center's columns.",
                ),
                file=name,
                columns=", ".join(lacking),
            )
        )
    return FileFormat.PARTNER_CENTER, {
        key: index for key, index in positions.items() if key in _PARTNER_CENTER_KEYS
    }


_PARTNER_CENTER_KEYS = frozenset(column.key for column in PARTNER_CENTER_COLUMNS)


@dataclass(frozen=True)
class Layout:
    """Which file it is, and where each field's cell is on a row."""

    file_format: FileFormat
    positions: dict[str, int]
    width: int  # cells a row needs: one past the last column read
    pick: Callable[[list[str]], tuple[str, ...]]  # the cells of the positions, in their order
    # One string for each value of a column that repeats (SHARED_KEYS), whatever row it is on.
    shared: dict[str, str] = field(default_factory=dict)

    @property
    def pcdesk(self) -> bool:
        return self.file_format is FileFormat.PCDESK

    def cells(self, record: list[str]) -> dict[str, str]:
        """The row's cells by field key; "" for those a short row lacks."""
        if len(record) >= self.width:
            cells = dict(zip(self.positions, self.pick(record), strict=True))
        else:
            cells = {
                key: record[index] if index < len(record) else ""
                for key, index in self.positions.items()
            }
        if self.pcdesk:
            quoted = [key for key, cell in cells.items() if cell.startswith(QUOTE_PREFIX)]
            for key in quoted:
                cells[key] = restore(cells[key])
            shared = self.shared
            for key in SHARED_KEYS:
                cell = cells.get(key)
                if cell is not None:  # created_by is optional
                    cells[key] = shared.setdefault(cell, cell)
        return cells


def header_layout(record: list[str], name: str) -> Layout:
    """The layout a header line gives; raises ImportUnreadable when it is not a customer list's."""
    file_format, positions = _header(record, name)
    # At least the four required columns: itemgetter gives a tuple.
    pick = operator.itemgetter(*positions.values())
    return Layout(file_format, positions, max(positions.values()) + 1, pick)
