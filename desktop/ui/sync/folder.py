"""The team sync folder in the window: its settings, automatic rounds, and a status-bar line.

services/sync/folder.py does a round; this runs rounds without the user thinking of it:

- **Settings** (File ▸ Sync Folder…): the folder, roll-up mode and name are kept in the settings
  for the database they were set with (infra.settings' per-database state): another database
  starts with none and never joins a folder by itself. Not set in the window, they are those the
  database's own rounds recorded (`pursuit sync`: services.sync.folder_state), so a roll-up made
  there is offered as a roll-up here. The team passphrase is kept for this session only, per
  database (never written to disk), so after a start the status line asks for it once.
- **A passphrase that opens nothing**: a new passphrase (or folder) is tried on the folder's
  files before the dialog takes it (`folder.passphrase_fits`, on a worker thread). One that
  opens none of them is most likely mistyped: the dialog says so at once and offers to correct
  it or to use it as the team's new passphrase; a round writes under it only after the latter
  (`FolderSync.new_passphrase`), so a typo never puts a file the team cannot read in the folder.
- **When**: a write settles for a few seconds (debounce) before this database's delta is written;
  a QFileSystemWatcher on the folder and its sub-folders notices files a file-sync engine
  delivers, and a slow poll catches what watchers miss (cloud drives deliver late, network
  shares send no events); and one last round when the window closes.
- **Status**: last sync, files waiting (still arriving, or waiting for the file before them), and
  the last problem in the rep's words; the line opens the Sync screen (ui.sync.screen), which
  lists the colleagues' databases and the recent problems and offers "Sync now". `updated` tells
  it that a round ended.

A round runs in a thread (SyncJob) on the open workspace; merged files are broadcast as
`Changes.all()` so every screen refreshes. One round at a time: a request during a round runs
once it ends.
"""

from __future__ import annotations

import html
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.infra import paths
from desktop.infra.settings import SYNC_PART
from desktop.services import os_errors
from desktop.services.changes import Changes
from desktop.services.sync import folder_state
from desktop.ui.common.host import WindowHost
from desktop.ui.sync.worker import SyncJob

# The folder round (export, import, the file format and its cryptography) is imported when first
# used: start-up installs this menu action, and a database without a sync folder never needs it.
if TYPE_CHECKING:
    from desktop.services.sync import folder as team_folder

log = logging.getLogger(__name__)

DEBOUNCE_MS = 4000
POLL_MS = 60_000
KEEP_PROBLEMS = 20  # the recent problems the Sync screen lists
PROBLEM_WIDTH = 280  # px of a problem in the status bar, so the line keeps to a laptop's width


def install(window: WindowHost) -> None:
    FolderSyncer(window)  # a child of the window (tests: findChild(FolderSyncer))


