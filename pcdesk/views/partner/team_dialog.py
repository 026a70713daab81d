"""Partner > Team and roles…: who works in this database, and their Partner Center roles.

The roles decide what each person may do, as in Partner Center (services/roles.py). Only a
Global admin changes the team; anyone may look at it. The team is read and saved off the GUI
thread; a saved team is published as a change, so the window's role-dependent actions look again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcdesk.enums import PartnerRole
from pcdesk.errors import PcdeskError, ValidationFailed
from pcdesk.services.changes import Changes
from pcdesk.services.database import Database
from pcdesk.services.partner.actor import current_user
from pcdesk.services.partner.roles import (
    ALLOWED,
    ROLE_NAMES,
    Task,
    TeamMemberData,
    list_team,
    may,
    not_allowed_message,
    set_team,
)
from pcdesk.views.common.field_message import FieldMessage
from pcdesk.views.common.operations import Operation
from pcdesk.views.common.prompts import prompter
from pcdesk.views.common.text_lists import listed, sentences
from pcdesk.views.common.translate import translated

NAME = 0
ROLES = tuple(ROLE_NAMES)  # one checkbox column each, after the name, in the service's order


class TeamDialog(QDialog):
    """A table of people, one checkbox column per role; Save records it (Global admins only)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.saved: tuple[TeamMemberData, ...] | None = None
        self._recorded = False  # a team was recorded when the dialog read it
        self._user = current_user(db)
        self.setWindowTitle(self.tr("Team and roles"))
        self.setMinimumWidth(460)
        self.resize(640, 420)

        intro = QLabel(
            self.tr(
                "Record who works in this database and their Partner Center roles: pcdesk lets "
                "each person do what the roles allow in Partner Center."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.who = QLabel(self)
        self.who.setObjectName("who")
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.read_only = FieldMessage(self)

        self.table = QTableWidget(0, 1 + len(ROLES), self)
        self.table.setAccessibleName(self.tr("Team"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        name_header = QTableWidgetItem(self.tr("User name"))
        name_header.setToolTip(
            self.tr(
                "The person's name as pcdesk knows them and records it in the history: their "
                "database login on a shared PostgreSQL database, else their Partner Center user "
                "while signed in, else their account on their computer."
            )
        )
        self.table.setHorizontalHeaderItem(NAME, name_header)
        for column, role in enumerate(ROLES, start=1):
            role_header = QTableWidgetItem(self._role_label(role))
            role_header.setToolTip(self._role_tip(role))
            self.table.setHorizontalHeaderItem(column, role_header)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(ROLES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = FieldMessage(self)

        self.add_button = QPushButton(self.tr("&Add person"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("&Remove person"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_person)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.who)
        layout.addWidget(self.read_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

        self.editable = False
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)  # until read
        self.add_button.setVisible(False)
        self.remove_button.setVisible(False)
        self._load()

    # -- reading --------------------------------------------------------------------------------

    def _role_label(self, role: PartnerRole) -> str:
        # ROLE_NAMES holds templates marked in the "roles" context, for the views to translate.
        return QCoreApplication.translate("roles", ROLE_NAMES[role])  # i18n: dynamic

    def _role_tip(self, role: PartnerRole) -> str:
        """What the role may do in pcdesk besides searching and viewing: every gated task."""
        tasks = {
            Task.ADD_CUSTOMER: self.tr("add customers"),
            Task.ATTEST_AGREEMENT: self.tr("attest customer agreements"),
            Task.EDIT_CUSTOMER: self.tr("edit customer details"),
            Task.MANAGE_SUBSCRIPTIONS: self.tr("order and change subscriptions"),
            Task.REQUEST_RELATIONSHIP: self.tr("request relationships"),
            Task.REMOVE_RELATIONSHIP: self.tr("remove relationships"),
            Task.MANAGE_RESELLERS: self.tr("manage indirect resellers"),
            Task.MANAGE_TEAM: self.tr("change this team"),
        }
        allowed = [text for task, text in tasks.items() if role in ALLOWED[task]]
        if not allowed:
            return self.tr("{role}: searches and views customers only.").format(
                role=self._role_label(role)
            )
        return self.tr("{role}: searches and views customers, and may {tasks}.").format(
            role=self._role_label(role), tasks=listed(allowed)
        )

    def _load(self) -> None:
        """Read the team and whether the user may change it (off the GUI thread)."""
        db, user = self._db, self._user
        Operation(self, lambda: (list_team(db), may(db, Task.MANAGE_TEAM, user))).success(
            lambda read: self._show(*read)
        ).failure(self._unreadable).run()

    def _unreadable(self, error: PcdeskError) -> bool:
        self.message.show_error(translated(error.message))
        self._show((), False)
        return True

    def _show(self, team: tuple[TeamMemberData, ...], editable: bool) -> None:
        self.editable = editable
        self._recorded = bool(team)
        self._set_who(bool(team))
        self.table.setRowCount(0)
        for member in team:
            self._append(member.user_name, member.roles)
        if self.editable:
            self.read_only.clear()
            self.buttons.setStandardButtons(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
        else:
            if not self.message.is_error():
                self.read_only.show_warning(
                    self.tr("You can see the team but not change it.")
                    + " "
                    + translated(not_allowed_message(Task.MANAGE_TEAM))
                )
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button.setVisible(self.editable)
        self.remove_button.setVisible(self.editable)
        self._update_buttons()

    def _set_who(self, team_recorded: bool) -> None:
        you = self.tr("You are <b>{user}</b>.").format(user=_escape(self._user))
        if team_recorded:
            rest = self.tr(
                "People who are not listed may only search, view and export customers (the "
                "partner profile and the price list are open to everyone)."
            )
        else:
            rest = self.tr(
                "Nobody is listed yet, so everyone using this database holds every role. Once "
                "a team is saved, people who are not listed may only search, view and export "
                "customers. The first person you add is you, as Global admin: the team needs "
                "one, and you must be in it to change it again."
            )
        self.who.setText(sentences((you, rest)))

    def _append(self, name: str, roles: frozenset[PartnerRole]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable)
        else:
            item.setFlags(flags)
        self.table.setItem(row, NAME, item)
        for column, role in enumerate(ROLES, start=1):
            check = QTableWidgetItem()
            check.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if self.editable else flags)
            check.setCheckState(Qt.CheckState.Checked if role in roles else Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.AccessibleTextRole, self._role_label(role))
            self.table.setItem(row, column, check)
        return row

    # -- editing --------------------------------------------------------------------------------

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell gets an item when its row is added
        return item

    def members(self) -> list[TeamMemberData]:
        """The team as the table shows it."""
        members = []
        for row in range(self.table.rowCount()):
            roles = frozenset(
                role
                for column, role in enumerate(ROLES, start=1)
                if self._item(row, column).checkState() == Qt.CheckState.Checked
            )
            members.append(TeamMemberData(self._item(row, NAME).text(), roles))
        return members

    def add_person(self) -> None:
        if self.table.rowCount() == 0:
            # A team must hold a Global admin and whoever records it: start with you as one.
            row = self._append(self._user, frozenset({PartnerRole.GLOBAL_ADMIN}))
            self.table.selectRow(row)
            self.table.setFocus()
            return
        row = self._append("", frozenset())
        self.table.selectRow(row)
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self._item(row, NAME))

    def remove_person(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.editable and bool(self.table.selectedIndexes()))

    # -- saving ---------------------------------------------------------------------------------

    def accept(self) -> None:
        if not self.editable:
            super().accept()
            return
        self.message.clear()
        members = self.members()
        if not members and self._recorded:
            self.ask_empty_team()  # saves only if the user confirms
            return
        self._save(members)

    def ask_empty_team(self) -> None:
        """Everyone removed: saving gives every role to anyone, so ask first."""
        box = QMessageBox(self)
        box.setObjectName("empty_team_question")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Team and roles"))
        box.setText(self.tr("Save the team with nobody in it?"))
        box.setInformativeText(
            self.tr(
                "Roles are then no longer checked: everyone who opens this database will hold "
                "every role, Global admin included, as before a team was recorded."
            )
        )
        save = box.addButton(self.tr("&Save with nobody"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        clicked = prompter().ask(box)
        box.deleteLater()
        if clicked is save:
            self._save([])

    def _save(self, members: list[TeamMemberData]) -> None:
        """Save off the GUI thread; the dialog's buttons wait for it."""
        db, user = self._db, self._user
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        Operation(self, lambda: set_team(db, members, actor=user)).busy(
            save_button, self.add_button, self.remove_button
        ).success(self._written).failure(self._refused).changes(Changes(team=True)).run()

    def _written(self, saved: tuple[TeamMemberData, ...]) -> None:
        self.saved = saved
        super().accept()

    def _refused(self, error: PcdeskError) -> bool:
        self._update_buttons()  # as the selection says, not as busy() left them
        if isinstance(error, ValidationFailed):
            self._point_at_problem()
            self.message.show_error(
                translated(error.errors.get("team") or next(iter(error.errors.values())))
            )  # what the user entered stays in the table
        else:
            self.message.show_error(translated(error.message))
        return True

    def _point_at_problem(self) -> None:
        """Select the row a refusal is most likely about: a blank or a repeated name."""
        seen: set[str] = set()
        for row in range(self.table.rowCount()):
            name = self._item(row, NAME).text().strip()
            if not name or name in seen:
                self.table.selectRow(row)
                self.table.setCurrentCell(row, NAME)
                return
            seen.add(name)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
