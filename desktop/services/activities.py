"""Activities and notes: what the rep plans and logs day by day (calls, meetings, emails, tasks,
notes-to-self; dated notes on a pursuit, an account or a person).

One model for meetings: a *visit* (services.visits) is the meeting with a plan — objective,
questions, materials, a printed page — and stays its own record; an activity of kind "meeting" is
a meeting without one. They are not two unrelated lists: the agenda (services.queries.agenda) and
the timeline (services.queries.timeline) list visits beside activities, and the rules that ask
"is anything scheduled?" and "when was it last touched?" count both.

Times: an activity has a calendar day (`due_on`) and, optionally, a local time of day. A time is
stored as the UTC instant (`due_at`) with `due_on` its local day; screens show it local again
(`local_due`). Moving an activity by whole days keeps its local time of day, across a daylight-
saving change too. A due date in the past is allowed (logging what happened), a *done* activity
dated after today is not.

Every use-case here is one transaction returning `Changes` (ChangeKind.ACTIVITY / NOTE, and the
pursuit as PURSUIT_PART, since its last touch and next step follow its activities).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services import records
from desktop.services.changes import ChangeKind, Changes
from desktop.services.errors import InvalidInput, NotFound

# The time helpers live in local_days (no ORM there); these names stay for this module's callers.
from desktop.services.local_days import local_due as local_due
from desktop.services.local_days import local_today as local_today
from desktop.services.local_days import to_local as to_local
from desktop.services.local_days import to_utc as to_utc
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    Activity,
    ActivityAttendee,
    Note,
    Pursuit,
    Stakeholder,
    StepProgress,
    membership_id,
    utcnow,
    write_attendees,
)

CALL = "call"
MEETING = "meeting"
EMAIL = "email"
TASK = "task"
NOTE_TO_SELF = "note_to_self"
KINDS = (CALL, MEETING, EMAIL, TASK, NOTE_TO_SELF)

MAX_DURATION = 24 * 60 * 14  # two weeks, in minutes: beyond that it is a project, not a meeting
MAX_SUBJECT = 500


# --- drafts -------------------------------------------------------------------------------------
@dataclass
class ActivityDraft:
    """An activity as the editor, the CLI or a test describes it (times are local wall times)."""

    subject: str
    activity_kind: str = TASK
    pursuit_id: str | None = None
    account_id: str | None = None
    due_on: date | None = None
    due_time: time | None = None
    duration_minutes: int | None = None
    attendee_ids: Sequence[str] = ()
    step_key: str | None = None  # the methodology step it comes from


@dataclass(frozen=True, slots=True)
class ActivityDetail:
    """One activity as an editor shows it (local day and time)."""

    id: str
    activity_kind: str
    subject: str
    pursuit_id: str | None
    account_id: str | None
    due_on: date | None
    due_time: time | None
    duration_minutes: int | None
    done: bool
    done_at: datetime | None  # naive UTC
    outcome: str
    step_key: str | None
    attendee_ids: tuple[str, ...] = field(default=())

    def draft(self) -> ActivityDraft:
        """The fields an edit replaces, e.g. to undo one."""
        return ActivityDraft(
            subject=self.subject,
            activity_kind=self.activity_kind,
            pursuit_id=self.pursuit_id,
            account_id=self.account_id,
            due_on=self.due_on,
            due_time=self.due_time,
            duration_minutes=self.duration_minutes,
            attendee_ids=self.attendee_ids,
            step_key=self.step_key,
        )


# --- checks -------------------------------------------------------------------------------------
def _check_draft(draft: ActivityDraft) -> None:
    if draft.activity_kind not in KINDS:
        raise InvalidInput(
            "activity_kind", "unknown", f"not an activity kind: {draft.activity_kind}"
        )
    subject = draft.subject.strip()
    if not subject:
        raise InvalidInput("subject", "required", "an activity needs a subject")
    if len(subject) > MAX_SUBJECT:
        raise InvalidInput("subject", "too_long", f"a subject has at most {MAX_SUBJECT} characters")
    if draft.due_time is not None and draft.due_on is None:
        raise InvalidInput("due_on", "required", "a time needs a day")
    duration = draft.duration_minutes
    if duration is not None and (
        not isinstance(duration, int)
        or isinstance(duration, bool)
        or not 0 < duration <= MAX_DURATION
    ):
        raise InvalidInput("duration_minutes", "out_of_range", f"1–{MAX_DURATION} minutes")
    if not draft.pursuit_id and not draft.account_id:
        raise InvalidInput("pursuit_id", "required", "an activity is on a pursuit or an account")


def _links(
    session: Session, pursuit_id: str | None, account_id: str | None
) -> tuple[str | None, str | None]:
    """The live pursuit and account; the account of a pursuit is filled in when not given."""
    if pursuit_id:
        pursuit = session.get(Pursuit, pursuit_id)
        if pursuit is None or not pursuit.alive:
            raise NotFound(f"pursuit {pursuit_id}")
        if account_id and account_id != pursuit.account_id:
            raise InvalidInput("account_id", "mismatch", "the pursuit is another account's")
        account_id = pursuit.account_id
    if account_id:
        account = session.get(Account, account_id)
        if account is None or not account.alive:
            raise NotFound(f"account {account_id}")
    return pursuit_id, account_id


def _live(session: Session, activity_id: str) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or not activity.alive:
        raise NotFound(f"activity {activity_id}")
    return activity


def _changes(activity: Activity) -> Changes:
    changes = Changes.of(ChangeKind.ACTIVITY, activity.id)
    if activity.pursuit_id:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, activity.pursuit_id)
    return changes


def _refuse_done_in_future(activity: Activity, tz: tzinfo | None) -> None:
    day, _ = local_due(activity.due_on, activity.due_at, tz)
    if day is not None and day > local_today(tz):
        raise InvalidInput(
            "due_on", "done_in_future", "an activity dated after today cannot be done yet"
        )


def _apply(activity: Activity, draft: ActivityDraft, tz: tzinfo | None) -> None:
    activity.activity_kind = draft.activity_kind
    activity.subject = draft.subject.strip()
    activity.pursuit_id = draft.pursuit_id
    activity.account_id = draft.account_id
    if draft.due_on is not None and draft.due_time is not None:
        activity.due_at = to_utc(draft.due_on, draft.due_time, tz)
    else:
        activity.due_at = None
    activity.due_on = draft.due_on
    activity.duration_minutes = draft.duration_minutes
    activity.step_key = draft.step_key


def _write_attendees(session: Session, activity: Activity, stakeholder_ids: Iterable[str]) -> bool:
    """Make the activity's attendees exactly `stakeholder_ids` (people of its pursuit or
    account); True when anything changed."""
    wanted = list(dict.fromkeys(stakeholder_ids))
    if wanted:
        people = session.execute(
            select(Stakeholder.id, Stakeholder.pursuit_id, Stakeholder.account_id).where(
                Stakeholder.id.in_(wanted), Stakeholder.alive
            )
        ).all()
        known = {
            sid
            for sid, pursuit_id, account_id in people
            if (activity.pursuit_id and pursuit_id == activity.pursuit_id)
            or (not activity.pursuit_id and account_id == activity.account_id)
        }
        strangers = [sid for sid in wanted if sid not in known]
        if strangers:
            raise InvalidInput(
                "attendees",
                "not_in_pursuit",
                f"stakeholder {strangers[0]} is not one of its people",
            )
    return write_attendees(
        session, ActivityAttendee, "activity_id", activity.id, set(wanted), "activity_attendee"
    )


# --- use-cases: activities ----------------------------------------------------------------------
def create_activity(
    ws: Workspace,
    draft: ActivityDraft,
    *,
    activity_id: str | None = None,
    tz: tzinfo | None = None,
) -> tuple[str, Changes]:
    """Plan (or log) an activity. A given id of a deleted activity brings it back (redo)."""
    _check_draft(draft)
    with ws.write() as session:
        pursuit_id, account_id = _links(session, draft.pursuit_id, draft.account_id)
        draft = replace(draft, pursuit_id=pursuit_id, account_id=account_id)
        activity = session.get(Activity, activity_id) if activity_id else None
        if activity is not None and activity.purged:
            raise NotFound(f"activity {activity_id} (purged)")
        if activity is None:
            activity = Activity(done=False, outcome="")
            if activity_id:
                activity.id = activity_id
            session.add(activity)
        else:  # brought back: planned again, as when it was first made
            activity.alive = True
            activity.deleted_at = None
            activity.done = False
            activity.done_at = None
        _apply(activity, draft, tz)
        session.flush()
        _write_attendees(session, activity, draft.attendee_ids)
        return activity.id, _changes(activity)


def edit_activity(
    ws: Workspace, activity_id: str, draft: ActivityDraft, *, tz: tzinfo | None = None
) -> Changes:
    """Replace an activity's fields and attendees with `draft`'s (one transaction)."""
    _check_draft(draft)
    with ws.write() as session:
        activity = _live(session, activity_id)
        pursuit_id, account_id = _links(session, draft.pursuit_id, draft.account_id)
        draft = replace(draft, pursuit_id=pursuit_id, account_id=account_id)
        before = _changes(activity)
        _apply(activity, draft, tz)
        if activity.done:
            _refuse_done_in_future(activity, tz)
        modified = session.is_modified(activity)
        attendees = _write_attendees(session, activity, draft.attendee_ids)
        if not modified and not attendees:
            return Changes()
        return before | _changes(activity)


def complete_activity(
    ws: Workspace,
    activity_id: str,
    outcome: str = "",
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Changes:
    """Mark an activity done with what came of it. An activity dated after today is refused
    (it cannot have happened yet: reschedule it first). The methodology step it was made from,
    if any, is marked done too."""
    with ws.write() as session:
        activity = _live(session, activity_id)
        _refuse_done_in_future(activity, tz)
        activity.done = True
        activity.done_at = (now or utcnow()).replace(microsecond=0)
        activity.outcome = outcome.strip()
        changes = _changes(activity)
        if activity.step_key and activity.pursuit_id:
            changes = changes | _mark_step(session, activity.pursuit_id, activity.step_key, True)
        return changes


def reopen_activity(ws: Workspace, activity_id: str) -> Changes:
    """Not done after all (the undo of `complete_activity`); the outcome text is kept."""
    with ws.write() as session:
        activity = _live(session, activity_id)
        if not activity.done:
            return Changes()
        activity.done = False
        activity.done_at = None
        changes = _changes(activity)
        if activity.step_key and activity.pursuit_id:
            changes = changes | _mark_step(session, activity.pursuit_id, activity.step_key, False)
        return changes


def _mark_step(session: Session, pursuit_id: str, step_key: str, done: bool) -> Changes:
    step_id = membership_id("step", pursuit_id, step_key)
    progress = session.get(StepProgress, step_id)
    if progress is None:
        progress = StepProgress(id=step_id, pursuit_id=pursuit_id, step_key=step_key, done=done)
        session.add(progress)
    elif progress.done == done and progress.alive:
        return Changes()
    progress.done = done
    progress.alive = True
    progress.deleted_at = None
    return Changes.of(ChangeKind.PURSUIT_PART, pursuit_id)


def reschedule_activity(
    ws: Workspace,
    activity_id: str,
    due_on: date | None,
    due_time: time | None = None,
    *,
    keep_time: bool = True,
    tz: tzinfo | None = None,
) -> Changes:
    """Move an activity to another day (None: no date). Its local time of day is kept unless
    `keep_time` is False, in which case `due_time` (or none) is set."""
    with ws.write() as session:
        activity = _live(session, activity_id)
        _, old_time = local_due(activity.due_on, activity.due_at, tz)
        at = old_time if keep_time else due_time
        activity.due_on = due_on
        activity.due_at = to_utc(due_on, at, tz) if due_on is not None and at is not None else None
        if activity.done:
            _refuse_done_in_future(activity, tz)
        return _changes(activity) if session.is_modified(activity) else Changes()


def shift_activity(
    ws: Workspace, activity_id: str, days: int, *, tz: tzinfo | None = None
) -> Changes:
    """Move an activity by whole days (Ctrl+Right on the Today screen), keeping its local time of
    day; one with no date moves from today."""
    with ws.read() as session:
        activity = _live(session, activity_id)
        day, _ = local_due(activity.due_on, activity.due_at, tz)
    start = day or local_today(tz)
    return reschedule_activity(ws, activity_id, start + timedelta(days=days), tz=tz)


def delete_activity(ws: Workspace, activity_id: str) -> Changes:
    """Soft delete (a tombstone that syncs); `restore_activity` brings it back."""
    return records.delete(ws, ChangeKind.ACTIVITY, activity_id)


def restore_activity(ws: Workspace, activity_id: str) -> Changes:
    return records.restore(ws, ChangeKind.ACTIVITY, activity_id)


def get_activity(ws: Workspace, activity_id: str, *, tz: tzinfo | None = None) -> ActivityDetail:
    with ws.read() as session:
        activity = _live(session, activity_id)
        attendees = tuple(
            session.scalars(
                select(ActivityAttendee.stakeholder_id)
                .where(ActivityAttendee.activity_id == activity_id, ActivityAttendee.alive)
                .order_by(ActivityAttendee.stakeholder_id)
            )
        )
        day, at = local_due(activity.due_on, activity.due_at, tz)
        return ActivityDetail(
            id=activity.id,
            activity_kind=activity.activity_kind,
            subject=activity.subject,
            pursuit_id=activity.pursuit_id,
            account_id=activity.account_id,
            due_on=day,
            due_time=at,
            duration_minutes=activity.duration_minutes,
            done=activity.done,
            done_at=activity.done_at,
            outcome=activity.outcome,
            step_key=activity.step_key,
            attendee_ids=attendees,
        )


# --- methodology steps as activities ------------------------------------------------------------
def open_steps(ws: Workspace, pursuit_id: str) -> list[str]:
    """The current stage's steps that are neither done nor already an open activity, in the
    method's order."""
    with ws.read() as session:
        return _open_steps(session, ws, pursuit_id)


