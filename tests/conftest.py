"""Shared fixtures: offscreen Qt, a temporary data folder per test, real SQLite workspaces."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (settings, default database, log)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PURSUIT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[object]:
    """An empty, migrated workspace on a real SQLite file."""
    from desktop.services.workspace import Workspace

    workspace = Workspace.open(tmp_path / "pursuit.db")
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made once per run; tests get copies (Anki's template collection)."""
    from desktop.services import demo
    from desktop.services.workspace import Workspace

    path = tmp_path_factory.mktemp("template") / "demo.db"
    workspace = Workspace.open(path)
    demo.fill_demo(workspace, scale=30, seed=11)
    workspace.close()
    return path


@pytest.fixture
def demo_ws(demo_template: Path, tmp_path: Path) -> Iterator[object]:
    from desktop.services.workspace import Workspace

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    workspace = Workspace.open(path)
    yield workspace
    workspace.close()
