"""Make the application icons from resources/icons/pcdesk.svg: a PNG per size for Linux, the
Windows .ico and the macOS .icns, all in packaging/icons (committed: the bundles need no Pillow).

    python packaging/make_icons.py        # after changing the SVG; needs Pillow and PySide6

Qt draws the SVG (the same renderer pcdesk uses for its window icon); Pillow writes .ico and
.icns, each holding every size drawn here rather than one picture scaled down.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "pcdesk.svg"
OUT = ROOT / "packaging" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
PNG_SIZES = (48, 128, 256)  # the .desktop file's hicolor sizes


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_RGBA8888)  # Pillow's RGBA byte order
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = bytes(image.constBits())
    return Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA", image.bytesPerLine(), 1)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in {*ICO_SIZES, *ICNS_SIZES, *PNG_SIZES}}
    for size in PNG_SIZES:
        images[size].save(OUT / f"pcdesk-{size}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "pcdesk.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    biggest = images[max(ICNS_SIZES)]
    biggest.save(
        OUT / "pcdesk.icns",
        append_images=[images[size] for size in ICNS_SIZES if size != max(ICNS_SIZES)],
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
