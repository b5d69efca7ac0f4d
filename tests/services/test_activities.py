"""Activities and notes on a real SQLite file: the use-cases, time zones (a DST change), steps
turned into activities, the agenda, the timeline, and the rules that use them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select

from desktop.domain import health as rules
from desktop.services import activities, health, pursuits, stakeholders, visits
from desktop.services.activities import ActivityDraft
from desktop.services.changes import ChangeKind
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import agenda, timeline
from desktop.services.sync import purge
from desktop.storage.tables import Activity, ActivityAttendee, Note, StepProgress, membership_id

BERLIN = ZoneInfo("Europe/Berlin")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def make_pursuit(ws, title="MES 生产执行系统", account="苏州恒通电子有限公司", stage=3):
    pursuit_id, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title=title, account_name=account, amount=1_200_000_00, stage=stage)
    )
    person, _ = stakeholders.create_stakeholder(ws, pursuit_id, {"name": "张伟", "title": "CIO"})
    return pursuit_id, person


def account_of(ws, pursuit_id: str) -> str:
    with ws.read() as session:
        from desktop.storage.tables import Pursuit

        return session.get(Pursuit, pursuit_id).account_id


def count_begins(ws):
    """A list that fills with one entry per BEGIN on the workspace's engine."""
    seen: list[str] = []

    def before(conn, cursor, statement, *args):
        if statement.strip().upper().startswith("BEGIN"):
            seen.append(statement)

    event.listen(ws.db.engine, "before_cursor_execute", before)
    return seen


def test_create_edit_complete_reopen_delete(ws) -> None:
    pursuit_id, person = make_pursuit(ws)
    today = date.today()
    activity_id, changes = activities.create_activity(
        ws,
        ActivityDraft(
            subject="电话确认技术交流会时间",
            activity_kind=activities.CALL,
            pursuit_id=pursuit_id,
            due_on=today,
            due_time=time(10, 30),
            duration_minutes=15,
            attendee_ids=[person, person],
        ),
        tz=SHANGHAI,
    )
    assert changes.ids(ChangeKind.ACTIVITY) == {activity_id}
    assert changes.ids(ChangeKind.PURSUIT_PART) == {pursuit_id}
    detail = activities.get_activity(ws, activity_id, tz=SHANGHAI)
    assert (detail.due_on, detail.due_time) == (today, time(10, 30))
    assert detail.account_id == account_of(ws, pursuit_id)  # filled in from the pursuit
    assert detail.attendee_ids == (person,)
    with ws.read() as session:
        assert session.scalars(select(ActivityAttendee.id)).all() == [
            membership_id("activity_attendee", activity_id, person)
        ]

    draft = detail.draft()
    draft.subject = "电话约技术交流会"
    draft.attendee_ids = ()
    edited = activities.edit_activity(ws, activity_id, draft, tz=SHANGHAI)
    assert edited.ids(ChangeKind.ACTIVITY) == {activity_id}
    assert activities.edit_activity(ws, activity_id, draft, tz=SHANGHAI).touched == frozenset()
    assert activities.get_activity(ws, activity_id).attendee_ids == ()

    begins = count_begins(ws)
    done = activities.complete_activity(ws, activity_id, "  对方同意下周二  ", tz=SHANGHAI)
    assert len(begins) == 1  # one transaction
    assert done.ids(ChangeKind.ACTIVITY) == {activity_id}
    detail = activities.get_activity(ws, activity_id)
    assert detail.done and detail.outcome == "对方同意下周二" and detail.done_at is not None
    activities.reopen_activity(ws, activity_id)
    detail = activities.get_activity(ws, activity_id)
    assert not detail.done and detail.done_at is None and detail.outcome == "对方同意下周二"

    activities.delete_activity(ws, activity_id)
    with pytest.raises(NotFound):
        activities.get_activity(ws, activity_id)
    activities.restore_activity(ws, activity_id)
    assert activities.get_activity(ws, activity_id).subject == "电话约技术交流会"


