"""A pursuit's own next step ("下一步" due "截止") in the agenda, on a real SQLite file: listed
overdue / today / coming like an activity without a time, only for open, live pursuits of shown
accounts; the Today screen's counts and slices agree with the whole read; start-up's count, the
re-read of a touched pursuit and the reminders' start summary hold it too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from desktop.services import activities, pursuit_edits, pursuits
from desktop.services.activities import ActivityDraft
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import agenda
from desktop.services.queries.agenda import NEXT_STEP, OVERDUE, TODAY, UPCOMING
from desktop.storage.tables import Account, Pursuit

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 5, 4)


def pursuit(ws, title: str, step: str, due: date | None, account: str = "苏州恒通电子") -> str:
    """A pursuit with its next step; a date without words is written straight to the table, as
    an older database (or a merge of two edits) holds one: the program refuses to write it."""
    pursuit_id = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title=title,
            account_name=account,
            stage=3,
            next_step=step,
            next_step_due=due if step else None,
        ),
    ).pursuit_id
    if due is not None and not step:
        with ws.write() as session:
            session.get(Pursuit, pursuit_id).next_step_due = due
    return pursuit_id


def steps_of(result: agenda.Agenda) -> dict[str, agenda.AgendaItem]:
    return {item.id: item for item in result.items() if item.is_next_step}


def test_next_steps_are_listed_like_all_day_activities(ws) -> None:
    late = pursuit(ws, "MES 生产执行系统", "发送技术方案", DAY - timedelta(days=40))
    now = pursuit(ws, "ERP 升级", "约见信息中心主任", DAY)
    soon = pursuit(ws, "OA 协同办公", "", DAY + timedelta(days=3))  # a date, no words
    pursuit(ws, "数据中台", "下个月再说", DAY + timedelta(days=8))  # after the window
    pursuit(ws, "仓储 WMS", "没有日期的下一步", None)
    activities.create_activity(
        ws, ActivityDraft(subject="电话回访", pursuit_id=now, due_on=DAY, due_time=time(9, 0))
    )

    result = agenda.agenda(ws, today=DAY, tz=SHANGHAI)
    found = steps_of(result)
    assert set(found) == {late, now, soon}
    item = found[late]
    assert (item.activity_kind, item.subject, item.day, item.at) == (
        NEXT_STEP,
        "发送技术方案",
        DAY - timedelta(days=40),
        None,
    )
    assert (item.pursuit_id, item.pursuit_title, item.account_name, item.stage) == (
        late,
        "MES 生产执行系统",
        "苏州恒通电子",
        3,
    )
    assert item.duration_minutes is None
    assert [found[i].bucket for i in (late, now, soon)] == [OVERDUE, TODAY, UPCOMING]
    assert found[soon].subject == ""  # each screen words it ("(next step not written)")
    # Within today: the timed activity first, the next step with the all-day items.
    assert [i.activity_kind for i in result.due_today] == ["task", NEXT_STEP]


def test_closed_deleted_and_hidden_pursuits_have_no_next_step_listed(ws) -> None:
    kept = pursuit(ws, "MES 生产执行系统", "发送技术方案", DAY)
    lost = pursuit(ws, "ERP 升级", "复盘丢单原因", DAY)
    abandoned = pursuit(ws, "OA 协同办公", "回款确认", DAY)
    deleted = pursuit(ws, "数据中台", "约见 CIO", DAY)
    hidden = pursuit(ws, "仓储 WMS", "发报价", DAY, account="已删除的客户")
    orphan = pursuit(ws, "智能客服", "演示", DAY, account="已清除的客户")
    pursuits.close_pursuits(ws, [lost], "lost", reason="价格")
    pursuits.close_pursuits(ws, [abandoned], "abandoned", reason="客户预算取消")
    pursuits.delete_pursuits(ws, [deleted])
    with ws.write() as session:
        # An account deleted on a colleague's computer (its pursuits still live here), and one
        # purged: as for activities, the first hides its pursuits' items, the second does not.
        for pid, purged in ((hidden, False), (orphan, True)):
            account_id = session.get(Pursuit, pid).account_id
            session.execute(
                update(Account).where(Account.id == account_id).values(alive=False, purged=purged)
            )

    result = agenda.agenda(ws, today=DAY, tz=SHANGHAI)
    found = steps_of(result)
    assert set(found) == {kept, orphan}
    assert found[orphan].pursuit_title == "智能客服"  # a purge blanks the name itself
    counts = agenda.group_counts(ws, today=DAY, tz=SHANGHAI)
    assert counts == {DAY: 2}
    assert agenda.due_count(ws, today=DAY, tz=SHANGHAI) == 2

    pursuits.reopen_pursuits(ws, [lost])
    assert lost in steps_of(agenda.agenda(ws, today=DAY, tz=SHANGHAI))


@pytest.mark.parametrize("want", [1, 2, 5, 100])
def test_slices_and_counts_agree_with_the_whole_read(ws, want: int) -> None:
    pids = [
        pursuit(ws, f"项目 {n}", f"下一步 {n}" if n % 3 else "", DAY + timedelta(days=n % 11 - 4))
        for n in range(23)
    ]
    for n, pid in enumerate(pids[:9]):
        activities.create_activity(
            ws,
            ActivityDraft(
                subject=f"活动 {n}", pursuit_id=pid, due_on=DAY + timedelta(days=n % 9 - 5)
            ),
            tz=SHANGHAI,
        )
    whole = agenda.agenda(ws, today=DAY, tz=SHANGHAI)
    assert len(steps_of(whole)) == sum(1 for n in range(23) if n % 11 - 4 <= 7)

    counts, first = agenda.agenda_start(ws, want=want, today=DAY, tz=SHANGHAI)
    expected: dict[date | None, int] = {}
    for item in whole.items():
        expected[agenda.group_key(item)] = expected.get(agenda.group_key(item), 0) + 1
    assert counts == expected

    read, piece = list(first.items), first
    while not piece.complete:
        assert piece.items or want == 0
        piece = agenda.agenda_slice(ws, piece.through, want=want, today=DAY, tz=SHANGHAI)
        read += piece.items
    assert read == whole.items()


def test_a_touched_pursuit_reads_its_next_step_again(ws) -> None:
    # Today's date: the overview's use-case refuses a next step before the pursuit began.
    day = date.today()
    pid = pursuit(ws, "MES 生产执行系统", "发送技术方案", day)
    other = pursuit(ws, "ERP 升级", "约见信息中心主任", day)
    found = agenda.agenda_items(ws, pursuit_ids=[pid], today=day)
    assert [(i.id, i.activity_kind, i.subject) for i in found] == [(pid, NEXT_STEP, "发送技术方案")]

    # Moved and cleared through the overview's own use-case.
    target = pursuit_edits.Target("pursuit", pid)
    pursuit_edits.save(ws, target, {"next_step_due": day + timedelta(days=2)})
    (moved,) = agenda.agenda_items(ws, pursuit_ids=[pid, "missing"], today=day)
    assert moved.day == day + timedelta(days=2) and moved.bucket == UPCOMING
    pursuit_edits.save(ws, target, {"next_step": "", "next_step_due": None})
    assert agenda.agenda_items(ws, pursuit_ids=[pid], today=day) == []
    assert set(steps_of(agenda.agenda(ws, today=day))) == {other}


def test_start_up_asks_about_next_steps_too(ws) -> None:
    pursuit(ws, "MES 生产执行系统", "明天的下一步", DAY + timedelta(days=1))
    assert agenda.due_count(ws, today=DAY, tz=SHANGHAI) == 0
    assert not agenda.anything_due(ws, today=DAY, tz=SHANGHAI)
    pursuit(ws, "ERP 升级", "过期的下一步", DAY - timedelta(days=2))
    assert agenda.due_count(ws, today=DAY, tz=SHANGHAI) == 1
    assert agenda.anything_due(ws, today=DAY, tz=SHANGHAI)


def test_a_next_step_reminds_once_its_day_is_over(ws) -> None:
    pid = pursuit(ws, "MES 生产执行系统", "发送技术方案", DAY)
    # Shanghai's 4 May ends at 16:00 UTC.
    end = datetime(2026, 5, 4, 16, 0)
    before = agenda.reminders_due(ws, None, end - timedelta(minutes=1), all_day=True, tz=SHANGHAI)
    assert [r.id for r in before] == []
    after = agenda.reminders_due(ws, None, end + timedelta(minutes=1), all_day=True, tz=SHANGHAI)
    assert [(r.id, r.activity_kind, r.subject, r.due, r.all_day) for r in after] == [
        (pid, NEXT_STEP, "发送技术方案", end, True)
    ]
    assert after[0].where == "苏州恒通电子 · MES 生产执行系统"
    # Not timed: the running timer never aims at it.
    assert agenda.next_reminder_at(ws, end - timedelta(days=1), tz=SHANGHAI) is None
    assert agenda.reminders_due(ws, None, end + timedelta(minutes=1), tz=SHANGHAI) == []
