"""A fold's journal: what a merge of two records overwrote and what it made, so that one undo
puts back exactly that (people folded into one, a competitor into another).

Entries are (table name, record id, {column: value before}), or None for a record the fold made
(an undo buries it: synced records are never deleted, so a copy elsewhere learns of it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.storage.tables import utcnow

Entry = tuple[str, str, dict[str, Any] | None]  # table, record id, {column: value before} | made


class Journal:
    def __init__(self) -> None:
        self._before: dict[tuple[str, str], dict[str, Any] | None] = {}

    def set(self, row: Any, **values: Any) -> None:
        """Set `values` on `row`, keeping the first value each column had before the fold."""
        before = self._before.setdefault((row.__tablename__, row.id), {})
        for name, value in values.items():
            if before is not None and name not in before:
                before[name] = getattr(row, name)
            setattr(row, name, value)

    def made(self, row: Any) -> None:
        """`row` is new: an undo buries it."""
        self._before[(row.__tablename__, row.id)] = None

    def entries(self) -> tuple[Entry, ...]:
        return tuple((table, rid, before) for (table, rid), before in self._before.items())


def undo(session: Session, tables: Mapping[str, Any], entries: Iterable[Entry]) -> None:
    """Put back what `entries` recorded, last first, inside the caller's transaction."""
    for table, rid, before in reversed(tuple(entries)):
        row = session.get(tables[table], rid)
        if row is None:
            continue
        if before is None:
            row.alive, row.deleted_at = False, utcnow()
        else:
            for name, value in before.items():
                setattr(row, name, value)
