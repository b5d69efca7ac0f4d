"""The pursuit's lifecycle, written once: create, edit, move between stages, close as collected
(the win, once stage 8 allows it: `domain.status`) / lost / abandoned, reopen, delete, and its
tags — each one transaction, returning what changed and what undoes it. Every screen (board,
list, workspace), the CLI and the demo data call these; there is no second copy of any of them.

Undo works on snapshots: a use-case returns a `StateChange` with the pursuits' values before and
after, the records it made (an account or competitor typed in by name, a StageChange) and the
records it buried; `restore_states` — the one inverse of every use-case here — writes a snapshot
back and revives or buries those records, in one transaction. A move is such a change too (stage,
entry date and board rank; its StageChange made), so moving back is the same code as any undo.

Purging a pursuit (blanking it for good, everywhere) is `services.sync.purge.purge(ws,
ChangeKind.PURSUIT, pursuit_id)`: it must reach every child record and the sync metadata, so it
lives with sync, and that is the one way to call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import status as statuses
from desktop.services import activities, collection, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    Competitor,
    PrivatePursuit,
    Pursuit,
    PursuitTag,
    StageChange,
    membership_id,
    named_id,
    new_id,
    utcnow,
)

RecordRef = tuple[str, str]  # (kind, id)
STAGE_CHANGE = "stage_change"  # a record kind of its own, reported as a change of its pursuit

OPEN = statuses.OPEN
CLOSED = statuses.CLOSED
STATUS_FIELDS = ("status", "close_reason", "lost_to_id", "closed_on", "board_rank")
MOVE_FIELDS = ("stage", "stage_entered_at", "board_rank")
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


# --- what a use-case changed, and its inverse --------------------------------------------------
@dataclass(frozen=True)
class PursuitState:
    """Some fields of one pursuit (and its tags, when `tags` is not None) at one moment."""

    pursuit_id: str
    values: Mapping[str, Any]
    tags: tuple[str, ...] | None = None


@dataclass
class StateChange:
    """A use-case's before and after, the records it made and the records it buried."""

    before: list[PursuitState] = field(default_factory=list)
    after: list[PursuitState] = field(default_factory=list)
    created: list[RecordRef] = field(default_factory=list)
    deleted: list[RecordRef] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def undo(self, ws: Workspace) -> Changes:
        return restore_states(ws, self.before, self.deleted, self.created[::-1])

    def redo(self, ws: Workspace) -> Changes:
        return restore_states(ws, self.after, self.created, self.deleted[::-1])


def restore_states(
    ws: Workspace,
    states: Sequence[PursuitState],
    revive: Sequence[RecordRef] = (),
    bury: Sequence[RecordRef] = (),
) -> Changes:
    """Write snapshots back, and revive / bury the given records, in one transaction.

    Records to revive come first (a pursuit may point at a revived account); records to bury
    last (after the pursuit no longer points at them).
    """
    with ws.write() as session:
        return _restore(session, states, revive, bury)


def set_alive(ws: Workspace, refs: Sequence[RecordRef], alive: bool) -> Changes:
    """Revive or bury records in one transaction (undo and redo of a creation or a delete)."""
    with ws.write() as session:
        return _restore(session, (), refs if alive else (), () if alive else refs)


def _restore(
    session: Session,
    states: Iterable[PursuitState],
    revive: Iterable[RecordRef],
    bury: Iterable[RecordRef],
) -> Changes:
    changes = Changes()
    for kind, record_id in revive:
        changes = changes | _set_alive(session, kind, record_id, True)
    for state in states:
        pursuit = _live(session, state.pursuit_id)
        for name, value in state.values.items():
            if getattr(pursuit, name) != value:
                setattr(pursuit, name, value)
        if state.tags is not None:
            _write_tags(session, pursuit.id, state.tags)
        changes = changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
    session.flush()
    for kind, record_id in bury:
        changes = changes | _set_alive(session, kind, record_id, False)
    return changes


