"""What the app's idle warm-up computes for the Dashboard (`Screen.ahead`): the series its first
open will show, so that the open only draws them (`services.dashboard_ahead`).

`plan` runs on the GUI thread and reads what the first open will compute for (the saved filters,
the fallback currency: settings are read here, not on the worker); the work it returns runs on the
warm-up's worker thread once matplotlib is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.services import dashboard_ahead
from desktop.ui.charts.filter_bar import first_filters
from desktop.ui.context import AppContext


def plan(ctx: AppContext) -> Callable[[], object]:
    ws = ctx.workspace
    state = ctx.settings.screen_state_of("dashboard", ws.path)
    filters = first_filters(state, date.today())
    fallback_currency = ctx.settings.default_currency
    return lambda: dashboard_ahead.compute(ws, filters, fallback_currency)
