"""Visits (拜访): plan a meeting, list what is coming up, record the outcome afterwards.

A visit belongs to one pursuit. Its attendees are memberships (one `VisitAttendee` row per
stakeholder, with a deterministic id, so the same attendee added on two machines is one row) and
must be people of that pursuit. Times are UTC in the database; callers pass aware datetimes or
naive UTC, and week boundaries ("this week", "next week") are taken in the user's time zone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import ScalarSelect, Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound

# Past visits still waiting for their outcome are listed with the upcoming ones for this long
# (defined with the local days, so the agenda reads it without this module's ORM imports).
from desktop.services.local_days import OUTCOME_DUE_DAYS as OUTCOME_DUE_DAYS
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    Pursuit,
    Stakeholder,
    Visit,
    VisitAttendee,
    write_attendees,
)

# Re-exported: screens stamp "now" as the database does (naive UTC) and cannot import storage.
from desktop.storage.tables import utcnow as utcnow

PLAN_FIELDS = (
    "starts_at",
    "duration_minutes",
    "location",
    "our_people",
    "objective",
    "questions",
    "help_wanted",
    "materials",
)
OUTCOME_FIELDS = ("outcome", "learned", "next_steps")
EDITABLE_FIELDS = PLAN_FIELDS + OUTCOME_FIELDS
TEXT_FIELDS = tuple(f for f in EDITABLE_FIELDS if f not in ("starts_at", "duration_minutes"))


# Buckets of the upcoming list, in display order.
NEEDS_OUTCOME = "needs_outcome"
THIS_WEEK = "this_week"
NEXT_WEEK = "next_week"
BUCKETS = (NEEDS_OUTCOME, THIS_WEEK, NEXT_WEEK)


# --- time ---------------------------------------------------------------------------------------
def as_utc(value: datetime) -> datetime:
    """Naive UTC for the database: aware datetimes are converted, naive ones are taken as UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


def to_local(utc: datetime, tz: tzinfo | None = None) -> datetime:
    """An aware datetime in `tz` (the system's zone when None) for a naive UTC one."""
    aware = utc.replace(tzinfo=UTC)
    return aware.astimezone(tz) if tz is not None else aware.astimezone()


def local_midnight_utc(day: date, tz: tzinfo | None = None) -> datetime:
    """The UTC instant (naive) at which `day` begins in `tz` (the system's zone when None)."""
    midnight = datetime.combine(day, datetime.min.time())
    aware = midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()
    return as_utc(aware)


def week_start(day: date) -> date:
    """The Monday of `day`'s week (the Chinese and ISO convention)."""
    return day - timedelta(days=day.weekday())


