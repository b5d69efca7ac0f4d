"""single-column indexes that a composite index already covers are dropped

Revision ID: 0011
Revises: 0010

Each index dropped here is on a link column that a composite index (revisions 0003 and 0009)
starts with: SQLite serves `WHERE pursuit_id = ?` and the ON DELETE CASCADE of the parent from
that composite's prefix as well as from an index of its own. The copies cost ≈ 17 MB at 10,000
pursuits (issue 22: the database's size) and a write into each of them on every insert.

Only indexes: no row changes. Going down re-creates them.
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# table, column, and the composite index that starts with that column (which stays)
COVERED = (
    ("pursuits", "account_id", "ix_pursuits_account_totals"),
    ("coaching_answers", "pursuit_id", "ix_answers_pursuit_stage"),
    ("stage_changes", "pursuit_id", "ix_stage_changes_pursuit_changed"),
    ("stakeholders", "pursuit_id", "ix_stakeholders_map"),
    ("visits", "pursuit_id", "ix_visits_pursuit_start"),
    ("stakeholder_roles", "stakeholder_id", "ix_stakeholder_roles_held"),
    ("activities", "pursuit_id", "ix_activities_pursuit_dates"),
    ("notes", "pursuit_id", "ix_notes_pursuit_noted"),
)


def dropped(table: str, column: str) -> str:
    """The name SQLAlchemy gave the single-column index (`index=True`)."""
    return f"ix_{table}_{column}"


def upgrade() -> None:
    for table, column, _composite in COVERED:
        op.drop_index(dropped(table, column), table_name=table)


def downgrade() -> None:
    for table, column, _composite in reversed(COVERED):
        op.create_index(dropped(table, column), table, [column])
