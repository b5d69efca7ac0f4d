"""The vendor comparison chart (matplotlib): weighted share per vendor, and each vendor's scores
along the criteria in order of importance (a strategy canvas).

matplotlib costs most of a second to import, so it is imported only when the chart is first
shown, never when the grid opens. Redraws after edits are deferred a moment and coalesced.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.services.indicators import US, Grid, Summary
from desktop.ui.indicators.delegates import US_COLOUR as DELEGATE_US
from desktop.ui.indicators.delegates import VENDOR_COLOURS

US_COLOUR = DELEGATE_US.name()
THEM_COLOURS = VENDOR_COLOURS
CJK_FONTS = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
_configured = False


def configure_matplotlib() -> None:
    """The QtAgg backend and a font that has Chinese glyphs (the first one installed)."""
    global _configured
    if _configured:
        return
    import matplotlib

    matplotlib.use("QtAgg")
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    families = [name for name in CJK_FONTS if name in installed]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [*families, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["font.size"] = 8
    matplotlib.rcParams["axes.titlesize"] = 9
    matplotlib.rcParams["axes.labelsize"] = 8
    _configured = True


class ComparisonChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_chart")
        self.canvas: Any = None
        self.figure: Any = None
        self._data: tuple[Grid, Summary, str] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("Loading the chart…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.redraw)
        self.draws = 0

    def set_data(self, grid: Grid, summary: Summary, us_name: str) -> None:
        self._data = (grid, summary, us_name)
        if self.canvas is not None and self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.canvas is None:
            QTimer.singleShot(0, self.ensure_canvas)
        elif self._data is not None:
            self._timer.start()

    def ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        configure_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 2.6), layout="constrained")
        background = self.palette().color(QPalette.ColorRole.Base)
        self.figure.set_facecolor(background.name())
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName("chart_canvas")
        self.canvas.setMinimumHeight(180)
        self._layout.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self._layout.addWidget(self.canvas)
        self.redraw()

    def redraw(self) -> None:
        if self.canvas is None or self._data is None:
            return
        grid, summary, us_name = self._data
        figure = self.figure
        figure.clear()
        if not grid.criteria:
            figure.text(
                0.5,
                0.5,
                self.tr("Nothing to compare yet: add and score the buying criteria."),
                ha="center",
                va="center",
                color="#6B7280",
            )
            self.canvas.draw_idle()
            self.draws += 1
            return
        shares, profile = figure.subplots(1, 2, width_ratios=[2, 5])
        names = [us_name if v.key == US else v.name for v in summary.vendors]
        colours = [US_COLOUR] + [
            THEM_COLOURS[n % len(THEM_COLOURS)] for n in range(len(summary.vendors) - 1)
        ]
        values = [round(v.share * 100) for v in summary.vendors]
        positions = list(range(len(names)))
        shares.barh(positions, values, color=colours, height=0.6)
        shares.set_yticks(positions, names)
        shares.invert_yaxis()
        shares.set_xlim(0, 100)
        shares.set_xlabel(self.tr("Weighted score, % of maximum"))
        for y, value in zip(positions, values, strict=True):
            shares.text(min(value + 2, 96), y, f"{value}%", va="center", fontsize=8)
        for side in ("top", "right"):
            shares.spines[side].set_visible(False)

        criteria = grid.criteria
        x = list(range(len(criteria)))
        series = [(us_name, [c.our_score for c in criteria], US_COLOUR, 2.4)]
        for n, vendor in enumerate(grid.vendors):
            series.append(
                (
                    vendor.name,
                    [c.scores.get(vendor.competitor_id) for c in criteria],
                    THEM_COLOURS[n % len(THEM_COLOURS)],
                    1.4,
                )
            )
        for name, scores, colour, width in series:
            ys = [float("nan") if s is None else s for s in scores]
            profile.plot(x, ys, marker="o", markersize=4, linewidth=width, color=colour, label=name)
        profile.set_ylim(0.5, 5.5)
        profile.set_yticks([1, 2, 3, 4, 5])
        labels = [_short(c.name) for c in criteria]
        profile.set_xticks(
            x,
            labels,
            rotation=35 if len(criteria) > 6 else 0,
            ha="right" if len(criteria) > 6 else "center",
            fontsize=8,
        )
        profile.set_ylabel(self.tr("Score"))
        profile.set_title(self.tr("Scores by criterion, most important first"), fontsize=9)
        profile.grid(axis="y", alpha=0.3)
        for side in ("top", "right"):
            profile.spines[side].set_visible(False)
        if criteria:
            profile.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        self.canvas.draw_idle()
        self.draws += 1


def _short(name: str, limit: int = 10) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
