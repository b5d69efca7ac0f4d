"""The rep's agenda, the read model of the Today screen and `pursuit agenda`: what is overdue,
what is due today and what comes in the next days, across every pursuit.

Open activities and visits still without an outcome are listed together (a visit is the planned
meeting: services.activities explains the one model). Days are the computer's local days: an
activity with a time is placed by its UTC instant shown local, one without by its calendar day.
A visit in the past without an outcome is overdue for OUTCOME_DUE_DAYS, as on the visits screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from desktop.services.activities import local_due, local_today, to_local, to_utc
from desktop.services.visits import OUTCOME_DUE_DAYS
from desktop.services.workspace import Workspace
from desktop.storage import queries

VISIT = "visit"  # the `activity_kind` an agenda item of a visit carries

OVERDUE = "overdue"
TODAY = "today"
UPCOMING = "upcoming"
BUCKETS = (OVERDUE, TODAY, UPCOMING)

DEFAULT_DAYS = 7


class AgendaItem(NamedTuple):
    """One thing to do, as the Today screen and the CLI show it (local day and time).

    A NamedTuple: the agenda of a big database holds tens of thousands, and a frozen dataclass
    costs several times as much to make."""

    id: str
    activity_kind: str  # call / meeting / email / task / note_to_self, or VISIT
    subject: str
    day: date
    at: time | None  # local time of day; None: some time that day
    duration_minutes: int | None
    pursuit_id: str | None
    pursuit_title: str
    account_id: str | None
    account_name: str
    bucket: str
    stage: int | None = None
    step_key: str | None = None

    @property
    def is_visit(self) -> bool:
        return self.activity_kind == VISIT

    @property
    def where(self) -> str:
        """ "account · pursuit" (either may be missing: an account's own activity, an orphan)."""
        account, title = self.account_name, self.pursuit_title
        return f"{account} · {title}" if account and title else account or title


@dataclass
class Agenda:
    today: date
    days: int
    overdue: list[AgendaItem] = field(default_factory=list)
    due_today: list[AgendaItem] = field(default_factory=list)
    upcoming: list[AgendaItem] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.upcoming)

    def items(self) -> list[AgendaItem]:
        return [*self.overdue, *self.due_today, *self.upcoming]

    def groups(self) -> list[tuple[str, date | None, list[AgendaItem]]]:
        """(bucket, day, items): overdue, today, then one group per coming day that has any."""
        result: list[tuple[str, date | None, list[AgendaItem]]] = []
        if self.overdue:
            result.append((OVERDUE, None, self.overdue))
        result.append((TODAY, self.today, self.due_today))
        by_day: dict[date, list[AgendaItem]] = {}
        for item in self.upcoming:
            by_day.setdefault(item.day, []).append(item)
        result.extend((UPCOMING, day, items) for day, items in by_day.items())
        return result


def _order(item: AgendaItem) -> tuple[date, int, time, str, str]:
    # Within a day: timed items by time first, then the all-day ones by subject.
    return (item.day, 0 if item.at is not None else 1, item.at or time(), item.subject, item.id)


