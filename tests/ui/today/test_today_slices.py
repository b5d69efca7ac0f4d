"""The Today list at more than a screenful: it reads the agenda a slice of days at a time (the
rest as it is scrolled to), its headings count the whole agenda, and a change moves only the
rows it touched — what it shows is always what a whole read of the agenda would show."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from PySide6.QtCore import Qt

from desktop.services import activities, pursuits, visits
from desktop.services.activities import ActivityDraft
from desktop.services.changes import ChangeKind, Changes
from desktop.services.queries import agenda
from desktop.services.workspace import Workspace
from desktop.ui.today.model import FIRST_SLICE, TodayModel

TODAY = date.today()
PER_DAY = 40


@pytest.fixture
def window_workspace(ws: Workspace) -> Workspace:
    """Forty activities a day from five days ago to eight days ahead, a timed one each day,
    a visit tomorrow; another pursuit's activities, of which the pursuit is then deleted."""
    pid, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="大项目", account_name="大客户")
    )
    for offset in range(-5, 9):
        day = TODAY + timedelta(days=offset)
        for n in range(PER_DAY):
            activities.create_activity(
                ws,
                ActivityDraft(
                    subject=f"第{offset}天第{n:02d}件事",
                    pursuit_id=pid,
                    due_on=day,
                    due_time=time(9, 30) if n == 0 else None,
                ),
            )
    visits.create_visit(
        ws,
        visits.VisitDraft(
            pursuit_id=pid,
            objective="技术交流",
            starts_at=activities.to_utc(TODAY + timedelta(days=1), time(10, 0)),
        ),
    )
    gone, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="删掉的项目", account_name="另一个客户")
    )
    activities.create_activity(ws, ActivityDraft(subject="不应列出", pursuit_id=gone, due_on=TODAY))
    pursuits.delete_pursuits(ws, [gone])
    ws.big = pid  # type: ignore[attr-defined]
    return ws


def shown(model: TodayModel) -> list[str]:
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def whole(ws: Workspace) -> list[str]:
    """What the list shows when the whole agenda is read at once."""
    model = TodayModel("zh_CN")
    model.set_agenda(agenda.agenda(ws, days=7))
    return shown(model)


def read_all(model: TodayModel) -> None:
    while model.canFetchMore():
        model.fetchMore()


@pytest.fixture
def screen(main_window):
    return main_window.show_screen("today")


def test_the_list_reads_a_slice_first_and_the_rest_as_it_is_scrolled(screen) -> None:
    ws = screen.ctx.workspace
    model = screen.model
    everything = agenda.agenda(ws, days=7)
    assert FIRST_SLICE <= len(model.items()) < len(everything)
    first = shown(model)
    assert first == whole(ws)[: len(first)]  # the same rows, in the same order
    # The counts are the whole agenda's before the rest is read.
    assert first[0] == f"已逾期（{len(everything.overdue)}）"
    assert str(len(everything.overdue)) in screen.counts.text()
    screen.view.scrollToBottom()  # as the rep scrolls, Qt asks for more
    read_all(model)
    assert shown(model) == whole(ws)
    assert [i.id for i in model.items()] == [i.id for i in everything.items()]


def test_the_sliced_model_passes_the_model_tester(qtmodeltester, screen) -> None:
    qtmodeltester.check(screen.model)


def test_a_change_moves_only_its_row_and_the_list_stays_the_whole_read(screen, qtbot) -> None:
    ws = screen.ctx.workspace
    model = screen.model
    before = {i.id: i for i in model.items()}
    first = model.items()[0]
    assert screen.select(first.id)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)  # done
    assert not model.index_of(first.id).isValid()
    kept = model.items()
    assert all(item is before[item.id] for item in kept)  # the others were not read again
    assert shown(model) == whole(ws)[: model.rowCount()]
    screen.bar.dismiss()

    # Ctrl+Right on an overdue item puts it off to tomorrow, past the days read: it leaves the
    # list (an overdue item no longer moves a day earlier, into the past).
    moving = model.items()[0]
    assert screen.select(moving.id)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert activities.get_activity(ws, moving.id).due_on == model.today + timedelta(days=1)
    assert shown(model) == whole(ws)[: model.rowCount()]

    # Undo twice: both back where they were.
    screen.ctx.undo_stack.undo()
    screen.ctx.undo_stack.undo()
    assert model.index_of(first.id).isValid()
    read_all(model)
    assert shown(model) == whole(ws)


def test_an_item_not_read_yet_is_counted_and_found_when_opened(screen) -> None:
    ws = screen.ctx.workspace
    model = screen.model
    last_day = TODAY + timedelta(days=7)
    assert not model.listed(last_day)
    new_id, _ = activities.create_activity(
        ws, ActivityDraft(subject="最后一天新加的", pursuit_id=ws.big, due_on=last_day)
    )
    screen.ctx.changed.emit(Changes.of(ChangeKind.ACTIVITY, new_id))
    counts = agenda.group_counts(ws, days=7, today=TODAY)
    assert model.counts == counts and counts[last_day] == PER_DAY + 1
    assert screen.open_item("activity", new_id)
    assert screen.current() is not None and screen.current().id == new_id
    read_all(model)
    assert shown(model) == whole(ws)


def test_a_deleted_pursuit_leaves_the_list_with_its_counts(screen) -> None:
    ws = screen.ctx.workspace
    model = screen.model
    result = pursuits.delete_pursuits(ws, [ws.big])
    screen.ctx.changed.emit(result.changes)
    assert model.total() == 0 and screen.pages.currentIndex() == 1  # the empty state
    screen.ctx.changed.emit(result.undo(ws))
    read_all(model)
    assert shown(model) == whole(ws)


def test_a_next_step_moved_past_the_days_read_keeps_the_counts_true(screen) -> None:
    from desktop.ui.today.commands import SetNextStep

    ws = screen.ctx.workspace
    model = screen.model
    late, _ = pursuits.create_pursuit(
        ws,
        pursuits.PursuitDraft(
            title="下一步项目",
            account_name="大客户",
            next_step="补发方案",
            next_step_due=TODAY - timedelta(days=5),
        ),
    )
    far, _ = pursuits.create_pursuit(
        ws,
        pursuits.PursuitDraft(
            title="远的项目",
            account_name="大客户",
            next_step="约见 CIO",
            next_step_due=TODAY + timedelta(days=7),
        ),
    )
    screen.reload()
    last_day = TODAY + timedelta(days=7)
    assert model.index_of(late).isValid() and not model.listed(last_day)
    assert not model.index_of(far).isValid()  # its day is not read yet

    # Listed, moved to a day not read yet: it leaves the rows, its count goes with it.
    assert screen.select(late)
    screen.move_to_day(late, last_day)
    assert not model.index_of(late).isValid()
    assert model.counts == agenda.group_counts(ws, days=7, today=TODAY)
    # Not read yet, changed by this screen: counted again rather than guessed.
    old = ("约见 CIO", last_day)
    assert screen.push_step(SetNextStep(screen.ctx, far, old, ("", None), "完成", screen))
    assert model.counts == agenda.group_counts(ws, days=7, today=TODAY)
    screen.ctx.undo_stack.undo()
    screen.ctx.undo_stack.undo()
    assert model.counts == agenda.group_counts(ws, days=7, today=TODAY)
    assert model.index_of(late).isValid()
    read_all(model)
    assert shown(model) == whole(ws)