# --- data the screens read ----------------------------------------------------------------------
@dataclass
class VisitDraft:
    """A new visit as the editor, the CLI or a test describes it."""

    pursuit_id: str
    starts_at: datetime  # aware, or naive UTC
    objective: str
    duration_minutes: int = 60
    location: str = ""
    our_people: str = ""
    questions: str = ""
    help_wanted: str = ""
    materials: str = ""
    attendee_ids: Sequence[str] = ()

    def values(self) -> dict[str, Any]:
        return {
            "starts_at": self.starts_at,
            "duration_minutes": self.duration_minutes,
            "location": self.location,
            "our_people": self.our_people,
            "objective": self.objective,
            "questions": self.questions,
            "help_wanted": self.help_wanted,
            "materials": self.materials,
        }


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One visit as a list shows it (plain data; the upcoming list may hold thousands)."""

    id: str
    pursuit_id: str
    account: str
    pursuit_title: str
    stage: int
    pursuit_status: str
    starts_at: datetime | None  # naive UTC
    duration_minutes: int
    location: str
    objective: str
    our_people: str
    attendees: tuple[str, ...]
    outcome: str
    next_steps: str
    bucket: str = ""  # one of BUCKETS in the upcoming list, "" elsewhere

    @property
    def has_outcome(self) -> bool:
        return bool(self.outcome.strip())

    def ends_at(self) -> datetime | None:
        if self.starts_at is None:
            return None
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def is_past(self, now: datetime) -> bool:
        """Started before `now` (naive UTC)."""
        return self.starts_at is not None and self.starts_at < now


@dataclass
class VisitDetail:
    """Everything the editor shows of one visit."""

    id: str
    pursuit_id: str
    account: str
    pursuit_title: str
    fields: dict[str, Any]
    attendee_ids: list[str] = field(default_factory=list)
    pursuit_next_step: str = ""
    pursuit_next_step_due: date | None = None

    @property
    def starts_at(self) -> datetime | None:
        return self.fields.get("starts_at")


# --- validation -----------------------------------------------------------------------------
def _clean(values: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """Check and normalise visit fields; raise InvalidInput naming the first bad one."""
    unknown = [name for name in values if name not in EDITABLE_FIELDS]
    if unknown:
        raise InvalidInput(unknown[0], "unknown_field", f"a visit has no editable {unknown[0]!r}")
    cleaned = dict(values)
    if "starts_at" in cleaned or creating:
        when = cleaned.get("starts_at")
        if when is None:
            raise InvalidInput("starts_at", "required", "a visit needs a date and time")
        if not isinstance(when, datetime):
            raise InvalidInput("starts_at", "bad_datetime", f"not a date and time: {when!r}")
        cleaned["starts_at"] = as_utc(when)
    for name in TEXT_FIELDS:
        if name in cleaned:
            if not isinstance(cleaned[name], str):
                raise InvalidInput(name, "not_text", f"{name} must be text")
            cleaned[name] = cleaned[name].strip()
    if ("objective" in cleaned or creating) and not cleaned.get("objective"):
        raise InvalidInput("objective", "required", "a visit needs an objective")
    records.validate("visit", cleaned)
    return cleaned


def _live_pursuit(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


def _live_visit(session: Session, visit_id: str) -> Visit:
    """A live visit of a live pursuit: a visit whose pursuit is gone (deleted, or not in a
    restored backup) is listed nowhere, so an edit to it would be lost without a word."""
    visit = session.get(Visit, visit_id)
    if visit is None or not visit.alive:
        raise NotFound(f"visit {visit_id}")
    _live_pursuit(session, visit.pursuit_id)
    return visit


def _changes(visit: Visit) -> Changes:
    return Changes.of(ChangeKind.VISIT, visit.id) | Changes.of(
        ChangeKind.PURSUIT_PART, visit.pursuit_id
    )


def _write_attendees(session: Session, visit: Visit, stakeholder_ids: Iterable[str]) -> bool:
    """Make the visit's attendees exactly `stakeholder_ids`; True when anything changed.

    Refuses anyone who is not a live stakeholder of the visit's pursuit (nothing is written).
    """
    wanted = list(dict.fromkeys(stakeholder_ids))
    if wanted:
        people = dict(
            session.execute(
                select(Stakeholder.id, Stakeholder.pursuit_id).where(
                    Stakeholder.id.in_(wanted), Stakeholder.alive
                )
            ).all()
        )
        strangers = [sid for sid in wanted if people.get(sid) != visit.pursuit_id]
        if strangers:
            raise InvalidInput(
                "attendees",
                "not_in_pursuit",
                f"stakeholder {strangers[0]} is not a person of this visit's pursuit",
            )
    return write_attendees(session, VisitAttendee, "visit_id", visit.id, set(wanted), "attendee")


# --- use-cases ------------------------------------------------------------------------------
def create_visit(
    ws: Workspace, draft: VisitDraft, *, visit_id: str | None = None
) -> tuple[str, Changes]:
    """Plan a visit. A `visit_id` of a deleted visit brings it back (redo of a creation)."""
    values = _clean(draft.values(), creating=True)
    with ws.write() as session:
        _live_pursuit(session, draft.pursuit_id)
        visit = session.get(Visit, visit_id) if visit_id else None
        if visit is None:
            visit = Visit(pursuit_id=draft.pursuit_id, **values)
            if visit_id:
                visit.id = visit_id
            session.add(visit)
        else:
            if visit.pursuit_id != draft.pursuit_id:
                raise InvalidInput("pursuit_id", "read_only", "a visit cannot change pursuit")
            for name, value in values.items():
                setattr(visit, name, value)
            visit.alive = True
            visit.deleted_at = None
        session.flush()
        _write_attendees(session, visit, draft.attendee_ids)
        return visit.id, _changes(visit)


def update_visit(
    ws: Workspace,
    visit_id: str,
    values: Mapping[str, Any],
    attendee_ids: Iterable[str] | None = None,
) -> Changes:
    """Change fields of a visit (and its attendees when given) in one transaction."""
    cleaned = _clean(values, creating=False)
    with ws.write() as session:
        visit = _live_visit(session, visit_id)
        changed = False
        for name, value in cleaned.items():
            if getattr(visit, name) != value:
                setattr(visit, name, value)
                changed = True
        if attendee_ids is not None:
            changed = _write_attendees(session, visit, attendee_ids) or changed
        return _changes(visit) if changed else Changes()


def set_attendees(ws: Workspace, visit_id: str, stakeholder_ids: Iterable[str]) -> Changes:
    return update_visit(ws, visit_id, {}, stakeholder_ids)


def delete_visit(ws: Workspace, visit_id: str) -> Changes:
    """Soft delete (a tombstone that syncs); `restore_visit` brings it back with its attendees."""
    return records.delete(ws, "visit", visit_id)


def restore_visit(ws: Workspace, visit_id: str) -> Changes:
    return records.restore(ws, "visit", visit_id)


def record_outcome(
    ws: Workspace,
    visit_id: str,
    outcome: str,
    learned: str = "",
    next_steps: str = "",
    *,
    pursuit_next_step: str | None = None,
    pursuit_next_step_due: date | None = None,
) -> Changes:
    """After the meeting: what came of it, what we learned, what happens next.

    With `pursuit_next_step`, the pursuit's next step (and its due date) is set in the same
    transaction, so the board shows it at once.
    """
    cleaned = _clean(
        {"outcome": outcome, "learned": learned, "next_steps": next_steps}, creating=False
    )
    with ws.write() as session:
        visit = _live_visit(session, visit_id)
        changes = Changes()
        for name, value in cleaned.items():
            if getattr(visit, name) != value:
                setattr(visit, name, value)
                changes = _changes(visit)
        if pursuit_next_step is not None:
            changes = changes | _set_next_step(
                session, visit.pursuit_id, pursuit_next_step, pursuit_next_step_due
            )
        return changes


def set_pursuit_next_step(
    ws: Workspace, pursuit_id: str, text: str, due: date | None = None
) -> Changes:
    """Set a pursuit's next step and due date (also how undo puts the old one back)."""
    with ws.write() as session:
        return _set_next_step(session, pursuit_id, text, due)


