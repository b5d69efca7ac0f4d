"""Deal-health figures at scale: the board's bulk red-flag counts, one pursuit's flags, and the
pursuit workspace opening on a pursuit of the 10,000-pursuit database."""

from __future__ import annotations

import time
from pathlib import Path

from desktop.services import health
from desktop.services.queries import board
from desktop.services.workspace import Workspace


def median_ms(action, runs: int = 7, clock=time.perf_counter) -> float:
    action()  # warm the page cache, as a running app would be
    times = []
    for _ in range(runs):
        started = clock()
        action()
        times.append((clock() - started) * 1000)
    return sorted(times)[runs // 2]


def cpu_ms(action, runs: int = 7) -> float:
    """CPU time of this process: steadier than wall time on a machine shared with other work."""
    return median_ms(action, runs, time.process_time)


def test_red_flag_counts_at_scale(scale_db: Path, record) -> None:
    ws = Workspace.open(scale_db)
    counts = health.red_flag_counts(ws)
    record(
        f"red_flag_counts, all {len(counts)} flagged of 10,000 (median)",
        median_ms(lambda: health.red_flag_counts(ws)),
        "ms",
    )
    record(
        "red_flag_counts, 10,000 pursuits (CPU time, median)",
        cpu_ms(lambda: health.red_flag_counts(ws)),
        "ms",
    )
    ids = [c.id for c in board.board_cards(ws)][:50]
    record(
        "red_flag_counts for 50 ids (a board refresh)",
        median_ms(lambda: health.red_flag_counts(ws, ids)),
        "ms",
    )
    record(
        "flags_of one pursuit (workspace header)",
        median_ms(lambda: health.flags_of(ws, ids[0])),
        "ms",
        "< 20 ms",
    )
    record(
        "board_cards with red flags, 10,000 pursuits (median)",
        median_ms(lambda: board.board_cards(ws)),
        "ms",
    )
    record(
        "board_cards with red flags, 10,000 pursuits (CPU time, median)",
        cpu_ms(lambda: board.board_cards(ws)),
        "ms",
    )
    record(
        "board_cards without red flags, 10,000 pursuits (CPU time, median)",
        cpu_ms(lambda: board.board_cards(ws, flags=False)),
        "ms",
    )
    ws.close()


def test_workspace_opens_at_scale(scale_db: Path, record, qtbot) -> None:
    from desktop.app import make_application
    from desktop.infra.settings import Settings
    from desktop.ui.context import AppContext
    from desktop.ui.pursuit.workspace import PursuitWorkspace

    make_application()
    ws = Workspace.open(scale_db)
    cards = [c for c in board.board_cards(ws) if c.stage == 4][:8]
    ctx = AppContext(ws, Settings())
    widget = PursuitWorkspace(ctx, None)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    times: dict[str, list[float]] = {"overview": [], "coaching": [], "pains": []}
    for card in cards:
        for tab in times:
            started = time.perf_counter()
            widget.show_pursuit(card.id, tab)
            times[tab].append((time.perf_counter() - started) * 1000)
    for tab, values in times.items():
        record(
            f"open a pursuit on its {tab} tab (median of {len(values)})",
            sorted(values)[len(values) // 2],
            "ms",
            "< 100 ms",
        )
    widget.close()
    ws.close()
