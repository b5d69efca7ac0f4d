"""Visit plans at scale (10,000 pursuits): the plan to PDF (target < 1 s), the upcoming list, and
the calendar file of the coming two weeks."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

from desktop.services import visits
from desktop.services.reports import ics, visit_plan
from desktop.services.visits import utcnow
from desktop.services.workspace import Workspace


def best_and_median(action, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def test_plan_to_pdf(qapp, scale_db, tmp_path, record) -> None:
    from desktop.ui.visits.plan_document import PlanDocument

    ws = Workspace.open(scale_db)
    rows = visits.upcoming_visits(ws, today=utcnow().date() + timedelta(days=7))
    # The richest plans: the latest stages carry pains, value case, competitors and risks.
    sample = sorted(rows, key=lambda r: -r.stage)[:10]
    pages = []

    def one(row) -> None:
        plan = visit_plan.build_plan(ws, visit_id=row.id, lang="zh")
        pages.append(PlanDocument(plan).write_pdf(tmp_path / "plan.pdf"))

    one(sample[0])  # fonts loaded once per process, as in the app
    times = []
    for row in sample:
        started = time.perf_counter()
        one(row)
        times.append(time.perf_counter() - started)
    record(
        "visit plan: build + PDF, median of 10 (scale 10k)",
        statistics.median(times) * 1000,
        "ms",
        "< 1000 ms",
    )
    record(
        "visit plan: build + PDF, slowest of 10 (scale 10k)", max(times) * 1000, "ms", "< 1000 ms"
    )
    record("visit plan: pages, most of 10 demo plans", max(pages), "pages", "<= 2")
    content_best, _ = best_and_median(
        lambda: visit_plan.build_plan(ws, visit_id=sample[0].id, lang="zh")
    )
    record("visit plan: content only (scale 10k)", content_best * 1000, "ms")
    ws.close()


def test_plan_with_the_stakeholder_map_to_pdf(qapp, scale_db, tmp_path, record) -> None:
    """What Save as PDF does in the app: content, the map picture, layout, PDF."""
    from PySide6.QtWidgets import QWidget

    from desktop.infra.settings import Settings
    from desktop.ui.context import AppContext
    from desktop.ui.visits.printing import PlanPrinter

    ws = Workspace.open(scale_db)
    ctx = AppContext(ws, Settings())
    host = QWidget()
    rows = visits.upcoming_visits(ws, today=utcnow().date() + timedelta(days=7))
    sample = sorted(rows, key=lambda r: -r.stage)[:10]
    PlanPrinter(ctx, host, visit_id=sample[0].id).write_pdf(tmp_path / "warm.pdf")
    times, pages = [], []
    for row in sample:
        started = time.perf_counter()
        pages.append(PlanPrinter(ctx, host, visit_id=row.id).write_pdf(tmp_path / "plan.pdf"))
        times.append(time.perf_counter() - started)
    record(
        "visit plan with map: PDF as saved from the app, median of 10",
        statistics.median(times) * 1000,
        "ms",
        "< 1000 ms",
    )
    record("visit plan with map: slowest of 10", max(times) * 1000, "ms", "< 1000 ms")
    record("visit plan with map: pages, most of 10", max(pages), "pages", "<= 2")
    ws.close()


def test_upcoming_list_and_calendar(scale_db, record) -> None:
    ws = Workspace.open(scale_db)
    count = len(visits.upcoming_visits(ws))
    _best, median = best_and_median(lambda: visits.upcoming_visits(ws))
    record(f"visits: upcoming list, {count} rows (scale 10k)", median * 1000, "ms", "< 100 ms")
    ids = visits.upcoming_ids(ws)
    # Issue 22's figure is of 4,000 visits: the demo's coming two weeks hold about that many.
    assert len(ids) >= 4000, len(ids)
    ics.calendar_for(ws, ids, tz="Asia/Shanghai")  # the zone's definition made once, as in the app
    cpu_times = []

    def calendar() -> None:
        started = time.process_time()
        ics.calendar_for(ws, ids, tz="Asia/Shanghai")
        cpu_times.append(time.process_time() - started)

    _best, median = best_and_median(calendar)
    record(f"visits: .ics of {len(ids)} coming visits (scale 10k)", median * 1000, "ms", "< 500 ms")
    record("visits: .ics of the coming visits, CPU time (median)",
           statistics.median(cpu_times) * 1000, "ms")  # fmt: skip
    ws.close()
