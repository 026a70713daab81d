"""The initial-domain field: a prefix, the fixed .onmicrosoft.com suffix, and a live verdict."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from pcdesk.errors import PcdeskError, Unavailable
from pcdesk.messages import QT_TRANSLATE_NOOP, Message
from pcdesk.partner_center.customers import DomainVerdict, PartnerCenterAccess, check_domain
from pcdesk.services.customers.create import domain_status
from pcdesk.services.customers.details import ONMICROSOFT
from pcdesk.services.database import Database
from pcdesk.services.validation import domain_prefix_problem, normalize_domain_prefix
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated

CHECK_DELAY_MS = 250  # long enough not to query on every keystroke, short enough to feel live


def local_note(prefix: str) -> Message:
    """What a check in this database alone can say: not used here (Partner Center may differ)."""
    return Message(
        QT_TRANSLATE_NOOP("customers", "{domain} is not used in this database."),
        context="customers",
        domain=prefix + ONMICROSOFT,
    )


class DomainField(QWidget):
    """``edit`` for the prefix; ``status`` says available, taken, or why it is invalid.

    The availability check asks the database (one indexed lookup, off the GUI thread) a moment
    after typing stops; an answer about a prefix the user has typed over since is dropped. A
    prefix that cannot be a domain is said at once, without asking.
    """

    checked = Signal()  # the verdict in ``status`` is up to date

    def __init__(
        self,
        db: Database,
        status: FieldMessage,
        parent: QWidget | None = None,
        *,
        access: Callable[[], PartnerCenterAccess] | None = None,
    ) -> None:
        """``access`` says whether Partner Center is used and signed in: then the prefix is
        checked with Partner Center as well (HEAD /v1/domains), and the verdict says so."""
        super().__init__(parent)
        self._db = db
        self._access = access
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
        self._note: str = ""  # what was checked, when free
        self._checked_prefix: str | None = None
        self._asking: str | None = None  # the prefix the database is being asked about
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
            if not self._timer.isActive() and self._asking != self.prefix():
                self._timer.start()
            return self.tr("Checking whether the domain is free…")
        return self._verdict

    def check_now(self) -> None:
        """Check the prefix now: its form at once, its availability off the GUI thread
        (``checked`` says when the verdict is in)."""
        self._timer.stop()
        if self._read_only or self._db.closed:
            # Closed with its window: a focus change while the form is torn down still calls
            # here, and a query would open a connection on the closed database that nothing closes.
            return
        prefix = self.prefix()
        if not prefix and not self.edit.text():
            # Nothing typed yet: say nothing until the user has been there.
            self._verdict = self.tr("Enter a domain prefix.")
            self._checked_prefix = prefix
            self.status.clear()
            self.checked.emit()
            return
        invalid = domain_prefix_problem(prefix)
        if invalid is not None:
            self._show_verdict(prefix, invalid)
            return
        if self._asking == prefix:
            return  # already being asked
        self._asking = prefix
        db = self._db
        access = self._access() if self._access is not None else None

        def check() -> DomainVerdict:  # off the GUI thread: no widget is touched here
            if access is None or access.connection is None:  # Partner Center is not used
                problem = domain_status(db, prefix)
                return DomainVerdict(problem, None if problem else local_note(prefix))
            return check_domain(db, access.connection if access.online else None, prefix)

        Operation(self, check).success(lambda verdict: self._answered(prefix, verdict)).failure(
            lambda error: self._failed(prefix, error)
        ).run()

    def _answered(self, prefix: str, verdict: DomainVerdict) -> None:
        if self._asking == prefix:
            self._asking = None
        if prefix != self.prefix() or self._read_only:
            return  # typed over meanwhile: the check of what is there now decides
        self._note = translated(verdict.note) if verdict.note is not None else ""
        self._show_verdict(prefix, translated(verdict.problem) if verdict.problem else None)

    def _failed(self, prefix: str, error: PcdeskError) -> bool:
        if self._asking == prefix:
            self._asking = None
        if not isinstance(error, Unavailable):
            return False
        if prefix == self.prefix() and not self._read_only:
            self._show_verdict(prefix, translated(error.message))  # typing again asks again
        return True

    def _show_verdict(self, prefix: str, problem: str | None) -> None:
        self._checked_prefix = prefix
        self._verdict = problem
        if problem is None:
            self.status.show_ok(self._note or translated(local_note(prefix)))
        else:
            self.status.show_error(problem)
        self.checked.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        """A closed form checks nothing more (a check still due is made when it shows again)."""
        self._timer.stop()
        super().hideEvent(event)

    def show_problem(self, message: str) -> None:
        """A verdict from elsewhere (the service refused the domain at submit)."""
        self._checked_prefix = self.prefix()
        self._verdict = message
        self.status.show_error(message)
