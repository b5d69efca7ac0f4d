"""New pursuit with an account name close to an existing account's: the note names the existing
one as a link, and Save asks before a second record of one customer is made."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.services import accounts
from desktop.services.queries import board
from desktop.ui.operations.pursuit_dialog import PursuitDialog

EXISTING = "南京远科证券科技有限公司"


def _dialog(ctx, qtbot) -> PursuitDialog:
    accounts.create_account(ctx.workspace, {"name": EXISTING})
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.title.setText("数据中台")
    return dialog


def _account_names(ctx) -> list[str]:
    return sorted(a.name for a in accounts.list_accounts(ctx.workspace))


def _answer(dialog: PursuitDialog, role: QMessageBox.ButtonRole) -> None:
    box = dialog.close_box
    assert box is not None and box.isVisible()
    [button] = [b for b in box.buttons() if box.buttonRole(b) == role]
    button.click()


def test_the_note_names_the_close_account_and_its_link_picks_it(ctx, qtbot) -> None:
    dialog = _dialog(ctx, qtbot)
    dialog.account.setEditText("南京远科")
    note = dialog.account_note
    assert note.isVisible() and note.isEnabled()  # plain to read, not a grey hint
    assert EXISTING in note.text() and "南京远科" in note.text()
    note.linkActivated.emit("0")
    assert dialog.account.currentText() == EXISTING
    assert not note.isVisible()
    dialog.accept()
    assert dialog.close_box is None and not dialog.isVisible()
    assert _account_names(ctx) == [EXISTING]


def test_save_asks_and_uses_the_existing_account(ctx, qtbot) -> None:
    dialog = _dialog(ctx, qtbot)
    dialog.account.setEditText("南京远科")
    dialog.accept()
    assert dialog.isVisible() and board.board_cards(ctx.workspace) == []  # nothing yet
    assert dialog.close_box is not None and "南京远科" in dialog.close_box.text()
    _answer(dialog, QMessageBox.ButtonRole.AcceptRole)
    assert not dialog.isVisible()
    [card] = board.board_cards(ctx.workspace)
    assert card.account == EXISTING and _account_names(ctx) == [EXISTING]


def test_save_asks_and_makes_the_new_account_when_told(ctx, qtbot) -> None:
    dialog = _dialog(ctx, qtbot)
    dialog.account.setEditText("南京远科证券科技")  # the same company written otherwise
    assert EXISTING in dialog.account_note.text()
    dialog.accept()
    _answer(dialog, QMessageBox.ButtonRole.ActionRole)
    assert not dialog.isVisible()
    assert _account_names(ctx) == sorted([EXISTING, "南京远科证券科技"])


def test_cancel_on_the_question_keeps_the_form_and_changes_nothing(ctx, qtbot) -> None:
    dialog = _dialog(ctx, qtbot)
    dialog.account.setEditText("南京远科")
    dialog.accept()
    _answer(dialog, QMessageBox.ButtonRole.RejectRole)
    assert dialog.isVisible() and dialog.close_box is None
    assert board.board_cards(ctx.workspace) == [] and _account_names(ctx) == [EXISTING]
    dialog.account.setEditText("无锡新材")  # nothing close: no question, a new account
    assert not dialog.account_note.isEnabled()
    dialog.accept()
    assert not dialog.isVisible()
    assert _account_names(ctx) == sorted([EXISTING, "无锡新材"])


def test_a_long_note_wraps_and_the_dialog_grows_for_it(ctx, qtbot) -> None:
    long_name = "南京远科证券" + "信息技术与数据服务" * 5 + "有限公司"
    accounts.create_account(ctx.workspace, {"name": long_name})
    dialog = PursuitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.account.setEditText("南京远科")
    note = dialog.account_note
    assert long_name in note.text()
    # Nothing of the wrapped note is cut off.
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()))
