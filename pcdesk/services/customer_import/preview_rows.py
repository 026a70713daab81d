"""The rows of an import preview, kept compressed: a million rows in tens of megabytes, not gigabytes.

A preview row of pcdesk's own export carries the row as read (every account field) for the import
to write: as Python objects, about 1.8 kB a row. Here rows are pickled and compressed a thousand
at a time, and each row's fate is kept apart in one byte, so counting and filtering by fate never
unpack a row. The preview dialog reads the few rows on screen, the import reads them in order:
both unpack one block at a time, and the last blocks unpacked are kept.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import operator
import pickle
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from pcdesk.services.customer_import.cells import AccountColumns, ReadRow
from pcdesk.services.customer_import.fates import Fate, PreviewRow

BLOCK = 1000  # rows compressed together
_KEPT_BLOCKS = 4  # blocks kept unpacked: a screenful of rows may straddle two
_FATES = tuple(Fate)
_CODE = {fate: code for code, fate in enumerate(_FATES)}


class PreviewRows(Sequence[PreviewRow]):
    """Rows appended in the file's order, then read by index, slice or iteration.

    Reading is safe from several threads at once (the dialog on the GUI thread, the import on a
    worker); appending is for the one thread building the preview, before anyone reads.
    """

    def __init__(self, rows: Iterable[PreviewRow] = ()) -> None:
        self._blocks: list[bytes] = []
        self._pending: list[PreviewRow] = []
        self._fates = bytearray()
        self._unpacked: OrderedDict[int, list[PreviewRow]] = OrderedDict()
        self._lock = threading.Lock()
        self.extend(rows)

    # -- building -------------------------------------------------------------------------------

    def append(self, row: PreviewRow) -> None:
        self._pending.append(row)
        self._fates.append(_CODE[row.fate])
        if len(self._pending) == BLOCK:
            self._blocks.append(_pack(self._pending))
            self._pending = []

    def extend(self, rows: Iterable[PreviewRow]) -> None:
        for row in rows:
            self.append(row)

    # -- reading --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._fates)

    @overload
    def __getitem__(self, index: int) -> PreviewRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[PreviewRow]: ...
    def __getitem__(self, index: int | slice) -> PreviewRow | list[PreviewRow]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        block, offset = divmod(index, BLOCK)
        return self._block(block)[offset]

    def __iter__(self) -> Iterator[PreviewRow]:
        for block in range(len(self._blocks) + 1):
            yield from self._block(block)

    def fate_of(self, index: int) -> Fate:
        return _FATES[self._fates[index]]

    def count_of(self, fate: Fate) -> int:
        """How many rows have ``fate``, without unpacking a row."""
        return self._fates.count(_CODE[fate])

    def numbers_of(self, fate: Fate) -> list[int]:
        """The indexes of the rows of ``fate``, in the file's order, without unpacking a row."""
        code = _CODE[fate]
        return [number for number, row_fate in enumerate(self._fates) if row_fate == code]

    def _block(self, block: int) -> list[PreviewRow]:
        if block == len(self._blocks):
            return self._pending
        with self._lock:
            rows = self._unpacked.get(block)
            if rows is not None:
                self._unpacked.move_to_end(block)
                return rows
        rows = _unpack(self._blocks[block])  # outside the lock: other readers go on meanwhile
        with self._lock:
            self._unpacked[block] = rows
            while len(self._unpacked) > _KEPT_BLOCKS:
                self._unpacked.popitem(last=False)
        return rows


def _by_fields(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    """Pickle a slotted dataclass as its class and field values: the dataclass's own pickling
    of slots runs in Python and took half the time of a preview's packing (measured)."""
    names = [item.name for item in dataclasses.fields(cls)]
    assert len(names) > 1  # attrgetter of one name gives a value, not a tuple
    values = operator.attrgetter(*names)

    def reduce(item: Any) -> tuple[type[Any], tuple[Any, ...]]:
        return cls, values(item)

    return reduce


_DISPATCH: dict[type[Any], Callable[[Any], Any]] = {
    **copyreg.dispatch_table,
    **{cls: _by_fields(cls) for cls in (PreviewRow, ReadRow, AccountColumns)},
}


def _pack(rows: Sequence[PreviewRow]) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(list(rows))
    # Level 1: most of the gain for a fraction of the time (the preview is waited on).
    return zlib.compress(buffer.getbuffer(), 1)


def _unpack(block: bytes) -> list[PreviewRow]:
    rows: list[PreviewRow] = pickle.loads(zlib.decompress(block))  # our own bytes
    return rows
