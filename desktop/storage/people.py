"""One person, many pursuits: keeps each person and the copies on their memberships equal.

A person (`tables.Person`) is a record of an account; each pursuit's map holds the person's
membership (`tables.Stakeholder`) with what is about that deal. The membership keeps a copy of
the person's own fields (`tables.PERSON_FIELDS`) so that the map, the search index, the lists and
the exports read one row per card, as they always did. This `before_flush` listener is the one
place that keeps the copies true, whatever service wrote:

- a new membership without a person gets a person of its account, made from its fields;
- a new membership of an existing person takes the person's fields;
- a person's field changed on a membership (the map editor edits the card) is written to the
  person and to every other live membership of that person, so every map shows the change;
- a person's field changed on the person is written to all their memberships.

It runs before the sync stamping (registered first in `storage.db`), so the copies it writes are
stamped and travel like any edit. The sync importer writes merged records as they came
(`session.info["merging"]`) and is left alone: the laptop that edited sent every copy it changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.storage.tables import PERSON_FIELDS, Person, Pursuit, Stakeholder, new_id


def _changed(obj: Any) -> dict[str, Any]:
    """The person fields this flush changes on a record, with their new values."""
    state = inspect(obj)
    return {
        name: getattr(obj, name)
        for name in PERSON_FIELDS
        if state.attrs[name].history.has_changes()
    }


def keep_people(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("merging"):
        return
    writes: dict[str, dict[str, Any]] = {}  # person id -> fields to give everyone of theirs
    new_people: dict[str, Person] = {}
    for obj in list(session.new):
        if isinstance(obj, Person):
            new_people[obj.id or ""] = obj
    for obj in list(session.new):
        if not isinstance(obj, Stakeholder):
            continue
        if obj.person_id is None:
            person = Person(
                id=new_id(),
                account_id=obj.account_id or _account_of(session, obj.pursuit_id),
                **{name: getattr(obj, name) for name in PERSON_FIELDS},
            )
            _fill_defaults(person)
            session.add(person)
            obj.person_id = person.id
            new_people[person.id] = person
            continue
        person_row = new_people.get(obj.person_id) or session.get(Person, obj.person_id)
        if person_row is None:
            continue
        explicit = _explicit(obj)
        given = {
            name: getattr(obj, name)
            for name in PERSON_FIELDS
            if getattr(obj, name) is not None and name in explicit
        }
        # A new card of a known person shows the person as they are, except what it sets.
        for name in PERSON_FIELDS:
            if name not in given:
                setattr(obj, name, getattr(person_row, name))
        news = {k: v for k, v in given.items() if getattr(person_row, k) != v}
        if news:
            writes.setdefault(obj.person_id, {}).update(news)
    for obj in list(session.dirty):
        if isinstance(obj, Stakeholder) and obj.person_id and obj.alive:
            fields = _changed(obj)
            person_moved = inspect(obj).attrs["person_id"].history.has_changes()
            if person_moved and not fields:
                person_row = session.get(Person, obj.person_id)
                if person_row is not None:
                    for name in PERSON_FIELDS:
                        if getattr(obj, name) != getattr(person_row, name):
                            setattr(obj, name, getattr(person_row, name))
                continue
            if fields:
                writes.setdefault(obj.person_id, {}).update(fields)
        elif isinstance(obj, Person):
            fields = _changed(obj)
            if fields:
                writes.setdefault(obj.id, {}).update(fields)
    if not writes:
        return
    # Everyone of each person written: their cards in the database (one query per 500 people),
    # the cards and the person this flush adds or holds.
    holders: dict[str, list[Any]] = {}
    stored = [person_id for person_id in writes if person_id not in new_people]
    for start in range(0, len(stored), 500):
        for card in session.scalars(
            select(Stakeholder).where(
                Stakeholder.person_id.in_(stored[start : start + 500]), Stakeholder.alive
            )
        ):
            holders.setdefault(str(card.person_id), []).append(card)
    for obj in session.new:
        if isinstance(obj, Stakeholder) and obj.person_id in writes:
            holders.setdefault(obj.person_id, []).append(obj)
    for person_id, fields in writes.items():
        targets = holders.get(person_id, [])
        person_row = new_people.get(person_id) or session.get(Person, person_id)
        if person_row is not None:
            targets.append(person_row)
        for target in targets:
            if isinstance(target, Stakeholder) and target.person_id != person_id:
                continue  # moved to another person in this very flush (a merge, its undo)
            for name, value in fields.items():
                if getattr(target, name) != value:
                    setattr(target, name, value)


def _explicit(obj: Stakeholder) -> set[str]:
    """The person fields a new membership was given by its maker (not column defaults)."""
    return {name for name in PERSON_FIELDS if name in inspect(obj).dict}


def _fill_defaults(person: Person) -> None:
    """Column defaults apply at INSERT; the copies need them now."""
    for name in PERSON_FIELDS:
        if getattr(person, name) is None and name != "personality":
            column = Person.__table__.columns[name]
            default = column.default.arg if column.default is not None else ""
            setattr(person, name, default)


def _account_of(session: Session, pursuit_id: str | None) -> str | None:
    if pursuit_id is None:
        return None
    return session.scalar(select(Pursuit.account_id).where(Pursuit.id == pursuit_id))
