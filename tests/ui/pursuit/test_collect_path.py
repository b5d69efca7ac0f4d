"""The workspace walks a deal through the method's end: "Contract signed" moves it into 验收,
"Next stage" into 回款, and "Mark collected…" on the Collection tab closes it as won only when
the checklist and every instalment are complete — until then the dialog says what is missing."""

from __future__ import annotations

from datetime import date

from desktop.services import collection, pursuit_edits
from desktop.services.pursuit_edits import Target
from desktop.services.queries import board, overview
from tests.collecting import settle

from .conftest import make_pursuit


def answer_all(ws, pursuit_id: str, stage: int) -> None:
    from desktop.services import records

    for question in ws.catalog.stage(stage).questions:
        records.create(
            ws,
            "coaching_answer",
            {
                "pursuit_id": pursuit_id,
                "question_key": question.key,
                "stage": stage,
                "answer": "已确认",
                "done": True,
            },
        )


def test_signed_accepted_collected_through_the_workspace(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=6, amount=1_000_000_00)
    for stage in (6, 7):
        answer_all(ws, pid, stage)
    widget = open_workspace(ws, "zh_CN")
    widget.show_pursuit(pid, "overview")
    page = widget.pages["overview"]

    # Stage 6: the customer signs — a move into 验收 (one undo step), still open.
    assert page.sign_button.isVisible() and not page.collected_button.isVisible()
    page.sign_button.click()
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["stage"], view.pursuit["status"], view.win_rate) == (7, "open", 80)
    assert widget.ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: page.collected_button.isVisible())
    assert not page.sign_button.isVisible()

    # In 验收 the win is offered but refused: not in 回款 yet, nothing settled.
    dialog = page.ask_close("collected")
    assert dialog.status() == "collected" and dialog.radios["collected"].isVisibleTo(dialog)
    assert dialog.collect_missing.isVisible()
    missing = dialog.collect_missing.text()
    assert "8" in missing and "回收账款" in missing and "验收文件签署" in missing
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reject()

    # Next stage: 回款, through the gate like a drag (stage 7's points are answered).
    assert widget.next_stage() is None  # passed silently
    assert board.board_card(ws, pid).stage == 8
    first, _ = pursuit_edits.add_part(
        ws,
        "instalment",
        pid,
        {"amount": 300_000_00, "due_on": date.today(), "received_on": date.today()},
    )
    second, _ = pursuit_edits.add_part(
        ws, "instalment", pid, {"amount": 700_000_00, "due_on": date.today()}
    )
    assert board.board_card(ws, pid).weighted == 700_000_00  # 100 % of what is still to collect
    settle(ws, pid)

    widget.show_pursuit(pid, "collection")
    tab = widget.pages["collection"]
    qtbot.waitUntil(lambda: tab.collected_button.isVisible())
    dialog = tab.mark_collected()
    assert dialog is not None and dialog.status() == "collected"
    assert "1" in dialog.collect_missing.text() and dialog.collect_missing.isVisible()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()
    assert board.board_card(ws, pid).status == "open"

    pursuit_edits.save(ws, Target("instalment", second), {"received_on": date.today()})
    assert collection.collect_gaps(ws, [pid])[pid] == ()
    dialog = tab.mark_collected()
    assert dialog is not None and not dialog.collect_missing.isVisible()
    dialog.reason.setEditText("验收通过，尾款到账")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.win_rate, view.weighted) == (
        "collected",
        100,
        1_000_000_00,
    )
    widget.ctx.undo_stack.undo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "open"
    widget.ctx.undo_stack.redo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "collected"
    assert first
