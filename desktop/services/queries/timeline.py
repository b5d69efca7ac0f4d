"""One timeline per pursuit and per account: notes, activities with their outcomes, visits,
stage changes with their reasons and the sync imports that changed the pursuit (from which
database, how many fields), newest first, filterable by kind.

Each entry names the record it is about (`kind`, `id`) so a screen can open it. An account's
timeline holds its own notes and activities and those of its live pursuits. A person's notes
(`person_notes`) are the stakeholder map's side panel's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import func, select

from desktop.services.activities import to_local
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import Note

NOTE = "note"
ACTIVITY = "activity"
VISIT = "visit"
STAGE_CHANGE = "stage_change"
IMPORT = "import"  # a sync import that changed the pursuit (`id` is its log entry's)
KINDS = (NOTE, ACTIVITY, VISIT, STAGE_CHANGE, IMPORT)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One thing that happened (or is planned), as the timeline shows it."""

    kind: str  # one of KINDS
    id: str
    day: date  # local
    at: datetime | None  # aware local time; None for an activity dated without a time
    pursuit_id: str | None
    pursuit_title: str
    title: str  # note body, activity subject, visit objective, "from>to" of a stage change,
    # the name of the database an import came from ("" if it never told it)
    detail: str  # outcome, or the stage change's note
    done: bool  # an activity's done flag; a visit has an outcome; always True otherwise
    extra: str  # the person's name (note), activity kind, location (visit), override reason,
    # the site id of the database an import came from
    fields: int = 0  # how many of the pursuit's fields an import changed

    @property
    def stages(self) -> tuple[int | None, int] | None:
        """(from, to) of a stage change."""
        if self.kind != STAGE_CHANGE:
            return None
        before, _, after = self.title.partition(">")
        return (int(before) if before else None, int(after))


def timeline(
    ws: Workspace,
    *,
    pursuit_id: str | None = None,
    account_id: str | None = None,
    kinds: Collection[str] | None = None,
    tz: tzinfo | None = None,
) -> list[TimelineEntry]:
    """The timeline of one pursuit or one account (give exactly one), newest first; `kinds`
    keeps only those kinds of entry."""
    if (pursuit_id is None) == (account_id is None):
        raise ValueError("a timeline is of one pursuit or one account")
    with ws.read() as session:
        rows = queries.timeline_rows(session, pursuit_id=pursuit_id, account_id=account_id)
    wanted = set(kinds) if kinds is not None else None
    entries = []
    for kind, record_id, when, pid, pursuit_title, title, detail, done, extra in rows:
        if wanted is not None and kind not in wanted:
            continue
        if len(when) == 10:  # a calendar day: an activity without a time
            day, at = date.fromisoformat(when), None
        else:
            at = to_local(datetime.fromisoformat(when), tz)
            day = at.date()
        if kind == IMPORT:
            entries.append(
                TimelineEntry(
                    kind,
                    record_id,
                    day,
                    at,
                    pid,
                    pursuit_title,
                    title,
                    "",
                    True,
                    extra,
                    fields=int(detail or 0),
                )
            )
            continue
        entries.append(
            TimelineEntry(
                kind,
                record_id,
                day,
                at,
                pid,
                pursuit_title,
                title,
                detail or "",
                bool(done),
                extra or "",
            )
        )
    return entries


def person_notes(
    ws: Workspace, stakeholder_id: str, *, tz: tzinfo | None = None
) -> list[TimelineEntry]:
    """The live notes on one person, newest first, as timeline entries (a handful: no SQL of
    its own)."""
    when = func.coalesce(Note.noted_at, Note.created_at)
    with ws.read() as session:
        rows = session.execute(
            select(Note.id, when, Note.pursuit_id, Note.body)
            .where(Note.stakeholder_id == stakeholder_id, Note.alive)
            .order_by(when.desc(), Note.id)
        ).all()
    entries = []
    for note_id, noted, pursuit_id, body in rows:
        at = to_local(noted, tz)
        entries.append(
            TimelineEntry(NOTE, note_id, at.date(), at, pursuit_id, "", body, "", True, "")
        )
    return entries
