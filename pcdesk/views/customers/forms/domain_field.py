"""The initial-domain field: a prefix, the fixed .onmicrosoft.com suffix, and a live verdict."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from pcdesk.models.database import Database
from pcdesk.services.customers.create import domain_status
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.validation import normalize_domain_prefix
from pcdesk.views.common.field_message import FieldMessage

CHECK_DELAY_MS = 250  # long enough not to query on every keystroke, short enough to feel live


class DomainField(QWidget):
    """``edit`` for the prefix; ``status`` says available, taken, or why it is invalid.

    The availability check asks the database (one indexed lookup) a moment after typing stops.
    """

    checked = Signal()  # the verdict in ``status`` is up to date

    def __init__(self, db: Database, status: FieldMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.status = status
        self.edit = QLineEdit(self)
        self.edit.setObjectName("domain_prefix")
        self.edit.setMaxLength(40)  # room to paste "name.onmicrosoft.com"; the rule says 27
        self.suffix = QLabel(ONMICROSOFT, self)
        self.suffix.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.suffix)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.edit.textEdited.connect(lambda _text: self._timer.start())
        self._verdict: str | None = ""  # None: free; "": not checked yet; text: the problem
        self._checked_prefix: str | None = None
        self._read_only = False

    def prefix(self) -> str:
        return normalize_domain_prefix(self.edit.text())

    def set_prefix(self, prefix: str) -> None:
        self.edit.setText(prefix)
        self._timer.start()

    def set_read_only(self, read_only: bool) -> None:
        """A saved customer's domain can never change: shown, not checked."""
        self._read_only = read_only
        self.edit.setReadOnly(read_only)
        if read_only:
            self._timer.stop()
            self.status.clear()

    def is_pending(self) -> bool:
        return self._timer.isActive() or self._checked_prefix != self.prefix()

    def problem(self) -> str | None:
        """Why the prefix cannot be used, None when it is free.

        Never asks the database itself (it is called on every keystroke): while a check is due,
        the answer is "checking", and ``checked`` says when the real one is in.
        """
        if self._read_only:
            return None
        if self.is_pending():
            if not self._timer.isActive():
                self._timer.start()
            return self.tr("Checking whether the domain is free…")
        return self._verdict

    def check_now(self) -> None:
        self._timer.stop()
        if self._read_only:
            return
        prefix = self.prefix()
        if not prefix and not self.edit.text():
            # Nothing typed yet: say nothing until the user has been there.
            self._verdict = self.tr("Enter a domain prefix.")
            self._checked_prefix = prefix
            self.status.clear()
            self.checked.emit()
            return
        problem = domain_status(self._db, prefix)
        self._checked_prefix = prefix
        self._verdict = None if problem is None else problem
        if problem is None:
            self.status.show_ok(
                self.tr("{domain} is available.").format(domain=prefix + ONMICROSOFT)
            )
        else:
            self.status.show_error(problem)
        self.checked.emit()

    def show_problem(self, message: str) -> None:
        """A verdict from elsewhere (the service refused the domain at submit)."""
        self._checked_prefix = self.prefix()
        self._verdict = message
        self.status.show_error(message)
