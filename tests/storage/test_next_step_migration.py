"""Revision 0016 on a demo database of schema 0015: the partial index of the open pursuits' next
steps appears when the app opens it, the agenda's counts and slices read it, the agenda reads
the same, going down takes exactly that index away; and a bulk load (demo data built at once,
`storage/set_aside.py`) puts it back whole, its condition included."""

from __future__ import annotations

import importlib
import sqlite3
from datetime import date
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import agenda
from desktop.services.workspace import Workspace
from desktop.storage import queries
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0016_next_step_due")


def _plan(path: Path, sql: str, params: tuple[object, ...]) -> str:
    with sqlite3.connect(path) as db:
        return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def _index_sql(path: Path) -> str | None:
    with sqlite3.connect(path) as db:
        row = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (MIGRATION.NAME,)
        ).fetchone()
    return row[0] if row else None


def _read(path: Path, today: date) -> tuple[agenda.Agenda, dict[date | None, int]]:
    ws = Workspace.open(path)
    try:
        return agenda.agenda(ws, today=today), agenda.group_counts(ws, today=today)
    finally:
        ws.close()


def test_upgrade_from_the_revision_before_adds_the_index_the_agenda_reads(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    demo.build_demo(path, scale=40, seed=3)
    today = date.today()
    move_to(path, MIGRATION.down_revision, down=True)
    before = names(path, "index")
    assert MIGRATION.NAME not in before
    with sqlite3.connect(path) as db:
        (version,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == MIGRATION.down_revision
    listed = agenda.read_agenda(sqlite3.connect(path), today=today)  # as the CLI reads a 0015 file

    result, counts = _read(path, today)  # the app's open upgrades it
    assert names(path, "index") == before | {MIGRATION.NAME}
    assert result.items() == listed.items()
    assert sum(1 for item in result.items() if item.is_next_step) > 0
    assert sum(counts.values()) == len(result)
    until = today.isoformat()
    assert f"USING INDEX {MIGRATION.NAME}" in _plan(path, queries._NEXT_STEP_DAYS_SQL, (until,))
    slice_sql = queries._NEXT_STEPS_JOINED_SQL.format(where="p.next_step_due <= ?")
    assert f"USING INDEX {MIGRATION.NAME}" in _plan(path, slice_sql, (until,))

    move_to(path, MIGRATION.down_revision, down=True)
    assert names(path, "index") == before


def test_a_bulk_load_puts_the_partial_index_back_whole(tmp_path: Path) -> None:
    made = tmp_path / "made.db"
    Workspace.open(made).close()  # through the migrations, one by one
    built = tmp_path / "built.db"
    demo.build_demo(built, scale=40, seed=3)  # one bulk load into empty tables
    assert _index_sql(built) == _index_sql(made)
    assert "WHERE alive AND NOT purged AND status = 'open'" in (_index_sql(built) or "")
    today = date.today()
    result, counts = _read(built, today)
    assert sum(counts.values()) == len(result)
    with sqlite3.connect(built) as db:
        (indexed,) = db.execute(
            f"SELECT count(*) FROM pursuits INDEXED BY {MIGRATION.NAME} WHERE {MIGRATION.WHERE}"
        ).fetchone()
        (rows,) = db.execute(f"SELECT count(*) FROM pursuits WHERE {MIGRATION.WHERE}").fetchone()
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert indexed == rows > 0
