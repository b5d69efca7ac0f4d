"""Duplicates: accounts, competitors and people recorded twice, found and merged undoably.

`find_duplicates` reads every live account, competitor and person once and groups them with the
pure rules of `domain.duplicates` (company core; phone digits, email, name within an account),
an account group's most established record first (the one `merge_groups` keeps by default).
`merge_groups` folds each chosen group into its first record in ONE transaction — accounts first
(their pursuits, people and files move to the account kept), then competitors (each pursuit's
column, scores and loss move to the competitor kept: `services.indicators.merge`), then people
(`services.people.fold_person`) — and returns what it did, so `undo_merge_groups` takes all of
it back in one transaction: one step of Edit ▸ Undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from desktop.domain import duplicates as rules
from desktop.services import accounts, people
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput
from desktop.services.indicators import merge as competitor_merge
from desktop.services.workspace import Workspace
from desktop.storage import queries as storage_queries
from desktop.storage.tables import Account, Competitor, Person, Pursuit, PursuitCompetitor

KINDS = ("account", "competitor", "person")  # the order groups are listed and folded in


@dataclass(frozen=True, slots=True)
class Candidate:
    """One record of a group, as the dialog lists it."""

    id: str
    name: str
    detail: str  # an account's or a competitor's pursuit count; a person's title, phone, email
    account: str = ""  # a person's account name


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    kind: str  # "account", "competitor" or "person"
    reason: str  # "name", "phone" or "email"
    records: tuple[Candidate, ...]


@dataclass(frozen=True)
class GroupMerge:
    """What `merge_groups` did, for `undo_merge_groups`."""

    accounts: tuple[accounts.Merge, ...]
    people: tuple[people.PersonMerge, ...]
    competitors: tuple[competitor_merge.CompetitorMerge, ...] = ()
    changes: Changes = field(default_factory=Changes)


def find_duplicates(ws: Workspace) -> list[DuplicateGroup]:
    """Groups of live accounts, then competitors, then people, that look like one each."""
    with ws.read() as session:
        accounts = session.execute(
            select(Account.id, Account.name, Account.created_at)
            .where(Account.alive)
            .order_by(Account.created_at, Account.id)
        ).all()
        account_groups = rules.account_groups((a.id, a.name) for a in accounts)
        grouped = [i for group in account_groups for i in group.ids]
        people_counts = (
            {str(i): int(n) for i, n in storage_queries.people_per_account(session, grouped)}
            if grouped
            else {}
        )
        pursuit_counts = dict(
            session.execute(
                select(Pursuit.account_id, func.count())
                .where(Pursuit.alive)
                .group_by(Pursuit.account_id)
            ).all()
        )
        rivals = session.execute(
            select(Competitor.id, Competitor.name)
            .where(Competitor.alive)
            .order_by(Competitor.created_at, Competitor.id)
        ).all()
        rival_counts = _rival_pursuit_counts(session)
        rows = session.execute(
            select(
                Person.id, Person.account_id, Person.name, Person.title, Person.phone,
                Person.email,
            )
            .where(Person.alive)
            .order_by(Person.created_at, Person.id)
        ).all()  # fmt: skip
    names = {a.id: a.name or "" for a in accounts}
    created = {a.id: str(a.created_at or "") for a in accounts}
    found = []
    for group in account_groups:
        # The record to keep first: the one the team's work is on, not a short name added later.
        kept_first = rules.established_first(
            rules.Standing(
                i, pursuit_counts.get(i, 0), people_counts.get(i, 0), created[i], names[i]
            )
            for i in group.ids
        )
        found.append(
            DuplicateGroup(
                "account",
                group.reason,
                tuple(Candidate(i, names[i], str(pursuit_counts.get(i, 0))) for i in kept_first),
            )
        )
    rival_names = {c.id: c.name or "" for c in rivals}
    for group in rules.competitor_groups((c.id, c.name) for c in rivals):
        found.append(
            DuplicateGroup(
                "competitor",
                group.reason,
                tuple(Candidate(i, rival_names[i], str(rival_counts.get(i, 0))) for i in group.ids),
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
        if kind not in KINDS or len(ids) < 2:
            raise InvalidInput("groups", "not_a_group", f"{kind}: {list(ids)}")
    folded: list[accounts.Merge] = []
    merged_people: list[people.PersonMerge] = []
    rivals: list[competitor_merge.CompetitorMerge] = []
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
            if kind == "competitor":
                for gone_id in ids[1:]:
                    rival = competitor_merge.fold_competitor(session, ids[0], gone_id)
                    rivals.append(rival)
                    changes = changes | rival.changes
        for kind, ids in groups:
            if kind != "person":
                continue
            for gone_id in ids[1:]:
                person_merge = people.fold_person(session, ids[0], gone_id)
                merged_people.append(person_merge)
                changes = changes | person_merge.changes
    return GroupMerge(tuple(folded), tuple(merged_people), tuple(rivals), changes)


def undo_merge_groups(ws: Workspace, merge: GroupMerge) -> Changes:
    """Take back everything `merge_groups` did (one transaction)."""
    changes = Changes()
    with ws.write() as session:
        for person_merge in reversed(merge.people):
            changes = changes | people.unfold_person(session, person_merge)
        for rival in reversed(merge.competitors):
            changes = changes | competitor_merge.unfold_competitor(session, rival)
        for account_merge in reversed(merge.accounts):
            changes = changes | accounts.unfold_account(session, account_merge)
    return changes | merge.changes


def _rival_pursuit_counts(session: Session) -> dict[str, int]:
    """Competitor id → the live pursuits it is a column of or was lost to (each pursuit once)."""
    uses = union(
        select(PursuitCompetitor.pursuit_id.label("pursuit_id"), PursuitCompetitor.competitor_id)
        .join(Pursuit, Pursuit.id == PursuitCompetitor.pursuit_id)
        .where(PursuitCompetitor.alive, Pursuit.alive),
        select(Pursuit.id, Pursuit.lost_to_id).where(
            Pursuit.alive, Pursuit.lost_to_id.is_not(None)
        ),
    ).subquery()
    return {
        str(competitor_id): int(count)
        for competitor_id, count in session.execute(
            select(uses.c.competitor_id, func.count()).group_by(uses.c.competitor_id)
        )
    }
