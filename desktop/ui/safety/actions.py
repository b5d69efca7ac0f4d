"""File-menu actions for backups and restore, and the checks that run after start-up.

Start-up: a daily backup (at most once a day) and, at most once a week, SQLite's integrity check —
both in a worker thread so the window never waits. A failed check tells the user and offers the
newest backup that passes.

The status bar's last-backup mark follows every backup of the open database the program makes —
on request, daily, before a table or sync import, before a restore — through
services.backup's listeners (`BackupMark`), not through each of those callers.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from desktop.services import backup, maintenance
from desktop.services.workspace import Workspace
from desktop.ui.common.host import WindowHost
from desktop.ui.errors import show_error
from desktop.ui.safety.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)
CHECK_EVERY = timedelta(days=7)


def install(window: WindowHost) -> None:
    BackupMark(window)  # a child of the window (tests: findChild(BackupMark))
    back_up = QAction(QCoreApplication.translate("Safety", "&Back Up Now"), window.window())
    back_up.setObjectName("action_backup")
    back_up.triggered.connect(lambda: back_up_now(window))
    restore = QAction(
        QCoreApplication.translate("Safety", "Restore from Bac&kup…"), window.window()
    )
    restore.setObjectName("action_restore")
    restore.triggered.connect(lambda: choose_backup(window))
    window.file_menu.insertActions(window.file_extra_anchor, [back_up, restore])


def back_up_now(window: WindowHost) -> backup.BackupInfo | None:
    ctx = window.ctx
    try:
        info = backup.make_backup(ctx.workspace, "manual", keep=ctx.settings.backup_keep)
    except Exception as exc:  # shown to the user; the database is untouched by a failed copy
        show_error(window.window(), exc)
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("Safety", "Backed up to {0}").format(str(info.path)), 8000
    )
    return info


def choose_backup(window: WindowHost) -> RestoreDialog:
    dialog = RestoreDialog(window.ctx.workspace.path, window.window())

    def finished(result: int) -> None:
        source = dialog.chosen()
        if result == RestoreDialog.DialogCode.Accepted and source is not None:
            confirm_restore(window, source)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


def confirm_restore(window: WindowHost, source: Path) -> QMessageBox:
    """Restoring replaces today's data: the one place we ask, since undo cannot bring it back."""
    from desktop.services.sync import folder as team_folder  # not on the start-up path

    text = QCoreApplication.translate(
        "Safety",
        "Replace the database with the backup {0}? Everything entered since then is set aside "
        "in a backup of its own.",
    ).format(source.name)
    if team_folder.load_state(window.ctx.workspace).get("folder"):
        # What the folder holds is merged again (a restore cannot take back what was shared).
        text += "\n\n" + QCoreApplication.translate(
            "Safety",
            "This database syncs through a team folder: the changes written there since the "
            "backup, yours and your colleagues', come back with the next sync.",
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Safety", "Restore from Backup"),
        text,
        QMessageBox.StandardButton.Cancel,
        window.window(),
    )
    box.setObjectName("confirm_restore")
    go = box.addButton(
        QCoreApplication.translate("Safety", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    box.finished.connect(lambda _r: box.clickedButton() is go and restore_now(window, source))
    box.open()
    return box


def restore_now(window: WindowHost, source: Path) -> bool:
    """Close the database, restore `source` over it, reopen. On failure the old one reopens."""
    ctx = window.ctx
    path = ctx.workspace.path
    # An edit still being typed is written first, so it is in the copy set aside before the
    # restore rather than dropped with the fields bound to this database.
    for screen in window.screens.values():
        saver = getattr(screen, "save_state", None)
        if saver is not None:
            saver()
    ctx.workspace.close()
    try:
        safety = backup.restore(path, source, keep=ctx.settings.backup_keep)
    except Exception as exc:
        show_error(window.window(), exc)
        ctx.replace_workspace(Workspace.open(path))
        return False
    ctx.replace_workspace(Workspace.open(path))
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "Safety", "Restored. The state before the restore was saved to {0}"
        ).format(str(safety.path)),
        12000,
    )
    return True


class BackupMark(QObject):
    """Keeps the window's last-backup mark on the newest backup of its open database."""

    made = Signal(object)  # BackupInfo; queued to the GUI thread when a worker made it

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.made.connect(lambda info: window.note_backup(info.created))
        backup.add_listener(self._made)  # weakly: the window going away ends it

    def _made(self, database: Path, info: backup.BackupInfo) -> None:
        # Any thread: only the signal crosses to the GUI thread. Another database's backup (a
        # restore's source, a database the window has since left) is not this mark's.
        with contextlib.suppress(RuntimeError):  # the window was deleted meanwhile
            if database == self.window.ctx.workspace.path:
                self.made.emit(info)


class StartupChecks(QObject):
    """The daily backup and the weekly integrity check, off the GUI thread."""

    check_failed = Signal(str)
    finished = Signal()

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.check_failed.connect(self._offer_backup)

    def start(self) -> threading.Thread | None:
        ctx = self.window.ctx
        if ctx.workspace.read_only:
            return None
        path, keep = ctx.workspace.path, ctx.settings.backup_keep
        last = ctx.settings.store.value("safety/last_check")
        due = last is None or datetime.now() - datetime.fromisoformat(str(last)) >= CHECK_EVERY
        if due:
            ctx.settings.store.setValue("safety/last_check", datetime.now().isoformat())
        thread = threading.Thread(target=self._run, args=(path, keep, due), daemon=True)
        thread.start()
        return thread

    def _run(self, path: Path, keep: int, check_due: bool) -> None:
        # A separate connection in this thread: SQLite connections are not shared across threads.
        try:
            if backup.daily_backup_due(path):
                workspace = Workspace.open(path, create=False, read_only=True)
                try:
                    backup.make_backup(workspace, "daily", keep=keep)  # the mark follows
                finally:
                    workspace.close()
            if check_due:
                workspace = Workspace.open(path, create=False, read_only=True)
                try:
                    report = maintenance.check(workspace)
                finally:
                    workspace.close()
                if report.integrity != "ok":
                    self.check_failed.emit(report.integrity)
        except Exception:
            log.exception("start-up safety work failed")
        finally:
            self.finished.emit()

    def _offer_backup(self, problem: str) -> None:
        offer_latest_good_backup(self.window, problem)


def offer_latest_good_backup(window: WindowHost, problem: str) -> QMessageBox | None:
    good = latest_good_backup(window.ctx.workspace.path)
    text = QCoreApplication.translate(
        "Safety", "The database failed its integrity check ({0})."
    ).format(problem[:200])
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Safety", "Database damaged"),
        "",
        parent=window.window(),
    )
    box.setObjectName("integrity_failed")
    if good is None:
        box.setText(
            text
            + " "
            + QCoreApplication.translate(
                "Safety",
                "No good backup was found. Export your data and contact "
                "support; keep working only with care.",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    else:
        box.setText(
            text
            + " "
            + QCoreApplication.translate(
                "Safety", "The newest good backup is from {0}. Restore it?"
            ).format(good.created.strftime("%Y-%m-%d %H:%M"))
        )
        go = box.addButton(
            QCoreApplication.translate("Safety", "Restore"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda _r: box.clickedButton() is go and restore_now(window, good.path)
        )
    box.open()
    return box


def latest_good_backup(db_path: Path) -> backup.BackupInfo | None:
    for info in backup.list_backups(db_path):
        try:
            backup.validate_backup(info.path)
        except Exception:
            continue
        return info
    return None
