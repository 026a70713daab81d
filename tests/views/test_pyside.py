"""Guards against Qt binding bugs that would crash pcdesk in a long working day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    changed = Signal()
    carried = Signal(object)


class _Payload:
    """An ordinary object: its reference count moves, unlike None, True and False from 3.12."""


def test_signals_reaching_python_slots_keep_reference_counts() -> None:
    # PySide6 6.12.0 dropped a reference to True on every such call; a form emits thousands of
    # signals an hour, and the interpreter aborted once the count ran out (pyproject excludes it).
    # From Python 3.12 True, False and None are immortal: their counts never move, so what is
    # watched there is an ordinary object, carried by the signal and returned by the slot (and
    # there a reference lost on an immortal object can no longer abort the interpreter).
    sender = _Sender()
    payload, returned = _Payload(), _Payload()
    calls: list[int] = []
    sender.changed.connect(lambda: calls.append(1) or returned)
    sender.carried.connect(lambda value: calls.append(2) or (value, returned)[1])

    def counts() -> tuple[int, ...]:
        ordinary = (sys.getrefcount(payload), sys.getrefcount(returned))
        if sys.version_info >= (3, 12):
            return ordinary
        return (*ordinary, sys.getrefcount(True), sys.getrefcount(False))

    before = counts()
    for _ in range(200):
        sender.changed.emit()
        sender.carried.emit(payload)
    after = counts()
    assert len(calls) == 400
    assert after == before
