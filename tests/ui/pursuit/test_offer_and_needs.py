"""Our offer (价值交集, 特点、优势、益处, 打消顾虑的计划) and the plateau's new needs through the
workspace's widgets: typed, saved by themselves, read back from the file, undone; a need made a
pursuit in one click and linked both ways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services import after_sale, offer
from desktop.services.queries import board, overview

from .conftest import make_pursuit, type_text
from .test_sections import edit_cell


def type_into(qtbot, root: QWidget, name: str, text: str) -> QWidget:
    edit = root.findChild(QWidget, name)
    assert edit is not None, name
    edit.setFocus()
    type_text(qtbot, edit, text)
    return edit


def test_offer_fields_save_reload_and_undo(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=5)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "pains")
    card = widget.pages["pains"].offer
    assert card.isVisibleTo(widget)
    type_into(qtbot, card, "value_intersection", "按期投产，降低停线损失")
    type_into(qtbot, card, "features", "模块化 MES")
    type_into(qtbot, card, "advantages", "两周上线")
    type_into(qtbot, card, "benefits", "每年少停线 40 小时")
    widget.save_state()
    saved = offer.offer_of(fresh(ws), pid)
    assert (saved.value_intersection, saved.features, saved.advantages, saved.benefits) == (
        "按期投产，降低停线损失",
        "模块化 MES",
        "两周上线",
        "每年少停线 40 小时",
    )

    widget.show_pursuit(pid, "risks")
    plan = widget.pages["risks"].concern_plan
    type_into(qtbot, plan, "concern_plan", "先请样板客户现身说法，再试点一条产线")
    widget.save_state()
    assert offer.offer_of(fresh(ws), pid).concern_plan == "先请样板客户现身说法，再试点一条产线"

    reopened = open_workspace(fresh(ws))
    reopened.show_pursuit(pid, "pains")
    again = reopened.pages["pains"].offer
    assert again.findChild(QWidget, "benefits").toPlainText() == "每年少停线 40 小时"
    reopened.show_pursuit(pid, "risks")
    assert (
        reopened.pages["risks"].concern_plan.findChild(QWidget, "concern_plan").toPlainText()
        == "先请样板客户现身说法，再试点一条产线"
    )
    reopened.close()

    # Each field's edit is one undo step, and the field on screen follows.
    widget.ctx.undo_stack.undo()
    assert offer.offer_of(ws, pid).concern_plan == ""
    qtbot.waitUntil(lambda: plan.findChild(QWidget, "concern_plan").toPlainText() == "")
    widget.ctx.undo_stack.undo()
    assert offer.offer_of(ws, pid).benefits == ""
    widget.ctx.undo_stack.redo()
    assert offer.offer_of(ws, pid).benefits == "每年少停线 40 小时"


def test_the_offer_follows_the_pursuit_shown(open_workspace, ws, qtbot) -> None:
    first = make_pursuit(ws, stage=5, title="MES")
    second = make_pursuit(ws, stage=5, title="WMS")
    widget = open_workspace(ws)
    widget.show_pursuit(first, "pains")
    card = widget.pages["pains"].offer
    type_into(qtbot, card, "features", "甲方案")
    widget.show_pursuit(second, "pains")  # switching saves what was typed, then shows the other
    QApplication.processEvents()
    assert card.findChild(QWidget, "features").toPlainText() == ""
    assert offer.offer_of(ws, first).features == "甲方案"
    assert not offer.offer_of(ws, second).exists


def test_a_new_need_becomes_a_pursuit_in_one_click(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=7, owner="张三")
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "after_sale")
    needs = widget.pages["after_sale"].needs
    assert not needs.convert_button.isEnabled()
    needs.add_need()
    editor = needs.table.view.focusWidget()
    type_text(qtbot, editor, "仓储 WMS 改造")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, needs.table, 0, 1, "李主任")
    (row,) = after_sale.needs_of(fresh(ws), pid)
    assert (row["need"], row["raised_by"]) == ("仓储 WMS 改造", "李主任")

    needs.table.view.selectRow(0)
    assert needs.convert_button.isEnabled() and not needs.open_button.isEnabled()
    needs.convert_button.click()
    (row,) = after_sale.needs_of(ws, pid)
    new_id = row["converted_pursuit_id"]
    assert new_id
    made = overview.overview_of(ws, new_id)
    source = overview.overview_of(ws, pid)
    assert (made.pursuit["title"], made.pursuit["stage"], made.pursuit["owner"]) == (
        "仓储 WMS 改造",
        1,
        "张三",
    )
    assert made.pursuit["account_id"] == source.pursuit["account_id"]
    assert "李主任" in made.pursuit["notes"]
    assert "已在阶段 1 新建项目" in needs.message.text()
    needs.table.view.selectRow(0)
    assert needs.model.data(needs.model.index(0, 3)) == "✓ 仓储 WMS 改造"
    assert not needs.convert_button.isEnabled() and needs.open_button.isEnabled()
    opened: list[str] = []
    widget.pages["after_sale"].open_pursuit = opened.append
    needs.open_button.click()
    assert opened == [new_id]

    # The new pursuit's overview links back to the pursuit it grew from.
    widget.show_pursuit(new_id, "overview")
    link = widget.pages["overview"].grew_from
    assert link.isVisibleTo(widget)
    assert f"href='{pid}'" in link.text() and "MES 生产执行系统" in link.text()

    # Undo takes the new pursuit back; redo brings it again, still linked.
    widget.show_pursuit(pid, "after_sale")
    widget.ctx.undo_stack.undo()
    assert board.board_card(ws, new_id) is None
    assert after_sale.needs_of(ws, pid)[0]["converted_pursuit_id"] is None
    widget.ctx.undo_stack.redo()
    assert board.board_card(ws, new_id) is not None
    assert overview.overview_of(ws, new_id).grew_from is not None


def test_a_need_without_words_is_not_made_a_pursuit(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=7)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "after_sale")
    needs = widget.pages["after_sale"].needs
    needs.add_need()
    qtbot.keyClick(needs.table.view.focusWidget(), Qt.Key.Key_Escape)
    needs.table.view.selectRow(0)
    assert needs.convert_selected() is None
    assert needs.table.error.text()
    assert after_sale.needs_of(ws, pid)[0]["converted_pursuit_id"] is None
