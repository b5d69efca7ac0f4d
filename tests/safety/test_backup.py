"""Backups: online copies, rotation, restore (with its own safety backup), on real files."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import backup, pursuits
from desktop.services.errors import NotAPursuitDatabase
from desktop.services.queries import board
from desktop.services.workspace import Workspace
from desktop.storage.backup import backup_name, backups_dir


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, title, stage, amount FROM pursuits ORDER BY id").fetchall()


def test_backup_damage_restore_gives_identical_content(demo_ws, tmp_path: Path) -> None:
    path = demo_ws.path
    before = dump(path)
    info = backup.make_backup(demo_ws, "manual")
    assert info.path.parent == backups_dir(path)
    assert info.pursuits() == len(before)
    site = demo_ws.db.site_id()
    demo_ws.close()
    with path.open("r+b") as fh:  # damage: scribble over pages in the middle of the file
        fh.seek(8192)
        fh.write(b"\x00garbage\xff" * 2000)
    safety = backup.restore(path, info.path)
    assert safety.path.exists() and safety.path != info.path
    assert dump(path) == before
    restored = Workspace.open(path)
    assert restored.db.site_id() != site  # a restored copy is a new replica
    assert len(board.board_cards(restored, include_closed=True)) == len(before)
    restored.close()


def test_restore_refuses_a_foreign_file_and_changes_nothing(ws, tmp_path: Path) -> None:
    pursuits.create_pursuit(ws, pursuits.PursuitDraft(title="保留", account_name="客户"))
    path = ws.path
    ws.close()
    before = dump(path)
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    with pytest.raises(NotAPursuitDatabase):
        backup.restore(path, junk)
    assert dump(path) == before


def test_rotation_keeps_last_n_plus_one_a_week(ws) -> None:
    folder = backups_dir(ws.path)
    folder.mkdir(exist_ok=True)
    now = datetime(2026, 11, 29, 12, 0)
    made = []
    for days in range(0, 70, 2):  # every second day for ten weeks
        when = now - timedelta(days=days)
        target = folder / backup_name(ws.path, "daily", when)
        target.write_bytes(b"")
        made.append(when)
    backup.rotate(ws.path, keep=5, now=now)
    kept = [b.created for b in backup.list_backups(ws.path)]
    assert kept[:5] == made[:5]  # the newest five
    weeks = {when.isocalendar()[:2] for when in kept}
    recent_weeks = {(now - timedelta(weeks=w)).isocalendar()[:2] for w in range(8)}
    assert recent_weeks <= weeks  # one a week for eight weeks
    assert all(now - when <= timedelta(weeks=8) for when in kept)
    assert len(kept) == len(set(kept)) < len(made)


def test_daily_backup_due_once_a_day(ws) -> None:
    assert backup.daily_backup_due(ws.path)
    info = backup.make_backup(ws, "daily")
    assert not backup.daily_backup_due(ws.path)
    assert backup.daily_backup_due(ws.path, now=info.created + timedelta(days=1, seconds=1))


def test_backup_to_a_chosen_file(ws, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "copy.db"
    info = backup.make_backup(ws, out=out)
    assert info.path == out and out.exists()
    backup.validate_backup(out)
