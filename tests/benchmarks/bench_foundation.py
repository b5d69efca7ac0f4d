"""Foundation figures: demo data at scale, database size, board rows, cold start to first paint."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import board
from desktop.services.workspace import Workspace

# Run in a fresh process: time from the process's creation (read from /proc) to the main
# window's first paint, doing what `pursuit` does at start-up.
COLD_START = r"""
import os, sys, time
def since_start():
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(open("/proc/self/stat").read().rsplit(")", 1)[1].split()[19]) / ticks
    return float(open("/proc/uptime").read().split()[0]) - start
from PySide6.QtCore import QTimer
from desktop.app import create_main_window, make_application
from desktop.infra import i18n
from desktop.infra.settings import Settings
from desktop.services.workspace import Workspace
app = make_application()
settings = Settings()
i18n.install(settings.language)
ctx, window = create_main_window(Workspace.open(sys.argv[1]), settings)
window.show()
def painted():
    print(f"{since_start() * 1000:.0f}")
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def test_demo_at_scale(tmp_path: Path, record) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    started = time.perf_counter()
    demo.fill_demo(ws, scale=10_000, seed=1)
    record("demo --scale 10000", time.perf_counter() - started, "s", "< 60 s")
    ws.close()
    record("database size at scale 10000", path.stat().st_size / 1e6, "MB")


def test_board_rows_and_cold_start(scale_db: Path, record) -> None:
    ws = Workspace.open(scale_db)
    board.board_cards(ws)  # warm the page cache, as a running app would be
    times = []
    for _ in range(5):
        started = time.perf_counter()
        cards = board.board_cards(ws)
        times.append((time.perf_counter() - started) * 1000)
    record(f"board rows for {len(cards)} open pursuits (service, median)", sorted(times)[2], "ms")
    with sqlite3.connect(scale_db) as conn:
        started = time.perf_counter()
        conn.execute(
            "SELECT p.id, a.name, p.title, p.amount, p.stage FROM pursuits p "
            "JOIN accounts a ON a.id = p.account_id WHERE p.alive AND "
            "p.status = 'open' ORDER BY p.stage, p.board_rank"
        ).fetchall()
        record("same rows, plain sqlite3", (time.perf_counter() - started) * 1000, "ms")
    ws.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START, str(scale_db)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        runs.append(float(out.strip().splitlines()[-1]))
    record("cold start to first paint (10,000 pursuits, best of 3)", min(runs), "ms")
