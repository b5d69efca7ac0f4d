"""Backups and restore through the window, without real file dialogs or exec()."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.infra.settings import Settings
from desktop.services import backup, records
from desktop.services.queries import board
from desktop.ui.safety import actions


@pytest.fixture
def window(qtbot, demo_ws):
    from desktop.app import create_main_window, make_application

    make_application()
    _ctx, window = create_main_window(demo_ws, Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_menu_has_backup_and_restore(window) -> None:
    names = {a.objectName() for a in window.file_menu.actions()}
    assert {"action_backup", "action_restore"} <= names


def test_back_up_now_then_restore_through_the_dialog(window, qtbot) -> None:
    ctx = window.ctx
    info = actions.back_up_now(window)
    assert info is not None and info.path.exists()
    assert window.backup_label.text() != ""
    cards = board.board_cards(ctx.workspace)
    records.delete(ctx.workspace, "pursuit", cards[0].id)  # a mistake to go back from
    assert len(board.board_cards(ctx.workspace)) == len(cards) - 1

    dialog = actions.choose_backup(window)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(2) == str(
        len(board.board_cards(ctx.workspace, include_closed=True)) + 1
    )
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    dialog.accept()
    box = window.findChild(QMessageBox, "confirm_restore")
    assert box is not None and box.isVisible()
    restore = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(ctx.workspace_replaced):
        restore.click()
    assert len(board.board_cards(ctx.workspace)) == len(cards)
    assert len(backup.list_backups(ctx.workspace.path)) == 2  # plus the before-restore copy


def test_failed_integrity_check_offers_the_latest_good_backup(window, qtbot) -> None:
    actions.back_up_now(window)
    box = actions.offer_latest_good_backup(window, "*** in database main *** page 7 missing")
    assert box is not None and "page 7" in box.text()
    assert len(box.buttons()) == 2  # restore, cancel
    box.reject()


def test_startup_checks_make_the_daily_backup(window, qtbot) -> None:
    checks = actions.StartupChecks(window)
    with qtbot.waitSignal(checks.finished, timeout=10_000):
        thread = checks.start()
    assert thread is not None
    thread.join(5)
    assert [b.reason for b in backup.list_backups(window.ctx.workspace.path)] == ["daily"]
    assert window.ctx.settings.store.value("safety/last_check")


def test_second_instance_gets_read_only(tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import QTimer

    from desktop.app import ask_when_locked, make_application
    from desktop.infra.instance_lock import DatabaseLock

    make_application()
    db = tmp_path / "locked.db"
    first = DatabaseLock(db)
    assert first.acquire()

    def press_read_only() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "locked.db" in box.text()
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ).click()

    QTimer.singleShot(100, press_read_only)
    assert ask_when_locked(db, DatabaseLock(db)) == "read_only"
    assert not db.exists()  # asking changed nothing
    first.release()
