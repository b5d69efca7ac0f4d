"""Everything the stakeholder map (关键人地图) reads and changes, one transaction per user action.

The map shows the people of one pursuit with their buying roles, help wanted, reports-to line
(the org chart) and the influence links between them. It loads in four queries, moves any number
of cards in one transaction, and refuses what would make the chart wrong: a reports-to loop, a
link to oneself, a person of another pursuit.

Deleting people is undoable as a whole: `delete_people` soft-deletes them together with their
links and detaches their direct reports, and returns exactly what it did so `restore_people` can
put it all back.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.sync.review import awaiting_review, fields_in_review
from desktop.services.workspace import Workspace
from desktop.storage.tables import PERSON_FIELDS as PERSON_OWN_FIELDS  # what a person keeps
from desktop.storage.tables import (
    Account,
    Person,
    Pursuit,
    Stakeholder,
    StakeholderHelp,
    StakeholderLink,
    StakeholderRole,
    membership_id,
    new_id,
    utcnow,
)

# The fields of a person the map edits (reports-to and position have their own use-cases).
PERSON_FIELDS = (
    "name",
    "title",
    "department",
    "phone",
    "email",
    "relationship",
    "personality",
    "interests",
    "plan",
    "next_step",
    "notes",
)
# Link kinds drawn as links; "reports_to" is the person's `reports_to_id` field, not a link row.
LINK_KINDS = ("influences", "ally_of", "opposes")
REPORTS_TO = "reports_to"
# Positions beyond this are a bug or a hostile file, never a real map.
POSITION_LIMIT = 1_000_000.0


@dataclass(frozen=True, slots=True)
class MapPerson:
    """One card on the map."""

    id: str
    name: str
    title: str = ""
    department: str = ""
    phone: str = ""
    email: str = ""
    relationship: str = "acquainted"
    personality: str | None = None
    interests: str = ""
    plan: str = ""
    next_step: str = ""
    notes: str = ""
    reports_to_id: str | None = None
    x: float = 0.0
    y: float = 0.0
    roles: frozenset[str] = frozenset()
    help: frozenset[str] = frozenset()
    conflicts: frozenset[str] = frozenset()  # fields with concurrent values awaiting review

    def values(self) -> dict[str, Any]:
        """The editable fields (PERSON_FIELDS) as a dict."""
        return {name: getattr(self, name) for name in PERSON_FIELDS}


@dataclass(frozen=True, slots=True)
class MapLink:
    """An influence / ally / opposition link between two people of the map."""

    id: str
    from_id: str
    to_id: str
    kind: str
    note: str = ""


@dataclass(frozen=True)
class StakeholderMap:
    pursuit_id: str
    pursuit_title: str
    account_id: str
    account_name: str
    people: tuple[MapPerson, ...] = ()
    links: tuple[MapLink, ...] = ()

    def person(self, person_id: str) -> MapPerson | None:
        return next((p for p in self.people if p.id == person_id), None)


@dataclass(frozen=True)
class Removal:
    """What `delete_people` did, so that `restore_people` can undo exactly that."""

    people: tuple[str, ...]
    links: tuple[str, ...]
    detached: dict[str, str] = field(default_factory=dict)  # report id -> the manager they had
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class ReuseCandidate:
    """A person on another pursuit of the same account, or a person of the account on no map
    yet, offered for putting onto this map."""

    id: str  # the card copied, or the person (`tables.Person`) when they are on no other map
    name: str
    title: str
    department: str
    relationship: str
    personality: str | None
    pursuit_title: str  # "" for a person on no other map
    on_map: bool  # someone of that name is already on this map


# --- reading ------------------------------------------------------------------------------------

_PERSON_COLUMNS = (
    Stakeholder.id,
    *(getattr(Stakeholder, name) for name in PERSON_FIELDS),
    Stakeholder.reports_to_id,
    Stakeholder.x,
    Stakeholder.y,
)


def load_map(ws: Workspace, pursuit_id: str) -> StakeholderMap:
    """The live people and links of a pursuit (four queries, whatever the size; a fifth for the
    fields awaiting review after a sync, when there are any)."""
    with ws.read() as session:
        head = session.execute(
            select(
                Pursuit.title,
                Pursuit.account_id,
                Pursuit.alive,
                Account.name,
                awaiting_review(Pursuit.id).label("in_review"),
            )
            .join(Account, Account.id == Pursuit.account_id)
            .where(Pursuit.id == pursuit_id)
        ).first()
        if head is None or not head.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        rows = session.execute(
            select(*_PERSON_COLUMNS)
            .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive)
            .order_by(Stakeholder.created_at, Stakeholder.id)
        ).all()
        roles: dict[str, set[str]] = {}
        wishes: dict[str, set[str]] = {}
        for what, sid, key in session.execute(_memberships_query(pursuit_id)):
            (roles if what == "role" else wishes).setdefault(sid, set()).add(key)
        link_rows = session.execute(
            select(
                StakeholderLink.id,
                StakeholderLink.from_id,
                StakeholderLink.to_id,
                StakeholderLink.link_kind,
                StakeholderLink.note,
            )
            .where(StakeholderLink.pursuit_id == pursuit_id, StakeholderLink.alive)
            .order_by(StakeholderLink.created_at, StakeholderLink.id)
        ).all()
        # Fields awaiting review after a sync: a fifth query, only when the pursuit has any.
        in_review = fields_in_review(session, pursuit_id, "stakeholder") if head.in_review else {}

    alive = {row.id for row in rows}
    people = tuple(
        MapPerson(
            id=row.id,
            name=row.name or "",
            title=row.title or "",
            department=row.department or "",
            phone=row.phone or "",
            email=row.email or "",
            relationship=row.relationship or "acquainted",
            personality=row.personality or None,
            interests=row.interests or "",
            plan=row.plan or "",
            next_step=row.next_step or "",
            notes=row.notes or "",
            reports_to_id=row.reports_to_id if row.reports_to_id in alive else None,
            x=float(row.x or 0.0),
            y=float(row.y or 0.0),
            roles=frozenset(roles.get(row.id, ())),
            help=frozenset(wishes.get(row.id, ())),
            conflicts=frozenset(in_review.get(row.id, ())),
        )
        for row in rows
    )
    links = tuple(
        MapLink(row.id, row.from_id, row.to_id, row.link_kind, row.note or "")
        for row in link_rows
        if row.from_id in alive and row.to_id in alive and row.link_kind != REPORTS_TO
    )
    return StakeholderMap(
        pursuit_id=pursuit_id,
        pursuit_title=head.title or "",
        account_id=head.account_id,
        account_name=head.name or "",
        people=people,
        links=links,
    )


def _memberships_query(pursuit_id: str) -> Any:
    """Roles and help wanted of the pursuit's live people, as (what, person id, key) rows."""
    parts = []
    for what, table, column in (
        ("role", StakeholderRole, StakeholderRole.role),
        ("help", StakeholderHelp, StakeholderHelp.help),
    ):
        parts.append(
            select(literal(what).label("what"), table.stakeholder_id, column.label("key"))
            .join(Stakeholder, Stakeholder.id == table.stakeholder_id)
            .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive, table.alive)
        )
    return union_all(*parts)


