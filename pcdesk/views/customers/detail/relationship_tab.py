"""The Relationship tab: the customer's relationship to the partner, and the requests sent.

Its "Remove relationship…" button triggers the main window's action (views/remove_relationship.py
attaches it), as Partner Center offers the removal on the customer's own page. Without a reseller
relationship (a former customer, or an advisor's), "Request a reseller relationship…" takes its place and
triggers the main window's Request a relationship action (views/request_relationship_action.py
attaches it), so the way back starts from the customer's own page too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pcdesk.enums import Relationship
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.relationships.requests import RelationshipRequestData
from pcdesk.services.validation import culture_label
from pcdesk.views.common.labels import relationship_label, request_status_label
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.detail.tables import DetailTable
from pcdesk.views.customers.forms.account_summary import local_date_time

SENT, RECIPIENT, LANGUAGE, STATUS, SENT_BY, CLOSED = range(6)


class RelationshipTab(QWidget):
    """``shown(details)`` whenever a customer is shown (read again included), ``shown(None)``
    when cleared: what acting on the shown customer's relationship follows."""

    shown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = QLabel(self)
        self.current.setObjectName("relationship")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.current.font()
        font.setBold(True)
        self.current.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        # Enabled, and its tooltip, follow the action it triggers; hidden with no relationship.
        self.remove_button = QPushButton(self.tr("Re&move relationship…"), self)
        self.remove_button.setAutoDefault(True)
        self.remove_button.hide()
        # Likewise; shown without a reseller relationship.
        self.request_button = QPushButton(self.tr("Re&quest a reseller relationship…"), self)
        self.request_button.setAutoDefault(True)
        self.request_button.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addWidget(self.request_button)
        actions.addStretch(1)
        heading = QLabel(self.tr("Relationship requests"), self)
        heading.setFont(font)
        self.requests = DetailTable(
            (
                self.tr("Requested on"),
                self.tr("Recipient"),
                self.tr("Language"),
                self.tr("Status"),
                self.tr("Requested by"),
                self.tr("Accepted or cancelled"),
            ),
            self.tr("Relationship requests"),
            self.tr("No relationship request was sent to this customer."),
            self,
            stretch=RECIPIENT,
        )
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)
        layout.addSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.requests, 1)
        layout.addWidget(self.problem)

    def show_details(self, details: CustomerDetails) -> None:
        self.current.setText(
            self.tr("Relationship: {relationship}").format(
                relationship=relationship_label(details.relationship)
            )
        )
        if details.relationship is Relationship.RESELLER:
            text = self.tr("You are this customer's reseller: you can order subscriptions for it.")
        elif details.relationship is Relationship.NONE:
            text = self.tr(
                "This customer has no reseller relationship with you (a former customer): "
                "nothing can be ordered for it until it accepts a new relationship request."
            )
        else:  # advisor, syndication, Microsoft support: a customer, but not resold to
            text = self.tr(
                "You are not this customer's reseller: nothing can be ordered for it until it "
                "accepts a reseller relationship request."
            )
        self.explanation.setText(text)
        self.remove_button.setVisible(details.relationship is not Relationship.NONE)
        self.request_button.setVisible(details.relationship is not Relationship.RESELLER)
        self.shown.emit(details)

    def show_requests(self, requests: tuple[RelationshipRequestData, ...]) -> None:
        """The requests, newest first (as the service gives them)."""
        self.problem.hide()
        self.requests.set_rows(
            [
                [
                    local_date_time(request.created_at),
                    request.recipient_email,
                    culture_label(request.language, ui_locale()),
                    request_status_label(request.status),
                    request.created_by,
                    local_date_time(closed)
                    if (closed := request.accepted_at or request.cancelled_at)
                    else "",
                ]
                for request in requests
            ],
            [request.id for request in requests],
        )

    def show_problem(self, text: str) -> None:
        """The requests could not be read (the database is unavailable)."""
        self.requests.set_rows([])
        self.problem.setText(text)
        self.problem.show()

    def clear(self) -> None:
        self.current.clear()
        self.explanation.clear()
        self.requests.set_rows([])
        self.problem.hide()
        self.remove_button.hide()
        self.request_button.hide()
        self.shown.emit(None)
