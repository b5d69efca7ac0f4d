"""A small box-and-flow layout engine for printed pages (QPainter on any QPagedPaintDevice).

Why not QTextDocument: a plan needs role badges, relationship meters, cards that never split,
headings that stay with what follows them, table headers repeated on the next page and a notes
area that fills what is left of the last page. QTextDocument does none of these. Here every
piece of the page is a `Box` that measures itself for a width and draws itself at a point; the
`paginate` function flows boxes onto pages, splitting only paragraphs (between lines) and
tables (between rows).

All measures are in device units of the paint device (a PDF writer at 1200 dpi, a printer, a
preview); `Doc.mm` and `Doc.pt` convert.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

# Chinese fonts in order of preference for print. WenQuanYi before Noto CJK: a PDF with Noto CJK
# extracts some characters as wrong code points (客⼾ for 客户), so its text cannot be searched
# (PLATFORM-NOTES.md). The Latin fonts come first for English, after the CJK ones for Chinese.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
    "Noto Sans CJK SC",
)
LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans")


def print_families(lang: str) -> list[str]:
    """Installed font families for a printout in `lang`, best first, with fallbacks."""
    installed = set(QFontDatabase.families())
    cjk = [f for f in CJK_FAMILIES if f in installed]
    latin = [f for f in LATIN_FAMILIES if f in installed]
    ordered = cjk + latin if lang.lower().startswith("zh") else latin + cjk
    return ordered or ["Sans Serif"]


@dataclass
class Style:
    font: QFont
    color: QColor
    leading: float  # extra space after each line, device units
    bold: bool = False  # drawn heavier by stroking the glyph outlines (see `draw_text`)
    stroke: float = 0.0  # that outline's pen width, device units

    def with_color(self, color: str) -> Style:
        return Style(self.font, QColor(color), self.leading, self.bold, self.stroke)

    def pen(self) -> QPen:
        pen = QPen(self.color, self.stroke)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen


# Why bold is stroked, not a bold font: most CJK fonts (WenQuanYi, Noto CJK's regular file) have
# no bold face, and Qt then fakes bold in a PDF by drawing every glyph twice, the copy marked with
# an empty /ActualText. Poppler and Acrobat honour that, but other readers (pypdf, some browser
# viewers) copy and search the text twice ("张伟张伟"). Regular glyphs with a thin outline look
# bold in print and leave each character in the PDF once, in every reader.
BOLD_STROKE = 0.05  # outline width as a fraction of the font size


def glyph_outline(line: QTextLine, start: int, length: int) -> QPainterPath:
    """The outlines of the glyphs of text[start:start + length] on `line`, in layout units.

    Built from the line's glyph runs (each run knows the font, fallback fonts included), not with
    QPainterPath.addText, whose outlines begin with a stray segment from the origin.
    """
    path = QPainterPath()
    for run in line.glyphRuns(start, length):
        raw = run.rawFont()
        for index, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            path.addPath(raw.pathForGlyph(index).translated(position))
    return path


def draw_text(painter: QPainter, point: QPointF, text: str, style: Style) -> None:
    """One line of text at a baseline point in the style's colour, emboldened when bold."""
    if not text:
        return
    layout = QTextLayout(text, style.font, painter.device())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e9)
    layout.endLayout()
    origin = QPointF(point.x(), point.y() - line.ascent())
    painter.save()
    painter.setPen(style.color)
    line.draw(painter, origin)
    if style.bold:
        painter.strokePath(glyph_outline(line, 0, len(text)).translated(origin), style.pen())
    painter.restore()


