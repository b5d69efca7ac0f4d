"""board: the instalments received per pursuit, on one partial covering index

Revision ID: 0011_board
Revises: 0010

The board weighs each open card on what is still to collect (the amount less the instalments
received), and reads those sums for every card before its first paint (`queries.
board_received_rows`, and the column sums `queries.board_stage_totals` counts in SQL). At 50,000
pursuits that read scanned 34,000 instalments with a table lookup each (43 ms, a tenth of the
board's whole read); on this index — only the live instalments received, their pursuit and amount
— it is a scan of the index alone (10 ms).

Only an index: no row changes, and the database at 0010 reads the same without it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_board"
down_revision = "0010"
branch_labels = None
depends_on = None

NAME = "ix_instalments_received"
# The query's WHERE must name these terms for SQLite to use the partial index: keep them equal
# to `storage.queries.board_received_rows`'.
WHERE = "alive AND received_on IS NOT NULL"


def upgrade() -> None:
    op.create_index(NAME, "instalments", ["pursuit_id", "amount"], sqlite_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index(NAME, table_name="instalments")
