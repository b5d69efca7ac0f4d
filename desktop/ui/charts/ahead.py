"""What the app's idle warm-up computes for the Dashboard (`Screen.ahead`): the series its first
open will show, so that the open only draws them (`services.dashboard_ahead`).

`plan` runs on the GUI thread and reads what the first open will compute for (the saved filters,
the fallback currency: settings are read here, not on the worker) and draw with (the language,
the palette's colours); the work it returns runs on the warm-up's worker thread once matplotlib
is imported: it computes the series, then draws them on the figures the warm-up prepared
(`figures.predraw`) and renders them at the sizes the charts had when the Dashboard was last
closed (`figures.prerender`), so that the first open only shows them (or, at another size,
renders them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

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
    sizes = chart_sizes(state)

    def work() -> None:
        series = dashboard_ahead.compute(ws, filters, fallback_currency)
        if series is None:
            return
        # Imported by the warm-up before this runs (`charts.warm`): matplotlib, the stock.
        from desktop.ui.charts import figures

        look = figures.Look(lang, series.currency, stage_names, figures.Theme(*colors))
        figures.predraw({name: getattr(series, name) for name in analytics.FIGURES}, look)
        figures.prerender(sizes)

    return work


def chart_sizes(state: dict[str, Any]) -> dict[str, tuple[int, int, float]]:
    """The charts' sizes the Dashboard saved when last closed (`Dashboard.save_state`): physical
    pixels wide and high and dots per inch, per figure; what is not such a size is left out."""
    saved = state.get("chart_sizes")
    sizes: dict[str, tuple[int, int, float]] = {}
    if not isinstance(saved, dict):
        return sizes
    for name, size in saved.items():
        if (
            name in analytics.FIGURES
            and isinstance(size, list)
            and len(size) == 3
            and all(isinstance(v, int | float) and v > 0 for v in size)
        ):
            sizes[name] = (int(size[0]), int(size[1]), float(size[2]))
    return sizes
