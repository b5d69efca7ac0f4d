"""a change sequence on every synced record, so a delta reads only the rows that changed

Revision ID: 0008
Revises: 0003

A sync folder writes a delta after every settled edit: the records whose version vector is beyond
what the previous file reached. Without an index that meant reading every row of every synced
table (475,000 at 10,000 pursuits) to find the one edited. Each synced table gets `seq`, the
table's change sequence: every insert and every write of the version vector (a local edit, a
merge, a purge, a raw write alike) sets it to the table's highest plus one, so the rows changed
since an export are `seq > ` the highest that export saw, one indexed range. Triggers keep it, so
no writer can forget it; a writer that sets `seq` itself (the importer's bulk merge) skips them.

Existing rows start at 0 (`ADD COLUMN ... DEFAULT 0` rewrites nothing). The tables are the ones
that carry sync metadata (a `vv` and a `dots` column), found in the schema itself so that this
script does not depend on today's ORM. Opening a database backs it up before any migration runs
(`backup.backup_before_migration`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


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
    """The column, its index and the two triggers that keep `seq` for one synced table.

    Public so that a later migration adding a synced table gives it the same.
    """
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


def upgrade() -> None:
    conn = op.get_bind()
    for table in synced_tables(conn):
        for statement in sequence_statements(table):
            op.execute(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for table in synced_tables(conn):
        op.execute(f"DROP TRIGGER IF EXISTS sync_seq_{table}_ai")
        op.execute(f"DROP TRIGGER IF EXISTS sync_seq_{table}_au")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_seq")
        op.execute(f"ALTER TABLE {table} DROP COLUMN seq")
