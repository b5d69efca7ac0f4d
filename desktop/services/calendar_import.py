"""A meeting a customer sent (an .ics file) brought onto a pursuit as a visit or an activity.

Reading and importing are two steps so the screen can show what the file holds before anything
is written: `read_calendar` checks the file and turns each VEVENT into an `EventDraft`;
`import_events` writes the chosen drafts on one pursuit in one transaction and returns what it
made with the `Changes`; `remove_imported` takes them back (the undo), also in one transaction.

The file:
- at most `MAX_BYTES` (5 MB — a year of a busy calendar is well under 1 MB); a bigger one is
  refused before it is read;
- parsed by the `icalendar` package; a file it cannot read, or that holds no VCALENDAR, is refused
  with one error (`CalendarFileError`, code "malformed"), nothing is half-read;
- times honour TZID (and the file's own VTIMEZONE definitions), UTC ("…Z"), and floating times
  (no zone), which are read as local times of this computer (RFC 5545 3.3.5); they are stored as
  naive UTC like every time in the database. An all-day event (DATE values) stays a day;
- a recurring event (RRULE or RDATE) is *refused*, not expanded: its draft carries the problem
  `RECURRING` and `import_events` skips it. Importing only "the next occurrence" would silently
  drop the series, and a series belongs in the calendar, not in a pursuit's visits.

Importing the same file twice makes nothing twice: each event's record id is derived from the
pursuit and the event's UID (and RECURRENCE-ID, for an edited occurrence), so a second import finds
the first's records and skips them; an import undone and imported again brings the same records
back. An event's DESCRIPTION becomes a dated note on the pursuit (visits and activities have no
free-text notes field of their own), SUMMARY the subject (a visit's objective), LOCATION a visit's
location.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import icalendar
from sqlalchemy.orm import Session

from desktop.domain.text import strip_controls
from desktop.services import activities, records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Activity,
    Note,
    Pursuit,
    Synced,
    Visit,
    membership_id,
    utcnow,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 5000  # a file with more is an export of a whole calendar, not a meeting

VISIT = "visit"
ACTIVITY = "activity"
AS_KINDS = (VISIT, ACTIVITY)

# Why an event cannot be imported (EventDraft.problem).
RECURRING = "recurring"
NO_START = "no_start"

_VISIT_MAX_MINUTES = 24 * 60  # a visit lasts at most a day (records' rule)
_UNTITLED = ("日历事件", "Calendar event")


class CalendarFileError(InvalidInput):
    """The file cannot be imported at all (code "too_big", "unreadable", "malformed" or
    "no_events"). Nothing was read into the database."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__("file", code, message)


@dataclass(frozen=True, slots=True)
class EventDraft:
    """One VEVENT as it would be imported. Times are naive UTC; an all-day event has `day` (its
    first day) and `days` instead of `starts_at`."""

    key: str  # UID (with RECURRENCE-ID), or a digest of the event when it has none
    subject: str
    starts_at: datetime | None
    duration_minutes: int | None
    day: date | None
    days: int
    location: str
    notes: str
    problem: str = ""  # "" when it can be imported, else RECURRING or NO_START

    @property
    def all_day(self) -> bool:
        return self.day is not None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What `import_events` made (ids), how many events it skipped as already there or not
    importable, and the Changes to broadcast."""

    visit_ids: tuple[str, ...]
    activity_ids: tuple[str, ...]
    note_ids: tuple[str, ...]
    skipped: int
    changes: Changes

    @property
    def count(self) -> int:
        return len(self.visit_ids) + len(self.activity_ids)


# --- reading ------------------------------------------------------------------------------------
def read_calendar(
    path: Path | str, *, tz: tzinfo | None = None, lang: str = "zh"
) -> list[EventDraft]:
    """The events of the .ics file at `path`, in the order of their start (`tz` is the zone of
    floating times, the computer's when None). Raises CalendarFileError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CalendarFileError(
                "too_big", f"{path.name} is {size} bytes; a calendar file has at most {MAX_BYTES}"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarFileError("unreadable", f"{path}: {exc.strerror or exc}") from exc
    return parse_calendar(data, tz=tz, lang=lang)


def parse_calendar(data: bytes, *, tz: tzinfo | None = None, lang: str = "zh") -> list[EventDraft]:
    """The events of an .ics file's bytes (see `read_calendar`)."""
    if len(data) > MAX_BYTES:
        raise CalendarFileError("too_big", f"{len(data)} bytes; at most {MAX_BYTES}")
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
        events = [e for cal in calendars for e in cal.walk("VEVENT")]
        if not calendars or any(cal.name != "VCALENDAR" for cal in calendars):
            raise ValueError("not an iCalendar file (no VCALENDAR)")
        if len(events) > MAX_EVENTS:
            raise CalendarFileError("too_big", f"{len(events)} events; at most {MAX_EVENTS}")
        drafts = [_draft(event, tz, lang) for event in events]
    except CalendarFileError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, UnicodeError) as exc:
        raise CalendarFileError("malformed", f"not a readable iCalendar file: {exc}") from exc
    if not drafts:
        raise CalendarFileError("no_events", "the file holds no events")
    return sorted(drafts, key=_start_order)


