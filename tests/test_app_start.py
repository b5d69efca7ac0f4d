"""The app's start as a process (`pursuit --db PATH`): the first paint of a database as it should
be waits for neither SQLAlchemy nor Alembic (nor matplotlib); the workspace is open in full and
the window complete right after; an unusual file takes the full open before the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs the app; at the main window's first paint, and again once the window is complete, says
# what is imported and what the window shows, then quits.
PROBE = r"""
import json, sys
from desktop.cli import main
import desktop.app
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

HEAVY = ("sqlalchemy", "alembic", "matplotlib", "desktop.storage.tables", "desktop.services.demo")
seen = {}

def state(window):
    board = window.screens.get("board")
    return {
        "imported": [name for name in HEAVY if name in sys.modules],
        "open": window.ctx.workspace.is_open,
        "screens": list(window.screens),
        "search": window.findChild(QToolBar, "search_toolbar") is not None,
        "counts": window.counts_label.text(),
        "cards": None if board is None else sorted(c.title for c in board.model.all_cards()),
    }

def when_complete(window):
    if not window.is_complete:
        QTimer.singleShot(10, lambda: when_complete(window))
        return
    seen["complete"] = state(window)
    print("STATE", json.dumps(seen), flush=True)
    QApplication.quit()

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            QApplication.instance().removeEventFilter(self)
            seen["paint"] = state(obj)
            when_complete(obj)
        return False

_exec = QApplication.exec
def exec_probed(self=None):
    QApplication.instance().installEventFilter(Probe(QApplication.instance()))
    return _exec()
QApplication.exec = exec_probed
sys.exit(main(["--db", sys.argv[1]]))
"""


def start(db: Path, data: Path) -> dict[str, dict[str, object]]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PURSUIT_DATA_DIR=str(data),
        XDG_CONFIG_HOME=str(data / "config"),
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("STATE "))
    return json.loads(line[len("STATE ") :])  # type: ignore[no-any-return]


@pytest.fixture
def due_db(tmp_path: Path) -> Path:
    """A rep's database between two starts, something overdue (the Today screen first)."""
    from desktop.services import activities, pursuits
    from desktop.services.activities import ActivityDraft
    from desktop.services.workspace import Workspace

    path = (tmp_path / "pursuit.db").resolve()
    ws = Workspace.open(path)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="项目", account_name="客户"))
    activities.create_activity(
        ws, ActivityDraft(subject="补发报价单", pursuit_id=pid, due_on=date.today() - timedelta(1))
    )
    ws.close()
    return path


def test_the_first_paint_imports_no_orm_then_the_window_completes(
    due_db: Path, tmp_path: Path
) -> None:
    seen = start(due_db, tmp_path / "data")
    assert seen["paint"]["imported"] == []
    assert seen["paint"]["open"] is False
    assert seen["paint"]["screens"] == ["today"]
    complete = seen["complete"]
    assert complete["open"] is True
    assert complete["search"] is True
    assert complete["counts"]  # the status bar's "1 pursuit · 1 account"
    assert "matplotlib" not in complete["imported"]


@pytest.fixture
def calm_db(tmp_path: Path) -> Path:
    """A rep's database with pursuits and nothing due: an activity booked for next week, one
    done yesterday (the board first)."""
    from desktop.services import activities, pursuits
    from desktop.services.activities import ActivityDraft
    from desktop.services.workspace import Workspace

    path = (tmp_path / "pursuit.db").resolve()
    ws = Workspace.open(path)
    pid, _ = pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="项目", account_name="客户"))
    pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="二期", account_name="客户"))
    activities.create_activity(
        ws, ActivityDraft(subject="现场演示", pursuit_id=pid, due_on=date.today() + timedelta(7))
    )
    done, _ = activities.create_activity(
        ws, ActivityDraft(subject="补发报价单", pursuit_id=pid, due_on=date.today() - timedelta(1))
    )
    activities.complete_activity(ws, done)
    ws.close()
    return path


def test_with_nothing_due_the_board_paints_first_without_the_orm(
    calm_db: Path, tmp_path: Path
) -> None:
    seen = start(calm_db, tmp_path / "data")
    paint = seen["paint"]
    assert paint["imported"] == []
    assert paint["open"] is False
    assert paint["screens"] == ["board"]
    assert paint["cards"] == ["二期", "项目"]  # its cards are on the first paint
    complete = seen["complete"]
    assert complete["open"] is True
    assert complete["search"] is True
    assert complete["counts"]
    assert complete["cards"] == ["二期", "项目"]
    assert "matplotlib" not in complete["imported"]


def test_a_copied_file_takes_the_full_open_before_the_window(due_db: Path, tmp_path: Path) -> None:
    import sqlite3

    copy = (tmp_path / "copy.db").resolve()
    copy.write_bytes(due_db.read_bytes())
    with sqlite3.connect(copy) as connection:
        (site_before,) = connection.execute("SELECT site_id FROM sync_state").fetchone()
    seen = start(copy, tmp_path / "data")
    assert seen["paint"]["open"] is True  # a new sync identity is a write: the full path
    assert "sqlalchemy" in seen["paint"]["imported"]
    assert seen["paint"]["search"] is True
    with sqlite3.connect(copy) as connection:
        (site_after,) = connection.execute("SELECT site_id FROM sync_state").fetchone()
    assert site_after != site_before


def test_a_lazy_module_runs_on_its_first_attribute_read_or_when_loaded() -> None:
    script = (
        "import sys\n"
        "from desktop.infra import lazy\n"
        "m = lazy.lazy_module('desktop.services.activities')\n"
        "assert 'sqlalchemy' not in sys.modules\n"
        "from desktop.services import activities\n"
        "assert activities is m and 'sqlalchemy' not in sys.modules\n"
        "assert m.TASK == 'task' and 'sqlalchemy' in sys.modules\n"
        "n = lazy.lazy_module('desktop.services.visits')\n"
        "assert 'desktop.services.visits' in sys.modules\n"
        "lazy.load_pending()\n"
        "assert n.VisitDraft and lazy._pending == []\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.stdout.strip() == "ok", out.stderr
