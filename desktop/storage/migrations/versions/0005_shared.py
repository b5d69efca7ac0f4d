"""private pursuits: the pursuits this computer keeps out of every sync file

Revision ID: 0005
Revises: 0007

`private_pursuits` holds one row per pursuit that is not shared with the team
(`tables.PrivatePursuit`). It is local bookkeeping, not a synced table: whether a pursuit leaves
this computer is this computer's decision, and a private pursuit's flag never travels anyway.
Existing pursuits have no row, so they stay shared, as they were.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "private_pursuits",
        sa.Column("pursuit_id", sa.String(length=36), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pursuit_id"),
    )


def downgrade() -> None:
    op.drop_table("private_pursuits")
