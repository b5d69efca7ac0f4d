"""New / Edit pursuit, opened from the board, tested without exec()."""

from __future__ import annotations

from datetime import date

from desktop.services import pursuits
from desktop.services.queries import board
from desktop.ui.operations.pursuit_dialog import PursuitDialog


def test_new_pursuit_with_a_new_account_and_undo(screen, ctx, kit) -> None:
    ws = ctx.workspace
    screen.new_action.trigger()
    dialog = screen.pursuit_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == dialog.tr("New pursuit")
    dialog.account.setEditText("杭州云帆物流有限公司")
    assert dialog.account_note.isVisible()  # says a new account will be made
    dialog.title.setText("仓储 WMS 改造")
    dialog.amount.setText("128万")
    dialog.expected_close.set_value(date(2027, 6, 30))
    dialog.stage.setCurrentIndex(2)
    dialog.next_step.setText("约见信息中心主任")
    dialog.next_step_due.set_value(date(2027, 1, 10))
    dialog.tags.setText("重点、新客户")
    dialog.accept()
    assert not dialog.isVisible()
    [card] = board.board_cards(ws)
    assert (card.account, card.title, card.amount, card.stage) == (
        "杭州云帆物流有限公司",
        "仓储 WMS 改造",
        1_280_000_00,
        3,
    )
    assert card.tags == ("新客户", "重点") and card.next_step_due == date(2027, 1, 10)
    assert card.expected_close == date(2027, 6, 30)
    assert screen.model.cards_in(3)[0].id == card.id
    assert screen.board.selected_ids() == [card.id]
    ctx.undo_stack.undo()
    assert board.board_cards(ws) == [] and screen.model.cards_in(3) == []
    from desktop.services import accounts

    assert accounts.list_accounts(ws) == []  # the account made with it went too
    ctx.undo_stack.redo()
    assert [c.title for c in board.board_cards(ws)] == ["仓储 WMS 改造"]


def test_validation_messages_sit_next_to_the_fields(ctx, qtbot) -> None:
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.amount.setText("about a million")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["title"].isVisible() and dialog.errors["title"].text()
    assert dialog.errors["account"].isVisible()
    assert dialog.errors["amount"].isVisible()
    assert not dialog.errors["stage"].isVisible()
    dialog.title.setText("MES")
    dialog.account.setEditText("客户")
    dialog.amount.setText("1,280,000.50")
    dialog.accept()
    assert not dialog.isVisible()
    [card] = board.board_cards(ctx.workspace)
    assert card.amount == 128_000_050


def test_a_message_goes_once_its_field_is_filled_and_the_dialog_shrinks_back(
    ctx, qtbot, kit
) -> None:
    kit.make(ctx.workspace, "MES 一期", account="华东钢铁集团")  # a known account: no note
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.amount.setText("12x万")
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.accept()  # the account, the title and the amount are asked for
    assert all(dialog.errors[n].isVisible() for n in ("account", "title", "amount"))
    assert dialog.height() > height
    dialog.title.setText("MES 二期")
    assert not dialog.errors["title"].isVisible()  # at once, not at the next submit
    assert dialog.errors["account"].isVisible() and dialog.errors["amount"].isVisible()
    dialog.account.setEditText("华东钢铁集团")
    assert not dialog.errors["account"].isVisible()
    dialog.amount.textEdited.emit("12万")  # the user typing (not its tidying on leaving)
    assert not dialog.errors["amount"].isVisible()
    assert dialog.height() == height  # no blank space where the messages were


def test_a_due_date_without_a_next_step_is_refused_under_the_next_step(ctx, qtbot) -> None:
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.next_step_due.set_value(date(2027, 1, 10))
    dialog.accept()
    assert dialog.isVisible() and board.board_cards(ctx.workspace) == []
    assert dialog.errors["title"].isVisible()  # said together with the other messages
    dialog.account.setEditText("华东钢铁集团")
    dialog.title.setText("MES 二期")
    assert "清除日期" in dialog.errors["next_step"].text()
    assert dialog.errors["next_step"].isVisible()
    dialog.next_step.setText("约见信息中心主任")
    assert not dialog.errors["next_step"].isVisible()
    dialog.accept()
    [card] = board.board_cards(ctx.workspace)
    assert (card.next_step, card.next_step_due) == ("约见信息中心主任", date(2027, 1, 10))


