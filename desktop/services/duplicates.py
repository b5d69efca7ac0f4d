"""Duplicates: accounts and people recorded twice, found and merged undoably.

`find_duplicates` reads every live account and person once and groups them with the pure rules of
`domain.duplicates` (company key; phone digits, email, name within an account). `merge_groups`
folds each chosen group into its first record in ONE transaction — accounts first (their
pursuits, people and files move to the account kept), then people (`services.people.fold_person`)
— and returns what it did, so `undo_merge_groups` takes all of it back in one transaction: one
step of Edit ▸ Undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from desktop.domain import duplicates as rules
from desktop.services import people
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import SYNCED_TABLES, Account, Person, Pursuit, utcnow


@dataclass(frozen=True, slots=True)
class Candidate:
    """One record of a group, as the dialog lists it."""

    id: str
    name: str
    detail: str  # an account's pursuit count; a person's title, phone, email
    account: str = ""  # a person's account name


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    kind: str  # "account" or "person"
    reason: str  # "name", "phone" or "email"
    records: tuple[Candidate, ...]


@dataclass(frozen=True)
class GroupMerge:
    """What `merge_groups` did, for `undo_merge_groups`."""

    accounts: tuple[tuple[str, str, dict[str, tuple[str, ...]]], ...]  # keep, gone, moved rows
    people: tuple[people.PersonMerge, ...]
    changes: Changes = field(default_factory=Changes)


def find_duplicates(ws: Workspace) -> list[DuplicateGroup]:
    """Groups of live accounts, then of live people, that look like one record each."""
    with ws.read() as session:
        accounts = session.execute(
            select(Account.id, Account.name)
            .where(Account.alive)
            .order_by(Account.created_at, Account.id)
        ).all()
        pursuit_counts = dict(
            session.execute(
                select(Pursuit.account_id, func.count())
                .where(Pursuit.alive)
                .group_by(Pursuit.account_id)
            ).all()
        )
        rows = session.execute(
            select(
                Person.id, Person.account_id, Person.name, Person.title, Person.phone,
                Person.email,
            )
            .where(Person.alive)
            .order_by(Person.created_at, Person.id)
        ).all()  # fmt: skip
    names = {a.id: a.name or "" for a in accounts}
    found = []
    for group in rules.account_groups((a.id, a.name) for a in accounts):
        found.append(
            DuplicateGroup(
                "account",
                group.reason,
                tuple(Candidate(i, names[i], str(pursuit_counts.get(i, 0))) for i in group.ids),
            )
        )
    by_id = {r.id: r for r in rows}
    for group in rules.people_groups(
        rules.PersonRow(r.id, r.account_id, r.name, r.phone, r.email) for r in rows
    ):
        found.append(
            DuplicateGroup(
                "person",
                group.reason,
                tuple(
                    Candidate(
                        i,
                        by_id[i].name or "",
                        " · ".join(
                            t for t in (by_id[i].title, by_id[i].phone, by_id[i].email) if t
                        ),
                        names.get(by_id[i].account_id or "", ""),
                    )
                    for i in group.ids
                ),
            )
        )
    return found


def merge_groups(ws: Workspace, groups: Sequence[tuple[str, Sequence[str]]]) -> GroupMerge:
    """Fold each (kind, ids) group into its first id, all in one transaction."""
    for kind, ids in groups:
        if kind not in ("account", "person") or len(ids) < 2:
            raise InvalidInput("groups", "not_a_group", f"{kind}: {list(ids)}")
    accounts = []
    merged_people = []
    changes = Changes()
    with ws.write() as session:
        for kind, ids in groups:
            if kind != "account":
                continue
            keep = session.get(Account, ids[0])
            if keep is None or not keep.alive:
                raise NotFound(f"account {ids[0]}")
            for gone_id in ids[1:]:
                gone = session.get(Account, gone_id)
                if gone is None or not gone.alive:
                    raise NotFound(f"account {gone_id}")
                moved: dict[str, tuple[str, ...]] = {}
                for table in SYNCED_TABLES:
                    if "account_id" not in table.__table__.columns or table is Account:
                        continue
                    column = table.__table__.c.account_id
                    row_ids = tuple(
                        session.scalars(select(table.__table__.c.id).where(column == gone_id))
                    )
                    if row_ids:
                        moved[table.kind] = row_ids
                        for row in session.scalars(
                            select(table).where(table.__table__.c.id.in_(row_ids))
                        ):
                            row.account_id = keep.id  # type: ignore[attr-defined]
                gone.alive = False
                gone.deleted_at = utcnow()
                accounts.append((keep.id, gone_id, moved))
                changes = changes | Changes.of(ChangeKind.ACCOUNT, keep.id, gone_id)
                changes = changes | Changes.of(ChangeKind.PURSUIT, *moved.get("pursuit", ()))
                changes = changes | Changes.of(ChangeKind.PERSON, *moved.get("person", ()))
        session.flush()
        for kind, ids in groups:
            if kind != "person":
                continue
            for gone_id in ids[1:]:
                merge = people.fold_person(session, ids[0], gone_id)
                merged_people.append(merge)
                changes = changes | merge.changes
    return GroupMerge(tuple(accounts), tuple(merged_people), changes)


def undo_merge_groups(ws: Workspace, merge: GroupMerge) -> Changes:
    """Take back everything `merge_groups` did (one transaction)."""
    changes = Changes()
    with ws.write() as session:
        for person_merge in reversed(merge.people):
            changes = changes | people.unfold_person(session, person_merge)
        for _keep_id, gone_id, moved in reversed(merge.accounts):
            gone = session.get(Account, gone_id)
            if gone is None:
                raise NotFound(f"account {gone_id}")
            gone.alive = True
            gone.deleted_at = None
            for table in SYNCED_TABLES:
                row_ids = moved.get(table.kind)
                if row_ids:  # row by row through the ORM: each change is stamped for sync
                    for row in session.scalars(
                        select(table).where(table.__table__.c.id.in_(row_ids))
                    ):
                        row.account_id = gone_id  # type: ignore[attr-defined]
            changes = changes | Changes.of(ChangeKind.ACCOUNT, gone_id)
    return changes | merge.changes
