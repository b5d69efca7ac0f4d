"""The rep's day at scale (10,000 pursuits, 50,000 activities): the agenda read model, the
`pursuit agenda` command's wall time (target < 1 s), a pursuit's timeline of 500 entries read and
painted in the workspace's Timeline tab (target < 100 ms), the red-flag counts of every
pursuit now that they read last touches, the Today screen opened and painted (target < 150 ms)
and an activity marked done to the repainted list (target p95 < 50 ms).

The Today screen reads its first slice of days and the groups' counts, not the whole agenda;
the whole read and listing it, what it did on opening and after every change before, is printed
beside it for comparison. The open pursuits' next steps are agenda items too (the demo gives
most open pursuits one, due within ±10..20 days).

`PURSUIT_BENCH_SCALE=50000` runs the same figures on `demo-50000.db` from
`PURSUIT_BENCH_DB_CACHE` (built when absent; the default is the conftest's 10,000)."""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from desktop.services import health
from desktop.services.queries import agenda, timeline
from desktop.services.workspace import Workspace
from desktop.storage import sync_meta
from desktop.storage.tables import Activity, Pursuit, SyncImport

sys.path.insert(0, str(Path(__file__).parent))
from demo_db import demo_template

ACTIVITIES = 50_000
SCALE = int(os.environ.get("PURSUIT_BENCH_SCALE", "10000"))
SUFFIX = "" if SCALE == 10_000 else f" @{SCALE // 1000}k"