def test_edit_changes_fields_and_undo_puts_them_back(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A", tags=["重点"])
    screen.reload()
    screen.open_pursuit(a)  # no workspace screen: the edit dialog opens
    dialog = screen.pursuit_dialog
    assert dialog.windowTitle() == dialog.tr("Edit pursuit")
    assert dialog.title.text() == "A" and dialog.tags.text() == "重点"
    assert dialog.amount.text() == "1,000,000"
    dialog.title.setText("A 二期")
    dialog.tags.setText("")
    dialog.accept()
    card = board.board_card(ws, a)
    assert (card.title, card.tags) == ("A 二期", ())
    assert screen.model.card(a).title == "A 二期"
    ctx.undo_stack.undo()
    card = board.board_card(ws, a)
    assert (card.title, card.tags) == ("A", ("重点",))


def test_tags_typed_with_full_width_separators_are_several_tags(screen, ctx, kit) -> None:
    """A Chinese input method types ，and ；: the dialog splits on them and shows 、 between."""
    ws = ctx.workspace
    a = kit.make(ws, "A", tags=["重点"])
    screen.reload()
    screen.open_pursuit(a)
    dialog = screen.pursuit_dialog
    dialog.tags.setText("重点，战略客户；续约")
    dialog.accept()
    assert set(board.board_card(ws, a).tags) == {"重点", "战略客户", "续约"}
    screen.open_pursuit(a)
    assert set(screen.pursuit_dialog.tags.text().split("、")) == {"重点", "战略客户", "续约"}


def test_edit_to_another_stage_goes_through_the_gate(screen, ctx, kit) -> None:
    ws = ctx.workspace
    a = kit.make(ws, "A")
    screen.reload()
    screen.edit_pursuit(a)
    dialog = screen.pursuit_dialog
    dialog.stage.setCurrentIndex(3)  # 1 → 4: a skip
    dialog.accept()
    gate = dialog.gate
    assert gate is not None and gate.isVisible() and dialog.isVisible()
    gate.reject()
    assert board.board_card(ws, a).stage == 1 and dialog.isVisible()
    dialog.accept()
    gate = dialog.gate
    gate.set_all_milestones(True)
    gate.reason.setPlainText("直接进入指标引导")
    gate.accept()
    assert not dialog.isVisible()
    assert board.board_card(ws, a).stage == 4
    change = pursuits.stage_history(ws, a)[-1]
    assert change["override_reason"] == "直接进入指标引导"
    ctx.undo_stack.undo()
    assert board.board_card(ws, a).stage == 1
    assert len(pursuits.stage_history(ws, a)) == 1


def test_the_window_opens_the_workspace_when_there_is_one(screen, ctx, kit) -> None:
    opened: list[str] = []

    class Window:
        def open_pursuit(self, pursuit_id: str, tab: str | None = None) -> bool:
            opened.append(pursuit_id)
            return True

    a = kit.make(ctx.workspace, "A")
    screen.reload()
    screen.window_ = Window()
    screen.open_pursuit(a)
    assert opened == [a] and screen.pursuit_dialog is None


def test_double_click_opens(screen, ctx, kit, qtbot) -> None:
    from PySide6.QtCore import Qt

    a = kit.make(ctx.workspace, "A")
    screen.reload()
    view = screen.board.view_of(1)
    point = kit.above(view, 0)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    dialog = screen.pursuit_dialog
    assert dialog is not None and dialog.pursuit_id == a
    dialog.reject()


def test_enter_opens(screen, ctx, kit, qtbot) -> None:
    from PySide6.QtCore import Qt

    a = kit.make(ctx.workspace, "A")
    screen.reload()
    screen.board.select_ids([a], focus=True)
    qtbot.keyClick(screen.board.view_of(1), Qt.Key.Key_Return)
    assert screen.pursuit_dialog is not None and screen.pursuit_dialog.pursuit_id == a
    screen.pursuit_dialog.reject()


def test_the_edit_dialog_tells_a_gone_pursuit(screen, ctx, kit) -> None:
    a = kit.make(ctx.workspace, "A")
    screen.reload()
    pursuits.delete_pursuits(ctx.workspace, [a])  # deleted elsewhere, board not told yet
    screen.edit_pursuit(a)
    assert kit.error_boxes()


def test_empty_board_offers_the_next_action(screen, ctx, kit) -> None:
    assert screen.is_empty()
    assert screen.pages.currentWidget() is screen.board  # the eight stages show all the same
    a = kit.make(ctx.workspace, "A")
    screen.reload()
    assert not screen.is_empty()
    pursuits.close_pursuits(ctx.workspace, [a], "abandoned", reason="x")
    screen.reload()  # every pursuit closed: still the board (with "Show closed"), not "no pursuits"
    assert not screen.is_empty()


def test_the_empty_state_loads_demo_data(screen) -> None:
    from PySide6.QtWidgets import QPushButton

    assert screen.is_empty()
    screen.empty.findChild(QPushButton, "empty_demo").click()
    assert not screen.is_empty()
    assert screen.model.totals().shown > 5


def test_optional_dates_clear_and_open_on_today(qtbot) -> None:
    from PySide6.QtCore import QDate, QPoint, Qt

    from desktop.ui.common.widgets import OptionalDateEdit

    edit = OptionalDateEdit("not set")
    qtbot.addWidget(edit)
    edit.resize(220, 30)
    edit.show()
    assert edit.value() is None and edit.text() == "not set"
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(30, 15))  # starts from today
    assert edit.date() == QDate.currentDate()  # and Qt's step-down on a text click is avoided
    assert edit.calendarWidget().isVisible()
    edit.calendarWidget().window().close()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(30, 15))
    assert edit.date() == QDate.currentDate()
    edit.calendarWidget().window().close()
    edit.set_value(date(2027, 3, 31))
    assert edit.value() == date(2027, 3, 31)
    edit.setFocus()
    edit.setCurrentSection(edit.Section.YearSection)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.value() is None


