"""Use-cases of the board beyond moving cards: the stage gate's facts, closing and reopening,
deleting, and the core fields of the New / Edit pursuit dialog — each one transaction, returning
what changed and what undo needs to put it back exactly.

Undo works on snapshots: a use-case returns the pursuits' values before and after, plus the records
it created (an account or competitor typed in by name, a StageChange); `restore_states` writes a
snapshot back and buries or revives those records, in one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import gates
from desktop.services import records
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import _next_rank, _write_tags
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    CoachingAnswer,
    Competitor,
    Pursuit,
    PursuitTag,
    StageChange,
    utcnow,
)

RecordRef = tuple[str, str]  # (kind, id)

STATUS_FIELDS = ("status", "close_reason", "lost_to_id", "closed_on", "board_rank")
EDIT_FIELDS = (
    "account_id",
    "title",
    "amount",
    "currency",
    "expected_close",
    "stage",
    "stage_entered_at",
    "board_rank",
    "next_step",
    "next_step_due",
)


# --- stage gate --------------------------------------------------------------------------------
@dataclass(frozen=True)
class GateFacts:
    """What the gate rules need to know of one pursuit."""

    pursuit_id: str
    stage: int
    answered: frozenset[str]  # keys of coaching points marked done
    confirmed: frozenset[int]  # stages whose milestone was reached


@dataclass(frozen=True)
class PursuitGate:
    pursuit_id: str
    check: gates.GateCheck


def gate_facts(ws: Workspace, ids: Collection[str]) -> dict[str, GateFacts]:
    """The gate facts of the live pursuits among `ids` (three small queries, whatever the count)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    with ws.read() as session:
        stages: dict[str, int] = {
            pursuit_id: stage
            for pursuit_id, stage in session.execute(
                select(Pursuit.id, Pursuit.stage).where(Pursuit.id.in_(ids), Pursuit.alive)
            )
        }
        answered: dict[str, set[str]] = {}
        for pursuit_id, key in session.execute(
            select(CoachingAnswer.pursuit_id, CoachingAnswer.question_key).where(
                CoachingAnswer.pursuit_id.in_(ids), CoachingAnswer.alive, CoachingAnswer.done
            )
        ):
            answered.setdefault(pursuit_id, set()).add(key)
        history: dict[str, list[tuple[int | None, int, Any]]] = {}
        for pursuit_id, from_stage, to_stage, overrides in session.execute(
            select(
                StageChange.pursuit_id,
                StageChange.from_stage,
                StageChange.to_stage,
                StageChange.overrides,
            ).where(StageChange.pursuit_id.in_(ids), StageChange.alive)
        ):
            history.setdefault(pursuit_id, []).append((from_stage, to_stage, overrides))
    return {
        pursuit_id: GateFacts(
            pursuit_id,
            stage,
            frozenset(answered.get(pursuit_id, ())),
            gates.confirmed_milestones(history.get(pursuit_id, ())),
        )
        for pursuit_id, stage in stages.items()
    }


def check_moves(ws: Workspace, ids: Sequence[str], to_stage: int) -> list[PursuitGate]:
    """What moving each pursuit to `to_stage` expects, in the order of `ids`.

    Raises NotFound when one of them is gone (deleted meanwhile).
    """
    facts = gate_facts(ws, ids)
    result = []
    for pursuit_id in dict.fromkeys(ids):
        fact = facts.get(pursuit_id)
        if fact is None:
            raise NotFound(f"pursuit {pursuit_id}")
        check = gates.check_move(ws.catalog, fact.stage, to_stage, fact.answered, fact.confirmed)
        result.append(PursuitGate(pursuit_id, check))
    return result


# --- snapshots for undo ------------------------------------------------------------------------
@dataclass(frozen=True)
class PursuitState:
    """Some fields of one pursuit (and its tags, when `tags` is not None) at one moment."""

    pursuit_id: str
    values: Mapping[str, Any]
    tags: tuple[str, ...] | None = None


@dataclass
class StateChange:
    """A use-case's before and after, and the records it made (for undo and redo)."""

    before: list[PursuitState] = field(default_factory=list)
    after: list[PursuitState] = field(default_factory=list)
    created: list[RecordRef] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def undo(self, ws: Workspace) -> Changes:
        return restore_states(ws, self.before, bury=self.created)

    def redo(self, ws: Workspace) -> Changes:
        return restore_states(ws, self.after, revive=self.created)


def _snapshot(session: Session, pursuit: Pursuit, names: Iterable[str], tags: bool) -> PursuitState:
    tag_values = None
    if tags:
        tag_values = tuple(
            sorted(
                session.scalars(
                    select(PursuitTag.tag).where(
                        PursuitTag.pursuit_id == pursuit.id, PursuitTag.alive
                    )
                )
            )
        )
    return PursuitState(pursuit.id, {n: getattr(pursuit, n) for n in names}, tag_values)


