"""The summary under the grid: weighted score per vendor, criteria per class with the method's
suggested action, and what still needs the rep's attention; beside it, on demand, the chart.

`SummaryArea` is what the tab places under the grid and refreshes after every change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.methodology import Catalog
from desktop.services import indicators
from desktop.services.indicators import US, Grid, Summary, VendorScore
from desktop.ui.indicators.delegates import (
    US_COLOUR,
    VENDOR_COLOURS,
    class_colour,
    paint_tag,
    tag_width,
)

ROW = 24


class WeightedBars(QWidget):
    """One bar per vendor: Σ importance × score as a share of the maximum, with the numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weighted_bars")
        self.rows: list[tuple[str, VendorScore]] = []
        self.leader = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, max(1, len(self.rows)) * ROW + 4)

    def set_rows(self, rows: list[tuple[str, VendorScore]], leader: str) -> None:
        self.rows, self.leader = rows, leader
        self.setFixedHeight(max(1, len(rows)) * ROW + 4)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(1, len(self.rows)) * ROW + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        name_width = min(
            140, max((metrics.horizontalAdvance(name) for name, _ in self.rows), default=40) + 12
        )
        figures_width = metrics.horizontalAdvance("888 / 888 · 100% ★") + 16
        bar_left = name_width
        bar_width = max(40, self.width() - name_width - figures_width)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        track = QColor(text)
        track.setAlpha(28)
        for n, (name, score) in enumerate(self.rows):
            top = 2 + n * ROW
            is_leader = score.key == self.leader
            row_font = QFont(font)
            row_font.setBold(score.key == US or is_leader)
            painter.setFont(row_font)
            painter.setPen(text)
            name_rect = QRectF(0, top, name_width - 8, ROW)
            painter.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width - 8),
            )
            bar = QRectF(bar_left, top + 6, bar_width, ROW - 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            filled = QRectF(bar)
            filled.setWidth(bar.width() * score.share)
            painter.setBrush(
                US_COLOUR
                if score.key == US
                else QColor(VENDOR_COLOURS[(n - 1) % len(VENDOR_COLOURS)])
            )
            if score.maximum:
                painter.drawRoundedRect(filled, 3, 3)
            painter.setPen(text)
            figures = (
                f"{score.total} / {score.maximum} · {round(score.share * 100)}%"
                if score.maximum
                else "–"
            )
            painter.drawText(
                QRectF(bar.right() + 8, top, figures_width, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                figures + (" ★" if is_leader else ""),
            )
        painter.end()


class ClassTag(QWidget):
    """A class as a small coloured tag that always carries its label (as in the grid)."""

    def __init__(self, label: str, colour: str, neutral: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        self.colour = QColor(colour)
        self.neutral = neutral
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.label

    def sizeHint(self) -> QSize:
        return QSize(tag_width(self.label, self.font()) + 2, QFontMetrics(self.font()).height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_tag(
            painter,
            QRectF(self.rect()),
            self.label,
            self.colour,
            neutral=self.neutral,
            font=self.font(),
            text=self.palette().color(QPalette.ColorRole.WindowText),
            height=QFontMetrics(self.font()).height() + 6,
            align_left=True,
        )
        painter.end()


class SummaryPanel(QWidget):
    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_summary")
        self.catalog = catalog
        self.lang = lang
        vocab = catalog.vocab("indicator_classes")

        self.headline = QLabel()
        self.headline.setObjectName("summary_headline")
        self.headline.setWordWrap(True)
        self.bars = WeightedBars()
        weighted_title = QLabel(self.tr("Weighted score (Σ importance × score)"))
        weighted_title.setObjectName("summary_heading")
        weighted_title.setWordWrap(True)
        weighted_title.setToolTip(
            self.tr(
                "Each vendor's scores weighted by the importance of the criterion, and the share "
                "of the most they could get on the criteria scored for them."
            )
        )
        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(weighted_title)
        left.addWidget(self.bars)
        left.addWidget(self.headline)
        left.addStretch(1)

        classes_title = QLabel(self.tr("Criteria by class and what to do"))
        classes_title.setObjectName("summary_heading")
        classes_title.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addWidget(classes_title, 0, 0, 1, 3)
        self.counts: dict[str, QLabel] = {}
        questions = {"winning": "s4.winning", "sleeping": "s4.sleeping", "fatal": "s4.fatal"}
        for row, item in enumerate(vocab, start=1):
            tag = ClassTag(item.label(lang), item.color or "#757575", item.key == "neutral")
            tag.setObjectName(f"tag_{item.key}")
            count = QLabel("0")
            count.setObjectName(f"count_{item.key}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setMinimumWidth(22)
            action = QLabel(item.text("action", lang))
            action.setWordWrap(True)
            tip = item.get_text("hint")
            question = questions.get(item.key)
            tooltip = "\n".join(
                t
                for t in (
                    tip(lang) if tip else "",
                    catalog.question(question).text(lang) if question else "",
                )
                if t
            )
            for widget in (tag, count, action):
                widget.setToolTip(tooltip)
            grid.addWidget(tag, row, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(count, row, 1)
            grid.addWidget(action, row, 2)
            self.counts[item.key] = count
        grid.setColumnStretch(2, 1)
        self.attention = QLabel()
        self.attention.setObjectName("summary_attention")
        self.attention.setWordWrap(True)
        self.attention.setStyleSheet("QLabel { color: #C62828; }")
        self.by_hand = QLabel()
        self.by_hand.setObjectName("summary_by_hand")
        self.by_hand.setWordWrap(True)
        notes = QVBoxLayout()
        notes.setSpacing(2)
        notes.addWidget(self.attention)
        notes.addWidget(self.by_hand)
        grid.addLayout(notes, len(vocab) + 1, 0, 1, 3)
        grid.setRowStretch(len(vocab) + 2, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(24)
        layout.addLayout(left, 5)
        layout.addLayout(grid, 6)
        for heading in self.findChildren(QLabel, "summary_heading"):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        self._colours = {item.key: class_colour(catalog, item.key) for item in vocab}

    def set_summary(self, summary: Summary) -> None:
        us_name = self.tr("Us")
        rows = [(us_name if v.key == US else v.name, v) for v in summary.vendors]
        leader = summary.leader()
        self.bars.set_rows(rows, leader.key if leader and len(rows) > 1 else "")
        for key, label in self.counts.items():
            label.setText(str(summary.counts.get(key, 0)))
        self.headline.setText(self._headline(summary))
        self.attention.setText(
            self.tr("⚠ Fatal criteria without an action plan: {0}.").format(summary.unplanned_fatal)
        )
        self.attention.setVisible(bool(summary.unplanned_fatal))
        self.by_hand.setText(self.tr("✎ Classes set by hand: {0}.").format(summary.overridden))
        self.by_hand.setVisible(bool(summary.overridden))

    def _headline(self, summary: Summary) -> str:
        us = summary.vendors[0]
        rivals = [v for v in summary.vendors[1:] if v.maximum]
        if not summary.criteria:
            return self.tr("Add the customer's buying criteria to compare the vendors.")
        if not us.maximum:
            return self.tr("Score us on the criteria to see where we stand.")
        if not rivals:
            return self.tr("Add the competitors and score them to compare.")
        best = max(rivals, key=lambda v: v.share)
        gap = round((us.share - best.share) * 100)
        if gap > 0:
            return self.tr("We lead {0}, the strongest competitor, by {1} points.").format(
                best.name, gap
            )
        if gap < 0:
            return self.tr("{0} leads us by {1} points: work on the fatal criteria.").format(
                best.name, -gap
            )
        return self.tr("We are level with {0}.").format(best.name)


class SummaryArea(QWidget):
    """What sits under the grid: the summary, and beside it the comparison chart once the rep
    asks for it (matplotlib is loaded only then)."""

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = SummaryPanel(catalog, lang, self)
        self.chart: Any = None  # a chart.ComparisonChart, made when first shown
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.summary, 5)

    def show_grid(self, grid: Grid) -> None:
        """Summarise `grid` (and chart it, once the chart is made)."""
        summary = indicators.summarize(grid)
        self.summary.set_summary(summary)
        if self.chart is not None:
            self.chart.set_data(grid, summary, self.tr("Us"))

    def show_chart(self, visible: bool, grid: Grid) -> None:
        if visible and self.chart is None:
            from desktop.ui.indicators.chart import ComparisonChart

            self.chart = ComparisonChart(self)
            self.row.addWidget(self.chart, 6)
            self.chart.set_data(grid, indicators.summarize(grid), self.tr("Us"))
        if self.chart is not None:
            self.chart.setVisible(visible)