def _set_alive(session: Session, kind: str, record_id: str, alive: bool) -> Changes:
    record = session.get(records.table_of(kind), record_id)
    if record is None or (alive and record.purged):  # a purge is for good
        raise NotFound(f"{kind} {record_id}")
    if record.alive == alive:
        return Changes()
    record.alive = alive
    record.deleted_at = None if alive else utcnow()
    if kind == STAGE_CHANGE:
        return Changes.of(ChangeKind.PURSUIT, record.pursuit_id)  # type: ignore[attr-defined]
    return records.changes_for(record)


def _snapshot(session: Session, pursuit: Pursuit, names: Iterable[str], tags: bool) -> PursuitState:
    tag_values = tuple(sorted(_live_tags(session, pursuit.id))) if tags else None
    return PursuitState(pursuit.id, {n: getattr(pursuit, n) for n in names}, tag_values)


# --- create ------------------------------------------------------------------------------------
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


class Created(NamedTuple):
    """A new pursuit: its id and what changed (unpacks as `(pursuit_id, changes)`)."""

    pursuit_id: str
    changes: Changes

    @property
    def refs(self) -> list[RecordRef]:
        """The records made: a new account first, then the pursuit (its StageChange and tags
        belong to it)."""
        accounts = [
            (ChangeKind.ACCOUNT.value, a) for a in sorted(self.changes.ids(ChangeKind.ACCOUNT))
        ]
        return [*accounts, (ChangeKind.PURSUIT.value, self.pursuit_id)]

    def undo(self, ws: Workspace) -> Changes:
        return set_alive(ws, self.refs[::-1], False)

    def redo(self, ws: Workspace) -> Changes:
        return set_alive(ws, self.refs, True)


def create_pursuit(ws: Workspace, draft: PursuitDraft) -> Created:
    """A new pursuit (and its account when named but not yet known) with its first StageChange."""
    values = draft_values(draft)
    with ws.write() as session:
        return add_pursuit(session, draft, values, private=not ws.policy.share_new)


def draft_values(draft: PursuitDraft) -> dict[str, Any]:
    """The pursuit's fields of `draft`, validated (InvalidInput otherwise)."""
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
    return values


def add_pursuit(
    session: Session, draft: PursuitDraft, values: Mapping[str, Any], *, private: bool = False
) -> Created:
    """`create_pursuit` inside the caller's transaction (an import makes many in one);
    `values` from `draft_values`; `private`: kept on this computer (services.sync.sharing)."""
    account_id, account_created = _account(session, draft.account_id, draft.account_name)
    changes = Changes.of(ChangeKind.ACCOUNT, account_id) if account_created else Changes()
    pursuit, first_stage = pursuit_records(values, account_id, _next_rank(session, draft.stage))
    session.add_all((pursuit, first_stage))
    _write_tags(session, pursuit.id, draft.tags)
    if private:
        session.add(PrivatePursuit(pursuit_id=pursuit.id))
    return Created(pursuit.id, changes | Changes.of(ChangeKind.PURSUIT, pursuit.id))


def pursuit_records(
    values: Mapping[str, Any], account_id: str, rank: float
) -> tuple[Pursuit, StageChange]:
    """A new pursuit and its first StageChange, not yet in a session: an import adds thousands
    and flushes them together. `values` from `draft_values`, `rank` its place in its column."""
    pursuit = Pursuit(
        id=new_id(),
        account_id=account_id,
        board_rank=rank,
        stage_entered_at=utcnow(),
        **values,
    )
    return pursuit, StageChange(pursuit_id=pursuit.id, from_stage=None, to_stage=values["stage"])


# --- edit (the New / Edit pursuit dialog) ------------------------------------------------------
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
            tags=tuple(sorted(_live_tags(session, pursuit_id))),
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
            "next_step": form.next_step,
            "next_step_due": form.next_step_due,
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
                result.created.append((ChangeKind.ACCOUNT.value, account_id))
                result.changes = result.changes | Changes.of(ChangeKind.ACCOUNT, account_id)
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
            rank = _next_rank(session, form.stage)  # before it enters: it does not count itself
            change = _enter_stage(
                session, pursuit, form.stage, utcnow(), list(overrides), override_reason
            )
            pursuit.board_rank = rank
            result.created.append((STAGE_CHANGE, change.id))
        _write_tags(session, pursuit.id, form.tags)
        session.flush()
        result.after.append(_snapshot(session, pursuit, EDIT_FIELDS, tags=True))
        result.changes = result.changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
    return result


