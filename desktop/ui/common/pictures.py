"""Pictures one screen draws for another's printout, handed over by the composition root.

The visit plan prints the stakeholder map, which the map's package draws. The plan must not
import that package (screens never import each other), so the composition root
(`desktop.ui.screens`) provides the drawing here and the plan asks for it; with none provided
the plan prints without a map.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

# (ctx, pursuit id, width in pixels) -> the map as a picture (wider for a wide map, so its names
# have the pixels to print legibly), or None when there is nobody on it.
MapPicture = Callable[["AppContext", str, int], QImage | None]

_map_picture: list[MapPicture] = []

# The picture's text entry (QImage.text) giving the em height, in the picture's own pixels, of
# the names on the map: how a printout knows the size it prints them at and keeps them legible.
NAME_HEIGHT_KEY = "pursuit-name-height-px"


def provide_map_picture(draw: MapPicture | None) -> None:
    """Set (or, with None, remove) what draws a pursuit's stakeholder map."""
    _map_picture[:] = [draw] if draw is not None else []


def map_picture() -> MapPicture | None:
    """What draws a pursuit's stakeholder map, when the window provides one."""
    return _map_picture[0] if _map_picture else None