def _open_steps(session: Session, ws: Workspace, pursuit_id: str) -> list[str]:
    # Its stage only: not the whole record with its sync metadata.
    found = session.execute(
        select(Pursuit.stage, Pursuit.alive).where(Pursuit.id == pursuit_id)
    ).first()
    if found is None or not found.alive:
        raise NotFound(f"pursuit {pursuit_id}")
    done = set(
        session.scalars(
            select(StepProgress.step_key).where(
                StepProgress.pursuit_id == pursuit_id, StepProgress.alive, StepProgress.done
            )
        )
    )
    # Filtered here, not in SQL: with `alive = 1 AND done = 0` SQLite walks the agenda's index
    # (every open activity: 150 ms at 50,000) instead of the pursuit's few.
    planned = {
        step_key
        for step_key, alive, done in session.execute(
            select(Activity.step_key, Activity.alive, Activity.done).where(
                Activity.pursuit_id == pursuit_id, Activity.step_key.is_not(None)
            )
        )
        if alive and not done
    }
    return [
        step.key
        for step in ws.catalog.stage(found.stage).steps
        if step.key not in done and step.key not in planned
    ]


def buried_with_pursuit(session: Session, pursuit_id: str) -> list[tuple[str, str]]:
    """(kind, id) of a pursuit's live activities and of their live attendees: deleting the
    pursuit tombstones them in its transaction (so the deletion syncs to them too, rather than
    hiding them behind the pursuit's tombstone), and its undo brings them back."""
    # `alive` read, not filtered in SQL: `alive = 1` sends SQLite down the agenda's index.
    activity_ids = [
        activity_id
        for activity_id, alive in session.execute(
            select(Activity.id, Activity.alive).where(Activity.pursuit_id == pursuit_id)
        )
        if alive
    ]
    refs = [(ChangeKind.ACTIVITY.value, activity_id) for activity_id in activity_ids]
    for start in range(0, len(activity_ids), 500):
        refs += [
            (ChangeKind.ACTIVITY_ATTENDEE.value, attendee_id)
            for attendee_id, alive in session.execute(
                select(ActivityAttendee.id, ActivityAttendee.alive).where(
                    ActivityAttendee.activity_id.in_(activity_ids[start : start + 500])
                )
            )
            if alive
        ]
    return refs


