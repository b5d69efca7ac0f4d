"""Benchmarks (`make bench`): they print their figures and add them to bench-results.json.

They are not timed assertions; each `record(...)` is one figure for the notes. A scale-10,000 demo
database is built once per run and copied per benchmark.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from demo_db import demo_template

RESULTS = Path(__file__).resolve().parents[2] / "bench-results.json"


@pytest.fixture(scope="session")
def record() -> Iterator[Callable[..., None]]:
    results: dict[str, dict[str, object]] = {}
    if RESULTS.exists():
        results = json.loads(RESULTS.read_text(encoding="utf-8"))

    def add(name: str, value: float, unit: str, target: str = "") -> None:
        results[name] = {"value": round(value, 3), "unit": unit, "target": target}
        print(f"\n  {name:<58} {value:>10.2f} {unit:<4} {('target ' + target) if target else ''}")

    yield add
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture(scope="session")
def scale_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10,000-pursuit demo database (50,000 stakeholders), built once per bench run — or once
    for good in `PURSUIT_BENCH_DB_CACHE` when that names a folder (see bench_scale.py)."""
    return demo_template(10_000, tmp_path_factory)


@pytest.fixture
def scale_db(scale_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "scale.db"
    shutil.copy(scale_template, path)
    return path
