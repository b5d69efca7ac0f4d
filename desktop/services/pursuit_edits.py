"""Edits of a pursuit's records from its workspace: one checked transaction per edit.

The workspace edits many small fields of many kinds (the pursuit, its coaching answers, pains,
value case …). They all go through `save`, so that undo is uniform (kind, id, field, old, new) and
the rules that need the database — a due date not before the pursuit began, a stakeholder of this
pursuit — are checked in the same transaction as the write. Records that exist at most once per
pursuit (a coaching answer per question, the value case, the collection checklist …) are created
on their first edit with their deterministic id; `Target.create` says what they are made of.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Instalment,
    NewNeed,
    PainPoint,
    Pursuit,
    Referral,
    Risk,
    StageChange,
    Stakeholder,
    Synced,
    ValueBenefit,
    ValueCase,
    utcnow,
)

# Dates that plan something in this pursuit: none may lie before the pursuit began.
PLANNED_DATES = frozenset({"due_on", "acceptance_due", "next_step_due", "expected_close"})
# Dates of something that happened: not in the future.
PAST_DATES = frozenset({"received_on"})


@dataclass(frozen=True)
class Target:
    """A record to edit: its kind and id, and for a singleton the values it is created with."""

    kind: str
    id: str
    create: tuple[tuple[str, Any], ...] = ()


def save(ws: Workspace, target: Target, values: Mapping[str, Any]) -> Changes:
    """Set fields of one record (creating a singleton on its first edit); unchanged writes nothing.

    Raises InvalidInput (nothing saved) when a value breaks a rule, NotFound when the record is
    gone and cannot be created.
    """
    records.validate(target.kind, values)
    _check_types(target.kind, values)
    table = records.table_of(target.kind)
    with ws.write() as session:
        record = session.get(table, target.id)
        created = False
        if record is None or not record.alive:
            if not target.create:
                raise NotFound(f"{target.kind} {target.id}")
            if record is None:
                record = table(id=target.id, **dict(target.create))
                session.add(record)
                created = True
            else:
                record.alive = True
                record.deleted_at = None
        _check_pursuit_alive(session, record)
        _check_context(session, record, values)
        if isinstance(record, Pursuit):
            _check_next_step(record, values)
        for name, value in values.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
        if not created and not inspect(record).modified:
            return Changes()
        session.flush()
        return changes_of(session, record)


def create(ws: Workspace, kind: str, values: Mapping[str, Any]) -> tuple[str, Changes]:
    """A new record of a pursuit (a pain, a risk, an instalment …), checked like an edit."""
    records.validate(kind, values)
    _check_types(kind, values)
    with ws.write() as session:
        return _create(session, kind, values)


def _create(session: Session, kind: str, values: Mapping[str, Any]) -> tuple[str, Changes]:
    record = records.table_of(kind)(**values)
    _check_pursuit_alive(session, record)
    _check_context(session, record, values)
    session.add(record)
    session.flush()
    return record.id, changes_of(session, record)


def delete(ws: Workspace, kind: str, record_id: str) -> Changes:
    """Soft delete (undo brings it back with `restore`)."""
    return _set_alive(ws, kind, record_id, False)


def restore(ws: Workspace, kind: str, record_id: str) -> Changes:
    return _set_alive(ws, kind, record_id, True)


def _set_alive(ws: Workspace, kind: str, record_id: str, alive: bool) -> Changes:
    with ws.write() as session:
        record = session.get(records.table_of(kind), record_id)
        if record is None:
            raise NotFound(f"{kind} {record_id}")
        _check_pursuit_alive(session, record)
        if record.alive == alive:
            return Changes()
        record.alive = alive
        record.deleted_at = None if alive else utcnow()
        session.flush()
        return changes_of(session, record)


def changes_of(session: Session, record: Synced) -> Changes:
    """The record, and ("pursuit_part", id) for every record that belongs to a pursuit."""
    changes = records.changes_for(record)
    if isinstance(record, ValueBenefit):
        pursuit_id = session.scalar(
            select(ValueCase.pursuit_id).where(ValueCase.id == record.value_case_id)
        )
        if pursuit_id:
            changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    return changes


def pursuit_start(session: Session, pursuit_id: str) -> date | None:
    """The local date the pursuit began: its first stage change, or its creation."""
    first = session.scalar(
        select(func.min(StageChange.changed_at)).where(StageChange.pursuit_id == pursuit_id)
    )
    created = session.scalar(select(Pursuit.created_at).where(Pursuit.id == pursuit_id))
    moments = [m for m in (first, created) if m is not None]
    return _local_date(min(moments)) if moments else None


def start_of(ws: Workspace, pursuit_id: str) -> date | None:
    with ws.read() as session:
        return pursuit_start(session, pursuit_id)


def _local_date(moment: datetime) -> date:
    return moment.replace(tzinfo=UTC).astimezone().date()


def _pursuit_of(session: Session, record: Synced) -> str | None:
    if isinstance(record, Pursuit):
        return record.id
    pursuit_id = getattr(record, "pursuit_id", None)
    if pursuit_id is None and isinstance(record, ValueBenefit):
        pursuit_id = session.scalar(
            select(ValueCase.pursuit_id).where(ValueCase.id == record.value_case_id)
        )
    return pursuit_id


def _check_pursuit_alive(session: Session, record: Synced) -> None:
    """A record of a pursuit that is gone (deleted here or by a sync, not in a restored backup)
    is not edited, made or brought back: it would be saved where no screen shows it, so the
    edit would be lost without a word. NotFound, and the screen says so."""
    if isinstance(record, Pursuit):  # the pursuit itself: its own `alive` is checked
        return
    pursuit_id = _pursuit_of(session, record)
    if pursuit_id is None:
        return
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")


def _check_types(_kind: str, values: Mapping[str, Any]) -> None:
    """Amounts are whole numbers (minor units); the generic validators leave some kinds open."""
    for name in ("amount", "investment"):
        if name in values:
            value = values[name]
            if not isinstance(value, int) or isinstance(value, bool):
                raise InvalidInput(name, "not_a_number", f"{name} must be a whole number")


def _check_next_step(pursuit: Pursuit, values: Mapping[str, Any]) -> None:
    """A field of the next step written alone is checked against the pursuit's other one: a
    date for a step without an action is refused under the date, clearing the action of a
    dated step under the action (clearing the date first drops the step)."""
    if "next_step" not in values and "next_step_due" not in values:
        return
    step = values.get("next_step", pursuit.next_step)
    due = values.get("next_step_due", pursuit.next_step_due)
    field = "next_step" if "next_step_due" not in values else "next_step_due"
    records.check_next_step(step, due, field)


def _check_context(session: Session, record: Synced, values: Mapping[str, Any]) -> None:
    pursuit_id = _pursuit_of(session, record)
    today = date.today()
    for name, value in values.items():
        if value is None:
            continue
        is_date = isinstance(value, date) and not isinstance(value, datetime)
        if (name in PLANNED_DATES or name in PAST_DATES) and not is_date:
            raise InvalidInput(name, "bad_date", f"{name} must be a date")
        if name in PLANNED_DATES and pursuit_id:
            start = pursuit_start(session, pursuit_id)
            if start is not None and value < start:
                raise InvalidInput(
                    name, "before_start", f"{name} {value} is before the pursuit began ({start})"
                )
        if name in PAST_DATES and value > today:
            raise InvalidInput(name, "in_future", f"{name} {value} is in the future")
        if name == "stakeholder_id" and isinstance(record, PainPoint):
            person = session.get(Stakeholder, value)
            if person is None or not person.alive or person.pursuit_id != pursuit_id:
                raise InvalidInput(name, "unknown", "not a stakeholder of this pursuit")


# --- lists of a pursuit's records ----------------------------------------------------------------
_LISTS: dict[str, tuple[type[Synced], tuple[Any, ...]]] = {
    "pain_point": (PainPoint, (PainPoint.position, PainPoint.created_at)),
    "risk": (Risk, (Risk.created_at,)),
    "referral": (Referral, (Referral.created_at,)),
    "new_need": (NewNeed, (NewNeed.created_at,)),
    "instalment": (
        Instalment,
        (Instalment.due_on.is_(None), Instalment.due_on, Instalment.created_at),
    ),
}


def parts_of(ws: Workspace, kind: str, pursuit_id: str) -> list[dict[str, Any]]:
    """The live records of `kind` in a pursuit, in their display order."""
    with ws.read() as session:
        return list_parts(session, kind, pursuit_id)


def list_parts(session: Session, kind: str, pursuit_id: str) -> list[dict[str, Any]]:
    table, order = _LISTS[kind]
    rows = session.scalars(
        select(table)
        .where(table.pursuit_id == pursuit_id, table.alive)  # type: ignore[attr-defined]
        .order_by(*order)
    )
    return [records.as_dict(row) for row in rows]


def add_part(
    ws: Workspace, kind: str, pursuit_id: str, values: Mapping[str, Any] | None = None
) -> tuple[str, Changes]:
    """A new pain, risk, referral or instalment of a pursuit (at the end of its list)."""
    table, _ = _LISTS[kind]
    fields = dict(values or {})
    records.validate(kind, fields)
    _check_types(kind, fields)
    with ws.write() as session:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        if "position" in table.register_fields() and "position" not in fields:
            top = session.scalar(
                select(func.max(table.position)).where(  # type: ignore[attr-defined]
                    table.pursuit_id == pursuit_id  # type: ignore[attr-defined]
                )
            )
            fields["position"] = (top or 0.0) + 1.0
        return _create(session, kind, {"pursuit_id": pursuit_id, **fields})
