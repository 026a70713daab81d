"""Page 3, Review: what will be submitted, section by section, each with an Update link."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pcdesk.services.catalog.offers import Offer
from pcdesk.services.customers.duplicates import DuplicateReason, PossibleDuplicate
from pcdesk.services.inputs import AgreementInput, CustomerInput
from pcdesk.services.validation import country_name
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.link_button import LinkButton
from pcdesk.views.common.money import format_money, line_summary
from pcdesk.views.common.text_lists import listed
from pcdesk.views.common.ui_locale import ui_locale
from pcdesk.views.customers.add.pages import ACCOUNT, SUBSCRIPTIONS
from pcdesk.views.customers.forms.account_summary import account_rows, agreement_row, summary_table
from pcdesk.views.customers.forms.cart_model import CartLine


class ReviewPage(QWizardPage):
    update_requested = Signal(int)  # the page id to go back to
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check the details, then submit. The domain cannot change later."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Submit"))

        self.account = QLabel()
        self.subscriptions = QLabel()
        self.duplicates = QLabel()
        for label in (self.account, self.subscriptions, self.duplicates):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.update_account = self._update_button(self.tr("Update account info"))
        self.update_subscriptions = self._update_button(self.tr("Update subscriptions"))
        self.duplicate_warning = FieldMessage()
        self.failure = FieldMessage()
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setAutoDefault(False)
        self.retry.hide()
        self.retry.clicked.connect(self.retry_requested)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self._heading(self.tr("Account info")), 0, 0)
        grid.addWidget(self.update_account, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.account, 1, 0, 1, 2)
        grid.addWidget(self._heading(self.tr("Subscriptions")), 2, 0)
        grid.addWidget(self.update_subscriptions, 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.subscriptions, 3, 0, 1, 2)
        grid.addWidget(self.duplicate_warning, 4, 0, 1, 2)
        grid.addWidget(self.duplicates, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        failure_row = QHBoxLayout()
        failure_row.addWidget(self.failure, 1)
        failure_row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(failure_row)

        self.update_account.clicked.connect(lambda: self.update_requested.emit(ACCOUNT))
        self.update_subscriptions.clicked.connect(lambda: self.update_requested.emit(SUBSCRIPTIONS))

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _update_button(self, accessible: str) -> QPushButton:
        # An ordinary link reached with Tab: never the default button (Submit is), but Enter or
        # Space on it when it has the focus follows it.
        button = LinkButton(self.tr("Update"))
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        return button

    # -- content --------------------------------------------------------------------------------

    def show_summary(
        self,
        data: CustomerInput,
        agreement: AgreementInput,
        lines: tuple[CartLine, ...],
        reseller: str,
        duplicates: tuple[PossibleDuplicate, ...],
    ) -> None:
        account = [*account_rows(data, reseller), agreement_row(agreement)]
        subscriptions = self._subscription_rows(lines)
        # One label column for both sections, so their values line up.
        metrics = self.account.fontMetrics()
        # The label, its 16 px right padding and the 2 px cell padding on each side.
        width = max(metrics.horizontalAdvance(label) for label, _ in account + subscriptions) + 24
        self.account.setText(summary_table(account, width))
        if subscriptions:
            self.subscriptions.setText(summary_table(subscriptions, width))
        elif not agreement.accepted:
            self.subscriptions.setText(
                html.escape(
                    self.tr("None: subscriptions can be ordered once the agreement is accepted.")
                )
            )
        else:
            self.subscriptions.setText(html.escape(self.tr("None")))
        self.show_duplicates(duplicates)

    def _subscription_rows(self, lines: tuple[CartLine, ...]) -> list[tuple[str, list[str]]]:
        if not lines:
            return []
        rows: list[tuple[str, list[str]]] = []
        totals: dict[str, Decimal] = {}
        for line in lines:
            offer: Offer = line.offer
            monthly = line.monthly_total
            totals[offer.currency] = totals.get(offer.currency, Decimal(0)) + monthly
            rows.append(
                (
                    offer.sku_title,
                    [
                        line_summary(
                            line.quantity,
                            offer.term,
                            offer.billing_plan,
                            offer.unit_price,
                            offer.currency,
                        )
                    ],
                )
            )
        total = " + ".join(format_money(amount, currency) for currency, amount in totals.items())
        rows.append((self.tr("Monthly total"), [total]))
        return rows

    def show_duplicates(self, duplicates: tuple[PossibleDuplicate, ...]) -> None:
        if not duplicates:
            self.duplicate_warning.clear()
            self.duplicates.clear()
            self.duplicates.hide()
            return
        self.duplicate_warning.show_warning(
            self.tr(
                "This may be a customer you already have. If the company already has a "
                "Microsoft tenant, send it a relationship request instead of adding it again."
            )
        )
        reasons = {
            DuplicateReason.SAME_DOMAIN: self.tr("same domain"),
            DuplicateReason.SAME_EMAIL_DOMAIN: self.tr("same email domain"),
            DuplicateReason.SIMILAR_NAME: self.tr("similar company name"),
        }
        items = "".join(
            f"<li>{html.escape(found.company_name)} — {html.escape(found.domain)}, {html.escape(country_name(found.country, ui_locale()))} ({html.escape(listed(reasons[reason] for reason in found.reasons))})</li>"
            for found in duplicates
        )
        self.duplicates.setText(
            "<b>{title}</b><ul style='margin-top:0'>{items}</ul>".format(
                title=html.escape(self.tr("Possible duplicates")), items=items
            )
        )
        self.duplicates.show()

    # -- submitting -----------------------------------------------------------------------------

    def show_failure(self, message: str, *, can_retry: bool) -> None:
        self.failure.show_error(message)
        self.retry.setVisible(can_retry)

    def clear_failure(self) -> None:
        self.failure.clear()
        self.retry.hide()

    def initializePage(self) -> None:
        self.clear_failure()
        self.wizard().refresh_review()  # type: ignore[attr-defined]
        # Submit is the default and focused button (QWizard would focus the first Update link).
        QTimer.singleShot(0, self._focus_submit)

    def _focus_submit(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            submit = wizard.button(QWizard.WizardButton.CommitButton)
            if isinstance(submit, QPushButton):
                submit.setDefault(True)
            submit.setFocus(Qt.FocusReason.OtherFocusReason)

    def validatePage(self) -> bool:
        """Submit: only a customer written to the database lets the wizard go on (the write
        runs off the GUI thread; the wizard goes on by itself once it is done)."""
        return bool(self.wizard().submit())  # type: ignore[attr-defined]
