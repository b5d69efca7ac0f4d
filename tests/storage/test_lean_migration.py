"""Revision 0011 drops the single-column indexes a composite already covers: the composites stay,
each link is still found through an index (lookups and the parent's cascade), the reads are
unchanged, and going down brings exactly those indexes back."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0011_lean")
DROPPED = {MIGRATION.dropped(table, column) for table, column, _ in MIGRATION.COVERED}


def test_down_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    cards = board.board_cards(ws, include_closed=True)
    ws.close()
    move_to(path, MIGRATION.revision, down=True)  # from head, which may have more, to this one
    at_this = names(path, "index")
    assert not DROPPED & at_this

    move_to(path, MIGRATION.down_revision, down=True)
    assert names(path, "index") == at_this | DROPPED
    move_to(path, MIGRATION.revision)
    assert names(path, "index") == at_this
    ws = Workspace.open(path)
    try:
        assert board.board_cards(ws, include_closed=True) == cards
    finally:
        ws.close()


def test_each_link_is_still_searched_through_its_composite(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Workspace.open(path).close()
    with sqlite3.connect(path) as db:
        for table, column, composite in MIGRATION.COVERED:
            plan = " ".join(
                row[-1]
                for row in db.execute(
                    f"EXPLAIN QUERY PLAN SELECT id FROM {table} WHERE {column} = 'x'"
                )
            )
            assert f"USING INDEX {composite} ({column}=?)" in plan or (
                f"USING COVERING INDEX {composite} ({column}=?)" in plan
            ), (table, plan)


def test_deleting_a_parent_still_cascades(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=5, seed=2)
    ws.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = ON")
        pursuit = db.execute(
            "SELECT pursuit_id FROM stakeholders GROUP BY pursuit_id ORDER BY count(*) DESC"
        ).fetchone()[0]
        assert db.execute(
            "SELECT count(*) FROM stakeholders WHERE pursuit_id = ?", (pursuit,)
        ).fetchone()[0]
        db.execute("DELETE FROM pursuits WHERE id = ?", (pursuit,))
        for table in ("stakeholders", "coaching_answers", "stage_changes"):
            left = db.execute(f"SELECT count(*) FROM {table} WHERE pursuit_id = ?", (pursuit,))
            assert left.fetchone()[0] == 0, table
