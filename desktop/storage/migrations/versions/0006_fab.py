"""our offer per pursuit (特点、优势、益处, 价值交集, 打消顾虑的计划); new needs of the plateau

Revision ID: 0006
Revises: 0003

`offers` holds one record per pursuit (deterministic id) with our own solution's features,
advantages and benefits, the value intersection and the plan to dispel concerns
(`tables.Offer`); until now they lived only inside each competitor's profile of a pursuit.
`new_needs` holds the new needs found in the plateau (平淡期) after acceptance, each of which can
become a new pursuit on the same account (`tables.NewNeed`). Both are synced tables with the
metadata every synced record carries; nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _meta_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("alive", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("purged", sa.Boolean(), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=True),
        sa.Column("vv", sa.JSON(), nullable=False),
        sa.Column("dots", sa.JSON(), nullable=False),
        sa.Column("siblings", sa.JSON(none_as_null=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("pursuit_id", sa.String(length=36), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.Column("advantages", sa.Text(), nullable=False),
        sa.Column("benefits", sa.Text(), nullable=False),
        sa.Column("value_intersection", sa.Text(), nullable=False),
        sa.Column("concern_plan", sa.Text(), nullable=False),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_offers_pursuit_id", "offers", ["pursuit_id"])
    op.create_table(
        "new_needs",
        sa.Column("pursuit_id", sa.String(length=36), nullable=False),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("converted_pursuit_id", sa.String(length=36), nullable=True),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_new_needs_pursuit_id", "new_needs", ["pursuit_id"])
    op.create_index("ix_new_needs_converted_pursuit_id", "new_needs", ["converted_pursuit_id"])


def downgrade() -> None:
    op.drop_table("new_needs")
    op.drop_table("offers")
