"""Render the application icon (resources/icons/pursuit.svg) at the sizes each OS wants.

    python tools/make_icons.py

Writes resources/icons/app/pursuit-<size>.png (16 … 1024), pursuit.ico (Windows) and
pursuit.icns (macOS). The generated files are committed so builds need no extra tools.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "pursuit.svg"
OUT = ROOT / "resources" / "icons" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(target: Path, pngs: list[Path]) -> None:
    """A multi-size .ico with PNG entries (Windows Vista and later read these)."""
    blobs = [png.read_bytes() for png in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for png, blob in zip(pngs, blobs, strict=True):
        size = QImage(str(png)).width()
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(str(OUT / f"pursuit-{size}.png"))
    write_ico(OUT / "pursuit.ico", [OUT / f"pursuit-{size}.png" for size in (16, 24, 32, 48, 256)])
    images[1024].save(str(OUT / "pursuit.icns"))
    print(f"wrote {len(images)} PNGs, pursuit.ico and pursuit.icns to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
