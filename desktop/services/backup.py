"""Backups of the open database: when to make them, what to keep, and restoring one.

Kept: the newest `keep` backups, plus the newest of each of the last 8 weeks. Backups are made on
start (at most once a day), at close when the session changed the database since its newest
backup, before every import and migration, and on request. The close one is what keeps a day's
work: the start-of-day backup holds the day before (on a new database's first day, nothing).

Whoever shows when the database was last backed up (the window's status bar) listens here
(`add_listener`) rather than at each caller: a backup before an import, a restore or a daily one
made on a worker thread is told the same way as one made on request.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.services.errors import NotAPursuitDatabase
from desktop.services.workspace import Workspace
from desktop.storage import backup as storage_backup
from desktop.storage import file_store, migrate
from desktop.storage.db import Database
from desktop.storage.files import write_atomically
from desktop.storage.tables import SyncState

WEEKS_KEPT = 8


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int

    def mark(self) -> tuple[int, int] | None:
        """The backup's `write_mark` (None when it cannot be read)."""
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as conn:
                row = conn.execute("SELECT counter, hlc FROM sync_state LIMIT 1").fetchone()
        except sqlite3.Error:
            return None
        return (int(row[0]), int(row[1])) if row else None

    def pursuits(self) -> int | None:
        """Live pursuits in the backup (None when it cannot be read)."""
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as conn:
                return int(conn.execute("SELECT count(*) FROM pursuits WHERE alive").fetchone()[0])
        except sqlite3.Error:
            return None


# Told of every backup made into a database's backups folder: (the database, the backup). Kept
# weakly (bound methods), so a listener's owner going away is enough to stop it.
_listeners: list[weakref.WeakMethod[Callable[[Path, BackupInfo], None]]] = []


def add_listener(listener: Callable[[Path, BackupInfo], None]) -> None:
    """Call the bound method `listener` with (database, backup) after each backup of any
    database, on the thread that made it."""
    _listeners.append(weakref.WeakMethod(listener))


def _made(database: Path, info: BackupInfo) -> None:
    for ref in list(_listeners):
        listener = ref()
        if listener is None:
            with contextlib.suppress(ValueError):  # another thread pruned it first
                _listeners.remove(ref)
        else:
            listener(database, info)


def make_backup(
    ws: Workspace, reason: str = "manual", out: Path | None = None, keep: int = 10
) -> BackupInfo:
    """An online backup of the open database (to `out`, or into backups/ with rotation)."""
    now = datetime.now()
    # A backup killed or stopped by a full disk in an older version left its `.part` file.
    storage_backup.remove_leftovers(storage_backup.backups_dir(ws.path), "*.db.part")
    if out is not None:
        target = storage_backup.online_backup(ws.path, out)
    else:
        folder = storage_backup.backups_dir(ws.path)
        target = storage_backup.online_backup(
            ws.path, folder / storage_backup.backup_name(ws.path, reason, now)
        )
        rotate(ws.path, keep)
    file_store.carry_files(ws.path, target)  # the attached documents go with the backup
    info = BackupInfo(target, now, reason, target.stat().st_size)
    if out is None:  # one of the database's own backups (one saved elsewhere is not listed)
        _made(ws.path, info)
    return info


def write_mark(ws: Workspace) -> tuple[int, int]:
    """How far the database's own writes have got: its sync clock (counter, hybrid logical
    time), which every write transaction moves on. A copy holding this very state has it too."""
    with ws.read() as session:
        state = session.scalars(select(SyncState)).one()
        return (state.counter, state.hlc)


def in_a_backup(ws: Workspace) -> bool:
    """Whether the database as it is now is held by one of its backups (a database never
    written to has nothing to keep)."""
    mark = write_mark(ws)
    return mark == (0, 0) or any(b.mark() == mark for b in list_backups(ws.path))


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    folder = storage_backup.backups_dir(db_path)
    result = []
    for path in folder.glob(f"{db_path.stem}-*.db"):
        parts = path.stem[len(db_path.stem) + 1 :].split("-")
        try:
            created = datetime.strptime("-".join(parts[:2]), storage_backup.STAMP).replace(
                microsecond=int(parts[2])
            )
            reason = "-".join(parts[3:]) or "manual"
        except (ValueError, IndexError):
            continue
        result.append(BackupInfo(path, created, reason, path.stat().st_size))
    return sorted(result, key=lambda b: b.created, reverse=True)