def agenda(
    ws: Workspace,
    *,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Agenda:
    """Overdue, today and the next `days` days (today not counted), in one snapshot."""
    today = today or local_today(tz)
    last = today + timedelta(days=max(days, 0))
    result = Agenda(today=today, days=days)
    # A day more in SQL: an activity written in another zone may fall a day later here.
    until = (last + timedelta(days=1)).isoformat()
    visit_from = to_utc(today - timedelta(days=OUTCOME_DUE_DAYS), time(), tz)
    visit_until = to_utc(last + timedelta(days=1), time(), tz)
    with ws.read() as session:
        activity_rows = queries.agenda_open_activities(session, until)
        pursuits_of, accounts_of = queries.agenda_links(session)
        visit_rows = queries.agenda_visit_rows(session, _text(visit_from), _text(visit_until))
    items: list[AgendaItem] = []
    # Many rows share a day or a time: parse and convert each distinct text once.
    days_of: dict[str, date] = {}
    local_of: dict[str, tuple[date | None, time | None]] = {}
    parse_time = datetime.fromisoformat

    def local(due_on: str, due_at: str | None) -> tuple[date | None, time | None]:
        if due_at is None:
            day = days_of.get(due_on)
            if day is None:
                day = days_of[due_on] = date.fromisoformat(due_on[:10])
            return day, None
        found = local_of.get(due_at)
        if found is None:
            found = local_of[due_at] = local_due(None, parse_time(due_at), tz)
        return found

    no_pursuit: tuple[str, str | None, int | None, bool] = ("", None, None, True)
    for (
        activity_id,
        kind,
        subject,
        due_on,
        due_at,
        duration,
        pursuit_id,
        own_account,
        step_key,
    ) in activity_rows:
        day, at = local(due_on, due_at)
        assert day is not None  # the query reads dated activities only
        if day > last:
            continue
        # Its pursuit (none, or gone: an orphan is shown) and the account it names, else its
        # pursuit's; an item of a deleted pursuit or account is not.
        title, pursuit_account, stage, shown = (
            pursuits_of.get(pursuit_id, no_pursuit) if pursuit_id is not None else no_pursuit
        )
        if not shown:
            continue
        link = own_account if own_account is not None else pursuit_account
        found_account = accounts_of.get(link) if link is not None else None
        if found_account is None:
            account_id, account = pursuit_account, ""
        elif not found_account[1]:
            continue
        else:
            account_id, account = link, found_account[0]
        items.append(
            AgendaItem(
                activity_id,
                kind,
                subject,
                day,
                at,
                duration,
                pursuit_id,
                title,
                account_id,
                account,
                _bucket(day, today),
                stage,
                step_key,
            )
        )
    for (
        visit_id,
        objective,
        starts_at,
        duration,
        location,
        pursuit_id,
        title,
        account_id,
        account,
        stage,
    ) in visit_rows:
        day, at = local(starts_at, starts_at)
        assert day is not None
        if day > last:
            continue
        subject = objective if not location else f"{objective} @ {location}"
        items.append(
            AgendaItem(
                visit_id,
                VISIT,
                subject,
                day,
                at,
                duration,
                pursuit_id,
                title,
                account_id,
                account,
                _bucket(day, today),
                stage,
            )
        )
    items.sort(key=_order)
    for item in items:
        if item.bucket == OVERDUE:
            result.overdue.append(item)
        elif item.bucket == TODAY:
            result.due_today.append(item)
        else:
            result.upcoming.append(item)
    return result


def _bucket(day: date, today: date) -> str:
    if day < today:
        return OVERDUE
    return TODAY if day == today else UPCOMING


def _text(moment: datetime) -> str:
    """A naive UTC datetime as SQLite holds it (compares as text)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def due_count(ws: Workspace, *, today: date | None = None, tz: tzinfo | None = None) -> int:
    """How many things are overdue or due today (the agenda's first two groups), in one count
    query: start-up opens the Today screen when this is not zero."""
    today = today or local_today(tz)
    visit_from = to_utc(today - timedelta(days=OUTCOME_DUE_DAYS), time(), tz)
    visit_until = to_utc(today + timedelta(days=1), time(), tz)
    with ws.read() as session:
        return queries.due_count(session, today.isoformat(), _text(visit_from), _text(visit_until))


# --- reminders ----------------------------------------------------------------------------------
class Reminder(NamedTuple):
    """Something that came due: an activity with a time or a visit at its start (`due`, naive UTC),
    or an activity without a time at the end of its local day (`all_day`)."""

    id: str
    activity_kind: str
    subject: str
    due: datetime
    pursuit_title: str
    account_name: str
    all_day: bool = False

    @property
    def where(self) -> str:
        return " · ".join(part for part in (self.account_name, self.pursuit_title) if part)


_FAR_PAST = datetime(1970, 1, 1)


def reminders_due(
    ws: Workspace,
    after: datetime | None,
    until: datetime,
    *,
    all_day: bool = False,
    tz: tzinfo | None = None,
) -> list[Reminder]:
    """What came due after `after` (None: ever, visits for OUTCOME_DUE_DAYS) up to `until` (naive
    UTC), by due time: activities with a time and visits at their time, and with `all_day` the
    activities without one whose local day ended in between (they are overdue from then on)."""
    start = after if after is not None else _FAR_PAST
    if after is None:
        visit_floor = until - timedelta(days=OUTCOME_DUE_DAYS)
    else:
        visit_floor = start
    first_local = to_local(start, tz).date() if after is not None else date(1970, 1, 2)
    last_local = to_local(until, tz).date()
    # A day either side: an activity's `due_on` is its local day where it was written.
    first_day = (first_local - timedelta(days=1)).isoformat()
    last_day = (last_local + timedelta(days=1)).isoformat()
    with ws.read() as session:
        timed = queries.timed_due_rows(session, _text(start), _text(until), first_day, last_day)
        days = (
            queries.all_day_due_rows(session, first_local.isoformat(), last_local.isoformat())
            if all_day
            else []
        )
    found: list[Reminder] = []
    for item_id, kind, subject, due_at, title, account in timed:
        due = datetime.fromisoformat(due_at)
        if kind == VISIT and due <= visit_floor:
            continue
        found.append(Reminder(item_id, kind, subject, due, title, account))
    for item_id, kind, subject, due_on, title, account in days:
        day = date.fromisoformat(due_on[:10])
        ends = to_utc(day + timedelta(days=1), time(), tz)
        found.append(Reminder(item_id, kind, subject, ends, title, account, all_day=True))
    found.sort(key=lambda r: (r.due, r.subject, r.id))
    return found


def next_reminder_at(
    ws: Workspace, after: datetime, *, tz: tzinfo | None = None
) -> datetime | None:
    """When the next activity with a time or visit comes due after `after` (naive UTC)."""
    first_day = (to_local(after, tz).date() - timedelta(days=1)).isoformat()
    with ws.read() as session:
        found = queries.next_timed_due(session, _text(after), first_day)
    return datetime.fromisoformat(found) if found is not None else None
