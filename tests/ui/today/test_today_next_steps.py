"""A pursuit's own next step on the Today screen, in the real main window: listed with its own
badge, Space marks it done (the pursuit's next step cleared) and the bar asks for the next one,
Ctrl+Right moves its due day, Enter opens the pursuit's overview — each undone with Ctrl+Z."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from PySide6.QtCore import QDate, Qt

from desktop.services import pursuits
from desktop.services.queries import agenda
from desktop.services.queries.agenda import NEXT_STEP
from desktop.services.workspace import Workspace
from desktop.storage.tables import Pursuit
from desktop.ui.today.model import ItemRole


@pytest.fixture
def window_workspace(demo_ws: Workspace) -> Workspace:
    """The demo, plus a pursuit whose next step is due today and one with a date only."""
    today = date.today()
    pid, _ = pursuits.create_pursuit(
        demo_ws,
        pursuits.PursuitDraft(
            title="下一步测试项目",
            account_name="下一步测试客户",
            stage=2,
            next_step="下周三前发送方案",
            next_step_due=today,
        ),
    )
    bare, _ = pursuits.create_pursuit(
        demo_ws, pursuits.PursuitDraft(title="只有日期的项目", account_name="下一步测试客户")
    )
    with demo_ws.write() as session:  # as an older database holds it: the program refuses it
        session.get(Pursuit, bare).next_step_due = today + timedelta(days=1)
    demo_ws.step_pursuits = (pid, bare)  # type: ignore[attr-defined]
    return demo_ws


def next_step_of(ws: Workspace, pursuit_id: str) -> tuple[str, date | None]:
    form = pursuits.pursuit_form(ws, pursuit_id)
    return form.next_step, form.next_step_due


def show(screen, pursuit_id: str) -> None:
    assert screen.model.load_until(pursuit_id)
    assert screen.select(pursuit_id)
    screen.view.setFocus()


def counted_right(screen) -> bool:
    """The headings' counts (followed along with the rows moved) as SQL counts them afresh."""
    fresh = agenda.group_counts(screen.ctx.workspace, today=screen.model.today)
    return {g: n for g, n in screen.model.counts.items() if n} == fresh


