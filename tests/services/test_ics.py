"""Calendar export: the .ics parses back with the same instants, in the right time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop.services import pursuits, stakeholders, visits
from desktop.services.errors import NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.reports import ics
from desktop.services.visits import VisitDraft


@pytest.fixture
def planned(ws):
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 生产执行系统", account_name="苏州恒通电子有限公司", stage=4)
    )
    zhang, _ = stakeholders.create_stakeholder(
        ws, pursuit_id, {"name": "张伟", "title": "总经理"}, roles=["decision_maker", "insider"]
    )
    stakeholders.create_stakeholder(ws, pursuit_id, {"name": "不参会"})
    # 09:00 in Shanghai on 1 Dec; 10:30 in Berlin on 29 March (the day after the DST change).
    first, _ = visits.create_visit(
        ws,
        VisitDraft(
            pursuit_id=pursuit_id,
            starts_at=datetime(2026, 12, 1, 1, 0),
            duration_minutes=90,
            objective="确认采购指标",
            location="客户总部 3 楼会议室",
            questions="预算审批流程?\n上线时间要求?",
            materials="价值建议书、案例集",
            attendee_ids=[zhang],
        ),
    )
    second, _ = visits.create_visit(
        ws,
        VisitDraft(pursuit_id=pursuit_id, starts_at=datetime(2027, 3, 29, 8, 30), objective="Demo"),
    )
    return first, second


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
def test_times_round_trip_in_the_zone(ws, planned, zone: str) -> None:
    first, second = planned
    data = ics.calendar_for(ws, [first, second], tz=zone, lang="zh")
    parsed = events(data)
    assert [str(e["uid"]) for e in parsed] == [f"{first}@pursuit.local", f"{second}@pursuit.local"]
    starts = [e.decoded("dtstart") for e in parsed]
    ends = [e.decoded("dtend") for e in parsed]
    assert all(s.tzinfo is not None for s in starts)
    assert [s.astimezone(UTC).replace(tzinfo=None) for s in starts] == [
        datetime(2026, 12, 1, 1, 0),
        datetime(2027, 3, 29, 8, 30),
    ]
    assert ends[0] - starts[0] == timedelta(minutes=90)
    # Stated in the zone (with its definition), not in UTC.
    assert f"TZID={zone}".encode() in data
    assert b"BEGIN:VTIMEZONE" in data
    assert starts[0].utcoffset() == ZoneInfo(zone).utcoffset(datetime(2026, 12, 1, 1))


def test_shanghai_wall_clock(ws, planned) -> None:
    first, _ = planned
    data = ics.visit_calendar(ws, first, tz="Asia/Shanghai", lang="zh")
    assert b"DTSTART;TZID=Asia/Shanghai:20261201T090000" in data
    assert b"DTEND;TZID=Asia/Shanghai:20261201T103000" in data


def test_without_a_zone_times_are_utc(ws, planned) -> None:
    first, _ = planned
    for zone in (None, "", "Not/AZone", "Etc/UTC"):
        data = ics.visit_calendar(ws, first, tz=zone)
        assert b"DTSTART:20261201T010000Z" in data
        assert b"VTIMEZONE" not in data


def test_event_text_and_no_attendee_properties(ws, planned) -> None:
    first, _ = planned
    (event,) = events(ics.visit_calendar(ws, first, tz="Asia/Shanghai", lang="zh"))
    # Chinese text takes the full-width colon (「拜访：」), English "Visit: ".
    assert str(event["summary"]) == "拜访：苏州恒通电子有限公司 · MES 生产执行系统"
    assert str(event["location"]) == "客户总部 3 楼会议室"
    description = str(event["description"])
    assert "目标：确认采购指标" in description
    assert "阶段：" in description
    assert ":" not in description and ":" not in str(event["summary"])
    assert "张伟(总经理、内线、决策者)" in description
    assert "不参会" not in description
    assert "预算审批流程?\n上线时间要求?" in description
    # Customers are never ATTENDEEs: a calendar would offer to e-mail them an invitation.
    assert "ATTENDEE" not in event
    (english,) = events(ics.visit_calendar(ws, first, tz="Asia/Shanghai", lang="en"))
    assert str(english["summary"]) == "Visit: 苏州恒通电子有限公司 · MES 生产执行系统"
    assert "：" not in str(english["description"])
    assert "Objective: 确认采购指标" in str(english["description"])


def test_sequence_rises_with_every_edit(ws, planned) -> None:
    first, _ = planned
    before = events(ics.visit_calendar(ws, first))[0]["sequence"]
    visits.update_visit(ws, first, {"location": "样板工厂"})
    after = events(ics.visit_calendar(ws, first))[0]["sequence"]
    assert after > before


def test_upcoming_calendar_and_missing_visits(ws, planned) -> None:
    first, second = planned
    data, count = ics.upcoming_calendar(ws, tz="Asia/Shanghai", now=datetime(2026, 11, 25))
    assert count == 1
    assert [str(e["uid"]) for e in events(data)] == [f"{first}@pursuit.local"]
    empty, none = ics.upcoming_calendar(ws, now=datetime(2030, 1, 1))
    assert none == 0 and events(empty) == []
    visits.delete_visit(ws, second)
    with pytest.raises(NotFound):
        ics.calendar_for(ws, [first, second])


def test_write_file_replaces_atomically(tmp_path, ws, planned) -> None:
    first, _ = planned
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "visit.ics"
    target.write_bytes(b"old")
    ics.write_file(target, ics.visit_calendar(ws, first))
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in folder.iterdir()] == ["visit.ics"]  # no temporary file left


# The file is written as text rather than built with `icalendar` (for speed); these check that it
# is exactly what `icalendar` itself writes for the same calendar, on awkward text.
AWKWARD = (
    "逗号,分号;反斜杠\\ 和 \\N 和 ^ 插入符\r\n"
    "Windows 换行\r单独的回车 😀 emoji " + "长文本很长" * 40 + "a\\" * 40 + "^" * 80
)


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", None])
def test_the_file_is_what_icalendar_writes(ws, planned, zone) -> None:
    first, second = planned
    visits.update_visit(ws, second, {"objective": AWKWARD, "location": "A 座; B, C\\D"})
    data = ics.calendar_for(ws, [first, second], tz=zone, lang="zh")
    assert icalendar.Calendar.from_ical(data).to_ical() == data
    # RFC 5545 3.1: CRLF line ends, lines under 75 octets, never cut inside a character.
    assert data.endswith(b"END:VCALENDAR\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    (_, event) = events(data)
    description = str(event["description"])
    # The text reads back as written (line breaks normalised as `icalendar` reads them).
    expected = AWKWARD.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")
    assert f"目标：\n{expected.strip()}" in description
    assert str(event["location"]) == "A 座; B, C\\D"


def test_folding_matches_icalendar_at_every_boundary() -> None:
    from icalendar.parser.string import _foldline

    samples = ["a", "中", "😀", "\\", "^", "a\\", "é"]
    for sample in samples:
        for length in range(60, 240):
            line = "DESCRIPTION:" + (sample * length)[:length]
            assert ics._fold(line) == _foldline(line).encode("utf-8"), (sample, length)


# --- activities ----------------------------------------------------------------------------------
@pytest.fixture
def scheduled(ws, planned):
    """A timed call, an all-day task, a done meeting and one without a day, on the visits'
    pursuit (times chosen in Shanghai)."""
    from datetime import date, time

    from desktop.services import activities
    from desktop.services.activities import ActivityDraft

    pursuit_id = visits.get_visit(ws, planned[0]).pursuit_id
    shanghai = ZoneInfo("Asia/Shanghai")

    def make(subject: str, kind: str, **fields) -> str:
        draft = ActivityDraft(subject=subject, activity_kind=kind, pursuit_id=pursuit_id, **fields)
        activity_id, _ = activities.create_activity(ws, draft, tz=shanghai)
        return activity_id

    call = make(
        "电话确认预算", "call", due_on=date(2026, 11, 27), due_time=time(14, 0), duration_minutes=30
    )
    task = make("准备方案", "task", due_on=date(2026, 11, 28))
    done = make(
        "已开过的会", "meeting", due_on=date(2026, 11, 26), due_time=time(9, 0), duration_minutes=60
    )
    activities.complete_activity(ws, done, "谈妥", now=datetime(2026, 11, 26, 2), tz=shanghai)
    make("某天再说", "note_to_self")
    return call, task, done


def test_activities_are_events_once_with_summary_start_and_duration(ws, planned, scheduled):
    call, task, _done = scheduled
    data = ics.calendar_for(ws, [], activity_ids=[call, task, call], tz="Asia/Shanghai")
    parsed = {str(e["uid"]): e for e in events(data)}
    assert sorted(parsed) == sorted([f"{call}@pursuit.local", f"{task}@pursuit.local"])
    timed = parsed[f"{call}@pursuit.local"]
    assert str(timed["summary"]) == "电话：电话确认预算"
    assert "项目：MES 生产执行系统" in str(timed["description"])
    start = timed.decoded("dtstart")
    assert start.astimezone(UTC).replace(tzinfo=None) == datetime(2026, 11, 27, 6, 0)
    assert timed.decoded("dtend") - start == timedelta(minutes=30)
    all_day = parsed[f"{task}@pursuit.local"]
    assert str(all_day["summary"]) == "任务：准备方案"
    from datetime import date

    assert all_day.decoded("dtstart") == date(2026, 11, 28)
    assert all_day.decoded("dtend") - all_day.decoded("dtstart") == timedelta(days=1)
    assert b"DTSTART;VALUE=DATE:20261128" in data


def test_upcoming_has_open_activities_next_to_visits(ws, planned, scheduled):
    first, _second = planned
    call, task, done = scheduled
    data, count = ics.upcoming_calendar(ws, tz="Asia/Shanghai", now=datetime(2026, 11, 25), days=14)
    uids = [str(e["uid"]) for e in events(data)]
    assert count == 3 == len(uids) == len(set(uids))
    assert set(uids) == {f"{i}@pursuit.local" for i in (first, call, task)}
    assert f"{done}@pursuit.local" not in uids
    # The all-day task of today (in Shanghai) is still coming; yesterday's is not.
    later = ics.upcoming_activity_ids(ws, tz="Asia/Shanghai", now=datetime(2026, 11, 28, 3))
    assert later == [task]
    # An activity with no day, asked for by id, is left out; a deleted one is refused.
    from desktop.services import activities

    activities.delete_activity(ws, call)
    with pytest.raises(NotFound):
        ics.calendar_for(ws, [], activity_ids=[call])


def test_activity_events_read_back_and_write_identically(ws, planned, scheduled):
    call, task, _done = scheduled
    data = ics.calendar_for(ws, [], activity_ids=[call, task], tz="Europe/Berlin")
    assert icalendar.Calendar.from_ical(data).to_ical() == data
