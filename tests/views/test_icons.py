"""The toolbar's icons are pcdesk's own SVGs, and they read on a light and a dark toolbar: no
black shape that vanishes on a dark palette, no white one that vanishes on a light one."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolBar

ICONS = ("add-customer", "request-relationship", "export-customers", "refresh", "open-database")


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_icon_files_ship_with_pcdesk() -> None:
    folder = resources.files("pcdesk.resources") / "icons"
    for name in (*ICONS, "pcdesk"):
        assert (folder / f"{name}.svg").is_file(), name


def test_the_toolbar_uses_them_and_they_read_in_light_and_dark(main_window) -> None:
    toolbar = main_window.findChild(QToolBar, "customers_toolbar")
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert len(actions) == 4
    for action in actions:
        image = action.icon().pixmap(24, 24).toImage()
        assert not image.isNull(), action.text()
        painted = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert len(painted) > 40, action.text()
        # Most of what is painted stands out from both a light and a dark toolbar.
        for background in (QColor("#efefef"), QColor("#2b2b2b")):
            readable = [c for c in painted if contrast(c, background) >= 2.2]
            assert len(readable) >= 0.6 * len(painted), (action.text(), background.name())
