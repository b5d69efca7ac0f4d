"""The agenda's small reads on a real SQLite file: the count start-up asks to choose the Today
screen, and what reminders ask (what came due between two moments, when the next comes due)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.services import activities, pursuits, visits
from desktop.services.activities import ActivityDraft
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import agenda

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 5, 4)


def make_pursuit(ws) -> str:
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="MES 生产执行系统", account_name="苏州恒通电子有限公司")
    )
    return pursuit_id


def plan(ws, pursuit_id, subject, day, at=None) -> str:
    return activities.create_activity(
        ws,
        ActivityDraft(subject=subject, pursuit_id=pursuit_id, due_on=day, due_time=at),
        tz=SHANGHAI,
    )[0]


def due(ws) -> int:
    """The count, checked against `anything_due` (start-up's question) on the way."""
    count = agenda.due_count(ws, today=TODAY, tz=SHANGHAI)
    assert agenda.anything_due(ws, today=TODAY, tz=SHANGHAI) == (count > 0)
    return count


def test_due_count_matches_the_agendas_overdue_and_today(ws) -> None:
    pid = make_pursuit(ws)
    assert due(ws) == 0
    plan(ws, pid, "明天的事", TODAY + timedelta(days=1))
    assert due(ws) == 0
    late = plan(ws, pid, "补发报价单", TODAY - timedelta(days=3))
    plan(ws, pid, "电话回访", TODAY, time(15, 0))
    visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pid, starts_at=datetime(2026, 5, 4, 2, 0), objective="高层拜访"
        ),
    )
    assert due(ws) == 3
    result = agenda.agenda(ws, today=TODAY, tz=SHANGHAI)
    assert len(result.overdue) + len(result.due_today) == 3
    activities.complete_activity(ws, late, "", tz=SHANGHAI)
    assert due(ws) == 2
    pursuits.delete_pursuits(ws, [pid])  # its activities and visits go with it
    assert due(ws) == 0


def test_reminders_due_between_two_moments_and_the_next(ws) -> None:
    pid = make_pursuit(ws)
    call = plan(ws, pid, "电话回访", TODAY, time(15, 0))  # 07:00 UTC
    early = plan(ws, pid, "发送纪要", TODAY, time(9, 0))  # 01:00 UTC
    allday = plan(ws, pid, "准备方案", TODAY - timedelta(days=1))
    plan(ws, pid, "以后的事", TODAY + timedelta(days=3), time(10, 0))
    visit_id, _ = visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pid, starts_at=datetime(2026, 5, 4, 3, 0), objective="高层拜访"
        ),
    )
    at = datetime(2026, 5, 4, 0, 0)  # 08:00 in Shanghai
    assert agenda.next_reminder_at(ws, at, tz=SHANGHAI) == datetime(2026, 5, 4, 1, 0)
    assert agenda.next_reminder_at(ws, datetime(2026, 5, 4, 1, 0), tz=SHANGHAI) == datetime(
        2026, 5, 4, 3, 0
    )
    due = agenda.reminders_due(ws, at, datetime(2026, 5, 4, 7, 0), tz=SHANGHAI)
    assert [r.id for r in due] == [early, visit_id, call]
    assert due[0].where == "苏州恒通电子有限公司 · MES 生产执行系统"
    # The all-day activity of yesterday became overdue at midnight (16:00 UTC the day before).
    since_evening = datetime(2026, 5, 3, 12, 0)
    summary = agenda.reminders_due(
        ws, since_evening, datetime(2026, 5, 4, 2, 0), all_day=True, tz=SHANGHAI
    )
    assert [(r.id, r.all_day) for r in summary] == [(allday, True), (early, False)]
    assert summary[0].due == datetime(2026, 5, 3, 16, 0)
    # Nothing is due twice: the window after the last one is empty.
    assert agenda.reminders_due(ws, datetime(2026, 5, 4, 7, 0), datetime(2026, 5, 4, 8, 0)) == []
    activities.complete_activity(ws, early, "", tz=SHANGHAI)
    assert agenda.next_reminder_at(ws, at, tz=SHANGHAI) == datetime(2026, 5, 4, 3, 0)


def test_a_visit_alone_is_something_due(ws) -> None:
    pid = make_pursuit(ws)
    visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pid, starts_at=datetime(2026, 5, 4, 2, 0), objective="高层拜访"
        ),
    )
    assert due(ws) == 1
