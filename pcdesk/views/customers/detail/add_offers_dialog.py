"""Add offers…: the wizard's offer picker and cart, in a dialog, for one existing customer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.database import Database
from pcdesk.services.inputs import SubscriptionLine
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.forms.cart import CartWidget
from pcdesk.views.customers.forms.offer_picker import OfferPicker


class AddOffersDialog(QDialog):
    """The customer's market's offers and a cart; ``ordered(lines)`` when the user orders.

    The Subscriptions tab writes the order and closes the dialog, or shows why not with
    ``show_refusal`` (the cart is kept).
    """

    ordered = Signal(object)  # tuple[SubscriptionLine, ...]

    def __init__(
        self, db: Database, details: CustomerDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Add offers — {company}").format(company=details.company_name))
        intro = QLabel(
            self.tr("Choose offers and license counts, add them to the cart, then order.")
        )
        intro.setWordWrap(True)
        self.picker = OfferPicker(db)
        self.cart = CartWidget()
        self.picker.add_requested.connect(self.cart.add)
        self.cart.changed.connect(self._update)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.picker)
        splitter.addWidget(self.cart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.failure = FieldMessage(self)
        buttons = QDialogButtonBox(self)
        self.order_button = QPushButton(self.tr("&Order"), self)
        self.order_button.setAutoDefault(False)  # Enter adds to the cart; ordering is a click
        buttons.addButton(self.order_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.order_button.clicked.connect(self._order)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.failure)
        layout.addWidget(buttons)
        self.picker.set_market(details.country)
        self.cart.flag_market(details.country)
        self.resize(780, 640)
        self._update()

    def _update(self) -> None:
        self.failure.clear()
        self.order_button.setEnabled(bool(self.cart.lines()) and not self.cart.problems())

    def lines(self) -> tuple[SubscriptionLine, ...]:
        return tuple(SubscriptionLine(line.offer.id, line.quantity) for line in self.cart.lines())

    def _order(self) -> None:
        if self.lines():
            self.ordered.emit(self.lines())

    def show_refusal(self, errors: dict[str, str]) -> None:
        """The service's reasons, each line's named by its offer."""
        lines = self.cart.lines()
        texts: list[str] = []
        for field, text in errors.items():
            index = _line_index(field)
            if index is not None and index < len(lines):
                texts.append(
                    self.tr("{offer}: {problem}").format(
                        offer=lines[index].offer.sku_title, problem=translated(text)
                    )
                )
            else:
                texts.append(translated(text))
        self.failure.show_error(
            self.tr("Nothing was ordered: {problems}").format(problems="\n".join(texts))
        )

    def show_problem(self, text: str, *, warning: bool = False) -> None:
        if warning:
            self.failure.show_warning(text)
        else:
            self.failure.show_error(text)


def _line_index(field: str) -> int | None:
    """3 for "subscriptions[3]"."""
    if field.startswith("subscriptions[") and field.endswith("]"):
        inner = field[len("subscriptions[") : -1]
        return int(inner) if inner.isdigit() else None
    return None