# --- people -------------------------------------------------------------------------------------


def create_person(
    ws: Workspace,
    pursuit_id: str,
    values: Mapping[str, Any],
    roles: Iterable[str] = (),
    help_wanted: Iterable[str] = (),
) -> tuple[str, Changes]:
    """Add a person to the map (with position and reports-to in `values` when given)."""
    values = _check_person_values({"name": "", **values}, creating=True)
    roles, help_wanted = _check_sets(roles, help_wanted)
    with ws.write() as session:
        return add_person(session, pursuit_id, values, roles, help_wanted)


def add_person(
    session: Session,
    pursuit_id: str,
    values: Mapping[str, Any],
    roles: Iterable[str] = (),
    help_wanted: Iterable[str] = (),
) -> tuple[str, Changes]:
    """`create_person` inside the caller's transaction (an import adds many people in one), with
    `values` and the sets already checked (`check_person`)."""
    pursuit = _live_pursuit(session, pursuit_id)
    manager = values.get("reports_to_id")
    if manager is not None:
        _same_map_person(session, manager, pursuit_id, "reports_to_id")
    person = new_person(pursuit_id, pursuit.account_id, values)
    session.add(person)
    session.flush()
    _write_set(session, StakeholderRole, "role", person.id, roles)
    _write_set(session, StakeholderHelp, "help", person.id, help_wanted)
    return person.id, _changed(pursuit_id, people=[person.id])