class FolderDialog(QDialog):
    """The sync folder, the team passphrase, the name colleagues see, and roll-up mode.

    `fits(folder, passphrase)`: whether the passphrase opens a file in that folder (or there is
    none to tell by); asked on a worker thread when OK takes a passphrase or folder other than
    the ones it opened with, for a database that writes. `new_passphrase` after accept: the rep
    said the passphrase is the team's new one, though it opens no file there yet."""

    def __init__(
        self,
        folder: str,
        passphrase: str,
        roll_up: bool,
        name: str,
        parent: QWidget,
        fits: Callable[[str, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.fits = fits
        self.taken = (folder, passphrase)  # what the window uses now: not asked again
        self.new_passphrase = False
        self.checking: SyncJob | None = None
        self.asked = ("", "")  # the folder and passphrase being tried
        self.setWindowTitle(self.tr("Sync Folder"))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setObjectName("sync_folder_path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.passphrase_edit = QLineEdit(passphrase)
        self.passphrase_edit.setObjectName("sync_folder_passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        from desktop.services.sync import export

        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("sync_folder_name")
        # Left empty, the files carry the computer's user and host (export.default_site_name).
        self.name_edit.setPlaceholderText(export.default_site_name())
        self.roll_up_box = QCheckBox(self.tr("Roll-up: read the whole team's files, write none"))
        self.roll_up_box.setChecked(roll_up)
        self.problem = QLabel()
        self.problem.setObjectName("sync_folder_problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)  # an empty note would leave a gap above the buttons
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Team passphrase:"), self.passphrase_edit)
        form.addRow(self.tr("Your name for colleagues:"), self.name_edit)
        form.addRow("", self.roll_up_box)
        note = QLabel(
            self.tr(
                "Choose a folder your team already shares (OneDrive, Dropbox, Nextcloud, "
                "Syncthing or a network drive). Each computer writes only its own files there. "
                "The passphrase is kept until Pursuit closes, never saved."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Offered only once the passphrase proved to open none of the folder's files.
        self.use_new = buttons.addButton(
            self.tr("Use new passphrase"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.use_new.setObjectName("sync_folder_use_new")
        self.use_new.setVisible(False)
        self.use_new.clicked.connect(self._use_new)
        self.passphrase_edit.textEdited.connect(lambda _text: self._edited())
        self.folder_edit.textEdited.connect(lambda _text: self._edited())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _say(self, text: str) -> None:
        """Show (or, empty, take away) the note under the form, the dialog growing to hold it."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        """The dialog's height for its text at its width, as its minimum and its height.

        A layout with word-wrapped labels (height-for-width) gives its window no minimum height,
        so a note of three lines squeezed the text boxes to a sliver and clipped their text
        instead of growing the dialog; when the note goes, the dialog shrinks back."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() != needed:
            self.resize(self.width(), needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Narrower, the notes wrap to more lines: the minimum follows so nothing squeezes.
            layout = self.layout()
            if layout is not None:
                self.setMinimumHeight(layout.totalHeightForWidth(event.size().width()))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Sync Folder"))
        if chosen:
            self.folder_edit.setText(chosen)

    def _accept(self) -> None:
        folder = self.folder_edit.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            self._say(self.tr("This folder does not exist."))
            return
        from desktop.services.sync import export

        if folder and len(self.passphrase_edit.text().strip()) < export.MIN_PASSPHRASE:
            self._say(self.tr("The passphrase needs at least 8 characters."))
            return
        asked = (folder, self.passphrase_edit.text())
        if self.fits is None or not folder or self.roll_up_box.isChecked() or asked == self.taken:
            self.accept()  # nothing new to try, or a roll-up (it writes nothing)
            return
        self._check(asked)

    def _check(self, asked: tuple[str, str]) -> None:
        """Try the passphrase on the folder's files off the GUI thread (a key derivation is a
        third of a second per colleague), then accept or ask."""
        fits = self.fits
        assert fits is not None
        self._say(self.tr("Checking the passphrase against the files in the folder…"))
        self.ok_button.setEnabled(False)
        self.asked = asked
        job = SyncJob(lambda _job: fits(*asked), self)
        # Methods of the dialog, so the answer is queued to the GUI thread.
        job.succeeded.connect(self._answered)
        job.failed.connect(self._not_answered)
        self.checking = job
        job.start()

    def _not_answered(self, _exc: object) -> None:
        self._answered(True)  # the folder went away meanwhile: the rounds say what is wrong

    def _answered(self, opens: object) -> None:
        self.ok_button.setEnabled(True)
        current = (self.folder_edit.text().strip(), self.passphrase_edit.text())
        if not self.isVisible():
            return  # cancelled meanwhile
        if current != self.asked:
            self._say("")  # edited since: OK tries what is there now
            return
        if opens:
            self.accept()
            return
        self._say(
            self.tr(
                "This passphrase opens none of the files in the sync folder. If you mistyped "
                "it, correct it. If the whole team has changed to this passphrase, choose "
                '"Use new passphrase". Until then nothing of yours is written to the folder.'
            )
        )
        self.use_new.setVisible(True)
        self.passphrase_edit.setFocus()
        self.passphrase_edit.selectAll()

    def _use_new(self) -> None:
        self.new_passphrase = True
        self.accept()

    def _edited(self) -> None:
        if self.use_new.isVisible():  # the question was about the passphrase as it was
            self.use_new.setVisible(False)
            self._say("")


class FolderSyncer(QObject):
    """Automatic rounds with the team folder for one main window."""

    updated = Signal()  # a round ended, or the settings changed

    def __init__(self, window: WindowHost) -> None:
        self.host = cast(QWidget, window)  # the window as the Qt parent it also is
        super().__init__(self.host)
        self.window = window
        self.ctx = window.ctx
        self.passphrases: dict[str, str] = {}  # per database path, for this session only
        # Per database path, the passphrase the rep said is the team's new one (the dialog's
        # Use new passphrase): written under though it opened none of the folder's files.
        self.new_passphrases: dict[str, str] = {}
        self.recorded: folder_state.Recorded | None = None  # what its own rounds recorded
        self.job: SyncJob | None = None
        self.again = False  # a round was asked for while one ran
        self.last: team_folder.RoundReport | None = None
        self.last_time = ""
        # The last round of this session that merged files, and how many: later rounds (after
        # our own file lands in the folder, every minute) usually merge none.
        self.merged_files = 0
        self.merged_time = ""
        self.problem = ""
        self.problems: list[tuple[str, str]] = []  # (local time, what happened), newest first
        self.dialog: FolderDialog | None = None
        self.kdf: dict[str, Any] | None = None  # the files' key-derivation cost (tests: cheap)

        self.action = QAction(self.tr("Sync &Folder…"), self.host)
        self.action.setObjectName("action_sync_folder")
        self.action.triggered.connect(lambda: self.configure())
        window.file_menu.insertAction(window.file_extra_anchor, self.action)
        self.status_action = QAction(self.tr("Sync S&tatus"), self.host)
        self.status_action.setObjectName("action_sync_status")
        self.status_action.triggered.connect(lambda: self.window.show_screen("sync"))
        window.file_menu.insertAction(window.file_extra_anchor, self.status_action)

        self.label = QLabel()
        self.label.setObjectName("sync_folder_status")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(self._link)
        window.statusBar().addPermanentWidget(self.label)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.request_round)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.request_round)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._delivered())
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self._restart)
        self.host.installEventFilter(self)
        self._restart()

    def _link(self, link: str) -> None:
        if link == "configure":
            self.configure()
        else:
            self.window.show_screen("sync")

    # --- settings -------------------------------------------------------------------------------
    # Each database's own: {"folder", "roll_up", "name"} as set in the window (the dialog), else
    # as its rounds recorded (`self.recorded`).
    def _setup(self) -> dict[str, Any]:
        return self.ctx.settings.database_state(self.ctx.workspace.path, SYNC_PART)

    @property
    def folder(self) -> str:
        set_here = self._setup().get("folder")
        if isinstance(set_here, str) and set_here:
            return set_here
        return self.recorded.folder if self.recorded is not None else ""

    @property
    def site_name(self) -> str:
        """How colleagues see this computer's files (Review, the rep filter)."""
        setup = self._setup()
        if isinstance(setup.get("name"), str):
            return str(setup["name"])
        return self.recorded.name if self._recorded_here() and self.recorded else ""

    @property
    def roll_up(self) -> bool:
        # Only the user's own choice in the dialog (shown ticked for a database whose rounds
        # read as a roll-up) turns a roll-up into a database that writes.
        setup = self._setup()
        if isinstance(setup.get("roll_up"), bool):
            return bool(setup["roll_up"])
        return self._recorded_here() and self.recorded is not None and self.recorded.roll_up

    def _recorded_here(self) -> bool:
        """The recorded rounds used the folder in use (not one set here since)."""
        if self.recorded is None:
            return False
        return Path(self.recorded.folder).expanduser() == Path(self.folder).expanduser()

    @property
    def passphrase(self) -> str:
        return self.passphrases.get(str(self.ctx.workspace.path), "")

    @passphrase.setter
    def passphrase(self, passphrase: str) -> None:
        self.passphrases[str(self.ctx.workspace.path)] = passphrase

    def configure(self) -> FolderDialog:
        # What its rounds recorded may have changed since (`pursuit sync` between two opens).
        self.recorded = folder_state.recorded_setup(self.ctx.workspace.path)
        workspace = self.ctx.workspace

        def fits(folder: str, passphrase: str) -> bool:
            from desktop.services.sync import folder as team_folder

            return team_folder.passphrase_fits(workspace, Path(folder), passphrase)

        dialog = FolderDialog(
            self.folder, self.passphrase, self.roll_up, self.site_name, self.host, fits
        )

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            self.set_folder(
                dialog.folder_edit.text().strip(),
                dialog.passphrase_edit.text(),
                dialog.roll_up_box.isChecked(),
                name=dialog.name_edit.text().strip(),
                new_passphrase=dialog.new_passphrase,
            )

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_folder(
        self,
        folder: str,
        passphrase: str,
        roll_up: bool,
        *,
        name: str | None = None,
        new_passphrase: bool = False,
    ) -> None:
        """This database's folder and mode. `name`: the name colleagues see (None: as it was;
        empty: the computer's own). `new_passphrase`: the rep said `passphrase` is the team's
        new one (written under even though it opens none of the folder's files)."""
        setup: dict[str, Any] = {"folder": folder, "roll_up": roll_up}
        setup["name"] = self.site_name if name is None else name
        self.ctx.settings.set_database_state(self.ctx.workspace.path, SYNC_PART, setup)
        self.passphrase = passphrase
        if new_passphrase:
            self.new_passphrases[str(self.ctx.workspace.path)] = passphrase
        self._restart()

    def config(self) -> team_folder.FolderSync | None:
        if not self.folder or not self.passphrase:
            return None
        from desktop.services.sync import folder as team_folder

        return team_folder.FolderSync(
            Path(self.folder),
            self.passphrase,
            roll_up=self.roll_up,
            site_name=self.site_name or None,
            kdf=self.kdf,
            new_passphrase=self.new_passphrases.get(str(self.ctx.workspace.path))
            == self.passphrase,
        )

    # --- when -----------------------------------------------------------------------------------
    def _restart(self) -> None:
        self.recorded = folder_state.recorded_setup(self.ctx.workspace.path)
        self.problem = ""
        self.last = None
        self.merged_files, self.merged_time = 0, ""
        paths = self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        if self.config() is None:
            self.poll.stop()
            self.debounce.stop()
            self._show()
            self.updated.emit()
            return
        self.poll.start()
        self._watch()
        self.request_round()

    def _watch(self) -> None:
        root = Path(self.folder)
        wanted = [p for p in (root, *_subfolders(root)) if p.is_dir()]
        have = set(self.watcher.directories())
        new = [str(p) for p in wanted if str(p) not in have]
        if new:
            self.watcher.addPaths(new)

    def _delivered(self) -> None:
        # Several events come per delivered file; the debounce makes them one round.
        if self.config() is not None:
            self.debounce.start()

    def _on_changed(self, changes: Changes) -> None:
        if self.config() is not None and changes.touched and not self.roll_up:
            self.debounce.start()

    def sync_now(self) -> None:
        """A round now (the Sync screen's button); the status line says when it ends."""
        self.request_round()
        self._show()

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.done

    def request_round(self) -> None:
        config = self.config()
        if config is None:
            return
        if self.job is not None and not self.job.done:
            self.again = True
            return
        self.debounce.stop()
        workspace = self.ctx.workspace
        from desktop.services.sync import folder as team_folder

        def work(_job: SyncJob) -> Any:
            return team_folder.sync_round(workspace, config)

        job = SyncJob(work, self)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        self.job = job
        job.start()

    def finish(self) -> None:
        """The last round, as the window closes (waits for one already running)."""
        self.poll.stop()
        self.debounce.stop()
        if self.job is not None and self.job.worker_thread is not None:
            self.job.worker_thread.join()
        config = self.config()
        if config is None:
            return
        from desktop.services.sync import folder as team_folder

        try:
            team_folder.sync_round(self.ctx.workspace, config)
        except Exception:  # the next start writes what this could not
            log.info("last sync round failed", exc_info=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Close:
            self.finish()
        return False

    # --- results --------------------------------------------------------------------------------
    def _succeeded(self, report: team_folder.RoundReport) -> None:
        self.last = report
        self.recorded = folder_state.recorded_setup(self.ctx.workspace.path)
        self.last_time = time.strftime("%H:%M")
        if report.imported_files:
            self.merged_files, self.merged_time = report.imported_files, self.last_time
        self.problem = self._refusals(report)
        if self.problem:
            self._note(self.problem)
        self._show()
        self.updated.emit()
        self._watch()
        if report.imported_files or report.new_site:
            self.ctx.broadcast(Changes.all())
        self._next()

    def _failed(self, exc: Exception) -> None:
        from desktop.services.sync import folder as team_folder

        if isinstance(exc, team_folder.FolderProblem):
            self.problem = self._folder_problem(exc)
        else:
            # The exception's class name means nothing to a rep; the log holds it in full.
            self.problem = self.tr("Sync did not complete. Details are in {0}.").format(
                str(paths.log_file())
            )
        self._note(self.problem)
        self._show()
        self.updated.emit()
        self._next()

    def _folder_problem(self, exc: team_folder.FolderProblem) -> str:
        """Why the folder could not be used, in the rep's language: the system's reason (its
        own text is English on most computers) through os_errors, as `pursuit sync` words it."""
        reason = os_errors.reason(exc, self.ctx.lang) if os_errors.os_error_in(exc) else exc.detail
        if exc.code == "unreadable" and exc.folder != Path(self.folder).expanduser():
            # A sub-folder (a colleague's) this computer may not list: the round stopped there.
            return self.tr(
                'The folder "{0}" in the sync folder cannot be read ({1}), so this round '
                "stopped; trying again later."
            ).format(exc.folder.name, reason)
        return {
            "missing": self.tr(
                "The sync folder cannot be reached (an unplugged drive? a cloud client "
                "logged out?); trying again later."
            ),
            # Listing it was refused: nothing was read (nor written: the round stops there).
            "unreadable": self.tr(
                "The sync folder cannot be read ({0}); trying again later."
            ).format(reason),
            "read_only": self.tr("The sync folder is read-only: changes cannot be written."),
            "full": self.tr("The sync folder's disk is full: free some space."),
        }.get(exc.code, self.tr("The sync folder cannot be used: {0}").format(reason))

    def _note(self, problem: str) -> None:
        """Remember a problem for the Sync screen (the same one again only once)."""
        if self.problems and self.problems[0][1] == problem:
            self.problems[0] = (time.strftime("%H:%M"), problem)
        else:
            self.problems.insert(0, (time.strftime("%H:%M"), problem))
            del self.problems[KEEP_PROBLEMS:]

    @property
    def nothing_read(self) -> bool:
        """The last round could read none of the colleagues' files there were (another team
        passphrase, a clock far ahead…), or held ours back: it did not sync."""
        last = self.last
        return last is not None and (last.held or bool(last.refused and not last.imported_files))

    def _next(self) -> None:
        if self.again:
            self.again = False
            self.request_round()

    def _refusals(self, report: team_folder.RoundReport) -> str:
        if report.unproven:
            # The rep said it is the team's new passphrase: a snapshot went out under it.
            return self.tr(
                "Wrote a snapshot under the new team passphrase (your earlier files stay for "
                "colleagues still on the old one)."
            )
        if report.held:
            return self.tr(
                "Check the team passphrase: it opens none of the files in the sync folder, so "
                "your changes are not written to it yet."
            )
        if not report.refused:
            return ""
        codes = {s.reason for s in report.refused}
        if "wrong_passphrase" in codes:
            return self.tr("A file in the folder uses another team passphrase; it was not read.")
        if "own_site" in codes:
            return self.tr("A file claims to come from this database; it was not read.")
        if "clock_ahead" in codes:
            return self.tr(
                "A colleague's file carries change times far ahead of this computer's clock; it "
                "was not read. Check the date and time on both computers: once the clock is "
                "right, sync resumes by itself."
            )
        if len(report.refused) == 1:
            return self.tr("1 file in the folder was refused.")
        return self.tr("{0} files in the folder were refused.").format(len(report.refused))

    def _show(self) -> None:
        if not self.folder:
            self.label.setVisible(False)
            return
        self.label.setVisible(True)
        if not self.passphrase:
            self.label.setText(
                '<a href="configure">' + self.tr("Sync folder: enter the team passphrase") + "</a>"
            )
            return
        parts = []
        if self.running or self.last is None:
            parts.append(self.tr("Syncing…"))
        else:
            parts.append(
                self.tr("Not synced {0}").format(self.last_time)
                if self.nothing_read
                else self.tr("Synced {0}").format(self.last_time)
            )
            waiting = len(self.last.skipped)
            if waiting:
                parts.append(
                    self.tr("1 file waiting")
                    if waiting == 1
                    else self.tr("{0} files waiting").format(waiting)
                )
        tip = self.tr("Open the Sync screen")
        if self.problem:
            # A problem is a sentence or two: in full it pushed the status bar's other words
            # (and its end) off a laptop's screen. Its start here, the whole in the tooltip and
            # on the Sync screen.
            parts.append(
                self.label.fontMetrics().elidedText(
                    self.problem, Qt.TextElideMode.ElideRight, PROBLEM_WIDTH
                )
            )
            tip = f"{self.problem}\n{tip}"
        # The whole line opens the Sync screen: colleagues, lag, the recent problems, Sync now.
        line = html.escape(" · ".join(parts), quote=False)
        self.label.setText(f'<a href="sync">{line}</a>')
        self.label.setToolTip(tip)


def _subfolders(root: Path) -> list[Path]:
    try:
        return [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []
