"""a signed deal walks through 验收 and 回款: "won" becomes "collected" at the end of stage 8

Revision ID: 0004
Revises: 0003

Until now a pursuit could be closed as won at any stage, and left the board. In the method the
customer's commitment (stage 6) is followed by acceptance (stage 7) and collection (stage 8), and
only the money collected finishes the deal (`domain.status`). Every won pursuit of the database
is mapped:

- with an instalment still to be received: open again, in stage 8 (回收账款 · 收款), so it stays
  on the board at 100 % of what is still to collect until someone marks it collected;
- otherwise (every instalment received, or none scheduled): collected, in stage 8.

A pursuit moved into stage 8 entered it on the day it was won (its `closed_on`), so "days in
stage" of a reopened one says how long the money has been awaited. Nothing is deleted: the
close reason, the close date of a collected pursuit, the instalments and the checklist stay as
they were. No column changes. Every database upgrades with the same rule, so two copies of one
pursuit map alike; the sync metadata is left as it was (the importer maps a "won" arriving from
an older copy the same way, as a local edit that spreads).

Downgrade: collected pursuits become won again (the pursuits reopened in stage 8 stay open).
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_WAITING = (
    "EXISTS (SELECT 1 FROM instalments AS i WHERE i.pursuit_id = pursuits.id AND i.alive"
    " AND i.received_on IS NULL)"
)
# The day it was won, as the DateTime text SQLAlchemy writes (stage_entered_at is UTC text).
_WON_DAY = "closed_on || ' 00:00:00.000000'"


def upgrade() -> None:
    # Reopened: the day it was won becomes the day it entered 回款 (its close date goes, as a
    # reopen clears it, but the day is kept there).
    op.execute(
        "UPDATE pursuits SET stage = 8, status = 'open', closed_on = NULL,"
        f" stage_entered_at = CASE WHEN closed_on IS NOT NULL THEN {_WON_DAY}"
        f" ELSE stage_entered_at END WHERE status = 'won' AND {_WAITING}"
    )
    op.execute(
        "UPDATE pursuits SET stage = 8, status = 'collected',"
        f" stage_entered_at = CASE WHEN stage < 8 AND closed_on IS NOT NULL THEN {_WON_DAY}"
        " ELSE stage_entered_at END WHERE status = 'won'"
    )


def downgrade() -> None:
    op.execute("UPDATE pursuits SET status = 'won' WHERE status = 'collected'")