def restore_states(
    ws: Workspace,
    states: Sequence[PursuitState],
    *,
    revive: Sequence[RecordRef] = (),
    bury: Sequence[RecordRef] = (),
) -> Changes:
    """Write snapshots back, and revive / bury the given records, in one transaction.

    Records to revive come first (a pursuit may point at a revived account); records to bury
    last (after the pursuit no longer points at them).
    """
    changes = Changes()
    with ws.write() as session:
        for kind, record_id in revive:
            changes = changes | _set_alive(session, kind, record_id, True)
        for state in states:
            pursuit = _live(session, state.pursuit_id)
            for name, value in state.values.items():
                if getattr(pursuit, name) != value:
                    setattr(pursuit, name, value)
            if state.tags is not None:
                _write_tags(session, pursuit.id, state.tags)
            changes = changes | Changes.of("pursuit", pursuit.id)
        session.flush()
        for kind, record_id in bury:
            changes = changes | _set_alive(session, kind, record_id, False)
    return changes


def _set_alive(session: Session, kind: str, record_id: str, alive: bool) -> Changes:
    record = session.get(records.table_of(kind), record_id)
    if record is None:
        raise NotFound(f"{kind} {record_id}")
    if record.alive == alive:
        return Changes()
    record.alive = alive
    record.deleted_at = None if alive else utcnow()
    if kind == "stage_change":
        return Changes.of("pursuit", record.pursuit_id)  # type: ignore[attr-defined]
    return records.changes_for(record)