def test_bad_input_is_refused(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    other, stranger = make_pursuit(ws, title="另一个项目", account="别家公司")
    with pytest.raises(InvalidInput) as no_subject:
        activities.create_activity(ws, ActivityDraft(subject="  ", pursuit_id=pursuit_id))
    assert no_subject.value.field == "subject"
    with pytest.raises(InvalidInput):
        activities.create_activity(ws, ActivityDraft(subject="x", activity_kind="fax"))
    with pytest.raises(InvalidInput):  # on nothing
        activities.create_activity(ws, ActivityDraft(subject="x"))
    with pytest.raises(InvalidInput):
        activities.create_activity(
            ws, ActivityDraft(subject="x", pursuit_id=pursuit_id, duration_minutes=0)
        )
    with pytest.raises(InvalidInput):  # a time without a day
        activities.create_activity(
            ws, ActivityDraft(subject="x", pursuit_id=pursuit_id, due_time=time(9))
        )
    with pytest.raises(InvalidInput) as strangers:
        activities.create_activity(
            ws, ActivityDraft(subject="x", pursuit_id=pursuit_id, attendee_ids=[stranger])
        )
    assert strangers.value.code == "not_in_pursuit"
    with pytest.raises(InvalidInput):  # the pursuit is another account's
        activities.create_activity(
            ws,
            ActivityDraft(subject="x", pursuit_id=pursuit_id, account_id=account_of(ws, other)),
        )
    with ws.read() as session:
        assert session.scalars(select(Activity)).all() == []


def test_a_past_date_is_allowed_but_not_a_done_activity_in_the_future(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    today = date.today()
    logged, _ = activities.create_activity(
        ws,
        ActivityDraft(subject="上周的拜访电话", pursuit_id=pursuit_id, due_on=today - timedelta(7)),
    )
    activities.complete_activity(ws, logged, "已确认")
    assert activities.get_activity(ws, logged).done
    later, _ = activities.create_activity(
        ws, ActivityDraft(subject="下周的演示", pursuit_id=pursuit_id, due_on=today + timedelta(3))
    )
    with pytest.raises(InvalidInput) as refused:
        activities.complete_activity(ws, later, "提前完成")
    assert refused.value.code == "done_in_future"
    assert not activities.get_activity(ws, later).done
    # Nor may a done activity be moved into the future.
    with pytest.raises(InvalidInput):
        activities.reschedule_activity(ws, logged, today + timedelta(days=2))
    assert activities.get_activity(ws, logged).due_on == today - timedelta(7)


def test_times_are_utc_stored_local_shown_across_a_dst_change(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    # Berlin leaves winter time on 2026-03-29 at 02:00 (UTC+1 -> UTC+2).
    before = date(2026, 3, 28)
    activity_id, _ = activities.create_activity(
        ws,
        ActivityDraft(subject="周例会", pursuit_id=pursuit_id, due_on=before, due_time=time(9, 0)),
        tz=BERLIN,
    )
    with ws.read() as session:
        assert session.get(Activity, activity_id).due_at == datetime(2026, 3, 28, 8, 0)
    # Moved a day: the same 09:00 on the wall, one hour earlier in UTC.
    activities.shift_activity(ws, activity_id, 1, tz=BERLIN)
    with ws.read() as session:
        stored = session.get(Activity, activity_id)
        assert (stored.due_on, stored.due_at) == (date(2026, 3, 29), datetime(2026, 3, 29, 7, 0))
    detail = activities.get_activity(ws, activity_id, tz=BERLIN)
    assert (detail.due_on, detail.due_time) == (date(2026, 3, 29), time(9, 0))
    # Shown in Shanghai (no DST) it is the UTC instant's local time there.
    assert activities.get_activity(ws, activity_id, tz=SHANGHAI).due_time == time(15, 0)
    items = agenda.agenda(ws, today=date(2026, 3, 28), days=7, tz=BERLIN).items()
    assert [(i.day, i.at) for i in items] == [(date(2026, 3, 29), time(9, 0))]
    # Back across the change in autumn (UTC+2 -> UTC+1 on 2026-10-25).
    activities.reschedule_activity(ws, activity_id, date(2026, 10, 26), tz=BERLIN)
    with ws.read() as session:
        assert session.get(Activity, activity_id).due_at == datetime(2026, 10, 26, 8, 0)


def test_open_steps_become_activities_in_one_call_and_completing_marks_the_step(ws) -> None:
    pursuit_id, _ = make_pursuit(ws, stage=2)
    steps = [step.key for step in ws.catalog.stage(2).steps]
    assert activities.open_steps(ws, pursuit_id) == steps
    begins = count_begins(ws)
    made, changes = activities.activities_from_steps(ws, pursuit_id, due_on=date.today())
    assert len(begins) == 1
    assert made == [activities.step_activity_id(pursuit_id, key) for key in steps]
    assert changes.ids(ChangeKind.ACTIVITY) == set(made)
    assert activities.open_steps(ws, pursuit_id) == []  # all planned now
    again, _ = activities.activities_from_steps(ws, pursuit_id)
    assert again == []  # nothing made twice
    first = activities.get_activity(ws, made[0])
    assert first.subject == ws.catalog.step(steps[0]).text("zh_CN")
    activities.complete_activity(ws, made[0], "完成")
    with ws.read() as session:
        progress = session.get(StepProgress, membership_id("step", pursuit_id, steps[0]))
        assert progress is not None and progress.done
    # The next thing offered comes from the steps still open (here: none, all are planned).
    assert activities.next_suggestion(ws, pursuit_id) is None
    activities.delete_activity(ws, made[1])
    suggestion = activities.next_suggestion(ws, pursuit_id, lang="en", today=date(2026, 5, 4))
    assert suggestion is not None
    assert suggestion.step_key == steps[1] and suggestion.due_on == date(2026, 5, 5)
    assert suggestion.subject == ws.catalog.step(steps[1]).text("en")


def test_notes_on_a_pursuit_an_account_and_a_person(ws) -> None:
    pursuit_id, person = make_pursuit(ws)
    account_id = account_of(ws, pursuit_id)
    on_pursuit, changes = activities.add_note(ws, "客户预算下月批复", pursuit_id=pursuit_id)
    assert changes.ids(ChangeKind.NOTE) == {on_pursuit}
    on_account, _ = activities.add_note(
        ws,
        "年底有二期扩容计划",
        account_id=account_id,
        noted_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
    )
    on_person, _ = activities.add_note(ws, "张总喜欢看数据", stakeholder_id=person)
    with ws.read() as session:
        note = session.get(Note, on_person)
        assert (note.pursuit_id, note.account_id, note.stakeholder_id) == (
            pursuit_id,
            account_id,
            person,
        )
        assert session.get(Note, on_account).noted_at == datetime(2026, 1, 5, 9)
    with pytest.raises(InvalidInput):
        activities.add_note(ws, "   ", pursuit_id=pursuit_id)
    with pytest.raises(InvalidInput):
        activities.add_note(ws, "无处安放")
    activities.edit_note(ws, on_pursuit, "客户预算下月初批复")
    activities.delete_note(ws, on_pursuit)
    kinds = [e.id for e in timeline.timeline(ws, account_id=account_id, kinds=[timeline.NOTE])]
    assert kinds == [on_person, on_account]  # newest first; the deleted one is gone


def test_purging_a_pursuit_purges_its_notes_and_activities(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    note_id, _ = activities.add_note(ws, "竞争对手报价低 20%", pursuit_id=pursuit_id)
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="拜访采购部", pursuit_id=pursuit_id, due_on=date.today())
    )
    purge.purge(ws, "pursuit", pursuit_id)
    with ws.read() as session:
        assert session.get(Note, note_id).purged and session.get(Note, note_id).body == ""
        assert session.get(Activity, activity_id).purged


def test_the_agenda_groups_overdue_today_and_the_coming_days(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    other, _ = make_pursuit(ws, title="仓储 WMS", account="宁波港务")
    today = date(2026, 5, 4)

    def plan(subject, day, at=None, pursuit=pursuit_id, kind=activities.TASK):
        return activities.create_activity(
            ws,
            ActivityDraft(
                subject=subject, pursuit_id=pursuit, due_on=day, due_time=at, activity_kind=kind
            ),
            tz=SHANGHAI,
        )[0]

    late = plan("补发报价单", today - timedelta(days=3))
    call = plan("电话回访", today, time(15, 0), kind=activities.CALL)
    early = plan("发送会议纪要", today, time(9, 0), pursuit=other, kind=activities.EMAIL)
    allday = plan("准备方案", today)
    soon = plan("技术交流", today + timedelta(days=2))
    plan("太远的事", today + timedelta(days=9))
    finished = plan("已完成的事", today - timedelta(days=1))
    activities.complete_activity(ws, finished, "done", tz=SHANGHAI)
    visit_id, _ = visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pursuit_id,
            starts_at=datetime(2026, 5, 5, 2, 0),  # 10:00 in Shanghai
            objective="高层拜访",
            location="客户总部",
        ),
    )
    result = agenda.agenda(ws, today=today, days=7, tz=SHANGHAI)
    assert [i.id for i in result.overdue] == [late]
    assert [i.id for i in result.due_today] == [early, call, allday]  # timed first, by time
    assert [i.id for i in result.upcoming] == [visit_id, soon]
    visit_item = result.upcoming[0]
    assert visit_item.is_visit and visit_item.at == time(10, 0)
    assert visit_item.where == "苏州恒通电子有限公司 · MES 生产执行系统"
    groups = result.groups()
    assert [(bucket, day) for bucket, day, _ in groups] == [
        (agenda.OVERDUE, None),
        (agenda.TODAY, today),
        (agenda.UPCOMING, date(2026, 5, 5)),
        (agenda.UPCOMING, date(2026, 5, 6)),
    ]
    # A deleted pursuit takes its activities along; an account's own activity is listed.
    pursuits.delete_pursuits(ws, [other])
    activities.create_activity(
        ws, ActivityDraft(subject="客户年会", account_id=account_of(ws, pursuit_id), due_on=today)
    )
    names = [i.subject for i in agenda.agenda(ws, today=today, days=7, tz=SHANGHAI).due_today]
    assert names == ["电话回访", "准备方案", "客户年会"]


def test_an_activity_whose_pursuit_was_purged_is_shown_not_lost(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="回访", pursuit_id=pursuit_id, due_on=date(2026, 5, 4))
    )
    with ws.write() as session:  # as an import leaves it: the pursuit purged, the activity not
        from desktop.storage.tables import Pursuit

        pursuit = session.get(Pursuit, pursuit_id)
        pursuit.purged, pursuit.alive, pursuit.title = True, False, ""
    items = agenda.agenda(ws, today=date(2026, 5, 4)).due_today
    assert [(i.id, i.pursuit_title) for i in items] == [(activity_id, "")]


