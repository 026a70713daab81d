"""Guards against Qt binding bugs that would crash pcdesk in a long working day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    changed = Signal()


def test_signals_reaching_python_slots_keep_reference_counts() -> None:
    # PySide6 6.12.0 dropped a reference to True on every such call; a form emits thousands of
    # signals an hour, and the interpreter aborted once the count ran out (pyproject excludes it).
    sender = _Sender()
    calls: list[None] = []
    sender.changed.connect(lambda: calls.append(None))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        sender.changed.emit()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None) - len(calls)
    assert len(calls) == 200
    assert after == before