def new_person(pursuit_id: str, account_id: str, values: Mapping[str, Any]) -> Stakeholder:
    """A person of the map, not yet in a session (an import adds thousands, then flushes once);
    `values` from `check_person`."""
    return Stakeholder(id=new_id(), pursuit_id=pursuit_id, account_id=account_id, **values)


def check_person(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values of a new person as the map stores them, or InvalidInput (see `add_person`)."""
    return _check_person_values({"name": "", **values}, creating=True)


def update_person(
    ws: Workspace,
    person_id: str,
    values: Mapping[str, Any] | None = None,
    roles: Iterable[str] | None = None,
    help_wanted: Iterable[str] | None = None,
) -> Changes:
    """Edit a person's fields, reports-to, buying roles and help wanted in one transaction.

    `None` for roles or help leaves them as they are. A reports-to that would close a loop (A
    reports to B who reports to A) is refused with InvalidInput("reports_to_id", "loop").
    """
    values = _check_person_values(dict(values or {}), creating=False)
    role_set, help_set = _check_sets(roles or (), help_wanted or ())
    with ws.write() as session:
        person = _live_person(session, person_id)
        if "reports_to_id" in values and values["reports_to_id"] is not None:
            manager = values["reports_to_id"]
            _same_map_person(session, manager, person.pursuit_id, "reports_to_id")
            _refuse_loop(session, person, manager)
        changed = False
        for name, value in values.items():
            if getattr(person, name) != value:
                setattr(person, name, value)
                changed = True
        if roles is not None:
            changed |= _write_set(session, StakeholderRole, "role", person_id, role_set)
        if help_wanted is not None:
            changed |= _write_set(session, StakeholderHelp, "help", person_id, help_set)
        if not changed:
            return Changes()
        return _changed(person.pursuit_id, people=[person_id])


def set_reports_to(ws: Workspace, person_id: str, manager_id: str | None) -> Changes:
    """Draw (or with None remove) the reports-to line from a person to their manager."""
    return update_person(ws, person_id, {"reports_to_id": manager_id})


def move_people(ws: Workspace, positions: Mapping[str, tuple[float, float]]) -> Changes:
    """Set the map position of any number of people in one transaction.

    People deleted in the meantime are skipped (undoing an old move must not fail on them).
    """
    clean: dict[str, tuple[float, float]] = {}
    for person_id, (x, y) in positions.items():
        for name, value in (("x", x), ("y", y)):
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise InvalidInput(name, "not_a_number", f"{name} must be a number")
            if not math.isfinite(value) or abs(value) > POSITION_LIMIT:
                raise InvalidInput(name, "out_of_range", f"{name} is outside the map")
        clean[person_id] = (round(float(x), 2), round(float(y), 2))
    if not clean:
        return Changes()
    moved: list[str] = []
    pursuits: set[str] = set()
    with ws.write() as session:
        ids = list(clean)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for person in session.scalars(
                select(Stakeholder).where(Stakeholder.id.in_(chunk), Stakeholder.alive)
            ):
                x, y = clean[person.id]
                if (person.x, person.y) != (x, y):
                    person.x, person.y = x, y
                    moved.append(person.id)
                    pursuits.add(person.pursuit_id)
    changes = Changes.of(ChangeKind.STAKEHOLDER, *moved)
    for pursuit_id in pursuits:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    return changes


def delete_people(ws: Workspace, person_ids: Collection[str]) -> Removal:
    """Soft-delete people with their links; their direct reports lose that manager.

    Returns what was done; `restore_people(ws, removal)` undoes it.
    """
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return Removal((), ())
    now = utcnow()
    with ws.write() as session:
        people = list(
            session.scalars(select(Stakeholder).where(Stakeholder.id.in_(ids), Stakeholder.alive))
        )
        if not people:
            raise NotFound(f"stakeholders {ids}")
        gone = {p.id for p in people}
        pursuit_ids = {p.pursuit_id for p in people}
        for person in people:
            person.alive = False
            person.deleted_at = now
        links = list(
            session.scalars(
                select(StakeholderLink).where(
                    StakeholderLink.alive,
                    (StakeholderLink.from_id.in_(gone)) | (StakeholderLink.to_id.in_(gone)),
                )
            )
        )
        for link in links:
            link.alive = False
            link.deleted_at = now
        detached: dict[str, str] = {}
        for report in session.scalars(
            select(Stakeholder).where(
                Stakeholder.reports_to_id.in_(gone), Stakeholder.alive.is_(True)
            )
        ):
            if report.id in gone:
                continue
            detached[report.id] = str(report.reports_to_id)
            report.reports_to_id = None
        changes = Changes.of(ChangeKind.STAKEHOLDER, *gone, *detached) | Changes.of(
            ChangeKind.STAKEHOLDER_LINK, *(link.id for link in links)
        )
        for pursuit_id in pursuit_ids:
            changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        return Removal(
            people=tuple(p.id for p in people),
            links=tuple(link.id for link in links),
            detached=detached,
            changes=changes,
        )


def restore_people(ws: Workspace, removal: Removal) -> Changes:
    """Undo `delete_people`: bring the people and links back and re-attach their reports.

    A report who was given another manager in the meantime keeps that one.
    """
    with ws.write() as session:
        people = list(
            session.scalars(select(Stakeholder).where(Stakeholder.id.in_(removal.people)))
        )
        if not people:
            raise NotFound(f"stakeholders {removal.people}")
        pursuit_ids = {p.pursuit_id for p in people}
        for person in people:
            if not person.alive:
                person.alive = True
                person.deleted_at = None
        restored_links = []
        if removal.links:
            for link in session.scalars(
                select(StakeholderLink).where(StakeholderLink.id.in_(removal.links))
            ):
                if not link.alive:
                    link.alive = True
                    link.deleted_at = None
                    restored_links.append(link.id)
        reattached = []
        if removal.detached:
            for report in session.scalars(
                select(Stakeholder).where(Stakeholder.id.in_(list(removal.detached)))
            ):
                if report.alive and report.reports_to_id is None:
                    report.reports_to_id = removal.detached[report.id]
                    reattached.append(report.id)
        changes = Changes.of(ChangeKind.STAKEHOLDER, *(p.id for p in people), *reattached)
        changes = changes | Changes.of(ChangeKind.STAKEHOLDER_LINK, *restored_links)
        for pursuit_id in pursuit_ids:
            changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        return changes


# --- links --------------------------------------------------------------------------------------


def create_link(
    ws: Workspace,
    from_id: str,
    to_id: str,
    kind: str,
    note: str = "",
    *,
    link_id: str | None = None,
) -> tuple[str, Changes]:
    """Link two people of one map: `from_id` influences / is an ally of / opposes `to_id`.

    A reports-to line is not a link: use `set_reports_to`. Refused: a link to oneself, people of
    different pursuits, and a link that already exists (an ally link in either direction).
    `link_id` brings back that link (redo after undo) instead of making a new one.
    """
    _check_link_kind(kind)
    if from_id == to_id:
        raise InvalidInput("to_id", "self_link", "a person cannot be linked to themselves")
    with ws.write() as session:
        source = _live_person(session, from_id)
        _same_map_person(session, to_id, source.pursuit_id, "to_id")
        _refuse_duplicate(session, source.pursuit_id, from_id, to_id, kind, except_id=link_id)
        link = session.get(StakeholderLink, link_id) if link_id else None
        if link is None:
            link = StakeholderLink(
                pursuit_id=source.pursuit_id, from_id=from_id, to_id=to_id, link_kind=kind
            )
            if link_id:
                link.id = link_id
            session.add(link)
        link.from_id, link.to_id, link.link_kind, link.note = from_id, to_id, kind, note
        link.alive = True
        link.deleted_at = None
        session.flush()
        return link.id, _changed(source.pursuit_id, links=[link.id])


def update_link(ws: Workspace, link_id: str, values: Mapping[str, Any]) -> Changes:
    """Change a link's kind or note (refusing a kind that would duplicate another link)."""
    unknown = set(values) - {"link_kind", "note"}
    if unknown:
        raise InvalidInput(sorted(unknown)[0], "unknown_field")
    if "link_kind" in values:
        _check_link_kind(values["link_kind"])
    with ws.write() as session:
        link = session.get(StakeholderLink, link_id)
        if link is None or not link.alive:
            raise NotFound(f"stakeholder_link {link_id}")
        kind = values.get("link_kind", link.link_kind)
        if kind != link.link_kind:
            _refuse_duplicate(
                session, link.pursuit_id, link.from_id, link.to_id, kind, except_id=link.id
            )
        changed = False
        for name, value in values.items():
            if getattr(link, name) != value:
                setattr(link, name, value)
                changed = True
        return _changed(link.pursuit_id, links=[link.id]) if changed else Changes()


def delete_links(ws: Workspace, link_ids: Collection[str]) -> Changes:
    return _set_links_alive(ws, link_ids, False)


def restore_links(ws: Workspace, link_ids: Collection[str]) -> Changes:
    return _set_links_alive(ws, link_ids, True)


def _set_links_alive(ws: Workspace, link_ids: Collection[str], alive: bool) -> Changes:
    ids = list(dict.fromkeys(link_ids))
    if not ids:
        return Changes()
    with ws.write() as session:
        links = list(session.scalars(select(StakeholderLink).where(StakeholderLink.id.in_(ids))))
        if not links:
            raise NotFound(f"stakeholder_links {ids}")
        touched = []
        pursuits = set()
        for link in links:
            if link.alive != alive:
                link.alive = alive
                link.deleted_at = None if alive else utcnow()
                touched.append(link.id)
                pursuits.add(link.pursuit_id)
        changes = Changes.of(ChangeKind.STAKEHOLDER_LINK, *touched)
        for pursuit_id in pursuits:
            changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        return changes


# --- reuse across pursuits of one account -------------------------------------------------------


def reusable_people(ws: Workspace, pursuit_id: str) -> list[ReuseCandidate]:
    """People on the account's other live pursuits, one card per person and per name and title
    (the newest), then the account's people on no other map and not on this one (imported onto
    the account, or taken off their maps), offered by their person id."""
    with ws.read() as session:
        pursuit = _live_pursuit(session, pursuit_id)
        here = {
            (name or "").strip()
            for name in session.scalars(
                select(Stakeholder.name).where(
                    Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive
                )
            )
        }
        here_people = set(
            session.scalars(
                select(Stakeholder.person_id).where(
                    Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive
                )
            )
        )
        rows = session.execute(
            select(
                Stakeholder.id,
                Stakeholder.person_id,
                Stakeholder.name,
                Stakeholder.title,
                Stakeholder.department,
                Stakeholder.relationship,
                Stakeholder.personality,
                Pursuit.title.label("pursuit_title"),
            )
            .join(Pursuit, Pursuit.id == Stakeholder.pursuit_id)
            .where(
                Pursuit.account_id == pursuit.account_id,
                Pursuit.id != pursuit_id,
                Pursuit.alive,
                Stakeholder.alive,
            )
            .order_by(Stakeholder.updated_at.desc(), Stakeholder.id)
        ).all()
        people = session.execute(
            select(
                Person.id,
                Person.name,
                Person.title,
                Person.department,
                Person.relationship,
                Person.personality,
            )
            .where(Person.account_id == pursuit.account_id, Person.alive)
            .order_by(Person.name, Person.id)
        ).all()
    seen: set[tuple[str, str]] = set()
    seen_people: set[str] = set()
    found = []
    for row in rows:
        key = ((row.name or "").strip(), (row.title or "").strip())
        if key in seen or not key[0] or row.person_id in seen_people:
            continue
        seen.add(key)
        if row.person_id:
            seen_people.add(row.person_id)
        found.append(
            ReuseCandidate(
                id=row.id,
                name=key[0],
                title=row.title or "",
                department=row.department or "",
                relationship=row.relationship or "acquainted",
                personality=row.personality or None,
                pursuit_title=row.pursuit_title or "",
                on_map=key[0] in here
                or (row.person_id is not None and row.person_id in here_people),
            )
        )
    for person in people:
        name = (person.name or "").strip()
        if person.id in seen_people or person.id in here_people or not name:
            continue
        found.append(
            ReuseCandidate(
                id=person.id,
                name=name,
                title=person.title or "",
                department=person.department or "",
                relationship=person.relationship or "acquainted",
                personality=person.personality or None,
                pursuit_title="",
                on_map=name in here,
            )
        )
    return sorted(found, key=lambda c: (c.on_map, c.name, c.title, c.id))


def copy_people(
    ws: Workspace,
    pursuit_id: str,
    source_ids: Collection[str],
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> tuple[list[str], Changes]:
    """Put people of another pursuit of the same account onto this map.

    The new card is a membership of the same person (`tables.Person`): the person's fields are
    theirs, shared with every map they are on. It starts with the other card's plan, roles and
    help wanted but not its position or links; a manager brought in the same batch stays their
    manager. `positions` maps a source id to where its new card goes. A source id may also be a
    person of the account on no map (`reusable_people`): their first card, with no roles yet.
    """
    ids = list(dict.fromkeys(source_ids))
    positions = positions or {}
    with ws.write() as session:
        pursuit = _live_pursuit(session, pursuit_id)
        sources = {
            s.id: s
            for s in session.scalars(
                select(Stakeholder).where(Stakeholder.id.in_(ids), Stakeholder.alive)
            )
        }
        persons = {
            p.id: p
            for p in session.scalars(
                select(Person).where(
                    Person.id.in_([i for i in ids if i not in sources]), Person.alive
                )
            )
        }
        missing = [i for i in ids if i not in sources and i not in persons]
        if missing:
            raise NotFound(f"stakeholders {missing}")
        for person in persons.values():
            if person.account_id != pursuit.account_id:
                raise InvalidInput("source", "other_account", "another account's person")
        if persons and session.scalar(
            select(Stakeholder.id).where(
                Stakeholder.pursuit_id == pursuit_id,
                Stakeholder.person_id.in_(list(persons)),
                Stakeholder.alive,
            )
        ):
            raise InvalidInput("source", "same_pursuit", "already on this map")
        source_accounts = dict(
            session.execute(
                select(Pursuit.id, Pursuit.account_id).where(
                    Pursuit.id.in_({s.pursuit_id for s in sources.values()})
                )
            ).all()
        )
        for source in sources.values():
            if source.pursuit_id == pursuit_id:
                raise InvalidInput("source", "same_pursuit", "already on this map")
            if source_accounts.get(source.pursuit_id) != pursuit.account_id:
                raise InvalidInput("source", "other_account", "another account's person")
        roles = _sets_of(session, StakeholderRole, "role", ids)
        wishes = _sets_of(session, StakeholderHelp, "help", ids)
        copies: dict[str, Stakeholder] = {}
        for source_id in ids:
            if source_id in persons:  # a person of the account on no map: their first card
                person = persons[source_id]
                x, y = positions.get(source_id, (0.0, 0.0))
                copy = Stakeholder(
                    pursuit_id=pursuit_id,
                    account_id=pursuit.account_id,
                    person_id=person.id,
                    x=float(x),
                    y=float(y),
                    **{name: getattr(person, name) for name in PERSON_OWN_FIELDS},
                )
                session.add(copy)
                copies[source_id] = copy
                continue
            source = sources[source_id]
            x, y = positions.get(source_id, (source.x, source.y))
            copy = Stakeholder(
                pursuit_id=pursuit_id,
                account_id=pursuit.account_id,
                person_id=source.person_id,  # the same person, now on this map too
                x=float(x),
                y=float(y),
                **{name: getattr(source, name) for name in PERSON_FIELDS},
            )
            session.add(copy)
            copies[source_id] = copy
        session.flush()
        for source_id, copy in copies.items():
            if source_id in persons:
                continue
            manager = sources[source_id].reports_to_id
            if manager in copies:
                copy.reports_to_id = copies[manager].id
            _write_set(session, StakeholderRole, "role", copy.id, roles.get(source_id, ()))
            _write_set(session, StakeholderHelp, "help", copy.id, wishes.get(source_id, ()))
        new_ids = [copies[i].id for i in ids]
        return new_ids, _changed(pursuit_id, people=new_ids)


# --- rules --------------------------------------------------------------------------------------


def _check_person_values(values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """Refuse what the map cannot store; returns the values to write (the name trimmed)."""
    allowed = set(PERSON_FIELDS) | {"reports_to_id"} | ({"x", "y"} if creating else set())
    for name in values:
        if name not in allowed:
            raise InvalidInput(name, "unknown_field", f"the map does not edit {name!r}")
    for name in set(PERSON_FIELDS) - {"personality"}:
        if name in values and not isinstance(values[name], str):
            raise InvalidInput(name, "not_text", f"{name} must be text")
    if "name" in values:
        values["name"] = values["name"].strip()
    if values.get("personality") == "":
        values["personality"] = None
    records.validate("stakeholder", {k: v for k, v in values.items() if k not in ("x", "y")})
    for name in ("x", "y"):
        if name in values:
            value = values[name]
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not math.isfinite(value)
                or abs(value) > POSITION_LIMIT
            ):
                raise InvalidInput(name, "out_of_range", f"{name} is outside the map")
    return values


def _check_sets(roles: Iterable[str], help_wanted: Iterable[str]) -> tuple[list[str], list[str]]:
    role_list, help_list = list(roles), list(help_wanted)
    for role in role_list:
        records.validate("stakeholder_role", {"role": role})
    for wish in help_list:
        records.validate("stakeholder_help", {"help": wish})
    return role_list, help_list


def _check_link_kind(kind: str) -> None:
    if kind == REPORTS_TO:
        raise InvalidInput("link_kind", "use_reports_to", "reports-to is set on the person")
    if kind not in LINK_KINDS:
        raise InvalidInput("link_kind", "unknown", f"unknown link kind {kind!r}")
    records.validate("stakeholder_link", {"link_kind": kind})


def _live_pursuit(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


def _live_person(session: Session, person_id: str) -> Stakeholder:
    """A live card of a live pursuit: the card of a pursuit deleted (by a sync) or not in a
    restored backup is on no map, so an edit to it would be lost without a word."""
    person = session.get(Stakeholder, person_id)
    if person is None or not person.alive:
        raise NotFound(f"stakeholder {person_id}")
    _live_pursuit(session, person.pursuit_id)
    return person


def _same_map_person(session: Session, person_id: str, pursuit_id: str, field: str) -> None:
    other = _live_person(session, person_id)
    if other.pursuit_id != pursuit_id:
        raise InvalidInput(field, "other_pursuit", "that person is on another pursuit's map")


def _refuse_loop(session: Session, person: Stakeholder, manager_id: str) -> None:
    """Refuse a manager who is the person or (indirectly) reports to them."""
    if manager_id == person.id:
        raise InvalidInput("reports_to_id", "loop", "a person cannot report to themselves")
    managers = dict(
        session.execute(
            select(Stakeholder.id, Stakeholder.reports_to_id).where(
                Stakeholder.pursuit_id == person.pursuit_id, Stakeholder.alive
            )
        ).all()
    )
    seen = {person.id}
    current: str | None = manager_id
    while current is not None:
        if current in seen:
            if current == person.id:
                raise InvalidInput(
                    "reports_to_id", "loop", "the new manager already reports to this person"
                )
            return  # an older loop further up (left by a merge) is not this edit's doing
        seen.add(current)
        current = managers.get(current)


def _refuse_duplicate(
    session: Session,
    pursuit_id: str,
    from_id: str,
    to_id: str,
    kind: str,
    *,
    except_id: str | None,
) -> None:
    pairs = [(from_id, to_id)]
    if kind == "ally_of":  # an alliance has no direction
        pairs.append((to_id, from_id))
    for a, b in pairs:
        query = select(StakeholderLink.id).where(
            StakeholderLink.pursuit_id == pursuit_id,
            StakeholderLink.alive,
            StakeholderLink.from_id == a,
            StakeholderLink.to_id == b,
            StakeholderLink.link_kind == kind,
        )
        if except_id:
            query = query.where(StakeholderLink.id != except_id)
        if session.scalar(query.limit(1)) is not None:
            raise InvalidInput("link_kind", "duplicate", "these two are already linked so")


def _write_set(session: Session, table: Any, column: str, sid: str, keys: Iterable[str]) -> bool:
    """Make the person's live memberships exactly `keys`; True when anything changed."""
    wanted = set(keys)
    existing = {
        getattr(row, column): row
        for row in session.scalars(select(table).where(table.stakeholder_id == sid))
    }
    changed = False
    for key, row in existing.items():
        if row.alive != (key in wanted):
            row.alive = key in wanted
            row.deleted_at = None if row.alive else utcnow()
            changed = True
    for key in sorted(wanted - existing.keys()):
        session.add(table(id=membership_id(column, sid, key), stakeholder_id=sid, **{column: key}))
        changed = True
    return changed


def _sets_of(session: Session, table: Any, column: str, ids: list[str]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for sid, key in session.execute(
        select(table.stakeholder_id, getattr(table, column)).where(
            table.stakeholder_id.in_(ids), table.alive
        )
    ):
        result.setdefault(sid, set()).add(key)
    return result


def _changed(pursuit_id: str, *, people: Iterable[str] = (), links: Iterable[str] = ()) -> Changes:
    return (
        Changes.of(ChangeKind.STAKEHOLDER, *people)
        | Changes.of(ChangeKind.STAKEHOLDER_LINK, *links)
        | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    )
