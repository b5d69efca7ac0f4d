"""Pursuit use-cases: create, move between stages, close and reopen, tags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    Pursuit,
    PursuitTag,
    StageChange,
    membership_id,
    utcnow,
)


@dataclass
class PursuitDraft:
    """The core fields of a new pursuit (the New Pursuit dialog, the CLI, demo data)."""

    title: str
    account_id: str | None = None
    account_name: str = ""  # used to create the account when account_id is None
    amount: int = 0  # minor units
    currency: str = "CNY"
    expected_close: date | None = None
    stage: int = 1
    next_step: str = ""
    next_step_due: date | None = None
    owner: str = ""
    tags: Sequence[str] = ()
    notes: str = ""


@dataclass(frozen=True)
class StageMove:
    """What one pursuit's move did, so that undo can put it back exactly."""

    pursuit_id: str
    from_stage: int
    to_stage: int
    previous_entered_at: datetime
    previous_rank: float
    stage_change_id: str | None
    rank: float = 0.0  # the rank the move gave it (redo puts it back there)


@dataclass
class MoveResult:
    moves: list[StageMove] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


def _next_rank(session: Session, stage: int) -> float:
    top = session.scalar(
        select(func.max(Pursuit.board_rank)).where(
            Pursuit.alive, Pursuit.stage == stage, Pursuit.status == "open"
        )
    )
    return (top or 0.0) + 1.0


def create_pursuit(ws: Workspace, draft: PursuitDraft) -> tuple[str, Changes]:
    """A new pursuit (and its account when named but not yet known) with its first StageChange."""
    values = {
        "title": draft.title.strip(),
        "amount": draft.amount,
        "currency": draft.currency,
        "stage": draft.stage,
        "expected_close": draft.expected_close,
        "next_step": draft.next_step,
        "next_step_due": draft.next_step_due,
        "owner": draft.owner,
        "notes": draft.notes,
    }
    records.validate("pursuit", values)
    with ws.write() as session:
        changes = Changes()
        account_id = draft.account_id
        if account_id is None:
            name = draft.account_name.strip()
            if not name:
                raise InvalidInput("account", "required", "a pursuit needs an account")
            account = session.scalars(
                select(Account).where(Account.alive, Account.name == name)
            ).first()
            if account is None:
                account = Account(name=name)
                session.add(account)
                session.flush()
                changes = changes | Changes.of("account", account.id)
            account_id = account.id
        elif session.get(Account, account_id) is None:
            raise InvalidInput("account", "unknown", "no such account")
        pursuit = Pursuit(
            account_id=account_id,
            board_rank=_next_rank(session, draft.stage),
            stage_entered_at=utcnow(),
            **values,
        )
        session.add(pursuit)
        session.flush()
        session.add(StageChange(pursuit_id=pursuit.id, from_stage=None, to_stage=draft.stage))
        _write_tags(session, pursuit.id, draft.tags)
        return pursuit.id, changes | Changes.of("pursuit", pursuit.id)


def move_stage(
    ws: Workspace,
    pursuit_ids: Iterable[str],
    to_stage: int,
    *,
    note: str = "",
    overrides: Sequence[dict[str, object]] = (),
    override_reason: str = "",
    before_id: str | None = None,
    overrides_by_id: Mapping[str, Sequence[dict[str, object]]] | None = None,
) -> MoveResult:
    """Move pursuits to a stage in one transaction, recording a StageChange for each that moved.

    The moved cards go to the end of the column, or just before `before_id` when given (a drop
    between two cards). A pursuit already in the stage is only reordered and records nothing.
    `overrides_by_id` gives each pursuit its own passed-over gate items (else `overrides`).
    """
    if not 1 <= to_stage <= 8:
        raise InvalidInput("stage", "out_of_range", "stage must be 1–8")
    ids = list(dict.fromkeys(pursuit_ids))
    result = MoveResult()
    with ws.write() as session:
        pursuits = [_live(session, pid) for pid in ids]
        ranks = _ranks_for(session, to_stage, len(pursuits), before_id, exclude=set(ids))
        now = utcnow()
        for pursuit, rank in zip(pursuits, ranks, strict=True):
            change_id = None
            from_stage = pursuit.stage
            previous = (pursuit.stage_entered_at, pursuit.board_rank)
            if pursuit.stage != to_stage:
                change = StageChange(
                    pursuit_id=pursuit.id,
                    from_stage=pursuit.stage,
                    to_stage=to_stage,
                    changed_at=now,
                    note=note,
                    overrides=list(
                        overrides_by_id.get(pursuit.id, overrides)
                        if overrides_by_id is not None
                        else overrides
                    ),
                    override_reason=override_reason,
                )
                session.add(change)
                session.flush()
                change_id = change.id
                pursuit.stage = to_stage
                pursuit.stage_entered_at = now
            elif pursuit.board_rank == rank:
                continue
            pursuit.board_rank = rank
            result.moves.append(
                StageMove(
                    pursuit.id, from_stage, to_stage, previous[0], previous[1], change_id, rank
                )
            )
            result.changes = result.changes | Changes.of("pursuit", pursuit.id)
    return result


