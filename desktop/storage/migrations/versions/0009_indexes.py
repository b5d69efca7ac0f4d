"""covering indexes for the board's bulk reads of each card's next scheduled step and last touch

Revision ID: 0009
Revises: 0003

The board reads, for every open pursuit at once, the first open activity or visit to come
(`HealthFacts.next_scheduled`) and the latest done activity, note or held visit
(`queries.last_touch_rows`); deal health reads the same facts plus the latest stage change. Each
is a GROUP BY pursuit over a child table. Without these indexes SQLite walked the pursuit index
and fetched every row from the table (activities, visits, notes, stage changes: ~85,000 rows at
10,000 pursuits); with them each read is a scan of one covering index in pursuit order. Only
indexes: no row changes, and a database at 0003 reads the same with or without them.
"""

from alembic import op

revision = "0009"
down_revision = "0003"
branch_labels = None
depends_on = None

# name, table, columns: pursuit first (the GROUP BY), then what the WHERE tests, then the value.
INDEXES = (
    (
        "ix_activities_pursuit_dates",
        "activities",
        ["pursuit_id", "alive", "done", "due_on", "done_at"],
    ),
    ("ix_visits_pursuit_start", "visits", ["pursuit_id", "alive", "starts_at"]),
    ("ix_notes_pursuit_noted", "notes", ["pursuit_id", "alive", "noted_at"]),
    ("ix_stage_changes_pursuit_changed", "stage_changes", ["pursuit_id", "alive", "changed_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
