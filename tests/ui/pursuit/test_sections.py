"""Risks, after sale and collection through their widgets: saved, refused, reopened, undone."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QWidget

from desktop.domain import health as rules
from desktop.services import after_sale, collection, pursuit_edits
from desktop.services.queries import board, overview

from .conftest import make_pursuit, type_text

TODAY = date.today()


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Edit a cell as a user does: open its editor, type (or pick a date), press Return."""
    index = table.model.index(row, column)
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.focusWidget()
    if isinstance(editor, QDateEdit):
        editor.setDate(QDate.fromString(text, "yyyy-MM-dd"))
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


# --- risks ----------------------------------------------------------------------------------
def test_risks_add_edit_remove_undo(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=6)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "risks")
    page = widget.pages["risks"]
    assert page.empty.isVisible()
    page.add_button.click()
    (card,) = page.cards.values()
    assert card.description.hasFocus() or True  # focus arrives on the next event-loop turn
    card.description.setFocus()
    type_text(qtbot, card.description, "决策者担心上线影响年底生产")
    card.severity.setFocus()
    card.severity.lineEdit().selectAll()
    type_text(qtbot, card.severity.lineEdit(), "5")
    for name, text in (("impact_person", "生产部长考核受影响"), ("prevention", "先试点一条产线")):
        edit = card.findChild(QWidget, name)
        edit.setFocus()
        type_text(qtbot, edit, text)
    widget.save_state()
    (risk,) = pursuit_edits.parts_of(fresh(ws), "risk", pid)
    assert (risk["description"], risk["severity"], risk["status"]) == (
        "决策者担心上线影响年底生产",
        5,
        "open",
    )
    assert (risk["impact_person"], risk["prevention"]) == ("生产部长考核受影响", "先试点一条产线")
    reopened = open_workspace(fresh(ws))
    reopened.show_pursuit(pid, "risks")
    (again,) = reopened.pages["risks"].cards.values()
    assert again.description.text() == "决策者担心上线影响年底生产"
    assert again.severity.value() == 5
    reopened.close()
    qtbot.waitUntil(lambda: rules.OPEN_HIGH_RISKS in [f.code for f in widget.health.flags])
    assert "1 个未解决，其中 1 个高影响" in page.summary.text()
    # Mitigating it clears the flag.
    index = card.status.findData("mitigated")
    card.status.setCurrentIndex(index)
    card.status.activated.emit(index)
    qtbot.waitUntil(lambda: rules.OPEN_HIGH_RISKS not in [f.code for f in widget.health.flags])
    card.delete.click()
    assert pursuit_edits.parts_of(ws, "risk", pid) == []
    widget.ctx.undo_stack.undo()
    assert len(pursuit_edits.parts_of(ws, "risk", pid)) == 1


# --- after sale -----------------------------------------------------------------------------
def test_periods_and_a_referral_that_becomes_a_pursuit(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=7)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "after_sale")
    page = widget.pages["after_sale"]
    edit = page.period_edits["success"]["actions"]
    edit.setFocus()
    type_text(qtbot, edit, "请 CIO 介绍兄弟单位")
    widget.save_state()
    assert after_sale.periods_of(fresh(ws), pid)["success"]["actions"] == "请 CIO 介绍兄弟单位"
    reopened = open_workspace(fresh(ws))
    reopened.show_pursuit(pid, "after_sale")
    edits = reopened.pages["after_sale"].period_edits
    assert edits["success"]["actions"].toPlainText() == "请 CIO 介绍兄弟单位"
    reopened.close()

    page.add_referral()
    editor = page.table.view.focusWidget()
    type_text(qtbot, editor, "无锡新科电子")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, page.table, 0, 1, "王总 13800000000")
    (row,) = pursuit_edits.parts_of(ws, "referral", pid)
    assert (row["company"], row["contact"]) == ("无锡新科电子", "王总 13800000000")

    page.table.view.selectRow(0)
    assert page.convert_button.isEnabled()
    new_id = page.convert_selected()
    assert new_id is not None
    view = overview.overview_of(ws, new_id)
    assert (view.account, view.pursuit["stage"]) == ("无锡新科电子", 1)
    assert view.referred_by is not None and view.referred_by[0] == pid
    assert "已在阶段 1 新建项目" in page.message.text()
    page.table.view.selectRow(0)
    assert not page.convert_button.isEnabled() and page.open_button.isEnabled()
    assert page.model.data(page.model.index(0, 3)).startswith("✓")
    opened: list[str] = []
    page.open_pursuit = opened.append
    page.open_button.click()
    assert opened == [new_id]
    # Undo takes the new pursuit back.
    widget.ctx.undo_stack.undo()
    assert board.board_card(ws, new_id) is None
    widget.ctx.undo_stack.redo()
    assert board.board_card(ws, new_id) is not None


