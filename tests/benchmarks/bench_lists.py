"""Lists and search at scale (10,000 pursuits, 50,000 stakeholders): the Pursuits list opening and
sorting, the Accounts screen and an account's page, and a search keystroke to shown results.

Screen timings run offscreen and include painting (`grab()` forces a paint of the visible rows),
each taken as the median of a few runs after one warm-up, as in a running app. Beside the
wall-clock figures the process's CPU time is recorded, and the machine's load average: on a machine
shared with other work, wall time measures the contention as much as the code.

`PURSUIT_BENCH_SCALE=50000` runs the same figures on `demo-50000.db` from
`PURSUIT_BENCH_DB_CACHE` (issue 22: every list and search at 50,000 within twice its 10,000
target); their names then end in "@50k" and the targets are doubled.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from demo_db import demo_template

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services import accounts, search
from desktop.services.queries import pursuit_list
from desktop.services.workspace import Workspace

SCALE = int(os.environ.get("PURSUIT_BENCH_SCALE", "10000"))
SUFFIX = "" if SCALE == 10_000 else f" @{SCALE // 1000}k"
TIMES = 1 if SCALE == 10_000 else 2  # at 50k the targets are the 10k ones × 2


def target(ms: int) -> str:
    return f"< {ms * TIMES} ms"


@pytest.fixture(scope="session")
def scale_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of `SCALE` pursuits (the conftest's is of 10,000)."""
    return demo_template(SCALE, tmp_path_factory)


# What a rep types, keystroke by keystroke (Chinese arrives in committed words).
QUERIES = [
    "王",
    "王建",
    "建国",
    "恒",
    "恒通",
    "恒通电子",
    "E",
    "ER",
    "ERP",
    "ERP 升",
    "mes 系统",
    "系统",
    "预算",
    "预算审批",
    "已确认",
    "样板客户",
    "信息中心主任",
    "总经理",
    "王 总经理",
    "user1",
    "1381",
    "zz",
]


@pytest.fixture
def ctx(scale_db: Path, qtbot):
    from desktop.app import make_application
    from desktop.ui.context import AppContext

    make_application()
    settings = Settings()
    i18n.install(settings.language)
    ws = Workspace.open(scale_db)
    context = AppContext(ws, settings)
    yield context
    ws.close()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


class Clock:
    """Wall and CPU time of a stretch of work, in ms."""

    def __enter__(self) -> Clock:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall = (time.perf_counter() - self.wall0) * 1000
        self.cpu = (time.process_time() - self.cpu0) * 1000


def record_load(record, where: str) -> None:
    record(f"load average (1 min) during the {where} benchmark{SUFFIX}", os.getloadavg()[0], "")


def test_pursuits_list_opens_and_sorts(ctx, qtbot, record) -> None:
    from desktop.ui.pursuits_list.screen import PursuitsScreen

    pursuit_list.list_pursuits(ctx.workspace)  # warm the page cache, as a running app would be
    rows_times, open_times, open_cpu, flag_times, detail_times = [], [], [], [], []
    painted_flags: list[dict[str, int]] = []
    screen = None
    for _ in range(4):
        started = time.perf_counter()
        rows = pursuit_list.list_pursuits(ctx.workspace)
        rows_times.append(_ms(started))
        with Clock() as clock:
            screen = PursuitsScreen(ctx, None)
            screen.resize(1500, 900)
            screen.show()
            screen.grab()  # the first paint, rows shown
        qtbot.addWidget(screen)
        open_times.append(clock.wall)
        # The rows in view carry their red flags in that first paint already.
        top, bottom = screen.view.rowAt(0), screen.view.rowAt(screen.view.viewport().height())
        in_view = screen.model.shown_rows()[top : (bottom if bottom >= 0 else None)]
        painted_flags.append({r.id: r.red_flags for r in in_view})
        open_cpu.append(clock.cpu)
        # Tags and last touches follow the first paint (one read), then red flags are read in
        # chunks between events and filled in when the last is in.
        started = time.perf_counter() - clock.wall / 1000
        qtbot.waitUntil(lambda s=screen: all(r.details for r in s.model.all_rows()), timeout=30_000)
        detail_times.append(_ms(started))
        qtbot.waitUntil(lambda s=screen: not s._flags_pending, timeout=30_000)
        flag_times.append(_ms(started))
    record_load(record, "pursuits list")
    assert screen is not None and len(screen.model.all_rows()) == len(rows) == SCALE
    assert screen.model.flag_counts
    record(f"pursuits list rows, {SCALE:,} (service, median)", statistics.median(rows_times), "ms")
    record(
        f"pursuits list opens, shown and painted (median){SUFFIX}",
        statistics.median(open_times[1:]),
        "ms",
        target(300),
    )
    record(f"pursuits list opens, CPU time (median){SUFFIX}", statistics.median(open_cpu[1:]), "ms")
    record(
        f"pursuits list tags and last touches filled in (after the paint; from opening, median)"
        f"{SUFFIX}",
        statistics.median(detail_times[1:]),
        "ms",
    )
    counts = screen.model.flag_counts
    assert any(counts.get(i) for i in painted_flags[-1])
    assert all(n == counts.get(i, 0) for shown in painted_flags for i, n in shown.items())
    record(
        f"pursuits list red flags of the rows in view shown (with the first paint, median){SUFFIX}",
        statistics.median(open_times[1:]),
        "ms",
    )
    record(
        f"pursuits list red flags filled in (counted on a worker; from opening, median){SUFFIX}",
        statistics.median(flag_times[1:]),
        "ms",
    )

    screen.filter_bar.set_filter(
        screen.model.list_filter.with_(statuses=frozenset()), emit=True
    )  # every pursuit shown: the biggest sort
    assert screen.model.rowCount() == SCALE
    QApplication.processEvents()  # the filter's own repaint is not part of the first sort
    screen.view.viewport().grab()
    worst, worst_column, worst_cpu = 0.0, "", 0.0
    walls = []
    for number, column in enumerate(screen.model.columns):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            with Clock() as clock:
                screen.view.sortByColumn(number, order)
                QApplication.processEvents()
                screen.view.viewport().grab()
            walls.append(clock.wall)
            if clock.wall > worst:
                worst, worst_column = clock.wall, column.key
            worst_cpu = max(worst_cpu, clock.cpu)
    record(f"pursuits list sort, slowest column ({worst_column}), {SCALE:,} rows", worst,
           "ms", target(200))  # fmt: skip
    record(f"pursuits list sort, median over every column and order{SUFFIX}",
           statistics.median(walls), "ms", target(200))  # fmt: skip
    record(f"pursuits list sort, CPU time of the slowest{SUFFIX}", worst_cpu, "ms")
    started = time.perf_counter()
    screen.filter_bar.search.setText("系统")
    screen.filter_bar._emit()
    QApplication.processEvents()
    record(f"pursuits list filter by text, {SCALE:,} rows", _ms(started), "ms")


