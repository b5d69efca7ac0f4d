"""The map of a pursuit as a picture, for other screens and printouts (the visit plan embeds it).

Headless-safe: it builds its own document and scene and never shows a window, so it works under
`QT_QPA_PLATFORM=offscreen` and from the command line (a QApplication must exist, as for any
QtWidgets drawing).
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from desktop.ui.context import AppContext
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.export import compose, print_scene

# Picture pixels per scene unit a printout needs at least: names 14 units high become 21 pixels,
# about 220 dpi when they print at 7 pt.
PRINT_MIN_SCALE = 1.5


def render_map(
    ctx: AppContext, pursuit_id: str, width_px: int, *, legend: bool = True, min_scale: float = 0.0
) -> QImage | None:
    """The pursuit's stakeholder map `width_px` wide with its legend (white background, print
    colours), wider for a wide map when `min_scale` asks (see `export.compose`); None when the
    pursuit has nobody on the map (or does not exist)."""
    document = MapDocument(ctx, listen=False)  # owned by Python: freed when this returns
    document.set_pursuit(pursuit_id)
    if document.missing or not len(document):
        return None
    scene, style = print_scene(ctx, document)
    image = compose(scene, style, int(width_px), legend=legend, min_scale=min_scale)
    scene.set_document(None)
    scene.clear()
    return image