def draw_text_in(
    painter: QPainter,
    rect: QRectF,
    text: str,
    style: Style,
    metrics: QFontMetricsF,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """One line of text vertically centred in `rect` (left-aligned or centred)."""
    width = metrics.horizontalAdvance(text)
    x = rect.x() + (rect.width() - width) / 2 if align & Qt.AlignmentFlag.AlignHCenter else rect.x()
    y = rect.y() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    draw_text(painter, QPointF(x, y), text, style)


class Doc:
    """Units and text styles for one paint device."""

    def __init__(self, device: QPaintDevice, lang: str) -> None:
        self.device = device
        self.lang = lang
        dpi = device.logicalDpiY()
        self.mm = dpi / 25.4
        self.pt = dpi / 72
        self.families = print_families(lang)

    def style(
        self, size: float, *, bold: bool = False, color: str = "#111111", leading: float = 0.24
    ) -> Style:
        font = QFont()
        font.setFamilies(self.families)
        font.setPointSizeF(size)
        font.setKerning(True)
        font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
        stroke = size * self.pt * BOLD_STROKE if bold else 0.0
        return Style(font, QColor(color), size * self.pt * leading, bold, stroke)

    def metrics(self, style: Style) -> QFontMetricsF:
        return QFontMetricsF(style.font, self.device)


# --- boxes ---------------------------------------------------------------------------------
class Box(ABC):
    """Something on the page: measured with `layout(width)`, drawn with `draw(painter, x, y)`."""

    keep_with_next = False  # never the last thing on a page (headings)
    # Moves whole to the next page rather than split (a card, a table row); split only when
    # taller than a page, so that a long text is never cut.
    keep_together = False
    space_before = 0.0  # gap above, dropped at the top of a page
    repeat: Box | None = None  # drawn again above this box when it starts a page (table header)
    width = 0.0
    height = 0.0

    def layout(self, width: float) -> float:
        self.width = width
        return self.height

    @abstractmethod
    def draw(self, painter: QPainter, x: float, y: float) -> None: ...

    def split(self, available: float) -> tuple[Box, Box] | None:
        """Two parts, the first at most `available` high, or None when it cannot split there."""
        return None

    def head_height(self) -> float:
        """The least of this box that must follow a keep-with-next box on the same page."""
        return self.height


class Spacer(Box):
    """Empty vertical space: takes room on the page, draws nothing."""

    def __init__(self, height: float) -> None:
        self.height = height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        return None


Spans = str | Sequence[tuple[str, Style | None]]


class Text(Box):
    """A wrapped paragraph (Chinese breaks anywhere, Latin at word boundaries); splits by line."""

    def __init__(
        self,
        doc: Doc,
        spans: Spans,
        style: Style,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        space_before: float = 0.0,
    ) -> None:
        self.doc = doc
        self.spans: list[tuple[str, Style | None]] = (
            [(spans, None)] if isinstance(spans, str) else list(spans)
        )
        self.style = style
        self.align = align
        self.space_before = space_before
        self.lines: list[QTextLine] = []
        self.offsets: list[float] = []

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.spans)

    def layout(self, width: float) -> float:
        self.width = width
        self._build(self.spans, width)
        return self.height

    def _build(self, spans: list[tuple[str, Style | None]], width: float) -> None:
        text = "".join(t for t, _ in spans).replace("\n", "\u2028")
        layout = QTextLayout(text, self.style.font, self.doc.device)
        formats = []
        position = 0
        for part, style in spans:
            if style is not None and part:
                fmt = QTextCharFormat()
                fmt.setFont(style.font)
                fmt.setForeground(QBrush(style.color))
                span = QTextLayout.FormatRange()
                span.start, span.length, span.format = position, len(part), fmt
                formats.append(span)
            position += len(part)
        layout.setFormats(formats)
        self._bold: list[tuple[int, int, Style]] = []
        position = 0
        for part, style in spans:
            effective = style or self.style
            if effective.bold and part:
                self._bold.append((position, len(part), effective))
            position += len(part)
        option = QTextOption(self.align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines, offsets, y = [], [], 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            lines.append(line)
            offsets.append(y)
            y += line.height() + self.style.leading
        layout.endLayout()
        self._layout = layout  # the lines live as long as their layout
        self.lines, self.offsets = lines, offsets
        self.height = y

    def line_bottom(self, index: int) -> float:
        """The height of the first `index` lines."""
        return self.offsets[index] if index < len(self.offsets) else self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.draw_lines(painter, x, y, 0, len(self.lines))

    def draw_lines(self, painter: QPainter, x: float, y: float, first: int, last: int) -> None:
        if not self.lines:
            return
        painter.setPen(self.style.color)
        top = self.offsets[first] if first < len(self.offsets) else 0.0
        origin = QPointF(x, y - top)
        for line in self.lines[first:last]:
            line.draw(painter, origin)
            self._embolden(painter, line, origin)

    def _embolden(self, painter: QPainter, line: QTextLine, origin: QPointF) -> None:
        """Stroke the outlines of the bold parts of `line` (see BOLD_STROKE)."""
        line_start, line_end = line.textStart(), line.textStart() + line.textLength()
        for start, length, style in self._bold:
            begin, end = max(start, line_start), min(start + length, line_end)
            if begin >= end:
                continue
            path = glyph_outline(line, begin, end - begin)
            painter.strokePath(path.translated(origin), style.pen())

    def split(self, available: float) -> tuple[Box, Box] | None:
        count = len(self.lines)
        fit = 0
        while fit < count and self.line_bottom(fit + 1) <= available:
            fit += 1
        # No widows or orphans: at least two lines on each side.
        if count < 4 or fit < 2:
            return None
        fit = min(fit, count - 2)
        return _TextPart(self, 0, fit), _TextPart(self, fit, count)

    def head_height(self) -> float:
        return self.line_bottom(min(2, len(self.lines)))


class _TextPart(Box):
    def __init__(self, text: Text, first: int, last: int) -> None:
        self.text, self.first, self.last = text, first, last
        self.width = text.width
        self.height = text.line_bottom(last) - text.line_bottom(first)
        self.space_before = text.space_before if first == 0 else 0.0

    def layout(self, width: float) -> float:
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.text.draw_lines(painter, x, y, self.first, self.last)

    def split(self, available: float) -> tuple[Box, Box] | None:
        fit = self.first
        while fit < self.last and (
            self.text.line_bottom(fit + 1) - self.text.line_bottom(self.first) <= available
        ):
            fit += 1
        if self.last - self.first < 4 or fit - self.first < 2:
            return None
        fit = min(fit, self.last - 2)
        return _TextPart(self.text, self.first, fit), _TextPart(self.text, fit, self.last)


class Stack(Box):
    """Boxes one under another, `gap` apart."""

    keep_together = True

    def __init__(self, boxes: Sequence[Box], gap: float = 0.0, space_before: float = 0.0) -> None:
        self.boxes = [b for b in boxes if b is not None]
        self.gap = gap
        self.space_before = space_before

    def layout(self, width: float) -> float:
        self.width = width
        heights = [box.layout(width) for box in self.boxes]
        visible = [h for h in heights if h > 0]
        self.height = sum(visible) + self.gap * max(0, len(visible) - 1)
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for box in self.boxes:
            if box.height <= 0:
                continue
            box.draw(painter, x, y)
            y += box.height + self.gap

    def split(self, available: float) -> tuple[Box, Box] | None:
        """The boxes that fit, and the first that does not split between the two parts."""
        y = 0.0
        for index, box in enumerate(self.boxes):
            if box.height <= 0:
                continue
            gap = self.gap if y > 0 else 0.0
            if y + gap + box.height <= available:
                y += gap + box.height
                continue
            parts = box.split(available - y - gap)
            if parts is None:
                if y == 0:
                    return None
                head, tail = self.boxes[:index], self.boxes[index:]
            else:
                head = [*self.boxes[:index], parts[0]]
                tail = [parts[1], *self.boxes[index + 1 :]]
            return self._part(head), self._part(tail)
        return None

    def _part(self, boxes: list[Box]) -> Stack:
        part = Stack(boxes, self.gap)
        part.layout(self.width)
        return part


class Row(Box):
    """Boxes side by side. `widths` are fractions of the free width, or absolute when > 1."""

    keep_together = True

    def __init__(
        self,
        boxes: Sequence[Box],
        widths: Sequence[float],
        gap: float = 0.0,
        *,
        space_before: float = 0.0,
    ) -> None:
        self.boxes = list(boxes)
        self.fractions = list(widths)
        self.gap = gap
        self.space_before = space_before
        self.columns: list[float] = []

    def layout(self, width: float) -> float:
        self.width = width
        free = width - self.gap * (len(self.boxes) - 1)
        fixed = sum(w for w in self.fractions if w > 1)
        share = sum(w for w in self.fractions if w <= 1) or 1.0
        self.columns = [w if w > 1 else (free - fixed) * w / share for w in self.fractions]
        self.height = max(
            (box.layout(w) for box, w in zip(self.boxes, self.columns, strict=True)), default=0.0
        )
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for box, w in zip(self.boxes, self.columns, strict=True):
            box.draw(painter, x, y)
            x += w + self.gap

    def split(self, available: float) -> tuple[Box, Box] | None:
        """Every column split at the same height; a column that fits stays in the first part."""
        heads: list[Box] = []
        tails: list[Box] = []
        for box in self.boxes:
            if box.height <= available:
                heads.append(box)
                tails.append(Spacer(0))
                continue
            parts = box.split(available)
            if parts is None:
                return None
            heads.append(parts[0])
            tails.append(parts[1])
        return self._part(heads), self._part(tails)

    def _part(self, boxes: list[Box]) -> Row:
        part = Row(boxes, self.columns, self.gap)
        part.layout(self.width)
        return part


class Frame(Box):
    """A box with padding, and optionally a fill, a border or a rule above/below."""

    keep_together = True

    def __init__(
        self,
        inner: Box,
        *,
        padding: tuple[float, float, float, float] = (0, 0, 0, 0),  # top, right, bottom, left
        fill: str | None = None,
        border: QPen | None = None,
        radius: float = 0.0,
        rule_below: QPen | None = None,
        rule_above: QPen | None = None,
        space_before: float = 0.0,
        keep_with_next: bool = False,
    ) -> None:
        self.inner = inner
        self.padding = padding
        self.fill = QColor(fill) if fill else None
        self.border = border
        self.radius = radius
        self.rule_below = rule_below
        self.rule_above = rule_above
        self.space_before = space_before
        self.keep_with_next = keep_with_next

    def layout(self, width: float) -> float:
        top, right, bottom, left = self.padding
        self.width = width
        self.height = self.inner.layout(width - left - right) + top + bottom
        return self.height

    def split(self, available: float) -> tuple[Box, Box] | None:
        top, _right, bottom, _left = self.padding
        parts = self.inner.split(available - top - bottom)
        if parts is None:
            return None
        return self._part(parts[0], space_before=self.space_before), self._part(parts[1])

    def _part(self, inner: Box, *, space_before: float = 0.0) -> Frame:
        part = copy.copy(self)
        part.inner, part.space_before = inner, space_before
        part.layout(self.width)
        return part

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        top, _right, _bottom, left = self.padding
        rect = QRectF(x, y, self.width, self.height)
        if self.fill is not None or self.border is not None:
            painter.save()
            painter.setPen(self.border if self.border is not None else Qt.PenStyle.NoPen)
            painter.setBrush(self.fill if self.fill is not None else Qt.BrushStyle.NoBrush)
            if self.radius:
                painter.drawRoundedRect(rect, self.radius, self.radius)
            else:
                painter.drawRect(rect)
            painter.restore()
        if self.rule_above is not None:
            painter.save()
            painter.setPen(self.rule_above)
            painter.drawLine(QPointF(x, y), QPointF(x + self.width, y))
            painter.restore()
        if self.rule_below is not None:
            painter.save()
            painter.setPen(self.rule_below)
            painter.drawLine(QPointF(x, y + self.height), QPointF(x + self.width, y + self.height))
            painter.restore()
        self.inner.draw(painter, x + left, y + top)


@dataclass
class Badge:
    text: str
    filled: bool = False  # filled black with white text (the strongest emphasis)
    color: str = "#000000"


class Badges(Box):
    """Small rounded labels in a row, wrapping onto more rows when needed."""

    def __init__(self, doc: Doc, badges: Sequence[Badge], style: Style) -> None:
        self.doc = doc
        self.badges = [b for b in badges if b.text]
        self.style = style
        self.places: list[tuple[Badge, QRectF]] = []

    def layout(self, width: float) -> float:
        self.width = width
        metrics = self.doc.metrics(self.style)
        pad_x, pad_y, gap = 1.3 * self.doc.mm, 0.45 * self.doc.mm, 1.2 * self.doc.mm
        h = metrics.height() + 2 * pad_y
        x = y = 0.0
        self.places = []
        for badge in self.badges:
            w = metrics.horizontalAdvance(badge.text) + 2 * pad_x
            if x > 0 and x + w > width:
                x, y = 0.0, y + h + gap * 0.6
            self.places.append((badge, QRectF(x, y, w, h)))
            x += w + gap
        self.height = (y + h) if self.badges else 0.0
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.save()
        metrics = self.doc.metrics(self.style)
        radius = 0.8 * self.doc.mm
        for badge, rect in self.places:
            rect = rect.translated(x, y)
            color = QColor(badge.color)
            if badge.filled:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                text_style = self.style.with_color("#FFFFFF")
            else:
                painter.setPen(QPen(color, 0.6 * self.doc.pt))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                text_style = self.style.with_color(badge.color)
            painter.drawRoundedRect(rect, radius, radius)
            draw_text_in(
                painter, rect, badge.text, text_style, metrics, Qt.AlignmentFlag.AlignHCenter
            )
        painter.restore()


class Meter(Box):
    """`filled` of `total` small squares (or dots) and a label: a rank that prints in grey."""

    def __init__(
        self,
        doc: Doc,
        filled: int,
        total: int,
        label: str,
        style: Style,
        *,
        color: str = "#000000",
        round_marks: bool = False,
    ) -> None:
        self.doc = doc
        self.filled, self.total = filled, total
        self.label = label
        self.style = style
        self.color = QColor(color)
        self.round = round_marks

    def layout(self, width: float) -> float:
        self.width = width
        self.height = self.doc.metrics(self.style).height()
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        mm = self.doc.mm
        size = 2.3 * mm
        gap = 0.7 * mm
        top = y + (self.height - size) / 2
        painter.save()
        for i in range(self.total):
            rect = QRectF(x + i * (size + gap), top, size, size)
            if i < self.filled:
                painter.setPen(QPen(QColor("#000000"), 0.5 * self.doc.pt))
                painter.setBrush(self.color)
            else:
                painter.setPen(QPen(QColor("#777777"), 0.5 * self.doc.pt))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.round:
                painter.drawEllipse(rect)
            else:
                painter.drawRect(rect)
        painter.restore()
        text_x = x + self.total * (size + gap) + 0.8 * mm
        if self.label:
            draw_text_in(
                painter,
                QRectF(text_x, y, max(0.0, self.width - (text_x - x)), self.height),
                self.label,
                self.style,
                self.doc.metrics(self.style),
            )


class Marked(Box):
    """A box with a mark in front: a bullet, an empty check box, or nothing (an indent)."""

    BULLET, CHECKBOX, NONE = "bullet", "checkbox", "none"

    def __init__(
        self, doc: Doc, inner: Box, mark: str = BULLET, *, space_before: float = 0.0
    ) -> None:
        self.doc = doc
        self.inner = inner
        self.mark = mark
        self.space_before = space_before
        self.indent = (5.0 if mark == self.CHECKBOX else 3.6) * doc.mm

    def layout(self, width: float) -> float:
        self.width = width
        self.height = self.inner.layout(width - self.indent)
        return self.height

    def first_line_height(self) -> float:
        inner = self.inner
        if isinstance(inner, Stack) and inner.boxes:
            inner = inner.boxes[0]
        if isinstance(inner, Text) and inner.lines:
            return inner.lines[0].height()
        return self.doc.mm * 4

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        mm = self.doc.mm
        line_h = self.first_line_height()
        painter.save()
        if self.mark == self.CHECKBOX:
            size = 3.0 * mm
            painter.setPen(QPen(QColor("#000000"), 0.6 * self.doc.pt))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x + 0.2 * mm, y + (line_h - size) / 2, size, size))
        elif self.mark == self.BULLET:
            size = 1.1 * mm
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#000000"))
            painter.drawEllipse(QRectF(x + 0.6 * mm, y + (line_h - size) / 2, size, size))
        painter.restore()
        self.inner.draw(painter, x + self.indent, y)


