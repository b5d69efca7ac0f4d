"""Coaching: answer, mark done, plan steps through the widgets; saved, reopened, undone."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox

from desktop.services import coaching
from desktop.services.queries import board
from desktop.ui.common.widgets import OptionalDateEdit

from .conftest import make_pursuit, type_text


def test_current_stage_first_and_open_others_closed(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=4)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid, "coaching")
    page = widget.pages["coaching"]
    assert list(page.blocks) == [4, 1, 2, 3, 5, 6, 7, 8]
    assert page.blocks[4].inner.isVisible() and page.blocks[4].built
    assert not page.blocks[1].built  # built when first opened
    assert page.blocks[4].role_label.text() == "current stage"
    assert page.blocks[1].role_label.text() == "passed"
    assert page.blocks[5].role_label.text() == "ahead"
    page.blocks[1].toggle.click()
    assert page.blocks[1].built and page.blocks[1].inner.isVisible()


def test_answers_done_marks_and_steps_save_and_survive(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=4)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "coaching")
    page = widget.pages["coaching"]
    block = page.blocks[4]
    edit = block.answers["s4.designer"]
    edit.setFocus()
    type_text(qtbot, edit, "信息中心王工,关系到私交")
    qtbot.waitUntil(
        lambda: coaching.sheet_of(ws, pid).answer("s4.designer").text == "信息中心王工,关系到私交",
        timeout=3000,
    )
    block.done_boxes["s4.designer"].click()
    block.done_boxes["s4.criteria"].click()
    block.findChild(QCheckBox, "s4.discuss_criteria").click()
    date_edit = block.findChild(OptionalDateEdit, "s4.discuss_criteria.due")
    date_edit.setFocus()
    date_edit.setDate(QDate.currentDate().addDays(5))
    widget.save_state()

    sheet = coaching.sheet_of(fresh(ws), pid)
    assert sheet.answer("s4.designer").done and sheet.answer("s4.criteria").done
    assert sheet.step("s4.discuss_criteria").done
    assert sheet.step("s4.discuss_criteria").due_on == date.today() + timedelta(days=5)
    qtbot.waitUntil(lambda: block.count.text().startswith("已落实 2/7"))
    card = board.board_card(ws, pid)
    assert card is not None and card.answered == 2

    widget.close()
    again = open_workspace(fresh(ws))
    again.show_pursuit(pid, "coaching")
    block2 = again.pages["coaching"].blocks[4]
    assert block2.answers["s4.designer"].toPlainText() == "信息中心王工,关系到私交"
    assert block2.done_boxes["s4.designer"].isChecked()


def test_undo_a_done_mark(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=2)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "coaching")
    block = widget.pages["coaching"].blocks[2]
    block.done_boxes["s2.pain"].click()
    assert coaching.sheet_of(ws, pid).answer("s2.pain").done
    widget.ctx.undo_stack.undo()
    assert not coaching.sheet_of(ws, pid).answer("s2.pain").done
    qtbot.waitUntil(lambda: not block.done_boxes["s2.pain"].isChecked())


def test_a_step_due_before_the_pursuit_began_is_refused(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=3, days_ago=3)
    widget = open_workspace(ws, "en")
    widget.show_pursuit(pid, "coaching")
    block = widget.pages["coaching"].blocks[3]
    date_edit = block.findChild(OptionalDateEdit, "s3.prove_roi.due")
    date_edit.setFocus()
    date_edit.setDate(QDate.currentDate().addDays(-30))
    widget.save_state()
    assert coaching.sheet_of(ws, pid).step("s3.prove_roi").due_on is None
    assert "before the pursuit began" in date_edit.toolTip()
