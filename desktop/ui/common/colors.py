"""The accent colours of UI-GUIDE.md that more than one screen paints with: the stage scale, and
the amber of warnings.

Board stripes, list dots, the workspace stepper and the dashboard's charts all draw stage n in
the same colour, so it is written once here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# The stage scale of UI-GUIDE.md, stage 1 → 8: cool to warm-green, read as progress.
STAGE_COLORS = (
    "#5B8FF9",
    "#5AD8A6",
    "#5D7092",
    "#F6BD16",
    "#E8684A",
    "#6DC8EC",
    "#9270CA",
    "#269A99",
)

# Stale, missing, duplicate, read-only: the warning amber, dark enough for text on white.
AMBER = "#B26A00"


def stage_color(stage: int) -> QColor:
    """Stage n's colour (1-based); a catalog with more stages wraps round the scale."""
    return QColor(STAGE_COLORS[(stage - 1) % len(STAGE_COLORS)])
