"""People of an account (one person, many pursuits): merging two records of one person.

The same person can be recorded twice: typed on two laptops before they synced, imported from a
sheet and from a phone. `merge_people` keeps one: the other becomes a tombstone that names the
survivor in `merged_into`, the survivor takes the fields only the other had, and the other's cards
(memberships on maps) become the survivor's — every map keeps its cards, roles and links, now
showing the survivor. Two people who were both on one map leave one card there, not two: the
cards are folded (`fold_cards`) into the oldest one, which takes the survivor's position and
the roles, help wanted, links, reports, pain points and meetings attended of the others, which
become tombstones. `undo_merge` takes it all back exactly.

A merge is ordinary record changes, so it travels by sync like any edit. What may meet it on
another laptop is settled by `settle_merges`, which the sync import runs after merging a file
(and every merge runs too): a card of a merged-away person — added on a laptop that had not heard
of the merge yet — is moved to the survivor, following a chain of merges, and a merged-away
person edited there meanwhile gives the survivor what only it knew; two laptops that merged
the same two people each keeping the other leave both as tombstones, and then the person with the
smaller id is the survivor on every laptop. Settling twice changes nothing, so every order of
imports ends in the same people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services import journal
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    PERSON_FIELDS,
    Activity,
    ActivityAttendee,
    PainPoint,
    Person,
    Stakeholder,
    StakeholderHelp,
    StakeholderLink,
    StakeholderRole,
    Visit,
    VisitAttendee,
    membership_id,
    utcnow,
)

# The person's own fields a merge may fill on the survivor (what only the other one knew).
MERGED_FIELDS = (*PERSON_FIELDS, "wechat")


@dataclass(frozen=True)
class PersonMerge:
    """What `merge_people` did, so that `undo_merge` can take exactly that back."""

    keep_id: str
    gone_id: str
    cards: tuple[str, ...]  # the merged-away person's cards, now the survivor's
    filled: dict[str, Any] = field(default_factory=dict)  # survivor's fields before: value
    folded: tuple[journal.Entry, ...] = ()  # see `services.journal`
    changes: Changes = field(default_factory=Changes)


def merge_people(ws: Workspace, keep_id: str, gone_id: str) -> PersonMerge:
    """Keep `keep_id`, fold `gone_id` into it (one transaction)."""
    with ws.write() as session:
        return fold_person(session, keep_id, gone_id)


def fold_person(session: Session, keep_id: str, gone_id: str) -> PersonMerge:
    """`merge_people` inside the caller's transaction (the Duplicates dialog folds a group)."""
    if keep_id == gone_id:
        raise InvalidInput("gone_id", "same_person", "a person cannot be merged into themselves")
    keep, gone = _live(session, keep_id), _live(session, gone_id)
    if keep.account_id != gone.account_id and gone.account_id and keep.account_id:
        raise InvalidInput("gone_id", "other_account", "people of two accounts")
    filled: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        mine, theirs = getattr(keep, name), getattr(gone, name)
        if _blank(mine, name) and not _blank(theirs, name):
            filled[name] = mine
            setattr(keep, name, theirs)
    gone.alive = False
    gone.deleted_at = utcnow()
    gone.merged_into = keep.id
    own = {
        card.pursuit_id: (card.x, card.y)
        for card in session.scalars(
            select(Stakeholder)
            .where(Stakeholder.person_id == keep_id, Stakeholder.alive)
            .order_by(Stakeholder.created_at.desc(), Stakeholder.id.desc())
        )
    }  # the survivor's oldest card on each map (older ones come last and win)
    cards = list(session.scalars(select(Stakeholder).where(Stakeholder.person_id == gone_id)))
    for card in cards:
        card.person_id = keep.id  # storage.people gives the card the survivor's fields
    session.flush()
    journal = Journal()
    folded = fold_cards(session, [keep_id], journal, positions=own)
    touched = _changed(session, [keep_id, gone_id], [c.id for c in cards] + folded)
    touched = touched | journal.changes()
    return PersonMerge(
        keep_id, gone_id, tuple(c.id for c in cards), filled, journal.entries(), touched
    )


def undo_merge(ws: Workspace, merge: PersonMerge) -> Changes:
    """Bring the merged-away person back with their cards; the survivor's filled fields empty."""
    with ws.write() as session:
        return unfold_person(session, merge)


def unfold_person(session: Session, merge: PersonMerge) -> Changes:
    """`undo_merge` inside the caller's transaction."""
    gone = session.get(Person, merge.gone_id)
    keep = session.get(Person, merge.keep_id)
    if gone is None or keep is None:
        raise NotFound(f"person {merge.gone_id}")
    gone.alive = True
    gone.deleted_at = None
    gone.merged_into = None
    for name, value in merge.filled.items():
        setattr(keep, name, value)
    Journal.undo(session, merge.folded)
    for card in session.scalars(select(Stakeholder).where(Stakeholder.id.in_(merge.cards))):
        card.person_id = gone.id
    session.flush()
    folded = [rid for table, rid, _ in merge.folded if table == Stakeholder.__tablename__]
    changes = _changed(session, [merge.keep_id, merge.gone_id], [*merge.cards, *folded])
    return changes | merge.changes