# --- move between stages -----------------------------------------------------------------------
@dataclass(frozen=True)
class StageMove:
    """What one pursuit's move did (for the undo step's wording; the states undo it)."""

    pursuit_id: str
    from_stage: int
    to_stage: int
    previous_entered_at: datetime
    previous_rank: float
    stage_change_id: str | None
    rank: float = 0.0  # the rank the move gave it


@dataclass
class MoveResult(StateChange):
    """A move's StateChange (stage, entry date, rank; the StageChanges made), per pursuit moved."""

    moves: list[StageMove] = field(default_factory=list)


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
    Undo and redo are the result's `undo` / `redo` (`restore_states`), like every use-case here.
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
            if pursuit.stage == to_stage and pursuit.board_rank == rank:
                continue
            before = _snapshot(session, pursuit, MOVE_FIELDS, tags=False)
            change_id = None
            if pursuit.stage != to_stage:
                passed_over = (
                    overrides_by_id.get(pursuit.id, overrides)
                    if overrides_by_id is not None
                    else overrides
                )
                change = _enter_stage(
                    session, pursuit, to_stage, now, list(passed_over), override_reason, note
                )
                change_id = change.id
                result.created.append((STAGE_CHANGE, change_id))
            pursuit.board_rank = rank
            result.before.append(before)
            result.after.append(_snapshot(session, pursuit, MOVE_FIELDS, tags=False))
            result.moves.append(
                StageMove(
                    pursuit.id,
                    before.values["stage"],
                    to_stage,
                    before.values["stage_entered_at"],
                    before.values["board_rank"],
                    change_id,
                    rank,
                )
            )
            result.changes = result.changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
    return result


def _enter_stage(
    session: Session,
    pursuit: Pursuit,
    to_stage: int,
    now: datetime,
    overrides: list[dict[str, Any]],
    override_reason: str,
    note: str = "",
) -> StageChange:
    """Put a pursuit in another stage with the StageChange that records it (rank left to the
    caller: the end of the column, or a place between two cards)."""
    change = StageChange(
        pursuit_id=pursuit.id,
        from_stage=pursuit.stage,
        to_stage=to_stage,
        changed_at=now,
        note=note,
        overrides=overrides,
        override_reason=override_reason,
    )
    session.add(change)
    session.flush()
    pursuit.stage = to_stage
    pursuit.stage_entered_at = now
    return change


def _ranks_for(
    session: Session, stage: int, count: int, before_id: str | None, exclude: set[str]
) -> list[float]:
    """`count` ranks at the end of the column, or evenly between before_id and its predecessor."""
    if before_id is None or before_id in exclude:
        start = _next_rank(session, stage, exclude)
        return [start + i for i in range(count)]
    before = _live(session, before_id)
    previous = session.scalar(
        select(func.max(Pursuit.board_rank)).where(
            Pursuit.alive,
            Pursuit.status == OPEN,
            Pursuit.stage == stage,
            Pursuit.board_rank < before.board_rank,
            Pursuit.id.not_in(exclude),
        )
    )
    low = previous if previous is not None else before.board_rank - 1.0
    step = (before.board_rank - low) / (count + 1)
    return [low + step * (i + 1) for i in range(count)]


def next_rank(session: Session, stage: int) -> float:
    """Just past the last open card of `stage`'s column (where an import starts placing)."""
    return _next_rank(session, stage)


def _next_rank(session: Session, stage: int, exclude: Iterable[str] = ()) -> float:
    """Just past the last open card of the stage's column (not counting `exclude`)."""
    query = select(func.max(Pursuit.board_rank)).where(
        Pursuit.alive, Pursuit.stage == stage, Pursuit.status == OPEN
    )
    exclude = list(exclude)
    if exclude:
        query = query.where(Pursuit.id.not_in(exclude))
    return (session.scalar(query) or 0.0) + 1.0


# --- close, reopen -----------------------------------------------------------------------------
class Choice(NamedTuple):
    """A live competitor to pick as "lost to" (unpacks as `(id, name)`)."""

    id: str
    name: str


