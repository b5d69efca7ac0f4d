"""What the app's idle warm-up computes for the Dashboard (`Screen.ahead`): the series its first
open will show, so that the open only draws them (`services.dashboard_ahead`).

`plan` runs on the GUI thread and reads what the first open will compute for (the saved filters,
the fallback currency: settings are read here, not on the worker) and draw with (the language,
the palette's colours); the work it returns runs on the warm-up's worker thread once matplotlib
is imported: it computes the series, then draws them on the figures the warm-up prepared
(`figures.predraw`), so that the first open only renders them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QApplication

from desktop.services import analytics, dashboard_ahead
from desktop.ui.charts.filter_bar import first_filters
from desktop.ui.charts.theme import theme_colors
from desktop.ui.context import AppContext


def plan(ctx: AppContext) -> Callable[[], object]:
    ws = ctx.workspace
    state = ctx.settings.screen_state_of("dashboard", ws.path)
    filters = first_filters(state, date.today())
    fallback_currency = ctx.settings.default_currency
    lang = ctx.lang
    stage_names = tuple(s.process(lang) for s in ctx.catalog.stages)
    # The application's palette: the Dashboard's own unless a style sheet gives it another (then
    # its look differs from this one, and it draws its figures itself).
    colors = theme_colors(QApplication.palette())

    def work() -> None:
        series = dashboard_ahead.compute(ws, filters, fallback_currency)
        if series is None:
            return
        # Imported by the warm-up before this runs (`charts.warm`): matplotlib, the stock.
        from desktop.ui.charts import figures

        look = figures.Look(lang, series.currency, stage_names, figures.Theme(*colors))
        figures.predraw({name: getattr(series, name) for name in analytics.FIGURES}, look)

    return work
