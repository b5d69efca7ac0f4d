"""The map as a picture: PNG for slides and chat, PDF (vector, A4 landscape) for print.

Exports draw a fresh scene of the document in the print style (white background, no selection or
handles) with a legend, so black-and-white copies still read: every colour on the map has a label,
an icon or a line pattern next to it in the legend.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from desktop.ui.common import format as fmt
from desktop.ui.common.pictures import NAME_HEIGHT_KEY
from desktop.ui.context import AppContext
from desktop.ui.stakeholder_map.document import MapDocument
from desktop.ui.stakeholder_map.scene import MapScene
from desktop.ui.stakeholder_map.style import MapStyle

MAP_MARGIN = 24.0
MAX_WIDTH_PX = 12_000  # a picture of a very wide map: about 140 MB of pixels at most


def print_scene(ctx: AppContext, document: MapDocument) -> tuple[MapScene, MapStyle]:
    """A behaviour-free scene of the document in the print style (for export and render)."""
    style = MapStyle(ctx.catalog, ctx.lang, printing=True)
    scene = MapScene(style, editable=False)
    scene.set_document(document)
    return scene, style


def title_of(document: MapDocument) -> str:
    parts = [p for p in (document.account_name, document.pursuit_title) if p]
    return " · ".join(parts)


# --- legend ------------------------------------------------------------------------------------


def _legend_entries(style: MapStyle) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Legend rows: (heading, [(kind of mark, key, label)])."""
    lang = style.lang
    return [
        (
            QCoreApplication.translate("StakeholderMapExport", "Relationship"),
            [("stage", item.key, item.label(lang)) for item in style.stages],
        ),
        (
            QCoreApplication.translate("StakeholderMapExport", "Lines"),
            [("line", item.key, item.label(lang)) for item in style.link_kinds],
        ),
        (
            QCoreApplication.translate("StakeholderMapExport", "Personality"),
            [("personality", item.key, item.label(lang)) for item in style.personalities],
        ),
        (
            QCoreApplication.translate("StakeholderMapExport", "Help wanted"),
            [("help", item.key, item.label(lang)) for item in style.wishes],
        ),
    ]


def legend_height(style: MapStyle, width: float) -> float:
    return _draw_legend(None, style, QRectF(0, 0, width, 10_000))


def draw_legend(painter: QPainter, style: MapStyle, rect: QRectF) -> float:
    return _draw_legend(painter, style, rect)


