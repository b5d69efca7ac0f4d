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

from alembic import op

from desktop.storage.change_sequence import sequence_statements, synced_tables

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


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
