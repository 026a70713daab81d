"""Saved views of the customer list, as Outlook has them: a name for a search, its filters and
its sort. They are kept in the user's settings (QSettings), so each user has their own."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from pcdesk.views.common.prompts import prompter

_KEY = "customer_list/saved_views"
MAX_NAME = 60


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: dict[str, str] = field(default_factory=dict)  # CustomerFilterBar.state()
    sort: str = "company_name"  # a column's field name
    descending: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "filters": self.filters,
            "sort": self.sort,
            "descending": self.descending,
        }

    @staticmethod
    def from_json(value: Any) -> SavedView | None:
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            return None
        filters = value.get("filters", {})
        if not isinstance(filters, dict):
            filters = {}
        return SavedView(
            name=value["name"],
            filters={str(k): str(v) for k, v in filters.items()},
            sort=str(value.get("sort", "company_name")),
            descending=bool(value.get("descending", False)),
        )


def load_views(settings: QSettings) -> list[SavedView]:
    raw = settings.value(_KEY, "")
    try:
        values = json.loads(raw) if isinstance(raw, str) and raw else []
    except ValueError:
        return []  # a damaged setting loses the views, never the window
    views = [SavedView.from_json(value) for value in values] if isinstance(values, list) else []
    return [view for view in views if view is not None]


def store_views(settings: QSettings, views: list[SavedView]) -> None:
    settings.setValue(_KEY, json.dumps([view.to_json() for view in views], ensure_ascii=False))
    settings.sync()


class SavedViewsMenu(QObject):
    """The Views menu: each saved view (choosing one applies it), Save current view…, and
    Delete view. ``applied(view)`` when a view is chosen."""

    applied = Signal(object)

    def __init__(
        self, settings: QSettings, current: Callable[[str], SavedView], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._current = current  # the list as it is now, under a name
        self._parent = parent
        self.menu = QMenu(self.tr("&Views"), parent)
        self.save_action = QAction(self.tr("&Save current view…"), self)
        self.save_action.triggered.connect(self.save_current)
        self.delete_menu = QMenu(self.tr("&Delete view"), parent)
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def views(self) -> list[SavedView]:
        return load_views(self._settings)

    def rebuild(self) -> None:
        self.menu.clear()
        self.delete_menu.clear()
        views = self.views()
        for view in views:
            action = self.menu.addAction(view.name.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, view=view: self.applied.emit(view))
            remove = self.delete_menu.addAction(view.name.replace("&", "&&"))
            remove.triggered.connect(lambda _checked=False, name=view.name: self.delete(name))
        if not views:
            empty = self.menu.addAction(self.tr("No saved views"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.save_action)
        self.delete_menu.setEnabled(bool(views))
        self.menu.addMenu(self.delete_menu)

    def save_current(self) -> None:
        """Ask a name and keep the list's search, filters and sort under it (a name already
        used asks before replacing that view)."""
        name = prompter().ask_text(
            self._parent,
            self.tr("Save current view"),
            self.tr("Name of the view (its search, filters and sort):"),
            "",
        )
        name = (name or "").strip()[:MAX_NAME]
        if not name:
            return
        views = self.views()
        if any(view.name == name for view in views):
            box = QMessageBox(self._parent)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Save current view"))
            box.setText(self.tr("Replace the view “{name}”?").format(name=name))
            replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(cancel)
            box.setEscapeButton(cancel)
            if prompter().ask(box) is not replace:
                return
        views = [view for view in views if view.name != name] + [self._current(name)]
        store_views(self._settings, views)
        self.rebuild()

    def delete(self, name: str) -> None:
        store_views(self._settings, [view for view in self.views() if view.name != name])
        self.rebuild()
