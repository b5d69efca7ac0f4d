"""Revision 0009 on a database made at the revision before it: the covering indexes of the bulk
reads appear, the rows read the same, and going down again takes exactly those indexes away."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.services import demo
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from desktop.storage import migrate

MIGRATION = importlib.import_module("desktop.storage.migrations.versions.0009_indexes")
NAMES = {name for name, _table, _columns in MIGRATION.INDEXES}


def _move_to(path: Path, revision: str, *, down: bool = False) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    engine.dispose()


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def test_down_to_the_revision_before_and_up_again(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    ws = Workspace.open(path)
    demo.fill_demo(ws, scale=30, seed=3)
    cards = board.board_cards(ws, include_closed=True)
    ws.close()

    _move_to(path, MIGRATION.down_revision, down=True)
    before = _indexes(path)
    assert not NAMES & before
    _move_to(path, MIGRATION.revision)
    assert _indexes(path) == before | NAMES
    ws = Workspace.open(path)  # the rest of the way to head
    try:
        assert board.board_cards(ws, include_closed=True) == cards
    finally:
        ws.close()
