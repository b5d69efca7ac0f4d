"""Visit use-cases on a real SQLite file: planning, attendees, outcome, the upcoming list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from desktop.services import pursuits, records, stakeholders, visits
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import board
from desktop.services.visits import VisitDraft
from desktop.storage.tables import Visit, VisitAttendee, membership_id

SHANGHAI = ZoneInfo("Asia/Shanghai")


def make_pursuit(
    ws, title="MES 生产执行系统", account="苏州恒通电子有限公司", people=("张伟", "李娜")
):
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=1_200_000_00, stage=3)
    )
    ids = [
        stakeholders.create_stakeholder(ws, pursuit_id, {"name": name, "title": "CIO"})[0]
        for name in people
    ]
    return pursuit_id, ids


def draft(pursuit_id, when=datetime(2026, 12, 1, 1, 0), **extra) -> VisitDraft:
    values = {"objective": "确认采购指标并介绍样板客户案例", "location": "客户总部会议室"}
    values.update(extra)
    return VisitDraft(pursuit_id=pursuit_id, starts_at=when, **values)


def count(ws, table) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_plan_a_visit_with_attendees(ws) -> None:
    pursuit_id, (zhang, li) = make_pursuit(ws)
    visit_id, changes = visits.create_visit(
        ws, draft(pursuit_id, attendee_ids=[zhang, li, zhang], our_people="销售经理")
    )
    assert changes.ids("visit") == {visit_id}
    assert changes.ids("pursuit_part") == {pursuit_id}
    detail = visits.get_visit(ws, visit_id)
    assert detail.attendee_ids == [zhang, li]
    assert detail.fields["objective"] == "确认采购指标并介绍样板客户案例"
    assert detail.fields["starts_at"] == datetime(2026, 12, 1, 1, 0)
    assert (detail.account, detail.pursuit_title) == ("苏州恒通电子有限公司", "MES 生产执行系统")
    with ws.read() as session:
        ids = set(session.scalars(select(VisitAttendee.id)))
    # Attendees are memberships with deterministic ids (the same on every machine).
    assert ids == {membership_id("attendee", visit_id, sid) for sid in (zhang, li)}


def test_aware_times_are_stored_as_utc(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    local = datetime(2026, 12, 1, 9, 30, 45, tzinfo=SHANGHAI)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, when=local))
    assert visits.get_visit(ws, visit_id).starts_at == datetime(2026, 12, 1, 1, 30, 45)


def test_an_attendee_from_another_pursuit_is_refused_and_nothing_is_written(ws) -> None:
    pursuit_id, (zhang, _li) = make_pursuit(ws)
    _other, (stranger,) = make_pursuit(ws, title="WMS", people=("王芳",))
    with pytest.raises(InvalidInput) as refused:
        visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang, stranger]))
    assert (refused.value.field, refused.value.code) == ("attendees", "not_in_pursuit")
    assert count(ws, Visit) == 0
    assert count(ws, VisitAttendee) == 0
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]))
    with pytest.raises(InvalidInput):
        visits.set_attendees(ws, visit_id, [stranger])
    with pytest.raises(InvalidInput):
        visits.set_attendees(ws, visit_id, ["no-such-person"])
    assert visits.get_visit(ws, visit_id).attendee_ids == [zhang]


def test_a_deleted_stakeholder_cannot_attend(ws) -> None:
    pursuit_id, (zhang, li) = make_pursuit(ws)
    records.delete(ws, "stakeholder", li)
    with pytest.raises(InvalidInput):
        visits.create_visit(ws, draft(pursuit_id, attendee_ids=[li]))
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]))
    assert visits.get_visit(ws, visit_id).attendee_ids == [zhang]


@pytest.mark.parametrize(
    "values, field, code",
    [
        ({"objective": "  "}, "objective", "required"),
        ({"starts_at": None}, "starts_at", "required"),
        ({"starts_at": "2026-12-01 09:00"}, "starts_at", "bad_datetime"),
        ({"duration_minutes": 0}, "duration_minutes", "out_of_range"),
        ({"duration_minutes": 24 * 60 + 1}, "duration_minutes", "out_of_range"),
        ({"location": 5}, "location", "not_text"),
    ],
)
def test_bad_input_is_refused(ws, values, field, code) -> None:
    pursuit_id, _ = make_pursuit(ws)
    base = draft(pursuit_id)
    plan = {**base.values(), **values}
    with pytest.raises(InvalidInput) as refused:
        visits.create_visit(ws, VisitDraft(pursuit_id=pursuit_id, **plan))
    assert (refused.value.field, refused.value.code) == (field, code)
    assert count(ws, Visit) == 0


def test_update_refuses_unknown_fields_and_a_move_to_another_pursuit(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id))
    with pytest.raises(InvalidInput):
        visits.update_visit(ws, visit_id, {"pursuit_id": "elsewhere"})
    with pytest.raises(NotFound):
        visits.create_visit(ws, draft("no-such-pursuit"))
    with pytest.raises(NotFound):
        visits.update_visit(ws, "no-such-visit", {"location": "x"})


def test_edit_fields_and_attendees_then_nothing_changed(ws) -> None:
    pursuit_id, (zhang, li) = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]))
    changes = visits.update_visit(ws, visit_id, {"location": "  样板工厂  "}, [li])
    assert changes.ids("visit") == {visit_id}
    detail = visits.get_visit(ws, visit_id)
    assert detail.fields["location"] == "样板工厂"
    assert detail.attendee_ids == [li]
    # Re-adding an attendee brings the same membership row back instead of a duplicate.
    visits.set_attendees(ws, visit_id, [zhang, li])
    assert count(ws, VisitAttendee) == 2
    assert visits.update_visit(ws, visit_id, {"location": "样板工厂"}, [li, zhang]) == (
        visits.Changes()
    )


def test_record_outcome_and_set_the_pursuits_next_step(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id))
    changes = visits.record_outcome(
        ws,
        visit_id,
        "决策者认可价值建议书",
        "预算已列入明年计划",
        "1. 提交正式报价\n2. 安排样板客户参观",
        pursuit_next_step="提交正式报价",
        pursuit_next_step_due=date(2026, 12, 8),
    )
    assert changes.ids("visit") == {visit_id}
    assert changes.ids("pursuit") == {pursuit_id}
    detail = visits.get_visit(ws, visit_id)
    assert detail.fields["outcome"] == "决策者认可价值建议书"
    assert (detail.pursuit_next_step, detail.pursuit_next_step_due) == (
        "提交正式报价",
        date(2026, 12, 8),
    )
    card = board.board_card(ws, pursuit_id)
    assert card is not None and card.next_step == "提交正式报价"
    # Putting the old next step back (what undo does).
    visits.set_pursuit_next_step(ws, pursuit_id, "", None)
    assert visits.get_visit(ws, visit_id).pursuit_next_step == ""
    # The first line of the visit's next steps, without its number.
    changes = visits.next_step_from_visit(ws, visit_id, date(2026, 12, 9))
    assert changes.ids("pursuit") == {pursuit_id}
    assert visits.get_visit(ws, visit_id).pursuit_next_step == "提交正式报价"


def test_next_step_from_a_visit_without_one_is_refused(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id))
    with pytest.raises(InvalidInput) as refused:
        visits.next_step_from_visit(ws, visit_id)
    assert refused.value.field == "next_steps"


@pytest.mark.parametrize(
    "text, first",
    [
        ("1. 提交报价\n2. 参观", "提交报价"),
        ("\n  - 约见决策者  \n", "约见决策者"),
        ("• Send the quote", "Send the quote"),
        ("2026 budget review", "2026 budget review"),
        ("", ""),
    ],
)
def test_first_line(text: str, first: str) -> None:
    assert visits.first_line(text) == first


def test_delete_and_restore_keep_the_attendees(ws) -> None:
    pursuit_id, (zhang, _li) = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]))
    visits.delete_visit(ws, visit_id)
    assert visits.visits_of(ws, pursuit_id) == []
    with pytest.raises(NotFound):
        visits.get_visit(ws, visit_id)
    visits.restore_visit(ws, visit_id)
    assert [r.attendees for r in visits.visits_of(ws, pursuit_id)] == [("张伟",)]


def test_create_with_the_id_of_a_deleted_visit_brings_it_back(ws) -> None:
    pursuit_id, (zhang, _li) = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]))
    visits.delete_visit(ws, visit_id)
    again, _ = visits.create_visit(ws, draft(pursuit_id, attendee_ids=[zhang]), visit_id=visit_id)
    assert again == visit_id
    assert count(ws, Visit) == 1
    assert visits.get_visit(ws, visit_id).attendee_ids == [zhang]


def test_visits_of_a_pursuit_latest_first(ws) -> None:
    pursuit_id, (zhang, li) = make_pursuit(ws)
    first, _ = visits.create_visit(ws, draft(pursuit_id, when=datetime(2026, 11, 2, 2)))
    second, _ = visits.create_visit(
        ws, draft(pursuit_id, when=datetime(2026, 12, 2, 2), attendee_ids=[li, zhang])
    )
    rows = visits.visits_of(ws, pursuit_id)
    assert [r.id for r in rows] == [second, first]
    assert sorted(rows[0].attendees) == ["张伟", "李娜"]
    assert rows[0].ends_at() == datetime(2026, 12, 2, 3)
    assert visits.visit_row(ws, first).objective == "确认采购指标并介绍样板客户案例"


def test_upcoming_groups_by_local_week(ws) -> None:
    """Wednesday 2 Dec 2026 in Shanghai: this week is Mon 30 Nov – Sun 6 Dec (local)."""
    pursuit_id, (zhang, _li) = make_pursuit(ws)
    today = date(2026, 12, 2)

    def at(local: datetime, **extra) -> str:
        return visits.create_visit(
            ws, draft(pursuit_id, when=local.replace(tzinfo=SHANGHAI), **extra)
        )[0]

    monday_early = at(datetime(2026, 11, 30, 0, 30))  # Sunday 16:30 UTC: still this week locally
    sunday_late = at(datetime(2026, 12, 6, 23, 30))
    next_monday = at(datetime(2026, 12, 7, 9, 0), attendee_ids=[zhang])
    next_sunday = at(datetime(2026, 12, 13, 23, 59))
    too_far = at(datetime(2026, 12, 14, 0, 0))
    waiting = at(datetime(2026, 11, 25, 14, 0))  # last week, no outcome yet
    done = at(datetime(2026, 11, 26, 14, 0))
    visits.record_outcome(ws, done, "签约意向明确")
    too_old = at(datetime(2026, 10, 20, 14, 0))  # more than 30 days ago
    gone = at(datetime(2026, 12, 3, 10, 0))
    visits.delete_visit(ws, gone)
    other_pursuit, _ = make_pursuit(ws, title="WMS", people=())
    closed = visits.create_visit(
        ws, draft(other_pursuit, when=datetime(2026, 12, 3, 2, 0, tzinfo=UTC))
    )[0]
    records.delete(ws, "pursuit", other_pursuit)

    rows = visits.upcoming_visits(ws, today=today, tz=SHANGHAI)
    buckets = {row.id: row.bucket for row in rows}
    assert buckets == {
        waiting: visits.NEEDS_OUTCOME,
        monday_early: visits.THIS_WEEK,
        sunday_late: visits.THIS_WEEK,
        next_monday: visits.NEXT_WEEK,
        next_sunday: visits.NEXT_WEEK,
    }
    assert [r.id for r in rows] == [waiting, monday_early, sunday_late, next_monday, next_sunday]
    assert next(r for r in rows if r.id == next_monday).attendees == ("张伟",)
    assert {too_far, done, too_old, gone, closed}.isdisjoint(buckets)


def test_upcoming_is_one_query(demo_ws) -> None:
    statements: list[str] = []

    def listen(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(demo_ws.db.engine, "before_cursor_execute", listen)
    try:
        rows = visits.upcoming_visits(demo_ws, today=date.today() + timedelta(days=7))
    finally:
        event.remove(demo_ws.db.engine, "before_cursor_execute", listen)
    assert rows, "the demo plans visits in the next two weeks"
    assert len(statements) == 1
    assert all(row.attendees for row in rows)


def test_upcoming_ids_from_now(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    now = datetime(2026, 12, 2, 4, 0)
    soon, _ = visits.create_visit(ws, draft(pursuit_id, when=now + timedelta(hours=2)))
    later, _ = visits.create_visit(ws, draft(pursuit_id, when=now + timedelta(days=10)))
    visits.create_visit(ws, draft(pursuit_id, when=now - timedelta(hours=2)))
    visits.create_visit(ws, draft(pursuit_id, when=now + timedelta(days=20)))
    assert visits.upcoming_ids(ws, now=now) == [soon, later]


def test_week_start_and_local_midnight() -> None:
    assert visits.week_start(date(2026, 12, 6)) == date(2026, 11, 30)  # Sunday -> Monday
    assert visits.week_start(date(2026, 11, 30)) == date(2026, 11, 30)
    assert visits.local_midnight_utc(date(2026, 11, 30), SHANGHAI) == datetime(2026, 11, 29, 16)
    # Across a daylight-saving change the offset follows the day.
    berlin = ZoneInfo("Europe/Berlin")
    assert visits.local_midnight_utc(date(2026, 3, 30), berlin) == datetime(2026, 3, 29, 22)
    assert visits.local_midnight_utc(date(2026, 3, 28), berlin) == datetime(2026, 3, 27, 23)


def test_a_visit_of_a_pursuit_that_is_gone_is_not_edited(ws) -> None:
    """Its pursuit deleted by a sync, or not in a restored backup, while the editor was open: the
    visit is listed nowhere, so a save there would vanish; it is refused (the editor says so)."""
    pursuit_id, _ids = make_pursuit(ws)
    visit_id, _ = visits.create_visit(ws, draft(pursuit_id))
    records.delete(ws, "pursuit", pursuit_id)
    with pytest.raises(NotFound):
        visits.update_visit(ws, visit_id, {"location": "改到分公司"})
    with pytest.raises(NotFound):
        visits.record_outcome(ws, visit_id, "客户同意试点")
    with ws.read() as session:
        visit = session.get(Visit, visit_id)
        assert (visit.location, visit.outcome) == ("客户总部会议室", "")