def test_accounts_screen_and_page(ctx, qtbot, record) -> None:
    from desktop.ui.accounts.screen import AccountsScreen

    accounts.account_summaries(ctx.workspace)  # the page cache warm, as in a running app
    opened, filled, opened_cpu = [], [], []
    screen = None
    for _ in range(4):
        with Clock() as clock:
            screen = AccountsScreen(ctx, None)
            screen.resize(1500, 900)
            screen.show()
            screen.grab()  # the first paint: the accounts by name, their totals not yet read
        qtbot.addWidget(screen)
        opened.append(clock.wall)
        opened_cpu.append(clock.cpu)
        started = time.perf_counter() - clock.wall / 1000
        qtbot.waitUntil(lambda s=screen: not s.totals_pending(), timeout=30_000)
        filled.append(_ms(started))
    assert screen is not None
    shown = len(screen.model.all_rows())
    goal = "< 200 ms" if SCALE >= 50_000 else ""  # issue 22: 16,000 accounts in < 200 ms
    record(f"accounts screen opens ({shown:,} accounts), painted (median)",
           statistics.median(opened[1:]), "ms", goal)  # fmt: skip
    record(f"accounts screen opens, CPU time (median){SUFFIX}", statistics.median(opened_cpu[1:]),
           "ms")  # fmt: skip
    record(
        f"accounts screen totals filled in (after the paint; from opening, median){SUFFIX}",
        statistics.median(filled[1:]),
        "ms",
    )
    biggest = max(screen.model.all_rows(), key=lambda r: r.pursuits)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        screen.select(biggest.id)
        QApplication.processEvents()
        times.append(_ms(started))
    record(f"account page shown (median){SUFFIX}", statistics.median(times), "ms")


def test_search_keystroke_to_results(ctx, qtbot, record) -> None:
    from desktop.ui.search.popup import SearchPopup

    popup = SearchPopup(ctx, None)
    qtbot.addWidget(popup)
    popup.popup("")
    search.search(ctx.workspace, "预热")
    service, shown, cpu = [], {}, []
    for query in QUERIES:
        started = time.perf_counter()
        search.search(ctx.workspace, query, limit=8, lang="zh")
        service.append(_ms(started))
        popup.field.setText(query)
        with Clock() as clock:
            popup.run_search()  # what the keystroke's timer runs
            QApplication.processEvents()
            popup.grab()
        shown[query] = clock.wall
        cpu.append(clock.cpu)
    record_load(record, "search")
    times = sorted(shown.values())
    record(
        f"search service, median over the typed queries{SUFFIX}", statistics.median(service), "ms"
    )
    record(
        f"search keystroke to shown results, median{SUFFIX}",
        statistics.median(times),
        "ms",
        target(100),
    )
    record(f"search keystroke to shown results, CPU time, slowest{SUFFIX}", max(cpu), "ms")
    record(
        f"search keystroke to shown results, 90th percentile{SUFFIX}",
        times[int(len(times) * 0.9) - 1],
        "ms",
        target(100),
    )
    slowest = max(shown, key=lambda q: shown[q])
    record(f"search keystroke to shown results, slowest ({slowest!r})", shown[slowest], "ms",
           target(100))  # fmt: skip
    popup.close()
