"""Coaching points answered in the stage gate belong to the move: going back keeps none of them,
and a move that goes through is one undo step that takes them back with it."""

from __future__ import annotations

from desktop.services import coaching, pursuit_edits
from desktop.services.queries import board


def open_gate(screen, ctx, kit, title: str = "MES二期"):
    pid = kit.make(ctx.workspace, title)
    screen.reload()
    screen.board.select_ids([pid])
    screen.move_selected_to(2)
    dialog = screen.gate_dialog
    assert dialog is not None and dialog.isVisible()
    return pid, dialog, [q.key for q in ctx.catalog.stage(1).questions]


def test_going_back_from_the_gate_keeps_no_answer(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    pid, dialog, keys = open_gate(screen, ctx, kit)
    assert dialog.answer_point(pid, keys[0], "信息中心主任是发起人")
    for key in keys[1:]:
        dialog.done_boxes[(pid, key)].click()
    assert coaching.sheet_of(ws, pid).completeness(ctx.catalog, 1).complete  # saved at once
    qtbot.waitUntil(lambda: screen.model.card(pid).answered == len(keys))

    dialog.back_button.click()

    assert not coaching.sheet_of(ws, pid).answers
    assert board.board_card(ws, pid).stage == 1
    assert ctx.undo_stack.count() == 0  # nothing for Ctrl+Z to take back but what came before
    qtbot.waitUntil(lambda: screen.model.card(pid).answered == 0)


def test_an_answer_edited_in_the_gate_is_put_back_as_it_was(screen, ctx, kit) -> None:
    ws = ctx.workspace
    pid = kit.make(ws, "MES二期")
    key = ctx.catalog.stage(1).questions[0].key
    pursuit_edits.save(ws, coaching.answer_target(ctx.catalog, pid, key), {"answer": "王总"})
    screen.reload()
    screen.board.select_ids([pid])
    screen.move_selected_to(2)
    dialog = screen.gate_dialog
    assert dialog.answer_point(pid, key, "王总和李处")
    dialog.reject()
    answer = coaching.sheet_of(ws, pid).answer(key)
    assert (answer.text, answer.done) == ("王总", False)


def test_a_move_with_answers_is_one_step_that_takes_them_back(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    pid, dialog, keys = open_gate(screen, ctx, kit)
    dialog.answer_point(pid, keys[0], "信息中心主任是发起人")
    for key in keys[1:]:
        dialog.done_boxes[(pid, key)].click()
    dialog.ahead_button.click()
    assert board.board_card(ws, pid).stage == 2
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "将「MES二期」移至激发需求")

    ctx.undo_stack.undo()
    assert board.board_card(ws, pid).stage == 1
    assert not coaching.sheet_of(ws, pid).answers

    ctx.undo_stack.redo()
    assert board.board_card(ws, pid).stage == 2
    sheet = coaching.sheet_of(ws, pid)
    assert sheet.answer(keys[0]).text == "信息中心主任是发起人"
    assert sheet.completeness(ctx.catalog, 1).complete
