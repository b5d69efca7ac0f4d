"""Reschedule by drag on the Today screen, through the real list view with synthetic drag-enter /
move / drop events (a real QDrag cannot run offscreen): dropped on another day's heading or rows,
an activity is due that day at the same time, in one undo step."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.services import activities, pursuits, visits
from desktop.services.activities import ActivityDraft
from desktop.services.workspace import Workspace
from desktop.ui.today.model import encode_activity

TODAY = date.today()


@pytest.fixture
def window_workspace(ws: Workspace) -> Workspace:
    pid, _ = pursuits.create_pursuit(
        ws, pursuits.PursuitDraft(title="拖动项目", account_name="拖动客户")
    )

    def plan(subject: str, day: date, at: time | None = None) -> str:
        return activities.create_activity(
            ws, ActivityDraft(subject=subject, pursuit_id=pid, due_on=day, due_time=at)
        )[0]

    ws.late = plan("补发报价单", TODAY - timedelta(days=2))  # type: ignore[attr-defined]
    ws.call = plan("电话回访", TODAY, time(15, 30))  # type: ignore[attr-defined]
    ws.later = plan("技术交流", TODAY + timedelta(days=3))  # type: ignore[attr-defined]
    ws.visit, _ = visits.create_visit(  # type: ignore[attr-defined]
        ws,
        visits.VisitDraft(
            pursuit_id=pid,
            starts_at=activities.to_utc(TODAY + timedelta(days=1), time(10, 0)),
            objective="高层拜访",
        ),
    )
    return ws


def drop(view, activity_id: str, pos: QPoint) -> bool:
    """A drag entering the view, moving to `pos` and dropping there; whether the move was taken."""
    mime = encode_activity(activity_id)
    target = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.MoveAction
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def row_point(view, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).center()


def heading_row(screen, day: date) -> int:
    model = screen.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.item(index) is None and model.drop_day(index) == day:
            return row
    raise AssertionError(f"no heading for {day}")


def due(ws, activity_id: str):
    detail = activities.get_activity(ws, activity_id)
    return detail.due_on, detail.due_time


def test_drop_on_another_days_heading_moves_it_one_undo_step(main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    stack = screen.ctx.undo_stack
    start = stack.count()
    # The overdue one onto today's heading.
    assert drop(screen.view, ws.late, row_point(screen.view, heading_row(screen, TODAY)))
    assert due(ws, ws.late) == (TODAY, None)
    assert stack.count() == start + 1
    # The 15:30 call onto the row of the activity three days on: that day, same time.
    target = screen.model.index_of(ws.later).row()
    assert drop(screen.view, ws.call, row_point(screen.view, target))
    assert due(ws, ws.call) == (TODAY + timedelta(days=3), time(15, 30))
    assert screen.model.item(screen.model.index_of(ws.call)).day == TODAY + timedelta(days=3)
    assert stack.count() == start + 2
    stack.undo()
    assert due(ws, ws.call) == (TODAY, time(15, 30))
    stack.undo()
    assert due(ws, ws.late) == (TODAY - timedelta(days=2), None)
    assert stack.count() == start + 2  # redoable
    stack.redo()
    assert due(ws, ws.late) == (TODAY, None)


def test_no_move_onto_the_overdue_group_or_the_same_day(main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    stack = screen.ctx.undo_stack
    start = stack.count()
    overdue_heading = row_point(screen.view, 0)
    assert screen.model.drop_day(screen.model.index(0, 0)) is None
    assert not drop(screen.view, ws.call, overdue_heading)
    # Onto its own day: taken, nothing changes, no undo step.
    drop(screen.view, ws.call, row_point(screen.view, heading_row(screen, TODAY)))
    assert due(ws, ws.call) == (TODAY, time(15, 30))
    assert stack.count() == start


def test_activities_drag_visits_do_not(main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    index = screen.model.index_of(ws.call)
    assert screen.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = screen.model.mimeData([index])
    assert mime.hasFormat(screen.model.mimeTypes()[0])
    heading = screen.model.index(0, 0)
    assert not screen.model.flags(heading) & Qt.ItemFlag.ItemIsDragEnabled
    visit = screen.model.index_of(ws.visit)
    assert visit.isValid() and not screen.model.flags(visit) & Qt.ItemFlag.ItemIsDragEnabled
    # Dropped anyway (from another window, say), a visit is not moved.
    before = visits.get_visit(ws, ws.visit).starts_at
    drop(screen.view, ws.visit, row_point(screen.view, heading_row(screen, TODAY)))
    assert visits.get_visit(ws, ws.visit).starts_at == before
