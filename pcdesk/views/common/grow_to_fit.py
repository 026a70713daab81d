"""Making room in a dialog for a message that appeared in it.

Qt sets a window's minimum size from its layout without asking word-wrapped labels how tall they
are at the window's real width. A FieldMessage of two lines appearing under a field then does
not grow the dialog: the rows around it are squeezed and the message is cut.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make a shown ``window`` as tall as its layout needs at its current width, within the
    screen; never shorter than it is (the user may have made it taller)."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(width, needed)
