"""The Today screen in the real main window: complete an activity with Space and be offered the
next one (pre-filled from the stage's open steps), move one by a day with Ctrl+Right, undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import Qt

from desktop.services import activities, pursuits, records
from desktop.services.activities import ActivityDraft
from desktop.services.workspace import Workspace
from desktop.ui.today.model import TodayModel


@pytest.fixture
def window_workspace(demo_ws: Workspace) -> Workspace:
    """The demo, plus a stage-2 pursuit whose first step is an activity due today."""
    pid, _ = pursuits.create_pursuit(
        demo_ws,
        pursuits.PursuitDraft(title="今日测试项目", account_name="今日测试客户", stage=2),
    )
    activities.activities_from_steps(demo_ws, pid, due_on=date.today())
    # Only the first step stays planned, so the next offered is the second.
    steps = [s.key for s in demo_ws.catalog.stage(2).steps]
    for key in steps[1:]:
        activities.delete_activity(demo_ws, activities.step_activity_id(pid, key))
    activities.create_activity(
        demo_ws, ActivityDraft(subject="挪到明天的电话", pursuit_id=pid, due_on=date.today())
    )
    demo_ws.today_pursuit = pid  # type: ignore[attr-defined]
    return demo_ws


def test_the_model_passes_the_model_tester(qtmodeltester, window_workspace) -> None:
    from desktop.services.queries import agenda

    model = TodayModel("zh")
    model.set_agenda(agenda.agenda(window_workspace))
    qtmodeltester.check(model)


def test_complete_with_space_then_plan_the_offered_next(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    pid = ws.today_pursuit
    steps = [s.key for s in ws.catalog.stage(2).steps]
    first = activities.step_activity_id(pid, steps[0])
    assert screen.select(first)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)

    assert activities.get_activity(ws, first).done
    assert screen.model.index_of(first).isValid() is False  # gone from the list
    bar = screen.bar
    assert bar.isVisible()
    assert bar.subject.text() == ws.catalog.step(steps[1]).text("zh")
    assert bar.due.date().toPython() == date.today() + timedelta(days=1)

    bar.outcome.setText("客户同意安排技术交流")
    qtbot.keyClick(bar.outcome, Qt.Key.Key_Return)
    assert not bar.isVisible()
    assert activities.get_activity(ws, first).outcome == "客户同意安排技术交流"
    planned = activities.get_activity(ws, activities.step_activity_id(pid, steps[1]))
    assert not planned.done and planned.due_on == date.today() + timedelta(days=1)
    assert screen.model.index_of(planned.id).isValid()  # listed under tomorrow

    # Undo: the planned activity goes, the outcome and the done mark are taken back.
    stack = screen.ctx.undo_stack
    stack.undo()
    stack.undo()
    stack.undo()
    assert not activities.get_activity(ws, first).done
    assert screen.model.index_of(first).isValid()


def test_ctrl_right_moves_an_activity_a_day_and_presses_merge(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    call = next(i for i in screen.model.items() if i.subject == "挪到明天的电话")
    assert screen.select(call.id)
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert activities.get_activity(ws, call.id).due_on == date.today() + timedelta(days=2)
    assert screen.current().id == call.id  # still selected where it moved
    screen.ctx.undo_stack.undo()  # both presses are one step
    assert activities.get_activity(ws, call.id).due_on == date.today()


def test_a_day_later_takes_an_overdue_item_to_tomorrow(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    late = date.today() - timedelta(days=10)
    call, _ = activities.create_activity(
        ws, ActivityDraft(subject="十天前该打的电话", pursuit_id=ws.today_pursuit, due_on=late)
    )
    pursuit = ws.today_pursuit
    pursuits.restore_states(
        ws, [pursuits.PursuitState(pursuit, {"next_step": "发方案", "next_step_due": late})]
    )
    screen.reload()
    for item_id, due in (
        (call, lambda: activities.get_activity(ws, call).due_on),
        (pursuit, lambda: records.get(ws, "pursuit", pursuit)["next_step_due"]),
    ):
        assert screen.select(item_id)
        screen.view.setFocus()
        qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        assert due() == date.today() + timedelta(days=1)
        screen.ctx.undo_stack.undo()
        assert due() == late


def test_a_day_earlier_never_moves_an_item_into_the_past(qtbot, main_window) -> None:
    """The tester's 2 Dec → 1 Dec: an overdue item (or one due today) cannot go a day earlier,
    neither by the button nor by Ctrl+Left; one due later can, down to today."""
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    today = date.today()
    late = today - timedelta(days=6)
    pursuit = ws.today_pursuit
    call, _ = activities.create_activity(
        ws, ActivityDraft(subject="六天前该打的电话", pursuit_id=pursuit, due_on=late)
    )
    pursuits.restore_states(
        ws, [pursuits.PursuitState(pursuit, {"next_step": "发方案", "next_step_due": late})]
    )
    soon, _ = activities.create_activity(
        ws, ActivityDraft(subject="明天的会", pursuit_id=pursuit, due_on=today + timedelta(days=1))
    )
    screen.reload()
    for item_id, due in (
        (call, lambda: activities.get_activity(ws, call).due_on),
        (pursuit, lambda: records.get(ws, "pursuit", pursuit)["next_step_due"]),
    ):
        assert screen.select(item_id)
        assert not screen.earlier.isEnabled() and screen.later.isEnabled()
        assert "推后一天" in screen.earlier.toolTip()
        screen.view.setFocus()
        qtbot.keyClick(screen.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
        screen.shift_current(-1)
        assert due() == late
    today_call = next(i for i in screen.model.items() if i.subject == "挪到明天的电话")
    assert screen.select(today_call.id)
    assert not screen.earlier.isEnabled()
    assert screen.select(soon)
    assert screen.earlier.isEnabled()
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert activities.get_activity(ws, soon).due_on == today
    # Now due today: no further.
    assert screen.current().id == soon and not screen.earlier.isEnabled()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_screen_in_english(main_window) -> None:
    screen = main_window.show_screen("today")
    assert screen.title.text() == "Today"
    assert "today" in screen.counts.text()
    headings = [
        screen.model.data(screen.model.index(r, 0))
        for r in range(screen.model.rowCount())
        if screen.model.item(screen.model.index(r, 0)) is None
    ]
    assert any(h.startswith("Today · ") for h in headings)
