"""Revision 0009 on a database made at the revision before it: the covering indexes of the bulk
reads appear, the rows read the same, and going down again takes exactly those indexes away."""

from __future__ import annotations

import importlib
from pathlib import Path

from desktop.services import demo
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from tests.storage.revisions import move_to, names

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0009_indexes")
NAMES = {name for name, _table, _columns in MIGRATION.INDEXES}


def test_down_to_the_revision_before_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    cards = board.board_cards(ws, include_closed=True)
    ws.close()

    move_to(path, MIGRATION.down_revision, down=True)
    before = names(path, "index")
    assert not NAMES & before
    move_to(path, MIGRATION.revision)
    assert names(path, "index") == before | NAMES
    ws = Workspace.open(path)  # the rest of the way to head
    try:
        assert board.board_cards(ws, include_closed=True) == cards
    finally:
        ws.close()
