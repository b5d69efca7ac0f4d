"""The dashboard at 10,000 pursuits: series computed and every figure drawn (target < 1 s).

Figures recorded (`make bench`):
- the series alone (`analytics.dashboard`, one read snapshot): first run and best of three;
- the first open in a fresh process, as a rep meets it: after the app's idle warm-up
  (matplotlib imported, the figures prepared and the series computed ahead on a worker once the
  window has been up a while, kept while nothing is written: `services.dashboard_ahead`; target
  < 800 ms), and without it (the Dashboard clicked in the first seconds, before the warm-up:
  matplotlib is imported then). Each from `show()` to the charts in view drawn and to all five
  drawn, wall and CPU time (all threads), the median of paired runs (warm, cold, again …;
  "again": a later session, whose warm-up also rendered the figures at the sizes the session
  before saved);
- the app's idle warm-up, then the real screen's first open after it, in this process (only when
  it had not loaded matplotlib yet);
- a full refresh of the open screen (series on the worker + five figures drawn): median and
  best of five, and the CPU time the process spent on it (all threads);
- the refresh after a stage move, from the end of the debounce to the last figure redrawn.

Wall times depend on what else runs on the machine, so the CPU time and the 1-minute load
average are recorded beside them.

`PURSUIT_BENCH_SCALE=50000` runs the same figures on `demo-50000.db` from
`PURSUIT_BENCH_DB_CACHE` (issue 22: every chart at 50,000 within twice its 10,000 target); their
names then end in "@50k".
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from demo_db import demo_template

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import analytics, pursuits
from desktop.services.queries import board
from desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SCALE = int(os.environ.get("PURSUIT_BENCH_SCALE", "10000"))
SUFFIX = "" if SCALE == 10_000 else f" @{SCALE // 1000}k"
TARGET = "< 1000 ms" if SCALE == 10_000 else "< 2000 ms"  # at 50k: the 10k target × 2
PAIRS = 3

# One first open of the Dashboard in a fresh process: argv = database, "warm" (the app's idle
# warm-up has run) or "cold" (it has not: matplotlib is imported when the screen is shown). Each
# run then saves the Dashboard's state as the window does on close (its charts' sizes, which the
# next session's warm-up renders the figures at): "warm" runs in a data folder of its own where
# no session saved any, "again" in the one the "cold" run before it saved in.
FIRST_OPEN = r"""
import json, sys, time
from pathlib import Path
from desktop.app import make_application
app = make_application()
from PySide6.QtWidgets import QVBoxLayout, QWidget
from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services.workspace import Workspace
from desktop.ui.charts.dashboard import Dashboard
from desktop.ui.context import AppContext
ws = Workspace.open(Path(sys.argv[1]))
settings = Settings()
i18n.install(settings.language)
ctx = AppContext(ws, settings)
if sys.argv[2] != "cold":
    from desktop.app import warm_up
    warm_up(ctx).join()
# The app's window has painted before a rep clicks Dashboard: Qt's fonts are loaded by then.
from PySide6.QtWidgets import QLabel
window = QLabel("Pursuit 项目型销售管理")
window.show()
window.grab()
host = QWidget()
dashboard = Dashboard(ctx, host)
QVBoxLayout(host).addWidget(dashboard)
host.resize(1440, 1000)

def in_view_drawn():
    shown = [c for c in dashboard.canvases.values() if not c.visibleRegion().isEmpty()]
    return bool(shown) and all(c.ready for c in shown)

wall, cpu = time.perf_counter(), time.process_time()
host.show()
in_view = None
while not dashboard.idle():
    app.processEvents()
    if in_view is None and in_view_drawn():
        in_view = (time.perf_counter() - wall, time.process_time() - cpu)
    time.sleep(0.001)
done = (time.perf_counter() - wall, time.process_time() - cpu)
in_view = in_view or done
print(json.dumps(dict(in_view=in_view[0], in_view_cpu=in_view[1], all=done[0], all_cpu=done[1],
                      ahead=dashboard.ahead_taken, rendered_ahead=len(dashboard.rendered_ahead),
                      in_view_count=sum(not c.visibleRegion().isEmpty()
                                        for c in dashboard.canvases.values()))))
dashboard.save_state()
ws.close()
"""


@pytest.fixture(scope="session")
def scale_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of `SCALE` pursuits (the conftest's is of 10,000)."""
    return demo_template(SCALE, tmp_path_factory)


