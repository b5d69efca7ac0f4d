"""Dialog sizes that fit the screen they open on.

A dialog asks for the size its content reads best at; on a 1366×768 or 1280×720 laptop that can be
taller than the screen, and a window manager then leaves its buttons below the bottom edge. Every
dialog with a large preferred size resizes through here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

TITLE_BAR = 40  # the window manager's frame comes on top of the size a dialog is given
# Its borders on the left and right together: a dialog as wide as the screen would lose them
# (and its right edge) off the side, as the import wizard did at 150 % on a 1280×720 screen.
SIDE_BORDERS = 8


def fitting(widget: QWidget | None, width: int, height: int) -> QSize:
    """`width`×`height`, or less where the screen of `widget` (or the primary one) has less room."""
    screen = (widget.screen() if widget is not None else None) or QApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - SIDE_BORDERS), min(height, room.height() - TITLE_BAR))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize a dialog to its preferred size, kept inside its screen's free area."""
    widget.resize(fitting(widget.parentWidget() or widget, width, height))
