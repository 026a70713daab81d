"""Changing one subscription that is in Partner Center, for the Subscriptions tab: Partner Center
is asked what the change does (licences and monthly price before → after, the deadline for
reducing or cancelling), the user confirms, and it is applied there. Offline, or when Partner
Center cannot be reached, the change waits in Pending changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QMessageBox

from pcdesk.enums import SubscriptionStatus
from pcdesk.errors import PcdeskError, ValidationFailed
from pcdesk.partner_center.errors import SignInRequired, Unreachable
from pcdesk.partner_center.subscriptions import (
    ChangePreview,
    ChangeResult,
    StaleSubscription,
    apply_change,
    preview_change,
    queue_change,
)
from pcdesk.services.changes import Changes
from pcdesk.services.customers.details import SubscriptionData
from pcdesk.views.common.money import format_money
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.text_lists import sentences
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.subscription_summary import subscription_title
from pcdesk.views.customers.detail.subscriptions_tab_parts import SubscriptionsTabParts
from pcdesk.views.partner.sync_conflicts import short_datetime


def pc_status_label(status: str) -> str:
    names = {
        "active": QCoreApplication.translate("SubscriptionsTab", "Active"),
        "suspended": QCoreApplication.translate("SubscriptionsTab", "Suspended"),
        "deleted": QCoreApplication.translate("SubscriptionsTab", "Cancelled"),
    }
    return names.get(status, status)


def _queued_preview(sub: SubscriptionData) -> ChangePreview:
    """Stands in for a preview Partner Center could not give (only the title is shown)."""
    from pcdesk.partner_center.subscriptions import Window

    return ChangePreview(
        0, sub.id, sub.partner_center_id, "", subscription_title(sub), sub.quantity,
        sub.quantity, "", "", Decimal(0), Decimal(0), sub.currency, Window(None, None, None),
        None, "", {},
    )  # fmt: skip


class PartnerCenterChanges(QObject):
    """The Subscriptions tab's changes to a subscription in Partner Center (``tab.changes``);
    ``last_preview`` is what Partner Center last said the change does."""

    def __init__(self, parts: SubscriptionsTabParts) -> None:
        super().__init__(parts.tab)
        self._parts = parts
        self.last_preview: ChangePreview | None = None

    def in_partner_center(self, sub: SubscriptionData) -> bool:
        if self._parts.access is None or not sub.partner_center_id:
            return False
        return self._parts.access().connection is not None

    def change_in_partner_center(
        self,
        sub: SubscriptionData,
        *,
        quantity: int | None = None,
        status: SubscriptionStatus | None = None,
    ) -> None:
        """Read the subscription from Partner Center, show what the change does (licences and
        monthly price before → after, the deadline for reducing or cancelling), and apply it
        there once the user confirms. Offline, the change waits in Pending changes."""
        parts = self._parts
        details = parts.shown()
        if details is None or parts.writing() or parts.access is None:
            return
        access = parts.access()
        connection = access.connection
        if connection is None:
            return
        customer_id = details.id
        parts.notice.clear()
        db = parts.db
        if not access.online:
            self._queue(sub, quantity, status)
            return

        def unreachable(error: PcdeskError) -> bool:
            if isinstance(error, Unreachable | SignInRequired):
                self._queue(sub, quantity, status)
                return True
            parts.notice.show_error(translated(error.message))
            return True

        parts.pc_operation = (
            Operation(
                parts.tab,
                lambda: preview_change(db, connection, sub.id, quantity=quantity, status=status),
            )
            .busy(*parts.busy)
            .success(lambda preview: self._confirm_in_partner_center(customer_id, preview))
            .failure(unreachable)
            .run()
        )

    def preview_text(self, preview: ChangePreview) -> str:
        locale = QLocale()
        lines = [
            self.tr("Licences: {before} → {after}").format(
                before=locale.toString(preview.quantity_before),
                after=locale.toString(
                    0 if preview.status_after == "deleted" else preview.quantity_after
                ),
            ),
            self.tr("Monthly price: {before} → {after}").format(
                before=format_money(preview.monthly_before, preview.currency),
                after=format_money(preview.monthly_after, preview.currency),
            ),
        ]
        if preview.status_after != preview.status_before:
            lines.append(
                self.tr("Status: {before} → {after}").format(
                    before=pc_status_label(preview.status_before),
                    after=pc_status_label(preview.status_after),
                )
            )
        window = preview.window
        until = window.refund_until or window.cancel_until
        if until is not None and until > dt.datetime.now(dt.UTC):
            lines.append(
                self.tr(
                    "Licences can be reduced, or the subscription cancelled, until {deadline}."
                ).format(deadline=short_datetime(until))
            )
        elif window.refundable is not None or window.cancel_until is not None:
            lines.append(self.tr("The window for reducing or cancelling has closed."))
        return "\n".join(lines)

    def _confirm_in_partner_center(self, customer_id: int, preview: ChangePreview) -> None:
        parts = self._parts
        if not parts.shows(customer_id):
            return
        self.last_preview = preview
        box = QMessageBox(parts.tab)
        box.setObjectName("partner_center_change")
        box.setWindowTitle(self.tr("Change in Partner Center"))
        box.setText(preview.title)
        details = self.preview_text(preview)
        if preview.refusal is not None:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(details + "\n\n" + translated(preview.refusal))
            box.addButton(QMessageBox.StandardButton.Close)
            prompter().ask(box)
            parts.notice.show_error(translated(preview.refusal))
            return
        box.setIcon(QMessageBox.Icon.Question)
        box.setInformativeText(details)
        confirm = box.addButton(
            self.tr("&Apply in Partner Center"), QMessageBox.ButtonRole.AcceptRole
        )
        keep = box.addButton(self.tr("&Keep as it is"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # money or a service changes: Enter keeps it as it is
        box.setEscapeButton(keep)
        if prompter().ask(box) is not confirm or parts.access is None:
            return
        connection = parts.access().connection
        if connection is None:
            return
        db = parts.db
        parts.pc_operation = (
            Operation(parts.tab, lambda: apply_change(db, connection, preview))
            .busy(*parts.busy)
            .success(lambda result: self._applied(customer_id, preview, result))
            .failure(lambda error: self._refused(customer_id, error))
            .changes(lambda _result: Changes.of_customers([customer_id]))
            .run()
        )

    def _applied(self, customer_id: int, preview: ChangePreview, result: ChangeResult) -> None:
        parts = self._parts
        if not parts.shows(customer_id):
            return
        parts.saved.emit(result.details)
        if result.queued is not None:
            parts.notice.show_warning(translated(result.queued))
        else:
            parts.notice.show_ok(
                self.tr("Done in Partner Center: {offer}.").format(offer=preview.title)
            )

    def _refused(self, customer_id: int, error: PcdeskError) -> bool:
        notice = self._parts.notice
        if not self._parts.shows(customer_id):
            return True
        if isinstance(error, StaleSubscription):
            self.last_preview = error.current
            notice.show_warning(translated(error.message))
            return True
        if isinstance(error, ValidationFailed):
            notice.show_error(sentences([translated(text) for text in error.errors.values()]))
            return True
        notice.show_error(translated(error.message))
        return True

    def _queue(
        self, sub: SubscriptionData, quantity: int | None, status: SubscriptionStatus | None
    ) -> None:
        parts = self._parts
        details = parts.shown()
        if details is None:
            return
        customer_id = details.id
        db = parts.db
        parts.pc_operation = (
            Operation(parts.tab, lambda: queue_change(db, sub.id, quantity=quantity, status=status))
            .busy(*parts.busy)
            .success(lambda result: self._applied(customer_id, _queued_preview(sub), result))
            .changes(lambda _result: Changes.of_customers([customer_id]))
            .run()
        )
