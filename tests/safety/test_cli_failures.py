"""Defects 6, 7 and 8 of issue 23: every CLI failure is one line and rc != 0, never a traceback
or a false success, and nothing a failed command touched is left behind or created.

Full and read-only disks are real (a tmpfs; see disks.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop.infra.instance_lock import DatabaseLock
from desktop.services.errors import DatabaseMissing
from desktop.storage.db import Database
from tests.safety.disks import fill, pursuit, read_only, small_disk


def one_line_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_restore_from_a_folder_a_text_or_a_truncated_database(
    demo_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    shutil.copy(demo_template, db)
    before = db.read_bytes()
    folder = tmp_path / "folder"
    folder.mkdir()
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    truncated = tmp_path / "cut.db"
    truncated.write_bytes(demo_template.read_bytes()[: 40 * 4096])
    line = one_line_failure(pursuit("restore", "--db", str(db), "--from", str(folder)))
    assert line == f"pursuit: Cannot read {folder}: it is a folder, not a file."
    for source in (text, truncated):
        line = one_line_failure(pursuit("restore", "--db", str(db), "--from", str(source)))
        assert "not a Pursuit database" in line
    assert db.read_bytes() == before


def test_check_and_backup_of_an_empty_file_change_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert "not a Pursuit database" in one_line_failure(pursuit("check", "--db", str(empty)))
    assert "not a Pursuit database" in one_line_failure(pursuit("backup", "--db", str(empty)))
    assert empty.stat().st_size == 0  # not turned into a database
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_demo_and_backup_on_a_full_disk(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "2M") as disk:
        line = one_line_failure(pursuit("demo", "--db", str(disk / "big.db"), "--scale", "300"))
        assert "disk is full" in line
        assert not list(disk.glob("*.part"))
    with small_disk(tmp_path / "disk2", "16M") as disk:
        db = disk / "p.db"
        shutil.copy(demo_template, db)
        line = one_line_failure(pursuit("backup", "--db", str(db), "--out", str(disk)))
        assert "is a folder" in line
        fill(disk, leave=256 * 1024)  # room for the lock file, not for a copy
        line = one_line_failure(pursuit("backup", "--db", str(db)))
        assert "disk is full" in line
        assert not list(disk.rglob("*.part"))  # no leftover eating the space that ran out
        line = one_line_failure(pursuit("backup", "--db", str(db), "--out", str(disk / "b.db")))
        assert not (disk / "b.db").exists() and not list(disk.rglob("*.part"))
        fill(disk)
        line = one_line_failure(
            pursuit("export-ics", "--db", str(db), "--upcoming", "--out", str(disk / "v.ics"))
        )
        assert not (disk / "v.ics").exists() and not list(disk.glob(".*"))


def test_a_pdf_cut_short_by_a_full_disk_is_not_reported_as_written(
    demo_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    shutil.copy(demo_template, db)
    ws = Database.open(db, read_only=True)
    with ws.read() as session:
        pursuit_id = session.execute(text("SELECT id FROM pursuits LIMIT 1")).scalar()
    ws.close()
    with small_disk(tmp_path / "disk", "1M") as disk:
        fill(disk)
        out = disk / "plan.pdf"
        result = pursuit("print-plan", "--db", str(db), "--pursuit", pursuit_id, "--out", str(out))
        one_line_failure(result)
        assert "page(s)" not in result.stdout
        assert not out.exists() and not list(disk.glob(".*"))


def test_read_only_media(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "cd", "8M") as disk:
        db = disk / "p.db"
        shutil.copy(demo_template, db)
        read_only(disk)
        checked = pursuit("check", "--db", str(db))
        assert checked.returncode == 0, checked.stderr
        assert "integrity: ok" in checked.stdout
        line = one_line_failure(pursuit("demo", "--db", str(db), "--scale", "1"))
        assert "read-only" in line and "process" not in line


def test_missing_folder_and_a_lock_that_is_a_folder(demo_template: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "p.db"
    line = one_line_failure(pursuit("backup", "--db", str(missing)))
    assert "No database" in line and "process" not in line
    db = tmp_path / "p.db"
    shutil.copy(demo_template, db)
    (tmp_path / "p.db.lock").mkdir()
    line = one_line_failure(pursuit("demo", "--db", str(db), "--scale", "1"))
    assert "is a folder" in line and "process" not in line


def test_argparse_mistakes_are_one_line() -> None:
    result = pursuit("demo", "--scale", "x")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_read_after_the_file_was_deleted_creates_nothing(ws_path: Path) -> None:
    db = Database.open(ws_path)
    with db.read() as session:
        session.execute(text("SELECT 1"))
    for suffix in ("", "-wal", "-shm"):
        Path(str(ws_path) + suffix).unlink(missing_ok=True)
    db.engine.dispose()  # the next read needs a new connection, as after a pool recycle
    with pytest.raises(DatabaseMissing), db.read() as session:
        session.execute(text("SELECT count(*) FROM pursuits"))
    # Even SQLAlchemy's own connection (the pool's next one) refuses to make the file.
    with pytest.raises(OperationalError, match="unable to open"), db.engine.connect():
        pass
    db.close()
    assert not ws_path.exists()  # no empty database made at the old path


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    path = tmp_path / "gone.db"
    Database.open(path).close()
    return path


HOLD = """
import sys, time
from pathlib import Path
from desktop.infra.instance_lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]))
print("locked" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


def test_a_hard_link_does_not_bypass_the_lock(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    shutil.copy(demo_template, db)
    hard = tmp_path / "other-name.db"
    os.link(db, hard)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        second = DatabaseLock(hard)
        assert not second.acquire()
        holder = second.holder()
        assert holder is not None and holder.pid == child.pid
        line = one_line_failure(pursuit("demo", "--db", str(hard), "--scale", "1"))
        assert f"process {child.pid}" in line
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_the_lock_is_taken_before_a_new_database_is_created(tmp_path: Path) -> None:
    new = tmp_path / "new.db"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(new)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        line = one_line_failure(pursuit("demo", "--db", str(new), "--scale", "1"))
        assert f"process {child.pid}" in line
        assert not new.exists()
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


def test_a_command_refused_the_lock_leaves_what_another_is_making(tmp_path: Path) -> None:
    """Two commands on one new path: the one refused the lock takes nothing away when it fails
    (what appeared there is the other's, being made), unlike one that made the database."""
    import argparse

    from desktop import cli

    args = argparse.Namespace()
    path = tmp_path / "new" / "p.db"
    cli.note_new_database(args, path)
    path.parent.mkdir()  # meanwhile, the command that has the lock makes its database
    path.write_bytes(b"SQLite format 3\x00")
    Path(f"{path}-wal").write_bytes(b"")
    cli.discard_new_database(args)  # no lock of ours: ours is the refused one
    assert sorted(p.name for p in path.parent.iterdir()) == ["p.db", "p.db-wal"]
