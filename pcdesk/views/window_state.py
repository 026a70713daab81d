"""What the main window remembers between runs: geometry, splitter, columns and sort (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

_GEOMETRY = "main_window/geometry"
_STATE = "main_window/state"
_SPLITTER = "main_window/splitter"
_HEADER = "customer_table/header"


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_window_state(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, header: QHeaderView
) -> bool:
    """Put back what ``save_window_state`` kept; False on a first run (nothing kept yet).

    The header's state carries column widths, their order and the sort indicator; the caller
    sorts the model by the restored indicator.
    """
    restored = False
    if (geometry := _bytes(settings, _GEOMETRY)) is not None:
        restored = window.restoreGeometry(geometry) or restored
    if (state := _bytes(settings, _STATE)) is not None:
        window.restoreState(state)
    if (sizes := _bytes(settings, _SPLITTER)) is not None:
        splitter.restoreState(sizes)
    if (columns := _bytes(settings, _HEADER)) is not None:
        restored = header.restoreState(columns) or restored
    return restored


def save_window_state(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, header: QHeaderView
) -> None:
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    settings.setValue(_SPLITTER, splitter.saveState())
    settings.setValue(_HEADER, header.saveState())
    settings.sync()
