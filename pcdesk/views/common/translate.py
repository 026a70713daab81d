"""Showing service messages in the interface's language.

A service returns a ``Message`` (services/messages.py): English text plus the template it was made
from, its translation context and its parameters. Here the template is looked up in the installed
translators and filled with the same parameters, themselves shown in the interface's language: a
country named by its code, a nested message, a list of messages (``Joined``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from pcdesk.errors import PcdeskError
from pcdesk.messages import Joined
from pcdesk.services.validation.countries import CountryName, country_name
from pcdesk.views.common.ui_locale import ui_locale


def translated(message: object) -> str:
    """A Message (or a PcdeskError's) in the current language; a plain str is shown as it is."""
    if isinstance(message, PcdeskError):
        message = message.message
    template = getattr(message, "template", None)
    if not isinstance(template, str):
        return str(message)
    context = getattr(message, "context", "messages")
    params = {name: _shown(value) for name, value in getattr(message, "params", {}).items()}
    text = QCoreApplication.translate(context, template)  # i18n: dynamic
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return str(message)


def _shown(value: Any) -> Any:
    if isinstance(value, CountryName):
        return country_name(value.code, ui_locale())
    if isinstance(value, Joined):
        return value.separator.join(translated(part) for part in value.parts)
    if isinstance(getattr(value, "template", None), str):
        return translated(value)
    return value
