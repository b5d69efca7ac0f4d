"""Revision 0014 on a database made at the revision before it: the kept deal-health facts are
filled from the rows already there (written while no trigger kept them), the triggers keep them
from then on, the criteria's best rival score is read on the covering indexes alone, and going
down takes exactly the facts' tables, their triggers and those indexes away again."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from desktop.services import demo, health, records
from desktop.services.workspace import Workspace
from desktop.storage import queries
from tests.services.test_health_facts import assert_kept_right
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0014_flags")
TABLES = {"pursuit_facts", "stakeholder_facts"}


def _criteria_plan(path: Path) -> str:
    """The plan of the statement that reads the criteria that could be fatal."""
    seen: list[str] = []
    with sqlite3.connect(path) as db:
        db.set_trace_callback(seen.append)
        queries.HealthFacts(db).criteria_without_plan("fatal", 3, 5)  # type: ignore[arg-type]
        db.set_trace_callback(None)
        (sql,) = seen
        return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_down_to_the_revision_before_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    counts = health.red_flag_counts(ws)
    ws.close()
    assert_kept_right(path)
    plan = _criteria_plan(path)
    for index in MIGRATION.INDEXES:
        assert f"COVERING INDEX {index}" in plan
    assert f"USING INDEX {MIGRATION.UNPLANNED}" in plan

    move_to(path, MIGRATION.down_revision, down=True)
    before = names(path, "index")
    assert not TABLES & names(path, "table")
    assert not {n for n in names(path, "trigger") if n.startswith("facts_")}
    assert not {*MIGRATION.INDEXES, MIGRATION.UNPLANNED} & before
    # Written while no trigger keeps the facts: the upgrade counts them from the rows.
    with sqlite3.connect(path) as db:
        db.execute("UPDATE stakeholders SET relationship = 'ally' WHERE rowid % 7 = 0")
        db.execute("UPDATE stakeholder_roles SET alive = 0 WHERE rowid % 5 = 0")
        db.execute("UPDATE pain_points SET pain = ' ' WHERE rowid % 3 = 0")
        (card,) = db.execute("SELECT id FROM stakeholders WHERE alive LIMIT 1").fetchone()
        ids = [row[0] for row in db.execute("SELECT id FROM pursuits")]
    move_to(path, MIGRATION.revision)
    replaced = {replaced for _table, _columns, replaced, _column in MIGRATION.INDEXES.values()}
    made = {*MIGRATION.INDEXES, MIGRATION.UNPLANNED}
    assert names(path, "index") == (before - replaced) | made
    assert names(path, "table") >= TABLES
    assert_kept_right(path)
    ws = Workspace.open(path)
    try:
        after = health.red_flag_counts(ws)
        assert after != counts  # the rows written at 0013 count
        assert after == {
            pursuit_id: len(flags)
            for pursuit_id in ids
            if (flags := health.flags_of(ws, pursuit_id))
        }
        records.update(ws, "stakeholder", card, {"relationship": "interacting"})
    finally:
        ws.close()
    assert_kept_right(path)  # and the triggers keep them
