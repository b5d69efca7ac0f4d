"""The dashboard at 10,000 pursuits: series computed and every figure drawn (target < 1 s).

Figures recorded (`make bench`):
- the series alone (`analytics.dashboard`, one read snapshot): first run and best of three;
- the app's idle warm-up (matplotlib imported on a worker once the window has been up a while),
  then the real screen's first open after it: the figures prepared on a worker thread, computed
  and drawn (both only when this process had not loaded matplotlib yet; target < 800 ms);
- a full refresh of the open screen (series on the worker + five figures drawn): median and
  best of five, and the CPU time the process spent on it (all threads);
- the refresh after a stage move, from the end of the debounce to the last figure redrawn.

Wall times depend on what else runs on the machine, so the CPU time and the 1-minute load
average are recorded beside them.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import analytics, pursuits
from desktop.services.queries import board
from desktop.services.workspace import Workspace

TARGET = "< 1000 ms"


def test_dashboard_at_10000_pursuits(scale_db, record, qtbot) -> None:
    from desktop.app import make_application

    make_application()
    ws = Workspace.open(scale_db)
    try:
        filters = analytics.Filters(*analytics.period_range("last_12_months", date.today()))
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            result = analytics.dashboard(ws, filters)
            runs.append(time.perf_counter() - started)
        assert result.funnel is not None and result.funnel.count > 5_000
        record("dashboard: series computed, first (10,000 pursuits)", runs[0] * 1000, "ms")
        record("dashboard: series computed, best of 3", min(runs) * 1000, "ms")

        cold = "matplotlib" not in sys.modules
        if cold:
            # As the app does once its window has been up a while (`desktop.app.warm_up`).
            from desktop.app import warm_up

            started = time.perf_counter()
            warm_up().join()
            record(
                "dashboard: idle warm-up, matplotlib imported on a worker",
                (time.perf_counter() - started) * 1000,
                "ms",
            )
        from desktop.ui.charts.dashboard import Dashboard
        from desktop.ui.context import AppContext

        settings = Settings()
        i18n.install(settings.language)
        ctx = AppContext(ws, settings)
        host = QWidget()
        dashboard = Dashboard(ctx, host)
        QVBoxLayout(host).addWidget(dashboard)
        qtbot.addWidget(host)
        host.resize(1440, 1000)
        started = time.perf_counter()
        host.show()
        qtbot.waitUntil(dashboard.idle, timeout=120_000)
        if cold:
            record(
                "dashboard: first open after the idle warm-up",
                (time.perf_counter() - started) * 1000,
                "ms",
                "< 800 ms",
            )
        record(
            "dashboard: first open, computed + drawn (after loading)",
            dashboard.timings["total"] * 1000,
            "ms",
            TARGET,
        )

        totals, computes, draws, cpus = [], [], [], []
        for _ in range(5):
            cpu = time.process_time()
            with qtbot.waitSignal(dashboard.refreshed, timeout=60_000):
                dashboard.refresh()
            cpus.append(time.process_time() - cpu)
            totals.append(dashboard.timings["total"])
            computes.append(dashboard.timings["compute"])
            draws.append(dashboard.timings["draw"])
        record(
            "dashboard: whole dashboard computed + drawn (median of 5)",
            statistics.median(totals) * 1000,
            "ms",
            TARGET,
        )
        record("dashboard: whole dashboard computed + drawn (best of 5)", min(totals) * 1000, "ms")
        record("dashboard:   CPU time of a refresh (median)", statistics.median(cpus) * 1000, "ms")
        record(
            "dashboard:   series on the worker (median)", statistics.median(computes) * 1000, "ms"
        )
        record("dashboard:   five figures drawn (median)", statistics.median(draws) * 1000, "ms")

        card = next(c for c in board.board_cards(ws) if c.stage < 8)
        with qtbot.waitSignal(dashboard.refreshed, timeout=60_000):
            ctx.perform(pursuits.move_stage, [card.id], card.stage + 1)
        record(
            "dashboard: refresh after a stage move (after the debounce)",
            dashboard.timings["total"] * 1000,
            "ms",
            TARGET,
        )
        record("dashboard: machine load while measuring (1-minute average)", os.getloadavg()[0], "")
        qtbot.waitUntil(dashboard.idle)
    finally:
        ws.close()
