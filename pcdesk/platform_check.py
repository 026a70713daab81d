"""Before Qt starts on Linux: are the system libraries of Qt's X11 (xcb) platform plugin there?

Without one of them, Qt aborts with a message that names only ``libxcb-cursor0`` (whatever is
missing), before pcdesk has written anything to its log. This check runs first and names the
Debian/Ubuntu packages that are really missing. No Qt here: it runs before any Qt library loads.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

# What Qt's xcb plugin (plugins/platforms/libqxcb.so) and libQt6XcbQpa.so.6 link to, beyond what
# every Linux desktop has (libc, libstdc++, GL, glib, fontconfig, freetype), each with the
# Debian/Ubuntu package that provides it. Verified against PySide6 6.11's plugin with
# `readelf -d libqxcb.so libQt6XcbQpa.so.6 | grep NEEDED`; tests/unit/test_platform_check.py
# compares this list with the installed plugin, so a Qt that needs more fails the tests.
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
}


class XcbUse(Enum):
    """How Qt is going to pick its platform plugin, as far as xcb is concerned."""

    NONE = "none"  # offscreen, Wayland only, another system, or no screen at all
    ONLY = "only"  # xcb is the plugin: without its libraries Qt aborts
    FALLBACK = "fallback"  # Wayland first, xcb if Wayland fails


def xcb_use(environ: Mapping[str, str], platform: str = sys.platform) -> XcbUse:
    """Qt 6 reads ``QT_QPA_PLATFORM`` (a ``;``-separated list tried in order); when it is unset,
    it picks Wayland in a Wayland session and xcb otherwise."""
    if not platform.startswith("linux"):
        return XcbUse.NONE
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        names = [part.split(":", 1)[0].strip() for part in requested.split(";")]
        if "xcb" not in names:
            return XcbUse.NONE
        return XcbUse.ONLY if names[0] == "xcb" else XcbUse.FALLBACK
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and environ.get("XDG_SESSION_TYPE") == "wayland"
    if wayland:
        return XcbUse.FALLBACK
    return XcbUse.ONLY if environ.get("DISPLAY") else XcbUse.NONE


def can_load(soname: str) -> bool:
    """True if the dynamic linker finds ``soname`` (as Qt's plugin will when it loads)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class MissingLibraries:
    libraries: tuple[str, ...]
    use: XcbUse

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(XCB_LIBRARIES[name] for name in self.libraries))

    @property
    def fatal(self) -> bool:
        """Qt has no other plugin to try: it would abort."""
        return self.use is XcbUse.ONLY

    def message(self) -> str:
        packages = " ".join(self.packages)
        lead = (
            "pcdesk cannot open its window"
            if self.fatal
            else "pcdesk may not be able to open its window if Wayland is not available"
        )
        return (
            f"{lead}: Qt's X11 (xcb) support needs system libraries that are missing: "
            f"{', '.join(self.libraries)}.\n"
            f"On Debian or Ubuntu, install them with:\n\n    sudo apt install {packages}\n\n"
            "(Qt's own message may name only libxcb-cursor0, whatever is missing.)"
        )


def missing_xcb_libraries(
    environ: Mapping[str, str],
    *,
    platform: str = sys.platform,
    finder: Callable[[str], bool] | None = None,
) -> MissingLibraries | None:
    """The xcb libraries that cannot be found, when Qt is going to need them; else None.

    ``finder`` says whether a library can be loaded (``can_load`` unless a test injects one).
    """
    use = xcb_use(environ, platform)
    if use is XcbUse.NONE:
        return None
    found = finder or can_load
    missing = tuple(name for name in XCB_LIBRARIES if not found(name))
    return MissingLibraries(missing, use) if missing else None