def _live(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


# --- close, reopen, delete ---------------------------------------------------------------------
CLOSED = ("won", "lost", "abandoned")


def close_pursuits(
    ws: Workspace,
    ids: Sequence[str],
    status: str,
    *,
    reason: str = "",
    lost_to_id: str | None = None,
    lost_to_name: str = "",
    closed_on: date | None = None,
) -> StateChange:
    """Mark pursuits won, lost or abandoned, with the reason and (lost) the competitor.

    A competitor named in `lost_to_name` that is not known yet is created (once).
    """
    if status not in CLOSED:
        raise InvalidInput("status", "unknown", f"cannot close as {status!r}")
    result = StateChange()
    with ws.write() as session:
        pursuits = [_live(session, pid) for pid in dict.fromkeys(ids)]
        competitor_id = None
        if status == "lost":
            competitor_id, created = _competitor(session, lost_to_id, lost_to_name)
            if created and competitor_id is not None:
                result.created.append(("competitor", competitor_id))
                result.changes = result.changes | Changes.of("competitor", competitor_id)
        for pursuit in pursuits:
            result.before.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            pursuit.status = status
            pursuit.close_reason = reason.strip()
            pursuit.lost_to_id = competitor_id
            pursuit.closed_on = closed_on or utcnow().date()
            result.after.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            result.changes = result.changes | Changes.of("pursuit", pursuit.id)
    return result


def reopen_pursuits(ws: Workspace, ids: Sequence[str]) -> StateChange:
    """Put closed pursuits back on the board, at the end of their stage's column."""
    result = StateChange()
    with ws.write() as session:
        for pursuit_id in dict.fromkeys(ids):
            pursuit = _live(session, pursuit_id)
            if pursuit.status == "open":
                continue
            result.before.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            pursuit.board_rank = _next_rank(session, pursuit.stage)
            pursuit.status = "open"
            pursuit.close_reason = ""
            pursuit.lost_to_id = None
            pursuit.closed_on = None
            session.flush()  # the next one's rank counts this one
            result.after.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            result.changes = result.changes | Changes.of("pursuit", pursuit.id)
    return result


def _competitor(session: Session, competitor_id: str | None, name: str) -> tuple[str | None, bool]:
    """The competitor lost to: a known one, one found or made by name, or None (unknown)."""
    if competitor_id is not None:
        competitor = session.get(Competitor, competitor_id)
        if competitor is None or not competitor.alive:
            raise InvalidInput("lost_to", "unknown", "no such competitor")
        return competitor.id, False
    name = name.strip()
    if not name:
        return None, False
    existing = session.scalars(
        select(Competitor).where(Competitor.alive, Competitor.name == name)
    ).first()
    if existing is not None:
        return existing.id, False
    competitor = Competitor(name=name)
    session.add(competitor)
    session.flush()
    return competitor.id, True


def delete_pursuits(ws: Workspace, ids: Sequence[str]) -> Changes:
    """Soft-delete pursuits (tombstones that sync; `set_alive` with True brings them back)."""
    return set_alive(ws, [("pursuit", pid) for pid in dict.fromkeys(ids)], False)


def set_alive(ws: Workspace, refs: Sequence[RecordRef], alive: bool) -> Changes:
    """Bury or revive records in one transaction (undo of a delete, of a creation)."""
    changes = Changes()
    with ws.write() as session:
        for kind, record_id in refs:
            changes = changes | _set_alive(session, kind, record_id, alive)
    return changes


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


def competitor_choices(ws: Workspace) -> list[Choice]:
    """Live competitors by name, for "lost to"."""
    with ws.read() as session:
        rows = session.execute(
            select(Competitor.id, Competitor.name).where(Competitor.alive).order_by(Competitor.name)
        )
        return [Choice(i, n) for i, n in rows]


# --- the New / Edit pursuit dialog ---------------------------------------------------------------
@dataclass
class PursuitForm:
    """The core fields of a pursuit as the New / Edit dialog shows them."""

    title: str = ""
    account_id: str | None = None
    account_name: str = ""  # an account to find by name, or create, when account_id is None
    amount: int = 0  # minor units
    currency: str = "CNY"
    expected_close: date | None = None
    stage: int = 1
    next_step: str = ""
    next_step_due: date | None = None
    tags: tuple[str, ...] = ()


def pursuit_form(ws: Workspace, pursuit_id: str) -> PursuitForm:
    with ws.read() as session:
        pursuit = _live(session, pursuit_id)
        account = session.get(Account, pursuit.account_id)
        tags = session.scalars(
            select(PursuitTag.tag).where(PursuitTag.pursuit_id == pursuit_id, PursuitTag.alive)
        )
        return PursuitForm(
            title=pursuit.title,
            account_id=pursuit.account_id,
            account_name=account.name if account is not None else "",
            amount=pursuit.amount,
            currency=pursuit.currency,
            expected_close=pursuit.expected_close,
            stage=pursuit.stage,
            next_step=pursuit.next_step,
            next_step_due=pursuit.next_step_due,
            tags=tuple(sorted(tags)),
        )


def validate_form(form: PursuitForm) -> None:
    """Raise InvalidInput naming the first bad field (the dialog shows it next to the field)."""
    if form.account_id is None and not form.account_name.strip():
        raise InvalidInput("account", "required", "a pursuit needs an account")
    records.validate(
        "pursuit",
        {
            "title": form.title.strip(),
            "amount": form.amount,
            "currency": form.currency,
            "stage": form.stage,
        },
    )


def update_pursuit(
    ws: Workspace,
    pursuit_id: str,
    form: PursuitForm,
    *,
    overrides: Sequence[dict[str, Any]] = (),
    override_reason: str = "",
) -> StateChange:
    """Save the dialog's fields in one transaction; a new stage records its StageChange (with
    the gate's overrides) and puts the card at the end of that column."""
    validate_form(form)
    result = StateChange()
    with ws.write() as session:
        pursuit = _live(session, pursuit_id)
        result.before.append(_snapshot(session, pursuit, EDIT_FIELDS, tags=True))
        account_id = form.account_id
        if account_id is None or account_id != pursuit.account_id:
            account_id, created = _account(session, form.account_id, form.account_name)
            if created:
                result.created.append(("account", account_id))
                result.changes = result.changes | Changes.of("account", account_id)
        values = {
            "account_id": account_id,
            "title": form.title.strip(),
            "amount": form.amount,
            "currency": form.currency,
            "expected_close": form.expected_close,
            "next_step": form.next_step.strip(),
            "next_step_due": form.next_step_due,
        }
        for name, value in values.items():
            if getattr(pursuit, name) != value:
                setattr(pursuit, name, value)
        if form.stage != pursuit.stage:
            now = utcnow()
            change = StageChange(
                pursuit_id=pursuit.id,
                from_stage=pursuit.stage,
                to_stage=form.stage,
                changed_at=now,
                overrides=list(overrides),
                override_reason=override_reason,
            )
            session.add(change)
            pursuit.board_rank = _next_rank(session, form.stage)
            pursuit.stage = form.stage
            pursuit.stage_entered_at = now
            session.flush()
            result.created.append(("stage_change", change.id))
        _write_tags(session, pursuit.id, form.tags)
        session.flush()
        result.after.append(_snapshot(session, pursuit, EDIT_FIELDS, tags=True))
        result.changes = result.changes | Changes.of("pursuit", pursuit.id)
    return result


def _account(session: Session, account_id: str | None, name: str) -> tuple[str, bool]:
    if account_id is not None:
        account = session.get(Account, account_id)
        if account is None or not account.alive:
            raise InvalidInput("account", "unknown", "no such account")
        return account.id, False
    name = name.strip()
    if not name:
        raise InvalidInput("account", "required", "a pursuit needs an account")
    existing = session.scalars(select(Account).where(Account.alive, Account.name == name)).first()
    if existing is not None:
        return existing.id, False
    account = Account(name=name)
    session.add(account)
    session.flush()
    return account.id, True