def test_the_timeline_of_a_pursuit_and_of_its_account(ws) -> None:
    pursuit_id, _ = make_pursuit(ws, stage=1)
    account_id = account_of(ws, pursuit_id)
    pursuits.move_stage(ws, [pursuit_id], 2, note="见到了信息化部长")
    note_id, _ = activities.add_note(
        ws, "第一次接触", pursuit_id=pursuit_id, noted_at=datetime(2026, 4, 1, 2)
    )
    activity_id, _ = activities.create_activity(
        ws,
        ActivityDraft(subject="电话", pursuit_id=pursuit_id, due_on=date(2026, 4, 2)),
    )
    activities.complete_activity(ws, activity_id, "约好拜访", now=datetime(2026, 4, 2, 3))
    visit_id, _ = visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pursuit_id, starts_at=datetime(2026, 4, 3, 2), objective="首次拜访"
        ),
    )
    account_note, _ = activities.add_note(
        ws, "客户集团换了 CIO", account_id=account_id, noted_at=datetime(2026, 4, 4, 2)
    )
    entries = timeline.timeline(ws, pursuit_id=pursuit_id, tz=SHANGHAI)
    kinds = [(e.kind, e.id) for e in entries if e.kind != timeline.STAGE_CHANGE]
    assert kinds == [("visit", visit_id), ("activity", activity_id), ("note", note_id)]
    done = next(e for e in entries if e.id == activity_id)
    assert done.done and done.detail == "约好拜访" and done.extra == activities.TASK
    moves = [e for e in entries if e.kind == timeline.STAGE_CHANGE]
    assert moves[0].stages == (1, 2) and moves[0].detail == "见到了信息化部长"
    on_account = timeline.timeline(ws, account_id=account_id, kinds=[timeline.NOTE])
    assert [e.id for e in on_account] == [account_note, note_id]
    with pytest.raises(ValueError):
        timeline.timeline(ws)