def competitor_choices(ws: Workspace) -> list[Choice]:
    """Live competitors by name, for "lost to"."""
    with ws.read() as session:
        rows = session.execute(
            select(Competitor.id, Competitor.name).where(Competitor.alive).order_by(Competitor.name)
        )
        return [Choice(i, n) for i, n in rows]


def close_pursuits(
    ws: Workspace,
    ids: Sequence[str],
    status: str,
    *,
    reason: str = "",
    lost_to_id: str | None = None,
    lost_to_name: str = "",
    closed_on: date | None = None,
    lang: str = "en",
) -> StateChange:
    """Mark pursuits collected, lost or abandoned, with the reason and (lost) the competitor, in
    one transaction — a competitor named in `lost_to_name` that is not known yet is created in it.
    `lang` is the language of a refusal's words (the window passes its own).

    Lost and abandoned are possible at any stage. Collected — the win — only for a pursuit open
    in stage 8 with its checklist settled and every instalment received (`domain.status`); a
    signed contract is not a close but the move into stage 7 (`move_stage`)."""
    if status not in CLOSED:
        raise InvalidInput("status", "unknown", f"cannot close as {status!r}")
    result = StateChange()
    with ws.write() as session:
        pursuits = [_live(session, pid) for pid in dict.fromkeys(ids)]
        if status == statuses.COLLECTED:
            gaps = collection.collect_gaps_in(session, [p.id for p in pursuits])
            missing = {pid: found for pid, found in gaps.items() if found}
            if missing:
                raise InvalidInput(
                    "status", "not_collectable", _not_collectable(ws, pursuits, missing, lang)
                )
        competitor_id = None
        if status == "lost":
            competitor_id, created = _competitor(session, lost_to_id, lost_to_name)
            if created and competitor_id is not None:
                result.created.append((ChangeKind.COMPETITOR.value, competitor_id))
                result.changes = result.changes | Changes.of(ChangeKind.COMPETITOR, competitor_id)
        for pursuit in pursuits:
            result.before.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            pursuit.status = status
            pursuit.close_reason = reason.strip()
            pursuit.lost_to_id = competitor_id
            pursuit.closed_on = closed_on or utcnow().date()
            result.after.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            result.changes = result.changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
    return result


def _not_collectable(
    ws: Workspace,
    pursuits: Sequence[Pursuit],
    missing: Mapping[str, tuple[statuses.CollectGap, ...]],
    lang: str,
) -> str:
    """Why the pursuits may not be marked collected, each named by its title, in `lang`."""
    zh = lang.startswith("zh")
    titles = {p.id: p.title for p in pursuits}
    each = [
        f"「{titles[pid]}」：{collection.describe_gaps(gaps, ws.catalog, lang)}"
        if zh
        else f'"{titles[pid]}": {collection.describe_gaps(gaps, ws.catalog, lang)}'
        for pid, gaps in missing.items()
    ]
    if zh:
        return "尚不能标记为已回款——" + "；".join(each) + "。"
    return "Not collected yet — " + "; ".join(each) + "."


def reopen_pursuits(ws: Workspace, ids: Sequence[str]) -> StateChange:
    """Put closed pursuits back on the board, at the end of their stage's column (open ones are
    left as they are)."""
    result = StateChange()
    with ws.write() as session:
        for pursuit_id in dict.fromkeys(ids):
            pursuit = _live(session, pursuit_id)
            if pursuit.status == OPEN:
                continue
            result.before.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            pursuit.board_rank = _next_rank(session, pursuit.stage)
            pursuit.status = OPEN
            pursuit.close_reason = ""
            pursuit.lost_to_id = None
            pursuit.closed_on = None
            session.flush()  # the next one's rank counts this one
            result.after.append(_snapshot(session, pursuit, STATUS_FIELDS, tags=False))
            result.changes = result.changes | Changes.of(ChangeKind.PURSUIT, pursuit.id)
    return result