@pytest.fixture(scope="session")
def scale_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of `SCALE` pursuits (the conftest's is of 10,000)."""
    return demo_template(SCALE, tmp_path_factory)


def best_and_median(action, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def _top_up(ws: Workspace, wanted: int, rng: random.Random) -> int:
    """Bring the demo's activities to `wanted` (spread over open pursuits, ±20 days)."""
    today = date.today()
    with ws.write() as session:
        have = session.scalar(select(func.count()).select_from(Activity)) or 0
        pursuits = session.execute(
            select(Pursuit.id, Pursuit.account_id).where(Pursuit.status == "open")
        ).all()
        dot = sync_meta.next_dot(session)
        rows = []
        for _ in range(max(0, wanted - have)):
            pursuit_id, account_id = rng.choice(pursuits)
            done = rng.random() < 0.4
            day = today + timedelta(days=rng.randint(-20, -1) if done else rng.randint(-5, 20))
            values = {
                "activity_kind": rng.choice(("call", "email", "task", "meeting")),
                "subject": "跟进客户反馈",
                "pursuit_id": pursuit_id,
                "account_id": account_id,
                "due_on": day,
                "due_at": None,
                "duration_minutes": None,
                "done": done,
                "done_at": None,
                "outcome": "已确认" if done else "",
                "step_key": None,
            }
            rows.append(sync_meta.stamped_row(Activity, values, dot))
        for start in range(0, len(rows), 5000):
            session.execute(insert(Activity), rows[start : start + 5000])
    return max(have, wanted)


def timeline_tab_painted(ws: Workspace, pursuit_id: str, qtbot) -> tuple[float, float, int]:
    """Best and median of: the Timeline tab told the pursuit, read and painted on screen."""
    from desktop.app import make_application
    from desktop.infra.settings import Settings
    from desktop.ui.context import AppContext
    from desktop.ui.pursuit.timeline import TimelinePage

    make_application()
    page = TimelinePage(AppContext(ws, Settings()))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)

    def show() -> None:
        page.set_pursuit(None)
        page.set_pursuit(pursuit_id)
        page.view.viewport().repaint()  # painted now, not when the event loop next runs

    best, median = best_and_median(show)
    return best, median, page.model.rowCount()


def test_agenda_timeline_and_counts_at_scale(scale_db: Path, record, qtbot) -> None:
    ws = Workspace.open(scale_db)
    rng = random.Random(5)
    total = _top_up(ws, ACTIVITIES, rng)
    record("activities in the database (scale 10k)" + SUFFIX, total, "rows")

    best, median = best_and_median(lambda: agenda.agenda(ws, days=7))
    items = len(agenda.agenda(ws, days=7))
    record(
        "agenda: read overdue + today + 7 days, best (50k activities)" + SUFFIX, best * 1000, "ms"
    )
    record("agenda: read, median of 5 (50k activities)" + SUFFIX, median * 1000, "ms")
    record("agenda: items listed (50k activities)" + SUFFIX, items, "rows")

    # A pursuit with 500 timeline entries.
    with ws.read() as session:
        busy = session.scalar(select(Pursuit.id).where(Pursuit.status == "open").limit(1))
    with ws.write() as session:
        account_id = session.get(Pursuit, busy).account_id
        dot = sync_meta.next_dot(session)
        rows = [
            sync_meta.stamped_row(
                Activity,
                {
                    "activity_kind": "call",
                    "subject": f"第 {n} 次电话",
                    "pursuit_id": busy,
                    "account_id": account_id,
                    "due_on": date.today() - timedelta(days=n),
                    "done": True,
                    "outcome": "已沟通",
                },
                dot,
            )
            for n in range(500)
        ]
        session.execute(insert(Activity), rows)
        # A year of team-folder sync: 1,000 imports in its log, each naming the 40 pursuits it
        # changed; 20 of them changed this one (the timeline lists those).
        others = session.scalars(select(Pursuit.id).limit(4000)).all()
        session.execute(
            insert(SyncImport),
            [
                {
                    "export_id": f"export-{n}",
                    "source_site": "site-of-a-colleague",
                    "file_name": f"{n}.pursuit-sync",
                    "file_digest": f"{n:064d}",
                    "imported_at": datetime(2026, 1, 1) + timedelta(hours=8 * n),
                    "counter": n,
                    "summary": {
                        "pursuits": {
                            pid: [1, 3]
                            for pid in [*others[n % 100 * 40 : n % 100 * 40 + 39], busy][
                                : 40 if n % 50 == 0 else 39
                            ]
                        }
                    },
                }
                for n in range(1000)
            ],
        )
    entries = len(timeline.timeline(ws, pursuit_id=busy))
    best, median = best_and_median(lambda: timeline.timeline(ws, pursuit_id=busy))
    record(
        f"timeline: one pursuit, {entries} entries, best" + SUFFIX, best * 1000, "ms", "< 100 ms"
    )
    record("timeline: one pursuit, median of 5" + SUFFIX, median * 1000, "ms", "< 100 ms")
    best, median, rows = timeline_tab_painted(ws, busy, qtbot)
    record(
        f"timeline tab: {rows} entries read and painted, best" + SUFFIX,
        best * 1000,
        "ms",
        "< 100 ms",
    )
    record("timeline tab: read and painted, median of 5" + SUFFIX, median * 1000, "ms", "< 100 ms")

    best, median = best_and_median(lambda: health.red_flag_counts(ws), runs=3)
    record("red-flag counts incl. last touch, all pursuits, best" + SUFFIX, best * 1000, "ms")
    ws.close()

    env = dict(os.environ, LANG="C.UTF-8")
    walls, cpus = [], []
    for _ in range(3):
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "agenda", "--db", str(scale_db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    assert result.stdout
    record(
        "pursuit agenda: wall time, best of 3 (50k activities)" + SUFFIX, min(walls), "s", "< 1 s"
    )
    # On a shared machine the wall clock measures the others' work too: the command's own CPU
    # time (user + system), and the load it ran under.
    record("pursuit agenda: CPU time, best of 3" + SUFFIX, min(cpus), "s")
    record("load average (1 min) during pursuit agenda" + SUFFIX, os.getloadavg()[0], "")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def test_today_screen_opened_and_marking_done_at_scale(scale_db: Path, record, qtbot) -> None:
    from desktop.app import make_application
    from desktop.infra.settings import Settings
    from desktop.ui.context import AppContext
    from desktop.ui.today.screen import TodayScreen

    ws = Workspace.open(scale_db)
    total = _top_up(ws, ACTIVITIES, random.Random(5))
    make_application()
    ctx = AppContext(ws, Settings())

    def open_and_paint() -> TodayScreen:
        screen = TodayScreen(ctx, None)
        qtbot.addWidget(screen)
        screen.resize(1100, 760)
        screen.show()
        qtbot.waitExposed(screen)
        screen.view.viewport().repaint()  # painted now, not when the event loop next runs
        return screen

    opened = []
    for _ in range(5):
        started = time.perf_counter()
        screen = open_and_paint()
        opened.append(time.perf_counter() - started)
        items = screen.model.rowCount()
        screen.close()
        screen.deleteLater()
        ctx.changed.disconnect(screen._on_changed)
    record(
        f"today screen: opened and painted, {items} rows, best" + SUFFIX, min(opened) * 1000, "ms"
    )
    record(
        f"today screen: opened and painted, median ({total} activities)" + SUFFIX,
        statistics.median(opened) * 1000,
        "ms",
        "< 150 ms",
    )

    screen = open_and_paint()
    # For comparison, what the screen did before it read the agenda in slices and updated only
    # the rows a change touched: the whole agenda read and listed, on opening and on every change.
    from desktop.services.queries import agenda as agenda_reads

    def whole_reload() -> None:
        screen.model.set_agenda(agenda_reads.agenda(ws, days=7))
        screen.view.viewport().repaint()

    _, median = best_and_median(whole_reload, runs=3)
    record(
        f"today screen: whole agenda re-read and listed, as before ({screen.model.rowCount()})"
        + SUFFIX,
        median * 1000,
        "ms",
    )
    screen.close()
    screen.deleteLater()
    ctx.changed.disconnect(screen._on_changed)

    screen = open_and_paint()
    marks = []
    for _ in range(20):
        # The first activity of the overdue group: done now is allowed, and it leaves the list.
        item = next(
            i
            for i in screen.model.items()
            if not i.is_visit and not getattr(i, "is_next_step", False)
        )
        assert screen.select(item.id)
        started = time.perf_counter()
        screen.complete_current()
        screen.view.viewport().repaint()
        marks.append(time.perf_counter() - started)
        assert not screen.model.index_of(item.id).isValid()
    record(
        "today screen: mark done to repainted, median of 20" + SUFFIX,
        statistics.median(marks) * 1000,
        "ms",
    )
    record(
        "today screen: mark done to repainted, p95 of 20" + SUFFIX,
        _p95(marks) * 1000,
        "ms",
        "< 50 ms",
    )
    # A pursuit's next step marked done: the pursuit's next step cleared (its groups counted
    # again, as after any change of a pursuit) and the bar asking for the next one.
    steps = []
    for _ in range(20):
        item = next(i for i in screen.model.items() if i.is_next_step)
        assert screen.select(item.id)
        started = time.perf_counter()
        screen.complete_current()
        screen.view.viewport().repaint()
        steps.append(time.perf_counter() - started)
        assert not screen.model.index_of(item.id).isValid()
        screen.bar.dismiss()
    record(
        "today screen: a next step done to repainted, median of 20" + SUFFIX,
        statistics.median(steps) * 1000,
        "ms",
    )
    record(
        "today screen: a next step done to repainted, p95 of 20" + SUFFIX,
        _p95(steps) * 1000,
        "ms",
        "< 50 ms",
    )
    screen.close()
    ws.close()