def undo_moves(ws: Workspace, moves: Sequence[StageMove]) -> Changes:
    """Put pursuits back exactly as before `move_stage`; their StageChanges become tombstones."""
    changes = Changes()
    with ws.write() as session:
        for move in moves:
            pursuit = _live(session, move.pursuit_id)
            pursuit.stage = move.from_stage
            pursuit.stage_entered_at = move.previous_entered_at
            pursuit.board_rank = move.previous_rank
            if move.stage_change_id:
                change = session.get(StageChange, move.stage_change_id)
                if change is not None:
                    change.alive = False
                    change.deleted_at = utcnow()
            changes = changes | Changes.of("pursuit", pursuit.id)
    return changes


def redo_moves(ws: Workspace, moves: Sequence[StageMove], ranks: Sequence[float]) -> Changes:
    """Apply undone moves again, bringing their StageChanges back."""
    changes = Changes()
    with ws.write() as session:
        for move, rank in zip(moves, ranks, strict=True):
            pursuit = _live(session, move.pursuit_id)
            pursuit.stage = move.to_stage
            pursuit.board_rank = rank
            if move.stage_change_id:
                change = session.get(StageChange, move.stage_change_id)
                if change is not None:
                    change.alive = True
                    change.deleted_at = None
                    pursuit.stage_entered_at = change.changed_at
            changes = changes | Changes.of("pursuit", pursuit.id)
    return changes


def _ranks_for(
    session: Session, stage: int, count: int, before_id: str | None, exclude: set[str]
) -> list[float]:
    """`count` ranks at the end of the column, or evenly between before_id and its predecessor."""
    if before_id is None or before_id in exclude:
        start = _next_rank_excluding(session, stage, exclude)
        return [start + i for i in range(count)]
    before = _live(session, before_id)
    previous = session.scalar(
        select(func.max(Pursuit.board_rank)).where(
            Pursuit.alive,
            Pursuit.status == "open",
            Pursuit.stage == stage,
            Pursuit.board_rank < before.board_rank,
            Pursuit.id.not_in(exclude),
        )
    )
    low = previous if previous is not None else before.board_rank - 1.0
    step = (before.board_rank - low) / (count + 1)
    return [low + step * (i + 1) for i in range(count)]


def _next_rank_excluding(session: Session, stage: int, exclude: set[str]) -> float:
    top = session.scalar(
        select(func.max(Pursuit.board_rank)).where(
            Pursuit.alive,
            Pursuit.stage == stage,
            Pursuit.status == "open",
            Pursuit.id.not_in(exclude),
        )
    )
    return (top or 0.0) + 1.0


def set_status(
    ws: Workspace,
    pursuit_id: str,
    status: str,
    *,
    reason: str = "",
    lost_to_id: str | None = None,
    closed_on: date | None = None,
) -> Changes:
    """Close as won / lost / abandoned (with reason and competitor), or reopen ("open")."""
    records.validate("pursuit", {"status": status})
    with ws.write() as session:
        pursuit = _live(session, pursuit_id)
        pursuit.status = status
        if status == "open":
            pursuit.closed_on = None
            pursuit.close_reason = ""
            pursuit.lost_to_id = None
            pursuit.board_rank = _next_rank(session, pursuit.stage)
        else:
            pursuit.closed_on = closed_on or utcnow().date()
            pursuit.close_reason = reason
            pursuit.lost_to_id = lost_to_id if status == "lost" else None
        return Changes.of("pursuit", pursuit.id)


def set_tags(ws: Workspace, pursuit_id: str, tags: Iterable[str]) -> Changes:
    with ws.write() as session:
        _live(session, pursuit_id)
        _write_tags(session, pursuit_id, tags)
    return Changes.of("pursuit", pursuit_id)


def tags_of(ws: Workspace, pursuit_id: str) -> list[str]:
    with ws.read() as session:
        return sorted(
            session.scalars(
                select(PursuitTag.tag).where(PursuitTag.pursuit_id == pursuit_id, PursuitTag.alive)
            )
        )


def all_tags(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return sorted(set(session.scalars(select(PursuitTag.tag).where(PursuitTag.alive))))


def _write_tags(session: Session, pursuit_id: str, tags: Iterable[str]) -> None:
    """Tags are memberships: one row per (pursuit, tag), brought back rather than duplicated."""
    wanted = {t.strip() for t in tags if t.strip()}
    existing = {
        row.tag: row
        for row in session.scalars(select(PursuitTag).where(PursuitTag.pursuit_id == pursuit_id))
    }
    for tag, row in existing.items():
        if row.alive and tag not in wanted:
            row.alive = False
            row.deleted_at = utcnow()
        elif not row.alive and tag in wanted:
            row.alive = True
            row.deleted_at = None
    for tag in wanted - existing.keys():
        session.add(
            PursuitTag(id=membership_id("tag", pursuit_id, tag), pursuit_id=pursuit_id, tag=tag)
        )


def _live(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


def stage_history(ws: Workspace, pursuit_id: str) -> list[dict[str, object]]:
    """The pursuit's stage changes, oldest first."""
    with ws.read() as session:
        rows = session.scalars(
            select(StageChange)
            .where(StageChange.pursuit_id == pursuit_id, StageChange.alive)
            .order_by(StageChange.changed_at)
        )
        return [records.as_dict(r) | {"changed_at": r.changed_at} for r in rows]