def rotate(db_path: Path, keep: int = 10, now: datetime | None = None) -> list[Path]:
    """Delete backups outside the policy; returns what was deleted."""
    now = now or datetime.now()
    backups = list_backups(db_path)
    kept = {b.path for b in backups[: max(1, keep)]}
    weekly: dict[tuple[int, int], BackupInfo] = {}
    horizon = now - timedelta(weeks=WEEKS_KEPT)
    for info in backups:  # newest first: the first seen in a week is that week's newest
        if info.created >= horizon:
            weekly.setdefault(info.created.isocalendar()[:2], info)
    kept |= {b.path for b in weekly.values()}
    deleted = []
    for info in backups:
        if info.path not in kept:
            info.path.unlink(missing_ok=True)
            file_store.FileStore.beside(info.path).remove()
            deleted.append(info.path)
    return deleted


# Full copies of the database as the rep left it: one of them less than a day old makes the
# start's daily backup unneeded.
WHOLE_DAY_REASONS = ("daily", "manual", "close")


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    backups = [b for b in list_backups(db_path) if b.reason in WHOLE_DAY_REASONS]
    now = now or datetime.now()
    return not backups or now - backups[0].created >= timedelta(days=1)


def validate_backup(source: Path) -> None:
    """Raise NotAPursuitDatabase unless `source` is a readable Pursuit database this version can
    open (a folder, a text file, a truncated or damaged copy are all refused)."""
    probe = Database.open(source, create=False, read_only=True)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise NotAPursuitDatabase(f"{source} fails the integrity check: {result}")
        if migrate.current_revision(probe.engine) is None:
            raise NotAPursuitDatabase(f"{source} has no schema version")
    except sqlite3.Error as exc:  # truncated: SQLite fails while reading, not when opening
        raise NotAPursuitDatabase(f"{source} cannot be read: {exc}") from exc
    except (OperationalError, DatabaseError) as exc:
        raise NotAPursuitDatabase(f"{source} cannot be read: {exc.orig}") from exc
    finally:
        probe.close()


def restore(db_path: Path, source: Path, keep: int = 10) -> BackupInfo:
    """Replace the database at `db_path` (closed by the caller) with the backup `source`.

    The current file is backed up first; the restored database gets a new sync identity, since
    it is an older copy of this one (DESIGN.md: a new site after a restore).
    """
    if db_path.is_dir():
        raise NotAPursuitDatabase(f"{db_path} is a folder")
    validate_backup(source)
    safety = None
    if db_path.exists():
        safe_at = datetime.now()
        safety = storage_backup.online_backup(
            db_path,
            storage_backup.backups_dir(db_path)
            / storage_backup.backup_name(db_path, "before-restore", safe_at),
            check=False,  # kept as it is, damaged or not: it is what the user had
        )
        _made(db_path, BackupInfo(safety, safe_at, "before-restore", safety.stat().st_size))
    # Copied and checked beside the database first: a full disk fails here, with the database
    # (and its WAL) untouched and no half copy left behind.
    staged = write_atomically(
        db_path.with_name(db_path.name + ".restoring"),
        lambda temp: shutil.copyfile(source, temp),
        storage_backup.verify_copy,
    )
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    staged.replace(db_path)
    file_store.carry_files(source, db_path)  # the backup's documents (the store only grows)
    restored = Database.open(db_path)
    try:
        restored.renew_site()
    finally:
        restored.close()
    rotate(db_path, keep)
    info = safety or db_path
    return BackupInfo(info, datetime.now(), "before-restore", info.stat().st_size)
