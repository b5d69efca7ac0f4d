"""Small replicas of one database (each copy is its own site) and quick sync files."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services.sync import export
from desktop.services.workspace import Workspace

PASSPHRASE = "correct horse battery"
# The file format's own parameters are slow on purpose; tests use the cheapest valid ones.
FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.fixture(scope="session")
def sync_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.services import demo

    path = tmp_path_factory.mktemp("sync") / "base.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=4, seed=5)
    ws.close()
    return path


@pytest.fixture
def replica(sync_template: Path, tmp_path: Path) -> Iterator[Callable[[str], Workspace]]:
    """`replica("a")`: a copy of the base database at its own path (so its own site)."""
    opened: list[Workspace] = []

    def make(name: str) -> Workspace:
        path = tmp_path / f"{name}.db"
        shutil.copy(sync_template, path)
        ws = Workspace.open(path)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def _write_file(ws: Workspace, path: Path, **options) -> export.ExportReport:
    options.setdefault("passphrase", PASSPHRASE)
    options.setdefault("kdf", FAST_KDF)
    options.setdefault("site_name", ws.path.stem)
    return export.export_bundle(ws, path, **options)


@pytest.fixture
def write_file() -> Callable[..., export.ExportReport]:
    """`write_file(ws, path, **options)`: an export with the tests' passphrase and cheap KDF."""
    return _write_file
