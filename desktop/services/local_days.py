"""The rep's days on the computer's clock, without the database: what day it is here, a local
wall time as the UTC the database holds and back, and how long a past visit waits for its
outcome.

Apart from `services.activities` (which re-exports the time helpers) so that a read that only
lists the agenda (`pursuit agenda`) need not import the ORM to place things on days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

# Past visits still waiting for their outcome are listed with the upcoming ones for this long.
OUTCOME_DUE_DAYS = 30


def local_today(tz: tzinfo | None = None) -> date:
    """Today in `tz` (the computer's zone when None)."""
    return datetime.now(tz).date() if tz is not None else date.today()


def to_utc(day: date, at: time, tz: tzinfo | None = None) -> datetime:
    """Naive UTC of the local wall time `at` on `day` in `tz` (the computer's zone when None)."""
    wall = datetime.combine(day, at.replace(tzinfo=None))
    aware = wall.replace(tzinfo=tz) if tz is not None else wall.astimezone()
    return aware.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def to_local(utc: datetime, tz: tzinfo | None = None) -> datetime:
    """An aware local datetime for a naive UTC one."""
    aware = utc.replace(tzinfo=UTC)
    return aware.astimezone(tz) if tz is not None else aware.astimezone()


def local_due(
    due_on: date | None, due_at: datetime | None, tz: tzinfo | None = None
) -> tuple[date | None, time | None]:
    """The day and local time of day an activity is shown at (time None: all day)."""
    if due_at is None:
        return due_on, None
    local = to_local(due_at, tz)
    return local.date(), local.time().replace(tzinfo=None)
