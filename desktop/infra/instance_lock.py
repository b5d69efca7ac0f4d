"""One writer per database: lock files (QLockFile), so a second instance is told.

Two locks, both needed:

- `<database>.lock` beside the file: seen by every computer that opens the file on a shared
  folder, and taken before a new database is created (two `demo` runs on one new path);
- a lock named after the file's real identity (device and inode) in a per-user folder: a hard
  link, or a second path to the same file, cannot bypass it.

A lock left by a crashed instance is stale (its process is gone) and is taken over. When a lock
cannot be taken at all (the folder is missing, read-only, or `.lock` is a folder), `problem` says
why instead of reporting a holder "process 0".
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

# Reasons a lock could not be taken at all (no other instance involved).
FOLDER_MISSING, LOCK_IS_FOLDER, READ_ONLY, DISK_FULL, CANNOT_LOCK = (
    "folder_missing",
    "lock_is_folder",
    "read_only",
    "disk_full",
    "cannot_lock",
)


@dataclass(frozen=True)
class Holder:
    pid: int
    hostname: str
    application: str


def identity_lock_path(db_path: Path) -> Path | None:
    """The per-user lock file named after the database's (device, inode); None if no file."""
    try:
        info = os.stat(db_path)
    except OSError:
        return None
    user = getattr(os, "getuid", lambda: os.environ.get("USERNAME", "user"))()
    folder = Path(tempfile.gettempdir()) / f"pursuit-locks-{user}"
    return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"


def _qlock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    # A lock whose process is dead is stale at once; a live one is never stale.
    lock.setStaleLockTime(0)
    return lock


def _try(lock: QLockFile) -> bool:
    if lock.tryLock(50):
        return True
    # Taken: by a live process, or by a crashed one whose lock Qt can prove stale.
    if lock.error() == QLockFile.LockError.LockFailedError and lock.removeStaleLockFile():
        return lock.tryLock(50)
    return False


def _read_only_folder(folder: Path) -> bool:
    if not os.access(folder, os.W_OK):
        return True
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _why_not(folder: Path) -> str:
    """Why a lock file could not be made in `folder` (no other instance holds it)."""
    if _read_only_folder(folder):
        return READ_ONLY
    with contextlib.suppress(OSError):  # the folder's free space unknown: just say "cannot"
        if shutil.disk_usage(folder).free < 64 * 1024:
            return DISK_FULL
    return CANNOT_LOCK


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = Path(str(db_path) + ".lock")
        self._lock = _qlock(self.path)
        self._identity: QLockFile | None = None
        self._refused_by: QLockFile | None = None  # the lock another instance holds
        self.problem: str | None = None  # why no lock could be taken, when nobody holds it

    def acquire(self) -> bool:
        """Take both locks (the identity one only when the file exists yet: see `adopt`)."""
        self.problem = None
        self._refused_by = None
        if self.path.is_dir():
            self.problem = LOCK_IS_FOLDER
            return False
        if not self.path.parent.is_dir():
            self.problem = FOLDER_MISSING
            return False
        if not _try(self._lock):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                self._refused_by = self._lock
            else:
                self.problem = _why_not(self.path.parent)
            return False
        if not self.adopt():
            self._lock.unlock()
            return False
        return True

    def adopt(self) -> bool:
        """Take the identity lock of the file now at `db_path` (after creating a new database).

        True when it is ours, or when there is no file (yet) or no folder for such locks.
        """
        if self._identity is not None and self._identity.isLocked():
            return True
        path = identity_lock_path(self.db_path)
        if path is None:
            return True
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return True  # no temp folder: the lock beside the file still guards
        identity = _qlock(path)
        if _try(identity):
            self._identity = identity
            return True
        if identity.error() == QLockFile.LockError.LockFailedError:
            self._refused_by = identity
            return False
        return True

    def holder(self) -> Holder | None:
        lock = self._refused_by or self._lock
        info = lock.getLockInfo()  # PySide6: (pid, hostname, application); pid 0 if none
        pid, hostname, application = info[-3:]
        return Holder(int(pid), str(hostname), str(application)) if pid else None

    def release(self) -> None:
        if self._identity is not None and self._identity.isLocked():
            self._identity.unlock()
            self._identity = None
        if self._lock.isLocked():
            self._lock.unlock()
