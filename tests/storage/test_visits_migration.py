"""Revision 0013 on a database made at the revision before it: the covering index of the visits
appears, the Today screen's count of visits per day reads it alone, the counts stay the same, and
going down again takes exactly that index away and brings back the one it replaced."""

from __future__ import annotations

import importlib
import sqlite3
from datetime import date
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import agenda
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0013_visits")


def _count_plan(path: Path, today: date) -> str:
    """The plan of the statement that counts the visits per day, as `group_counts` runs it."""
    seen: list[str] = []
    with sqlite3.connect(path) as db:
        db.set_trace_callback(seen.append)
        agenda._counts(db, agenda._Window(today, agenda.DEFAULT_DAYS, None))  # as group_counts
        db.set_trace_callback(None)
        (sql,) = [s for s in seen if "FROM visits AS v" in s and "AS g" in s]
        return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_down_to_the_revision_before_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    today = date.today()
    counts = agenda.group_counts(ws, today=today)
    ws.close()
    assert any(n for day, n in counts.items() if day is not None)  # visits to count
    plan = _count_plan(path, today)
    assert f"SEARCH v USING COVERING INDEX {MIGRATION.NAME}" in plan  # no visit row read

    move_to(path, MIGRATION.down_revision, down=True)
    before = names(path, "index")
    assert MIGRATION.NAME not in before and MIGRATION.REPLACED in before
    assert "COVERING" not in _count_plan(path, today).split("SUBQUERY")[0]
    move_to(path, MIGRATION.revision)
    assert names(path, "index") == (before - {MIGRATION.REPLACED}) | {MIGRATION.NAME}
    ws = Workspace.open(path)
    try:
        assert agenda.group_counts(ws, today=today) == counts
    finally:
        ws.close()
