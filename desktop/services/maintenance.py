"""Health of the database file: schema version, row counts, SQLite's integrity check."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from desktop.services.workspace import Workspace
from desktop.storage import migrate, queries
from desktop.storage.tables import SYNCED_TABLES


@dataclass
class CheckReport:
    schema_revision: str | None
    head_revision: str
    counts: dict[str, int]
    integrity: str
    problems: list[str] = field(default_factory=list)
    broken_references: int = 0  # rows of foreign_key_check: the CLI words the problem itself

    @property
    def ok(self) -> bool:
        return not self.problems


def check(ws: Workspace) -> CheckReport:
    revision = migrate.current_revision(ws.db.engine)
    head = migrate.head_revision()
    problems = []
    with ws.read() as session:
        counts = {
            table.__tablename__: session.scalar(
                select(func.count()).select_from(table).where(table.alive)
            )
            or 0
            for table in SYNCED_TABLES
        }
        integrity = queries.integrity_check(session)
        fk_errors = queries.foreign_key_problems(session)
    if integrity != "ok":
        problems.append(f"integrity check: {integrity}")
    if fk_errors:
        problems.append(f"{len(fk_errors)} broken references (foreign_key_check)")
    if revision != head:
        problems.append(f"schema {revision} needs upgrading to {head}")
    return CheckReport(revision, head, counts, integrity, problems, len(fk_errors))


def record_counts(ws: Workspace, tables: tuple[str, ...]) -> dict[str, int]:
    """Live rows per named table (for the status bar)."""
    by_name = {t.__tablename__: t for t in SYNCED_TABLES}
    with ws.read() as session:
        return {
            name: session.scalar(
                select(func.count()).select_from(by_name[name]).where(by_name[name].alive)
            )
            or 0
            for name in tables
        }
