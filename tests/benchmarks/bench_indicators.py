"""The competitive matrix at its intended size (40 criteria × 6 competitors) in the 10,000-pursuit
database: open the tab, and an edit until the summary under the grid is repainted."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from desktop.infra.settings import Settings
from desktop.services import indicators, pursuits
from desktop.services.indicators import Cell, GridEdit, new_criterion, score_column
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace

CRITERIA = 40
COMPETITORS = 6


def ms(seconds: float) -> float:
    return seconds * 1000


def big_pursuit(ws: Workspace) -> str:
    pid, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="矩阵基准", account_name="基准客户", stage=4)
    )
    competitors = []
    for n in range(COMPETITORS):
        cid, _ = indicators.create_competitor(ws, f"基准对手 {n + 1}")
        indicators.add_competitor(ws, pid, cid)
        competitors.append(cid)
    rows = [
        new_criterion({"name": f"指标 {n + 1}", "importance": 1 + n % 5}) for n in range(CRITERIA)
    ]
    cells = []
    for n, row in enumerate(rows):
        cells.append(Cell(row.id, "our_score", 1 + (n * 3) % 5))
        cells.append(Cell(row.id, "meaning", f"指标 {n + 1} 的内涵"))
        for k, cid in enumerate(competitors):
            cells.append(Cell(row.id, score_column(cid), 1 + (n + k) % 5))
    indicators.apply(ws, pid, GridEdit(create=tuple(rows), cells=tuple(cells)))
    return pid


@pytest.fixture
def big(scale_db: Path):
    ws = Workspace.open(scale_db)
    pid = big_pursuit(ws)
    yield ws, pid
    ws.close()


def test_service_load_and_summary(big, record) -> None:
    ws, pid = big
    timings = []
    for _ in range(15):
        start = time.perf_counter()
        grid = indicators.load_grid(ws, pid)
        indicators.summarize(grid)
        timings.append(time.perf_counter() - start)
    assert len(grid.criteria) == CRITERIA and len(grid.vendors) == COMPETITORS
    record("indicators: load grid + summary 40×6 (median)", ms(statistics.median(timings)), "ms")
    start = time.perf_counter()
    indicators.plan_summary(ws, pid)
    record("indicators: plan_summary for the visit plan", ms(time.perf_counter() - start), "ms")


def test_open_and_edit(big, record, qtbot, tmp_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.context import AppContext
    from desktop.ui.indicators.widget import IndicatorGridWidget

    ws, pid = big
    other, _ = pursuits.create_pursuit(ws, PursuitDraft(title="空", account_name="基准客户"))
    ctx = AppContext(ws, Settings())
    start = time.perf_counter()
    widget = IndicatorGridWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.set_pursuit(other)
    widget.show()
    qtbot.waitExposed(widget)
    record("indicators: build the tab (empty pursuit)", ms(time.perf_counter() - start), "ms")

    # Open: switch from another pursuit to the big one and paint the whole tab.
    opens = []
    for _ in range(5):
        widget.set_pursuit(other)
        QApplication.processEvents()
        start = time.perf_counter()
        widget.set_pursuit(pid)
        widget.repaint()
        QApplication.processEvents()
        opens.append(time.perf_counter() - start)
    assert widget.model.rowCount() == CRITERIA
    record(
        "indicators: open 40×6 grid until painted (median)",
        ms(statistics.median(opens)),
        "ms",
        "< 200 ms",
    )

    model = widget.model
    column = model.column_of("our_score")
    edits = []
    for n in range(20):
        index = model.index(n, column)
        value = 5 if model.data(index, Qt.ItemDataRole.EditRole) != 5 else 1
        start = time.perf_counter()
        assert model.setData(index, value)
        widget.bottom.summary.repaint()
        edits.append(time.perf_counter() - start)
    record(
        "indicators: edit a score until the summary is repainted (median)",
        ms(statistics.median(edits)),
        "ms",
        "< 30 ms",
    )
    record("indicators: same edit, slowest of 20", ms(max(edits)), "ms")

    block = "\n".join(
        "\t".join(str(1 + (r + c) % 5) for c in range(1 + COMPETITORS)) for r in range(40)
    )
    start = time.perf_counter()
    assert widget.pasting.paste_text(0, column, block)
    record(
        "indicators: paste a 40×7 block (one transaction)", ms(time.perf_counter() - start), "ms"
    )

    start = time.perf_counter()
    assert widget.workbook.export_to(tmp_path / "matrix.xlsx")
    record("indicators: export 40×6 to .xlsx", ms(time.perf_counter() - start), "ms")
