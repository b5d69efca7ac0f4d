"""Visits and activities as an iCalendar file (.ics) for Outlook, Apple Calendar or a phone.

Times are UTC in the database; the file states them in the user's time zone (with its VTIMEZONE
definition) so a calendar shows 09:00 where the rep typed 09:00, and still converts correctly when
the rep travels. Without a known zone the times are written in UTC ("…Z"), which every calendar
reads. Customers are named in the description but never added as ATTENDEE properties: a calendar
would offer to send them invitations.

An activity (call, meeting, email, task, note-to-self) with a day is an event too: with a time it
starts then (and lasts its duration, or is a moment when it has none); without one it is an
all-day event (DATE values). Its UID is its id, as a visit's is, so a calendar that imports the
file again replaces the event instead of adding a second one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from icalendar.parser.parameter import param_value
from icalendar.timezone import tzid_from_dt, tzid_from_tzinfo
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop import APP_NAME, __version__
from desktop.domain.text import strip_controls
from desktop.services import visits
from desktop.services.errors import NotFound
from desktop.services.reports.safe_output import write_atomically
from desktop.services.workspace import Workspace
from desktop.storage import queries
from desktop.storage.tables import (
    Account,
    Activity,
    Pursuit,
    Visit,
    utcnow,
)

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
UID_DOMAIN = "pursuit.local"

# The few words the file itself carries (services have no Qt translators), per catalog language.
_WORDS = {
    "visit": ("拜访", "Visit"),
    "objective": ("目标", "Objective"),
    "attendees": ("客户参会人", "Customer attendees"),
    "our_people": ("我方人员", "Our people"),
    "questions": ("要问的问题", "Questions to ask"),
    "help": ("请求的帮助", "Help to ask for"),
    "materials": ("携带资料", "Materials to bring"),
    "stage": ("阶段", "Stage"),
    "calendar": ("Pursuit 拜访", "Pursuit visits"),
    "call": ("电话", "Call"),
    "meeting": ("会议", "Meeting"),
    "email": ("邮件", "Email"),
    "task": ("任务", "Task"),
    "note_to_self": ("备忘", "Note to self"),
    "pursuit": ("项目", "Pursuit"),
    "account": ("客户", "Account"),
}


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang.startswith("zh") else en


@cache
def _labelled(label: str, text: str, lang: str) -> str:
    """「目标：确认指标」 in Chinese (a full-width colon, no space), "Objective: …" in English;
    text of several lines starts on the line under its label."""
    colon = "：" if lang.startswith("zh") else ":"
    if "\n" in text:
        return f"{label}{colon}\n{text}"
    return f"{label}{colon}{text}" if lang.startswith("zh") else f"{label}{colon} {text}"


def _words(lang: str) -> dict[str, str]:
    return {key: _word(key, lang) for key in _WORDS}


def zone(name: str | bytes | None) -> tzinfo:
    """The IANA zone `name` (e.g. "Asia/Shanghai"), or UTC when it is unknown or empty."""
    if isinstance(name, bytes):
        name = name.decode("ascii", "replace")
    if not name or name in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Zulu"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def calendar_for(
    ws: Workspace,
    visit_ids: Sequence[str],
    *,
    activity_ids: Sequence[str] = (),
    tz: tzinfo | str | None = None,
    lang: str = "zh",
    now: datetime | None = None,
) -> bytes:
    """An .ics file (bytes) with one event per visit, in the order given, then one per activity
    (an activity without a day has no place in a calendar and is left out).

    Raises NotFound when a visit or an activity is unknown or deleted.
    """
    zone_info = tz if isinstance(tz, tzinfo) else zone(tz)
    stamp = (now or utcnow()).replace(tzinfo=UTC)
    ids = list(dict.fromkeys(visit_ids))
    activity_ids = list(dict.fromkeys(activity_ids))
    catalog = ws.catalog
    # A larger page cache for the read: thousands of visits look up their pursuits, accounts,
    # attendees and roles in random order, and with SQLite's default 2 MB most of those pages
    # were read from the OS again for each visit (the same as deal health's read).
    with ws.read() as session, queries.page_cache(session, _READ_CACHE_KIB):
        found = {row[0]: row for row in queries.calendar_visit_rows(session, ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"visit {missing[0]}")
        activities = _activities(session, activity_ids)
        people: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for visit_id, sid, name, title in queries.calendar_attendee_rows(session, ids):
            people[visit_id].append((sid, name, title))
        roles: dict[str, set[str]] = defaultdict(set)
        sids = [sid for group in people.values() for sid, _, _ in group]
        for sid, role in queries.stakeholder_role_rows(session, sids) if sids else ():
            roles[sid].add(role)
        # The version vector as its column type reads it (the stored form is the codec's).
        read_vv = Visit.__table__.c.vv.type.result_processor(session.get_bind().dialect, None)
    # Each role's label once, in the catalog's order (an attendee's roles are listed in it).
    roles_vocab = catalog.buying_roles
    role_labels = [(k, roles_vocab.label(k, lang)) for k in roles_vocab.keys()]  # noqa: SIM118
    stage_labels = {s.number: f"{s.number} {s.label(lang)}" for s in catalog.stages}
    writer = _Writer(stamp)
    events: list[bytes] = []
    for visit_id in ids:
        (
            _,
            starts_at,
            minutes,
            location,
            objective,
            our_people,
            questions,
            help_wanted,
            materials,
            vv,
            updated_at,
            title,
            stage,
            account,
        ) = found[visit_id]
        if starts_at is None:
            continue
        attendees = []
        for sid, name, job in people[visit_id]:
            held = roles.get(sid)
            labels = [label for k, label in role_labels if k in held] if held else []
            detail = "、".join([job, *labels] if job else labels)
            if detail:
                attendees.append(f"{name}({detail})" if lang == "zh" else f"{name} ({detail})")
            else:
                attendees.append(name)
        versions = read_vv(vv) if read_vv is not None else vv
        events.append(
            writer.event(
                _Visit(
                    visit_id,
                    datetime.fromisoformat(starts_at),
                    minutes,
                    location,
                    objective,
                    our_people,
                    questions,
                    help_wanted,
                    materials,
                    # A calendar replaces an imported event by UID when SEQUENCE rises: every
                    # local edit raises a counter of the version vector, so their sum rises with
                    # every change.
                    sum(int(n) for n in (versions or {}).values()),
                    datetime.fromisoformat(updated_at) if updated_at else None,
                ),
                title=title,
                account=account,
                stage_label=stage_labels[stage],
                attendees=attendees,
                zone_info=zone_info,
                lang=lang,
            )
        )
    events += [writer.activity_event(a, zone_info=zone_info, lang=lang) for a in activities]
    lines = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        _text_line("PRODID", PRODID),
        b"CALSCALE:GREGORIAN",
        b"METHOD:PUBLISH",
        _text_line("X-WR-CALNAME", _word("calendar", lang)),
    ]
    if zone_info is not UTC and events:
        lines.append(writer.timezones())
    return b"\r\n".join([*lines, *events, b"END:VCALENDAR", b""])


# --- writing RFC 5545 text ------------------------------------------------------------------------
# The events are written here rather than built as `icalendar` components: that library costs
# about half a millisecond per event (a year of visits took 2.5 s), while the text itself is a few
# escaped, folded lines. The output is what `icalendar` writes for the same calendar, byte for byte
# (its property order, escaping and folding; `tests/services/test_ics.py` checks it against
# `icalendar` reading the file back and writing it again). Only the time-zone definitions
# (VTIMEZONE), one per file, still come from `icalendar`.
_BATCH = 900  # ids per IN (…) list, well under SQLite's variable limit
_READ_CACHE_KIB = 32 * 1024  # SQLite's page cache while the visits are read (see calendar_for)
_FOLD_AT = 75  # octets: a content line is folded before it would reach this many


_SPECIAL = re.compile(r"[\\;,\r\n]")


def _escape(text: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11), in the order `icalendar` applies it."""
    if _SPECIAL.search(text) is None:
        return text  # most values: one scan, no copy
    return (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> bytes:
    """A content line, folded into lines of at most 74 octets (RFC 5545 3.1) as `icalendar`
    folds it: each as long as it can be without cutting a UTF-8 character, and never ending in
    a backslash or caret (an escape stays whole for readers that unfold carelessly)."""
    data = line.encode("utf-8")
    if len(data) < _FOLD_AT:
        return data
    pieces = []
    start = 0
    while len(data) - start >= _FOLD_AT:
        end = start + _FOLD_AT - 1
        while data[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def _text_line(name: str, value: str) -> bytes:
    return _fold(f"{name}:{_escape(value)}")


def _utc_stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


class _Visit(NamedTuple):
    """What an event says of a visit (times naive UTC, as stored)."""

    id: str
    starts_at: datetime
    duration_minutes: int
    location: str
    objective: str
    our_people: str
    questions: str
    help_wanted: str
    materials: str
    sequence: int
    updated_at: datetime | None


class _Activity(NamedTuple):
    """What an event says of an activity (times naive UTC, as stored)."""

    id: str
    kind: str
    subject: str
    due_on: date
    due_at: datetime | None
    duration_minutes: int | None
    sequence: int
    updated_at: datetime | None
    title: str  # its pursuit's, or ""
    account: str  # its account's name, or ""


def _activities(session: Session, ids: list[str]) -> list[_Activity]:
    """The activities `ids` that have a day, in time order; NotFound when one is unknown or
    deleted (or its pursuit is)."""
    if not ids:
        return []
    rows = session.execute(
        select(
            Activity.id,
            Activity.activity_kind,
            Activity.subject,
            Activity.due_on,
            Activity.due_at,
            Activity.duration_minutes,
            Activity.vv,
            Activity.updated_at,
            Pursuit.title,
            Account.name,
        )
        .outerjoin(Pursuit, Pursuit.id == Activity.pursuit_id)
        .outerjoin(Account, Account.id == Activity.account_id)
        .where(Activity.id.in_(ids), Activity.alive, or_(Pursuit.id.is_(None), Pursuit.alive))
    ).all()
    found = {row[0]: row for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(f"activity {missing[0]}")
    made = [
        _Activity(
            aid,
            kind,
            subject,
            due_on,
            due_at,
            minutes,
            sum(int(n) for n in (vv or {}).values()),
            updated_at,
            title or "",
            account or "",
        )
        for aid, kind, subject, due_on, due_at, minutes, vv, updated_at, title, account in (
            found[i] for i in ids
        )
        if due_on is not None
    ]
    return sorted(made, key=lambda a: (a.due_on, a.due_at or datetime.min))


class _Writer:
    """The events of one file: their shared stamp, and the zones their times are stated in."""

    def __init__(self, stamp: datetime) -> None:
        self.stamp_line = f"DTSTAMP:{_utc_stamp(stamp)}".encode()
        self._zones: set[str] = set()  # the TZIDs the times are stated in
        self._tzids: dict[tzinfo, str] = {}  # a zone's TZID, as `icalendar` names it
        self._params: dict[str, str] = {}  # a TZID as a parameter value (quoted if it must be)

    def _time(self, name: str, moment: datetime) -> bytes:
        zone_info = moment.tzinfo
        tzid = self._tzids.get(zone_info) if zone_info is not None else None
        if tzid is None:
            named = tzid_from_tzinfo(zone_info)
            if named is not None and zone_info is not None:
                self._tzids[zone_info] = named
            tzid = tzid_from_dt(moment) if named is None else named
        local = moment.strftime("%Y%m%dT%H%M%S")
        if tzid == "UTC":
            return f"{name}:{local}Z".encode()
        if tzid is None:  # a floating time (never made here: every time has a zone)
            return f"{name}:{local}".encode()
        param = self._params.get(tzid)
        if param is None:
            param = self._params[tzid] = param_value(tzid)
            self._zones.add(tzid)
        return _fold(f"{name};TZID={param}:{local}")

    def event(
        self,
        visit: _Visit,
        *,
        title: str,
        account: str,
        stage_label: str,
        attendees: list[str],
        zone_info: tzinfo,
        lang: str,
    ) -> bytes:
        start = visit.starts_at.replace(tzinfo=UTC).astimezone(zone_info)
        end = start + timedelta(minutes=visit.duration_minutes)
        words = _words(lang)
        lines = [
            b"BEGIN:VEVENT",
            _text_line(
                "SUMMARY", strip_controls(_labelled(words["visit"], f"{account} · {title}", lang))
            ),
            self._time("DTSTART", start),
            self._time("DTEND", end),
            self.stamp_line,
            _text_line("UID", f"{visit.id}@{UID_DOMAIN}"),
            f"SEQUENCE:{visit.sequence}".encode(),
        ]
        details = []
        for key, text in (
            ("objective", visit.objective),
            ("attendees", "、".join(attendees) if lang == "zh" else ", ".join(attendees)),
            ("our_people", visit.our_people),
            ("questions", visit.questions),
            ("help", visit.help_wanted),
            ("materials", visit.materials),
            ("stage", stage_label),
        ):
            text = text.strip()
            if text:
                details.append(_labelled(words[key], text, lang))
        # RFC 5545 forbids control characters in a value (a paste from Word brings U+000B).
        lines.append(_text_line("DESCRIPTION", strip_controls("\n".join(details))))
        if visit.updated_at is not None:
            lines.append(f"LAST-MODIFIED:{_utc_stamp(visit.updated_at)}".encode())
        if visit.location.strip():
            lines.append(_text_line("LOCATION", strip_controls(visit.location.strip())))
        lines += [b"STATUS:CONFIRMED", b"TRANSP:OPAQUE", b"END:VEVENT"]
        return b"\r\n".join(lines)

    def activity_event(self, activity: _Activity, *, zone_info: tzinfo, lang: str) -> bytes:
        words = _words(lang)
        summary = _labelled(words.get(activity.kind, activity.kind), activity.subject, lang)
        lines = [b"BEGIN:VEVENT", _text_line("SUMMARY", strip_controls(summary))]
        if activity.due_at is not None:
            start = activity.due_at.replace(tzinfo=UTC).astimezone(zone_info)
            lines.append(self._time("DTSTART", start))
            if activity.duration_minutes:
                end = start + timedelta(minutes=activity.duration_minutes)
                lines.append(self._time("DTEND", end))
        else:  # all day: the next day ends it (DTEND is exclusive)
            day = activity.due_on
            lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode())
            lines.append(f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}".encode())
        lines += [
            self.stamp_line,
            _text_line("UID", f"{activity.id}@{UID_DOMAIN}"),
            f"SEQUENCE:{activity.sequence}".encode(),
        ]
        details = [
            _labelled(words[key], text.strip(), lang)
            for key, text in (("account", activity.account), ("pursuit", activity.title))
            if text and text.strip()
        ]
        lines.append(_text_line("DESCRIPTION", strip_controls("\n".join(details))))
        if activity.updated_at is not None:
            lines.append(f"LAST-MODIFIED:{_utc_stamp(activity.updated_at)}".encode())
        transparency = b"TRANSP:OPAQUE" if activity.due_at is not None else b"TRANSP:TRANSPARENT"
        lines += [b"STATUS:CONFIRMED", transparency, b"END:VEVENT"]
        return b"\r\n".join(lines)

    def timezones(self) -> bytes:
        """The VTIMEZONE definitions of the zones the events were stated in (from `icalendar`,
        as its `Calendar.add_missing_timezones` makes them)."""
        return _vtimezones(frozenset(self._zones) - {"UTC"})


@cache
def _vtimezones(tzids: frozenset[str]) -> bytes:
    """The VTIMEZONE components of the zones `tzids` (the same for every file)."""
    parts = []
    for tzid in sorted(tzids):
        try:
            parts.append(icalendar.Timezone.from_tzid(tzid).to_ical())
        except ValueError:  # a zone `icalendar` cannot describe is left out, as it does
            continue
    return b"".join(parts).rstrip(b"\r\n")


def visit_calendar(
    ws: Workspace, visit_id: str, *, tz: tzinfo | str | None = None, lang: str = "zh"
) -> bytes:
    return calendar_for(ws, [visit_id], tz=tz, lang=lang)


def upcoming_activity_ids(
    ws: Workspace,
    *,
    tz: tzinfo | str | None = None,
    now: datetime | None = None,
    days: int = 14,
    until: datetime | None = None,
) -> list[str]:
    """Ids of the open (not done) activities from `now` (naive or aware UTC) within `days`, or
    before `until` (naive UTC) when given: those with a time from now on, and the all-day ones
    from today (in `tz`) on, in time order."""
    zone_info = tz if isinstance(tz, tzinfo) else zone(tz)
    now = visits.as_utc(now) if now is not None else utcnow()
    end = visits.as_utc(until) if until is not None else now + timedelta(days=days)
    today = now.replace(tzinfo=UTC).astimezone(zone_info).date()
    # An all-day item belongs to the window when its day starts before the window ends.
    last_day = end.replace(tzinfo=UTC).astimezone(zone_info)
    end_day = last_day.date() + timedelta(days=1 if last_day.time() > datetime.min.time() else 0)
    timed = Activity.due_at.is_not(None) & (Activity.due_at >= now) & (Activity.due_at < end)
    all_day = Activity.due_at.is_(None) & (Activity.due_on >= today)
    all_day &= Activity.due_on < end_day
    query = (
        select(Activity.id)
        .outerjoin(Pursuit, Pursuit.id == Activity.pursuit_id)
        .where(
            Activity.alive,
            Activity.done.is_(False),
            or_(Pursuit.id.is_(None), Pursuit.alive),
            or_(timed, all_day),
        )
        .order_by(Activity.due_on, Activity.due_at)
    )
    with ws.read() as session:
        return list(session.scalars(query))


def upcoming_calendar(
    ws: Workspace,
    *,
    tz: tzinfo | str | None = None,
    lang: str = "zh",
    now: datetime | None = None,
    days: int = 14,
) -> tuple[bytes, int]:
    """The visits and open activities from now on within `days` as one file, and how many
    events it holds."""
    ids = visits.upcoming_ids(ws, now=now, days=days)
    activity_ids = upcoming_activity_ids(ws, tz=tz, now=now, days=days)
    data = calendar_for(ws, ids, activity_ids=activity_ids, tz=tz, lang=lang, now=now)
    return data, len(ids) + len(activity_ids)


def write_file(path: Path | str, data: bytes) -> None:
    """Write beside the target, verify, then replace: a crash or a full disk never leaves half a
    file, and the calendar gets the user's normal permissions (a colleague can open it)."""

    def verify(temp: Path) -> None:
        if temp.read_bytes() != data:
            raise OSError(28, "the calendar file was not written whole (is the disk full?)")

    write_atomically(Path(path), lambda temp: temp.write_bytes(data), verify)
