"""The charts' colours from a Qt palette: the Dashboard's look (`Dashboard.look`), and the colours
the app's warm-up draws the first figures in (`charts.ahead`). Only Qt: no matplotlib here."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def _blend(color: QColor, into: QColor, share: float) -> str:
    """`color` moved `share` of the way towards `into`, as #rrggbb."""
    mixed = [
        round(a + (b - a) * share)
        for a, b in zip(
            (color.red(), color.green(), color.blue()),
            (into.red(), into.green(), into.blue()),
            strict=True,
        )
    ]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def theme_colors(palette: QPalette) -> tuple[str, str, str, str]:
    """The fields of `figures.Theme` (text, muted, grid, background) as #rrggbb."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    # Muted text and grid lines are the text colour faded into the background, so they work on
    # a light and on a dark theme alike (the palette's own roles carry alpha).
    return text.name(), _blend(text, base, 0.42), _blend(text, base, 0.84), base.name()
