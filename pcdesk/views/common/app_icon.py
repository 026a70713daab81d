"""pcdesk's application icon (resources/icons/pcdesk.svg), for every window and dialog."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon


def application_icon() -> QIcon:
    """The icon drawn from the SVG at whatever size a title bar, task bar or dialog asks."""
    return QIcon(str(resources.files("pcdesk.resources") / "icons" / "pcdesk.svg"))


def toolbar_icon(name: str) -> QIcon:
    """One of pcdesk's own toolbar icons (resources/icons/<name>.svg): mid-tone shapes that read
    on a light and a dark toolbar alike, sharp at any size."""
    return QIcon(str(resources.files("pcdesk.resources") / "icons" / f"{name}.svg"))
