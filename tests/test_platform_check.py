"""Linux start-up: the libraries Qt's X11 plugin needs are checked before Qt aborts on them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pcdesk import platform_check
from pcdesk.platform_check import XCB_LIBRARIES, XcbUse, missing_xcb_libraries, xcb_use

X11 = {"DISPLAY": ":0"}
WAYLAND = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        (X11, "linux", XcbUse.ONLY),
        ({}, "linux", XcbUse.NONE),  # no screen: Qt fails on its own, nothing to say about xcb
        (WAYLAND, "linux", XcbUse.FALLBACK),
        ({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", XcbUse.NONE),
        ({**WAYLAND, "QT_QPA_PLATFORM": "xcb"}, "linux", XcbUse.ONLY),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", XcbUse.FALLBACK),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", XcbUse.NONE),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", XcbUse.ONLY),
        (X11, "darwin", XcbUse.NONE),
        (X11, "win32", XcbUse.NONE),
    ],
)
def test_when_qt_will_load_its_x11_plugin(
    environ: dict[str, str], platform: str, expected: XcbUse
) -> None:
    assert xcb_use(environ, platform) is expected


def test_missing_libraries_are_named_with_their_debian_packages() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    missing = missing_xcb_libraries(X11, platform="linux", finder=lambda name: name not in absent)
    assert missing is not None
    assert missing.fatal
    assert missing.libraries == ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert missing.packages == ("libxcb-icccm4", "libxcb-keysyms1")
    message = missing.message()
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert "libxcb-cursor0" not in message.split("(")[0]  # named only in the note on Qt's message


def test_nothing_is_said_when_everything_is_there_or_xcb_is_not_used() -> None:
    assert missing_xcb_libraries(X11, platform="linux", finder=lambda name: True) is None
    assert missing_xcb_libraries({}, platform="linux", finder=lambda name: False) is None


def test_in_a_wayland_session_a_missing_library_is_only_a_warning() -> None:
    missing = missing_xcb_libraries(WAYLAND, platform="linux", finder=lambda name: False)
    assert missing is not None
    assert not missing.fatal
    assert "if Wayland is not available" in missing.message()


def _needed(library: Path) -> set[str]:
    output = subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return {
        line.split("[", 1)[1].split("]", 1)[0] for line in output.splitlines() if "(NEEDED)" in line
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")
@pytest.mark.skipif(shutil.which("readelf") is None, reason="needs readelf (binutils)")
def test_the_list_covers_what_the_installed_qt_plugin_links_to() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    needed = _needed(qt / "plugins" / "platforms" / "libqxcb.so") | _needed(
        qt / "lib" / "libQt6XcbQpa.so.6"
    )
    x_libraries = {name for name in needed if name.startswith(("libxcb", "libxkb", "libX"))}
    assert x_libraries
    assert x_libraries <= set(XCB_LIBRARIES)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_pcdesk_says_what_to_install_on_stderr_and_in_its_log(tmp_path: Path) -> None:
    # A real start on an X11 screen that lacks two libraries: pcdesk must stop before Qt
    # aborts, and the user must find the packages to install in the terminal and in the log.
    script = textwrap.dedent(
        """
        import sys
        from pcdesk import app, platform_check
        real = platform_check.can_load
        absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
        platform_check.can_load = lambda name: name not in absent and real(name)
        sys.exit(app.main([]))
        """
    )
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"}
    }
    environ.update(
        DISPLAY=":0",
        HOME=str(tmp_path),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        LOCALAPPDATA=str(tmp_path / "local"),
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    logs = list(tmp_path.rglob("pcdesk.log"))
    assert len(logs) == 1
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in logs[0].read_text(encoding="utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux library names")
def test_the_real_finder_asks_the_dynamic_linker() -> None:
    assert platform_check.can_load("libc.so.6")
    assert not platform_check.can_load("libpcdesk-no-such-library.so.0")
