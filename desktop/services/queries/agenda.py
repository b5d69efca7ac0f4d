"""The rep's agenda, the read model of the Today screen and `pursuit agenda`: what is overdue,
what is due today and what comes in the next days, across every pursuit.

Open activities and visits still without an outcome are listed together (a visit is the planned
meeting: services.activities explains the one model), and so is each open pursuit's own next step
("下一步" with its "截止", kind NEXT_STEP, the pursuit's id as its id): a calendar day without a
time, listed like an activity without one. Days are the computer's local days: an activity with a
time is placed by its UTC instant shown local, one without by its calendar day. A visit in the
past without an outcome is overdue for OUTCOME_DUE_DAYS, as on the visits screen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.services.local_days import (
    OUTCOME_DUE_DAYS,
    local_due,
    local_today,
    to_local,
    to_utc,
)
from desktop.storage import queries

if TYPE_CHECKING:  # not imported to run: `pursuit agenda` reads without the ORM
    from desktop.services.workspace import Workspace

VISIT = "visit"  # the `activity_kind` an agenda item of a visit carries
# … and of a pursuit's own next step. Its subject is the next step's text, "" when the rep wrote
# only a date: each screen shows its own words for "Next step" then (the read has no language).
NEXT_STEP = "next_step"

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
    activity_kind: str  # call / meeting / email / task / note_to_self, VISIT or NEXT_STEP
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
    def is_next_step(self) -> bool:
        """A pursuit's own next step: `id` and `pursuit_id` are the pursuit's."""
        return self.activity_kind == NEXT_STEP

    @property
    def is_activity(self) -> bool:
        return self.activity_kind not in (VISIT, NEXT_STEP)

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


def order_key(item: AgendaItem) -> tuple[date, int, time, str, str]:
    """Where an item goes in the agenda: by day, within a day timed items by time first, then
    the all-day ones by subject."""
    return (item.day, 0 if item.at is not None else 1, item.at or time(), item.subject, item.id)


def agenda(
    ws: Workspace,
    *,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Agenda:
    """Overdue, today and the next `days` days (today not counted), in one snapshot."""
    with ws.reader() as session:
        return read_agenda(session, days=days, today=today, tz=tz)


def read_agenda(
    reader: queries.Reader,
    *,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> Agenda:
    """`agenda` read in the caller's snapshot: a session, or a connection of
    `storage.snapshot` (the command line, which imports no ORM)."""
    today = today or local_today(tz)
    window = _Window(today, days, tz)
    activity_rows = queries.agenda_open_activities(reader, window.until_iso)
    pursuits_of, accounts_of = queries.agenda_links(reader)
    visit_rows = queries.agenda_open_visits(reader, window.visit_from, window.visit_until)
    step_rows = queries.agenda_next_steps(reader, window.last.isoformat())
    whole = _Whole(window, pursuits_of, accounts_of)
    whole.activities(activity_rows)
    whole.visits(visit_rows)
    whole.next_steps(step_rows)
    return whole.agenda(days)


_Entry = tuple[str, str, "AgendaItem"]  # subject, id, item: how items of one time sort
_SUBJECT, _ID = itemgetter(0), itemgetter(1)
_NO_PURSUIT: tuple[Any, ...] = (
    "",
    "",
    None,
    None,
    True,
)  # an activity of no pursuit, or a gone one


class _Whole:
    """The whole agenda (`pursuit agenda` prints 90,000 items at 50,000 pursuits): the rows
    joined to `queries.agenda_links` and made into items in one pass each, every item put in
    the group of its day and time, and the groups sorted by a text that sorts as the first
    three parts of `order_key` (the day, whether it has a time, the time), then each group by
    subject and id: as `order_key` sorts them, for a third of the comparisons' cost (most
    items share their day and time)."""

    def __init__(
        self,
        window: _Window,
        pursuits_of: dict[str, tuple[Any, ...]],
        accounts_of: dict[str, tuple[Any, ...]],
    ) -> None:
        self.window = window
        self.pursuits_of = pursuits_of
        self.accounts_of = accounts_of
        self.groups: dict[str, list[_Entry]] = {}
        # Each distinct day (text) and time (UTC text) placed once: (day, at, bucket, group).
        self._days: dict[str, tuple[date, None, str, list[_Entry]]] = {}
        self._times: dict[str, tuple[date, time | None, str, list[_Entry]]] = {}

    def _day(self, due_on: str) -> tuple[date, None, str, list[_Entry]]:
        found = self._days.get(due_on)
        if found is None:
            day = date.fromisoformat(due_on[:10])
            # "1" after the day: after every time of that day ("0" and the time).
            group = self.groups.setdefault(f"{day}1", [])
            found = self._days[due_on] = (day, None, _bucket(day, self.window.today), group)
        return found

    def _time(self, due_at: str) -> tuple[date, time | None, str, list[_Entry]]:
        found = self._times.get(due_at)
        if found is None:
            day, at = local_due(None, datetime.fromisoformat(due_at), self.window.tz)
            assert day is not None and at is not None
            # Of fixed width: the text sorts as the time.
            group = self.groups.setdefault(f"{day}0{at.isoformat('microseconds')}", [])
            found = self._times[due_at] = (day, at, _bucket(day, self.window.today), group)
        return found

    def activities(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """The open activities (`queries.agenda_open_activities`' columns), as `_joined` and
        `_Window.items` make them."""
        last, pursuits_of, accounts_of = self.window.last, self.pursuits_of, self.accounts_of
        on_day, at_time, new = self._day, self._time, tuple.__new__
        for activity_id, kind, subject, due_on, due_at, duration, pursuit_id, own, step in rows:
            # Its pursuit (none, or gone: an orphan is shown) and the account it names, else
            # its pursuit's; an item of a deleted pursuit or account is not.
            pursuit = (
                _NO_PURSUIT if pursuit_id is None else pursuits_of.get(pursuit_id, _NO_PURSUIT)
            )
            if not pursuit[4]:
                continue
            link = own if own is not None else pursuit[2]
            found = accounts_of.get(link) if link is not None else None
            if found is None:
                account_id, account = pursuit[2], ""
            elif not found[2]:
                continue
            else:
                account_id, account = link, found[1]
            day, at, bucket, group = at_time(due_at) if due_at is not None else on_day(due_on)
            if day > last:
                continue
            title, stage = pursuit[1], pursuit[3]
            item = new(AgendaItem, (activity_id, kind, subject, day, at, duration, pursuit_id,
                                    title, account_id, account, bucket, stage, step))  # fmt: skip
            group.append((subject, activity_id, item))

    def visits(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Visits without an outcome (`queries.agenda_open_visits`' columns), joined as
        `queries.agenda_visit_rows` joins them: of a pursuit there is, shown, and of its shown
        account or none."""
        last, pursuits_of, accounts_of = self.window.last, self.pursuits_of, self.accounts_of
        at_time, new = self._time, tuple.__new__
        for visit_id, objective, starts_at, duration, location, pursuit_id in rows:
            pursuit = pursuits_of.get(pursuit_id)
            if pursuit is None or not pursuit[4]:
                continue
            found = accounts_of.get(pursuit[2])
            if found is not None and not found[2]:
                continue
            day, at, bucket, group = at_time(starts_at)
            if day > last:
                continue
            subject = objective if not location else f"{objective} @ {location}"
            account = found[1] if found is not None else ""
            title, account_id, stage = pursuit[1], pursuit[2], pursuit[3]
            item = new(AgendaItem, (visit_id, VISIT, subject, day, at, duration, pursuit_id,
                                    title, account_id, account, bucket, stage, None))  # fmt: skip
            group.append((subject, visit_id, item))

    def next_steps(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """The open pursuits' next steps (`queries.agenda_next_steps`' columns), as `_named`
        and `_Window.items` make them: a deleted account hides them, a purged or missing one
        leaves them, name blank."""
        last, accounts_of = self.window.last, self.accounts_of
        on_day, new = self._day, tuple.__new__
        for pursuit_id, text, due, title, account_id, stage in rows:
            found = accounts_of.get(account_id)
            if found is not None and not found[2]:
                continue
            day, _, bucket, group = on_day(due)
            if day > last:
                continue
            account = found[1] if found is not None else ""
            item = new(AgendaItem, (pursuit_id, NEXT_STEP, text, day, None, None, pursuit_id,
                                    title, account_id, account, bucket, stage, None))  # fmt: skip
            group.append((text, pursuit_id, item))

    def agenda(self, days: int) -> Agenda:
        """The items in order, split at today and tomorrow (a group's text starts with its day)."""
        today = self.window.today
        tomorrow = (today + timedelta(days=1)).isoformat()
        result = Agenda(today=today, days=days)
        for key in sorted(self.groups):
            group = self.groups[key]
            # By subject, then id: by id first, then stably by subject (two sorts of plain
            # texts cost less than one of pairs: a day's items often share their subject).
            group.sort(key=_ID)
            group.sort(key=_SUBJECT)
            bucket = (
                result.overdue
                if key < today.isoformat()
                else (result.due_today if key < tomorrow else result.upcoming)
            )
            bucket.extend([entry[2] for entry in group])
        return result


class _Window:
    """The days an agenda covers in a zone, and its rows made into `AgendaItem`s."""

    def __init__(self, today: date, days: int, tz: tzinfo | None) -> None:
        self.today = today
        self.tz = tz
        self.last = today + timedelta(days=max(days, 0))
        # A day more in SQL: an activity written in another zone may fall a day later here.
        self.until_iso = (self.last + timedelta(days=1)).isoformat()
        self.visit_from = _text(to_utc(today - timedelta(days=OUTCOME_DUE_DAYS), time(), tz))
        self.visit_until = self.starts(self.last + timedelta(days=1))
        # Many rows share a day or a time: parse and convert each distinct text once.
        self._days_of: dict[str, date] = {}
        self._local_of: dict[str, tuple[date | None, time | None]] = {}

    def starts(self, day: date) -> str:
        """Where the local `day` begins, as UTC text."""
        return _text(to_utc(day, time(), self.tz))

    def local(self, due_on: str, due_at: str | None) -> tuple[date, time | None]:
        if due_at is None:
            day = self._days_of.get(due_on)
            if day is None:
                day = self._days_of[due_on] = date.fromisoformat(due_on[:10])
            return day, None
        found = self._local_of.get(due_at)
        if found is None:
            found = self._local_of[due_at] = local_due(
                None, datetime.fromisoformat(due_at), self.tz
            )
        assert found[0] is not None
        return found[0], found[1]

    def items(
        self,
        activity_rows: Iterable[tuple[Any, ...]],
        visit_rows: Iterable[tuple[Any, ...]],
        step_rows: Iterable[tuple[Any, ...]] = (),
    ) -> list[AgendaItem]:
        """The items of joined activity rows (`queries.agenda_activity_slice`'s columns), of
        visit rows (`queries.agenda_visit_rows`') and of next-step rows
        (`queries.agenda_next_step_slice`'), those up to the last day, unsorted."""
        items: list[AgendaItem] = []
        last, today, local = self.last, self.today, self.local
        for (
            activity_id,
            kind,
            subject,
            due_on,
            due_at,
            duration,
            pursuit_id,
            title,
            account_id,
            account,
            stage,
            step_key,
        ) in activity_rows:
            day, at = local(due_on, due_at)
            if day > last:
                continue
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
        # A next step is a calendar day, no time: placed like an activity without one.
        for pursuit_id, text, due, title, account_id, account, stage in step_rows:
            day, _ = local(due, None)
            if day > last:
                continue
            items.append(
                AgendaItem(
                    pursuit_id,
                    NEXT_STEP,
                    text,
                    day,
                    None,
                    None,
                    pursuit_id,
                    title,
                    account_id,
                    account,
                    _bucket(day, today),
                    stage,
                )
            )
        return items


# --- the agenda a slice at a time (the Today screen) ---------------------------------------------
# A screen paints its first rows long before it could read tens of thousands of items: it counts
# the items of each group in SQL (the headings) and reads the items themselves a slice of days at
# a time, in order, as the list is scrolled. An activity's due day (`due_on`, indexed) is its
# local day where it was written; here it may fall up to SPREAD days either side (zones span 26
# hours), so a slice read up to due day D + SPREAD holds every item of the local days up to D.
SPREAD = 2


@dataclass
class AgendaSlice:
    """The items listed on the local days after the previous slice's `through` up to this
    one's, in order; `complete`: nothing comes after them."""

    items: list[AgendaItem]
    through: date
    complete: bool


def group_counts(
    ws: Workspace,
    *,
    days: int = DEFAULT_DAYS,
    today: date,
    tz: tzinfo | None = None,
) -> dict[date | None, int]:
    """How many items each group of the agenda holds (None: overdue; a day), counted in SQL
    without reading the items: activities and next steps by their due day. An activity with a
    time written in
    another zone may be listed a day off it; the list counts the groups it has read itself."""
    with ws.reader() as session:
        return _counts(session, _Window(today, days, tz))


def _counts(session: queries.Reader, window: _Window) -> dict[date | None, int]:
    today, last = window.today, window.last
    starts = [window.starts(today + timedelta(days=k)) for k in range((last - today).days + 2)]
    by_day, visits = queries.agenda_day_counts(
        session, last.isoformat(), starts, today.isoformat(), window.visit_from
    )
    next_steps = queries.agenda_next_step_day_counts(session, last.isoformat())
    counts: dict[date | None, int] = {}
    for groups in (by_day, visits, next_steps):
        for text, count in groups.items():
            day = date.fromisoformat(text) if text else None
            group = None if day is None or day < today else day
            if count > 0:
                counts[group] = counts.get(group, 0) + count
    return counts


def agenda_start(
    ws: Workspace,
    *,
    want: int,
    days: int = DEFAULT_DAYS,
    today: date | None = None,
    tz: tzinfo | None = None,
) -> tuple[dict[date | None, int], AgendaSlice]:
    """The count of each group (as `group_counts`) and the first slice of the agenda (at least
    `want` items when there are), in one snapshot: what the Today screen paints first."""
    window = _Window(today or local_today(tz), days, tz)
    with ws.reader() as session:
        return _counts(session, window), _slice(session, window, None, want)


def agenda_slice(
    ws: Workspace,
    after: date,
    *,
    want: int,
    days: int = DEFAULT_DAYS,
    today: date,
    tz: tzinfo | None = None,
) -> AgendaSlice:
    """The items of the local days after `after` (the previous slice's `through`): at least
    `want` of them when there are, whole days, in order."""
    with ws.reader() as session:
        return _slice(session, _Window(today, days, tz), after, want)


def _slice(session: queries.Reader, window: _Window, after: date | None, want: int) -> AgendaSlice:
    spread = timedelta(days=SPREAD)
    fresh_from = after.isoformat() if after is not None else None
    offset = max(want, 1) - 1
    # The slice ends on the first day by which either kind alone has `want` items: at least
    # `want` in all, and never all of one kind's overdue ones because the other has few.
    found = [
        date.fromisoformat(end[:10])
        for end in (
            queries.agenda_due_on_at(session, fresh_from, window.until_iso, offset),
            queries.agenda_next_step_due_at(session, fresh_from, window.last.isoformat(), offset),
        )
        if end is not None
    ]
    if not found:
        through, complete = window.last, True
    else:
        through = min(*found, window.last)
        if after is not None and through <= after:
            through = after + timedelta(days=1)
        complete = through >= window.last
    # The rows due after `after` up to `through`; and, with a time, those due up to SPREAD days
    # either side: written in another zone, they may belong to the days read here.
    low = (after - spread).isoformat() if after is not None else "0000-00-00"
    high = min((through + spread).isoformat(), window.until_iso)
    rows = queries.agenda_activity_slice(session, fresh_from, through.isoformat(), (low, high))
    visit_from = window.visit_from
    if after is not None:
        visit_from = max(visit_from, window.starts(after + timedelta(days=1)))
    visit_until = min(window.visit_until, window.starts(through + timedelta(days=1)))
    visits = (
        queries.agenda_visit_rows(session, visit_from, visit_until)
        if visit_from < visit_until
        else []
    )
    steps = queries.agenda_next_step_slice(session, fresh_from, through.isoformat())
    items = [
        item
        for item in window.items(rows, visits, steps)
        if item.day <= through and (after is None or item.day > after)
    ]
    items.sort(key=order_key)
    return AgendaSlice(items, through, complete)


def agenda_items(
    ws: Workspace,
    *,
    activity_ids: Collection[str] = (),
    visit_ids: Collection[str] = (),
    pursuit_ids: Collection[str] = (),
    days: int = DEFAULT_DAYS,
    today: date,
    tz: tzinfo | None = None,
) -> list[AgendaItem]:
    """The items the agenda lists now among these activities and visits and those of these
    pursuits (their own next steps too): what a change touched, read again (the others stay as
    they are)."""
    window = _Window(today, days, tz)
    with ws.reader() as session:
        rows = queries.agenda_activities_among(session, activity_ids, pursuit_ids, window.until_iso)
        visits = queries.agenda_visits_among(
            session, visit_ids, pursuit_ids, window.visit_from, window.visit_until
        )
        steps = queries.agenda_next_steps_among(session, pursuit_ids, window.last.isoformat())
    unique = {item.id: item for item in window.items(rows, visits, steps)}
    return sorted(unique.values(), key=order_key)


def next_step_items(
    ws: Workspace,
    pursuit_ids: Collection[str],
    *,
    days: int = DEFAULT_DAYS,
    today: date,
    tz: tzinfo | None = None,
) -> list[AgendaItem]:
    """The next steps the agenda lists now of these pursuits, and nothing else of them: what
    the Today screen reads again after it changed a pursuit's next step alone."""
    window = _Window(today, days, tz)
    with ws.reader() as session:
        steps = queries.agenda_next_steps_among(session, pursuit_ids, window.last.isoformat())
    return sorted(window.items((), (), steps), key=order_key)


def group_key(item: AgendaItem) -> date | None:
    """The group an item is listed under: None for overdue, else its day."""
    return None if item.bucket == OVERDUE else item.day


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
    with ws.reader() as session:
        return queries.due_count(session, today.isoformat(), _text(visit_from), _text(visit_until))


def anything_due(ws: Workspace, *, today: date | None = None, tz: tzinfo | None = None) -> bool:
    """Whether `due_count` is above zero, read without counting them all: start-up opens the
    Today screen when it is."""
    today = today or local_today(tz)
    visit_from = to_utc(today - timedelta(days=OUTCOME_DUE_DAYS), time(), tz)
    visit_until = to_utc(today + timedelta(days=1), time(), tz)
    with ws.reader() as session:
        return queries.anything_due(
            session, today.isoformat(), _text(visit_from), _text(visit_until)
        )


# --- reminders ----------------------------------------------------------------------------------
class Reminder(NamedTuple):
    """Something that came due: an activity with a time or a visit at its start (`due`, naive UTC),
    or an activity without a time or a pursuit's next step at the end of its local day
    (`all_day`)."""

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
    activities without one and the open pursuits' next steps whose local day ended in between
    (they are overdue from then on)."""
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
    with ws.reader() as session:
        timed = queries.timed_due_rows(session, _text(start), _text(until), first_day, last_day)
        days = (
            queries.all_day_due_rows(session, first_local.isoformat(), last_local.isoformat())
            if all_day
            else []
        )
        if all_day:
            days += [
                (pursuit_id, NEXT_STEP, text, due, title, account)
                for pursuit_id, text, due, title, account in queries.next_step_due_rows(
                    session, first_local.isoformat(), last_local.isoformat()
                )
            ]
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
    with ws.reader() as session:
        found = queries.next_timed_due(session, _text(after), first_day)
    return datetime.fromisoformat(found) if found is not None else None