class CheckFlow(Box):
    """Items each with an empty check box, flowing left to right (materials to bring); an item
    longer than a line wraps on lines of its own, never cut."""

    def __init__(self, doc: Doc, items: Sequence[str], style: Style) -> None:
        self.doc = doc
        self.items = [i for i in items if i]
        self.style = style
        self.places: list[tuple[Text, QPointF]] = []

    def layout(self, width: float) -> float:
        self.width = width
        mm = self.doc.mm
        indent, gap, line_gap = 4.5 * mm, 4.0 * mm, 1.2 * mm
        x = y = row = 0.0
        self.places = []
        for item in self.items:
            text = Text(self.doc, item, self.style)
            text.layout(max(width - indent, mm))
            natural = max((ln.naturalTextWidth() for ln in text.lines), default=0.0)
            w = indent + natural
            if x > 0 and (x + w > width or len(text.lines) > 1):
                x, y, row = 0.0, y + row + line_gap, 0.0
            self.places.append((text, QPointF(x, y)))
            row = max(row, text.height)
            x = width if len(text.lines) > 1 else x + w + gap
        self.height = (y + row) if self.items else 0.0
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        metrics = self.doc.metrics(self.style)
        size = 3.0 * self.doc.mm
        for text, point in self.places:
            px, py = x + point.x(), y + point.y()
            painter.save()
            painter.setPen(QPen(QColor("#000000"), 0.6 * self.doc.pt))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(px, py + (metrics.height() - size) / 2, size, size))
            painter.restore()
            text.draw(painter, px + 4.5 * self.doc.mm, py)


