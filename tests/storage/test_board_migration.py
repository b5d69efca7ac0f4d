"""Revision 0012 on a database made at the revision before it: the partial index of the
instalments received appears, the board's read of them uses it alone, the cards read the same,
and going down again takes exactly that index away."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from desktop.storage import queries
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0012_board")
RECEIVED_SQL = (
    "SELECT pursuit_id, sum(amount) FROM instalments"
    " WHERE alive AND received_on IS NOT NULL GROUP BY pursuit_id"
)


def _plan(path: Path, sql: str = RECEIVED_SQL, params: tuple[object, ...] = ()) -> str:
    with sqlite3.connect(path) as db:
        return " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_down_to_the_revision_before_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    cards = board.board_cards(ws, include_closed=True)
    ws.close()
    assert f"USING INDEX {MIGRATION.NAME}" in _plan(path)  # the index alone, no table reads
    rate = "CASE p.stage " + " ".join(f"WHEN {n} THEN ?" for n in range(1, 9)) + " END"
    totals = queries._STAGE_TOTALS_SQL.format(rate=rate)
    params = ("CNY", "CNY", *range(10, 90, 10), "CNY")
    assert f"USING COVERING INDEX {MIGRATION.TOTALS}" in _plan(path, totals, params)

    move_to(path, MIGRATION.down_revision, down=True)
    before = names(path, "index")
    assert not {MIGRATION.NAME, MIGRATION.TOTALS} & before
    move_to(path, MIGRATION.revision)
    assert names(path, "index") == before | {MIGRATION.NAME, MIGRATION.TOTALS}
    ws = Workspace.open(path)
    try:
        assert board.board_cards(ws, include_closed=True) == cards
    finally:
        ws.close()
