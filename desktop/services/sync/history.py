"""The import log, and "Undo last import": put back the backup taken just before it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from desktop.services import backup
from desktop.services.workspace import Workspace
from desktop.storage.tables import SyncImport, SyncSite, SyncState


@dataclass(frozen=True)
class LastImport:
    file_name: str
    source_name: str
    imported_at: datetime  # UTC
    backup: Path | None
    edits_since: bool  # local changes made after the import (undo would take them away too)

    @property
    def can_undo(self) -> bool:
        return self.backup is not None and self.backup.exists()


def last_import(ws: Workspace) -> LastImport | None:
    """The newest import that changed something (and so has a backup), if any."""
    with ws.read() as session:
        row = session.scalars(
            select(SyncImport)
            .where(SyncImport.backup_path.is_not(None))
            .order_by(SyncImport.imported_at.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        name = session.scalar(select(SyncSite.name).where(SyncSite.site_id == row.source_site))
        counter = session.scalar(select(SyncState.counter)) or 0
        return LastImport(
            file_name=row.file_name,
            source_name=name or "",
            imported_at=row.imported_at,
            backup=Path(row.backup_path) if row.backup_path else None,
            edits_since=counter > row.counter,
        )


def has_imported(ws: Workspace) -> bool:
    """Whether this database ever took in another's file (an import or a team-folder sync),
    whether or not it changed anything: a rep who syncs is one who may have things to review."""
    with ws.read() as session:
        return session.scalar(select(SyncImport.id).limit(1)) is not None


def undo_last_import(db_path: Path, info: LastImport) -> backup.BackupInfo:
    """Restore the pre-import backup over the database (closed by the caller).

    The state being replaced is itself backed up first (services.backup.restore), and the
    restored database gets a new sync identity, since it is an older copy of itself.
    """
    if info.backup is None or not info.backup.exists():
        raise FileNotFoundError(str(info.backup))
    return backup.restore(db_path, info.backup)