class Picture(Box):
    """An image (with an optional title above it) scaled to the width, at most `max_height` high.

    On a crowded page it shrinks, down to `min_height`, to use the rest of the page; below that a
    `floating` picture lets the boxes after it go first and waits for the top of the next page
    (a figure float), so no page is left half empty.
    """

    def __init__(
        self,
        image: QImage,
        max_height: float,
        min_height: float,
        *,
        title: Box | None = None,
        title_gap: float = 0.0,
        floating: bool = False,
        space_before: float = 0.0,
    ) -> None:
        self.image = image
        self.max_height = max_height
        self.min_height = min_height
        self.title = title
        self.title_gap = title_gap
        self.floating = floating
        self.space_before = space_before
        self.limit = max_height
        self.image_height = 0.0

    def _title_height(self) -> float:
        return self.title.height + self.title_gap if self.title is not None else 0.0

    def layout(self, width: float) -> float:
        self.width = width
        if self.title is not None:
            self.title.layout(width)
        if self.image.isNull() or self.image.width() == 0:
            self.image_height = self.height = 0.0
            return 0.0
        natural = width * self.image.height() / self.image.width()
        self.image_height = min(natural, self.limit)
        self.height = self._title_height() + self.image_height
        return self.height

    def shrink_to(self, available: float) -> bool:
        """Fit into `available` (title included) when the image keeps its minimum height."""
        room = available - self._title_height()
        if room < self.min_height:
            return False
        self.limit = min(room, self.max_height)
        self.layout(self.width)
        return True

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        if self.height <= 0:
            return
        if self.title is not None:
            self.title.draw(painter, x, y)
            y += self._title_height()
        scale = min(self.width / self.image.width(), self.image_height / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        target = QRectF(x + (self.width - w) / 2, y, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        painter.restore()


class Fill(Box):
    """Takes whatever height is left on its page (at least `min_height`); draws with `paint`."""

    def __init__(
        self,
        min_height: float,
        paint: Callable[[QPainter, QRectF], None],
        *,
        space_before: float = 0.0,
        keep_min: float = 0.0,
    ) -> None:
        self.min_height = min_height
        self.paint = paint
        self.space_before = space_before
        self.keep_min = keep_min or min_height  # the least worth printing on a crowded last page
        self.height = min_height

    def layout(self, width: float) -> float:
        self.width = width
        return self.height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.paint(painter, QRectF(x, y, self.width, self.height))


# --- pages ---------------------------------------------------------------------------------
@dataclass
class Page:
    items: list[tuple[Box, float]] = field(default_factory=list)  # (box, y from the body top)


def paginate(
    boxes: Sequence[Box], width: float, height: float, *, max_pages: int = 0
) -> list[Page]:
    """Flow laid-out boxes onto pages of the body size.

    Paragraphs split between lines, tables between rows (their header repeated); a keep-with-next
    box moves to the next page with the start of what follows it; a picture shrinks to use the
    rest of a page, or floats to the top of the next; a `Fill` box takes the rest of the last
    page, or a page of its own unless that would exceed `max_pages`.
    """
    return _Flow(list(boxes), width, height, max_pages).run()


class _Flow:
    def __init__(self, queue: list[Box], width: float, height: float, max_pages: int) -> None:
        self.queue = queue
        self.height = height
        self.max_pages = max_pages
        for box in queue:
            box.layout(width)
        self.pages = [Page()]
        self.y = 0.0
        self.floats: list[Picture] = []  # pictures waiting for the top of the next page

    def place(self, box: Box, gap: float) -> None:
        self.pages[-1].items.append((box, self.y + gap))
        self.y += gap + box.height

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = 0.0
        waiting, self.floats = self.floats, []
        for picture in waiting:
            gap = picture.space_before if self.pages[-1].items else 0.0
            if picture.height > self.height - self.y - gap:
                picture.shrink_to(max(self.height - self.y - gap, picture.min_height))
            self.place(picture, gap)

    def gap(self, box: Box) -> float:
        return box.space_before if self.pages[-1].items else 0.0

    def run(self) -> list[Page]:
        index = 0
        queue = self.queue
        while index < len(queue):
            box = queue[index]
            gap = self.gap(box)
            available = self.height - self.y - gap
            if isinstance(box, Fill):
                self.fill(box)
                index += 1
                continue
            if isinstance(box, Picture) and box.height > available:
                if self.pages[-1].items and not box.shrink_to(available):
                    if box.floating:
                        self.floats.append(box)
                        index += 1
                        continue
                    self.new_page()
                    gap, available = self.gap(box), self.height - self.y - self.gap(box)
                    if box.height > available:
                        box.shrink_to(max(available, box.min_height))
                self.place(box, gap)
                index += 1
                continue
            need = _chain_height(queue, index, self.height) if box.keep_with_next else box.height
            if self.pages[-1].items and need > available:
                parts = None if box.keep_with_next or box.keep_together else box.split(available)
                if parts is not None:
                    self.place(parts[0], gap)
                    queue[index] = parts[1]
                    parts[1].repeat = box.repeat
                    self.new_page()
                    continue
                self.new_page()
                gap = self.gap(box)
                available = self.height - self.y - gap
            if box.repeat is not None and self._starts_page():
                self.place(box.repeat, 0.0)
                gap, available = 0.0, self.height - self.y
            if box.height > available:
                parts = box.split(available)
                if parts is not None:
                    self.place(parts[0], gap)
                    queue[index] = parts[1]
                    parts[1].repeat = box.repeat
                    self.new_page()
                    continue
            self.place(box, gap)
            index += 1
        if self.floats:
            self.new_page()
        return self.pages

    def _starts_page(self) -> bool:
        """Nothing but floated pictures on the page yet (a continued table repeats its header)."""
        return all(isinstance(box, Picture) for box, _y in self.pages[-1].items)

    def fill(self, box: Fill) -> None:
        """The notes: the rest of this page, or a page of their own within `max_pages`."""
        if self.floats:  # waiting pictures go before the notes
            self.new_page()
        gap = self.gap(box)
        available = self.height - self.y - gap
        limit_reached = bool(self.max_pages) and len(self.pages) >= self.max_pages
        if available >= box.min_height or (limit_reached and available >= box.keep_min):
            box.height = available
            self.place(box, gap)
        elif not limit_reached:
            self.new_page()
            box.height = self.height - self.y
            self.place(box, 0.0)


def _chain_height(queue: Sequence[Box], index: int, limit: float) -> float:
    """A keep-with-next box and the start of what it keeps with (capped at a page)."""
    total = queue[index].height
    while index + 1 < len(queue) and queue[index].keep_with_next:
        index += 1
        nxt = queue[index]
        total += nxt.space_before + (nxt.height if nxt.keep_with_next else nxt.head_height())
    return min(total, limit)