def settle_merges(session: Session) -> set[str]:
    """Move cards of merged-away people to their survivors; the ids of the cards moved.

    Idempotent, and the same on every laptop that holds the same records (see the module doc).
    """
    gone: dict[str, str] = {
        person_id: str(into)
        for person_id, into in session.execute(
            select(Person.id, Person.merged_into).where(Person.merged_into.is_not(None))
        )
    }
    if not gone:
        return set()
    survivors: dict[str, str] = {}
    for person_id in gone:
        chain = [person_id]
        current = gone[person_id]
        while current in gone and current not in chain:
            chain.append(current)
            current = gone[current]
        if current in chain:  # merged both ways round: the smallest id of the loop survives
            loop = chain[chain.index(current) :]
            current = min(loop)
            winner = session.get(Person, current)
            if winner is not None and (not winner.alive or winner.merged_into is not None):
                winner.alive, winner.deleted_at, winner.merged_into = True, None, None
        survivors[person_id] = current
    for person_id, survivor_id in survivors.items():
        # Edited on a laptop that had not heard of the merge, a merged-away person is alive
        # again (an edit beats a delete): what it alone knows goes to the survivor, then it goes.
        ghost = session.get(Person, person_id)
        survivor = session.get(Person, survivor_id)
        if ghost is None or survivor is None or not ghost.alive or person_id == survivor_id:
            continue
        for name in MERGED_FIELDS:
            if _blank(getattr(survivor, name), name) and not _blank(getattr(ghost, name), name):
                setattr(survivor, name, getattr(ghost, name))
        ghost.alive, ghost.deleted_at = False, utcnow()
    moved: set[str] = set()
    for card in session.scalars(
        select(Stakeholder).where(Stakeholder.person_id.in_(list(survivors)))
    ):
        survivor_id = survivors[str(card.person_id)]
        if card.person_id != survivor_id:
            card.person_id = survivor_id
            moved.add(card.id)
    session.flush()
    # Both on one map: one card, the oldest, chosen alike on every laptop (so a merge made
    # here and one that arrived fold the same way).
    moved.update(fold_cards(session, sorted(set(survivors.values())), Journal()))
    return moved


class Journal(journal.Journal):
    """A people fold's journal (`services.journal`), which also gathers the visits and
    activities whose attendees it changed (what the screens watch)."""

    TABLES: dict[str, Any] = {
        t.__tablename__: t
        for t in (
            Stakeholder,
            StakeholderRole,
            StakeholderHelp,
            StakeholderLink,
            PainPoint,
            VisitAttendee,
            ActivityAttendee,
        )
    }
    # An attendee changed is a change of their visit or activity (what the screens watch).
    OWNERS: dict[str, tuple[str, ChangeKind]] = {
        VisitAttendee.__tablename__: ("visit_id", ChangeKind(Visit.kind)),
        ActivityAttendee.__tablename__: ("activity_id", ChangeKind(Activity.kind)),
    }

    def __init__(self) -> None:
        super().__init__()
        self._owners: Changes = Changes()

    def set(self, row: Any, **values: Any) -> None:
        self._owner(row)
        super().set(row, **values)

    def made(self, row: Any) -> None:
        self._owner(row)
        super().made(row)

    def _owner(self, row: Any) -> None:
        owner = self.OWNERS.get(row.__tablename__)
        if owner is not None:
            self._owners = self._owners | Changes.of(owner[1], getattr(row, owner[0]))

    def changes(self) -> Changes:
        """The roles, help wanted and links the fold wrote (the cards are the caller's)."""
        kinds = {t.__tablename__: ChangeKind(t.kind) for t in self.TABLES.values()}
        changes = self._owners
        for table, rid in self._before:
            if table != Stakeholder.__tablename__:
                changes = changes | Changes.of(kinds[table], rid)
        return changes

    @classmethod
    def undo(cls, session: Session, entries: tuple[journal.Entry, ...]) -> None:
        journal.undo(session, cls.TABLES, entries)


def fold_cards(
    session: Session,
    person_ids: list[str],
    journal: Journal,
    positions: dict[str, tuple[float, float]] | None = None,
) -> list[str]:
    """Make each of `person_ids` one live card per map; the ids of the cards written.

    The oldest card (created, then id) is kept — the same choice on every laptop — and placed at
    `positions[pursuit]` when given (the survivor's card's place); the others' roles, help
    wanted, links, reports, manager, pain points, visits and activities attended and deal notes
    go to it and they are buried.
    """
    if not person_ids:
        return []
    groups: dict[tuple[str, str], list[Stakeholder]] = {}
    for card in session.scalars(
        select(Stakeholder)
        .where(Stakeholder.person_id.in_(person_ids), Stakeholder.alive)
        .order_by(Stakeholder.created_at, Stakeholder.id)
    ):
        groups.setdefault((str(card.person_id), card.pursuit_id), []).append(card)
    written: list[str] = []
    for (_person, pursuit_id), cards in sorted(groups.items()):
        if len(cards) < 2:
            continue
        keeper, others = cards[0], cards[1:]
        if positions and pursuit_id in positions and (keeper.x, keeper.y) != positions[pursuit_id]:
            x, y = positions[pursuit_id]
            journal.set(keeper, x=x, y=y)
        written.extend(_fold(session, keeper, others, journal))
    return written


