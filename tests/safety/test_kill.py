"""SIGKILL at random moments during acknowledged writes: nothing acknowledged is ever lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

WRITER = Path(__file__).with_name("kill_writer.py")
RUNS = int(os.environ.get("PURSUIT_KILL_RUNS", "50"))


def test_sigkill_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    rng = random.Random(2026)
    acknowledged: list[str] = []
    for _ in range(RUNS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(db)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        lines: list[str] = []
        reader = threading.Thread(target=lines.extend, args=(child.stdout,), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(5)
        child.stdout.close()
        acknowledged.extend(line.strip() for line in lines if line.strip())
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM pursuits")}
    missing = [pid for pid in acknowledged if pid not in stored]
    print(f"\nkill test: {RUNS} runs, {len(acknowledged)} acknowledged writes, {len(missing)} lost")
    assert len(acknowledged) > RUNS  # the child really wrote between kills
    assert missing == []
