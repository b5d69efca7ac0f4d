"""Backups and restore through the window, without real file dialogs or exec()."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import backup, records
from desktop.services.queries import board
from desktop.services.sync import folder
from desktop.ui.safety import actions

FAST_KDF = {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}


def test_menu_has_backup_and_restore(main_window) -> None:
    names = {a.objectName() for a in main_window.file_menu.actions()}
    assert {"action_backup", "action_restore"} <= names


def test_back_up_now_then_restore_through_the_dialog(main_window, qtbot) -> None:
    ctx = main_window.ctx
    info = actions.back_up_now(main_window)
    assert info is not None and info.path.exists()
    # In the UI language's words (the formatting module's), not Qt's "07/12/2026 20:40".
    made = info.created
    when = (
        f"{made.year}年{made.month}月{made.day}日 {made:%H:%M}"
        if ctx.lang.startswith("zh")
        else f"{made.day} {made:%b} {made.year} {made:%H:%M}"
    )
    assert when in main_window.backup_label.text()
    cards = board.board_cards(ctx.workspace)
    records.delete(ctx.workspace, "pursuit", cards[0].id)  # a mistake to go back from
    assert len(board.board_cards(ctx.workspace)) == len(cards) - 1

    dialog = actions.choose_backup(main_window)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(0) == when
    assert dialog.list.topLevelItem(0).text(2) == str(
        len(board.board_cards(ctx.workspace, include_closed=True)) + 1
    )
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    dialog.accept()
    box = main_window.findChild(QMessageBox, "confirm_restore")
    assert box is not None and box.isVisible()
    assert "team folder" not in box.text()  # no sync folder: nothing comes back
    restore = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(ctx.workspace_replaced):
        restore.click()
    assert len(board.board_cards(ctx.workspace)) == len(cards)
    assert len(backup.list_backups(ctx.workspace.path)) == 2  # plus the before-restore copy


def test_a_restore_with_a_pursuits_coaching_shown_replaces_it_cleanly(
    main_window, qtbot, tmp_path: Path
) -> None:
    """The coaching page's stage blocks let go of their fields when the database is replaced
    (it used to fail on the pursuit no longer set) and are made again from the restored one."""
    ctx = main_window.ctx
    actions.back_up_now(main_window)
    cards = board.board_cards(ctx.workspace)
    assert main_window.open_pursuit(cards[0].id, "coaching")
    coaching = main_window.screens["pursuit"].pages["coaching"]
    qtbot.waitUntil(lambda: bool(coaching.blocks))
    before = dict(coaching.blocks)
    records.update(ctx.workspace, "pursuit", cards[0].id, {"title": "改过的名称"})

    team = tmp_path / "team"
    team.mkdir()
    folder.sync_round(ctx.workspace, folder.FolderSync(team, "团队口令 2026", kdf=FAST_KDF))
    dialog = actions.choose_backup(main_window)
    dialog.select_row(0)
    dialog.accept()
    box = main_window.findChild(QMessageBox, "confirm_restore")
    # What was shared through the folder since the backup comes back: the rep is told.
    assert "团队同步文件夹" in box.text() or "team folder" in box.text()
    restore = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    with qtbot.waitSignal(ctx.workspace_replaced):
        restore.click()
    assert coaching.pursuit_id == cards[0].id and coaching.blocks
    assert not set(map(id, coaching.blocks.values())) & set(map(id, before.values()))
    assert board.board_cards(ctx.workspace)[0].title == cards[0].title


def test_failed_integrity_check_offers_the_latest_good_backup(main_window, qtbot) -> None:
    actions.back_up_now(main_window)
    box = actions.offer_latest_good_backup(main_window, "*** in database main *** page 7 missing")
    assert box is not None and "page 7" in box.text()
    assert len(box.buttons()) == 2  # restore, cancel
    box.reject()


def test_startup_checks_make_the_daily_backup(main_window, qtbot) -> None:
    checks = actions.StartupChecks(main_window)
    with qtbot.waitSignal(checks.finished, timeout=10_000):
        thread = checks.start()
    assert thread is not None
    thread.join(5)
    assert [b.reason for b in backup.list_backups(main_window.ctx.workspace.path)] == ["daily"]
    assert main_window.ctx.settings.store.value("safety/last_check")


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


def test_the_restore_list_names_every_kind_of_backup(main_window) -> None:
    """Backups taken before a table import or a sync merge read as words, not as file tags."""
    ws = main_window.ctx.workspace
    for reason in ("manual", "before-table-import", "before-import"):
        backup.make_backup(ws, reason)
    dialog = actions.choose_backup(main_window)
    reasons = {dialog.list.topLevelItem(i).text(1) for i in range(dialog.list.topLevelItemCount())}
    assert reasons == {dialog.tr("by hand"), dialog.tr("before an import")}
    dialog.reject()


def test_the_backup_mark_follows_a_backup_made_before_an_import(
    main_window, qtbot, tmp_path: Path
) -> None:
    """The status bar's 上次备份 is the newest backup, whoever made it: here the one a table import
    makes first, on the import's worker thread; another database's backup leaves it alone."""
    from desktop.services import workspace
    from desktop.services.imports import table_import as ti
    from desktop.services.imports.reading import read_table
    from desktop.ui.common import format as fmt

    ctx = main_window.ctx
    assert backup.list_backups(ctx.workspace.path) == []
    not_yet = main_window.backup_label.text()
    other = workspace.Workspace.open(tmp_path / "other.db")
    try:
        backup.make_backup(other, "manual")
    finally:
        other.close()
    QApplication.processEvents()
    assert main_window.backup_label.text() == not_yet

    sheet = tmp_path / "accounts.csv"
    sheet.write_text("客户名称,城市\n苏州恒通电子有限公司,苏州\n", encoding="utf-8")
    os.utime(sheet, (time.time() - 60, time.time() - 60))  # settled: read at once
    table = read_table(sheet)
    plan = ti.preview(ctx.workspace, table, "accounts", ti.guess_mapping(table, "accounts"))
    worker = threading.Thread(target=ti.run_import, args=(ctx.workspace, plan))
    worker.start()
    worker.join(30)
    (made,) = backup.list_backups(ctx.workspace.path)
    assert made.reason == "before-table-import"
    shown = main_window.tr("Backed up {0}").format(fmt.clock(made.created, ctx.lang))
    qtbot.waitUntil(lambda: main_window.backup_label.text() == shown, timeout=5000)