def test_first_open_in_a_fresh_process(scale_db: Path, tmp_path: Path, record) -> None:
    """The first open as a rep meets it, after the idle warm-up and before it, paired runs."""
    # Every process opens this run's copy (at 50,000 pursuits a copy is 2 GB; only the first
    # open migrates it, before anything is timed).
    runs: dict[str, list[dict[str, float]]] = {"warm": [], "cold": [], "again": []}
    for n in range(PAIRS):
        for mode in ("warm", "cold", "again"):
            # A "warm" run finds no charts' sizes saved; "again" those of the "cold" run before.
            data = tmp_path / (f"first-{n}" if mode == "warm" else "later")
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PURSUIT_DATA_DIR=str(data))
            run = subprocess.run(
                [sys.executable, "-c", FIRST_OPEN, str(scale_db), mode],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                timeout=600,
                check=True,
            )
            runs[mode].append(json.loads(run.stdout.strip().splitlines()[-1]))
    assert all(r["rendered_ahead"] == 5 for r in runs["again"])  # the sizes were the same
    for mode, label, target in (
        ("warm", "after the idle warm-up", "< 800 ms"),
        ("again", "after the warm-up, charts' sizes from the session before", "< 800 ms"),
        ("cold", "before the warm-up (matplotlib imported then)", ""),
    ):
        got = runs[mode]
        shown = got[0]["in_view_count"]

        def median(key: str, got: list[dict[str, float]] = got) -> float:
            return statistics.median(r[key] for r in got) * 1000

        record(f"dashboard: first open {label}, all five drawn{SUFFIX}", median("all"), "ms",
               target)  # fmt: skip
        record(f"dashboard:   CPU time (all threads){SUFFIX}", median("all_cpu"), "ms")
        record(f"dashboard:   the {shown} charts in view drawn{SUFFIX}", median("in_view"), "ms")
        record(f"dashboard:   CPU time, in view (all threads){SUFFIX}", median("in_view_cpu"),
               "ms")  # fmt: skip
    record(f"dashboard: machine load, first opens (1-minute average){SUFFIX}",
           os.getloadavg()[0], "")  # fmt: skip


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
        assert result.funnel is not None and result.funnel.count > SCALE // 2
        record(f"dashboard: series computed, first ({SCALE:,} pursuits)", runs[0] * 1000, "ms")
        record(f"dashboard: series computed, best of 3{SUFFIX}", min(runs) * 1000, "ms")

        from desktop.ui.context import AppContext

        settings = Settings()
        i18n.install(settings.language)
        ctx = AppContext(ws, settings)
        cold = "matplotlib" not in sys.modules
        if cold:
            # As the app does once its window has been up a while (`desktop.app.warm_up`).
            from desktop.app import warm_up

            started = time.perf_counter()
            warm_up(ctx).join()
            record(
                f"dashboard: idle warm-up, matplotlib imported and series computed on a worker"
                f"{SUFFIX}",
                (time.perf_counter() - started) * 1000,
                "ms",
            )
        from desktop.ui.charts.dashboard import Dashboard

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
                f"dashboard: first open after the idle warm-up{SUFFIX}",
                (time.perf_counter() - started) * 1000,
                "ms",
                "< 800 ms",
            )
        record(
            f"dashboard: first open, computed + drawn (after loading){SUFFIX}",
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
            f"dashboard: whole dashboard computed + drawn (median of 5){SUFFIX}",
            statistics.median(totals) * 1000,
            "ms",
            TARGET,
        )
        record(
            f"dashboard: whole dashboard computed + drawn (best of 5){SUFFIX}",
            min(totals) * 1000,
            "ms",
        )
        record(
            f"dashboard:   CPU time of a refresh (median){SUFFIX}",
            statistics.median(cpus) * 1000,
            "ms",
        )
        record(
            f"dashboard:   series on the worker (median){SUFFIX}",
            statistics.median(computes) * 1000,
            "ms",
        )
        record(
            f"dashboard:   five figures drawn (median){SUFFIX}",
            statistics.median(draws) * 1000,
            "ms",
        )

        card = next(c for c in board.board_cards(ws) if c.stage < 8)
        with qtbot.waitSignal(dashboard.refreshed, timeout=60_000):
            ctx.perform(pursuits.move_stage, [card.id], card.stage + 1)
        record(
            f"dashboard: refresh after a stage move (after the debounce){SUFFIX}",
            dashboard.timings["total"] * 1000,
            "ms",
            TARGET,
        )
        record(
            f"dashboard: machine load while measuring (1-minute average){SUFFIX}",
            os.getloadavg()[0],
            "",
        )
        qtbot.waitUntil(dashboard.idle)
    finally:
        ws.close()
