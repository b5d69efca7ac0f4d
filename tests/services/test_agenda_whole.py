"""The whole agenda in one read (`pursuit agenda`, `agenda.agenda`) lists exactly what the Today
screen reads a slice at a time, item for item and in `order_key`'s order: the whole read joins
its rows in Python and sorts by groups of one day and time (`agenda._Whole`), the slices join in
SQL and sort by `order_key`; both must say the same."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.services import accounts, activities, pursuits, visits
from desktop.services.activities import ActivityDraft
from desktop.services.pursuits import PursuitDraft
from desktop.services.queries import agenda
from desktop.storage.tables import Pursuit

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 5, 4)


def plan(ws, subject, day, at=None, *, pursuit_id=None, account_id=None, step=None) -> str:
    draft = ActivityDraft(
        subject=subject,
        pursuit_id=pursuit_id,
        account_id=account_id,
        due_on=day,
        due_time=at,
        step_key=step,
    )
    return activities.create_activity(ws, draft, tz=SHANGHAI)[0]


def account_of(ws, pursuit_id: str) -> str:
    with ws.read() as session:
        return session.get(Pursuit, pursuit_id).account_id


def sliced(ws, tz) -> list[agenda.AgendaItem]:
    """Every item as the Today screen reads them: a slice of two, then on until complete."""
    _counts, part = agenda.agenda_start(ws, want=2, days=7, today=TODAY, tz=tz)
    items = list(part.items)
    while not part.complete:
        part = agenda.agenda_slice(ws, part.through, want=2, days=7, today=TODAY, tz=tz)
        items += part.items
    return items


@pytest.fixture
def busy(ws):
    """Two accounts' pursuits with next steps, activities timed and not (one subject many
    times, on several days, one on an account alone, one beyond the week), visits with and
    without a place, and what must not show: a deleted pursuit's and a deleted account's."""
    first, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="MES 生产执行系统",
            account_name="苏州恒通电子有限公司",
            next_step="发送报价单",
            next_step_due=TODAY,
        ),
    )
    second, _ = pursuits.create_pursuit(
        ws,
        PursuitDraft(
            title="ERP 升级",
            account_name="南京海泰保险科技有限公司",
            next_step="约技术交流",
            next_step_due=TODAY - timedelta(days=2),
        ),
    )
    account_id = account_of(ws, first)
    for offset in (-3, -1, 0, 0, 2, 9):
        day = TODAY + timedelta(days=offset)
        plan(ws, "电话回访", day, pursuit_id=first)
        plan(ws, "电话回访", day, time(9, 30), pursuit_id=second, step="s1")
        plan(ws, "电话回访", day, time(23, 30), pursuit_id=first)  # another day in Berlin
        plan(ws, "拜访准备", day, time(0, 15), pursuit_id=second)
    plan(ws, "年度回顾", TODAY + timedelta(days=1), account_id=account_id)
    for hours, place in ((-30, ""), (2, "客户会议室"), (50, "")):
        starts = datetime(2026, 5, 4, 1, 0) + timedelta(hours=hours)
        visits.create_visit(
            ws,
            visits.VisitDraft(
                pursuit_id=first, starts_at=starts, objective="高层拜访", location=place
            ),
        )
    gone, _ = pursuits.create_pursuit(
        ws, PursuitDraft(title="私有云扩容", account_name="天津鼎信电子科技有限公司")
    )
    plan(ws, "电话回访", TODAY, pursuit_id=gone)
    gone_account = account_of(ws, gone)
    plan(ws, "电话回访", TODAY, account_id=gone_account)
    pursuits.delete_pursuits(ws, [gone])
    accounts.delete_account(ws, gone_account)
    return ws


@pytest.mark.parametrize("tz", [SHANGHAI, BERLIN])
def test_the_whole_agenda_is_the_slices_item_for_item(busy, tz) -> None:
    whole = agenda.agenda(busy, days=7, today=TODAY, tz=tz)
    items = whole.items()
    assert items == sliced(busy, tz)  # every field, each item once, in the same order
    assert items == sorted(items, key=agenda.order_key)
    assert {i.activity_kind for i in items} >= {agenda.VISIT, agenda.NEXT_STEP, "task"}
    assert all(i.step_key is None for i in items if not i.is_activity)
    erp = {i.step_key for i in items if i.is_activity and i.pursuit_title == "ERP 升级"}
    assert erp == {"s1", None}
    assert not [i for i in items if i.pursuit_title == "私有云扩容" or "天津" in i.account_name]
    assert [i.bucket for i in whole.overdue] == [agenda.OVERDUE] * len(whole.overdue)
    assert {i.day for i in whole.due_today} == {TODAY}
    assert all(TODAY < i.day <= TODAY + timedelta(days=7) for i in whole.upcoming)
    visit_subjects = {i.subject for i in items if i.is_visit}
    assert visit_subjects == {"高层拜访", "高层拜访 @ 客户会议室"}
