"""visits: the Today screen's visit counts per day on a covering index

Revision ID: 0013
Revises: 0012

Before any item is read, the Today screen counts the visits still without an outcome per local
day (`queries.agenda_day_counts`). That count walked ix_visits_starts_at and read each visit's
row for its `alive`, `outcome` and pursuit: at 50,000 pursuits (20,000 visits in the agenda's
range) 65 ms of CPU. On this index — the start, then every other column the count reads — it is
a walk of the index alone (36 ms). It starts with `starts_at`, so the single-column
ix_visits_starts_at it replaces is dropped (as revision 0011 did for the covered links).

Only indexes: no row changes, and the database at 0012 reads the same without them.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

NAME = "ix_visits_agenda"
COLUMNS = ["starts_at", "alive", "outcome", "pursuit_id"]


REPLACED = "ix_visits_starts_at"


def upgrade() -> None:
    op.create_index(NAME, "visits", COLUMNS)
    op.drop_index(REPLACED, table_name="visits")


def downgrade() -> None:
    op.create_index(REPLACED, "visits", ["starts_at"])
    op.drop_index(NAME, table_name="visits")
