"""A real QDrag end to end: drag start, MIME data and drop together, as a mouse does it.

Runs real_drag_script.py in a subprocess on Qt's `minimal` platform (a real QDrag cannot run
offscreen, where exec() returns at once); PLATFORM-NOTES.md measured it reliable there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("real_drag_script.py")
ROOT = Path(__file__).resolve().parents[3]


def test_a_real_drag_moves_the_selected_cards(tmp_path: Path, data_dir: Path) -> None:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "minimal"
    env["PURSUIT_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "drag.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["drag_started"] is True
    assert report["dragging"] == report["expected_ids"]  # both selected cards rode along
    assert report["drop_row_while_over"] == 0  # the drop line showed in the target column
    assert report["stages"] == {"A": 2, "B": 2, "C": 1}
    assert report["history"] == [2, 2, 1]
    assert report["undo"] == 1
    assert report["shown"] == {"1": ["C"], "2": ["A", "B"]}
