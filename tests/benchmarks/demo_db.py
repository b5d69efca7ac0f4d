"""The benchmarks' demo databases: one of a given scale, from `PURSUIT_BENCH_DB_CACHE` when that
folder holds `demo-<scale>.db`, else built once in the run's temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def demo_template(scale: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.services import demo

    cache = os.environ.get("PURSUIT_BENCH_DB_CACHE")
    if cache and (Path(cache) / f"demo-{scale}.db").exists():
        return Path(cache) / f"demo-{scale}.db"
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    demo.build_demo(path, scale=scale, seed=1)  # as `pursuit demo` makes a new database
    return path