def undo_key(qtbot, main_window) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_listed_with_its_own_badge_and_words(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    pid, bare = screen.ctx.workspace.step_pursuits
    show(screen, pid)
    index = screen.model.index_of(pid)
    item = screen.model.data(index, ItemRole)
    assert item.activity_kind == NEXT_STEP and item.day == date.today()
    text = screen.model.data(index)
    assert "下一步 · 下周三前发送方案 · 下一步测试客户 · 下一步测试项目" in text
    assert screen.later.isEnabled() and screen.done.isEnabled()
    assert not screen.earlier.isEnabled()  # due today: a day earlier would be in the past
    show(screen, bare)
    # Its kind says "下一步" once, and the text the rep did not write says so.
    bare_text = screen.model.data(screen.model.index_of(bare))
    assert "下一步 · （未写明下一步） · 下一步测试客户 · 只有日期的项目" in bare_text
    screen.view.viewport().grab()  # painted with its badge, without a warning


def test_space_marks_it_done_and_offers_the_next_one(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    pid, _ = ws.step_pursuits
    show(screen, pid)
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)

    assert next_step_of(ws, pid) == ("", None)
    assert not screen.model.index_of(pid).isValid()  # gone from the list
    assert counted_right(screen)
    bar = screen.bar
    assert bar.isVisible() and bar.for_next_step
    assert not bar.outcome.isVisible()  # a next step has no outcome
    assert "下周三前发送方案" in bar.title.text() and "下一步测试项目" in bar.title.text()
    assert bar.subject.hasFocus() or not bar.subject.isActiveWindow()

    bar.subject.setText("约见信息中心主任")
    in_three = date.today() + timedelta(days=3)
    bar.due.setDate(QDate(in_three.year, in_three.month, in_three.day))
    qtbot.keyClick(bar.subject, Qt.Key.Key_Return)
    assert not bar.isVisible()
    assert next_step_of(ws, pid) == ("约见信息中心主任", in_three)
    index = screen.model.index_of(pid)
    assert index.isValid() and screen.model.data(index, ItemRole).day == in_three
    assert counted_right(screen)

    # Ctrl+Z: the new one goes, then the done one comes back.
    undo_key(qtbot, main_window)
    assert next_step_of(ws, pid) == ("", None)
    undo_key(qtbot, main_window)
    assert next_step_of(ws, pid) == ("下周三前发送方案", date.today())
    assert screen.model.index_of(pid).isValid()
    assert counted_right(screen)
    screen.ctx.undo_stack.redo()
    assert next_step_of(ws, pid) == ("", None)
    assert counted_right(screen)


def test_escape_leaves_the_pursuit_without_a_next_step(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    _, bare = ws.step_pursuits
    show(screen, bare)
    screen.done.trigger()  # the toolbar's Done, as Space
    assert screen.bar.isVisible()
    assert screen.bar.title.text() == "下一步已完成。只有日期的项目 的下一步是什么？"
    qtbot.keyClick(screen.bar.subject, Qt.Key.Key_Escape)
    assert not screen.bar.isVisible()
    assert next_step_of(ws, bare) == ("", None)
    screen.ctx.undo_stack.undo()  # the done mark alone was a step
    assert next_step_of(ws, bare) == ("", date.today() + timedelta(days=1))


def test_ctrl_right_moves_its_day_and_presses_merge(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    pid, _ = ws.step_pursuits
    show(screen, pid)
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert next_step_of(ws, pid) == ("下周三前发送方案", date.today() + timedelta(days=2))
    assert screen.current().id == pid  # still selected where it moved
    assert counted_right(screen)
    qtbot.keyClick(screen.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert next_step_of(ws, pid)[1] == date.today() + timedelta(days=1)
    undo_key(qtbot, main_window)  # the three presses are one step
    assert next_step_of(ws, pid) == ("下周三前发送方案", date.today())


def test_a_date_only_step_is_not_moved_but_explained(qtbot, main_window) -> None:
    """A next step with a date and no words (an older database's) cannot move: the box says to
    write its action on the overview; nothing changed."""
    from desktop.ui import errors

    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    _, bare = ws.step_pursuits
    show(screen, bare)
    qtbot.keyClick(screen.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert next_step_of(ws, bare) == ("", date.today() + timedelta(days=1))
    (box,) = errors.open_error_boxes()
    assert "项目概览" in box.text()
    box.close()
    assert screen.ctx.undo_stack.count() == 0


def test_a_drop_on_another_day_moves_it(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    pid, _ = ws.step_pursuits
    show(screen, pid)
    screen.move_to_day(pid, date.today() + timedelta(days=4))  # what TodayView.dropped calls
    assert next_step_of(ws, pid)[1] == date.today() + timedelta(days=4)
    screen.ctx.undo_stack.undo()
    assert next_step_of(ws, pid)[1] == date.today()


def test_enter_opens_the_pursuits_overview(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    pid, _ = screen.ctx.workspace.step_pursuits
    show(screen, pid)
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    workspace = main_window.screen_widget("pursuit")
    assert main_window.stack.currentWidget() is workspace
    assert workspace.pursuit_id == pid
    assert workspace.current_key() == "overview"


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_in_english(qtbot, main_window) -> None:
    screen = main_window.show_screen("today")
    pid, bare = screen.ctx.workspace.step_pursuits
    show(screen, bare)
    bare_text = screen.model.data(screen.model.index_of(bare))
    assert "Next step · (next step not written) · 下一步测试客户 · 只有日期的项目" in bare_text
    show(screen, pid)
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)
    assert screen.bar.title.text().startswith("Next step done: 下周三前发送方案.")


def test_save_refuses_a_date_without_its_action(qtbot, main_window) -> None:
    """The bar always holds a date: Save with the action cleared says why and stays open, as
    the overview and the New Pursuit dialog refuse it; nothing is saved until it is written."""
    screen = main_window.show_screen("today")
    ws = screen.ctx.workspace
    pid, _ = ws.step_pursuits
    show(screen, pid)
    qtbot.keyClick(screen.view, Qt.Key.Key_Space)
    bar = screen.bar
    steps = screen.ctx.undo_stack.count()
    bar.subject.clear()
    bar.due.setDate(QDate(2028, 12, 9))
    bar.save.click()

    assert bar.isVisible() and bar.problem.isVisible()
    assert "下一步的日期" in bar.problem.text() and "跳过" in bar.problem.text()
    assert next_step_of(ws, pid) == ("", None)
    assert screen.ctx.undo_stack.count() == steps
    qtbot.keyClick(bar.subject, Qt.Key.Key_Return)  # Enter is Save: refused the same way
    assert bar.isVisible() and next_step_of(ws, pid) == ("", None)

    qtbot.keyClicks(bar.subject, "Send the quote")  # typed: QTest types Latin-1 only
    assert not bar.problem.isVisible()  # writing the action takes the reason away
    bar.save.click()
    assert not bar.isVisible()
    assert next_step_of(ws, pid) == ("Send the quote", date(2028, 12, 9))