def _draw_legend(painter: QPainter | None, style: MapStyle, rect: QRectF) -> float:
    """Draw (or with no painter, measure) the legend in `rect`; returns the height used."""
    font = QFont(style.small_font)
    bold = QFont(style.badge_font)
    metrics = QFontMetricsF(font)
    bold_metrics = QFontMetricsF(bold)
    row_height = 22.0
    x, y = rect.left(), rect.top()
    for name, entries in _legend_entries(style):
        heading = QCoreApplication.translate("StakeholderMapExport", "{0}:").format(name)
        heading_width = bold_metrics.horizontalAdvance(heading) + 8
        needed = heading_width + sum(
            22 + metrics.horizontalAdvance(label) + 14 for _, _, label in entries
        )
        if x > rect.left() and x + min(needed, rect.width()) > rect.right():
            x, y = rect.left(), y + row_height
        if painter is not None:
            painter.setFont(bold)
            painter.setPen(style.text)
            painter.drawText(
                QRectF(x, y, heading_width, row_height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                heading,
            )
        x += heading_width
        for mark, key, label in entries:
            width = 22 + metrics.horizontalAdvance(label) + 14
            if x + width > rect.right() and x > rect.left():
                x, y = rect.left() + heading_width, y + row_height
            if painter is not None:
                _mark(painter, style, mark, key, QRectF(x, y + 3, 18, 16))
                painter.setFont(font)
                painter.setPen(style.text)
                painter.drawText(
                    QRectF(x + 22, y, width - 22, row_height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    label,
                )
            x += width
        x += 18
    return y + row_height - rect.top()


def _mark(painter: QPainter, style: MapStyle, mark: str, key: str, rect: QRectF) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mark == "stage":
        colour = style.relationship_colour(key)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect.adjusted(0, 2, 0, -2), 6, 6)
        rank = style.relationship_rank(key)
        painter.setBrush(QColor("#FFFFFF"))
        for index in range(rank + 1):
            painter.drawEllipse(QPointF(rect.left() + 4 + index * 3.4, rect.center().y()), 1.2, 1.2)
    elif mark == "line":
        pen = style.link_pen(key, 2.0)
        painter.setPen(pen)
        y = rect.center().y()
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right() - 3, y))
        if key != "ally_of":
            colour = style.link_colour(key)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(colour)
            tip = QPointF(rect.right() + 1, y)
            painter.drawPolygon(
                QPolygonF([tip, QPointF(tip.x() - 7, y - 3.5), QPointF(tip.x() - 7, y + 3.5)])
            )
    elif mark == "personality":
        renderer = style.personality_renderer(key)
        if renderer is not None:
            side = min(rect.width(), rect.height()) + 2
            renderer.render(painter, QRectF(rect.left(), rect.top() - 1, side, side))
    elif mark == "help":
        renderer = style.help_renderer(key)
        if renderer is not None:
            renderer.render(painter, QRectF(rect.left(), rect.top(), 16, 16))
    painter.restore()


# --- images ------------------------------------------------------------------------------------


def name_height(style: MapStyle) -> float:
    """The em height of the names on a card, in scene units (96 per inch at scale 1)."""
    font = style.name_font
    return float(font.pixelSize()) if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72


