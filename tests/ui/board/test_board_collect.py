"""Won → 验收 → 回款 → collected on the board, by drag through the real column views (synthetic
drag events): a signed pursuit stays on the board at 80 % then 100 % of what is still to collect,
and the context menu's "collected" closes it only once stage 8 is complete."""

from __future__ import annotations

from datetime import date

from desktop.services import pursuit_edits
from desktop.services.pursuit_edits import Target
from desktop.services.queries import board
from tests.collecting import settle

AMOUNT = 1_000_000_00


def mark_collected_action(screen, stage: int):
    menu = screen.build_context_menu(stage)
    return next((a for a in menu.actions() if a.objectName() == "action_mark_collected"), None)


def test_signed_accepted_and_collected_by_drag(screen, ctx, kit, qtbot) -> None:
    ws = ctx.workspace
    pid = kit.make(ws, "MES", stage=6)
    for stage in (6, 7):
        kit.answer_all(ws, pid, stage)
    screen.reload()
    screen.board.select_ids([pid])
    assert mark_collected_action(screen, 6) is None  # not signed: no win to mark

    # Contract signed: dragged into 验收, it stays on the board at 80 %.
    view7 = screen.board.view_of(7)
    kit.drop(view7, [pid], kit.below_all(view7))
    assert screen.gate_dialog is None  # stage 6's points answered: the gate passes silently
    card = board.board_card(ws, pid)
    assert (card.stage, card.status, card.win_rate, card.weighted) == (7, "open", 80, 800_000_00)
    assert kit.titles(screen, 7) == ["MES"]
    assert screen.model.summary(7).weighted == 800_000_00

    # The win is offered from 验收 on, and refused there with what is missing.
    screen.board.select_ids([pid])
    mark_collected_action(screen, 7).trigger()
    dialog = screen.close_dialog
    assert dialog.status() == "collected" and dialog.collect_missing.isVisible()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()  # refused: nothing changes
    assert board.board_card(ws, pid).status == "open"
    dialog.reject()

    # Into 回款 by drag: 100 % of what is still to collect.
    pursuit_edits.add_part(
        ws,
        "instalment",
        pid,
        {"amount": 300_000_00, "due_on": date.today(), "received_on": date.today()},
    )
    rest, _ = pursuit_edits.add_part(
        ws, "instalment", pid, {"amount": 700_000_00, "due_on": date.today()}
    )
    screen.reload()
    view8 = screen.board.view_of(8)
    kit.drop(view8, [pid], kit.below_all(view8))
    card = board.board_card(ws, pid)
    assert (card.stage, card.win_rate, card.weighted) == (8, 100, 700_000_00)
    assert kit.titles(screen, 8) == ["MES"] and kit.titles(screen, 7) == []
    assert screen.model.summary(8).weighted == 700_000_00
    assert ctx.undo_stack.count() == 2  # two drags, two steps

    # Everything in: collected, the win; it leaves the board, undo brings it back.
    settle(ws, pid)
    pursuit_edits.save(ws, Target("instalment", rest), {"received_on": date.today()})
    screen.reload()
    screen.board.select_ids([pid])
    mark_collected_action(screen, 8).trigger()
    dialog = screen.close_dialog
    assert dialog.status() == "collected" and not dialog.collect_missing.isVisible()
    dialog.reason.setEditText("尾款到账")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    card = board.board_card(ws, pid)
    assert (card.status, card.stage, card.weighted) == ("collected", 8, AMOUNT)
    assert kit.titles(screen, 8) == []
    ctx.undo_stack.undo()
    assert board.board_card(ws, pid).status == "open"
    assert kit.titles(screen, 8) == ["MES"]


def test_a_drag_that_skips_into_collection_goes_through_the_gate(screen, ctx, kit) -> None:
    ws = ctx.workspace
    pid = kit.make(ws, "ERP", stage=6)
    screen.reload()
    view8 = screen.board.view_of(8)
    kit.drop(view8, [pid], kit.below_all(view8))
    dialog = screen.gate_dialog
    assert dialog is not None  # skipping 验收 asks, like any skip
    assert board.board_card(ws, pid).stage == 6
    dialog.reject()
    assert board.board_card(ws, pid).stage == 6
