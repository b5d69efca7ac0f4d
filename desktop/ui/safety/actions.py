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
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.services import backup, maintenance
from desktop.services.changes import Changes
from desktop.services.workspace import Workspace
from desktop.ui.common import format as fmt
from desktop.ui.common.host import WindowHost
from desktop.ui.errors import show_error
from desktop.ui.safety.restore_dialog import RestoreDialog, reason_words

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
    said = window.statusBar().currentMessage()
    ctx.replace_workspace(Workspace.open(path))
    text = QCoreApplication.translate(
        "Safety", "Restored. The state before the restore was saved to {0}"
    ).format(str(safety.path))
    # A screen that had to change with the restore said why (a pursuit not in the backup):
    # said first, not overwritten.
    reloaded = window.statusBar().currentMessage()
    if reloaded and reloaded != said:
        text = f"{reloaded}  {text}"
    window.statusBar().showMessage(text, 15000)
    return True


class BackupMark(QObject):
    """Keeps the window's last-backup mark on the newest backup of its open database, says in
    its tooltip what that backup holds, and backs up at close what the session changed since.

    The start's daily backup is of the database as the day began: on a new database's first day
    it holds nothing, and a day's work would have no backup until the next start. So a session
    that changed the database after its newest backup ends with a backup of its own ("at close",
    on `aboutToQuit`, after the window has written what was pending), and the mark's tooltip says
    until then that the changes are not in any backup yet.
    """

    made = Signal(object)  # BackupInfo; queued to the GUI thread when a worker made it

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.newest: backup.BackupInfo | None = None
        self.changed_at: datetime | None = None  # the session's last change, if any
        self._opened = False  # the Changes.all() of a database just opened is no change
        self.made.connect(self._note)
        backup.add_listener(self._made)  # weakly: the window going away ends it
        window.ctx.changed.connect(self._changed)
        window.ctx.workspace_replaced.connect(self._replaced)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.back_up_at_close)
        self.label = window.window().findChild(QLabel, "backup_label")
        self.refresh()

    def refresh(self) -> None:
        """Read the newest backup again and say what it holds."""
        backups = backup.list_backups(self.window.ctx.workspace.path)
        self.newest = backups[0] if backups else None
        self._update_tip()

    def _note(self, info: backup.BackupInfo) -> None:
        self.window.note_backup(info.created)
        self.newest = info
        if self.changed_at is not None and info.created >= self.changed_at:
            self.changed_at = None  # taken after the last change: it holds them all
        self._update_tip()

    def _changed(self, changes: Changes) -> None:
        if self._opened and changes.everything:
            self._opened = False
            return
        if changes:
            first = self.changed_at is None
            self.changed_at = datetime.now()
            if first:
                self._update_tip()

    def _replaced(self) -> None:
        # Another database, or a restored one (a copy of a backup): nothing changed in it yet.
        self._opened = True
        self.changed_at = None
        self.refresh()

    def unsaved_changes(self) -> bool:
        """Whether the database holds changes that no backup has: made in this session after
        the newest backup, or written before it (the command line, a session that ended
        without its backup at close) and in none of them."""
        if self.changed_at is not None and (
            self.newest is None or self.newest.created < self.changed_at
        ):
            return True
        return not backup.in_a_backup(self.window.ctx.workspace)

    def back_up_at_close(self) -> backup.BackupInfo | None:
        """The session's changes since the newest backup, backed up as the program quits."""
        ctx = self.window.ctx
        try:
            if ctx.workspace.read_only or not self.unsaved_changes():
                return None
            return backup.make_backup(ctx.workspace, "close", keep=ctx.settings.backup_keep)
        except Exception:  # quitting: nobody to tell; the log says why, the database is intact
            log.exception("the backup at close failed")
            return None

    def _update_tip(self) -> None:
        if self.label is None:
            return
        info = self.newest
        if info is None:
            tip = QCoreApplication.translate(
                "Safety", "No backup of this database yet: File ▸ Back Up Now makes one."
            )
        else:
            count = info.pursuits()
            tip = QCoreApplication.translate(
                "Safety", "The newest backup: {0}, {1}, {2} pursuits."
            ).format(
                fmt.clock(info.created, self.window.ctx.lang),
                reason_words(info.reason),
                "?" if count is None else count,
            )
        if self.unsaved_changes():
            tip += "\n" + QCoreApplication.translate(
                "Safety",
                "Changes made since are in no backup yet: Pursuit backs them up when it "
                "closes, or now with File ▸ Back Up Now.",
            )
        self.label.setToolTip(tip)

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