def next_step_from_visit(ws: Workspace, visit_id: str, due: date | None = None) -> Changes:
    """Make the first line of the visit's next steps the pursuit's next step."""
    with ws.write() as session:
        visit = _live_visit(session, visit_id)
        text = first_line(visit.next_steps)
        if not text:
            raise InvalidInput("next_steps", "required", "the visit has no next step")
        return _set_next_step(session, visit.pursuit_id, text, due)


def first_line(text: str) -> str:
    """The first non-empty line, without a leading bullet or number ("1. ", "- ", "• ")."""
    for line in text.splitlines():
        line = line.strip().lstrip("-•*·").strip()
        head, dot, rest = line.partition(".")
        if dot and head.isdigit():
            line = rest.strip()
        if line:
            return line
    return ""


def _set_next_step(session: Session, pursuit_id: str, text: str, due: date | None) -> Changes:
    pursuit = _live_pursuit(session, pursuit_id)
    text = text.strip()
    if due is not None and not isinstance(due, date):
        raise InvalidInput("next_step_due", "bad_date", f"not a date: {due!r}")
    if (pursuit.next_step, pursuit.next_step_due) == (text, due):
        return Changes()
    pursuit.next_step = text
    pursuit.next_step_due = due
    return Changes.of(ChangeKind.PURSUIT, pursuit_id)


# --- reads ----------------------------------------------------------------------------------
def get_visit(ws: Workspace, visit_id: str) -> VisitDetail:
    with ws.read() as session:
        visit = _live_visit(session, visit_id)
        pursuit = session.get(Pursuit, visit.pursuit_id)
        assert pursuit is not None
        account = session.get(Account, pursuit.account_id)
        attendee_ids = list(
            session.scalars(
                select(VisitAttendee.stakeholder_id)
                .join(Stakeholder, Stakeholder.id == VisitAttendee.stakeholder_id)
                .where(VisitAttendee.visit_id == visit_id, VisitAttendee.alive, Stakeholder.alive)
                .order_by(Stakeholder.created_at)
            )
        )
        fields = {name: getattr(visit, name) for name in EDITABLE_FIELDS}
        return VisitDetail(
            id=visit.id,
            pursuit_id=visit.pursuit_id,
            account=account.name if account else "",
            pursuit_title=pursuit.title,
            fields=fields,
            attendee_ids=attendee_ids,
            pursuit_next_step=pursuit.next_step,
            pursuit_next_step_due=pursuit.next_step_due,
        )


def _attendee_names() -> ScalarSelect[str | None]:
    """A correlated subquery: the visit's live attendees' names, joined by U+001F."""
    return (
        select(func.group_concat(Stakeholder.name, "\x1f"))
        .select_from(VisitAttendee)
        .join(Stakeholder, Stakeholder.id == VisitAttendee.stakeholder_id)
        .where(VisitAttendee.visit_id == Visit.id, VisitAttendee.alive, Stakeholder.alive)
        .correlate(Visit)
        .scalar_subquery()
    )


