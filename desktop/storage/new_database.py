"""A database a command is about to create at a new path, taken away again if the command fails.

A failed command leaves nothing behind (README): not the empty database, and not what was made
beside it while the command ran — its `-wal` and `-shm`, the sync folder's bookkeeping
(`<database>.sync-folder.json`), the documents' store (`<database>.files`), temporary files,
backups of it, and the folders made to hold it. What was there before the command is never
touched: the names present before are noted first, and only new ones go.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

from desktop.storage.backup import backups_dir


def _belongs(name: str, database: str) -> bool:
    """Whether a name in the database's folder is the database's or one of its companions'."""
    return (
        name == database
        or name.startswith((database + "-", database + "."))
        or name.startswith("." + database + ".")  # a temporary file written atomically beside
    )


class NewDatabase:
    """Made before the file exists; `discard` once the command has failed and closed it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser().absolute()
        # The folders `mkdir(parents=True)` will make, outermost first.
        self.new_folders = [p for p in reversed(self.path.parents) if not p.exists()]
        self.companions = set(self._companions())
        self.backups_folder = backups_dir(self.path)
        self.had_backups_folder = self.backups_folder.exists()
        self.backups = set(self._backups())

    def _companions(self) -> list[Path]:
        folder = self.path.parent
        if not folder.is_dir():
            return []
        return [p for p in folder.iterdir() if _belongs(p.name, self.path.name)]

    def _backups(self) -> list[Path]:
        if not self.backups_folder.is_dir():
            return []
        made = re.compile(re.escape(self.path.stem) + r"-\d{8}-\d{6}-\d{6}-")
        return [p for p in self.backups_folder.iterdir() if made.match(p.name)]

    def discard(self) -> None:
        """Remove what was made since: the database, its companions, its backups, its folders.

        Best effort: a file that cannot be removed stays (the command has said why it failed)."""
        for path in [*self._companions(), *self._backups()]:
            if path in self.companions or path in self.backups:
                continue
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
        self.discard_folders()

    def discard_folders(self) -> None:
        """Remove the folders made since, those left empty (innermost first)."""
        made = ([] if self.had_backups_folder else [self.backups_folder]) + self.new_folders
        for folder in sorted(made, key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):  # not empty: something else is kept there
                folder.rmdir()