def step_activity_id(pursuit_id: str, step_key: str) -> str:
    """One activity per step and pursuit on every machine (two laptops converting the same step
    make one record)."""
    return membership_id("activity_step", pursuit_id, step_key)


def next_suggestion(
    ws: Workspace, pursuit_id: str, *, lang: str = "zh_CN", today: date | None = None
) -> ActivityDraft | None:
    """What to do next on a pursuit (offered when an activity is done): its current stage's first
    open step as a task for tomorrow, or None when every step is done or planned."""
    keys = open_steps(ws, pursuit_id)
    if not keys:
        return None
    step = ws.catalog.step(keys[0])
    return ActivityDraft(
        subject=step.text(lang),
        activity_kind=TASK,
        pursuit_id=pursuit_id,
        due_on=(today or local_today()) + timedelta(days=1),
        step_key=step.key,
    )


def activities_from_steps(
    ws: Workspace,
    pursuit_id: str,
    *,
    due_on: date | None = None,
    lang: str = "zh_CN",
) -> tuple[list[str], Changes]:
    """Turn the current stage's open methodology steps into tasks, in one transaction. Each
    takes the step's own due date when it has one, else `due_on`. Returns the new ids."""
    with ws.write() as session:
        keys = _open_steps(session, ws, pursuit_id)
        pursuit = session.get(Pursuit, pursuit_id)
        assert pursuit is not None  # _open_steps checked it
        step_due = dict(
            session.execute(
                select(StepProgress.step_key, StepProgress.due_on).where(
                    StepProgress.pursuit_id == pursuit_id, StepProgress.alive
                )
            ).all()
        )
        made: list[str] = []
        changes = Changes()
        for key in keys:
            activity_id = step_activity_id(pursuit_id, key)
            activity = session.get(Activity, activity_id)
            if activity is None:
                activity = Activity(id=activity_id)
                session.add(activity)
            elif activity.purged:
                continue
            activity.alive = True
            activity.deleted_at = None
            activity.activity_kind = TASK
            activity.subject = ws.catalog.step(key).text(lang)
            activity.pursuit_id = pursuit_id
            activity.account_id = pursuit.account_id
            activity.due_on = step_due.get(key) or due_on
            activity.due_at = None
            activity.done = False
            activity.done_at = None
            activity.outcome = activity.outcome or ""
            activity.step_key = key
            made.append(activity_id)
            changes = changes | _changes(activity)
        return made, changes


