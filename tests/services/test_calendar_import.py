"""Importing a meeting a customer sent (.ics): real files written by `icalendar`, real SQLite."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop.services import activities, calendar_import, pursuits, visits
from desktop.services.calendar_import import (
    ACTIVITY,
    MAX_BYTES,
    RECURRING,
    VISIT,
    CalendarFileError,
)
from desktop.services.changes import ChangeKind
from desktop.services.pursuits import PursuitDraft
from desktop.storage.tables import Note

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def write_calendar(path: Path) -> Path:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Customer//Outlook//EN")
    cal.add("version", "2.0")

    def event(uid: str | None, summary: str, start, end=None, **more) -> icalendar.Event:
        e = icalendar.Event()
        if uid:
            e.add("uid", uid)
        e.add("summary", summary)
        e.add("dtstart", start)
        if end is not None:
            e.add("dtend", end)
        e.add("dtstamp", datetime(2026, 11, 1, tzinfo=UTC))
        for name, value in more.items():
            e.add(name, value)
        cal.add_component(e)
        return e

    # 10:00 in Berlin the day after the DST change (UTC+2): 08:00 UTC.
    event(
        "berlin@customer",
        "Kick-off in Berlin",
        datetime(2027, 3, 29, 10, 0, tzinfo=BERLIN),
        datetime(2027, 3, 29, 11, 30, tzinfo=BERLIN),
        location="Werk 2, Raum 4",
        description="Agenda:\nBudget; timeline",
    )
    event(
        "shanghai@customer",
        "方案评审",
        datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI),
        datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI),
        location="客户总部 3 楼",
    )
    event("allday@customer", "工厂参观", date(2026, 12, 3), date(2026, 12, 4))
    event(None, "Floating call", datetime(2026, 12, 2, 15, 0), duration=timedelta(minutes=45))
    event(
        "weekly@customer",
        "Weekly sync",
        datetime(2026, 12, 1, 8, 0, tzinfo=BERLIN),
        datetime(2026, 12, 1, 8, 30, tzinfo=BERLIN),
        rrule={"freq": "weekly"},
    )
    cal.add_missing_timezones()
    path.write_bytes(cal.to_ical())
    return path


@pytest.fixture
def pursuit_id(ws) -> str:
    made, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 生产执行系统", account_name="苏州恒通电子有限公司", stage=3)
    )
    return made


@pytest.fixture
def ics_file(tmp_path) -> Path:
    return write_calendar(tmp_path / "invite.ics")


def by_subject(drafts):
    return {d.subject: d for d in drafts}


def test_reads_events_in_their_zones_to_utc(ics_file) -> None:
    drafts = by_subject(calendar_import.read_calendar(ics_file, tz=SHANGHAI))
    berlin = drafts["Kick-off in Berlin"]
    assert berlin.starts_at == datetime(2027, 3, 29, 8, 0)
    assert berlin.duration_minutes == 90
    assert berlin.location == "Werk 2, Raum 4"
    assert berlin.notes == "Agenda:\nBudget; timeline"
    assert drafts["方案评审"].starts_at == datetime(2026, 12, 1, 1, 0)
    all_day = drafts["工厂参观"]
    assert all_day.all_day and all_day.day == date(2026, 12, 3) and all_day.days == 1
    assert all_day.starts_at is None
    # A floating time is local (here: Shanghai).
    floating = drafts["Floating call"]
    assert floating.starts_at == datetime(2026, 12, 2, 7, 0)
    assert floating.duration_minutes == 45
    assert floating.key.startswith("sha1:")
    # Exported again later (a new DTSTAMP), the event without a UID keeps its key.
    later = ics_file.read_bytes().replace(b"DTSTAMP:20261101T000000Z", b"DTSTAMP:20261201T000000Z")
    assert later != ics_file.read_bytes()
    again = by_subject(calendar_import.parse_calendar(later, tz=SHANGHAI))
    assert again["Floating call"].key == floating.key
    assert drafts["Weekly sync"].problem == RECURRING
    assert all(not d.problem for s, d in drafts.items() if s != "Weekly sync")


def test_imports_visits_and_activities_once(ws, pursuit_id, ics_file) -> None:
    drafts = by_subject(calendar_import.read_calendar(ics_file, tz=SHANGHAI))
    chosen = [
        (drafts["Kick-off in Berlin"], VISIT),
        (drafts["工厂参观"], VISIT),
        (drafts["方案评审"], ACTIVITY),
        (drafts["Floating call"], ACTIVITY),
        (drafts["Weekly sync"], VISIT),
    ]
    result = calendar_import.import_events(ws, pursuit_id, chosen, tz=SHANGHAI)
    assert len(result.visit_ids) == 2 and len(result.activity_ids) == 2
    assert result.skipped == 1  # the recurring one is refused
    assert result.changes.touches(ChangeKind.VISIT, ChangeKind.ACTIVITY, ChangeKind.NOTE)
    assert pursuit_id in result.changes.ids(ChangeKind.PURSUIT_PART)

    rows = {v.objective: v for v in visits.visits_of(ws, pursuit_id)}
    kickoff = visits.get_visit(ws, rows["Kick-off in Berlin"].id)
    assert kickoff.fields["starts_at"] == datetime(2027, 3, 29, 8, 0)
    assert kickoff.fields["duration_minutes"] == 90
    assert kickoff.fields["location"] == "Werk 2, Raum 4"
    factory = visits.get_visit(ws, rows["工厂参观"].id)
    assert factory.fields["starts_at"] == datetime(2026, 12, 2, 16, 0)  # Shanghai midnight
    assert factory.fields["duration_minutes"] == 24 * 60

    review = activities.get_activity(ws, result.activity_ids[0], tz=SHANGHAI)
    assert review.activity_kind == activities.MEETING and review.subject == "方案评审"
    assert review.due_on == date(2026, 12, 1) and review.duration_minutes == 60
    assert not review.done
    with ws.read() as session:
        (note,) = [n for n in session.query(Note).filter(Note.alive)]
        assert note.pursuit_id == pursuit_id and "Budget; timeline" in note.body

    # The same file again (even asked as the other kind) makes nothing new.
    again = calendar_import.import_events(
        ws, pursuit_id, [(d, ACTIVITY) for d, _ in chosen], tz=SHANGHAI
    )
    assert again.count == 0 and again.skipped == 5 and not again.changes.touched
    assert len(visits.visits_of(ws, pursuit_id)) == 2


def test_undo_removes_and_redo_brings_back_in_one_transaction_each(
    ws, pursuit_id, ics_file
) -> None:
    drafts = calendar_import.read_calendar(ics_file, tz=SHANGHAI)
    chosen = [(d, VISIT) for d in drafts]
    made = calendar_import.import_events(ws, pursuit_id, chosen, tz=SHANGHAI)
    assert made.count == 4
    undone = calendar_import.remove_imported(ws, made.visit_ids, made.activity_ids, made.note_ids)
    assert set(undone.ids(ChangeKind.VISIT)) == set(made.visit_ids)
    assert visits.visits_of(ws, pursuit_id) == []
    redone = calendar_import.import_events(ws, pursuit_id, chosen, tz=SHANGHAI)
    assert redone.visit_ids == made.visit_ids and redone.note_ids == made.note_ids
    assert len(visits.visits_of(ws, pursuit_id)) == 4


def test_a_malformed_file_is_one_clear_error(tmp_path) -> None:
    for name, data in (
        ("garbage.ics", b"BEGIN:VCALENDAR\r\nthis is not a property line\r\n"),
        ("word.ics", b"\x89PNG\r\n\x1a\n\x00\x00binary"),
        ("card.ics", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zhang Wei\r\nEND:VCARD\r\n"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(CalendarFileError) as caught:
            calendar_import.read_calendar(path)
        assert caught.value.code == "malformed", name
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n")
    with pytest.raises(CalendarFileError) as caught:
        calendar_import.read_calendar(empty)
    assert caught.value.code == "no_events"
    with pytest.raises(CalendarFileError) as caught:
        calendar_import.read_calendar(tmp_path / "missing.ics")
    assert caught.value.code == "unreadable"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, ics_file) -> None:
    huge = tmp_path / "huge.ics"
    padding = b"X-PADDING:" + b"a" * 70 + b"\r\n"
    body = ics_file.read_bytes().replace(
        b"END:VCALENDAR", padding * (MAX_BYTES // len(padding) + 10) + b"END:VCALENDAR"
    )
    huge.write_bytes(body)
    assert huge.stat().st_size > MAX_BYTES
    with pytest.raises(CalendarFileError) as caught:
        calendar_import.read_calendar(huge)
    assert caught.value.code == "too_big"


def test_an_unknown_pursuit_or_kind_writes_nothing(ws, pursuit_id, ics_file) -> None:
    from desktop.services.errors import InvalidInput, NotFound

    drafts = calendar_import.read_calendar(ics_file)
    with pytest.raises(NotFound):
        calendar_import.import_events(ws, "nope", [(drafts[0], VISIT)])
    with pytest.raises(InvalidInput):
        calendar_import.import_events(ws, pursuit_id, [(drafts[0], "lunch")])
    assert visits.visits_of(ws, pursuit_id) == []


def test_import_and_its_undo_are_one_transaction_each(ws, pursuit_id, ics_file) -> None:
    from tests.services.test_lifecycle_transactions import one_transaction

    chosen = [(d, VISIT) for d in calendar_import.read_calendar(ics_file)]
    made = one_transaction(ws, lambda: calendar_import.import_events(ws, pursuit_id, chosen))
    one_transaction(
        ws,
        lambda: calendar_import.remove_imported(
            ws, made.visit_ids, made.activity_ids, made.note_ids
        ),
    )
