"""Online copies of a database file with SQLite's backup API (consistent while the app runs).

Naming and rotation policy live in services/backup.py; this module only copies bytes safely:
into a temporary file beside the target, fsynced, then renamed over it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_FOLDER = "backups"
STAMP = "%Y%m%d-%H%M%S"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


def backup_name(db_path: Path, reason: str, when: datetime) -> str:
    return f"{db_path.stem}-{when.strftime(STAMP)}-{when.microsecond:06d}-{reason}.db"


def online_backup(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target` atomically; returns `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".part")
    temporary.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(temporary)
    try:
        src.backup(dst, pages=4096)
        # A backup is a standalone file: no WAL beside it to lose.
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    with temporary.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(temporary, target)
    fsync_dir(target.parent)
    return target


def backup_before_migration(db_path: Path) -> Path:
    return online_backup(
        db_path, backups_dir(db_path) / backup_name(db_path, "migration", datetime.now())
    )


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some file systems refuse)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)
