"""Preferences: typed settings refused at the field, and a win rate that changes every sum."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desktop.services import analytics
from desktop.services.pursuits import PursuitDraft, create_pursuit
from desktop.services.queries import board
from desktop.ui.preferences import open_preferences


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_action_opens_it_with_the_current_settings(main_window, qtbot) -> None:
    settings = main_window.ctx.settings
    settings.win_rates = {"2": 25}
    settings.backup_keep = 7
    assert "Ctrl+," in [k.toString() for k in main_window.preferences_action.shortcuts()]
    main_window.preferences_action.trigger()
    dialog = main_window.preferences_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "设置"
    assert dialog.rate_boxes[2].value() == 25
    assert dialog.rate_boxes[3].value() == 30  # the method's default
    assert dialog.stale_boxes[1].value() == main_window.ctx.catalog.stage(1).stale_days
    assert dialog.backups.value() == 7
    assert dialog.database.text() == str(main_window.ctx.workspace.path)
    dialog.reject()
    assert settings.win_rates == {"2": 25}  # cancel changes nothing


def test_the_sync_tab_opens_the_sync_folder_dialog(main_window, qtbot) -> None:
    from desktop.ui.sync.folder import FolderDialog

    main_window.preferences_action.trigger()
    dialog = main_window.preferences_dialog
    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "同步"
    assert dialog.sync_folder.text() == "设置…" and dialog.sync_folder.isEnabled()
    dialog.sync_folder.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in main_window.findChildren(FolderDialog)))
    for folder_dialog in main_window.findChildren(FolderDialog):
        folder_dialog.reject()
    dialog.reject()


def test_a_bad_currency_is_refused_at_the_field(main_window, qtbot) -> None:
    dialog = open_preferences(main_window)
    dialog.currency.setCurrentText("US")
    assert not ok_button(dialog).isEnabled()
    assert dialog.currency_error.isVisible()
    dialog.accept()  # refused
    assert dialog.isVisible()
    assert main_window.ctx.settings.default_currency == "CNY"
    dialog.currency.lineEdit().clear()
    qtbot.keyClicks(dialog.currency.lineEdit(), "u$s1d9x")  # letters only, three at most
    assert dialog.currency.currentText() == "USD"  # upper-cased as typed
    assert ok_button(dialog).isEnabled() and not dialog.currency_error.isVisible()
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert main_window.ctx.settings.default_currency == "USD"


def test_the_method_tab_says_what_a_win_rate_weighs(main_window) -> None:
    """Stage 8 weighs what is still to collect (the board's and the list's figure), not amount ×
    100 %: the words above the rates say so."""
    from PySide6.QtWidgets import QLabel

    dialog = open_preferences(main_window)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("加权金额 = 未回款金额 × 赢率" in text for text in texts)
    assert not any("加权金额 = 金额 × 赢率" in text for text in texts)
    dialog.reject()


def test_spin_boxes_hold_their_ranges(main_window) -> None:
    dialog = open_preferences(main_window)
    dialog.rate_boxes[4].setValue(180)
    dialog.stale_boxes[4].setValue(0)
    dialog.backups.setValue(-3)
    assert dialog.rate_boxes[4].value() == 100
    assert dialog.stale_boxes[4].value() == 1
    assert dialog.backups.value() == 1
    dialog.reject()


def test_a_win_rate_changes_the_board_the_list_and_the_charts(main_window, qtbot) -> None:
    ws = main_window.ctx.workspace
    pursuit_id, _ = create_pursuit(
        ws, PursuitDraft(title="ERP 升级", account_name="上海华通", amount=1_000_000_00, stage=3)
    )
    listing = main_window.show_screen("pursuits")
    assert listing.model.row(pursuit_id).weighted == 300_000_00
    (card,) = board.board_cards(ws)
    assert card.weighted == 300_000_00
    funnel = analytics.funnel(ws, analytics.Filters(), "CNY")
    assert funnel.weighted == 300_000_00

    dialog = open_preferences(main_window)
    dialog.rate_boxes[3].setValue(45)
    dialog.stale_boxes[3].setValue(20)
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()

    settings = main_window.ctx.settings
    assert settings.win_rates == {"3": 45}
    assert settings.stale_days == {"3": 20}
    assert ws.policy.win_rates == {3: 45} and ws.stale_limit(3) == 20
    (card,) = board.board_cards(ws)
    assert (card.win_rate, card.weighted) == (45, 450_000_00)
    assert analytics.funnel(ws, analytics.Filters(), "CNY").weighted == 450_000_00
    row = listing.model.row(pursuit_id)  # the open list recomputed on the broadcast
    assert (row.win_rate, row.weighted) == (45, 450_000_00)
    assert "45" in dialog.rate_boxes[3].text()

    again = open_preferences(main_window)
    again.reset_to_method()
    assert again.rate_boxes[3].value() == 30
    with qtbot.waitSignal(again.applied):
        again.accept()
    assert settings.win_rates == {} and settings.stale_days == {}
    assert listing.model.row(pursuit_id).weighted == 300_000_00


def test_a_falling_win_rate_is_pointed_out(main_window) -> None:
    dialog = open_preferences(main_window)
    dialog.rate_boxes[5].setValue(10)
    assert "5" in dialog.order_note.text()
    assert ok_button(dialog).isEnabled()  # a company may do so; it is only pointed out
    dialog.reset_to_method()
    assert dialog.order_note.text() == ""
    dialog.reject()


def test_backups_and_language(main_window, qtbot) -> None:
    dialog = open_preferences(main_window)
    dialog.backups.setValue(25)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(main_window.language_requested, timeout=2000) as requested:
        dialog.accept()
    assert requested.args == ["en"]
    assert main_window.ctx.settings.backup_keep == 25


def test_open_another_database(main_window, tmp_path: Path) -> None:
    from desktop.services.workspace import Workspace

    other = tmp_path / "other.db"
    Workspace.open(other).close()
    dialog = open_preferences(main_window)
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    assert not dialog.open_database(bad)
    assert dialog.database.text() == str(main_window.ctx.workspace.path)
    assert dialog.open_database(other)
    assert main_window.ctx.workspace.path == other.resolve()
    assert dialog.database.text() == str(other.resolve())
    dialog.choose_database()
    assert dialog.file_dialog.isVisible()
    dialog.file_dialog.reject()
    dialog.reject()


def test_new_pursuits_private_by_default_when_the_rep_says_so(main_window, qtbot) -> None:
    """Preferences ▸ Sync: new pursuits kept on this computer; the list marks them private."""
    from desktop.services.sync import sharing

    ctx = main_window.ctx
    dialog = open_preferences(main_window)
    assert dialog.share_new.isChecked()  # shared by default, as before
    dialog.share_new.setChecked(False)
    dialog.accept()
    assert ctx.settings.share_new is False and ctx.workspace.policy.share_new is False
    kept, _ = create_pursuit(ctx.workspace, PursuitDraft(title="自己的", account_name="客户"))
    assert sharing.private_pursuits(ctx.workspace) == {kept}
    dialog = open_preferences(main_window)
    assert not dialog.share_new.isChecked()
    dialog.share_new.setChecked(True)
    dialog.accept()
    shared, _ = create_pursuit(ctx.workspace, PursuitDraft(title="团队的", account_name="客户"))
    assert sharing.is_shared(ctx.workspace, shared) and not sharing.is_shared(ctx.workspace, kept)
