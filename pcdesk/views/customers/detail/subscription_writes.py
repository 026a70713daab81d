"""A change to a subscription written here (one not in Partner Center), for the Subscriptions tab:
asked first when it costs or stops a service, written once off the GUI thread against the
subscription's version, and what happened told below the table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from pcdesk.services.customers.details import CustomerDetails
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.text_lists import sentences
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.common import customer_write, under_way
from pcdesk.views.customers.detail.subscriptions_tab_parts import SubscriptionsTabParts


class SubscriptionWrites(QObject):
    """The Subscriptions tab's writes (``tab.writes``); ``writing()`` while one runs."""

    def __init__(
        self,
        parts: SubscriptionsTabParts,
        *,
        update_actions: Callable[[], None],
        set_allowed: Callable[[bool], None],
    ) -> None:
        super().__init__(parts.tab)
        self._parts = parts
        self._update_actions = update_actions  # the tab's buttons, after a write's answer
        self._set_allowed = set_allowed  # the tab's: the role was taken away meanwhile
        self._write: Operation[CustomerDetails] | None = None  # the last write started

    def writing(self) -> bool:
        """Whether the last write started here is still being written."""
        return under_way(self._write)

    def confirm(self, title: str, text: str, informative: str, do: str, keep: str) -> bool:
        """Ask before a change that costs or stops a service; "keep" is the default and Esc.
        False too when another customer is shown or a write started while the box was open."""
        parts = self._parts
        shown = parts.shown()
        customer = shown.id if shown is not None else None
        box = QMessageBox(parts.tab)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(informative)
        confirm = box.addButton(do, QMessageBox.ButtonRole.AcceptRole)
        keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_button)
        box.setEscapeButton(keep_button)
        if prompter().ask(box) is not confirm:
            return False
        shown = parts.shown()
        current = shown.id if shown is not None else None
        return current == customer and customer is not None and not parts.writing()

    def act(self, write: Callable[[], CustomerDetails], done: str) -> None:
        """Start one write; show what happened once it is done."""
        parts = self._parts
        shown = parts.shown()
        if shown is None or parts.writing():
            return
        customer_id = shown.id
        parts.notice.clear()
        focused = QApplication.focusWidget()

        def answered(handle: Callable[..., None]) -> Callable[..., None]:
            """``handle``, if the customer written is still the one shown."""

            def handler(*args: object) -> None:
                if not parts.shows(customer_id):
                    return
                handle(*args)
                self._update_actions()
                if focused is not None and parts.tab.isAncestorOf(focused) and focused.isEnabled():
                    focused.setFocus()

            return handler

        def saved(details: CustomerDetails) -> None:
            parts.saved.emit(details)
            parts.notice.show_ok(done)

        def refused(errors: dict[str, str]) -> None:
            problems = [translated(text) for text in errors.values()]
            parts.notice.show_error(
                self.tr("Nothing was changed: {problem}").format(problem=sentences(problems))
            )

        def gone() -> None:
            parts.reload_requested.emit()
            parts.notice.show_error(self.tr("Nothing was changed: it no longer exists."))

        def changed(current: CustomerDetails) -> None:
            parts.refreshed.emit(current)
            parts.notice.show_warning(
                self.tr(
                    "Another workstation changed this customer's subscriptions first. Nothing "
                    "was changed; what is saved now is shown."
                )
            )

        def not_allowed(reason: str) -> None:  # the role was taken away since it was shown
            self._set_allowed(False)
            parts.notice.show_error(
                self.tr("Nothing was changed: {problem}").format(problem=reason)
            )

        self._write = customer_write(
            parts.tab,
            customer_id,
            write,
            busy=parts.busy,
            saved=answered(saved),
            refused=answered(refused),
            unavailable=answered(parts.notice.show_error),
            gone=answered(gone),
            changed=answered(changed),
            not_allowed=answered(not_allowed),
        )
