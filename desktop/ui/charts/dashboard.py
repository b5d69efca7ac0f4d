"""The Dashboard screen (分析): key figures and five charts over filters, kept current.

Start-up never pays for matplotlib: this module imports only Qt. The first time the screen is
shown, matplotlib is imported on a worker thread (the window stays responsive, a line says
"Loading charts…"), then the canvases are made. The series are computed on another worker
thread meanwhile, in one read snapshot (the key figures show as soon as they are in), and the
figures are drawn one per turn of the event loop, those in view first, so the window never
stalls for long even at 10,000 pursuits. Once the app's idle warm-up has run, the first open
usually finds its series computed and drawn on its figures already (`charts.ahead`, valid while
nothing was written since): it only lays the cards out and renders them.

Changes broadcast by `ctx.changed` mark the figures whose record kinds they touch (see
`analytics.DEPENDS_ON`); a short debounce gathers a burst of edits into one recompute, and a
figure is redrawn only when its series actually changed. While the screen is hidden, changes are
only noted; it catches up when shown.

This module holds the screen and its refresh cycle (what is dirty, the job running, the figures
left to draw). Its other jobs live beside it: the filters (`filter_bar`), the cards and key
figures (`tiles`), the work off the GUI thread (`worker`), the pursuits behind a bar
(`drilldown`) and saving or copying the charts (`chart_export`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services import analytics, dashboard_ahead
from desktop.services.changes import ChangeKind, Changes
from desktop.ui.charts.chart_export import ChartExport
from desktop.ui.charts.drilldown import DrillDown
from desktop.ui.charts.filter_bar import DashboardFilters
from desktop.ui.charts.theme import theme_colors
from desktop.ui.charts.tiles import ChartCard, KeyFigures, chart_icon
from desktop.ui.charts.worker import Job, Relays, compute_series, load_figures
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
        self.ahead_taken = False  # the first series were those the app's warm-up computed
        self.drawn_ahead: set[str] = set()  # figures the warm-up drew with them: only rendered
        self.rendered_ahead: set[str] = set()  # … and rendered at the right size: only shown
        self._logged_first = False
        self.draws: Counter[str] = Counter()  # times each figure was drawn
        self._dirty: set[str] = set(analytics.FIGURES)
        self._drawn_dirty: set[str] = set()  # to redraw though the series are the same (theme)
        self._generation = 0
        self._job: Job | None = None
        self._loading = False
        self._to_draw: list[str] = []
        self._draw_started = 0.0
        self._columns = 0
        self._job_started = 0.0
        self._requested: analytics.Filters | None = None  # the filters last computed for
        self._anything = True  # a live pursuit in the last computed series (else the panel)
        # Filters (those naming reps, accounts, tags: of this database) and the export folder.
        self.state = ctx.settings.screen_state_of("dashboard", ctx.workspace.path)
        self._relays = Relays(self)
        self.drilldown = DrillDown(self)
        self.exporter = ChartExport(self)

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
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.filter_bar = DashboardFilters(self.ctx, self.state, self.status)
        self.filter_bar.changed.connect(self._filters_changed)
        self.key_figures = KeyFigures()

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
        self.empty_panel = self._empty_panel()
        column.addWidget(self.filter_bar)
        column.addWidget(self.empty_panel)
        column.addWidget(self.key_figures)
        column.addWidget(self.board, 1)
        column.addStretch(0)  # takes the room instead of the charts while there are none
        self._column = column
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dashboard_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        color = self.palette().color(QPalette.ColorRole.WindowText).name()
        self.report_action = QAction(chart_icon("report", color), self.tr("Export Report…"), self)
        self.report_action.setObjectName("export_report")
        self.report_action.setToolTip(
            self.tr("Save every chart, with the filters, as one PDF (A4 landscape)")
        )
        self.report_action.triggered.connect(self.exporter.export_report_dialog)
        self.report_action.setEnabled(False)
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setObjectName("refresh")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.filter_bar.clear_button.setIcon(chart_icon("filter-clear", color))

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

    def _arrange_cards(self) -> None:
        """Two charts side by side when there is room, otherwise one under another."""
        columns = 2 if self.scroll_area.viewport().width() >= WIDE else 1
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
        self.key_figures.arrange(event.size().width())

    # --- showing and loading ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.filter_bar.accounts_stale:
            # Before the series are computed: the account chosen last time is one of them.
            QTimer.singleShot(0, self.filter_bar.refresh_accounts)
        if self.figures is None and not self._loading:
            self._loading = True
            # After this turn of the event loop, so the window paints first.
            QTimer.singleShot(0, self._load_charts)
        if self._dirty:
            # The series need no matplotlib: on the first show they are computed while it loads.
            self._debounce.start(0)

    def _load_charts(self) -> None:
        """Import matplotlib and take the figures on a worker thread (the window stays
        responsive); make the canvases when that is done."""
        self.placeholder.setText(self.tr("Loading charts…"))
        load_figures(self._relays.make(self._charts_loaded))

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
        titles = self.titles()
        for name in analytics.FIGURES:
            canvas = ChartCanvas(name, outcome.get(name))
            canvas.describer = lambda panel, x, y, n=name: self._describe(n, panel, x, y)
            canvas.slicer = lambda panel, x, y, n=name: self._slice(n, panel, x, y)
            canvas.on_slice = self.drilldown.show_behind
            self.canvases[name] = canvas
            title, subtitle = titles[name]
            self.cards[name] = ChartCard(name, title, subtitle, canvas, self.exporter.export_menu)
        self.grid.removeWidget(self.placeholder)
        self.placeholder.hide()
        self._columns = 0
        self._arrange_cards()
        self._settle_layout()
        self.report_action.setEnabled(self._anything)
        self.charts_ready.emit()
        # Draw what was computed while matplotlib loaded. No glyphs are rendered beforehand to
        # load this thread's fonts (matplotlib keeps fonts per thread): that cost the first open
        # more than the first drawing's own loading of them, and held Python's lock meanwhile,
        # slowing the series computed beside it.
        if self._to_draw:
            self._draw_started = time.perf_counter()
            self._draw_timer.start()
        else:
            self._start_compute()  # a series computed meanwhile is drawn from _computed

    def _settle_layout(self) -> None:
        """Lay the new cards out now, before the first figure is drawn. Left to the event loop,
        the cards are shown a turn later (a layout shows its new widgets by a queued call), then
        take their height, then the scroll bar appears and narrows them: a figure drawn in
        between was drawn again at its final size (~100 ms each at 10,000 pursuits)."""
        for card in self.cards.values():
            card.show()
        sizes: list[tuple[int, int]] = []
        for _ in range(4):  # until nothing moves: the scroll bar shown asks for another round
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            now = [(c.width(), c.height()) for c in self.canvases.values()]
            if now == sizes:
                break
            sizes = now

    def titles(self) -> dict[str, tuple[str, str]]:
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
        return self.filter_bar.filters()

    def computed_filters(self) -> analytics.Filters:
        """The filters of the figures on screen (those last computed for)."""
        return self._requested or self.filters()

    def save_state(self) -> None:
        """The filters for the next session (the main window asks every screen on close), and
        the charts' sizes, at which the app's warm-up renders them next time (`charts.ahead`)."""
        if self.canvases:
            self.state["chart_sizes"] = {
                name: [*canvas.get_width_height(physical=True), canvas.figure.dpi]
                for name, canvas in self.canvases.items()
            }
        self.filter_bar.save_state()

    def _filters_changed(self) -> None:
        if self.filters() == self._requested and not self._dirty:
            return  # the same filters again (a combo's activated and editingFinished)
        self._generation += 1  # results computed for the old filters are dropped
        self._dirty = set(analytics.FIGURES)
        self._debounce.start(0 if not self._job else DEBOUNCE_MS)

    # --- reacting to changes ----------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        dirty = {f for f in analytics.FIGURES if changes.touches(*analytics.DEPENDS_ON[f])}
        if changes.touches(ChangeKind.ACCOUNT):
            self.filter_bar.accounts_stale = True  # a new or renamed account to offer
            if self.isVisible():
                self.filter_bar.refresh_accounts()
        if not dirty:
            return
        if changes.everything:
            self._generation += 1
        self._dirty |= dirty
        if self.isVisible():
            self._debounce.start()

    def _on_workspace_replaced(self) -> None:
        self.filter_bar.forget_account()

    def refresh(self) -> None:
        """Recompute and redraw everything now (F5)."""
        self.filter_bar.accounts_stale = True
        self.filter_bar.refresh_accounts()
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
        if not self._dirty:
            return
        if self._job is not None:
            return  # restarted when the running job reports
        if not self.isVisible():
            return  # caught up on show
        if self.filter_bar.accounts_stale:
            self.filter_bar.refresh_accounts()  # the account chosen last time is a filter
        job = Job(self._generation, frozenset(self._dirty), self.filters(), time.perf_counter())
        self._requested = job.filters
        self._dirty = set()
        self._job = job
        first_open = self.computations == 0
        self.computations += 1
        fallback = self.ctx.settings.default_currency
        if first_open:
            # Computed by the app's idle warm-up, if nothing was written since: drawn at once
            # rather than computed beside the drawing (both would hold Python's lock).
            ahead = dashboard_ahead.take(self.ctx.workspace, job.filters, fallback)
            if ahead is not None:
                self.ahead_taken = True
                self._computed(job, ahead)
                return
        self.status.setText(self.tr("Updating…"))
        relay = self._relays.make(lambda outcome: self._computed(job, outcome))
        first = self._relays.make(lambda outcome: self._computed_first(job, outcome))
        compute_series(self.ctx.workspace, job, fallback, relay, first)

    def _computed_first(self, job: Job, outcome: analytics.Dashboard) -> None:
        """The quick aggregates of a job still running: drawn while it reads the history."""
        if job is not self._job or job.generation != self._generation:
            return  # outdated: the job's own result recomputes
        if outcome.currency != self.currency:
            self.currency = outcome.currency
            self._drawn_dirty |= job.figures  # drawn again in the new currency
        self._queue_fresh(job, outcome)
        if self.figures is not None and self._to_draw and not self._draw_timer.isActive():
            self._draw_started = time.perf_counter()
            self._in_view_first()
            self._draw_timer.start()

    def _queue_fresh(self, job: Job, outcome: analytics.Dashboard) -> None:
        """Keep the series of `outcome` that differ from those drawn, to be drawn."""
        for name in analytics.FIGURES:
            fresh = getattr(outcome, name)
            if name not in job.figures or fresh is None:
                continue
            if fresh != self.series.get(name) or name in self._drawn_dirty:
                self.series[name] = fresh
                self._drawn_dirty.discard(name)
                if name not in self._to_draw:
                    self._to_draw.append(name)

    def _computed(self, job: Job, outcome: object) -> None:
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
            self._to_draw.clear()  # nor its first figures: they are computed again
            self.status.setText(
                self.tr("The charts could not be updated: {0}").format(message_for(outcome))
            )
            return
        assert isinstance(outcome, analytics.Dashboard)
        if outcome.currency != self.currency:
            self.currency = outcome.currency
            self._drawn_dirty |= job.figures  # drawn again in the new currency
        self.filter_bar.show_currencies(outcome.currencies, self.currency)
        if self._offered_currency(outcome) != outcome.currency:
            # Computed in a currency the bar no longer offers (the saved one, none of whose
            # pursuits are left): computed again in the one it shows.
            self._filters_changed()
            return
        self._queue_fresh(job, outcome)
        self.key_figures.show_series(self.series, self.currency, self.ctx.lang)
        anything = bool(outcome.currencies)  # no live pursuit at all: say so once, not five times
        self.empty_panel.setVisible(not anything)
        self.key_figures.setVisible(anything)
        self.board.setVisible(anything)
        self._column.setStretch(self._column.count() - 1, 0 if anything else 1)
        self._anything = anything
        self.report_action.setEnabled(anything and self.figures is not None)
        self._job_started = job.started
        if self.figures is None:
            return  # drawn once matplotlib is loaded (`_charts_loaded`)
        if self._draw_timer.isActive():
            return  # the first figures are being drawn: the rest follow, then it finishes
        if self._to_draw:
            self._draw_started = time.perf_counter()
            self._in_view_first()
            self._draw_timer.start()
        else:
            self._finish_refresh(job.started)

    def _offered_currency(self, outcome: analytics.Dashboard) -> str:
        """The currency the bar's filters would compute in, as `analytics.dashboard` picks it."""
        used = outcome.currencies
        return self.filters().currency or (
            used[0][0] if used else self.ctx.settings.default_currency
        )

    def _in_view_first(self) -> None:
        """Draw the figures the scroll area shows before those below it."""
        viewport = self.scroll_area.viewport()
        top = viewport.mapTo(self, viewport.rect().topLeft()).y()
        bottom = top + viewport.height()

        def hidden(name: str) -> bool:
            card = self.cards.get(name)
            if card is None or card.isHidden():
                return True
            y = card.mapTo(self, card.rect().topLeft()).y()
            return y >= bottom or y + card.height() <= top

        self._to_draw.sort(key=hidden)  # stable: figure order within each group

    def _draw_next(self) -> None:
        if not self._to_draw:
            return
        name = self._to_draw.pop(0)
        canvas = self.canvases[name]
        series, look = self.series[name], self.look()
        # A first drawing on a figure the app's warm-up drew already with these very series and
        # this look (`charts.ahead`) only renders it.
        if self.draws[name] or self.figures.drawn_with(canvas.figure) != (series, look):
            self.figures.draw(name, canvas.figure, series, look)
        else:
            self.drawn_ahead.add(name)
        canvas.ready = True
        # Rendered ahead too, at the size the card had last time: only shown.
        if name in self.drawn_ahead and not self.draws[name] and canvas.adopt_rendered():
            self.rendered_ahead.add(name)
        else:
            canvas.draw()
        canvas.update()
        self.draws[name] += 1
        self._drawn_dirty.discard(name)
        if self._to_draw:
            self._draw_timer.start()
        elif self._job is None:  # else the running job's result finishes the refresh
            self.timings["draw"] = time.perf_counter() - self._draw_started
            self._finish_refresh(self._job_started)

    def _finish_refresh(self, started: float) -> None:
        self.timings["total"] = time.perf_counter() - started
        if self._dirty:
            self._start_compute()
            return
        if self.computations == 1 and not self._logged_first:
            self._logged_first = True
            log.info(
                "first open drawn in %.0f ms; series from the warm-up: %s, figures drawn by it: "
                "%d, rendered by it: %d",
                self.timings["total"] * 1000,
                self.ahead_taken,
                len(self.drawn_ahead),
                len(self.rendered_ahead),
            )
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

    # --- what the figures look like -----------------------------------------------------------
    def look(self, *, lang: str | None = None) -> figures_module.Look:
        lang = lang or self.ctx.lang
        look: figures_module.Look = self.figures.Look(
            lang=lang,
            currency=self.currency,
            stage_names=tuple(s.process(lang) for s in self.ctx.catalog.stages),
            theme=self.figures.Theme(*theme_colors(self.palette())),
        )
        return look

    def _describe(self, name: str, panel: int, x: float, y: float) -> str | None:
        if name not in self.series:
            return None
        text: str | None = self.figures.describe(name, self.series[name], self.look(), panel, x, y)
        return text

    def _slice(self, name: str, panel: int, x: float, y: float) -> analytics.Slice | None:
        if name not in self.series:
            return None
        part: analytics.Slice | None = self.figures.slice_at(self.series[name], panel, x, y)
        return part
