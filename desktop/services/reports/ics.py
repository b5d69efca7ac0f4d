"""Visits as an iCalendar file (.ics) for Outlook, Apple Calendar or a phone.

Times are UTC in the database; the file states them in the user's time zone (with its VTIMEZONE
definition) so a calendar shows 09:00 where the rep typed 09:00, and still converts correctly when
the rep travels. Without a known zone the times are written in UTC ("…Z"), which every calendar
reads. Customers are named in the description but never added as ATTENDEE properties: a calendar
would offer to send them invitations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from sqlalchemy import select

from desktop import APP_NAME, __version__
from desktop.domain.text import strip_controls
from desktop.services import visits
from desktop.services.errors import NotFound
from desktop.services.reports.safe_output import write_atomically
from desktop.services.workspace import Workspace
from desktop.storage.tables import (
    Account,
    Pursuit,
    Stakeholder,
    StakeholderRole,
    Visit,
    VisitAttendee,
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
}


def _word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang.startswith("zh") else en


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
    tz: tzinfo | str | None = None,
    lang: str = "zh",
    now: datetime | None = None,
) -> bytes:
    """An .ics file (bytes) with one event per visit, in the order given.

    Raises NotFound when a visit is unknown or deleted.
    """
    zone_info = tz if isinstance(tz, tzinfo) else zone(tz)
    stamp = (now or utcnow()).replace(tzinfo=UTC)
    ids = list(dict.fromkeys(visit_ids))
    catalog = ws.catalog
    with ws.read() as session:
        found = {
            row[0].id: row
            for row in session.execute(
                select(Visit, Pursuit.title, Pursuit.stage, Account.name)
                .join(Pursuit, Pursuit.id == Visit.pursuit_id)
                .join(Account, Account.id == Pursuit.account_id)
                .where(Visit.id.in_(ids), Visit.alive, Pursuit.alive)
            )
        }
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"visit {missing[0]}")
        people: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for visit_id, sid, name, title in session.execute(
            select(VisitAttendee.visit_id, Stakeholder.id, Stakeholder.name, Stakeholder.title)
            .join(Stakeholder, Stakeholder.id == VisitAttendee.stakeholder_id)
            .where(VisitAttendee.visit_id.in_(ids), VisitAttendee.alive, Stakeholder.alive)
            .order_by(Stakeholder.created_at)
        ):
            people[visit_id].append((sid, name, title))
        roles: dict[str, set[str]] = defaultdict(set)
        sids = [sid for group in people.values() for sid, _, _ in group]
        if sids:
            for sid, role in session.execute(
                select(StakeholderRole.stakeholder_id, StakeholderRole.role).where(
                    StakeholderRole.stakeholder_id.in_(sids), StakeholderRole.alive
                )
            ):
                roles[sid].add(role)
        role_keys = catalog.buying_roles.keys()
        events = []
        for visit_id in ids:
            visit, title, stage, account = found[visit_id]
            if visit.starts_at is None:
                continue
            attendees = []
            for sid, name, job in people[visit_id]:
                labels = [catalog.buying_roles.label(k, lang) for k in role_keys if k in roles[sid]]
                detail = "、".join([job, *labels] if job else labels)
                if detail:
                    attendees.append(f"{name}({detail})" if lang == "zh" else f"{name} ({detail})")
                else:
                    attendees.append(name)
            events.append(
                _event(
                    visit,
                    title=title,
                    account=account,
                    stage_label=f"{stage} {catalog.stage(stage).label(lang)}",
                    attendees=attendees,
                    zone_info=zone_info,
                    stamp=stamp,
                    lang=lang,
                )
            )
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _word("calendar", lang))
    for event in events:
        calendar.add_component(event)
    if zone_info is not UTC and events:
        calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical unannotated
    return ical


def _event(
    visit: Visit,
    *,
    title: str,
    account: str,
    stage_label: str,
    attendees: list[str],
    zone_info: tzinfo,
    stamp: datetime,
    lang: str,
) -> icalendar.Event:
    assert visit.starts_at is not None
    start = visit.starts_at.replace(tzinfo=UTC).astimezone(zone_info)
    end = start + timedelta(minutes=visit.duration_minutes)
    event = icalendar.Event()
    event.add("uid", f"{visit.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", strip_controls(f"{_word('visit', lang)}:{account} · {title}"))
    if visit.location.strip():
        event.add("location", strip_controls(visit.location.strip()))
    lines = []
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
            label = _word(key, lang) + ":"
            lines.append(f"{label}\n{text}" if "\n" in text else f"{label} {text}")
    # RFC 5545 forbids control characters in a value (a paste from Word brings U+000B).
    event.add("description", strip_controls("\n".join(lines)))
    # A calendar replaces an imported event by UID when SEQUENCE rises: every local edit raises
    # a counter of the version vector, so their sum rises with every change.
    event.add("sequence", sum(int(v) for v in (visit.vv or {}).values()))
    if visit.updated_at is not None:
        event.add("last-modified", visit.updated_at.replace(tzinfo=UTC))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def visit_calendar(
    ws: Workspace, visit_id: str, *, tz: tzinfo | str | None = None, lang: str = "zh"
) -> bytes:
    return calendar_for(ws, [visit_id], tz=tz, lang=lang)


def upcoming_calendar(
    ws: Workspace,
    *,
    tz: tzinfo | str | None = None,
    lang: str = "zh",
    now: datetime | None = None,
    days: int = 14,
) -> tuple[bytes, int]:
    """The visits from now on within `days` as one file, and how many there are."""
    ids = visits.upcoming_ids(ws, now=now, days=days)
    return calendar_for(ws, ids, tz=tz, lang=lang, now=now), len(ids)


def write_file(path: Path | str, data: bytes) -> None:
    """Write beside the target, verify, then replace: a crash or a full disk never leaves half a
    file, and the calendar gets the user's normal permissions (a colleague can open it)."""

    def verify(temp: Path) -> None:
        if temp.read_bytes() != data:
            raise OSError(28, "the calendar file was not written whole (is the disk full?)")

    write_atomically(Path(path), lambda temp: temp.write_bytes(data), verify)
