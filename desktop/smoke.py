"""`pursuit --smoke-test`: prove a build works end to end, in a temporary folder, then exit 0.

It touches what a frozen build most often loses (a hidden import, a data file, a Qt plugin):
the database and its migrations, the methodology catalog, the board, the stakeholder map drawn
headless, the visit plan printed to PDF with Qt (the plan page and its ruled notes page), a
chart drawn and saved with matplotlib in Chinese, and the main window shown. Any failure exits
non-zero with the reason on stderr. The frozen build runs this in `make dist`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Everything else is imported inside the run: a broken import must fail the test, not the start.
    from desktop.services.workspace import Workspace
    from desktop.ui.context import AppContext


def run_smoke_test() -> int:
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="pursuit-smoke-") as folder:
            os.environ["PURSUIT_DATA_DIR"] = folder
            report = _exercise(Path(folder))
    except Exception:
        traceback.print_exc()
        print("smoke test: FAILED", file=sys.stderr)
        return 1
    print(f"smoke test: ok ({time.perf_counter() - started:.2f} s; {report})")
    return 0


def _exercise(folder: Path) -> str:
    from desktop.app import create_main_window, make_application
    from desktop.infra import i18n
    from desktop.infra.settings import Settings
    from desktop.services import pursuits, stakeholders
    from desktop.services.queries.board import board_card
    from desktop.services.workspace import Workspace

    app = make_application()
    settings = Settings()
    i18n.install(settings.language)
    workspace = Workspace.open(folder / "smoke.db")
    try:
        pursuit_id, _ = pursuits.create_pursuit(
            workspace,
            pursuits.PursuitDraft(title="冒烟测试", account_name="测试客户", amount=1_000_00),
        )
        boss = {"name": "王总", "title": "信息中心主任"}
        stakeholders.create_stakeholder(workspace, pursuit_id, boss, roles=["decision_maker"])
        pursuits.move_stage(workspace, [pursuit_id], 2)
        card = board_card(workspace, pursuit_id)
        if card is None or card.stage != 2:
            raise RuntimeError("the pursuit did not move to stage 2")
        ctx, window = create_main_window(workspace, settings)
        window.show()
        app.processEvents()
        pages = _print_plan(ctx, pursuit_id, folder / "plan.pdf")
        chart = _save_chart(workspace, folder / "funnel.png")
        window.close()
    finally:
        workspace.close()
    return f"visit plan: {pages}-page PDF; funnel chart: {chart // 1024} KB PNG"


def _print_plan(ctx: AppContext, pursuit_id: str, path: Path) -> int:
    """The pursuit's visit plan with its stakeholder map, as the Print action writes it."""
    import desktop.ui.screens  # noqa: F401 - the composition root provides the map picture
    from desktop.infra import i18n
    from desktop.services.reports import visit_plan
    from desktop.ui.visits.plan_document import PlanDocument
    from desktop.ui.visits.printing import map_image

    plan = visit_plan.build_plan(
        ctx.workspace, pursuit_id=pursuit_id, lang=i18n.catalog_language(ctx.lang)
    )
    image = map_image(ctx, pursuit_id)
    if image is None:
        raise RuntimeError("the stakeholder map could not be drawn for the visit plan")
    pages = PlanDocument(plan, map_image=image).write_pdf(path)
    if pages < 1 or not path.read_bytes().startswith(b"%PDF-"):
        raise RuntimeError(f"the visit plan PDF is wrong: {pages} pages, {path.stat().st_size} B")
    return pages


def _save_chart(workspace: Workspace, path: Path) -> int:
    """The funnel drawn by matplotlib with Chinese labels and saved as PNG; returns its size."""
    from desktop.services import analytics
    from desktop.ui.charts import figures

    filters = analytics.Filters(*analytics.period_range("all", date.today()))
    series = analytics.dashboard(workspace, filters, figures=["funnel"]).funnel
    stages = tuple(s.milestone("zh") for s in workspace.catalog.stages)
    look = figures.Look("zh", "CNY", stages)
    figures.export_figure("funnel", series, look, str(path), title="漏斗", caption="冒烟测试")
    size = path.stat().st_size
    if not path.read_bytes().startswith(b"\x89PNG") or size < 10_000:
        raise RuntimeError(f"the funnel chart was not drawn ({size} B)")
    return size
