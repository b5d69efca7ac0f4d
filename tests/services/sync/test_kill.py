"""SIGKILL during an import, again and again: the database is exactly its before or after state."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.services import demo
from desktop.services.sync import dump, importer
from desktop.services.workspace import Workspace

CHILD = Path(__file__).with_name("kill_importer.py")
# The child imports the `desktop` beside these tests (a worktree's, not the installed checkout's).
CHILD_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
RUNS = int(os.environ.get("PURSUIT_SYNC_KILL_RUNS", "20"))
PASSPHRASE = "correct horse battery"


def test_sigkill_during_import_leaves_before_or_after(replica, write_file, tmp_path: Path) -> None:
    source = replica("source")
    demo.fill_demo(source, scale=8, seed=21)  # thousands of new records: a long transaction
    write_file(source, tmp_path / "big.sync")
    target = replica("target")
    template = tmp_path / "template.db"
    target.close()
    shutil.copy(target.path, template)
    before = dump.digest(template)
    finished = tmp_path / "finished.db"
    shutil.copy(template, finished)
    ws = Workspace.open(finished)
    try:
        importer.import_bundle(ws, tmp_path / "big.sync", PASSPHRASE)
    finally:
        ws.close()
    after = dump.digest(finished)
    assert before != after
    rng = random.Random(7)
    seen = {"before": 0, "after": 0}
    for first in range(0, RUNS, 4):  # four at a time: each child spends most of its life starting
        runs = []
        for run in range(first, min(first + 4, RUNS)):
            db = tmp_path / f"run{run}.db"
            shutil.copy(template, db)
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(db), str(tmp_path / "big.sync"), PASSPHRASE],
                stdout=subprocess.PIPE,
                text=True,
                env=CHILD_ENV,
            )
            runs.append((run, db, child))
        for run, db, child in runs:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "merging"
            time.sleep(rng.uniform(0.0, 0.15))
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
            state = dump.digest(db)
            assert state in (before, after), f"run {run}: neither the state before nor after"
            seen["before" if state == before else "after"] += 1
            for leftover in tmp_path.glob(f"run{run}.db*"):
                leftover.unlink()
    print(f"\nsync kill test: {RUNS} runs, {seen['before']} before, {seen['after']} after")
    assert seen["before"] > 0  # the kills really landed inside the transaction
