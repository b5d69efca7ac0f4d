"""The Dashboard screen (分析): key figures and five charts over filters, kept current.

Start-up never pays for matplotlib: this module imports only Qt. The first time the screen is
shown, matplotlib is imported on a worker thread (the window stays responsive, a line says
"Loading charts…"), then the canvases are made. The series are computed on a worker thread as
well, in one read snapshot, and the figures are drawn one per turn of the event loop, so the
window never stalls for long even at 10,000 pursuits.

Changes broadcast by `ctx.changed` mark the figures whose record kinds they touch (see
`analytics.DEPENDS_ON`); a short debounce gathers a burst of edits into one recompute, and a
figure is redrawn only when its series actually changed. While the screen is hidden, changes are
only noted; it catches up when shown.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop import APP_NAME, APP_NAME_ZH
from desktop.infra import paths
from desktop.services import accounts, analytics, pursuits
from desktop.services.changes import Changes
from desktop.ui.common.format import count, money, money_short, percent
from desktop.ui.context import AppContext
from desktop.ui.errors import message_for

if TYPE_CHECKING:
    from desktop.ui.charts import figures as figures_module

log = logging.getLogger(__name__)

DEBOUNCE_MS = 350
WIDE = 1060  # px of the chart area from which the charts sit two by two
# Where each figure sits in the two-column grid: (row, column, column span).
PLACES = {
    "funnel": (0, 0, 1),
    "forecast": (0, 1, 1),
    "win_loss": (1, 0, 2),
    "velocity": (2, 0, 1),
    "calibration": (2, 1, 1),
}
HEIGHTS = {"win_loss": 400}  # logical px; the others 330
DEFAULT_HEIGHT = 330
DEFAULT_PERIOD = "last_12_months"
FORMATS = {"png": "PNG", "svg": "SVG", "pdf": "PDF"}


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


def _blend(color: QColor, into: QColor, share: float) -> str:
    """`color` moved `share` of the way towards `into`, as #rrggbb."""
    mixed = [
        round(a + (b - a) * share)
        for a, b in zip(color.getRgb()[:3], into.getRgb()[:3], strict=True)
    ]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


class _Relay(QObject):
    """Carries a worker thread's result to the GUI thread (a queued signal)."""

    done = Signal(object)


@dataclass
class _Job:
    generation: int
    figures: frozenset[str]
    filters: analytics.Filters
    started: float


class ChartCard(QFrame):
    """A titled frame around one chart, with its export menu."""

    def __init__(self, name: str, title: str, subtitle: str, canvas: QWidget, dashboard: Dashboard):
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
        self.export_button.setMenu(dashboard.export_menu(name, self))
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


