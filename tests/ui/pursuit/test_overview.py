"""Overview: edit core fields through the widgets, they save themselves, survive a reopen, undo."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from desktop.services import pursuits, records
from desktop.services.queries import overview

from .conftest import make_pursuit, type_text


def open_overview(open_workspace, ws, pid, lang="zh_CN"):
    widget = open_workspace(ws, lang)
    widget.show_pursuit(pid, "overview")
    return widget, widget.pages["overview"]


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def test_edits_save_debounced_and_survive_a_reopen(open_workspace, ws, fresh, qtbot) -> None:
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid)
    retype(qtbot, page.title_edit, "MES 二期")
    assert records.get(ws, "pursuit", pid)["title"] == "MES 生产执行系统"  # not yet: debounced
    qtbot.waitUntil(lambda: records.get(ws, "pursuit", pid)["title"] == "MES 二期", timeout=3000)
    retype(qtbot, page.amount_edit, "128万")
    retype(qtbot, page.next_step_edit, "提交价值建议书")
    retype(qtbot, page.owner_edit, "张伟")
    page.notes_edit.setFocus()
    type_text(qtbot, page.notes_edit, "客户年底前要上线")
    page.next_due_edit.setDate(QDate.currentDate().addDays(7))
    widget.save_state()  # closing the window flushes what is pending
    assert page.amount_edit.text() == "1,280,000"  # reformatted once saved and left

    again = overview.overview_of(fresh(ws), pid).pursuit
    assert (again["title"], again["amount"], again["next_step"], again["owner"]) == (
        "MES 二期",
        128_000_000,
        "提交价值建议书",
        "张伟",
    )
    assert again["notes"] == "客户年底前要上线"
    assert again["next_step_due"] == date.today() + timedelta(days=7)
    # The header follows.
    qtbot.waitUntil(lambda: widget.title.text() == "MES 二期")
    widget.close()
    _reopened, page2 = open_overview(open_workspace, fresh(ws), pid)
    assert page2.title_edit.text() == "MES 二期"
    assert page2.amount_edit.text() == "1,280,000"


def test_bad_input_gets_a_message_at_the_field_and_is_not_saved(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, days_ago=10)
    widget, page = open_overview(open_workspace, ws, pid, "en")
    retype(qtbot, page.amount_edit, "about a million")
    widget.save_state()
    assert page.amount_error.isVisible()
    assert "128万" in page.amount_error.text()
    assert records.get(ws, "pursuit", pid)["amount"] == 1_200_000_00
    retype(qtbot, page.amount_edit, "900000")
    widget.save_state()
    assert not page.amount_error.isVisible()
    assert records.get(ws, "pursuit", pid)["amount"] == 900_000_00

    # A due date before the pursuit began.
    page.next_due_edit.setDate(QDate.currentDate().addDays(-20))
    widget.save_state()
    error = page._next_step_due_error
    assert error.isVisible() and "before the pursuit began" in error.text()
    assert records.get(ws, "pursuit", pid)["next_step_due"] is None
    # An empty title.
    retype(qtbot, page.title_edit, "")
    widget.save_state()
    assert page._title_error.isVisible()
    assert records.get(ws, "pursuit", pid)["title"] == "MES 生产执行系统"


def test_a_next_step_date_waits_for_its_action(open_workspace, ws, qtbot) -> None:
    """A date typed before the action is refused with a message under it, and saved as soon as
    the action is; clearing the action of a dated step asks to clear the date first."""
    pid = make_pursuit(ws, next_step="")
    widget, page = open_overview(open_workspace, ws, pid)
    page.next_due_edit.setDate(QDate.currentDate().addDays(3))
    widget.save_state()
    error = page._next_step_due_error
    assert error.isVisible() and "先写" in error.text()
    assert records.get(ws, "pursuit", pid)["next_step_due"] is None
    retype(qtbot, page.next_step_edit, "提交价值建议书")
    widget.save_state()
    stored = records.get(ws, "pursuit", pid)
    assert (stored["next_step"], stored["next_step_due"]) == (
        "提交价值建议书",
        date.today() + timedelta(days=3),
    )
    assert not error.isVisible()

    retype(qtbot, page.next_step_edit, "")
    widget.save_state()
    assert page._next_step_error.isVisible() and "日期" in page._next_step_error.text()
    assert records.get(ws, "pursuit", pid)["next_step"] == "提交价值建议书"
    page.next_due_edit.clear()
    widget.save_state()
    stored = records.get(ws, "pursuit", pid)
    assert (stored["next_step"], stored["next_step_due"]) == ("", None)  # the step is gone
    assert not page._next_step_error.isVisible()


def test_undo_of_an_edit_restores_the_database_value(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid)
    retype(qtbot, page.next_step_edit, "技术")
    widget.save_state()
    type_text(qtbot, page.next_step_edit, "交流会")
    widget.save_state()
    assert records.get(ws, "pursuit", pid)["next_step"] == "技术交流会"
    stack = widget.ctx.undo_stack
    assert stack.count() == 1  # typing into one field is one step
    assert "下一步行动" in stack.undoText()
    stack.undo()
    assert records.get(ws, "pursuit", pid)["next_step"] == "约见 CIO"
    qtbot.waitUntil(lambda: page.next_step_edit.text() == "约见 CIO")
    stack.redo()
    assert records.get(ws, "pursuit", pid)["next_step"] == "技术交流会"


def test_win_rate_override_and_currency(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid)
    assert page.rate_edit.text() == "阶段默认（40%）"
    page.rate_edit.setFocus()
    page.rate_edit.setValue(55)
    widget.save_state()
    assert records.get(ws, "pursuit", pid)["win_rate_override"] == 55
    qtbot.waitUntil(lambda: "赢率 55%" in widget.figures.text())
    page.rate_edit.setValue(-1)
    widget.save_state()
    assert records.get(ws, "pursuit", pid)["win_rate_override"] is None
    index = page.currency_combo.findData("USD")
    page.currency_combo.setCurrentIndex(index)
    page.currency_combo.activated.emit(index)
    assert records.get(ws, "pursuit", pid)["currency"] == "USD"


def test_tags_save_and_undo(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws, tags=["重点"])
    widget, page = open_overview(open_workspace, ws, pid)
    assert page.tags_edit.text() == "重点"
    retype(qtbot, page.tags_edit, "重点,战略客户、续约")
    qtbot.keyClick(page.tags_edit, Qt.Key.Key_Return)
    assert pursuits.tags_of(ws, pid) == sorted(["重点", "战略客户", "续约"])
    widget.ctx.undo_stack.undo()
    assert pursuits.tags_of(ws, pid) == ["重点"]


def test_tags_typed_with_a_chinese_input_method_are_split_and_shown_with_dunhao(
    open_workspace, ws, qtbot
) -> None:
    """A Chinese input method types ，and ； (full width): each still starts a new tag."""
    pid = make_pursuit(ws, tags=["重点"])
    _widget, page = open_overview(open_workspace, ws, pid)
    retype(qtbot, page.tags_edit, "重点，战略客户；续约")
    qtbot.keyClick(page.tags_edit, Qt.Key.Key_Return)
    assert pursuits.tags_of(ws, pid) == sorted(["重点", "战略客户", "续约"])
    page.tags_edit.clearFocus()
    page.load()
    assert page.tags_edit.text() == "、".join(sorted(["重点", "战略客户", "续约"]))


def test_close_as_lost_with_reason_and_competitor_then_undo_and_reopen(
    open_workspace, ws, qtbot
) -> None:
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid)
    dialog = page.ask_close("lost")
    assert dialog.lost_to.isVisible()
    dialog.reason.setEditText("价格劣势")
    dialog.lost_to.setEditText("云启科技")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert widget.ctx.undo_stack.count() == 1  # one step, the competitor made with it
    view = overview.overview_of(ws, pid)
    assert (view.pursuit["status"], view.pursuit["close_reason"], view.lost_to) == (
        "lost",
        "价格劣势",
        "云启科技",
    )
    qtbot.waitUntil(lambda: page.reopen_button.isVisible())
    assert "云启科技" in page.outcome_label.text()
    widget.ctx.undo_stack.undo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "open"
    widget.ctx.undo_stack.redo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "lost"
    qtbot.waitUntil(lambda: page.reopen_button.isVisible())
    page.reopen_button.click()
    assert overview.overview_of(ws, pid).pursuit["status"] == "open"
    assert widget.ctx.undo_stack.count() == 2  # the close, then the reopen: one step each
    widget.ctx.undo_stack.undo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "lost"
    widget.ctx.undo_stack.redo()
    assert overview.overview_of(ws, pid).pursuit["status"] == "open"
    # Not signed yet (stage 4): the win is not offered; "Contract signed" is.
    qtbot.waitUntil(lambda: page.sign_button.isVisible())
    assert not page.collected_button.isVisible()
    dialog = page.ask_close("collected")
    assert not dialog.radios["collected"].isVisibleTo(dialog) and dialog.status() == "lost"
    dialog.reject()
    # Abandoned needs no competitor; like every close, it asks why.
    dialog = page.ask_close("abandoned")
    assert not dialog.lost_to.isVisible()
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setEditText("客户预算取消")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert overview.overview_of(ws, pid).pursuit["status"] == "abandoned"


def test_timeline_shows_moves_with_overrides(open_workspace, ws) -> None:
    pid = make_pursuit(ws, stage=1)
    pursuits.move_stage(
        ws,
        [pid],
        3,
        overrides=[{"key": "s2.milestone", "kind": "milestone"}],
        override_reason="已立项",
    )
    _widget, page = open_overview(open_workspace, ws, pid)
    text = page.timeline.text()
    assert "1 → 3" in text and "跳过关口检查（1 项）：已立项" in text
    assert "从阶段 1" in text


def test_refused_input_stays_until_corrected(open_workspace, ws, qtbot) -> None:
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid, "en")
    retype(qtbot, page.amount_edit, "a lot")
    widget.save_state()
    assert page.amount_error.isVisible()
    # Another field saved (and the page reloaded) does not wipe what the user must correct.
    retype(qtbot, page.owner_edit, "Li")
    widget.save_state()
    qtbot.waitUntil(lambda: records.get(ws, "pursuit", pid)["owner"] == "Li")
    widget.refresh()
    assert page.amount_edit.text() == "a lot" and page.amount_error.isVisible()


def test_a_negative_amount_is_called_negative(open_workspace, ws, qtbot) -> None:
    """Read as a number, refused by the services' rule, with that rule's words."""
    pid = make_pursuit(ws)
    widget, page = open_overview(open_workspace, ws, pid)
    retype(qtbot, page.amount_edit, "-5000")
    widget.save_state()
    assert page.amount_error.isVisible()
    assert "金额不能为负数" in page.amount_error.text()
    assert records.get(ws, "pursuit", pid)["amount"] == 1_200_000_00
    assert widget.ctx.undo_stack.count() == 0
    retype(qtbot, page.amount_edit, "about")
    widget.save_state()
    assert "请输入金额" in page.amount_error.text()  # not a number is still said so
    retype(qtbot, page.amount_edit, "5000")
    widget.save_state()
    assert not page.amount_error.isVisible()
    assert records.get(ws, "pursuit", pid)["amount"] == 5_000_00


def test_outcome_text_sits_under_its_heading(open_workspace, ws, qtbot) -> None:
    """The outcome card is as tall as the timeline beside it; the spare room goes below."""
    from PySide6.QtCore import QPoint

    pid = make_pursuit(ws)
    for stage in (5, 6, 7):  # a long timeline makes the row tall
        pursuits.move_stage(ws, [pid], stage, overrides_by_id={pid: []})
    _widget, page = open_overview(open_workspace, ws, pid)
    card = page.outcome
    heading = card.body.itemAt(0).widget()
    qtbot.waitUntil(lambda: card.height() > card.sizeHint().height() + 20)  # stretched by its row
    label = page.outcome_label
    # Neither the heading nor the text is stretched (their text would float in the middle).
    assert heading.height() <= heading.heightForWidth(heading.width()) + 1
    assert label.height() <= label.heightForWidth(label.width()) + 1
    assert label.y() - (heading.y() + heading.height()) <= card.body.spacing() + 1
    button = page.lost_button.mapTo(card, QPoint(0, page.lost_button.height()))
    assert card.height() - button.y() > 20  # the room is under the buttons
