"""The board's gestures are ui.operations' gestures: the gate dialog of a drop, close, reopen,
delete and purge each go through `desktop.ui.operations.pursuits`, make one undo step named in
Chinese (the strings moved with them), and undo / redo put the database back."""

from __future__ import annotations

from desktop.services import pursuits, records
from desktop.services.queries import board
from desktop.ui.operations.close_dialog import CloseDialog
from desktop.ui.operations.gate_dialog import GateDialog


def test_a_drop_on_a_gated_stage_opens_the_operations_gate_and_moves(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")  # nothing answered in stage 1: the gate asks
    b = kit.make(ws, "B", stage=2)
    c = kit.make(ws, "C", stage=2)
    screen.reload()
    view2 = screen.board.view_of(2)
    kit.drop(view2, [a], kit.above(view2, 1))  # between B and C
    dialog = screen.gate_dialog
    assert isinstance(dialog, GateDialog) and dialog.isVisible()
    assert board.board_card(ws, a).stage == 1  # nothing before the gate is passed
    dialog.reason.setPlainText("客户主动约了技术交流")
    dialog.ahead_button.click()
    assert [x.id for x in screen.model.cards_in(2)] == [b, a, c]  # where it was dropped
    assert screen.board.selected_ids() == [a]
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "将「A」移至激发需求"
    ctx.undo_stack.undo()
    assert board.board_card(ws, a).stage == 1
    assert [h["to_stage"] for h in pursuits.stage_history(ws, a)] == [1]
    ctx.undo_stack.redo()
    assert [c.id for c in board.board_cards(ws) if c.stage == 2] == [b, a, c]
    assert pursuits.stage_history(ws, a)[-1]["override_reason"] == "客户主动约了技术交流"


def test_a_drop_back_in_the_funnel_asks_its_reason_in_words_for_going_back(
    screen, ctx, kit
) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A", stage=3)
    forward = kit.make(ws, "B")
    screen.reload()
    kit.drop(screen.board.view_of(2), [a], kit.above(screen.board.view_of(2), 0))
    dialog = screen.gate_dialog
    assert isinstance(dialog, GateDialog) and dialog.isVisible()
    assert dialog.ahead_button.text() == "说明原因并退回"
    assert "重新讨论需求" in dialog.reason.placeholderText()
    dialog.reason.setPlainText("客户预算冻结")
    dialog.ahead_button.click()
    assert board.board_card(ws, a).stage == 2
    kit.drop(screen.board.view_of(3), [forward], kit.above(screen.board.view_of(3), 0))
    assert screen.gate_dialog.ahead_button.text() == "说明原因并推进"  # a skip ahead


def test_a_reorder_is_one_step_named_in_chinese(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a, b = kit.make(ws, "A"), kit.make(ws, "B")
    screen.reload()
    view1 = screen.board.view_of(1)
    kit.drop(view1, [b], kit.above(view1, 0))
    assert screen.gate_dialog is None  # a reorder passes no gate
    assert [x.id for x in board.board_cards(ws)] == [b, a]
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "调整「B」的顺序")
    ctx.undo_stack.undo()
    assert [x.id for x in board.board_cards(ws)] == [a, b]
    ctx.undo_stack.redo()
    assert [x.id for x in board.board_cards(ws)] == [b, a]


def test_close_from_the_board_is_one_step_and_undo_redo_restore(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a, b = kit.make(ws, "A"), kit.make(ws, "B")
    screen.reload()
    screen.board.select_ids([a, b])
    screen.close_selected("abandoned")
    dialog = screen.close_dialog
    assert isinstance(dialog, CloseDialog) and dialog is screen.dialog
    assert dialog.subject.text() == "2 个项目" and dialog.windowTitle() == "标记为放弃"
    assert dialog.undo_hint.text() == "结束后可以撤销（编辑 ▸ 撤销），也可以重新打开项目。"
    dialog.reason.setEditText("客户取消预算")
    dialog.accept()
    assert {records.get(ws, "pursuit", p)["status"] for p in (a, b)} == {"abandoned"}
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "将2 个项目标记为放弃")
    ctx.undo_stack.undo()
    assert {records.get(ws, "pursuit", p)["status"] for p in (a, b)} == {"open"}
    assert kit.titles(screen, 1) == ["A", "B"]
    ctx.undo_stack.redo()
    row = records.get(ws, "pursuit", a)
    assert (row["status"], row["close_reason"]) == ("abandoned", "客户取消预算")
    assert kit.titles(screen, 1) == []


def test_reopen_from_the_board_is_one_step_and_undo_redo_restore(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    pursuits.close_pursuits(ws, [a], "lost", reason="价格", lost_to_name="云启科技")
    screen.set_show_closed(True)
    screen.board.select_ids([a])
    screen.reopen_selected()
    row = records.get(ws, "pursuit", a)
    assert (row["status"], row["lost_to_id"]) == ("open", None)
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "重新打开「A」")
    assert screen.board.selected_ids() == [a]
    ctx.undo_stack.undo()
    row = records.get(ws, "pursuit", a)
    assert (row["status"], row["close_reason"]) == ("lost", "价格")
    assert row["lost_to_id"] is not None
    ctx.undo_stack.redo()
    assert records.get(ws, "pursuit", a)["status"] == "open"


def test_delete_from_the_board_is_one_step_and_undo_redo_restore(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a, b, c = (kit.make(ws, t) for t in "ABC")
    screen.reload()
    screen.board.select_ids([a, c])
    screen.delete_selected()
    assert [x.title for x in board.board_cards(ws)] == ["B"]
    assert (ctx.undo_stack.count(), ctx.undo_stack.undoText()) == (1, "删除 2 个项目")
    ctx.undo_stack.undo()
    assert [x.title for x in board.board_cards(ws)] == ["A", "B", "C"]
    assert kit.titles(screen, 1) == ["A", "B", "C"]
    ctx.undo_stack.redo()
    assert kit.titles(screen, 1) == ["B"] and board.board_card(ws, b) is not None


def test_purge_from_the_board_asks_then_blanks(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    kit.make(ws, "B")
    screen.reload()
    screen.board.select_ids([a])
    screen.delete_selected()  # a step on the stack, cleared by the purge
    ctx.undo_stack.undo()
    screen.board.select_ids([a])
    menu = screen.build_context_menu(1)
    next(act for act in menu.actions() if act.objectName() == "action_purge").trigger()
    box = screen.dialog
    assert box is not None and box.objectName() == "confirm_purge" and box.isVisible()
    assert "苏州恒通电子有限公司 · A" in box.text()
    with qtbot.waitSignal(box.finished):
        box.purge_button.click()
    assert [x.title for x in board.board_cards(ws)] == ["B"]
    assert ctx.undo_stack.count() == 0