def _fold(
    session: Session, keeper: Stakeholder, others: list[Stakeholder], journal: Journal
) -> list[str]:
    gone = {card.id for card in others}
    written = [keeper.id, *gone]
    now = utcnow()
    # Memberships with ids every laptop gives alike: (table, column, id kind, card last in id).
    sets: tuple[tuple[Any, str, str, bool], ...] = (
        (StakeholderRole, "role", "role", False),
        (StakeholderHelp, "help", "help", False),
        (VisitAttendee, "visit_id", "attendee", True),  # tables.write_attendees' ids
        (ActivityAttendee, "activity_id", "activity_attendee", True),
    )
    for table, column, id_kind, card_last in sets:
        rows = session.scalars(select(table).where(table.stakeholder_id.in_(gone), table.alive))
        for row in sorted(rows, key=lambda r: r.id):
            key = getattr(row, column)
            parts = (key, keeper.id) if card_last else (keeper.id, key)
            mine = session.get(table, membership_id(id_kind, *parts))
            if mine is None:
                mine = table(
                    id=membership_id(id_kind, *parts), stakeholder_id=keeper.id, **{column: key}
                )
                session.add(mine)
                journal.made(mine)
            elif not mine.alive:
                journal.set(mine, alive=True, deleted_at=None)
            journal.set(row, alive=False, deleted_at=now)
    links = list(
        session.scalars(
            select(StakeholderLink)
            .where(StakeholderLink.pursuit_id == keeper.pursuit_id, StakeholderLink.alive)
            .order_by(StakeholderLink.created_at, StakeholderLink.id)
        )
    )
    held: set[tuple[str, str, str]] = set()
    for link in links:  # untouched links first: a moved one that repeats them goes
        if link.from_id not in gone and link.to_id not in gone:
            held.add((link.from_id, link.to_id, link.link_kind))
    for link in links:
        if link.from_id not in gone and link.to_id not in gone:
            continue
        source = keeper.id if link.from_id in gone else link.from_id
        target = keeper.id if link.to_id in gone else link.to_id
        same = {(source, target, link.link_kind)}
        if link.link_kind == "ally_of":  # an alliance has no direction
            same.add((target, source, link.link_kind))
        if source == target or same & held:
            journal.set(link, alive=False, deleted_at=now)
        else:
            journal.set(link, from_id=source, to_id=target)
            held.add((source, target, link.link_kind))
    map_cards = {
        card.id: card
        for card in session.scalars(
            select(Stakeholder).where(
                Stakeholder.pursuit_id == keeper.pursuit_id, Stakeholder.alive
            )
        )
    }
    for card in map_cards.values():
        if card.reports_to_id in gone and card.id not in gone:
            journal.set(card, reports_to_id=None if card.id == keeper.id else keeper.id)
            written.append(card.id)
    if keeper.reports_to_id is None:
        for other in others:
            manager = other.reports_to_id
            if manager and manager not in gone and not _reports_to(map_cards, manager, keeper.id):
                journal.set(keeper, reports_to_id=manager)
                break
    for name in ("plan", "next_step"):
        if not getattr(keeper, name):
            for other in others:
                if getattr(other, name):
                    journal.set(keeper, **{name: getattr(other, name)})
                    break
    for pain in session.scalars(select(PainPoint).where(PainPoint.stakeholder_id.in_(gone))):
        journal.set(pain, stakeholder_id=keeper.id)
    for other in others:
        journal.set(other, alive=False, deleted_at=now)
    session.flush()
    return written


def _reports_to(cards: dict[str, Stakeholder], start: str, target: str) -> bool:
    """Whether `start` is `target` or reports (through managers) to it: a loop if taken."""
    seen: set[str] = set()
    current: str | None = start
    while current and current not in seen:
        if current == target:
            return True
        seen.add(current)
        card = cards.get(current)
        current = card.reports_to_id if card is not None else None
    return False


def _changed(session: Session, people: list[str], cards: list[str]) -> Changes:
    pursuits = set(session.scalars(select(Stakeholder.pursuit_id).where(Stakeholder.id.in_(cards))))
    changes = Changes.of(ChangeKind.PERSON, *people) | Changes.of(ChangeKind.STAKEHOLDER, *cards)
    for pursuit_id in pursuits:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    return changes


def _blank(value: Any, name: str) -> bool:
    return value is None or value == "" or (name == "relationship" and value == "acquainted")


def _live(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or not person.alive:
        raise NotFound(f"person {person_id}")
    return person