def test_scheduled_work_satisfies_no_next_step_and_stale_counts_from_the_last_touch(ws) -> None:
    pursuit_id, _ = make_pursuit(ws, stage=1)
    today = date.today()

    def codes():
        found = [f.code for f in health.flags_of(ws, pursuit_id, today)]
        counted = health.red_flag_counts(ws, [pursuit_id], today).get(pursuit_id, 0)
        assert counted == len(found)  # the board's path agrees
        return found

    assert rules.NO_NEXT_STEP in codes()
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="电话", pursuit_id=pursuit_id, due_on=today + timedelta(days=1))
    )
    assert rules.NO_NEXT_STEP not in codes()
    activities.delete_activity(ws, activity_id)
    assert rules.NO_NEXT_STEP in codes()
    visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pursuit_id,
            starts_at=datetime.now(UTC) + timedelta(days=7),
            objective="下周拜访",
        ),
    )
    assert rules.NO_NEXT_STEP not in codes()

    # Stale: entered the stage long ago; a note yesterday is a touch.
    limit = ws.stale_limit(1)
    long_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=limit + 10)
    with ws.write() as session:
        from desktop.storage.tables import Pursuit, StageChange

        session.get(Pursuit, pursuit_id).stage_entered_at = long_ago
        for change in session.scalars(
            select(StageChange).where(StageChange.pursuit_id == pursuit_id)
        ):
            change.changed_at = long_ago
    assert rules.STALE in codes()
    stale = next(f for f in health.flags_of(ws, pursuit_id, today) if f.code == rules.STALE)
    assert stale.params["days"] >= limit + 9
    activities.add_note(
        ws, "电话沟通了进展", pursuit_id=pursuit_id, noted_at=datetime.now(UTC) - timedelta(days=1)
    )
    assert rules.STALE not in codes()


