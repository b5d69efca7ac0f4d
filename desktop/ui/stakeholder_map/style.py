"""How the map looks: card size, colours, fonts and icons, shared by the items, export and render.

Colours come from the catalog (relationship stages) and from UI-GUIDE.md; every colour is paired
with a label, an icon or a line pattern so a black-and-white printout still reads. On screen the
card and text colours follow the system palette (light or dark); for export and print a fixed
light palette is used.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop.domain.methodology import Catalog
from desktop.infra import paths

CARD_WIDTH = 216.0
CARD_HEIGHT = 104.0
HANDLE_RADIUS = 6.0
GRID = 8.0  # keyboard nudges and the background dots use this step

# Accents (UI-GUIDE.md "Colour and type"); each always comes with a label or a pattern.
LINK_COLOURS = {
    "reports_to": "#455A64",
    "influences": "#6A3FB5",
    "ally_of": "#2E7D32",
    "opposes": "#C62828",
}
# Dash patterns in pen-width units: influences dashed, ally dash-dot, opposes short dashes.
LINK_DASHES: dict[str, list[float] | None] = {
    "reports_to": None,
    "influences": [5.0, 3.0],
    "ally_of": [7.0, 2.5, 1.2, 2.5],
    "opposes": [2.2, 2.0],
}
ROLE_COLOURS = {
    "insider": "#00796B",
    "initiator": "#7B1FA2",
    "designer": "#283593",
    "evaluator": "#5D4037",
    "decision_maker": "#263238",
}
RELATIONSHIP_FALLBACK = "#9E9E9E"
MISSING = "#C62828"


def icon_path(*parts: str) -> Path:
    return paths.icons_dir().joinpath(*parts)


@lru_cache(maxsize=64)
def _svg(path: str, colour: str | None) -> QSvgRenderer:
    """A renderer for an SVG file, its placeholder black recoloured to `colour` when given."""
    data = Path(path).read_bytes()
    if colour:
        data = data.replace(b"#000000", colour.encode("ascii"))
    return QSvgRenderer(QByteArray(data))


def svg_renderer(path: Path, colour: str | None = None) -> QSvgRenderer | None:
    if not path.exists():
        return None
    renderer = _svg(str(path), colour)
    return renderer if renderer.isValid() else None


def svg_icon(name: str, colour: str | None = None) -> QIcon:
    """A toolbar icon from resources/icons/map, drawn in the palette's text colour (crisp at any
    scaling: rendered at 1x, 2x and 3x)."""
    if colour is None:
        app = QApplication.instance()
        colour = (
            app.palette().color(QPalette.ColorRole.WindowText).name()  # type: ignore[attr-defined]
            if app is not None
            else "#333333"
        )
    renderer = svg_renderer(icon_path("map", f"{name}.svg"), colour)
    icon = QIcon()
    if renderer is None:
        return icon
    for size in (16, 24, 32, 48, 72):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def personality_icon(key: str) -> QIcon:
    renderer = svg_renderer(icon_path("personality", f"{key}.svg"))
    icon = QIcon()
    if renderer is None:
        return icon
    for size in (16, 24, 32, 48):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def swatch_icon(colour: str, *, line: str | None = None) -> QIcon:
    """A small colour swatch (relationship stage) or line sample (link kind) for menus/combos."""
    image = QImage(32, 32, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if line is None:
        painter.setPen(QPen(QColor(colour).darker(130), 2))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(5, 5, 22, 22))
    else:
        pen = QPen(QColor(colour), 3.5)
        dashes = LINK_DASHES.get(line)
        if dashes:
            pen.setDashPattern(dashes)
        painter.setPen(pen)
        painter.drawLine(2, 16, 30, 16)
    painter.end()
    return QIcon(QPixmap.fromImage(image))


class MapStyle:
    """Everything a card or a line needs to draw itself, in one language."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        *,
        palette: QPalette | None = None,
        printing: bool = False,
    ) -> None:
        self.catalog = catalog
        self.lang = lang
        self.printing = printing
        self.roles = catalog.vocab("buying_roles")
        self.stages = catalog.vocab("relationship_stages")
        self.personalities = catalog.vocab("personality_types")
        self.wishes = catalog.vocab("help_wanted")
        self.link_kinds = catalog.vocab("link_kinds")
        self.role_keys = self.roles.keys()
        self.help_keys = self.wishes.keys()
        self.stage_keys = self.stages.keys()
        self.personality_keys = self.personalities.keys()
        self._personality_renderers: dict[str, QSvgRenderer | None] = {}
        self._help_renderers: dict[str, QSvgRenderer | None] = {}
        self._pens: dict[tuple[str, float], QPen] = {}
        if printing or palette is None:
            self.card = QColor("#FFFFFF")
            self.card_border = QColor("#B0BEC5")
            self.text = QColor("#1F2933")
            self.muted = QColor("#5F6B76")
            self.background = QColor("#FFFFFF")
            self.highlight = QColor("#1E88E5")
            self.label_background = QColor("#FFFFFF")
        else:
            self.card = palette.color(QPalette.ColorRole.Base)
            self.text = palette.color(QPalette.ColorRole.Text)
            self.muted = palette.color(QPalette.ColorRole.PlaceholderText)
            if self.muted.alpha() < 128 or self.muted == self.text:
                self.muted = QColor(self.text)
                self.muted.setAlphaF(0.65)
            self.card_border = palette.color(QPalette.ColorRole.Mid)
            self.background = palette.color(QPalette.ColorRole.Window)
            self.highlight = palette.color(QPalette.ColorRole.Highlight)
            self.label_background = palette.color(QPalette.ColorRole.Base)
        self.dark = self.card.lightness() < 128
        base = QFont(QApplication.font()) if QApplication.instance() else QFont()
        self.name_font = self._font(base, 14, bold=True)
        self.text_font = self._font(base, 12)
        self.small_font = self._font(base, 11)
        self.badge_font = self._font(base, 11, bold=True)
        self.tiny_font = self._font(base, 10)

    @staticmethod
    def _font(base: QFont, pixels: int, *, bold: bool = False) -> QFont:
        font = QFont(base)
        font.setPixelSize(pixels)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
        return font

    # --- vocabulary ---------------------------------------------------------------------------
    def relationship_colour(self, key: str) -> QColor:
        item = self.stages.get(key)
        return QColor(item.color if item and item.color else RELATIONSHIP_FALLBACK)

    def relationship_label(self, key: str) -> str:
        return self.stages.label(key, self.lang)

    def relationship_rank(self, key: str) -> int:
        """0 for the first stage (认识) … 3 for the last (同盟)."""
        return self.stages.index(key) if key in self.stages else 0

    def role_label(self, key: str) -> str:
        return self.roles.label(key, self.lang)

    def role_colour(self, key: str) -> QColor:
        colour = QColor(ROLE_COLOURS.get(key, "#455A64"))
        return colour.lighter(190) if self.dark else colour

    def personality_label(self, key: str | None) -> str:
        return self.personalities.label(key, self.lang) if key else ""

    def personality_renderer(self, key: str | None) -> QSvgRenderer | None:
        if not key:
            return None
        if key not in self._personality_renderers:
            self._personality_renderers[key] = svg_renderer(icon_path("personality", f"{key}.svg"))
        return self._personality_renderers[key]

    def help_label(self, key: str) -> str:
        return self.wishes.label(key, self.lang)

    def help_renderer(self, key: str) -> QSvgRenderer | None:
        if key not in self._help_renderers:
            self._help_renderers[key] = svg_renderer(
                icon_path("map", f"help-{key}.svg"), self.muted.name()
            )
        return self._help_renderers[key]

    def link_label(self, kind: str) -> str:
        return self.link_kinds.label(kind, self.lang)

    def link_colour(self, kind: str) -> QColor:
        colour = QColor(LINK_COLOURS.get(kind, "#455A64"))
        if self.dark:
            colour = colour.lighter(170)
        return colour

    def link_pen(self, kind: str, width: float = 1.8) -> QPen:
        cached = self._pens.get((kind, width))
        if cached is not None:
            return cached
        pen = QPen(self.link_colour(kind), width)  # width 0: a cosmetic one-pixel line
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        dashes = LINK_DASHES.get(kind)
        if dashes:
            pen.setDashPattern(dashes)
        self._pens[(kind, width)] = pen
        return pen
