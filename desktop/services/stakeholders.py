"""Stakeholder (关键人) use-cases: people of a pursuit with their buying roles and help wanted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Pursuit,
    Stakeholder,
    StakeholderHelp,
    StakeholderRole,
    membership_id,
    utcnow,
)


@dataclass
class Person:
    """A stakeholder with their memberships, as screens and reports read it."""

    id: str
    fields: dict[str, Any]
    roles: set[str] = field(default_factory=set)
    help: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return str(self.fields["name"])


def create_stakeholder(
    ws: Workspace,
    pursuit_id: str,
    values: dict[str, Any],
    roles: Iterable[str] = (),
    help_wanted: Iterable[str] = (),
) -> tuple[str, Changes]:
    records.validate("stakeholder", values)
    for role in roles:
        records.validate("stakeholder_role", {"role": role})
    for wish in help_wanted:
        records.validate("stakeholder_help", {"help": wish})
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        person = Stakeholder(pursuit_id=pursuit_id, account_id=pursuit.account_id, **values)
        session.add(person)
        session.flush()
        _write_set(session, StakeholderRole, "role", person.id, roles)
        _write_set(session, StakeholderHelp, "help", person.id, help_wanted)
        return person.id, Changes.of(ChangeKind.STAKEHOLDER, person.id) | Changes.of(
            ChangeKind.PURSUIT_PART, pursuit_id
        )


def set_roles(ws: Workspace, stakeholder_id: str, roles: Iterable[str]) -> Changes:
    return _set_memberships(ws, StakeholderRole, "role", stakeholder_id, roles)


def set_help(ws: Workspace, stakeholder_id: str, help_wanted: Iterable[str]) -> Changes:
    return _set_memberships(ws, StakeholderHelp, "help", stakeholder_id, help_wanted)


def _set_memberships(
    ws: Workspace, table: Any, column: str, sid: str, keys: Iterable[str]
) -> Changes:
    keys = list(keys)
    for key in keys:
        records.validate(table.kind, {column: key})
    with ws.write() as session:
        person = session.get(Stakeholder, sid)
        if person is None or not person.alive:
            raise NotFound(f"stakeholder {sid}")
        pursuit = session.get(Pursuit, person.pursuit_id)
        if pursuit is None or not pursuit.alive:  # on no map: the edit would vanish unsaid
            raise NotFound(f"pursuit {person.pursuit_id}")
        _write_set(session, table, column, sid, keys)
        return Changes.of(ChangeKind.STAKEHOLDER, sid) | Changes.of(
            ChangeKind.PURSUIT_PART, person.pursuit_id
        )


def _write_set(session: Session, table: Any, column: str, sid: str, keys: Iterable[str]) -> None:
    wanted = set(keys)
    existing = {
        getattr(row, column): row
        for row in session.scalars(select(table).where(table.stakeholder_id == sid))
    }
    for key, row in existing.items():
        if row.alive != (key in wanted):
            row.alive = key in wanted
            row.deleted_at = None if row.alive else utcnow()
    for key in wanted - existing.keys():
        session.add(table(id=membership_id(column, sid, key), stakeholder_id=sid, **{column: key}))


def people_of(ws: Workspace, pursuit_id: str) -> list[Person]:
    """The live stakeholders of a pursuit with roles and help wanted (three queries in all)."""
    with ws.read() as session:
        people = {
            s.id: Person(s.id, records.as_dict(s))
            for s in session.scalars(
                select(Stakeholder)
                .where(Stakeholder.pursuit_id == pursuit_id, Stakeholder.alive)
                .order_by(Stakeholder.created_at)
            )
        }
        for table, column, attr in (
            (StakeholderRole, "role", "roles"),
            (StakeholderHelp, "help", "help"),
        ):
            rows = session.execute(
                select(table.stakeholder_id, getattr(table, column))
                .join(Stakeholder, Stakeholder.id == table.stakeholder_id)
                .where(Stakeholder.pursuit_id == pursuit_id, table.alive)
            )
            for sid, key in rows:
                if sid in people:
                    getattr(people[sid], attr).add(key)
        return list(people.values())