def test_every_use_case_is_one_transaction(ws) -> None:
    pursuit_id, _ = make_pursuit(ws)
    activity_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="x", pursuit_id=pursuit_id, due_on=date.today())
    )
    begins = count_begins(ws)
    activities.reschedule_activity(ws, activity_id, date.today() + timedelta(days=1))
    activities.shift_activity(ws, activity_id, -1)  # one read, one write
    activities.delete_activity(ws, activity_id)
    activities.add_note(ws, "n", pursuit_id=pursuit_id)
    writes = [b for b in begins if "IMMEDIATE" in b.upper()]
    assert len(writes) == 4


def test_deleting_a_pursuit_tombstones_its_activities_and_undo_brings_them_back(ws) -> None:
    pursuit_id, person = make_pursuit(ws)
    other_id, _ = make_pursuit(ws, title="另一个项目", account="另一个客户")
    call, _ = activities.create_activity(
        ws,
        ActivityDraft(
            subject="电话", pursuit_id=pursuit_id, due_on=date.today(), attendee_ids=[person]
        ),
    )
    done, _ = activities.create_activity(
        ws, ActivityDraft(subject="已完成的拜访准备", pursuit_id=pursuit_id, due_on=date.today())
    )
    activities.complete_activity(ws, done, "准备好了")
    gone_before, _ = activities.create_activity(
        ws, ActivityDraft(subject="早已删除", pursuit_id=pursuit_id, due_on=date.today())
    )
    activities.delete_activity(ws, gone_before)
    elsewhere, _ = activities.create_activity(
        ws, ActivityDraft(subject="别的项目的任务", pursuit_id=other_id, due_on=date.today())
    )
    begins = count_begins(ws)

    def alive() -> dict[str, bool]:
        with ws.read() as session:
            found = {a.id: a.alive for a in session.scalars(select(Activity))}
            found |= {a.id: a.alive for a in session.scalars(select(ActivityAttendee))}
            return found

    attendee = membership_id("activity_attendee", call, person)
    result = pursuits.delete_pursuits(ws, [pursuit_id])
    assert len(begins) == 1  # one transaction with the pursuit's own tombstone
    states = alive()
    assert not states[call] and not states[done] and not states[attendee]
    assert not states[gone_before] and states[elsewhere]
    assert {call, done} <= result.changes.ids(ChangeKind.ACTIVITY)
    with ws.read() as session:
        assert session.get(Activity, call).deleted_at is not None

    result.undo(ws)
    states = alive()
    assert states[call] and states[done] and states[attendee] and states[elsewhere]
    assert not states[gone_before]  # deleted before the pursuit: stays deleted
    assert activities.get_activity(ws, call).attendee_ids == (person,)
    result.redo(ws)
    states = alive()
    assert not states[call] and not states[done] and not states[attendee]
