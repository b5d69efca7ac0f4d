"""people: one person of an account, however many pursuits' maps they are on

Revision ID: 0010
Revises: 0007

Until now a person was a `stakeholders` row of one pursuit's map, and "reuse" copied the row onto
another map. This revision makes `people` (`tables.Person`) and gives each map row a `person_id`:
the copies of one person become memberships of one person.

The copies of a person are found per account: the same name (`import_values.person_key`), and
phone digits and email that do not disagree (equal, or missing on one side). The person takes the
fields of the copy edited last, with that copy's sync clock so the person travels to the other
laptops like any record. Its id is derived from the oldest copy's id, so two laptops that migrate
the same maps make the same person. The map rows are left exactly as they were (their fields stay
their copy); the next edit of the person writes the same values onto every map.
"""

import json
import uuid
from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop.storage.change_sequence import sequence_statements

from desktop.domain.import_values import email_key, person_key, phone_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PERSON_FIELDS = (
    "name",
    "title",
    "department",
    "phone",
    "email",
    "relationship",
    "personality",
    "interests",
    "notes",
)
# Fixed: the person made from a copy has the same id on every laptop.
NAMESPACE = uuid.UUID("6f1c2a4e-0c5d-4f43-9a57-3f0b7e2d1c10")


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("wechat", sa.Text(), nullable=False),
        sa.Column("relationship", sa.String(length=32), nullable=False),
        sa.Column("personality", sa.String(length=32), nullable=True),
        sa.Column("interests", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
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
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_people_account_id", "people", ["account_id"])
    op.create_index("ix_people_merged_into", "people", ["merged_into"])
    for statement in sequence_statements("people"):  # as every synced table since 0008
        op.execute(statement)
    # ADD COLUMN, not a batch copy of the table: the copy would lose the search triggers (0002).
    op.execute(
        "ALTER TABLE stakeholders ADD COLUMN person_id VARCHAR(36)"
        " REFERENCES people (id) ON DELETE SET NULL"
    )
    op.create_index("ix_stakeholders_person_id", "stakeholders", ["person_id"])
    _make_people(op.get_bind())


def _make_people(conn: sa.Connection) -> None:
    rows = conn.execute(
        sa.text(
            "SELECT s.id, COALESCE(s.account_id, p.account_id) AS account_id, s.created_at,"
            " s.updated_at, s.alive, s.deleted_at, s.purged, s.origin_site, s.vv, s.dots, "
            + ", ".join(f"s.{name}" for name in PERSON_FIELDS)
            + " FROM stakeholders s LEFT JOIN pursuits p ON p.id = s.pursuit_id"
            " ORDER BY s.created_at, s.id"
        )
    ).mappings()
    # Per (account, name key): the people found so far, each [phone key, email key, copies].
    found: dict[tuple[str | None, str], list[list[Any]]] = {}
    for row in rows:
        phone, email = phone_key(row["phone"] or ""), email_key(row["email"] or "")
        name = person_key(row["name"] or "") or f"#{row['id']}"  # a blank name is nobody else
        group = found.setdefault((row["account_id"], name), [])
        for person in group:
            if (not phone or not person[0] or person[0] == phone) and (
                not email or not person[1] or person[1] == email
            ):
                person[0], person[1] = person[0] or phone, person[1] or email
                person[2].append(row)
                break
        else:
            group.append([phone, email, [row]])
    people = sa.table(
        "people",
        *(sa.column(c) for c in ("id", "account_id", "wechat", "merged_into", *PERSON_FIELDS)),
        *(
            sa.column(c)
            for c in ("created_at", "updated_at", "alive", "deleted_at", "purged", "origin_site")
        ),
        sa.column("vv"),
        sa.column("dots"),
        sa.column("siblings"),
    )
    for (account_id, _), group in found.items():
        for _phone, _email, copies in group:
            oldest = copies[0]
            # The copy edited last, a live one if any: its values are the person's.
            latest = max(copies, key=lambda c: (bool(c["alive"]), str(c["updated_at"] or "")))
            person_id = str(uuid.uuid5(NAMESPACE, oldest["id"]))
            dots = json.loads(latest["dots"] or "{}")
            dots = {k: v for k, v in dots.items() if k == "*" or k in PERSON_FIELDS}
            alive = any(bool(c["alive"]) for c in copies)
            conn.execute(
                people.insert().values(
                    id=person_id,
                    account_id=account_id,
                    wechat="",
                    merged_into=None,
                    **{name: latest[name] for name in PERSON_FIELDS},
                    created_at=oldest["created_at"],
                    updated_at=latest["updated_at"],
                    alive=alive,
                    deleted_at=None if alive else latest["deleted_at"],
                    purged=all(bool(c["purged"]) for c in copies),
                    origin_site=oldest["origin_site"],
                    vv=latest["vv"] or "{}",
                    dots=json.dumps(dots, sort_keys=True, separators=(",", ":")),
                    siblings=None,
                )
            )
            conn.execute(
                sa.text("UPDATE stakeholders SET person_id = :person WHERE id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"person": person_id, "ids": [c["id"] for c in copies]},
            )


def downgrade() -> None:
    op.drop_index("ix_stakeholders_person_id", "stakeholders")
    op.execute("ALTER TABLE stakeholders DROP COLUMN person_id")
    op.drop_table("people")