def _rows_query() -> Select[*tuple[Any, ...]]:
    """Every column a `VisitRow` is made of (see `_row`), for the callers to filter and sort."""
    return (
        select(
            Visit.id,
            Visit.pursuit_id,
            Account.name,
            Pursuit.title,
            Pursuit.stage,
            Pursuit.status,
            Visit.starts_at,
            Visit.duration_minutes,
            Visit.location,
            Visit.objective,
            Visit.our_people,
            _attendee_names(),
            Visit.outcome,
            Visit.next_steps,
        )
        .join(Pursuit, Pursuit.id == Visit.pursuit_id)
        .join(Account, Account.id == Pursuit.account_id)
        .where(Visit.alive, Pursuit.alive)
    )


def _row(values: Sequence[Any], bucket: str = "") -> VisitRow:
    names = values[11]
    return VisitRow(
        id=values[0],
        pursuit_id=values[1],
        account=values[2],
        pursuit_title=values[3],
        stage=values[4],
        pursuit_status=values[5],
        starts_at=values[6],
        duration_minutes=values[7],
        location=values[8],
        objective=values[9],
        our_people=values[10],
        attendees=tuple(names.split("\x1f")) if names else (),
        outcome=values[12],
        next_steps=values[13],
        bucket=bucket,
    )


def visits_of(ws: Workspace, pursuit_id: str) -> list[VisitRow]:
    """A pursuit's visits, the latest first (one query)."""
    query = _rows_query().where(Visit.pursuit_id == pursuit_id)
    query = query.order_by(Visit.starts_at.desc())
    with ws.read() as session:
        return [_row(values) for values in session.execute(query)]


def visit_row(ws: Workspace, visit_id: str) -> VisitRow | None:
    with ws.read() as session:
        values = session.execute(_rows_query().where(Visit.id == visit_id)).first()
    return _row(values) if values is not None else None


@dataclass(frozen=True)
class Weeks:
    """The upcoming list's window in naive UTC: [outcome_from, this_week) needs an outcome,
    [this_week, next_week) is this week, [next_week, until) next week."""

    outcome_from: datetime
    this_week: datetime
    next_week: datetime
    until: datetime

    @classmethod
    def around(cls, today: date, tz: tzinfo | None = None) -> Weeks:
        monday = week_start(today)
        return cls(
            outcome_from=local_midnight_utc(today - timedelta(days=OUTCOME_DUE_DAYS), tz),
            this_week=local_midnight_utc(monday, tz),
            next_week=local_midnight_utc(monday + timedelta(days=7), tz),
            until=local_midnight_utc(monday + timedelta(days=14), tz),
        )

    def bucket(self, starts_at: datetime) -> str:
        if starts_at < self.this_week:
            return NEEDS_OUTCOME
        return THIS_WEEK if starts_at < self.next_week else NEXT_WEEK


def upcoming_visits(
    ws: Workspace, *, today: date | None = None, tz: tzinfo | None = None
) -> list[VisitRow]:
    """Visits of this week and next week across all pursuits, in time order, with the past ones
    of the last 30 days that still wait for their outcome (one query).

    `today` and the week boundaries are in `tz` (the system's zone when None); weeks start on
    Monday.
    """
    if today is None:
        today = to_local(utcnow(), tz).date()
    weeks = Weeks.around(today, tz)
    query = (
        _rows_query()
        .where(
            # One range on the starts_at index; the past part only where the outcome is missing.
            Visit.starts_at >= weeks.outcome_from,
            Visit.starts_at < weeks.until,
            or_(Visit.starts_at >= weeks.this_week, Visit.outcome == ""),
        )
        .order_by(Visit.starts_at, Account.name)
    )
    with ws.read() as session:
        rows = [_row(values) for values in session.execute(query)]
    return [replace(row, bucket=weeks.bucket(row.starts_at)) for row in rows if row.starts_at]


def visits_between(
    ws: Workspace, first: date, last: date, *, tz: tzinfo | None = None
) -> list[VisitRow]:
    """Every visit from local day `first` to local day `last` (both included) across all
    pursuits, past and coming, in time order (one range on the starts_at index)."""
    query = (
        _rows_query()
        .where(
            Visit.starts_at >= local_midnight_utc(first, tz),
            Visit.starts_at < local_midnight_utc(last + timedelta(days=1), tz),
        )
        .order_by(Visit.starts_at, Account.name)
    )
    with ws.read() as session:
        return [_row(values) for values in session.execute(query)]


def upcoming_ids(ws: Workspace, *, now: datetime | None = None, days: int = 14) -> list[str]:
    """Ids of the visits that start from `now` (naive UTC) within `days`, in time order."""
    now = as_utc(now) if now is not None else utcnow()
    query = (
        select(Visit.id)
        .join(Pursuit, Pursuit.id == Visit.pursuit_id)
        .where(
            Visit.alive,
            Pursuit.alive,
            Visit.starts_at >= now,
            Visit.starts_at < now + timedelta(days=days),
        )
        .order_by(Visit.starts_at)
    )
    with ws.read() as session:
        return list(session.scalars(query))
