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


def render_map(
    ctx: AppContext, pursuit_id: str, width_px: int, *, legend: bool = True
) -> QImage | None:
    """The pursuit's stakeholder map `width_px` wide with its legend (white background, print
    colours); None when the pursuit has nobody on the map (or does not exist)."""
    document = MapDocument(ctx, listen=False)  # owned by Python: freed when this returns
    document.set_pursuit(pursuit_id)
    if document.missing or not len(document):
        return None
    scene, style = print_scene(ctx, document)
    image = compose(scene, style, int(width_px), legend=legend)
    scene.set_document(None)
    scene.clear()
    return image
