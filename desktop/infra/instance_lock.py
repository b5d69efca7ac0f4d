"""One writer per database: a lock file beside it (QLockFile), so a second instance is told.

A lock left by a crashed instance is stale (its process is gone) and is taken over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile


@dataclass(frozen=True)
class Holder:
    pid: int
    hostname: str
    application: str


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = Path(str(db_path) + ".lock")
        self._lock = QLockFile(str(self.path))
        # A lock whose process is dead is stale at once; a live one is never stale.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        if self._lock.tryLock(50):
            return True
        # Taken: by a live process, or by a crashed one whose lock Qt can prove stale.
        if (
            self._lock.error() == QLockFile.LockError.LockFailedError
            and self._lock.removeStaleLockFile()
        ):
            return self._lock.tryLock(50)
        return False

    def holder(self) -> Holder | None:
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, application); pid 0 if none
        pid, hostname, application = info[-3:]
        return Holder(int(pid), str(hostname), str(application)) if pid else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
