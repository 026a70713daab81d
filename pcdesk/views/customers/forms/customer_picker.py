"""Choosing one existing customer by typing: a search box with a few matches under it.

It asks the customer list service for a handful of rows (never the whole list), as the main
window's search does, so it stays quick with a million customers. The rows are read off the GUI
thread; an answer about text the user has typed over since is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pcdesk.errors import PcdeskError, Unavailable
from pcdesk.services.customer_list.query import CustomerQuery, CustomerRow, customer_page
from pcdesk.services.database import Database
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated

SEARCH_LIMIT = 8  # matches listed; a narrower search finds the rest
SEARCH_DELAY_MS = 200  # typing pauses this long before the database is asked
SHOWN_ROWS = 4  # the list's height, in rows; it scrolls for more


class CustomerSearchBox(QWidget):
    """``picked(id)`` when the user picks a match (click, or Enter); ``edited()`` when the user
    types in the box, so a customer chosen before no longer holds; ``matches_shown()`` each time
    the matches of a search are shown."""

    picked = Signal(int)
    edited = Signal()
    matches_shown = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by company name, domain or Microsoft ID"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(self.tr("Matching customers"))
        self.matches.setUniformItemSizes(True)
        self.matches.hide()  # while there is no search
        self.chosen = QLabel(self)  # what tells the chosen customer apart: domain, Microsoft ID
        self.chosen.setWordWrap(True)
        self.chosen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chosen.hide()
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addWidget(self.chosen)
        layout.addWidget(self.message)
        # Only as tall as what it shows: the form's spare height belongs to the e-mail text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self._searches = 0  # searches started: only the latest one's answer is shown
        self._answered = 0  # the latest search whose answer is in
        self._pick_first = False  # Enter came before the matches: pick the first once they are in
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._pick_current)
        self.matches.itemActivated.connect(self._pick)
        self.matches.itemClicked.connect(self._pick)

    def _typed(self, _text: str) -> None:
        self.chosen.clear()
        self.chosen.hide()
        self.message.clear()
        self.edited.emit()
        self._timer.start()

    def run_search(self) -> None:
        """List the first matches of the text in the box (now, not after the typing pause; they
        are read off the GUI thread)."""
        self._timer.stop()
        self._searches += 1
        search = self._searches
        text = self.search.text().strip()
        if not text:
            self._answered = search
            self.matches.clear()
            self.matches.hide()
            self._pick_first = False
            return
        db = self._db
        Operation(
            self, lambda: customer_page(db, CustomerQuery(text=text), limit=SEARCH_LIMIT)
        ).success(lambda rows: self._show_matches(search, text, rows)).failure(
            lambda error: self._search_failed(search, error)
        ).run()

    def _show_matches(self, search: int, text: str, rows: tuple[CustomerRow, ...]) -> None:
        if search != self._searches:
            return  # typed over meanwhile: the latest search decides
        self._answered = search
        self.matches.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.company_name} · {row.domain}", self.matches)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if rows:
            self.matches.setCurrentRow(0)
        else:
            item = QListWidgetItem(self.tr("No customer matches “{text}”.").format(text=text))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(item)
        # As tall as the matches, up to SHOWN_ROWS of them: a short list leaves no blank.
        shown = min(self.matches.count(), SHOWN_ROWS)
        self.matches.setFixedHeight(
            shown * self.matches.sizeHintForRow(0) + 2 * self.matches.frameWidth()
        )
        self.matches.show()
        self.matches_shown.emit()
        if self._pick_first:
            self._pick_first = False
            self._pick_current()

    def _search_failed(self, search: int, error: PcdeskError) -> bool:
        if not isinstance(error, Unavailable):
            return False
        if search == self._searches:
            self._answered = search
            self._pick_first = False
            self.matches.clear()
            self.matches.hide()
            self.message.show_error(translated(error.message))
        return True

    def _pick_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause: search now, pick once found
            self._pick_first = True
            self.run_search()
            return
        if self._answered != self._searches:  # Enter while searching: pick once found
            self._pick_first = True
            return
        item = self.matches.currentItem()
        if item is not None and self.matches.isVisible():
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        customer_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(customer_id, int):
            self.picked.emit(customer_id)

    def show_chosen(self, company_name: str, detail: str) -> None:
        """Show the chosen customer: its name in the box, ``detail`` under it; no matches."""
        self._timer.stop()
        self.matches.hide()
        self.search.setText(company_name)
        self.search.setCursorPosition(0)
        self.chosen.setText(detail)
        self.chosen.show()
