"""covering indexes for the bulk reads of the board, deal health and the accounts list

Revision ID: 0009
Revises: 0003

The board reads, for every open pursuit at once, the first open activity or visit to come
(`HealthFacts.next_scheduled`) and the latest done activity, note or held visit
(`queries.last_touch_rows`); deal health reads the same facts plus the latest stage change. Each
is a GROUP BY pursuit over a child table. Without these indexes SQLite walked the pursuit index
and fetched every row from the table (activities, visits, notes, stage changes: ~85,000 rows at
10,000 pursuits); with them each read is a scan of one covering index in pursuit order.

Deal health's key people and "has an ally" read every stakeholder's row (50,000 at 10,000
pursuits, each with its sync metadata) and looked each role's person up by id; the accounts list
sums every pursuit per account, reading each pursuit's row. They now read covering indexes.

Only indexes: no row changes, and a database at 0003 reads the same with or without them.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# name, table, columns: the grouping key first, then what the WHERE tests, then the values.
INDEXES = (
    (
        "ix_activities_pursuit_dates",
        "activities",
        ["pursuit_id", "alive", "done", "due_on", "done_at"],
    ),
    ("ix_visits_pursuit_start", "visits", ["pursuit_id", "alive", "starts_at"]),
    ("ix_notes_pursuit_noted", "notes", ["pursuit_id", "alive", "noted_at"]),
    ("ix_stage_changes_pursuit_changed", "stage_changes", ["pursuit_id", "alive", "changed_at"]),
    ("ix_stakeholders_map", "stakeholders", ["pursuit_id", "alive", "relationship", "id"]),
    ("ix_stakeholder_roles_held", "stakeholder_roles", ["stakeholder_id", "alive", "role"]),
    (
        "ix_pursuits_account_totals",
        "pursuits",
        ["account_id", "alive", "status", "stage", "amount", "win_rate_override", "updated_at"],
    ),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
