"""activities and their attendees; notes on a pursuit, an account or a person

Revision ID: 0003
Revises: 0002

`activities` holds the calls, meetings, emails, tasks and notes-to-self a rep plans or logs
(`tables.Activity`), `activity_attendees` their people (memberships, like visit attendees).

`notes` becomes a note on a pursuit, an account or a person: `pursuit_id` may be empty, and
`account_id`, `stakeholder_id` and `noted_at` (the note's date, UTC; existing notes take their
creation time) are added. SQLite cannot drop a NOT NULL in place, so the table is rebuilt under
the same name; its rows keep their ids, and the search triggers of revision 0002 on `notes`
(dropped with the old table) are made again, the same as there. The search documents of existing
notes are left as they are: the rebuild copies rows without firing any trigger.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# From revision 0002: the kind code of notes in `search_docs` ids, and the end mark.
NOTE_CODE = 6
KIND_BITS = 40
END_MARK = "char(57344, 57344)"


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


def _note_triggers() -> list[str]:
    low = NOTE_CODE << KIND_BITS
    high = low + (1 << KIND_BITS) - 1
    doc = (
        "INSERT INTO search_docs (id, kind, record_id, pursuit_id, name, context, body) "
        f"SELECT (SELECT coalesce(max(id), {low}) + 1 FROM search_docs "
        f"WHERE id BETWEEN {low} AND {high}), "
        "'note', NEW.id, NEW.pursuit_id, '', '', coalesce(NEW.body, '') "
        "WHERE NEW.alive AND NOT NEW.purged AND NEW.body <> ''"
    )
    return [
        "CREATE TRIGGER search_notes_ai AFTER INSERT ON notes BEGIN "
        f"DELETE FROM search_docs WHERE record_id = NEW.id; {doc}; END",
        "CREATE TRIGGER search_notes_au AFTER UPDATE OF body, pursuit_id, alive, purged ON notes "
        f"BEGIN DELETE FROM search_docs WHERE record_id = OLD.id; {doc}; END",
        "CREATE TRIGGER search_notes_ad AFTER DELETE ON notes BEGIN "
        "DELETE FROM search_docs WHERE record_id = OLD.id; END",
    ]


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("activity_kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("pursuit_id", sa.String(length=36), nullable=True),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("step_key", sa.String(length=64), nullable=True),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_activities_pursuit_id", "activities", ["pursuit_id"])
    op.create_index("ix_activities_account_id", "activities", ["account_id"])
    op.create_index("ix_activities_agenda", "activities", ["alive", "done", "due_on"])
    op.create_index("ix_activities_done", "activities", ["pursuit_id", "done", "done_at"])
    op.create_table(
        "activity_attendees",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("stakeholder_id", sa.String(length=36), nullable=False),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_activity_attendees_activity_id", "activity_attendees", ["activity_id"])
    op.create_index(
        "ix_activity_attendees_stakeholder_id", "activity_attendees", ["stakeholder_id"]
    )

    op.create_table(
        "notes_new",
        sa.Column("pursuit_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("stakeholder_id", sa.String(length=36), nullable=True),
        sa.Column("noted_at", sa.DateTime(), nullable=True),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    kept = "pursuit_id, body, id, created_at, updated_at, alive, deleted_at, purged, " + (
        "origin_site, vv, dots, siblings"
    )
    op.execute(f"INSERT INTO notes_new ({kept}, noted_at) SELECT {kept}, created_at FROM notes")
    op.drop_table("notes")  # its indexes and triggers go with it
    op.rename_table("notes_new", "notes")
    op.create_index("ix_notes_pursuit_id", "notes", ["pursuit_id"])
    op.create_index("ix_notes_account_id", "notes", ["account_id"])
    op.create_index("ix_notes_stakeholder_id", "notes", ["stakeholder_id"])
    op.create_index("ix_notes_noted_at", "notes", ["noted_at"])
    for trigger in _note_triggers():
        op.execute(trigger)


def downgrade() -> None:
    # Notes on an account only (no pursuit) cannot go back into the old table: they are dropped.
    op.create_table(
        "notes_old",
        sa.Column("pursuit_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_meta_columns(),
        sa.ForeignKeyConstraint(["pursuit_id"], ["pursuits.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    kept = "pursuit_id, body, id, created_at, updated_at, alive, deleted_at, purged, " + (
        "origin_site, vv, dots, siblings"
    )
    op.execute(
        f"INSERT INTO notes_old ({kept}) SELECT {kept} FROM notes WHERE pursuit_id IS NOT NULL"
    )
    op.drop_table("notes")
    op.rename_table("notes_old", "notes")
    op.create_index("ix_notes_pursuit_id", "notes", ["pursuit_id"])
    for trigger in _note_triggers():
        op.execute(trigger)
    op.drop_table("activity_attendees")
    op.drop_table("activities")
