"""Shared fixtures: offscreen Qt, a temporary data folder per test, real SQLite workspaces, and
the one main window that every test needing the whole shell opens."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop.services.workspace import Workspace
    from desktop.ui.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The platform plugin's own categorised chatter (qt.qpa.fonts, qt.qpa.xcb…) says nothing about
# our code; silenced here so that qt_log_level_fail (pyproject.toml) fails only on our warnings.
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


@pytest.fixture
def window_workspace(demo_ws: Workspace) -> Workspace:
    """The workspace `main_window` opens: a copy of the small demo database. A test module or
    conftest that needs another one (an empty database, say) overrides this fixture by name."""
    return demo_ws


@pytest.fixture
def main_window(
    qtbot, window_workspace: Workspace, request: pytest.FixtureRequest
) -> Iterator[MainWindow]:
    """The real main window on `window_workspace`, shown offscreen at 1400×900, in the language of
    the settings (zh_CN) or the one given by indirect parametrisation:
    `@pytest.mark.parametrize("main_window", ["en"], indirect=True)`."""
    from desktop.app import create_main_window, make_application
    from desktop.infra import i18n
    from desktop.infra.settings import Settings
    from desktop.ui import errors
    from desktop.ui.sync.actions import SyncActions

    make_application()
    settings = Settings()
    if hasattr(request, "param"):
        settings.language = request.param
    i18n.install(settings.language)
    _ctx, window = create_main_window(window_workspace, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # pytest-qt has closed the window by now; what a test may have left open or running goes
    # before the workspace under it is closed, and the next test starts in the default language.
    window.search.popup.close()
    job = window.findChild(SyncActions).job
    if job is not None and job.worker_thread is not None:
        job.cancel()
        job.worker_thread.join(10)
    for box in list(errors._open_boxes):
        box.close()
    i18n.install("zh_CN")
