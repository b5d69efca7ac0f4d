"""The change sequence (`seq`) of a synced table: the column, its index and the triggers that
keep it, so that a delta export reads only the rows written since the export before it.

Revision 0008 gave it to every synced table there was; a later revision that adds a synced table
gives it the same statements from here.
"""

from __future__ import annotations

import sqlalchemy as sa


def synced_tables(conn: sa.Connection) -> list[str]:
    """Tables carrying sync metadata (a version vector and dots)."""
    names = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    found = []
    for name in names:
        columns = {row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')}
        if {"vv", "dots", "id"} <= columns:
            found.append(name)
    return found


def sequence_statements(table: str) -> list[str]:
    """The column, its index and the two triggers that keep `seq` for one synced table."""
    bump = (
        f"UPDATE {table} SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM {table}) "
        "WHERE rowid = NEW.rowid"  # by rowid, not the text id: a fifth of a bulk insert's cost
    )
    return [
        f"ALTER TABLE {table} ADD COLUMN seq INTEGER NOT NULL DEFAULT 0",
        f"CREATE INDEX ix_{table}_seq ON {table} (seq)",
        f"CREATE TRIGGER sync_seq_{table}_ai AFTER INSERT ON {table} "
        f"WHEN NEW.seq = 0 BEGIN {bump}; END",
        f"CREATE TRIGGER sync_seq_{table}_au AFTER UPDATE OF vv ON {table} "
        f"WHEN NEW.seq = OLD.seq BEGIN {bump}; END",
    ]


def write_mark(conn: sa.Connection) -> tuple[int, ...]:
    """What any committed write moves, read in the caller's snapshot: the local write counter
    (every stamped transaction), the count of imports, and each synced table's highest change
    sequence (every insert and version-vector write, a merge's included). Equal marks: nothing
    was written in between. One statement of index lookups, well under a millisecond."""
    # Here, not at the top: the migrations import this module and must not load today's ORM.
    from desktop.storage.tables import SYNCED_TABLES

    parts = [
        "(SELECT coalesce(max(counter), 0) FROM sync_state)",
        "(SELECT count(*) FROM sync_imports)",
        *(
            f"(SELECT coalesce(max(seq), 0) FROM {table.__tablename__})"
            for table in sorted(SYNCED_TABLES, key=lambda t: t.__tablename__)
        ),
    ]
    row = conn.exec_driver_sql("SELECT " + ", ".join(parts)).one()
    return tuple(int(value) for value in row)
