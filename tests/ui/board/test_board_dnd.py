"""Drag and drop through the real column views with synthetic drag-enter / move / drop events
(a real QDrag cannot run offscreen; test_board_real_drag.py drives one in a subprocess)."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.services import pursuits
from desktop.services.queries import board
from desktop.storage.tables import StageChange


def stage_changes(ws) -> int:
    with ws.read() as session:
        return session.scalar(
            select(func.count()).select_from(StageChange).where(StageChange.alive)
        )


def test_drop_one_card_on_the_next_stage(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    kit.make(ws, "B")
    kit.answer_all(ws, a, 1)
    screen.reload()
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.below_all(view2))
    assert board.board_card(ws, a).stage == 2
    assert kit.titles(screen, 1) == ["B"] and kit.titles(screen, 2) == ["A"]
    history = pursuits.stage_history(ws, a)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [(None, 1), (1, 2)]
    assert history[-1]["overrides"] == [] and history[-1]["override_reason"] == ""
    assert ctx.undo_stack.count() == 1
    # The win rate and weighted sums follow at once.
    assert screen.model.summary(2).weighted == board.board_card(ws, a).weighted
    assert screen.board.headers[1].summary.shown == 1
    assert screen.board.selected_ids() == [a]
    assert screen.gate_dialog is None


def test_drop_several_selected_cards(screen, ctx, kit) -> None:
    ws = ctx.workspace
    ids = [kit.make(ws, t) for t in "ABC"]
    for pid in ids:
        kit.answer_all(ws, pid, 1)
    screen.reload()
    screen.board.select_ids(ids[:2])
    dragged = screen.board.selected_ids()
    assert dragged == ids[:2]
    view2 = screen.board.view_of(2)
    kit.drop(view2, dragged, kit.below_all(view2))
    assert kit.titles(screen, 2) == ["A", "B"] and kit.titles(screen, 1) == ["C"]
    assert [c.stage for c in board.board_cards(ws)] == [1, 2, 2]
    assert ctx.undo_stack.count() == 1  # one drag, one undo step
    ctx.undo_stack.undo()
    assert [c.title for c in board.board_cards(ws)] == ["A", "B", "C"]
    assert kit.titles(screen, 1) == ["A", "B", "C"]


def test_reorder_within_a_column_persists(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a, _b, c = (kit.make(ws, t) for t in "ABC")
    screen.reload()
    view1 = screen.board.view_of(1)
    before = stage_changes(ws)
    kit.drop(view1, [c], kit.above(view1, 0))
    assert kit.titles(screen, 1) == ["C", "A", "B"]
    assert [x.title for x in board.board_cards(ws)] == ["C", "A", "B"]
    assert stage_changes(ws) == before  # a reorder is not a stage change
    kit.drop(view1, [a], kit.below_all(view1))
    assert [x.title for x in board.board_cards(ws)] == ["C", "B", "A"]
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert [x.title for x in board.board_cards(ws)] == ["A", "B", "C"]


def test_drop_onto_where_it_already_is_changes_nothing(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    b = kit.make(ws, "B")
    screen.reload()
    before = board.board_cards(ws)
    view1 = screen.board.view_of(1)
    kit.drop(view1, [a], kit.above(view1, 0))  # before itself
    kit.drop(view1, [a], kit.above(view1, 1))  # before its neighbour: same place
    kit.drop(view1, [b], kit.below_all(view1))  # the last one to the end
    assert board.board_cards(ws) == before
    assert ctx.undo_stack.count() == 0
    assert stage_changes(ws) == 2


def test_a_drop_the_gate_stops_changes_nothing(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")  # nothing answered in stage 1
    screen.reload()
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.below_all(view2))
    dialog = screen.gate_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.tree.topLevelItemCount() == 1  # the unanswered coaching points
    assert not dialog.ahead_button.isEnabled()  # an override needs a reason
    assert board.board_card(ws, a).stage == 1
    dialog.back_button.click()
    assert not dialog.isVisible()
    assert board.board_card(ws, a).stage == 1
    assert kit.titles(screen, 1) == ["A"] and kit.titles(screen, 2) == []
    assert ctx.undo_stack.count() == 0 and stage_changes(ws) == 1


def test_override_stores_the_reason_and_what_was_passed_over(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    screen.reload()
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.below_all(view2))
    dialog = screen.gate_dialog
    dialog.reason.setPlainText("客户主动约了技术交流")
    assert dialog.ahead_button.isEnabled()
    dialog.ahead_button.click()
    assert board.board_card(ws, a).stage == 2
    change = pursuits.stage_history(ws, a)[-1]
    assert change["override_reason"] == "客户主动约了技术交流"
    keys = {o["key"] for o in change["overrides"]}
    assert keys == {q.key for q in ws.catalog.stage(1).questions}
    assert all(o["kind"] == "coaching" for o in change["overrides"])


def test_skipping_stages_asks_milestones_and_a_reason(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    for stage in (1, 2, 3):
        kit.answer_all(ws, a, stage)
    screen.reload()
    view4 = screen.board.view_of(4)
    kit.drop(view4, [a], kit.below_all(view4))
    dialog = screen.gate_dialog
    assert len(dialog._milestones) == 3  # 发现机会, 确认机会, 明确需求
    dialog.set_all_milestones(True)
    assert dialog.reason_required()  # the skip still has to be explained
    dialog.accept()
    assert dialog.isVisible() and board.board_card(ws, a).stage == 1  # no reason yet
    dialog.reason.setPlainText("老客户续约,直接进入需求确认")
    dialog.accept()
    assert board.board_card(ws, a).stage == 4
    change = pursuits.stage_history(ws, a)[-1]
    assert [o["kind"] for o in change["overrides"]] == ["skip", "skip"]


def test_moving_back_asks_for_a_reason(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A", stage=3)
    screen.reload()
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.below_all(view2))
    dialog = screen.gate_dialog
    assert dialog.tree.topLevelItemCount() == 0 and dialog.reason_required()
    dialog.reason.setPlainText("决策者换人,需重新激发需求")
    dialog.accept()
    assert board.board_card(ws, a).stage == 2
    assert pursuits.stage_history(ws, a)[-1]["overrides"][0]["kind"] == "backward"


def test_a_drop_whose_save_fails_never_looks_moved(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    kit.answer_all(ws, a, 1)
    screen.reload()  # no read in flight when the file goes: the names are its last
    qtbot.waitUntil(lambda: screen.flags_ready() and screen.names_ready())
    ws.path.rename(ws.path.with_name("moved.db"))  # the file goes away under the app
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.below_all(view2))
    assert kit.titles(screen, 1) == ["A"] and kit.titles(screen, 2) == []
    from desktop.services.errors import DatabaseMissing
    from desktop.ui.errors import message_for

    [box] = kit.error_boxes()
    assert box.text() == message_for(DatabaseMissing("gone"))
    assert ctx.undo_stack.count() == 0


def test_drop_indicator_follows_the_pointer(screen, ctx, kit) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui.board.model import encode_ids

    ws = ctx.workspace
    a = kit.make(ws, "A")
    kit.make(ws, "B")
    screen.reload()
    view = screen.board.view_of(1)
    mime = encode_ids([a])
    args = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(kit.above(view, 1), *args))
    assert view.drop_row == 1
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(kit.below_all(view), *args))
    assert view.drop_row == 2
    assert view.grab().width() > 0  # paints the line without trouble
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert view.drop_row is None
    # Anything but our ids is refused.
    from PySide6.QtCore import QMimeData

    other = QMimeData()
    other.setText("hello")
    refused = QDragEnterEvent(
        kit.above(view, 0),
        Qt.DropAction.MoveAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), refused)
    assert not refused.isAccepted()


def test_a_drag_near_the_side_scrolls_the_columns(screen, ctx, kit) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui.board.model import encode_ids

    a = kit.make(ctx.workspace, "A")
    screen.reload()
    screen.board.set_widths([400] * 8)  # wider than the window: the board scrolls sideways
    QApplication.processEvents()
    bar = screen.board.scroll_area.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    view = screen.board.view_of(2)
    edge = screen.board.scroll_area.viewport()
    point = view.viewport().mapFrom(edge, QPoint(edge.width() - 5, 100))
    args = (
        Qt.DropAction.MoveAction,
        encode_ids([a]),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(point, *args))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(point, *args))
    assert bar.value() > 0
