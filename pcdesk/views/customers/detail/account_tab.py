"""The Account tab: every account field, and Edit with the wizard's own Account info form.

An edit is made against the version of the customer it started from. Saving sends that version;
if another workstation saved first, the user sees what differs and chooses (see conflict.py).
Edit is disabled, saying why, for a role that may not edit customer details (services/roles.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import ResellerState
from pcdesk.errors import PcdeskError
from pcdesk.services.customers.details import CustomerDetails
from pcdesk.services.customers.edits import customer_input_of, update_customer
from pcdesk.services.database import Database
from pcdesk.services.inputs import CustomerInput
from pcdesk.services.partner.profile import PartnerProfileData
from pcdesk.services.partner.roles import Task, not_allowed_message
from pcdesk.services.resellers.records import ResellerData, list_resellers
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.labels import account_status_label, relationship_label
from pcdesk.views.common.mnemonics import assign_mnemonics, plain_text
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.translate import translated
from pcdesk.views.customers.detail.common import customer_write, selectable_label, under_way
from pcdesk.views.customers.detail.conflict import (
    MINE,
    ConflictDialog,
    differences,
    shown_value,
)
from pcdesk.views.customers.forms.account_summary import (
    account_rows,
    local_date_time,
    summary_table,
)

if TYPE_CHECKING:
    from pcdesk.views.customers.forms.account_form import AccountForm

# Letters the main window shows beside the pane (menus File, Customers, Help; the filter bar's
# Search, Relationship, reseller, Country/region), the header's Copy (Y) and Save (V): the form's
# labels get the others, so no Alt+letter is ambiguous.
# The main window's own: its menus (File, Customers, Partner, Help) and the list's search and
# filters (Search, Relationship, reseller, Country, Agreement, Tag).
WINDOW_MNEMONICS = ("f", "c", "p", "h", "s", "r", "e", "o", "g", "t")
RESERVED_MNEMONICS = (*WINDOW_MNEMONICS, "y", "v")


class AccountTab(QWidget):
    """Shows the account; ``edit()`` opens the form, ``save()`` writes it.

    Signals: ``saved(details)`` after a successful write, ``refreshed(details)`` when another
    workstation's values were found while saving (the pane shows them everywhere),
    ``reload_requested()`` when the customer no longer exists, ``editing_changed(bool)``.
    Reading the resellers and saving run off the GUI thread; meanwhile the button (or the form)
    is disabled.
    """

    saved = Signal(CustomerDetails)
    refreshed = Signal(CustomerDetails)
    reload_requested = Signal()
    editing_changed = Signal(bool)

    def __init__(
        self, db: Database, profile: PartnerProfileData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._profile = profile
        self._details: CustomerDetails | None = None
        self._base: CustomerDetails | None = None  # what the edit is made against
        self._loaded: CustomerInput | None = None  # the form's values when it was (re)filled
        self._allowed = True  # the user's role may edit (the pane reads it with the customer)
        self._starting: Operation[tuple[ResellerData, ...]] | None = None  # Edit reading resellers
        self._saving: Operation[CustomerDetails] | None = None
        self._after_save: Callable[[], None] | None = None
        self.conflict_dialog: ConflictDialog | None = None

        # -- reading ---------------------------------------------------------------------------
        self.edit_button = QPushButton(self.tr("E&dit"), self)
        self.edit_button.setToolTip(self.tr("Change the account's details"))
        self.edit_button.setAutoDefault(True)
        self.edit_button.clicked.connect(self.edit)
        self.summary = selectable_label(self, "account_summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notice = FieldMessage(self)
        reading = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        inner = QVBoxLayout(reading)
        inner.addLayout(top)
        inner.addWidget(self.notice)
        inner.addWidget(self.summary)
        inner.addStretch(1)
        self.reading = self._scroll(reading)

        # -- editing ---------------------------------------------------------------------------
        self._form: AccountForm | None = None  # built when first needed: see ``form``
        form_holder = QWidget(self)
        self._form_layout = QVBoxLayout(form_holder)
        self._form_layout.addStretch(1)
        self.form_scroll = self._scroll(form_holder)
        self.failure = FieldMessage(self)
        self.save_button = QPushButton(self.tr("Sa&ve"), self)
        self.save_button.setAutoDefault(True)
        # The default button, as in a dialog: Enter in a field saves (see _enter_saves).
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Leave the account as it is saved (Esc)"))
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.cancel_edit)
        editing = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        edit_layout = QVBoxLayout(editing)
        edit_layout.addWidget(self.form_scroll, 1)
        edit_layout.addWidget(self.failure)
        edit_layout.addLayout(buttons)
        self.editing = editing
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), editing)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_edit)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.reading)
        self.stack.addWidget(self.editing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def form(self) -> AccountForm:
        """The edit form, built at the first Edit rather than with the window: it names every
        country (CLDR) and lays out the address rules of the default one."""
        if self._form is None:
            from pcdesk.views.customers.forms.account_form import AccountForm

            form = AccountForm(self._db, self._profile, load_resellers=False)  # Edit reads them
            form.setObjectName("account_form")
            form.set_domain_read_only(True)
            form.country.setEnabled(False)
            form.country.setToolTip(self.tr("A customer's country/region cannot be changed."))
            self._form = form
            form.relaid_out.connect(self._relaid_out)
            self._let_lists_narrow()
            self._enter_saves()
            self._form_layout.insertWidget(0, form)
            self._relaid_out()
        return self._form

    def _scroll(self, content: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _let_lists_narrow(self) -> None:
        """The pane shares the window with the customer list: lists as wide as their longest
        entry (a country, a reseller with its Partner ID) would make the form scroll sideways.
        They take the width there is instead; their drop-down lists still show entries whole."""
        form = self.form
        for combo in (form.country, form.address.state_list, form.language, form.reseller):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())

    def _relaid_out(self) -> None:
        assign_mnemonics(self.form.mnemonic_widgets(), RESERVED_MNEMONICS)
        chain = [*self.form.tab_order(), self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- showing --------------------------------------------------------------------------------

    def show_details(self, details: CustomerDetails) -> None:
        """Show ``details``. An edit in progress keeps what the user typed; it moves on to the
        new version only when no account field changed (another tab's write, say), so a Save
        still finds out about anyone else's change to the account."""
        self._details = details
        self.summary.setText(self._summary_html(details))
        self._follow_role()
        base = self._base
        if (
            base is not None
            and base.id == details.id
            and customer_input_of(details) == customer_input_of(base)
        ):
            self._base = details

    def set_allowed(self, allowed: bool) -> None:
        """Whether the user's role may edit customer details (read by the pane off the GUI
        thread; a database that cannot be read counts as yes: saving then says why not)."""
        self._allowed = allowed
        self._follow_role()

    def _follow_role(self) -> bool:
        """Edit only for a role that may edit customer details: others see why not."""
        allowed = self._allowed
        self.edit_button.setEnabled(allowed and not under_way(self._starting))
        self.edit_button.setToolTip(
            self.tr("Change the account's details")
            if allowed
            else translated(not_allowed_message(Task.EDIT_CUSTOMER))
        )
        return allowed

    def _summary_html(self, details: CustomerDetails) -> str:
        rows = account_rows(customer_input_of(details), details.indirect_reseller_name)
        # A customer added from an accepted relationship request has no address, contact or
        # language yet: say so rather than leave the row blank.
        missing = self.tr("Not known yet: Edit to add it")
        rows = [(label, values if any(values) else [missing]) for label, values in rows]
        rows.insert(0, (self.tr("Microsoft ID"), [details.microsoft_id]))
        rows += [
            (self.tr("Relationship"), [relationship_label(details.relationship)]),
            (self.tr("Account status"), [account_status_label(details.account_status)]),
        ]
        if details.tags:
            rows.append((self.tr("Tags"), [details.tags]))
        rows += [
            (
                self.tr("Added"),
                [
                    self.tr("{when} by {who}").format(
                        when=local_date_time(details.created_at), who=details.created_by
                    )
                ],
            ),
            (
                self.tr("Last changed"),
                [
                    self.tr("{when} by {who}").format(
                        when=local_date_time(details.updated_at), who=details.updated_by
                    )
                ],
            ),
        ]
        return summary_table(rows)

    def clear(self) -> None:
        """Another customer is about to be shown: any edit is dropped (a save under way still
        completes; its answer is not shown here)."""
        self._starting = None
        self._saving = None
        self._after_save = None
        self._finish_edit()
        self._details = None
        self.summary.clear()
        self.notice.clear()

    # -- editing --------------------------------------------------------------------------------

    def is_editing(self) -> bool:
        return self._base is not None

    def has_unsaved_edits(self) -> bool:
        return self.is_editing() and self._form_input() != self._loaded

    def is_saving(self) -> bool:
        return under_way(self._saving)

    def edit(self) -> None:
        """Switch to the form, filled with the account as it is saved (the resellers to choose
        from are read first, off the GUI thread)."""
        details = self._details
        if details is None or self.is_editing() or under_way(self._starting):
            return
        if not self._follow_role():
            return
        self.notice.clear()
        if not self._profile.has_resellers:
            self._open_form(details, None)
            return

        def read() -> tuple[ResellerData, ...]:
            return list_resellers(self._db, active_only=False)

        operation = Operation(self, read).busy(self.edit_button)
        operation.success(lambda resellers: self._resellers_read(operation, details, resellers))
        operation.failure(lambda error: self._resellers_failed(operation, error))
        self._starting = operation
        operation.run()

    def _resellers_read(
        self,
        operation: Operation[tuple[ResellerData, ...]],
        details: CustomerDetails,
        resellers: tuple[ResellerData, ...],
    ) -> None:
        if operation is not self._starting:
            return  # another customer is shown now
        self._starting = None
        self._follow_role()
        if self._details is None or self._details.id != details.id:
            return
        self._open_form(self._details, resellers)

    def _resellers_failed(
        self, operation: Operation[tuple[ResellerData, ...]], error: PcdeskError
    ) -> bool:
        if operation is not self._starting:
            return True  # about a customer no longer shown
        self._starting = None
        self._follow_role()
        self.notice.show_error(translated(error.message))
        return True

    def _enter_saves(self) -> None:
        """Enter in a text field of the form presses Save, the default button (a main window
        has no default button of its own)."""
        for edit in self.form.findChildren(QLineEdit):
            edit.returnPressed.connect(self._enter_pressed)

    def _enter_pressed(self) -> None:
        if self.is_editing() and self.save_button.isEnabled():
            self.save_button.click()

    def _open_form(
        self, details: CustomerDetails, resellers: tuple[ResellerData, ...] | None
    ) -> None:
        self._base = details
        self.notice.clear()
        self.failure.clear()
        if resellers is not None:
            self._fill_resellers(details, resellers)
        self._fill(details)
        self.stack.setCurrentWidget(self.editing)
        self.form_scroll.verticalScrollBar().setValue(0)
        self.form.edits["company_name"].setFocus()
        self.editing_changed.emit(True)

    def _fill_resellers(
        self, details: CustomerDetails, resellers: tuple[ResellerData, ...]
    ) -> None:
        """The active resellers, and the customer's own even if it was suspended since."""
        self.form.reseller.set_resellers(
            tuple(
                reseller
                for reseller in resellers
                if reseller.state is ResellerState.ACTIVE
                or reseller.id == details.indirect_reseller_id
            )
        )

    def _fill(self, details: CustomerDetails) -> None:
        """Put the saved account in the form, with no message left from before."""
        data = customer_input_of(details)
        # A customer added from an accepted relationship request has no country/region yet:
        # it is chosen once here, starting from the workstation's own.
        unknown_country = not data.country
        if unknown_country:
            from pcdesk.views.customers.forms.account_form import default_country

            data = replace(data, country=default_country())
        self.form.set_values({**asdict(data), "touched": []})
        self.form.country.setEnabled(unknown_country)
        self.form.country.setToolTip(
            self.tr("Choose the customer's country/region: it cannot be changed later.")
            if unknown_country
            else self.tr("A customer's country/region cannot be changed.")
        )
        for message in self.form.messages.values():
            message.clear()
        self.form.domain_status.clear()
        self._loaded = self._form_input()

    def _form_input(self) -> CustomerInput:
        """What the form holds, with what it does not show (tags; the reseller when the partner
        has none) taken from the version the edit is made against."""
        data = self.form.customer_input()
        if self._base is None:
            return data
        data = replace(data, tags=self._base.tags)
        if not self._profile.has_resellers:
            data = replace(data, indirect_reseller_id=self._base.indirect_reseller_id)
        return data

    def cancel_edit(self) -> None:
        """Cancel (or Esc): leave the account as saved (not while a save is under way)."""
        if not self.is_editing() or self.is_saving():
            return
        self._finish_edit()
        self.edit_button.setFocus()

    def _finish_edit(self) -> None:
        was_editing = self.is_editing()
        self._base = None
        self._loaded = None
        self.failure.clear()
        self.stack.setCurrentWidget(self.reading)
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
            self.conflict_dialog = None
        if was_editing:
            self.editing_changed.emit(False)

    def save(self, *, retried: bool = False, then: Callable[[], None] | None = None) -> bool:
        """Save the form; True when the edit is over now (nothing needed saving).

        False keeps the form open with what the user typed: a field refused (its message is
        beside it), or the save started off the GUI thread (the form is disabled until it is
        done; ``then()`` runs once it is saved). The database unavailable, or another
        workstation's change to decide on, keeps the form open too.
        """
        base = self._base
        if base is None:
            return True
        if self.is_saving():
            return False  # one save at a time
        self.failure.clear()
        data = self._form_input()
        if data == self._loaded:
            self._finish_edit()  # nothing changed: nothing to write
            self.edit_button.setFocus()
            return True
        errors: dict[str, str] = dict(self.form.findings().errors)
        if errors:
            self.form.show_errors(errors)
            self.failure.show_error(self.tr("Nothing was saved: correct the fields marked."))
            return False

        def refused(errors: dict[str, str]) -> None:
            self.form.show_errors(errors)
            problem = next(iter(errors.values()), "")
            self.failure.show_error(
                self.tr("Nothing was saved: {problem}").format(problem=translated(problem))
            )

        def gone() -> None:
            self.failure.show_error(self.tr("Nothing was saved: this customer no longer exists."))
            self.reload_requested.emit()

        def not_allowed(reason: str) -> None:  # the role was taken away since Edit
            self.failure.show_error(self.tr("Nothing was saved: {problem}").format(problem=reason))
            self.set_allowed(False)

        def answered(handle: Callable[..., None]) -> Callable[..., None]:
            """``handle``, if the answer is about the save in progress (else it is dropped)."""

            def handler(*args: object) -> None:
                if self._saving is not operation or self._base is not base:
                    return
                self._saving = None
                handle(*args)

            return handler

        self._after_save = then
        operation = customer_write(
            self,
            base.id,
            lambda: update_customer(self._db, base.id, base.version, data),
            busy=(self.editing,),
            saved=answered(self._saved),
            refused=answered(refused),
            unavailable=answered(self.failure.show_error),
            gone=answered(gone),
            changed=answered(lambda current: self._conflict(data, current, retried=retried)),
            not_allowed=answered(not_allowed),
        )
        self._saving = operation
        return False

    def _saved(self, saved: CustomerDetails) -> None:
        then, self._after_save = self._after_save, None
        self._finish_edit()
        self.edit_button.setFocus()
        self.saved.emit(saved)
        if then is not None:
            then()

    # -- another workstation saved first --------------------------------------------------------

    def _conflict(self, mine: CustomerInput, current: CustomerDetails, *, retried: bool) -> None:
        base = self._base
        assert base is not None
        self._details = current
        if customer_input_of(current) == customer_input_of(base) and not retried:
            # Only something else changed (a subscription, say): no account field would be
            # overwritten, so the edit moves on to the new version and is saved.
            self._base = current
            self.save(retried=True, then=self._after_save)
            return
        self.refreshed.emit(current)
        saved_input = customer_input_of(current)
        found = differences(
            mine,
            saved_input,
            customer_input_of(base),
            self._label_of,
            lambda name, data: self._shown(name, data, current),
        )
        if not found:
            # The other workstation saved exactly what the user typed.
            then, self._after_save = self._after_save, None
            self._finish_edit()
            self.notice.show_warning(
                self.tr("Another workstation saved the same changes first; nothing else changed.")
            )
            if then is not None:
                then()
            return
        self._after_save = None  # the user decides first
        self.failure.show_warning(
            self.tr("Another workstation changed this customer first. Nothing was saved.")
        )
        dialog = ConflictDialog(current.company_name, found, self)
        dialog.setObjectName("conflict_dialog")
        dialog.chosen.connect(lambda choice: self._resolved(choice, current))
        dialog.finished.connect(dialog.deleteLater)
        self.conflict_dialog = dialog
        dialog.open()

    def _resolved(self, choice: str, current: CustomerDetails) -> None:
        self.conflict_dialog = None
        if not self.is_editing():
            return
        self._base = current
        if choice == MINE:
            self.failure.show_warning(
                self.tr(
                    "Your changes are kept. Save to replace the values another workstation saved."
                )
            )
            self._loaded = customer_input_of(current)  # unsaved until the user saves again
        else:
            self._fill(current)
            self.failure.show_warning(self.tr("The form shows the values now saved."))
        self.form.edits["company_name"].setFocus()

    def _label_of(self, name: str) -> str:
        labels = {**self.form.labels, **self.form.address.labels}
        if name == "culture":
            name = "language"
        if name == "tags":
            return self.tr("Tags")
        label = labels.get(name)
        return plain_text(label).rstrip(":\uff1a") if label is not None else name

    def _shown(self, name: str, data: CustomerInput, current: CustomerDetails) -> str:
        def reseller_name(reseller_id: int | None) -> str:
            if reseller_id is None:
                return self.tr("None")
            if reseller_id == current.indirect_reseller_id and current.indirect_reseller_name:
                return current.indirect_reseller_name
            index = self.form.reseller.findData(reseller_id)
            return self.form.reseller.itemText(index) if index >= 0 else str(reseller_id)

        return shown_value(name, data, reseller_name)
