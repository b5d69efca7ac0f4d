"""Online copies of a database file with SQLite's backup API (consistent while the app runs).

Naming and rotation policy live in services/backup.py; this module only copies bytes safely:
into a temporary file beside the target, fsynced, checked, then renamed over it
(storage.files.write_atomically).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop.storage.files import TEMP_SUFFIX, fsync_dir, remove_leftovers, write_atomically

__all__ = ["backup_before_migration", "fsync_dir", "online_backup", "remove_leftovers"]

BACKUP_FOLDER = "backups"
STAMP = "%Y%m%d-%H%M%S"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


def backup_name(db_path: Path, reason: str, when: datetime) -> str:
    return f"{db_path.stem}-{when.strftime(STAMP)}-{when.microsecond:06d}-{reason}.db"


def online_backup(source: Path, target: Path, *, check: bool = True) -> Path:
    """Copy the database at `source` to `target` atomically; returns `target`.

    The copy is checked (`PRAGMA quick_check`) before it takes the target's name, unless
    `check` is False (the copy of a damaged database kept before a restore). On any failure
    — a full disk above all — nothing is left behind: no `.part` file eating the space that ran
    out. SQLite's failures are raised as the storage errors the user is told about (DiskFull…).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent, f".{target.name}.*{TEMP_SUFFIX}")

    def copy(temporary: Path) -> None:
        # mode=ro: reading must never create a file where the database went missing.
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(temporary)
        try:
            src.backup(dst, pages=4096)
            # A backup is a standalone file: no WAL beside it to lose.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
            src.close()
            # A copy cut short (a full disk) may leave its rollback journal: the temporary file
            # goes away (write_atomically), and so must this, or it eats the space that ran out.
            Path(f"{temporary}-journal").unlink(missing_ok=True)

    try:
        return write_atomically(target, copy, verify_copy if check else None)
    except sqlite3.Error as exc:
        from desktop.storage.db import NotAPursuitDatabase, translate_error

        raise (translate_error(exc) or NotAPursuitDatabase(str(exc))) from exc


def verify_copy(path: Path) -> None:
    """Raise unless the SQLite file at `path` reads back whole."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise sqlite3.DatabaseError(f"the copy fails its check: {result}")


def backup_before_migration(db_path: Path) -> Path:
    return online_backup(
        db_path, backups_dir(db_path) / backup_name(db_path, "migration", datetime.now())
    )
