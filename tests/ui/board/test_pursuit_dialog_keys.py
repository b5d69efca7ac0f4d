"""新建项目 from the keyboard, as the tester used it: dates typed into unset fields are kept, Tab
goes on through the form, and Escape / Cancel / the close button ask before typed input is
thrown away (an untouched form closes at once)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from desktop.services.queries import board
from desktop.ui.operations.pursuit_dialog import PursuitDialog


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying their text (Chinese arrives so from an input method)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key(ord(char)) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def new_dialog(screen, qtbot) -> PursuitDialog:
    screen.new_action.trigger()
    dialog = screen.pursuit_dialog
    assert dialog is not None
    shown(qtbot, dialog)
    return dialog


def shown(qtbot, dialog: PursuitDialog) -> None:
    """Exposed and the active window, so keys go to it as they do on a desktop."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def answer(qtbot, dialog: PursuitDialog, words: str) -> None:
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    (button,) = [b for b in box.buttons() if b.text() == words]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def test_dates_typed_into_unset_fields_are_saved(screen, ctx, qtbot) -> None:
    dialog = new_dialog(screen, qtbot)
    assert dialog.expected_close.text() == "未定" and dialog.next_step_due.text() == "未定"
    dialog.account.setFocus()
    type_text(focused(), "杭州云帆物流")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.title
    type_text(focused(), "WMS")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # amount, currency
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.expected_close
    type_text(focused(), "2027-3-31")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.stage  # Tab left the date field
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.next_step
    type_text(focused(), "约王总")
    assert dialog.next_step.text() == "约王总" and dialog.expected_close.text() == "2027-03-31"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.next_step_due
    type_text(focused(), "27-1-5")  # a two-digit year is completed
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the dialog's default button
    assert not dialog.isVisible()
    [card] = board.board_cards(ctx.workspace)
    assert card.expected_close == date(2027, 3, 31)
    assert card.next_step_due == date(2027, 1, 5)


def test_a_date_that_cannot_be_one_is_said_under_its_field(screen, ctx, qtbot) -> None:
    dialog = new_dialog(screen, qtbot)
    dialog.account.setEditText("杭州云帆物流")
    dialog.title.setText("WMS")
    dialog.expected_close.setFocus()
    type_text(focused(), "202")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Save while the year is three digits
    assert dialog.isVisible() and board.board_cards(ctx.workspace) == []
    error = dialog.errors["expected_close"]
    assert error.isVisible() and "不是有效日期" in error.text()
    assert dialog.expected_close.text().startswith("202-")  # kept, to be corrected
    type_text(focused(), "7")  # corrected: the message goes
    assert not error.isVisible() and dialog.expected_close.value().year == 2027
    type_text(focused(), "-")
    type_text(focused(), "0")  # a month of 0 cannot be: said when the field is left
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and board.board_cards(ctx.workspace) == []
    assert error.isVisible() and "不是有效日期" in error.text()
    dialog.expected_close.setFocus()
    qtbot.keyClick(dialog.expected_close, Qt.Key.Key_Delete)  # cleared: saving without it is fine
    assert not error.isVisible() and dialog.expected_close.value() is None
    dialog.next_step_due.setFocus()
    type_text(focused(), "2")  # left while its year is one digit: said, not dropped
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.tags
    assert "不是有效日期" in dialog.errors["next_step_due"].text()


def test_escape_on_an_untouched_form_closes_at_once(screen, qtbot) -> None:
    dialog = new_dialog(screen, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_box is None


def test_escape_on_a_filled_form_asks_once(screen, ctx, qtbot) -> None:
    dialog = new_dialog(screen, qtbot)
    dialog.account.setFocus()
    type_text(focused(), "杭州云帆物流")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_text(focused(), "WMS 改造")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.isVisible()
    box = dialog.discard_box
    assert box is not None and box.text() == "丢弃这个新项目？"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape in the question keeps editing
    QApplication.processEvents()
    assert dialog.isVisible() and dialog.discard_box is None
    assert dialog.title.text() == "WMS 改造"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    answer(qtbot, dialog, "继续编辑")
    assert dialog.isVisible()
    dialog.close()  # the window's close button
    assert dialog.isVisible()
    answer(qtbot, dialog, "丢弃")
    assert not dialog.isVisible()
    assert board.board_cards(ctx.workspace) == []


def test_an_edit_asks_only_when_something_changed(screen, ctx, qtbot, kit) -> None:
    pursuit_id = kit.make(ctx.workspace, "MES")
    dialog = PursuitDialog(ctx, screen, pursuit_id)
    dialog.open()
    shown(qtbot, dialog)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # opened and left: no question
    dialog = PursuitDialog(ctx, screen, pursuit_id)
    dialog.open()
    shown(qtbot, dialog)
    dialog.title.setFocus()
    type_text(dialog.title, " 二期")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert dialog.discard_box is not None
    assert dialog.discard_box.text() == "丢弃对此项目的修改？"
    answer(qtbot, dialog, "丢弃")
    assert not dialog.isVisible()
    assert [c.title for c in board.board_cards(ctx.workspace)] == ["MES"]
