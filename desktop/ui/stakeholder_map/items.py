"""The map's graphics items: a person's card, its link handle, reports-to lines and links.

Items draw what the document holds and nothing else: a card shows one `MapPerson`, a line joins
two cards. They are painted by hand (no child widgets) and cached per card, so a map of hundreds
of people opens and drags smoothly.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.services.stakeholder_map import MapLink, MapPerson
from desktop.ui.stakeholder_map.style import (
    CARD_HEIGHT,
    CARD_WIDTH,
    HANDLE_RADIUS,
    MapStyle,
)

# Cards keep the default z (0): setting it would cost a call into Python per card.
SELECTED_Z = 1.0
LINK_Z = -1.0
REPORTS_Z = -2.0
LABEL_Z = 0.5  # above cards: a label is placed clear of cards, and if it cannot be, it shows
_MOVED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_SELECTED = QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged
# The first item type free for applications; each item class below says its own `type()`.
_USER_TYPE: int = QGraphicsItem.UserType  # type: ignore[attr-defined]  # missing from PySide6's stub

_ICON = QRectF(13, 10, 36, 36)
_TEXT_LEFT = 60.0
_CARD_BOUNDS = QRectF(-4, -4, CARD_WIDTH + 8, CARD_HEIGHT + 8)
_CARD_SHAPE = QPainterPath()
_CARD_SHAPE.addRoundedRect(QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT), 8, 8)


class PersonItem(QGraphicsItem):
    """A person's card: name, title, personality icon, relationship chip, roles, help wanted."""

    Type = _USER_TYPE + 1

    # Plain QGraphicsItems (no QObject each), no per-item tooltip or cursor set up front: a map
    # of hundreds of people opens in a fraction of the time (the scene answers tooltips, and the
    # cursor is set on first hover).
    def __init__(self, person: MapPerson, style: MapStyle, *, editable: bool = True) -> None:
        super().__init__()
        self.person = person
        self.style = style
        self.edges: list[EdgeItem] = []
        self._hovered = False
        self._drop_target = False
        flags = QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        if editable:
            flags |= (
                QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            )
            self.setAcceptHoverEvents(True)
        self.setFlags(flags)
        if not style.printing:
            # Cached as a pixmap on screen (fast drags); drawn as vectors for print and export,
            # so a PDF keeps searchable text.
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.editable = editable
        self._handle: LinkHandle | None = None  # made on first hover or selection
        self.set_person(person)

    def type(self) -> int:
        return self.Type

    @property
    def person_id(self) -> str:
        return self.person.id

    def set_person(self, person: MapPerson) -> None:
        self.person = person
        if self.pos().x() != person.x or self.pos().y() != person.y:
            self.setPos(person.x, person.y)
        self.update()

    def tooltip(self) -> str:
        return self._tooltip()

    @property
    def handle(self) -> LinkHandle | None:
        """The link handle (None on a card that cannot be edited)."""
        if self._handle is None and self.editable:
            self._handle = LinkHandle(self)
        return self._handle

    def centre(self) -> QPointF:
        return self.pos() + QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)

    def card_rect(self) -> QRectF:
        """The card in scene coordinates."""
        return QRectF(self.pos().x(), self.pos().y(), CARD_WIDTH, CARD_HEIGHT)

    def set_drop_target(self, on: bool) -> None:
        if self._drop_target != on:
            self._drop_target = on
            self.update()

    # --- geometry ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return _CARD_BOUNDS

    def shape(self) -> QPainterPath:
        return _CARD_SHAPE

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == _MOVED:
            scene = self.scene()
            if scene is not None and hasattr(scene, "card_moved"):
                scene.card_moved(self)
            for edge in self.edges:
                edge.adjust()
        elif change == _SELECTED:
            self.setZValue(SELECTED_Z if value else 0.0)
            if value or self._handle is not None:
                handle = self.handle
                if handle is not None:
                    handle.setVisible(bool(value) or self._hovered)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        if not self.hasCursor():
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self.handle is not None:
            self.handle.setVisible(True)
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        if self._handle is not None:
            self._handle.setVisible(self.isSelected())
        self.update()
        super().hoverLeaveEvent(event)

    # --- painting ---------------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        person = self.person
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        card = QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)
        colour = style.relationship_colour(person.relationship)

        # A soft shadow, the card, and the relationship stripe down its left edge.
        if not style.printing:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 60 if style.dark else 22))
            painter.drawRoundedRect(card.translated(0, 2), 8, 8)
        selected = self.isSelected()
        if selected or self._drop_target:
            border = QPen(style.highlight, 2.4)
        elif self._hovered:
            border = QPen(style.highlight.lighter(130), 1.4)
        else:
            border = QPen(style.card_border, 1.0)
        painter.setPen(border)
        painter.setBrush(style.card)
        painter.drawRoundedRect(card, 8, 8)
        stripe = QPainterPath()
        stripe.addRoundedRect(card, 8, 8)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, 6, CARD_HEIGHT))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(stripe.intersected(clip))

        if QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) < 0.4:
            # Zoomed far out the details cannot be read: the name, large, is what helps.
            font = QFont(style.name_font)
            font.setPixelSize(26)
            painter.setFont(font)
            painter.setPen(style.text)
            painter.drawText(
                card.adjusted(14, 4, -8, -4),
                Qt.AlignmentFlag.AlignCenter,
                QFontMetricsF(font).elidedText(person.name, Qt.TextElideMode.ElideRight, 190),
            )
            return

        self._paint_personality(painter)
        self._paint_relationship(painter, colour)

        # Name, then title · department, each across the card (long English titles fit too).
        painter.setPen(style.text)
        painter.setFont(style.name_font)
        name_metrics = QFontMetricsF(style.name_font)
        name_width = CARD_WIDTH - _TEXT_LEFT - 10
        painter.drawText(
            QRectF(_TEXT_LEFT, 8, name_width, 20),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name_metrics.elidedText(person.name, Qt.TextElideMode.ElideRight, name_width),
        )
        subtitle = " · ".join(part for part in (person.title, person.department) if part)
        if subtitle:
            painter.setPen(style.muted)
            painter.setFont(style.small_font)
            width = CARD_WIDTH - _TEXT_LEFT - 10
            painter.drawText(
                QRectF(_TEXT_LEFT, 29, width, 16),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(style.small_font).elidedText(
                    subtitle, Qt.TextElideMode.ElideRight, width
                ),
            )
        help_left = self._paint_help(painter)
        self._paint_roles(painter, help_left)
        if person.conflicts:
            self._paint_conflict(painter)

    def _paint_personality(self, painter: QPainter) -> None:
        style = self.style
        renderer = style.personality_renderer(self.person.personality)
        if renderer is not None:
            renderer.render(painter, _ICON)
            label = style.personality_label(self.person.personality)
            painter.setPen(style.muted)
        else:
            pen = QPen(style.muted, 1.2)
            pen.setDashPattern([2.5, 2.0])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(_ICON.adjusted(3, 3, -3, -3))
            painter.setFont(style.name_font)
            painter.drawText(_ICON, Qt.AlignmentFlag.AlignCenter, "?")
            label = ""
        if label:
            painter.setFont(style.tiny_font)
            painter.drawText(
                QRectF(4, _ICON.bottom() + 1, _ICON.right() + 5, 13),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )

    def _paint_relationship(self, painter: QPainter, colour: QColor) -> None:
        """The stage chip (label on colour) and, after it, pips for how far it has come."""
        style = self.style
        label = style.relationship_label(self.person.relationship)
        metrics = QFontMetricsF(style.badge_font)
        width = metrics.horizontalAdvance(label) + 14
        chip = QRectF(_TEXT_LEFT, 50, width, 18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, 9, 9)
        painter.setPen(QColor("#FFFFFF") if colour.lightness() < 170 else QColor("#1F2933"))
        painter.setFont(style.badge_font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        rank = style.relationship_rank(self.person.relationship)
        stages = len(style.stages) or 4
        pip = 6.0
        gap = 3.0
        left = chip.right() + 7
        for index in range(stages):
            rect = QRectF(left + index * (pip + gap), chip.center().y() - pip / 2, pip, pip)
            if index <= rank:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
            else:
                painter.setPen(QPen(style.card_border, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)

    def _paint_help(self, painter: QPainter) -> float:
        """Icons for the help wanted, right-aligned on the bottom row; returns their left edge."""
        style = self.style
        keys = [k for k in style.help_keys if k in self.person.help]
        right = CARD_WIDTH - 10
        size = 17.0
        for key in reversed(keys):
            renderer = style.help_renderer(key)
            rect = QRectF(right - size, CARD_HEIGHT - size - 9, size, size)
            if renderer is not None:
                renderer.render(painter, rect)
            right -= size + 4
        return right

    def _paint_roles(self, painter: QPainter, limit: float) -> None:
        style = self.style
        keys = [k for k in style.role_keys if k in self.person.roles]
        if not keys:
            return
        metrics = QFontMetricsF(style.badge_font)
        x = 10.0
        y = CARD_HEIGHT - 27
        painter.setFont(style.badge_font)
        for index, key in enumerate(keys):
            label = style.role_label(key)
            width = metrics.horizontalAdvance(label) + 12
            rest = len(keys) - index - 1
            more_width = metrics.horizontalAdvance(f"+{rest}") + 10 if rest else 0
            if x + width + (more_width + 4 if rest else 0) > limit - 2:
                self._badge(painter, QRectF(x, y, more_width or 24, 18), f"+{rest + 1}", None)
                return
            self._badge(painter, QRectF(x, y, width, 18), label, style.role_colour(key))
            x += width + 4

    def _badge(self, painter: QPainter, rect: QRectF, text: str, colour: QColor | None) -> None:
        style = self.style
        if colour is None:
            painter.setPen(QPen(style.card_border, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(style.muted)
        else:
            tint = QColor(colour)
            tint.setAlphaF(0.16 if not style.dark else 0.3)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(tint)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(colour if not style.dark else style.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_conflict(self, painter: QPainter) -> None:
        rect = QRectF(CARD_WIDTH - 24, 52, 14, 13)
        triangle = QPolygonF(
            [
                QPointF(rect.center().x(), rect.top()),
                QPointF(rect.right(), rect.bottom()),
                QPointF(rect.left(), rect.bottom()),
            ]
        )
        painter.setPen(QPen(QColor("#8D6E00"), 1))
        painter.setBrush(QColor("#FBC02D"))
        painter.drawPolygon(triangle)
        painter.setPen(QColor("#3E2723"))
        painter.setFont(self.style.tiny_font)
        painter.drawText(rect.adjusted(0, 2, 0, 1), Qt.AlignmentFlag.AlignCenter, "!")

    def _tooltip(self) -> str:
        style = self.style
        person = self.person
        lines = [f"<b>{_html(person.name)}</b>"]
        subtitle = " · ".join(p for p in (person.title, person.department) if p)
        if subtitle:
            lines.append(_html(subtitle))
        lines.append(_html(style.relationship_label(person.relationship)))
        if person.personality:
            item = style.personalities.get(person.personality)
            deal = (
                item.text("how_to_deal", style.lang)
                if item and item.get_text("how_to_deal")
                else ""
            )
            lines.append(
                f"{_html(style.personality_label(person.personality))}"
                + (f" — {_html(deal)}" if deal else "")
            )
        roles = [style.role_label(k) for k in style.role_keys if k in person.roles]
        if roles:
            lines.append(_html(" · ".join(roles)))
        wishes = [style.help_label(k) for k in style.help_keys if k in person.help]
        if wishes:
            lines.append(_html(" · ".join(wishes)))
        if person.next_step:
            lines.append(f"→ {_html(person.next_step)}")
        return "<br>".join(lines)


class LinkHandle(QGraphicsItem):
    """The dot on a card's right edge: drag it onto another card to draw a link."""

    Type = _USER_TYPE + 2

    def __init__(self, card: PersonItem) -> None:
        super().__init__(card)
        self.card = card
        self.setPos(CARD_WIDTH, CARD_HEIGHT / 2)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAcceptHoverEvents(True)
        self.setVisible(False)
        self._hovered = False

    def type(self) -> int:
        return self.Type

    def boundingRect(self) -> QRectF:
        r = HANDLE_RADIUS + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = HANDLE_RADIUS + 3  # a little larger than drawn: easier to grab
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.card.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = HANDLE_RADIUS + (1.5 if self._hovered else 0)
        painter.setPen(QPen(style.card, 2))
        painter.setBrush(style.highlight)
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(QPen(style.card, 1.6))
        painter.drawLine(QPointF(-r / 2, 0), QPointF(r / 2, 0))
        painter.drawLine(QPointF(0, -r / 2), QPointF(0, r / 2))


class EdgeItem(QGraphicsItem):
    """A line between two cards, with an optional arrow head and label."""

    def __init__(self, source: PersonItem, target: PersonItem, style: MapStyle) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.style = style
        self.path = QPainterPath()
        self.arrow = QPolygonF()
        self.label_rect = QRectF()
        self.label_text = ""
        self.label_width = 0.0
        self.curve: tuple[QPointF, QPointF, QPointF] | None = None  # a quadratic curve's points
        self.label: LinkLabel | None = None
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        source.edges.append(self)
        target.edges.append(self)

    def detach(self) -> None:
        for card in (self.source, self.target):
            if self in card.edges:
                card.edges.remove(self)

    def retarget(self, source: PersonItem, target: PersonItem) -> None:
        self.detach()
        self.source, self.target = source, target
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def kind(self) -> str:
        raise NotImplementedError

    def geometry(self) -> tuple[QPainterPath, QPointF, QPointF]:
        """The line, the arrow's tip and the direction it points from (override)."""
        raise NotImplementedError

    def adjust(self) -> None:
        self.prepareGeometryChange()
        path, tip, towards = self.geometry()
        self.path = path
        self.arrow = _arrow(tip, towards, 9.0) if self.has_arrow() else QPolygonF()
        self.label_rect = self._label_rect()
        if self.label is not None:
            self.label.set_rect(self.label_rect)
        self._shape = None  # made when first asked for (hit tests), not on every move
        bounds = path.controlPointRect().united(self.arrow.boundingRect())
        self._bounds = bounds.adjusted(-6, -6, 6, 6)

    def point_at(self, t: float) -> QPointF:
        """A point along the line (t from 0 to 1): exact on a curve, cheap to compute."""
        if self.curve is None:
            return self.path.pointAtPercent(t)
        a, c, b = self.curve
        u = 1.0 - t
        return a * (u * u) + c * (2 * u * t) + b * (t * t)

    def has_arrow(self) -> bool:
        return True

    def _label_rect(self) -> QRectF:
        """The label sits mid-line, or nearer an end when a card would hide the middle."""
        if not self.label_text:
            return QRectF()
        if not self.label_width:
            metrics = QFontMetricsF(self.style.tiny_font)
            self.label_width = metrics.horizontalAdvance(self.label_text) + 12
        width = self.label_width
        covered = getattr(self.scene(), "covered_by_card", None)
        best, best_area = QRectF(), float("inf")
        for percent in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
            centre = self.point_at(percent)
            rect = QRectF(centre.x() - width / 2, centre.y() - 9, width, 18)
            area = covered(rect) if covered is not None else 0.0
            if area <= 0.0:
                return rect
            if area < best_area:
                best, best_area = rect, area
        return best

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.path)
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = style.link_colour(self.kind())
        if self.isSelected():
            halo = QColor(style.highlight)
            halo.setAlphaF(0.35)
            painter.setPen(QPen(halo, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path)
        zoomed_out = (
            QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) < 0.55
        )
        if zoomed_out and not self.isSelected():
            # A 1.8 unit line is under a pixel wide here: a one-pixel line looks the same and
            # takes the raster engine's fast path (a big map zoomed out paints many lines).
            pen = style.link_pen(self.kind(), 0.0)
        else:
            pen = style.link_pen(self.kind(), 2.6 if self.isSelected() else 1.8)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        if not self.arrow.isEmpty():
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(colour)
            painter.drawPolygon(self.arrow)
        self.paint_ends(painter, colour)

    def paint_ends(self, painter: QPainter, colour: QColor) -> None:
        """Extra end marks (an alliance's dots); nothing by default."""


class ReportsLineItem(EdgeItem):
    """The org chart's solid arrow from a person up to their manager (`reports_to_id`).

    When the report sits below the manager it is drawn as an elbow (down from the manager, across,
    down to the report), so a manager's reports share one trunk like a printed org chart.
    """

    Type = _USER_TYPE + 3

    def __init__(self, report: PersonItem, manager: PersonItem, style: MapStyle) -> None:
        super().__init__(report, manager, style)
        self.setZValue(REPORTS_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.adjust()

    def type(self) -> int:
        return self.Type

    @property
    def person_id(self) -> str:
        return self.source.person_id

    def kind(self) -> str:
        return "reports_to"

    def tooltip(self) -> str:
        label = self.style.link_label("reports_to")
        return _html(f"{self.source.person.name} {label} {self.target.person.name}")

    def geometry(self) -> tuple[QPainterPath, QPointF, QPointF]:
        report = self.source.card_rect()
        manager = self.target.card_rect()
        path = QPainterPath()
        trunk = manager.left() + 14
        if (
            report.top() >= manager.bottom() + 8
            and trunk + 8 <= report.left() <= manager.center().x()
        ):
            # A hanging column (indented under the manager): down the left, then across.
            top = QPointF(trunk, manager.bottom())
            y = report.center().y()
            path.moveTo(report.left(), y)
            path.lineTo(trunk, y)
            path.lineTo(top)
            return path, top, QPointF(trunk, y)
        if report.top() >= manager.bottom() + 16:
            gap = report.top() - manager.bottom()
            bus = manager.bottom() + min(32.0, gap / 2)
            top = QPointF(manager.center().x(), manager.bottom())
            x = report.center().x()
            path.moveTo(x, report.top())
            detour = self._detour(x, bus, report.top())
            if detour is not None:
                # Up to the gap above the report, across to a free column, up to the bus: a
                # line straight up through someone else's card would read as reporting to them.
                x, jog = detour
                path.lineTo(report.center().x(), jog)
                path.lineTo(x, jog)
            path.lineTo(x, bus)
            path.lineTo(top.x(), bus)
            path.lineTo(top)
            return path, top, QPointF(top.x(), bus)
        start = _border_point(report, manager.center())
        end = _border_point(manager, report.center())
        path.moveTo(start)
        path.lineTo(end)
        return path, end, start

    def _detour(self, x: float, bus: float, bottom: float) -> tuple[float, float] | None:
        """Where the line up from (x, bottom) to the bus goes round other cards: (column, jog).

        None when nothing is in the way, or when no way round is found (the straight line then).
        """
        cards_in = getattr(self.scene(), "cards_in", None)
        if cards_in is None:
            return None
        ends = (self.source.person_id, self.target.person_id)

        def blockers(column: float, lower: float) -> list[tuple[float, float, float, float]]:
            found: list[tuple[float, float, float, float]] = cards_in(
                QRectF(column - 1, bus, 2, lower - bus), ends
            )
            return found

        in_way = blockers(x, bottom)
        if not in_way:
            return None
        lowest = max(box[3] for box in in_way)
        if lowest > bottom - 8:
            return None  # a card beside the report, not above it: no gap to turn in
        jog = bottom - min(16.0, (bottom - lowest) / 2)
        margin = 12.0
        left = min(box[0] for box in in_way) - margin
        right = max(box[2] for box in in_way) + margin
        # The side nearer the manager first: the line then runs along the bus the shorter way.
        trunk = self.target.centre().x()
        for column in sorted((left, right), key=lambda c: abs(c - trunk)):
            across = QRectF(min(x, column), jog - 1, abs(column - x), 2)
            if not blockers(column, jog) and not cards_in(across, ends):
                return column, jog
        return None


class LinkItem(EdgeItem):
    """An influence, alliance or opposition between two people: dashed, coloured, labelled."""

    Type = _USER_TYPE + 4

    def __init__(
        self, link: MapLink, source: PersonItem, target: PersonItem, style: MapStyle
    ) -> None:
        super().__init__(source, target, style)
        self.link = link
        self.label = LinkLabel(self)
        self.bend = 30.0
        # The only link between two people may bow to whichever side crosses fewer cards.
        self.flexible = False
        self.setZValue(LINK_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.set_link(link, adjust=False)  # the scene adjusts it once it is placed and bent

    def type(self) -> int:
        return self.Type

    @property
    def link_id(self) -> str:
        return self.link.id

    def kind(self) -> str:
        return self.link.kind

    def set_link(self, link: MapLink, *, adjust: bool = True) -> None:
        self.link = link
        self.label_text = self.style.link_label(link.kind)
        self.label_width = 0.0
        if self.label is not None:
            self.label.update()
        if adjust:
            self.adjust()
            self.update()

    def tooltip(self) -> str:
        note = self.link.note
        return _html(self.label_text) + (f"<br>{_html(note)}" if note else "")

    def set_bend(self, bend: float, *, adjust: bool = True) -> None:
        if bend != self.bend:
            self.bend = bend
            if adjust:
                self.adjust()

    def has_arrow(self) -> bool:
        return self.link.kind != "ally_of"

    def _cards_crossed(self, start: QPointF, control: QPointF, end: QPointF) -> int:
        """How many sample points of the curve lie on other people's cards."""
        on_card = getattr(self.scene(), "on_card", None)
        if on_card is None:
            return 0
        ends = (self.source.person_id, self.target.person_id)
        ax, ay, cx, cy = start.x(), start.y(), control.x(), control.y()
        bx, by = end.x(), end.y()
        hits = 0
        for t in (0.15, 0.3, 0.5, 0.7, 0.85):
            u = 1.0 - t
            w1, w2, w3 = u * u, 2 * u * t, t * t
            if on_card(ax * w1 + cx * w2 + bx * w3, ay * w1 + cy * w2 + by * w3, ends):
                hits += 1
        return hits

    def geometry(self) -> tuple[QPainterPath, QPointF, QPointF]:
        a = self.source.centre()
        b = self.target.centre()
        # Bend to a side fixed by the pair's id order, so A→B and B→A curve apart.
        flip = -1.0 if self.source.person_id > self.target.person_id else 1.0
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy) or 1.0
        # Longer links arc more, so a link between two cards of one row clears the cards
        # between them instead of running behind them.
        offset = self.bend * flip * min(4.0, 1.0 + length / 360.0)
        unit = QPointF(-dy / length, dx / length)
        sides = (1.0, -1.0) if self.flexible else (1.0,)
        best: tuple[int, QPointF, QPointF, QPointF] | None = None
        for side in sides:
            control = (a + b) / 2 + unit * (offset * side * 2)
            start = _border_point(self.source.card_rect(), control)
            end = _border_point(self.target.card_rect(), control)
            crossed = self._cards_crossed(start, control, end) if len(sides) > 1 else 0
            if best is None or crossed < best[0]:
                best = (crossed, start, control, end)
            if crossed == 0:
                break
        assert best is not None
        _, start, control, end = best
        path = QPainterPath(start)
        path.quadTo(control, end)
        self.curve = (start, control, end)
        towards = self.point_at(0.9)
        return path, end, towards

    def paint_ends(self, painter: QPainter, colour: QColor) -> None:
        if self.link.kind == "ally_of":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for point in (self.point_at(0.0), self.point_at(1.0)):
                painter.drawEllipse(point, 3.6, 3.6)


class LinkLabel(QGraphicsItem):
    """A link's label ("影响", "反对" …): its own item, drawn above the cards."""

    Type = _USER_TYPE + 5

    def __init__(self, edge: EdgeItem) -> None:
        super().__init__()
        self.edge = edge
        self.rect = QRectF()
        self.setZValue(LABEL_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)

    def type(self) -> int:
        return self.Type

    def set_rect(self, rect: QRectF) -> None:
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def tooltip(self) -> str:
        tooltip = getattr(self.edge, "tooltip", None)
        return tooltip() if tooltip is not None else ""

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Clicking a label selects its link (as clicking the line does).
        scene = self.scene()
        if scene is not None and event.button() == Qt.MouseButton.LeftButton:
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                scene.clearSelection()
            self.edge.setSelected(True)
        event.accept()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if self.rect.isNull():
            return
        edge = self.edge
        style = edge.style
        colour = style.link_colour(edge.kind())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.6 if edge.isSelected() else 1.0))
        painter.setBrush(style.label_background)
        painter.drawRoundedRect(self.rect, 9, 9)
        painter.setPen(colour if not style.dark else style.text)
        painter.setFont(style.tiny_font)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, edge.label_text)


def _border_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from the rect's centre to `towards` leaves the rect."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        (rect.width() / 2) / abs(dx) if dx else math.inf,
        (rect.height() / 2) / abs(dy) if dy else math.inf,
    )
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


def _arrow(tip: QPointF, towards: QPointF, size: float) -> QPolygonF:
    dx, dy = tip.x() - towards.x(), tip.y() - towards.y()
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return QPolygonF()
    ux, uy = dx / length, dy / length
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    side = QPointF(-uy * size * 0.5, ux * size * 0.5)
    return QPolygonF([tip, back + side, back - side])


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