# --- collection -----------------------------------------------------------------------------
def test_checklist_and_overdue_instalments(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws, stage=8, amount=300_000_00, days_ago=60)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "collection")
    page = widget.pages["collection"]
    assert page.marks["licence_credit"].property("done") is False
    page.widgets["licence_checked"].click()
    page.widgets["credit_checked"].click()
    assert page.marks["licence_credit"].property("done") is True
    owner = page.widgets["delivery_owner"]
    owner.setFocus()
    type_text(qtbot, owner, "实施部李工")
    due = page.widgets["acceptance_due"]
    due.setFocus()
    due.setDate(QDate.currentDate().addDays(10))
    widget.save_state()
    sheet = collection.collection_of(fresh(ws), pid)
    assert sheet.checklist["licence_checked"] and sheet.checklist["credit_checked"]
    assert sheet.checklist["delivery_owner"] == "实施部李工"
    assert sheet.checklist["acceptance_due"] == TODAY + timedelta(days=10)
    reopened = open_workspace(fresh(ws))
    reopened.show_pursuit(pid, "collection")
    again = reopened.pages["collection"]
    assert again.widgets["licence_checked"].isChecked()
    assert again.widgets["delivery_owner"].text() == "实施部李工"
    assert again.widgets["acceptance_due"].value() == TODAY + timedelta(days=10)
    reopened.close()

    page.add_instalment()
    editor = page.table.view.focusWidget()
    type_text(qtbot, editor, "10万")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, page.table, 0, 1, (TODAY - timedelta(days=5)).isoformat())
    (row,) = collection.collection_of(ws, pid).instalments
    assert (row["amount"], row["due_on"]) == (100_000_00, TODAY - timedelta(days=5))
    assert page.model.data(page.model.index(0, 4)) == "逾期 5 天"
    qtbot.waitUntil(lambda: "1 笔逾期" in page.summary.text())
    qtbot.waitUntil(lambda: rules.OVERDUE_INSTALMENTS in [f.code for f in widget.health.flags])
    # Text in an amount, and a payment received tomorrow, are refused.
    edit_cell(qtbot, page.table, 0, 0, "ten")
    assert page.table.error.isVisible()
    edit_cell(qtbot, page.table, 0, 2, (TODAY + timedelta(days=1)).isoformat())
    assert "将来的日期" in page.table.error.text()
    assert collection.collection_of(ws, pid).instalments[0]["received_on"] is None
    edit_cell(qtbot, page.table, 0, 2, TODAY.isoformat())
    assert page.model.data(page.model.index(0, 4)) == "已收"
    qtbot.waitUntil(lambda: rules.OVERDUE_INSTALMENTS not in [f.code for f in widget.health.flags])


def test_a_negative_instalment_is_called_negative(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, stage=8, amount=300_000_00, days_ago=60)
    widget = open_workspace(ws)
    widget.show_pursuit(pid, "collection")
    page = widget.pages["collection"]
    page.add_instalment()
    editor = page.table.view.focusWidget()
    type_text(qtbot, editor, "10万")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    edit_cell(qtbot, page.table, 0, 0, "-5000")
    assert page.table.error.isVisible()
    assert "金额不能为负数" in page.table.error.text()
    (row,) = collection.collection_of(ws, pid).instalments
    assert row["amount"] == 100_000_00
