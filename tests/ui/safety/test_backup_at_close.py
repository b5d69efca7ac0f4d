"""A day's work is backed up at close (the start's daily backup holds the day before), the mark
says what the newest backup holds, and a backup kept elsewhere can be chosen to restore from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.services import backup, pursuits
from desktop.services.pursuits import PursuitDraft
from desktop.services.workspace import Workspace
from desktop.ui import errors
from desktop.ui.safety import actions


@pytest.fixture
def window_workspace(ws: Workspace) -> Workspace:
    """A new database, as on a rep's first day."""
    return ws


def mark_of(main_window) -> actions.BackupMark:
    mark = main_window.findChild(actions.BackupMark)
    assert mark is not None
    return mark


def first_day(main_window, qtbot) -> actions.BackupMark:
    """The start's daily backup of the new database (nothing in it), then a pursuit entered."""
    checks = actions.StartupChecks(main_window)
    with qtbot.waitSignal(checks.finished, timeout=10_000):
        thread = checks.start()
    assert thread is not None
    thread.join(5)
    mark = mark_of(main_window)
    qtbot.waitUntil(lambda: mark.newest is not None)
    main_window.ctx.perform(
        pursuits.create_pursuit, PursuitDraft(title="数据中台建设", account_name="南京远科")
    )
    return mark


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_the_days_work_is_backed_up_at_close_and_the_mark_says_until_then(
    main_window, qtbot
) -> None:
    path = main_window.ctx.workspace.path
    mark = first_day(main_window, qtbot)
    label = main_window.findChild(QLabel, "backup_label")
    assert "daily, 0 pursuits" in label.toolTip()
    assert "in no backup yet" in label.toolTip()

    info = mark.back_up_at_close()
    assert info is not None and info.reason == "close" and info.pursuits() == 1
    assert mark.back_up_at_close() is None  # nothing changed since

    # Written outside this window (the command line's demo or import): no change was heard of,
    # but the database is in none of its backups, so the mark says so and close backs it up.
    pursuits.create_pursuit(
        main_window.ctx.workspace, PursuitDraft(title="命令行导入的项目", account_name="南京远科")
    )
    mark.refresh()
    assert "at close, 1 pursuits" in label.toolTip()
    assert "in no backup yet" in label.toolTip()
    info = mark.back_up_at_close()
    assert info is not None and info.pursuits() == 2
    assert [b.reason for b in backup.list_backups(path)] == ["close", "close", "daily"]
    assert "at close, 2 pursuits" in label.toolTip()
    assert "in no backup yet" not in label.toolTip()
    # Nothing changed since: no second copy; and tomorrow's start needs none either.
    assert mark.back_up_at_close() is None
    assert not backup.daily_backup_due(path)


def test_a_session_that_changed_nothing_makes_no_backup_at_close(main_window, qtbot) -> None:
    actions.back_up_now(main_window)
    mark = mark_of(main_window)
    assert mark.back_up_at_close() is None
    assert [b.reason for b in backup.list_backups(main_window.ctx.workspace.path)] == ["manual"]
    label = main_window.findChild(QLabel, "backup_label")
    assert "手动" in label.toolTip() and "关闭" not in label.toolTip()


@pytest.mark.parametrize("main_window", ["en"], indirect=True)
def test_a_backup_kept_elsewhere_is_chosen_checked_and_restored(
    main_window, qtbot, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    first_day(main_window, qtbot)
    copied = tmp_path / "usb" / "my-pursuit-copy.db"
    copied.parent.mkdir()
    backup.make_backup(ctx.workspace, out=copied)
    ctx.perform(pursuits.create_pursuit, PursuitDraft(title="第二个项目", account_name="南京远科"))

    dialog = actions.choose_backup(main_window)
    rows = dialog.list.topLevelItemCount()
    # Not a backup: one message, the list as it was.
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    assert not dialog.add_file(text_file)
    assert not dialog.add_file(ctx.workspace.path)  # the open database itself
    shown = [box.text() for box in errors._open_boxes if box.isVisible()]
    assert any("not a Pursuit database" in text for text in shown), shown
    assert any("open now, not a backup" in text for text in shown), shown
    assert dialog.list.topLevelItemCount() == rows
    for box in list(errors._open_boxes):
        box.close()

    assert dialog.add_file(copied)
    assert dialog.list.topLevelItemCount() == rows + 1
    row = dialog.list.topLevelItem(0)
    assert (row.text(1), row.text(2)) == ("from my-pursuit-copy.db", "1")
    assert dialog.chosen() == copied and dialog.restore_button.isEnabled()
    dialog.accept()
    box = main_window.findChild(QMessageBox, "confirm_restore")
    go = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(ctx.workspace_replaced):
        go.click()
    titles = [c.title for c in pursuits_of(ctx.workspace)]
    assert titles == ["数据中台建设"]
    assert copied.exists()  # the rep's copy is read, never moved or changed


def pursuits_of(ws: Workspace):
    from desktop.services.queries import board

    return board.board_cards(ws, include_closed=True)


def test_a_damaged_copy_is_refused_in_chinese(main_window, tmp_path: Path) -> None:
    ctx = main_window.ctx
    good = backup.make_backup(ctx.workspace, out=tmp_path / "good.db").path
    damaged = tmp_path / "half.db"
    shutil.copyfile(good, damaged)
    with damaged.open("r+b") as handle:
        handle.truncate(damaged.stat().st_size // 3)
    dialog = actions.choose_backup(main_window)
    assert not dialog.add_file(damaged)
    shown = [box.text() for box in errors._open_boxes if box.isVisible()]
    assert any("未做任何更改" in text for text in shown), shown
    assert dialog.chosen() is None
    for box in list(errors._open_boxes):
        box.close()
    dialog.reject()