class Dashboard(QWidget):
    """The 分析 screen: filters, key figures and the charts."""

    refreshed = Signal()  # every figure is up to date with the data and the filters
    charts_ready = Signal()  # matplotlib is loaded and the canvases exist

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.figures: Any = None  # the figures module, once loaded
        self.canvases: dict[str, Any] = {}
        self.cards: dict[str, ChartCard] = {}
        self.series: dict[str, object] = {}
        self.currency = ctx.settings.default_currency
        self.timings: dict[str, float] = {}  # the last refresh: compute / draw / total seconds
        self.computations = 0  # series computed so far (each may cover several figures)
        self.draws: Counter[str] = Counter()  # times each figure was drawn
        self._dirty: set[str] = set(analytics.FIGURES)
        self._drawn_dirty: set[str] = set()  # to redraw though the series are the same (theme)
        self._generation = 0
        self._job: _Job | None = None
        self._loading = False
        self._to_draw: list[str] = []
        self._draw_started = 0.0
        self._columns = 0
        self._key_columns = 0
        self._job_started = 0.0
        self._accounts_stale = True  # the account list is read on show and after account edits
        self._requested: analytics.Filters | None = None  # the filters last computed for
        self._state = ctx.settings.screen_state("dashboard")
        self._relays: list[_Relay] = []  # alive until their worker reported
        self.behind_dialog: QWidget | None = None  # the pursuits behind the bar clicked last

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_compute)
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(0)
        self._draw_timer.timeout.connect(self._draw_next)

        self._build()
        ctx.changed.connect(self._on_changed)
        ctx.workspace_replaced.connect(self._on_workspace_replaced)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setObjectName("period")
        labels = {
            "last_90_days": self.tr("Last 90 days"),
            "this_quarter": self.tr("This quarter"),
            "last_quarter": self.tr("Last quarter"),
            "this_year": self.tr("This year"),
            "last_year": self.tr("Last year"),
            "last_12_months": self.tr("Last 12 months"),
            "all": self.tr("All time"),
        }
        for key in analytics.PERIODS:
            self.period.addItem(labels[key], key)
        self.period.setToolTip(
            self.tr(
                "The period applies to won and lost, velocity, conversion and the win-rate "
                "check. The funnel and the forecast always show the open pursuits as they are now."
            )
        )
        index = self.period.findData(self._state.get("period", DEFAULT_PERIOD))
        self.period.setCurrentIndex(max(index, 0))
        self.period.currentIndexChanged.connect(self._filters_changed)

        self.account = QComboBox()
        self.account.setObjectName("account")
        self.account.setEditable(True)
        self.account.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.account.setMinimumContentsLength(14)
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.account.lineEdit().setPlaceholderText(self.tr("All accounts"))
        completer = QCompleter(self.account.model(), self.account)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.account.setCompleter(completer)
        self.account.activated.connect(self._filters_changed)
        self.account.lineEdit().editingFinished.connect(self._account_typed)

        self.tags_button = QToolButton()
        self.tags_button.setObjectName("tags")
        self.tags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tags_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tags_menu = QMenu(self.tags_button)
        self.tags_menu.aboutToShow.connect(self._fill_tags_menu)
        self.tags_button.setMenu(self.tags_menu)
        self.tags_button.setToolTip(self.tr("Only pursuits with any of the chosen tags"))
        self.tags_button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 7)
        self._tags: set[str] = set(self._state.get("tags", []))

        self.currency_box = QComboBox()
        self.currency_box.setObjectName("currency")
        self.currency_box.setToolTip(self.tr("Amounts add up only within one currency"))
        self.currency_box.activated.connect(self._filters_changed)
        self.currency_label = QLabel(self.tr("Currency:"))

        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.clicked.connect(self.clear_filters)

        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        for label, widget in (
            (self.tr("Period:"), self.period),
            (self.tr("Account:"), self.account),
            (self.tr("Tags:"), self.tags_button),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addWidget(self.currency_label)
        bar.addWidget(self.currency_box)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.status, 1)

        self.key_figures = {
            "open": KeyFigure(
                self.tr("Open pipeline"), self.tr("Amount of the open pursuits (filters apply)")
            ),
            "weighted": KeyFigure(
                self.tr("Weighted"), self.tr("Amount × the win rate of each pursuit's stage")
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
        self.key_row = QGridLayout()
        self.key_row.setSpacing(8)

        self.board = QWidget()
        self.board.setObjectName("chart_board")
        self.grid = QGridLayout(self.board)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.placeholder = QLabel(self.tr("Loading charts…"))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(240)
        self.grid.addWidget(self.placeholder, 0, 0)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(14, 10, 14, 14)
        column.setSpacing(10)
        self.key_panel = QWidget()
        self.key_panel.setLayout(self.key_row)
        self.key_row.setContentsMargins(0, 0, 0, 0)
        self.empty_panel = self._empty_panel()
        column.addLayout(bar)
        column.addWidget(self.empty_panel)
        column.addWidget(self.key_panel)
        column.addWidget(self.board, 1)
        column.addStretch(0)  # takes the room instead of the charts while there are none
        self._column = column
        self.scroll = QScrollArea()
        self.scroll.setObjectName("dashboard_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        color = self.palette().color(QPalette.ColorRole.WindowText).name()
        self.report_action = QAction(chart_icon("report", color), self.tr("Export Report…"), self)
        self.report_action.setObjectName("export_report")
        self.report_action.setToolTip(
            self.tr("Save every chart, with the filters, as one PDF (A4 landscape)")
        )
        self.report_action.triggered.connect(self.export_report_dialog)
        self.report_action.setEnabled(False)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setObjectName("refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.clear_button.setIcon(chart_icon("filter-clear", color))
        self._arrange_key_figures()
        self._update_filter_widgets()

    def _empty_panel(self) -> QWidget:
        """What a new database shows instead of five empty charts: what will be here, and
        where to start."""
        panel = QFrame()
        panel.setObjectName("empty_panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setAutoFillBackground(True)
        panel.setBackgroundRole(QPalette.ColorRole.Base)
        title = QLabel(self.tr("No pursuits yet"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "The charts fill in by themselves as you add pursuits and move them through the "
                "stages: the funnel, the forecast, what was won and lost, how fast pursuits move, "
                "and whether the win rates hold true for you."
            )
        )
        text.setWordWrap(True)
        box = QVBoxLayout(panel)
        box.setContentsMargins(24, 20, 24, 20)
        box.addWidget(title)
        box.addWidget(text)
        if getattr(self.window_, "has_screen", lambda _key: True)("board"):
            go = QPushButton(self.tr("Go to the Board"))
            go.setObjectName("go_to_board")
            go.clicked.connect(
                lambda: getattr(self.window_, "show_screen", lambda _key: None)("board")
            )
            box.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
        panel.hide()
        return panel

    def toolbar_actions(self) -> list[QAction]:
        return [self.report_action, self.refresh_action]

    def _arrange_key_figures(self, width: int = 0) -> None:
        """Six key figures in a row, or two rows of three in a narrow window."""
        per_row = 3 if 0 < width < 980 else 6
        if per_row == self._key_columns:
            return
        self._key_columns = per_row
        for tile in self.key_figures.values():
            self.key_row.removeWidget(tile)
        for i, tile in enumerate(self.key_figures.values()):
            self.key_row.addWidget(tile, i // per_row, i % per_row)

    def _arrange_cards(self) -> None:
        """Two charts side by side when there is room, otherwise one under another."""
        columns = 2 if self.scroll.viewport().width() >= WIDE else 1
        if columns == self._columns or not self.cards:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        row = 0
        for name in analytics.FIGURES:
            place_row, place_column, span = PLACES[name]
            if columns == 2:
                self.grid.addWidget(self.cards[name], place_row, place_column, 1, span)
            else:
                self.grid.addWidget(self.cards[name], row, 0)
                row += 1
        for c in range(2):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_cards()
        self._arrange_key_figures(event.size().width())

    # --- showing and loading ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.figures is None:
            if not self._loading:
                self._loading = True
                # After this turn of the event loop, so the window paints first.
                QTimer.singleShot(0, self._load_charts)
        elif self._dirty:
            self._debounce.start(0)
        if self._accounts_stale:
            QTimer.singleShot(0, self._refresh_accounts)

    def _load_charts(self) -> None:
        """Import matplotlib and prepare the figures on a worker thread (the window stays
        responsive); make the canvases when that is done."""
        self.placeholder.setText(self.tr("Loading charts…"))
        relay = self._relay(self._charts_loaded)
        lang = self.ctx.lang

        def work() -> None:
            try:
                from desktop.ui.charts import figures  # the slow part: matplotlib, numpy, fonts

                prepared = {name: figures.prepare(name, lang) for name in analytics.FIGURES}
                relay.done.emit(prepared)
            except BaseException as exc:  # reported in the GUI thread
                relay.done.emit(exc)

        threading.Thread(target=work, name="load-charts", daemon=True).start()

    def _charts_loaded(self, outcome: dict[str, Any] | BaseException) -> None:
        if isinstance(outcome, BaseException):
            log.error("the charts failed to load", exc_info=outcome)
            self.placeholder.setText(
                self.tr("The charts cannot be shown: the chart library failed to load. {0}").format(
                    str(outcome)
                )
            )
            self._loading = False
            return
        from desktop.ui.charts import figures
        from desktop.ui.charts.canvas import ChartCanvas

        self.figures = figures
        self._loading = False
        titles = self._titles()
        for name in analytics.FIGURES:
            canvas = ChartCanvas(name, outcome.get(name))
            canvas.describer = lambda panel, x, y, n=name: self._describe(n, panel, x, y)
            canvas.slicer = lambda panel, x, y, n=name: self._slice(n, panel, x, y)
            canvas.on_slice = self.show_behind
            self.canvases[name] = canvas
            title, subtitle = titles[name]
            self.cards[name] = ChartCard(name, title, subtitle, canvas, self)
        self.grid.removeWidget(self.placeholder)
        self.placeholder.hide()
        self._columns = 0
        self._arrange_cards()
        self.report_action.setEnabled(True)
        self.charts_ready.emit()
        self._dirty = set(analytics.FIGURES)
        self._start_compute()
        # While the series are computed on the worker, the GUI thread is idle: load the fonts
        # and glyphs this thread will draw with (matplotlib keeps fonts per thread).
        QTimer.singleShot(0, lambda: figures.warm_up(self.look()))

    def _titles(self) -> dict[str, tuple[str, str]]:
        return {
            "funnel": (
                self.tr("Funnel"),
                self.tr("Open pursuits now, by stage: amount, and weighted by the win rate"),
            ),
            "forecast": (
                self.tr("Forecast"),
                self.tr("Weighted amount of the open pursuits by expected close month"),
            ),
            "win_loss": (
                self.tr("Won and lost"),
                self.tr("Pursuits closed in the period, and who and what we lost to"),
            ),
            "velocity": (
                self.tr("Velocity and conversion"),
                self.tr("How long pursuits stay in each stage, and how many go on"),
            ),
            "calibration": (
                self.tr("Win-rate check"),
                self.tr("Do pursuits that reach a stage win as often as its win rate says?"),
            ),
        }

    # --- filters ----------------------------------------------------------------------------
    def filters(self) -> analytics.Filters:
        start, end = analytics.period_range(
            self.period.currentData() or DEFAULT_PERIOD, date.today()
        )
        return analytics.Filters(
            start=start,
            end=end,
            tags=frozenset(self._tags),
            account_id=self._account_id(),
            currency=self.currency_box.currentData() if self.currency_box.count() > 1 else None,
        )

    def _account_id(self) -> str | None:
        index = self.account.currentIndex()
        if index <= 0 or self.account.currentText() != self.account.itemText(index):
            return None
        return self.account.itemData(index)

    def _account_typed(self) -> None:
        """A typed name picks the account it names (or the only one containing it); an empty
        field means all accounts; anything else goes back to the account chosen before."""
        text = self.account.currentText().strip()
        if not text:
            self.account.setCurrentIndex(0)
            self.account.setEditText("")
        else:
            found = self.account.findText(text, Qt.MatchFlag.MatchFixedString)
            if found <= 0:
                containing = self.account.model().match(
                    self.account.model().index(1, 0),
                    Qt.ItemDataRole.DisplayRole,
                    text,
                    2,
                    Qt.MatchFlag.MatchContains,
                )
                found = containing[0].row() if len(containing) == 1 else -1
            if found > 0:
                self.account.setCurrentIndex(found)
            else:
                current = self.account.currentIndex()
                self.account.setEditText(self.account.itemText(current) if current > 0 else "")
        self._filters_changed()

    def _fill_tags_menu(self) -> None:
        self.tags_menu.clear()
        everyone = self.tags_menu.addAction(self.tr("All pursuits (no tag filter)"))
        everyone.triggered.connect(lambda: self.set_tags(set()))
        self.tags_menu.addSeparator()
        known = pursuits.all_tags(self.ctx.workspace)
        for tag in sorted(set(known) | self._tags):
            action = self.tags_menu.addAction(tag)
            action.setCheckable(True)
            action.setChecked(tag in self._tags)
            action.toggled.connect(lambda on, t=tag: self._toggle_tag(t, on))
        if not known:
            self.tags_menu.addAction(self.tr("(no tags yet)")).setEnabled(False)

    def _toggle_tag(self, tag: str, on: bool) -> None:
        self.set_tags(self._tags | {tag} if on else self._tags - {tag})

    def set_tags(self, tags: set[str]) -> None:
        self._tags = set(tags)
        self._filters_changed()

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(self.period.findData(key))

    def set_account(self, account_id: str | None) -> None:
        self._refresh_accounts()
        index = self.account.findData(account_id) if account_id else 0
        self.account.setCurrentIndex(max(index, 0))
        if index <= 0:
            self.account.setEditText("")
        self._filters_changed()

    def clear_filters(self) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD))
        self.period.blockSignals(False)
        self.account.setCurrentIndex(0)
        self.account.setEditText("")
        self._tags = set()
        if self.currency_box.count():
            self.currency_box.setCurrentIndex(0)
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        self._update_filter_widgets()
        self.save_state()
        if self.filters() == self._requested and not self._dirty:
            return  # the same filters again (a combo's activated and editingFinished)
        self._generation += 1  # results computed for the old filters are dropped
        self._dirty = set(analytics.FIGURES)
        self._debounce.start(0 if not self._job else DEBOUNCE_MS)

    def _update_filter_widgets(self) -> None:
        tags = sorted(self._tags)
        if not tags:
            self.tags_button.setText(self.tr("All"))
        elif len(tags) <= 2:
            self.tags_button.setText(" · ".join(tags))
        else:
            self.tags_button.setText(self.tr("{0} tags").format(len(tags)))
        active = (
            self.period.currentData() != DEFAULT_PERIOD
            or bool(self._tags)
            or self._account_id() is not None
        )
        self.clear_button.setVisible(active)
        several = self.currency_box.count() > 1
        self.currency_box.setVisible(several)
        self.currency_label.setVisible(several)

    def _refresh_accounts(self) -> None:
        """The accounts to choose from, keeping the chosen one (or the one saved last time)."""
        if not self._accounts_stale:
            return
        self._accounts_stale = False
        wanted = self._account_id() or self._state.get("account")
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItem(self.tr("All accounts"), None)
        for row in accounts.list_accounts(self.ctx.workspace):
            self.account.addItem(row.name, row.id)
        index = self.account.findData(wanted) if wanted else 0
        self.account.setCurrentIndex(max(index, 0))
        if index <= 0:
            self.account.setEditText("")  # "All accounts" shows as the placeholder
        self.account.blockSignals(False)
        self._update_filter_widgets()

    def _show_currencies(self, used: tuple[tuple[str, int], ...]) -> None:
        """Offer the currencies in use, when there is more than one (amounts never mix)."""
        offered = tuple(self.currency_box.itemData(i) for i in range(self.currency_box.count()))
        if offered == tuple(code for code, _ in used):
            return
        chosen = self.currency_box.currentData() or self._state.get("currency") or self.currency
        self.currency_box.blockSignals(True)
        self.currency_box.clear()
        for code, n in used:
            self.currency_box.addItem(f"{code} ({count(n)})", code)
        self.currency_box.setCurrentIndex(max(self.currency_box.findData(chosen), 0))
        self.currency_box.blockSignals(False)
        self._update_filter_widgets()

    def save_state(self) -> None:
        self._state.update(
            period=self.period.currentData() or DEFAULT_PERIOD,
            tags=sorted(self._tags),
            account=self._account_id(),
            currency=self.currency_box.currentData() if self.currency_box.count() > 1 else None,
        )
        self.ctx.settings.set_screen_state("dashboard", self._state)

    # --- reacting to changes ----------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        dirty = {f for f in analytics.FIGURES if changes.touches(*analytics.DEPENDS_ON[f])}
        if changes.touches("account"):
            self._accounts_stale = True  # a new or renamed account to offer
            if self.isVisible():
                self._refresh_accounts()
        if not dirty:
            return
        if changes.everything:
            self._generation += 1
        self._dirty |= dirty
        if self.isVisible() and self.figures is not None:
            self._debounce.start()

    def _on_workspace_replaced(self) -> None:
        self._accounts_stale = True
        self._state.pop("account", None)
        self.account.setCurrentIndex(0)  # the other database has other accounts
        self.account.setEditText("")

    def refresh(self) -> None:
        """Recompute and redraw everything now (F5)."""
        self._accounts_stale = True
        self._refresh_accounts()
        self._dirty = set(analytics.FIGURES)
        self._drawn_dirty = set(analytics.FIGURES)
        self._generation += 1
        self._debounce.start(0)

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self.figures is not None:
            self._drawn_dirty = set(self.series)  # light ↔ dark: same data, new colours
            self._to_draw = [n for n in analytics.FIGURES if n in self.series]
            self._draw_timer.start()

    # --- computing (worker thread) and drawing (GUI thread, one figure per turn) ------------
    def _start_compute(self) -> None:
        if self.figures is None or not self._dirty:
            return
        if self._job is not None:
            return  # restarted when the running job reports
        if not self.isVisible():
            return  # caught up on show
        job = _Job(self._generation, frozenset(self._dirty), self.filters(), time.perf_counter())
        self._requested = job.filters
        self._dirty = set()
        self._job = job
        self.computations += 1
        self.status.setText(self.tr("Updating…"))
        ws = self.ctx.workspace
        fallback = self.ctx.settings.default_currency
        relay = self._relay(lambda outcome: self._computed(job, outcome))

        def work() -> None:
            try:
                outcome: object = analytics.dashboard(
                    ws, job.filters, figures=sorted(job.figures), fallback_currency=fallback
                )
            except Exception as exc:  # shown in the GUI thread
                outcome = exc
            relay.done.emit(outcome)

        threading.Thread(target=work, name="dashboard-series", daemon=True).start()

    def _computed(self, job: _Job, outcome: object) -> None:
        self._job = None
        self.timings["compute"] = time.perf_counter() - job.started
        if job.generation != self._generation:
            # The filters or the database changed meanwhile: compute again for what is shown.
            self._dirty |= set(analytics.FIGURES)
            self._start_compute()
            return
        if isinstance(outcome, Exception):
            log.error("dashboard series failed", exc_info=outcome)
            self._dirty |= job.figures
            self.status.setText(
                self.tr("The charts could not be updated: {0}").format(message_for(outcome))
            )
            return
        assert isinstance(outcome, analytics.Dashboard)
        currency_changed = outcome.currency != self.currency
        self.currency = outcome.currency
        self._show_currencies(outcome.currencies)
        for name in analytics.FIGURES:
            if name not in job.figures:
                continue
            fresh = getattr(outcome, name)
            if currency_changed or fresh != self.series.get(name) or name in self._drawn_dirty:
                self.series[name] = fresh
                if name not in self._to_draw:
                    self._to_draw.append(name)
        self._drawn_dirty -= job.figures
        self._update_key_figures()
        anything = bool(outcome.currencies)  # no live pursuit at all: say so once, not five times
        self.empty_panel.setVisible(not anything)
        self.key_panel.setVisible(anything)
        self.board.setVisible(anything)
        self._column.setStretch(self._column.count() - 1, 0 if anything else 1)
        self.report_action.setEnabled(anything)
        self._draw_started = time.perf_counter()
        self._job_started = job.started
        if self._to_draw:
            self._draw_timer.start()
        else:
            self._finish_refresh(job.started)

    def _draw_next(self) -> None:
        if not self._to_draw:
            return
        name = self._to_draw.pop(0)
        canvas = self.canvases[name]
        self.figures.draw(name, canvas.figure, self.series[name], self.look())
        canvas.ready = True
        canvas.draw()
        canvas.update()
        self.draws[name] += 1
        self._drawn_dirty.discard(name)
        if self._to_draw:
            self._draw_timer.start()
        else:
            self.timings["draw"] = time.perf_counter() - self._draw_started
            self._finish_refresh(self._job_started)

    def _finish_refresh(self, started: float) -> None:
        self.timings["total"] = time.perf_counter() - started
        if self._dirty:
            self._start_compute()
            return
        self.status.setText("")
        self.refreshed.emit()

    def idle(self) -> bool:
        """Nothing waiting: no recompute pending or running and every figure drawn."""
        return (
            self.figures is not None
            and self._job is None
            and not self._dirty
            and not self._to_draw
            and not self._debounce.isActive()
        )

    def _relay(self, slot: Callable[[Any], None]) -> _Relay:
        relay = _Relay()
        self._relays.append(relay)

        def deliver(value: object) -> None:
            self._relays.remove(relay)
            if isValid(self):  # the screen may be gone (a language switch rebuilds the window)
                slot(value)

        relay.done.connect(deliver, Qt.ConnectionType.QueuedConnection)
        return relay

    # --- what the figures look like -----------------------------------------------------------
    def look(self, *, lang: str | None = None) -> figures_module.Look:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        # Muted text and grid lines are the text colour faded into the background, so they
        # work on a light and on a dark theme alike (the palette's own roles carry alpha).
        theme = self.figures.Theme(
            text=text.name(),
            muted=_blend(text, base, 0.42),
            grid=_blend(text, base, 0.84),
            background=base.name(),
        )
        lang = lang or self.ctx.lang
        return self.figures.Look(
            lang=lang,
            currency=self.currency,
            stage_names=tuple(s.milestone(lang) for s in self.ctx.catalog.stages),
            theme=theme,
        )

    def _describe(self, name: str, panel: int, x: float, y: float) -> str | None:
        if name not in self.series:
            return None
        return self.figures.describe(name, self.series[name], self.look(), panel, x, y)

    def _slice(self, name: str, panel: int, x: float, y: float) -> analytics.Slice | None:
        if name not in self.series:
            return None
        return self.figures.slice_at(self.series[name], panel, x, y)

    # --- the pursuits behind a bar --------------------------------------------------------------
    def show_behind(self, part: analytics.Slice) -> QWidget | None:
        """List the pursuits a clicked bar counts (the filters of the figures on screen)."""
        from desktop.ui.charts.behind import BehindDialog, BehindModel

        filters = self._requested or self.filters()
        try:
            rows = analytics.behind(self.ctx.workspace, filters, self.currency, part)
        except Exception as exc:  # a database error: say so where the charts are
            log.error("pursuits behind %s failed", part, exc_info=exc)
            self.status.setText(message_for(exc))
            return None
        model = BehindModel(rows, self.ctx.catalog, self.ctx.lang, self.currency)
        summary = self.tr("{0} pursuits · {1}").format(
            count(len(rows)), money(sum(r.amount for r in rows), self.currency)
        )
        opener = getattr(self.window_, "open_pursuit", lambda _id: None)
        dialog = BehindDialog(self._slice_title(part), summary, model, opener, self)
        dialog.setWindowFlag(Qt.WindowType.Tool)  # stays beside the window, not over it
        dialog.show()
        self.behind_dialog = dialog
        return dialog

    def _slice_title(self, part: analytics.Slice) -> str:
        look = self.look()
        if part.figure == "funnel":
            return self.tr("Open pursuits at {0}").format(look.stage(part.key))
        if part.figure == "forecast":
            if part.key == "past_due":
                return self.tr("Open pursuits past their expected close")
            month = (
                f"{part.key.year}年{part.key.month}月"
                if self.ctx.lang.startswith("zh")
                else part.key.strftime("%B %Y")
            )
            return self.tr("Open pursuits expected to close in {0}").format(month)
        if part.figure in ("won", "lost"):
            year, quarter = part.key
            text = (
                self.tr("Won in Q{0} {1}")
                if part.figure == "won"
                else self.tr("Lost and abandoned in Q{0} {1}")
            )
            return text.format(quarter, year)
        results = self.series.get("win_loss")
        groups = {}
        if isinstance(results, analytics.WinLoss):
            groups = {
                g.key: g.label
                for g in (results.by_competitor if part.figure == "lost_to" else results.by_reason)
            }
        if len(part.key) > 1:
            names = self.tr("the others")
        elif part.key[0] is None:
            names = (
                self.tr("a competitor not recorded")
                if part.figure == "lost_to"
                else self.tr("no reason given")
            )
        else:
            names = groups.get(part.key[0], part.key[0])
        if part.figure == "lost_to":
            return self.tr("Lost to {0}").format(names)
        return self.tr("Lost or abandoned: {0}").format(names)

    def _update_key_figures(self) -> None:
        lang, currency = self.ctx.lang, self.currency
        funnel = self.series.get("funnel")
        forecast = self.series.get("forecast")
        results = self.series.get("win_loss")
        velocity = self.series.get("velocity")
        tiles = self.key_figures
        if isinstance(funnel, analytics.Funnel):
            tiles["open"].show_value(
                money_short(funnel.amount, currency, lang),
                self.tr("{0} pursuits").format(count(funnel.count)),
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
                self.tr("{0} pursuits").format(count(results.won_count)),
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

    # --- export ---------------------------------------------------------------------------------
    def export_menu(self, name: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for suffix, label in (
            ("png", self.tr("Save as PNG Image…")),
            ("svg", self.tr("Save as SVG Drawing…")),
            ("pdf", self.tr("Save as PDF…")),
        ):
            action = menu.addAction(label)
            action.setObjectName(f"export_{suffix}")
            action.triggered.connect(lambda _=False, s=suffix: self.export_dialog(name, s))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy Image"))
        copy.setObjectName("copy_image")
        copy.triggered.connect(lambda: self.copy_image(name))
        return menu

    def caption(self) -> str:
        """What an exported chart shows: the date, the period and the filters."""
        filters = self.filters()
        parts = [
            f"{APP_NAME_ZH if self.ctx.lang == 'zh' else APP_NAME} · {date.today().isoformat()}",
            self.tr("Period: {0}").format(self.period.currentText()),
        ]
        if filters.account_id:
            parts.append(self.tr("Account: {0}").format(self.account.currentText()))
        if filters.tags:
            parts.append(self.tr("Tags: {0}").format(", ".join(sorted(filters.tags))))
        parts.append(self.tr("Currency: {0}").format(self.currency))
        return " · ".join(parts)

    def _export_dir(self) -> str:
        folder = self._state.get("export_dir") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return folder or str(Path.home())

    def export_dialog(self, name: str, suffix: str) -> None:
        if name not in self.series:
            return
        title = self.cards[name].title
        proposed = str(Path(self._export_dir()) / f"{title} {date.today().isoformat()}.{suffix}")
        kind = FORMATS[suffix]
        dialog = QFileDialog(
            self, self.tr("Save Chart"), proposed, self.tr("{0} files (*.{1})").format(kind, suffix)
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.setObjectName("export_dialog")
        dialog.fileSelected.connect(lambda path: self.export_chart(name, path))
        self.export_dialog_widget = dialog
        dialog.open()

    def export_chart(self, name: str, path: str) -> bool:
        """Save chart `name` to `path` (PNG, SVG or PDF by its suffix); False when it failed."""
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            path = f"{path}.png"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.figures.export_figure(
                name,
                self.series[name],
                self.look(),
                path,
                title=self.cards[name].title,
                caption=self.caption(),
            )
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self._export_failed(path, exc)
            return False
        QApplication.restoreOverrideCursor()
        self._state["export_dir"] = str(Path(path).parent)
        self.ctx.settings.set_screen_state("dashboard", self._state)
        self.status.setText(self.tr("Saved to {0}").format(path))
        return True

    def _export_failed(self, path: str, exc: OSError) -> None:
        from desktop.ui.errors import show_error

        log.error("export to %s failed", path, exc_info=exc)
        show_error(self, exc)

    def copy_image(self, name: str) -> None:
        """The chart as a PNG on the clipboard (paste it into a message or a slide)."""
        if name not in self.series:
            return
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            target = str(Path(folder) / "chart.png")
            self.figures.export_figure(
                name,
                self.series[name],
                self.look(),
                target,
                title=self.cards[name].title,
                caption=self.caption(),
            )
            image = QImage(target)
        QGuiApplication.clipboard().setImage(image)
        self.status.setText(self.tr("Chart copied"))

    def export_report_dialog(self) -> None:
        if not self.series:
            return
        proposed = str(
            Path(self._export_dir()) / self.tr("Dashboard {0}.pdf").format(date.today().isoformat())
        )
        dialog = QFileDialog(self, self.tr("Export Report"), proposed, self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setObjectName("report_dialog")
        dialog.fileSelected.connect(self.export_report)
        self.export_dialog_widget = dialog
        dialog.open()

    def export_report(self, path: str) -> bool:
        """Every chart on its own A4 landscape page of one PDF, on white, with the filters."""
        from matplotlib.backends.backend_pdf import PdfPages

        caption = self.caption()
        titles = self._titles()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            metadata = {"Title": self.tr("Dashboard"), "Creator": APP_NAME}
            with PdfPages(path, metadata=metadata) as pdf:
                for name in analytics.FIGURES:
                    if name not in self.series:
                        continue
                    page = self.figures.figure_page(
                        name, self.series[name], self.look(), title=titles[name][0], caption=caption
                    )
                    pdf.savefig(page)
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            self._export_failed(path, exc)
            return False
        QApplication.restoreOverrideCursor()
        self._state["export_dir"] = str(Path(path).parent)
        self.ctx.settings.set_screen_state("dashboard", self._state)
        self.status.setText(self.tr("Saved to {0}").format(path))
        return True