def _start_order(draft: EventDraft) -> datetime:
    if draft.starts_at is not None:
        return draft.starts_at
    if draft.day is not None:
        return datetime.combine(draft.day, datetime.min.time())
    return datetime.max


def _text(event: icalendar.Component, name: str) -> str:
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, list):  # a property given twice: keep the first
        value = value[0]
    return strip_controls(str(value)).strip()


def _utc(moment: datetime, tz: tzinfo | None) -> datetime:
    """Naive UTC for an aware time, or a floating one read as local in `tz`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz) if tz is not None else moment.astimezone()
    return moment.astimezone(UTC).replace(tzinfo=None)


def _decoded(event: icalendar.Component, name: str) -> Any:
    return event.decoded(name) if name in event else None


def _draft(event: icalendar.Component, tz: tzinfo | None, lang: str) -> EventDraft:
    subject = _text(event, "SUMMARY")[: activities.MAX_SUBJECT]
    subject = subject or (_UNTITLED[0] if lang.startswith("zh") else _UNTITLED[1])
    location = _text(event, "LOCATION")
    notes = _text(event, "DESCRIPTION")
    start = _decoded(event, "DTSTART")
    end = _decoded(event, "DTEND")
    length = _decoded(event, "DURATION")
    uid = _text(event, "UID")
    recurrence = _decoded(event, "RECURRENCE-ID")
    if uid:
        key = uid if recurrence is None else f"{uid}#{recurrence.isoformat()}"
    else:  # no UID: the same meeting read again gets the same key (DTSTAMP left out: it
        # changes with every export of an unchanged event)
        start_text = start.isoformat() if isinstance(start, date) else ""
        raw = "\x1f".join((subject, start_text, location)).encode()
        key = "sha1:" + hashlib.sha1(raw, usedforsecurity=False).hexdigest()
    problem = RECURRING if ("RRULE" in event or "RDATE" in event) else ""
    if not isinstance(start, date):
        return EventDraft(key, subject, None, None, None, 1, location, notes, problem or NO_START)
    if isinstance(start, datetime):
        starts_at = _utc(start, tz)
        minutes: int | None = None
        if isinstance(end, datetime):
            minutes = int((_utc(end, tz) - starts_at).total_seconds() // 60)
        elif isinstance(length, timedelta):
            minutes = int(length.total_seconds() // 60)
        if minutes is not None and minutes <= 0:
            minutes = None  # a moment, not a meeting with a length
        if minutes is not None:
            minutes = min(minutes, activities.MAX_DURATION)
        return EventDraft(key, subject, starts_at, minutes, None, 1, location, notes, problem)
    days = 1
    if isinstance(end, date) and not isinstance(end, datetime):
        days = max(1, (end - start).days)
    elif isinstance(length, timedelta):
        days = max(1, length.days)
    return EventDraft(key, subject, None, None, start, days, location, notes, problem)


# --- importing ----------------------------------------------------------------------------------
def event_record_id(pursuit_id: str, key: str) -> str:
    """The id of the visit or activity an event becomes on a pursuit (the same on every import
    and every machine)."""
    return membership_id("calendar_event", pursuit_id, key)


def _note_id(pursuit_id: str, key: str) -> str:
    return membership_id("calendar_event_note", pursuit_id, key)


def _live_pursuit(session: Session, pursuit_id: str) -> Pursuit:
    pursuit = session.get(Pursuit, pursuit_id)
    if pursuit is None or not pursuit.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    return pursuit


def _already_there(session: Session, record_id: str) -> bool:
    tables: tuple[type[Synced], ...] = (Visit, Activity)
    return any(
        (record := session.get(table, record_id)) is not None and record.alive for table in tables
    )


def _revivable(session: Session, table: type[Synced], record_id: str) -> Any:
    """The deleted record of an earlier import (to bring back), or None; a purged one is gone
    for good."""
    record = session.get(table, record_id)
    if record is not None and record.purged:
        raise NotFound(f"{table.kind} {record_id} (purged)")
    return record


def import_events(
    ws: Workspace,
    pursuit_id: str,
    chosen: Sequence[tuple[EventDraft, str]],
    *,
    tz: tzinfo | None = None,
) -> ImportResult:
    """Write each (draft, VISIT or ACTIVITY) on the pursuit, in one transaction. Events already
    imported on this pursuit (alive, as either kind) and events with a problem are skipped.
    `tz` is the zone whose day an all-day event means (the computer's when None)."""
    for _, kind in chosen:
        if kind not in AS_KINDS:
            raise InvalidInput("kind", "unknown", f"import as {AS_KINDS}, not {kind!r}")
    made_visits: list[str] = []
    made_activities: list[str] = []
    made_notes: list[str] = []
    skipped = 0
    with ws.write() as session:
        pursuit = _live_pursuit(session, pursuit_id)
        seen: set[str] = set()
        for draft, kind in chosen:
            record_id = event_record_id(pursuit_id, draft.key)
            if draft.problem or record_id in seen or _already_there(session, record_id):
                skipped += 1
                continue
            seen.add(record_id)
            if kind == VISIT:
                _write_visit(session, pursuit, record_id, draft, tz)
                made_visits.append(record_id)
            else:
                _write_activity(session, pursuit, record_id, draft, tz)
                made_activities.append(record_id)
            if draft.notes:
                made_notes.append(_write_note(session, pursuit, draft))
        session.flush()
    changes = Changes()
    if made_visits or made_activities or made_notes:
        changes = (
            Changes.of(ChangeKind.VISIT, *made_visits)
            | Changes.of(ChangeKind.ACTIVITY, *made_activities)
            | Changes.of(ChangeKind.NOTE, *made_notes)
            | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
        )
    return ImportResult(
        tuple(made_visits), tuple(made_activities), tuple(made_notes), skipped, changes
    )


def _local_midnight_utc(day: date, tz: tzinfo | None) -> datetime:
    return activities.to_utc(day, datetime.min.time(), tz).replace(tzinfo=None)


def _write_visit(
    session: Session, pursuit: Pursuit, record_id: str, draft: EventDraft, tz: tzinfo | None
) -> None:
    if draft.day is not None:  # all day: from local midnight, for the day
        starts_at = _local_midnight_utc(draft.day, tz)
        minutes = _VISIT_MAX_MINUTES
    else:
        assert draft.starts_at is not None  # a draft without a start has a problem
        starts_at = draft.starts_at
        minutes = min(draft.duration_minutes or 60, _VISIT_MAX_MINUTES)
    values = {
        "starts_at": starts_at,
        "duration_minutes": minutes,
        "location": draft.location,
        "objective": draft.subject,
    }
    records.validate("visit", values)
    visit = _revivable(session, Visit, record_id)
    if visit is None:
        visit = Visit(id=record_id, pursuit_id=pursuit.id)
        session.add(visit)
    elif visit.pursuit_id != pursuit.id:  # (ids are per pursuit: never so)
        raise InvalidInput("pursuit_id", "read_only", "a visit cannot change pursuit")
    for name, value in values.items():
        setattr(visit, name, value)
    visit.alive = True
    visit.deleted_at = None


def _write_activity(
    session: Session, pursuit: Pursuit, record_id: str, draft: EventDraft, tz: tzinfo | None
) -> None:
    activity = _revivable(session, Activity, record_id)
    if activity is None:
        activity = Activity(id=record_id)
        session.add(activity)
    activity.activity_kind = activities.MEETING
    activity.subject = draft.subject
    activity.pursuit_id = pursuit.id
    activity.account_id = pursuit.account_id
    if draft.starts_at is not None:
        activity.due_at = draft.starts_at
        activity.due_on = activities.to_local(draft.starts_at, tz).date()
        activity.duration_minutes = draft.duration_minutes
    else:
        activity.due_at = None
        activity.due_on = draft.day
        activity.duration_minutes = None
    activity.done = False
    activity.done_at = None
    activity.outcome = ""
    activity.step_key = None
    activity.alive = True
    activity.deleted_at = None


def _write_note(session: Session, pursuit: Pursuit, draft: EventDraft) -> str:
    note_id = _note_id(pursuit.id, draft.key)
    note = session.get(Note, note_id)
    if note is not None and note.purged:
        raise NotFound(f"note {note_id} (purged)")
    if note is None:
        note = Note(id=note_id)
        session.add(note)
    note.pursuit_id = pursuit.id
    note.account_id = pursuit.account_id
    note.body = f"{draft.subject}\n{draft.notes}"
    note.noted_at = utcnow()
    note.alive = True
    note.deleted_at = None
    return note_id


def remove_imported(
    ws: Workspace,
    visit_ids: Iterable[str] = (),
    activity_ids: Iterable[str] = (),
    note_ids: Iterable[str] = (),
) -> Changes:
    """Delete (tombstone) what an import made, in one transaction: its undo."""
    changes = Changes()
    with ws.write() as session:
        now = utcnow()
        made: tuple[tuple[type[Synced], ChangeKind, Iterable[str]], ...] = (
            (Visit, ChangeKind.VISIT, visit_ids),
            (Activity, ChangeKind.ACTIVITY, activity_ids),
            (Note, ChangeKind.NOTE, note_ids),
        )
        for table, kind, ids in made:
            for record_id in ids:
                record = session.get(table, record_id)
                if record is None or not record.alive:
                    continue
                record.alive = False
                record.deleted_at = now
                changes = changes | Changes.of(kind, record_id)
                pursuit_id = getattr(record, "pursuit_id", None)
                if pursuit_id:
                    changes = changes | Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)
    return changes
