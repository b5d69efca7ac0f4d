"""The pieces the dashboard is laid out from: a chart in its titled card, and the row of key
figures over the charts (open pipeline, weighted, forecast, won, win rate, sales cycle).

They hold no data of their own: the dashboard hands them the series it computed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.infra import paths
from desktop.services import analytics
from desktop.ui.common import counts
from desktop.ui.common.format import count, money, money_short, percent

HEIGHTS = {"win_loss": 400}  # logical px; the others 330
DEFAULT_HEIGHT = 330


def chart_icon(name: str, color: str) -> QIcon:
    """A line icon from resources/icons/charts (or the rail icon) drawn in `color`, so it stays
    visible on a dark theme; rendered at 2× for high-DPI screens."""
    path = paths.icons_dir() / ("charts" if name != "dashboard" else "") / f"{name}.svg"
    try:
        svg = path.read_text(encoding="utf-8").replace("#000000", color)
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(48, 48)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


class ChartCard(QFrame):
    """A titled frame around one chart, with its export menu (`export_menu(name, card)`)."""

    def __init__(
        self,
        name: str,
        title: str,
        subtitle: str,
        canvas: QWidget,
        export_menu: Callable[[str, QWidget], QMenu],
    ) -> None:
        super().__init__()
        self.name = name
        self.title = title
        self.canvas = canvas
        self.setObjectName(f"card_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        heading = QLabel(title)
        heading.setObjectName("card_title")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        note = QLabel(subtitle)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.export_button = QToolButton()
        self.export_button.setObjectName("export_button")
        self.export_button.setAutoRaise(True)
        self.export_button.setIconSize(QSize(18, 18))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(export_menu(name, self))
        hint = QCoreApplication.translate("Dashboard", "Save or copy this chart")
        self.export_button.setToolTip(hint)
        self.export_button.setAccessibleName(hint)
        self.export_button.setIcon(
            chart_icon("export", self.palette().color(QPalette.ColorRole.WindowText).name())
        )
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(heading)
        titles.addWidget(note)
        top.addLayout(titles, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 8, 6)
        box.setSpacing(4)
        box.addLayout(top)
        box.addWidget(canvas, 1)
        canvas.setAccessibleName(title)
        canvas.setAccessibleDescription(subtitle)
        canvas.setMinimumHeight(HEIGHTS.get(name, DEFAULT_HEIGHT) - 60)
        self.setMinimumHeight(HEIGHTS.get(name, DEFAULT_HEIGHT))
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        canvas.customContextMenuRequested.connect(
            lambda pos: self.export_button.menu().popup(canvas.mapToGlobal(pos))
        )


class KeyFigure(QFrame):
    """One key number with its caption, e.g. 在途金额 ¥4,097万 · 417 个项目."""

    def __init__(self, caption: str, tooltip: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setToolTip(tooltip)
        self.caption = QLabel(caption)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel("–")
        self.value.setObjectName("key_value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.55)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("")
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 6, 12, 6)
        box.setSpacing(0)
        box.addWidget(self.caption)
        box.addWidget(self.value)
        box.addWidget(self.detail)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_value(self, value: str, detail: str = "", tooltip: str | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        if tooltip is not None:
            self.value.setToolTip(tooltip)


class KeyFigures(QWidget):
    """The six key figures over the charts, in a row, or two rows of three in a narrow window."""

    def __init__(self) -> None:
        super().__init__()
        self.tiles = {
            "open": KeyFigure(
                self.tr("Open pipeline"), self.tr("Amount of the open pursuits (filters apply)")
            ),
            "weighted": KeyFigure(
                self.tr("Weighted"),
                self.tr("Amount not yet received × the win rate of each pursuit's stage"),
            ),
            "forecast": KeyFigure(
                self.tr("Next 12 months"),
                self.tr("Weighted amount of the open pursuits expected to close in 12 months"),
            ),
            "won": KeyFigure(self.tr("Won in the period"), self.tr("Pursuits won in the period")),
            "win_rate": KeyFigure(
                self.tr("Win rate"), self.tr("Won ÷ (won + lost), pursuits closed in the period")
            ),
            "cycle": KeyFigure(
                self.tr("Sales cycle"),
                self.tr(
                    "Average days from the first stage to the win, pursuits won in the period "
                    "whose stage history is recorded"
                ),
            ),
        }
        self.columns = 0  # tiles per row as arranged now
        self.row = QGridLayout(self)
        self.row.setSpacing(8)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.arrange()

    def arrange(self, width: int = 0) -> None:
        """Six key figures in a row, or two rows of three in a narrow window."""
        per_row = 3 if 0 < width < 980 else 6
        if per_row == self.columns:
            return
        self.columns = per_row
        for tile in self.tiles.values():
            self.row.removeWidget(tile)
        for i, tile in enumerate(self.tiles.values()):
            self.row.addWidget(tile, i // per_row, i % per_row)

    def show_series(self, series: Mapping[str, object], currency: str, lang: str) -> None:
        funnel = series.get("funnel")
        forecast = series.get("forecast")
        results = series.get("win_loss")
        velocity = series.get("velocity")
        tiles = self.tiles
        if isinstance(funnel, analytics.Funnel):
            tiles["open"].show_value(
                money_short(funnel.amount, currency, lang),
                counts.pursuits(funnel.count),
                money(funnel.amount, currency),
            )
            tiles["weighted"].show_value(
                money_short(funnel.weighted, currency, lang),
                self.tr("{0} of the open amount").format(percent(funnel.weighted / funnel.amount))
                if funnel.amount
                else "",
                money(funnel.weighted, currency),
            )
        if isinstance(forecast, analytics.Forecast):
            tiles["forecast"].show_value(
                money_short(forecast.weighted, currency, lang),
                self.tr("of {0}").format(money_short(forecast.amount, currency, lang)),
                money(forecast.weighted, currency),
            )
        if isinstance(results, analytics.WinLoss):
            tiles["won"].show_value(
                money_short(results.won_amount, currency, lang),
                counts.pursuits(results.won_count),
                money(results.won_amount, currency),
            )
            tiles["win_rate"].show_value(
                percent(results.win_rate),
                self.tr("{0} won · {1} lost").format(
                    count(results.won_count), count(results.lost_count)
                ),
            )
        if isinstance(velocity, analytics.Velocity):
            tiles["cycle"].show_value(
                self.tr("{0} days").format(f"{velocity.cycle_days:.0f}")
                if velocity.cycle_days is not None
                else "–",
                self._cycle_detail(velocity, results),
            )

    def _cycle_detail(self, velocity: analytics.Velocity, results: object) -> str:
        """How many wins the cycle averages: all won in the period, or those with a history."""
        measured = velocity.cycle_count
        won = results.won_count if isinstance(results, analytics.WinLoss) else measured
        if not measured:
            return ""
        if measured < won:  # a win entered already closed, or before its history was kept
            return self.tr("{0} of {1} wins measured").format(count(measured), count(won))
        return self.tr("{0} won").format(count(measured))
