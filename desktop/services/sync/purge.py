"""Purge: intelligence that must go, here and (through every import) everywhere.

Unlike a delete, which undo and sync can bring back, a purge blanks the record's content and marks
it purged; the merge lets a purge win over every edit, and blanks the content wherever the record
travels. What belongs to the record (a stakeholder's roles, a pursuit's people and notes) is
purged with it. The row and its references stay, so the files of others still fit.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain import merge
from desktop.services import documents, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.sync.review import python_value
from desktop.services.workspace import Workspace
from desktop.storage import sync_codec, sync_meta
from desktop.storage.tables import SYNCED_TABLES, Synced, SyncReview, utcnow


def _children(table: type[Synced]) -> list[tuple[type[Synced], str]]:
    """Kinds whose records belong to a record of `table`, and the column that says so."""
    found = []
    for child in SYNCED_TABLES:
        for column in child.__table__.columns:
            for key in column.foreign_keys:
                # A link that may be empty but cascades (a note or an activity on a pursuit, an
                # account or a person) belongs to its target as much as a required one.
                belongs = not column.nullable or key.ondelete == "CASCADE"
                if key.column.table.name == table.__tablename__ and belongs:
                    found.append((child, column.name))
    return found


def purge(ws: Workspace, kind: str, record_id: str) -> Changes:
    """Blank a record and everything that belongs to it, for good (one transaction)."""
    table = records.table_of(kind)
    with ws.write() as session:
        record = session.get(table, record_id)
        if record is None:
            raise NotFound(f"{kind} {record_id}")
        dot = sync_meta.next_dot(session)
        session.info["merging"] = True  # the metadata is written here, not by the flush stamp
        try:
            changes = _purge(session, record, dot)
            session.flush()
        finally:
            session.info["merging"] = False
    if changes.touches(ChangeKind.DOCUMENT):
        documents.forget_unused_files(ws)  # a purged document's file goes too
    return changes


def _purge(session: Session, record: Synced, dot: tuple[str, int, int]) -> Changes:
    table = type(record)
    changes = records.changes_for(record)
    if not record.purged:
        rules = sync_codec.rules_for(table)
        now = utcnow()
        state = merge.purge(sync_codec.state_of(record), dot, rules, now=sync_codec.to_raw(now))
        row = sync_codec.compact(table, state)
        for name in rules.fields:
            setattr(record, name, python_value(table, name, row[name]))
        record.purged = True
        record.vv = state["vv"]
        record.dots = json.loads(row["dots"])
        record.siblings = None
        record.updated_at = now
        session.execute(delete(SyncReview).where(SyncReview.record_id == record.id))
    for child, column in _children(table):
        for item in session.scalars(select(child).where(getattr(child, column) == record.id)):
            changes = changes | _purge(session, item, dot)
    return changes