def compose(
    scene: MapScene,
    style: MapStyle,
    width_px: int,
    *,
    header: str = "",
    legend: bool = True,
    max_scale: float = 2.0,
    min_scale: float = 0.0,
) -> QImage | None:
    """The map scaled to `width_px` wide, with an optional header line and legend; wider when
    that would draw it at less than `min_scale` picture pixels per scene unit (a printout that
    must print a wide map's names legibly needs the pixels for them), up to MAX_WIDTH_PX."""
    source = scene.people_rect()
    if source.isEmpty() or width_px < 50:
        return None
    source = source.adjusted(-MAP_MARGIN, -MAP_MARGIN, MAP_MARGIN, MAP_MARGIN)
    if min_scale > 0 and width_px < source.width() * min_scale:
        width_px = min(MAX_WIDTH_PX, math.ceil(source.width() * min_scale))
    scale = min(max_scale, width_px / source.width())
    # Header and legend are laid out at a logical width and scaled like the map, so their text
    # has the same size relative to the cards whatever the picture's width.
    ui_scale = max(scale, width_px / 1400.0)
    logical_width = width_px / ui_scale
    header_height = 34.0 if header else 0.0
    legend_h = legend_height(style, logical_width - 2 * MAP_MARGIN) + 16 if legend else 0.0
    map_height = source.height() * scale
    height = round(map_height + (header_height + legend_h) * ui_scale)
    image = QImage(int(width_px), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(int(96 / 0.0254 * max(1.0, scale)))
    image.setDotsPerMeterY(int(96 / 0.0254 * max(1.0, scale)))
    image.fill(QColor("#FFFFFF"))
    # How tall the names come out in this picture, so a printout that scales it (the visit plan)
    # can tell the point size it prints them at and keep them legible.
    image.setText(NAME_HEIGHT_KEY, f"{name_height(style) * scale:.4f}")
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    if header:
        painter.save()
        painter.scale(ui_scale, ui_scale)
        font = QFont(style.name_font)
        font.setPixelSize(16)
        painter.setFont(font)
        painter.setPen(style.text)
        painter.drawText(
            QRectF(MAP_MARGIN, 8, logical_width - 2 * MAP_MARGIN, 24),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            header,
        )
        painter.restore()
    top = header_height * ui_scale
    map_width = source.width() * scale
    target = QRectF((width_px - map_width) / 2, top, map_width, map_height)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    if legend:
        painter.save()
        painter.scale(ui_scale, ui_scale)
        legend_top = (top + map_height) / ui_scale + 6
        painter.setPen(QPen(style.card_border, 0.8))
        painter.drawLine(
            QPointF(MAP_MARGIN, legend_top), QPointF(logical_width - MAP_MARGIN, legend_top)
        )
        draw_legend(
            painter,
            style,
            QRectF(MAP_MARGIN, legend_top + 6, logical_width - 2 * MAP_MARGIN, legend_h),
        )
        painter.restore()
    painter.end()
    return image


def export_png(ctx: AppContext, document: MapDocument, path: Path | str) -> bool:
    """Write the map as a PNG at twice its on-screen size (crisp on slides and HiDPI screens)."""
    scene, style = print_scene(ctx, document)
    source = scene.people_rect()
    if source.isEmpty():
        return False
    width = int(min(8000, (source.width() + 2 * MAP_MARGIN) * 2))
    image = compose(scene, style, width, header=_header(document))
    # PySide6 takes the format as a str at run time (bytes fail); its stub says bytes.
    saved = image is not None and image.save(str(path), "PNG")  # type: ignore[call-overload]
    return bool(saved)


def export_pdf(ctx: AppContext, document: MapDocument, path: Path | str) -> bool:
    """Write the map on one A4 landscape page (vector, searchable text) with header and legend."""
    scene, style = print_scene(ctx, document)
    source = scene.people_rect()
    if source.isEmpty():
        return False
    source = source.adjusted(-MAP_MARGIN, -MAP_MARGIN, MAP_MARGIN, MAP_MARGIN)
    writer = QPdfWriter(str(path))
    writer.setTitle(_header(document))
    writer.setCreator("Pursuit")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    if not painter.isActive():
        return False
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    # Draw in 96-dpi units (the scene's), scaled to the writer's resolution.
    unit = writer.resolution() / 96.0
    painter.scale(unit, unit)
    width, height = page.width() / unit, page.height() / unit
    title_font = QFont(style.name_font)
    title_font.setPixelSize(18)
    small = QFont(style.small_font)
    painter.setFont(title_font)
    painter.setPen(style.text)
    painter.drawText(
        QRectF(0, 0, width, 26),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        _header(document),
    )
    painter.setFont(small)
    painter.setPen(style.muted)
    painter.drawText(
        QRectF(0, 0, width, 26),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        fmt.long_date(date.today(), style.lang),
    )
    painter.setPen(QPen(style.card_border, 0.8))
    painter.drawLine(QPointF(0, 32), QPointF(width, 32))
    legend_h = legend_height(style, width)
    footer = 18.0
    map_area = QRectF(0, 40, width, height - 40 - legend_h - 14 - footer)
    scale = min(map_area.width() / source.width(), map_area.height() / source.height(), 1.0)
    size = QSizeF(source.width() * scale, source.height() * scale)
    target = QRectF(QPointF(map_area.center().x() - size.width() / 2, map_area.top()), size)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    legend_top = map_area.bottom() + 8
    painter.setPen(QPen(style.card_border, 0.8))
    painter.drawLine(QPointF(0, legend_top), QPointF(width, legend_top))
    draw_legend(painter, style, QRectF(0, legend_top + 6, width, legend_h))
    painter.setFont(small)
    painter.setPen(style.muted)
    painter.drawText(
        QRectF(0, height - footer, width, footer),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        "1 / 1",
    )
    painter.end()
    return True


def _header(document: MapDocument) -> str:
    title = title_of(document)
    label = QCoreApplication.translate("StakeholderMapExport", "Stakeholder map")
    return f"{label} — {title}" if title else label
