"""Bad conditions: each gets a clear error and loses nothing already saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.services import pursuits
from desktop.services.errors import DatabaseMissing, DatabaseReadOnly, DiskFull
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.workspace import Workspace


def test_disk_full_saves_nothing_and_keeps_what_was_saved(ws) -> None:
    pursuits.create_pursuit(ws, PursuitDraft(title="已保存", account_name="客户"))
    page_count = ws.db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(ws.db.engine, "connect")
    def _limit(dbapi_conn, _record):  # a full disk, as SQLite sees it
        dbapi_conn.execute(f"PRAGMA max_page_count = {page_count + 1}")

    ws.db.engine.dispose()
    with pytest.raises(DiskFull):
        pursuits.create_pursuit(ws, PursuitDraft(title="大" * 200_000, account_name="客户"))
    event.remove(ws.db.engine, "connect", _limit)
    ws.db.engine.dispose()
    assert [c.title for c in board.board_cards(ws)] == ["已保存"]


def test_read_only_workspace_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "view.db"
    Workspace.open(path).close()
    viewer = Workspace.open(path, read_only=True)
    with pytest.raises(DatabaseReadOnly):
        pursuits.create_pursuit(viewer, PursuitDraft(title="X", account_name="Y"))
    viewer.close()


def test_database_deleted_while_open(ws) -> None:
    pursuits.create_pursuit(ws, PursuitDraft(title="A", account_name="客户"))
    moved = ws.path.with_name("moved.db")
    os.replace(ws.path, moved)
    with pytest.raises(DatabaseMissing):
        pursuits.create_pursuit(ws, PursuitDraft(title="B", account_name="客户"))
    ws.close()  # closing checkpoints the WAL into the (moved) file: what was saved stays saved
    reopened = Workspace.open(moved)
    assert [c.title for c in board.board_cards(reopened)] == ["A"]
    reopened.close()
