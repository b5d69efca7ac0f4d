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
from desktop.services import accounts, people
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput
from desktop.services.workspace import Workspace
from desktop.storage.tables import Account, Person, Pursuit


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

    accounts: tuple[accounts.Merge, ...]
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
    folded: list[accounts.Merge] = []
    merged_people: list[people.PersonMerge] = []
    changes = Changes()
    with ws.write() as session:
        for kind, ids in groups:
            if kind == "account":
                for gone_id in ids[1:]:
                    merge, moved = accounts.fold_account(session, ids[0], gone_id)
                    folded.append(merge)
                    changes = changes | moved
        session.flush()
        for kind, ids in groups:
            if kind != "person":
                continue
            for gone_id in ids[1:]:
                person_merge = people.fold_person(session, ids[0], gone_id)
                merged_people.append(person_merge)
                changes = changes | person_merge.changes
    return GroupMerge(tuple(folded), tuple(merged_people), changes)


def undo_merge_groups(ws: Workspace, merge: GroupMerge) -> Changes:
    """Take back everything `merge_groups` did (one transaction)."""
    changes = Changes()
    with ws.write() as session:
        for person_merge in reversed(merge.people):
            changes = changes | people.unfold_person(session, person_merge)
        for account_merge in reversed(merge.accounts):
            changes = changes | accounts.unfold_account(session, account_merge)
    return changes | merge.changes