# --- notes --------------------------------------------------------------------------------------
def add_note(
    ws: Workspace,
    body: str,
    *,
    pursuit_id: str | None = None,
    account_id: str | None = None,
    stakeholder_id: str | None = None,
    noted_at: datetime | None = None,
    note_id: str | None = None,
) -> tuple[str, Changes]:
    """A dated note on a pursuit, an account or a person (now when `noted_at` is None; aware or
    naive UTC). A note on a person is also on the person's pursuit and account."""
    text = body.strip()
    if not text:
        raise InvalidInput("body", "required", "a note needs some text")
    with ws.write() as session:
        if stakeholder_id:
            person = session.get(Stakeholder, stakeholder_id)
            if person is None or not person.alive:
                raise NotFound(f"stakeholder {stakeholder_id}")
            pursuit_id = pursuit_id or person.pursuit_id
            if pursuit_id != person.pursuit_id:
                raise InvalidInput("pursuit_id", "mismatch", "the person is another pursuit's")
        if not (pursuit_id or account_id):
            raise InvalidInput(
                "pursuit_id", "required", "a note is on a pursuit, account or person"
            )
        pursuit_id, account_id = _links(session, pursuit_id, account_id)
        when = noted_at or utcnow()
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        note = session.get(Note, note_id) if note_id else None
        if note is not None and note.purged:
            raise NotFound(f"note {note_id} (purged)")
        if note is None:
            note = Note()
            if note_id:
                note.id = note_id
            session.add(note)
        note.alive = True
        note.deleted_at = None
        note.body = text
        note.pursuit_id = pursuit_id
        note.account_id = account_id
        note.stakeholder_id = stakeholder_id
        note.noted_at = when.replace(microsecond=0)
        session.flush()
        return note.id, _note_changes(note)


def edit_note(ws: Workspace, note_id: str, body: str) -> Changes:
    text = body.strip()
    if not text:
        raise InvalidInput("body", "required", "a note needs some text")
    with ws.write() as session:
        note = session.get(Note, note_id)
        if note is None or not note.alive:
            raise NotFound(f"note {note_id}")
        if note.body == text:
            return Changes()
        note.body = text
        return _note_changes(note)


def delete_note(ws: Workspace, note_id: str) -> Changes:
    return records.delete(ws, ChangeKind.NOTE, note_id)


def restore_note(ws: Workspace, note_id: str) -> Changes:
    return records.restore(ws, ChangeKind.NOTE, note_id)


def _note_changes(note: Note) -> Changes:
    changes = Changes.of(ChangeKind.NOTE, note.id)
    if note.pursuit_id:
        changes = changes | Changes.of(ChangeKind.PURSUIT_PART, note.pursuit_id)
    if note.account_id:
        changes = changes | Changes.of(ChangeKind.ACCOUNT, note.account_id)
    return changes
