"""After a delete, the status bar offers Ctrl+Z; once the undo (or a redo) has happened it says
so, never the stale offer."""

from __future__ import annotations

from desktop.services import pursuits
from desktop.services.pursuits import PursuitDraft


def test_undo_and_redo_of_a_delete_say_what_happened(main_window, qtbot) -> None:
    ctx = main_window.ctx
    pid, _ = ctx.perform(
        pursuits.create_pursuit, PursuitDraft(title="MES二期", account_name="华东钢铁")
    )
    screen = main_window.screens["board"]
    qtbot.waitUntil(lambda: screen.model.card(pid) is not None)
    screen.board.select_ids([pid])
    screen.delete_selected()
    status = main_window.statusBar()
    assert status.currentMessage() == "已删除「MES二期」 — 按 Ctrl+Z 可撤销"

    ctx.undo_stack.undo()
    assert screen.model.card(pid) is not None
    assert status.currentMessage() == "已撤销：删除「MES二期」"

    ctx.undo_stack.redo()
    assert screen.model.card(pid) is None
    assert "Ctrl+Z" in status.currentMessage() and "MES二期" in status.currentMessage()
