"""The stage gate with the keyboard only (tester round 6): Tab leaves the reason box, Ctrl+Enter
moves, and an answer is settled by the rep's own tick (type, Tab, Space), not behind their back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import coaching
from desktop.services.queries import board


def open_gate(screen, ctx, kit, qtbot):
    pid = kit.make(ctx.workspace, "MES二期")
    screen.reload()
    screen.board.select_ids([pid])
    screen.move_selected_to(2)
    dialog = screen.gate_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return pid, dialog, [q.key for q in ctx.catalog.stage(1).questions]


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_tab_leaves_the_reason_and_ctrl_enter_moves(screen, ctx, kit, qtbot) -> None:
    pid, dialog, _keys = open_gate(screen, ctx, kit, qtbot)
    focus(qtbot, dialog.reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.reason.hasFocus()  # no reason yet: nothing moves
    assert board.board_card(ctx.workspace, pid).stage == 1

    qtbot.keyClicks(dialog.reason, "budget frozen")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    assert dialog.reason_text() == "budget frozen" and not dialog.reason.hasFocus()

    focus(qtbot, dialog.reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: board.board_card(ctx.workspace, pid).stage == 2)
    assert not dialog.isVisible()


def test_type_tab_space_settles_each_point_and_the_move_needs_no_reason(
    screen, ctx, kit, qtbot
) -> None:
    ws = ctx.workspace
    pid, dialog, keys = open_gate(screen, ctx, kit, qtbot)
    for number, key in enumerate(keys):
        edit, box = dialog.answer_edits[(pid, key)], dialog.done_boxes[(pid, key)]
        focus(qtbot, edit)
        qtbot.keyClicks(edit, f"answer {number}")
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert box.hasFocus() and not box.isChecked()  # an answer alone is not settled
        answer = coaching.sheet_of(ws, pid).answer(key)
        assert (answer.text, answer.done) == (f"answer {number}", False)  # but it is kept
        assert dialog.reason_required()
        assert dialog.hint.text() == "请为已做到的要点勾选「已落实」，或者填写原因。"
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked() and coaching.sheet_of(ws, pid).answer(key).done

    assert not dialog.reason_required() and dialog.ahead_button.isEnabled()
    qtbot.keyClick(
        dialog.done_boxes[(pid, keys[-1])], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: board.board_card(ws, pid).stage == 2)
    assert coaching.sheet_of(ws, pid).completeness(ctx.catalog, 1).complete
