"""Revision 0003 on a database made at 0002: notes keep their rows and their search, and can now
be on an account only; activities and their attendees exist."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.services import activities, search
from desktop.services.workspace import Workspace
from desktop.storage import migrate


def _database_at(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_upgrading_from_0002_keeps_notes_and_their_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _database_at(path, "0002")
    db = sqlite3.connect(path)
    meta = (
        "'2026-01-02 03:04:05.000000', '2026-01-02 03:04:05.000000', 1, NULL, 0, NULL, '{}', '{}'"
    )
    db.execute(
        "INSERT INTO accounts (id, name, industry, address, notes, created_at, updated_at, alive,"
        " deleted_at, purged, origin_site, vv, dots)"
        f" VALUES ('a0000000-0000-4000-8000-000000000001', '苏州恒通', '', '', '', {meta})"
    )
    db.execute(
        "INSERT INTO pursuits (id, account_id, title, amount, currency, stage, status,"
        " close_reason, owner, stage_entered_at, next_step, board_rank, notes, created_at,"
        " updated_at, alive, deleted_at, purged, origin_site, vv, dots)"
        " VALUES ('b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',"
        " 'MES', 0, 'CNY', 1, 'open', '', '', '2026-01-02 03:04:05.000000', '', 0, '',"
        f" {meta})"
    )
    db.execute(
        "INSERT INTO notes (id, pursuit_id, body, created_at, updated_at, alive, deleted_at,"
        " purged, origin_site, vv, dots) VALUES ('c0000000-0000-4000-8000-000000000003',"
        f" 'b0000000-0000-4000-8000-000000000002', '决策者下周出差', {meta})"
    )
    db.commit()
    db.close()

    ws = Workspace.open(path)  # upgrades to head
    try:
        with ws.read() as session:
            from desktop.storage.tables import Note

            note = session.get(Note, "c0000000-0000-4000-8000-000000000003")
            assert note.body == "决策者下周出差" and str(note.noted_at) == "2026-01-02 03:04:05"
        hits = search.search(ws, "出差")
        assert [(h.kind, h.id) for h in hits] == [("note", "c0000000-0000-4000-8000-000000000003")]
        # The triggers were made again: a new note on an account alone is indexed.
        activities.add_note(ws, "集团年底换届", account_id="a0000000-0000-4000-8000-000000000001")
        with ws.read() as session:
            docs = (
                session.connection()
                .exec_driver_sql(
                    "SELECT kind, pursuit_id FROM search_docs WHERE kind = 'note' ORDER BY id"
                )
                .all()
            )
        assert [tuple(d) for d in docs] == [
            ("note", "b0000000-0000-4000-8000-000000000002"),
            ("note", None),
        ]
    finally:
        ws.close()
    assert migrate.current_revision(create_engine(f"sqlite:///{path}")) == migrate.head_revision()
