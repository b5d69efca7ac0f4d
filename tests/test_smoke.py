"""The smoke test `make dist` runs against the frozen program, run here from the source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_smoke_test_prints_a_plan_and_draws_a_chart(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PURSUIT_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--smoke-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test: ok" in result.stdout
    assert "visit plan: 2-page PDF" in result.stdout
    assert "funnel chart:" in result.stdout
    assert "findfont" not in result.stderr
    # Everything happened in a temporary folder of its own, removed afterwards.
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