def _competitor(session: Session, competitor_id: str | None, name: str) -> tuple[str | None, bool]:
    """The competitor lost to: a known one, one found (whatever its letter case) or made by name,
    or None (unknown)."""
    if competitor_id is not None:
        competitor = session.get(Competitor, competitor_id)
        if competitor is None or not competitor.alive:
            raise InvalidInput("lost_to", "unknown", "no such competitor")
        return competitor.id, False
    name = name.strip()
    if not name:
        return None, False
    wanted = name.casefold()
    for known_id, known_name in session.execute(
        select(Competitor.id, Competitor.name).where(Competitor.alive).order_by(Competitor.name)
    ):
        if known_name.casefold() == wanted:
            return known_id, False
    competitor = Competitor(id=named_id(session, Competitor, "competitor", name), name=name)
    session.add(competitor)
    session.flush()
    return competitor.id, True


# --- delete ------------------------------------------------------------------------------------
def delete_pursuits(ws: Workspace, ids: Sequence[str]) -> StateChange:
    """Soft-delete pursuits (tombstones that sync); the result's `undo` brings them back."""
    refs = [(ChangeKind.PURSUIT.value, pid) for pid in dict.fromkeys(ids)]
    with ws.write() as session:
        for pid in dict.fromkeys(ids):  # its activities and their attendees go with it
            refs += activities.buried_with_pursuit(session, pid)
        result = StateChange(deleted=refs)
        result.changes = _restore(session, (), (), refs)
    return result


# --- tags --------------------------------------------------------------------------------------
def set_tags(ws: Workspace, pursuit_id: str, tags: Iterable[str]) -> Changes:
    """One pursuit's tags become exactly `tags` (the workspace's tag editor)."""
    with ws.write() as session:
        _live(session, pursuit_id)
        _write_tags(session, pursuit_id, tags)
    return Changes.of(ChangeKind.PURSUIT, pursuit_id)


def tag_pursuits(
    ws: Workspace, ids: Sequence[str], *, add: Iterable[str] = (), remove: Iterable[str] = ()
) -> StateChange:
    """Add and/or remove tags on many pursuits in one transaction (the list's bulk tagging).
    Pursuits whose tags do not change are left out."""
    add = {t.strip() for t in add if t.strip()}
    remove = {t.strip() for t in remove if t.strip()}
    if not add and not remove:
        raise InvalidInput("tag", "required", "name a tag")
    result = StateChange()
    with ws.write() as session:
        for pursuit_id in dict.fromkeys(ids):
            _live(session, pursuit_id)
            before = set(_live_tags(session, pursuit_id))
            after = (before | add) - remove
            if after == before:
                continue
            _write_tags(session, pursuit_id, after)
            result.before.append(PursuitState(pursuit_id, {}, tuple(sorted(before))))
            result.after.append(PursuitState(pursuit_id, {}, tuple(sorted(after))))
            result.changes = result.changes | Changes.of(ChangeKind.PURSUIT, pursuit_id)
    return result


def tags_of(ws: Workspace, pursuit_id: str) -> list[str]:
    with ws.read() as session:
        return sorted(_live_tags(session, pursuit_id))


def all_tags(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return sorted(set(session.scalars(select(PursuitTag.tag).where(PursuitTag.alive))))


def _live_tags(session: Session, pursuit_id: str) -> Iterable[str]:
    return session.scalars(
        select(PursuitTag.tag).where(PursuitTag.pursuit_id == pursuit_id, PursuitTag.alive)
    )


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


# --- reads of one pursuit ----------------------------------------------------------------------
def stage_history(ws: Workspace, pursuit_id: str) -> list[dict[str, object]]:
    """The pursuit's stage changes, oldest first."""
    with ws.read() as session:
        rows = session.scalars(
            select(StageChange)
            .where(StageChange.pursuit_id == pursuit_id, StageChange.alive)
            .order_by(StageChange.changed_at)
        )
        return [records.as_dict(r) | {"changed_at": r.changed_at} for r in rows]


def _live(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


def _account(session: Session, account_id: str | None, name: str) -> tuple[str, bool]:
    """The pursuit's account: a known one, or one found or made by name (True when made)."""
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
    account = Account(id=named_id(session, Account, "account", name), name=name)
    session.add(account)
    session.flush()
    return account.id, True
