"""board: the columns' sums and the instalments received per pursuit, on covering indexes

Revision ID: 0012
Revises: 0011

The board weighs each open card on what is still to collect (the amount less the instalments
received), and reads those sums for every card before its first paint (`queries.
board_received_rows`, and the column sums `queries.board_stage_totals` counts in SQL). At 50,000
pursuits that read scanned 34,000 instalments with a table lookup each (43 ms, a tenth of the
board's whole read); on this index — only the live instalments received, their pursuit and amount
— it is a scan of the index alone (10 ms).

At that size the board paints the top of each column first, with each column's sums over all its
cards counted in SQL (`queries.board_stage_totals`): on ix_pursuits_board_totals — the open
pursuits by stage with their currency, amount, rate override and id — the count reads no pursuit
row (50 ms of CPU instead of 80, and a tenth of the pages read).

Only indexes: no row changes, and the database at 0011 reads the same without them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

NAME = "ix_instalments_received"
# The query's WHERE must name these terms for SQLite to use the partial index: keep them equal
# to `storage.queries.board_received_rows`'.
WHERE = "alive AND received_on IS NOT NULL"
TOTALS = "ix_pursuits_board_totals"
TOTALS_COLUMNS = ["alive", "status", "stage", "currency", "amount", "win_rate_override", "id"]


def upgrade() -> None:
    op.create_index(NAME, "instalments", ["pursuit_id", "amount"], sqlite_where=sa.text(WHERE))
    op.create_index(TOTALS, "pursuits", TOTALS_COLUMNS)


def downgrade() -> None:
    op.drop_index(TOTALS, table_name="pursuits")
    op.drop_index(NAME, table_name="instalments")
