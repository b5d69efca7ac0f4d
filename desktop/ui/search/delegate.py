"""Paints a search result: the name with the match marked, what it is, and where it was found."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.domain.methodology import Catalog
from desktop.services.search import Hit
from desktop.ui.common import format as fmt
from desktop.ui.search.model import CountRole, HeaderRole, HitRole, MoreRole, QueryRole

HEADER_HEIGHT = 26
HIT_HEIGHT = 46
MORE_HEIGHT = 30
MARK = QColor("#F6BD16")
KIND_COLORS = {
    "pursuit": "#5B8FF9",
    "account": "#269A99",
    "stakeholder": "#9270CA",
    "visit": "#E8684A",
    "coaching_answer": "#5AD8A6",
    "note": "#5D7092",
}


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, catalog: Catalog, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(HeaderRole):
            height = HEADER_HEIGHT
        elif index.data(MoreRole):
            height = MORE_HEIGHT
        else:
            height = HIT_HEIGHT
        return QSize(option.rect.width() or 400, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        palette = option.palette
        if index.data(HeaderRole):
            self._paint_header(painter, rect, palette, index)
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        if index.data(MoreRole):
            # "Show all 10…": a link's colour, in line with the hits' names.
            painter.setFont(option.font)
            painter.setPen(
                palette.color(
                    QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link
                )
            )
            painter.drawText(
                rect.adjusted(22, 0, -12, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data()),
            )
            painter.restore()
            return
        hit: Hit = index.data(HitRole)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_colour)
        muted.setAlphaF(0.62)
        # The kind's colour: a short bar at the left, beside the text.
        bar = QRect(rect.left() + 10, rect.top() + 9, 3, rect.height() - 18)
        painter.fillRect(bar, QColor(KIND_COLORS.get(hit.kind, "#5D7092")))
        left = rect.left() + 22
        right = rect.right() - 12
        top_line = QRect(left, rect.top() + 5, right - left, 20)
        bottom_line = QRect(left, rect.top() + 24, right - left, 18)

        font = QFont(option.font)
        font.setBold(True)
        side = self._side_text(hit)
        side_font = QFont(option.font)
        side_font.setPointSizeF(max(7.0, side_font.pointSizeF() - 1))
        side_width = QFontMetrics(side_font).horizontalAdvance(side) + 8 if side else 0
        label_rect = top_line.adjusted(0, 0, -side_width, 0)
        self._paint_marked(
            painter,
            label_rect,
            hit.label or QCoreApplication.translate("SearchResults", "(untitled)"),
            index.data(QueryRole) or "",
            font,
            text_colour,
            selected,
        )
        if side:
            painter.setFont(side_font)
            painter.setPen(muted)
            painter.drawText(
                top_line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, side
            )
        second = self._second_line(hit)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
        self._paint_marked(
            painter, bottom_line, second, index.data(QueryRole) or "", small, muted, selected
        )
        painter.restore()

    def _paint_header(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        colour = QColor(palette.color(QPalette.ColorRole.Text))
        colour.setAlphaF(0.55)
        painter.setPen(colour)
        text = f"{index.data()}  {index.data(CountRole)}"
        area = rect.adjusted(12, 4, -12, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        line = QColor(palette.color(QPalette.ColorRole.Mid))
        line.setAlphaF(0.5)
        painter.setPen(line)
        painter.drawLine(rect.left() + 8, rect.top() + 2, rect.right() - 8, rect.top() + 2)

    def _side_text(self, hit: Hit) -> str:
        """Right of the name: the pursuit's stage, a visit's date, a note's date."""
        if hit.kind in ("visit", "note") and hit.when is not None:
            local = hit.when.replace(tzinfo=UTC).astimezone()
            return local.strftime("%Y-%m-%d %H:%M" if hit.kind == "visit" else "%Y-%m-%d")
        if hit.kind == "pursuit" and hit.stage is not None:
            if hit.status and hit.status != "open":
                return self.catalog.vocab("pursuit_statuses").label(hit.status, self.lang)
            return f"{hit.stage} {self.catalog.stage(hit.stage).process(self.lang)}"
        return ""

    def _second_line(self, hit: Hit) -> str:
        parts = [hit.detail]  # a pursuit's account, a person's title, a visit's place …
        if hit.pursuit_title and hit.kind != "pursuit":
            parts.append(hit.pursuit_title)
        if hit.snippet:
            # The words found, quoted as each language quotes: 「」 in Chinese, ASCII in English.
            parts.append(f"「{hit.snippet}」" if fmt.is_zh(self.lang) else f'"{hit.snippet}"')
        return "  ·  ".join(p for p in parts if p)

    def _paint_marked(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        query: str,
        font: QFont,
        colour: QColor,
        selected: bool,
    ) -> None:
        """`text` elided to `rect`, with every occurrence of each query word under a soft marker
        (on the selected row, where the marker would not show on the highlight, underlined)."""
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(font)
        height = metrics.height()
        top = rect.top() + (rect.height() - height) // 2
        marker = QColor(colour if selected else MARK)
        if not selected:
            marker.setAlphaF(0.38)
        for start, end in match_spans(shown, query):
            x = rect.left() + metrics.horizontalAdvance(shown[:start])
            width = metrics.horizontalAdvance(shown[start:end])
            if selected:
                painter.fillRect(QRect(x, top + height - 2, width, 2), marker)
            else:
                painter.fillRect(QRect(x, top, width, height), marker)
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in `text`, every occurrence, case aside: (start, end)
    positions in `text`, sorted, overlapping ones merged. "系统" twice in "系统架构师 · 生产执行
    系统" is two marks, where the first occurrence alone used to be marked."""
    # Case is folded character by character, so the positions stay those of `text` even where
    # folding changes a length (ß → ss).
    folded = [c.casefold() for c in text]
    spans: list[tuple[int, int]] = []
    for word in query.split():
        target = word.casefold()
        for start in range(len(text)):
            joined = ""
            end = start
            while end < len(text) and len(joined) < len(target):
                joined += folded[end]
                end += 1
            if joined == target:
                spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
