"""The one presenter of failures: a ``PcdeskError`` in the user's words, anything else as a bug.

A message box is opened, not executed, so no event loop nests under the caller. An unexpected
error is logged with its traceback (the log's formatter keeps SQL and its parameters out) and
shown without its text, which may hold a driver's words or customer data.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pcdesk.errors import Cancelled, PcdeskError
from pcdesk.views.common.translate import translated

log = logging.getLogger(__name__)


def present_failure(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """Show why something failed; returns the box shown (None for a cancellation)."""
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, PcdeskError):
        log.info("%s: %s", type(error).__name__, error.message.template)
        return _open_box(parent, QMessageBox.Icon.Warning, translated(error.message))
    log.error("unexpected %s", type(error).__name__, exc_info=error)
    return _open_box(parent, QMessageBox.Icon.Critical, unexpected_text(error))


def unexpected_text(error: BaseException) -> str:
    return QCoreApplication.translate(
        "failures",
        "Something went wrong that pcdesk did not expect ({kind}). Nothing more was saved than "
        "what you saw saved.\n\nDetails were written to pcdesk's log.",
    ).format(kind=type(error).__name__)


def _open_box(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(icon, QCoreApplication.translate("failures", "pcdesk"), text, parent=parent)
    box.setObjectName("failure_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