def test_a_negative_amount_is_called_negative_not_unreadable(ctx, qtbot) -> None:
    """The services' rule speaks ("cannot be negative"), not the parser ("not an amount")."""
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.amount, "-5000")
    dialog.accept()  # no account either: both fields say what is wrong
    assert dialog.isVisible()
    assert dialog.errors["amount"].isVisible()
    assert dialog.errors["amount"].text() == "金额不能为负数。"
    assert dialog.errors["account"].isVisible()
    dialog.account.setEditText("客户")
    dialog.title.setText("MES")
    dialog.amount.setText("−5万")  # a typographic minus too
    dialog.accept()
    assert dialog.isVisible() and dialog.errors["amount"].text() == "金额不能为负数。"
    assert board.board_cards(ctx.workspace) == []
    dialog.amount.setText("about a million")
    dialog.accept()
    assert dialog.errors["amount"].text().startswith("不是有效金额")
    dialog.amount.setText("5万")
    dialog.accept()
    assert not dialog.isVisible()
    [card] = board.board_cards(ctx.workspace)
    assert card.amount == 50_000_00


def test_board_amounts_read_and_write_a_sign() -> None:
    from desktop.ui.common import format as fmt

    assert fmt.parse_money("-5000") is None  # filters: a negative bound is no amount
    assert fmt.parse_money("-5000", allow_negative=True) == -500_000
    assert fmt.parse_money("−1.5万", allow_negative=True) == -1_500_000
    assert fmt.parse_money("-¥8,000.50", allow_negative=True) == -800_050
    assert fmt.parse_money("--5", allow_negative=True) is None
    assert fmt.parse_money("-", allow_negative=True) is None
    assert fmt.amount_input(-800_050) == "-8,000.50"
    assert fmt.amount_input(128_000_000) == "1,280,000"


def test_an_amount_with_too_many_digits_is_refused_with_a_message(ctx, qtbot) -> None:
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.account.setEditText("客户")
    dialog.title.setText("MES")
    qtbot.keyClicks(dialog.amount, "99999999999999999999")  # would overflow the database
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["amount"].text() == "金额过大，请检查位数。"
    assert board.board_cards(ctx.workspace) == []
