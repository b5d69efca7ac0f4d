"""People of an account (one person, many pursuits): merging two records of one person.

The same person can be recorded twice: typed on two laptops before they synced, imported from a
sheet and from a phone. `merge_people` keeps one: the other becomes a tombstone that names the
survivor in `merged_into`, the survivor takes the fields only the other had, and the other's cards
(memberships on maps) become the survivor's — every map keeps its cards, roles and links, now
showing the survivor. `undo_merge` takes it back exactly.

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

from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import PERSON_FIELDS, Person, Stakeholder, utcnow

# The person's own fields a merge may fill on the survivor (what only the other one knew).
MERGED_FIELDS = (*PERSON_FIELDS, "wechat")


@dataclass(frozen=True)
class PersonMerge:
    """What `merge_people` did, so that `undo_merge` can take exactly that back."""

    keep_id: str
    gone_id: str
    cards: tuple[str, ...]  # the merged-away person's cards, now the survivor's
    filled: dict[str, Any] = field(default_factory=dict)  # survivor's fields before: value
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
    cards = list(session.scalars(select(Stakeholder).where(Stakeholder.person_id == gone_id)))
    for card in cards:
        card.person_id = keep.id  # storage.people gives the card the survivor's fields
    session.flush()
    touched = _changed(session, [keep_id, gone_id], [c.id for c in cards])
    return PersonMerge(keep_id, gone_id, tuple(c.id for c in cards), filled, touched)


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
    for card in session.scalars(select(Stakeholder).where(Stakeholder.id.in_(merge.cards))):
        card.person_id = gone.id
    session.flush()
    return _changed(session, [merge.keep_id, merge.gone_id], list(merge.cards))


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
    return moved


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
