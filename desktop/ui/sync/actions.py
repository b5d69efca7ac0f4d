"""File ▸ Export… / Import…, Edit ▸ Undo Last Sync Import, and the "awaiting review" status label.

Each long step runs in a thread (ui.sync.worker) behind a progress dialog that can cancel it; the
import shows its preview from inside its transaction and commits only when the user says so.
Paths can be handed in (tests, drag and drop later) instead of asking with a file dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressDialog, QWidget

from desktop.services import os_errors
from desktop.services.changes import Changes
from desktop.services.sync import history, review
from desktop.services.workspace import Workspace
from desktop.ui.common.documents import export_files_note, import_files_note
from desktop.ui.common.host import WindowHost
from desktop.ui.errors import show_error
from desktop.ui.sync.format import business_summary, carried_summary, local_time
from desktop.ui.sync.worker import SyncJob

# The export, the import, their dialogs and the cards the export lists are imported when first
# used: the file format pulls in the cryptography package, and start-up (which installs these
# menu actions) needs none of it.
if TYPE_CHECKING:
    from desktop.services.sync import export, importer
    from desktop.services.sync.bundle import BundleError
    from desktop.ui.sync.dialogs import ExportDialog, PassphraseDialog

log = logging.getLogger(__name__)
SITE_NAME_KEY = "sync/site_name"
LAST_FOLDER_KEY = "sync/last_folder"


def install(window: WindowHost) -> None:
    SyncActions(window)  # a child of the window, which keeps it (tests: findChild(SyncActions))


def refusal(code: str) -> str:
    """What to tell the user when a file is refused (each says that nothing changed)."""
    messages = {
        "wrong_passphrase": QCoreApplication.translate(
            "SyncActions", "Wrong passphrase. Nothing was imported."
        ),
        "damaged": QCoreApplication.translate(
            "SyncActions",
            "The file is damaged or incomplete; ask the sender to export again. Nothing was "
            "imported.",
        ),
        "not_bundle": QCoreApplication.translate(
            "SyncActions", "This is not a Pursuit sync file. Nothing was imported."
        ),
        "too_new": QCoreApplication.translate(
            "SyncActions",
            "The file was exported by a newer version of Pursuit. Please update the program, "
            "then import it again. Nothing was imported.",
        ),
        "kdf_too_costly": QCoreApplication.translate(
            "SyncActions",
            "The file demands an unreasonably costly key computation and may be forged. "
            "Nothing was imported.",
        ),
        "foreign_changes": QCoreApplication.translate(
            "SyncActions",
            "The file contains changes said to come from this database that it never made "
            "(this database may be an old copy, or restored from a backup). Nothing was "
            "imported.",
        ),
        "too_large": QCoreApplication.translate(
            "SyncActions", "The file is far too large to be a sync file. Nothing was imported."
        ),
        "unreadable": QCoreApplication.translate(
            "SyncActions", "The file cannot be read. Nothing was imported."
        ),
        "clock_ahead": QCoreApplication.translate(
            "SyncActions",
            "The file from {0} carries change times more than a day ahead of this computer's "
            "clock. Check the date and time on both computers, then ask for a new export. "
            "Nothing was imported.",
        ),
        "needs_passphrase": QCoreApplication.translate(
            "SyncActions", "The file is encrypted and needs its passphrase. Nothing was imported."
        ),
        "verify_failed": QCoreApplication.translate(
            "SyncActions",
            "The written file did not read back correctly and was removed. Try another "
            "folder or drive.",
        ),
    }
    return messages.get(code, messages["damaged"])


class SyncActions(QObject):
    """The sync menu actions of one main window, and the jobs they run."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.dialog_parent = window.window()  # the window as a widget: the parent of dialogs
        self.ctx = window.ctx
        self.job: SyncJob | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: QWidget | None = None  # the dialog on screen now (tests look at it)
        self.last_message: QMessageBox | None = None
        self._importing: Path | None = None  # the file of the import running now

        self.export_action = QAction(self.tr("&Export for Another Computer…"), self.dialog_parent)
        self.export_action.setObjectName("action_export")
        self.export_action.triggered.connect(lambda: self.export_data())
        self.changes_action = QAction(self.tr("Export &Changes…"), self.dialog_parent)
        self.changes_action.setObjectName("action_export_changes")
        self.changes_action.setToolTip(
            self.tr("Only what a colleague has not been sent yet (everything the first time)")
        )
        self.changes_action.triggered.connect(lambda: self.export_data(changes=True))
        self.import_action = QAction(self.tr("&Import from Another Computer…"), self.dialog_parent)
        self.import_action.setObjectName("action_import")
        self.import_action.triggered.connect(lambda: self.import_file())
        window.file_menu.insertActions(
            window.file_extra_anchor,
            [self.export_action, self.changes_action, self.import_action],
        )
        window.file_menu.insertSeparator(window.file_extra_anchor)
        self.undo_action = QAction(self.tr("Undo Last Sync &Import…"), self.dialog_parent)
        self.undo_action.setObjectName("action_undo_import")
        self.undo_action.triggered.connect(self.undo_last_import)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.undo_action)
        window.edit_menu.aboutToShow.connect(self._refresh_undo)

        self.review_label = QLabel()
        self.review_label.setObjectName("review_status")
        self.review_label.setTextFormat(Qt.TextFormat.RichText)
        self.review_label.linkActivated.connect(lambda _link: window.show_screen("review"))
        window.statusBar().addPermanentWidget(self.review_label)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.workspace_replaced.connect(self.refresh_review_count)
        self.refresh_review_count()
        self._refresh_undo()

    # --- status -------------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or changes.touched:
            self.refresh_review_count()

    def refresh_review_count(self) -> int:
        try:
            count = review.count(self.ctx.workspace)
        except Exception:  # a closed or replaced database: the next change refreshes it
            log.debug("review count unavailable", exc_info=True)
            return 0
        self.review_label.setVisible(count > 0)
        self.review_label.setText(
            self.tr('<a href="review">{0} awaiting review</a>').format(count) if count else ""
        )
        self.review_label.setToolTip(
            self.tr("Items changed on two computers: choose which version to keep.")
        )
        return count

    def _refresh_undo(self) -> None:
        info = self._last_import()
        self.undo_action.setEnabled(info is not None and info.can_undo)

    def _last_import(self) -> history.LastImport | None:
        try:
            return history.last_import(self.ctx.workspace)
        except Exception:
            log.debug("import log unavailable", exc_info=True)
            return None

    # --- export -------------------------------------------------------------------------------
    def export_data(self, path: Path | None = None, *, changes: bool = False) -> ExportDialog:
        """Ask what and how, then where (unless `path` is given), then write in a thread.
        `changes`: offer only the changes not yet sent to a colleague (Export Changes…)."""
        from desktop.services.queries import board
        from desktop.services.sync import recipients
        from desktop.ui.sync.dialogs import ExportDialog

        cards = board.board_cards(self.ctx.workspace, include_closed=True)
        offered = (
            [(r.site, r.name, r.last_export) for r in recipients.recipients(self.ctx.workspace)]
            if changes
            else None
        )
        store = self.ctx.settings.store
        # The name the rep typed last time, else nothing: the login and the computer's name
        # mean nothing to the colleague who receives the file.
        dialog = ExportDialog(
            [(c.id, c.title, c.account) for c in cards],
            str(store.value(SITE_NAME_KEY, "") or ""),
            (),
            self.dialog_parent,
            offered,
        )

        def finished(result: int) -> None:
            if result != ExportDialog.DialogCode.Accepted:
                return
            store.setValue(SITE_NAME_KEY, dialog.site_name())
            if path is not None:
                self._export_to(dialog, path, again=None)
            else:
                self._choose_and_export(dialog)

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _choose_and_export(self, dialog: ExportDialog, proposed: Path | None = None) -> None:
        target = self._save_path(proposed)
        if target is not None:
            self._export_to(dialog, target, again=lambda: self._choose_and_export(dialog, target))

    def _export_to(
        self, dialog: ExportDialog, target: Path, again: Callable[[], object] | None
    ) -> None:
        from desktop.ui.common.output_check import OutputKind, ask_before_writing

        # Never over the database; over another kind of file only when the user says so.
        ask_before_writing(
            self.dialog_parent,
            target,
            OutputKind.SYNC,
            database=self.ctx.workspace.path,
            write=lambda chosen: self._run_export(dialog, chosen),
            again=again,
            title=self.tr("Export for Another Computer"),
        )

    def _save_path(self, proposed: Path | None = None) -> Path | None:
        from desktop.services.sync.bundle import SUFFIX
        from desktop.ui.common.output_check import SAVE_OPTIONS

        folder = str(self.ctx.settings.store.value(LAST_FOLDER_KEY, "") or Path.home())
        name = f"{self.ctx.workspace.path.stem}{SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self.dialog_parent,
            self.tr("Export for Another Computer"),
            str(proposed or Path(folder) / name),
            self.tr("Pursuit sync file (*{0})").format(SUFFIX),
            options=SAVE_OPTIONS,
        )
        if not chosen:
            return None
        target = Path(chosen)
        if not target.name.endswith(SUFFIX):
            target = target.with_name(target.name + SUFFIX)
        self.ctx.settings.store.setValue(LAST_FOLDER_KEY, str(target.parent))
        return target

    def _run_export(self, dialog: ExportDialog, target: Path) -> SyncJob:
        ws_path = self.ctx.workspace.path
        options: dict[str, Any] = {
            "passphrase": dialog.secret(),
            "encrypt": dialog.encrypt(),
            "site_name": dialog.site_name(),
            "files": dialog.include_files(),
        }
        site = dialog.recipient_site()
        chosen = dialog.chosen_pursuits()  # read here: the worker never touches the dialog

        from desktop.services.sync import export, recipients

        def work(job: SyncJob) -> export.ExportReport:
            if site is not None:  # only what that colleague has not been sent
                return recipients.export_changes(
                    _PathOnly(ws_path),  # type: ignore[arg-type]  # reads `.path` only
                    target,
                    site,
                    progress=lambda done, total: job.progress("writing", done, total),
                    cancelled=job.cancelled,
                    **options,
                )
            return export.export_bundle(
                # export_bundle reads only `.path`; a Workspace may not cross threads.
                _PathOnly(ws_path),  # type: ignore[arg-type]  # wants Workspace, see above
                target,
                progress=lambda done, total: job.progress("writing", done, total),
                cancelled=job.cancelled,
                pursuits=chosen,
                **options,
            )

        job = self._start(work, self.tr("Exporting…"))
        job.succeeded.connect(self._exported)
        return job

    def _exported(self, report: export.ExportReport) -> None:
        self._close_progress()
        size = (
            f"{report.bytes / 1e6:.1f} MB"
            if report.bytes >= 100_000
            else (f"{report.bytes / 1e3:.0f} KB")
        )
        text = self.tr("Exported {0} to {1} ({2}).").format(
            carried_summary(report.counts), str(report.path), size
        )
        if report.records == 0:
            text = self.tr(
                "Nothing changed since the last export to this colleague: {0} holds no changes."
            ).format(str(report.path))
        if report.withheld:
            text = _then(
                text,
                self.tr("1 private pursuit was left out: it stays on this computer.")
                if len(report.withheld) == 1
                else self.tr(
                    "{0} private pursuits were left out: they stay on this computer."
                ).format(len(report.withheld)),
            )
        if not report.encrypted:
            text = _then(
                text, self.tr("The file is NOT encrypted: anyone who gets it can read it.")
            )
        else:
            text = _then(
                text, self.tr("Give the receiver the passphrase another way, not with the file.")
            )
        if note := export_files_note(report.files, self.ctx.lang):
            text = _then(text, note)
        self._tell(QMessageBox.Icon.Information, self.tr("Export"), text)

    # --- import -------------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> QWidget | None:
        """Check the file's header, ask for its passphrase, then merge in a thread."""
        from desktop.services.sync import importer
        from desktop.services.sync.bundle import SUFFIX, BundleError

        if path is None:
            folder = str(self.ctx.settings.store.value(LAST_FOLDER_KEY, "") or Path.home())
            chosen, _ = QFileDialog.getOpenFileName(
                self.dialog_parent,
                self.tr("Import from Another Computer"),
                folder,
                self.tr("Pursuit sync file (*{0});;All files (*)").format(SUFFIX),
            )
            if not chosen:
                return None
            path = Path(chosen)
            self.ctx.settings.store.setValue(LAST_FOLDER_KEY, str(path.parent))
        try:
            header = importer.inspect(path)
        except BundleError as exc:
            self._refused(exc)
            return None
        if not header.encrypted:
            self._run_import(path, None)
            return None
        return self._ask_passphrase(path, header.fields)

    def _ask_passphrase(
        self, path: Path, fields: dict[str, Any], *, wrong: bool = False
    ) -> PassphraseDialog:
        from desktop.ui.sync.dialogs import PassphraseDialog

        dialog = PassphraseDialog(  # a file of format 2 on says who and when only once opened
            path.name,
            str(fields.get("site_name") or ""),
            str(fields.get("created") or ""),
            self.dialog_parent,
            wrong=wrong,
        )

        def finished(result: int) -> None:
            if result == PassphraseDialog.DialogCode.Accepted:
                self._run_import(path, dialog.passphrase.text())

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _run_import(self, path: Path, passphrase: str | None) -> SyncJob:
        from desktop.services.sync import importer

        ws_path = self.ctx.workspace.path
        self._importing = path

        def work(job: SyncJob) -> importer.ImportReport:
            ws = Workspace.open(ws_path, create=False)  # this thread's own connections
            try:
                return importer.import_bundle(
                    ws,
                    path,
                    passphrase,
                    confirm=job.confirm,
                    progress=job.progress,
                    cancelled=job.cancelled,
                )
            finally:
                ws.close()

        job = self._start(work, self.tr("Checking the file…"))
        job.preview_ready.connect(self._show_preview)
        job.succeeded.connect(self._imported)
        return job

    def _show_preview(self, preview: importer.Preview) -> None:
        from desktop.ui.sync.dialogs import PreviewDialog

        job = self.job
        if job is None:
            return
        if not preview.changes_anything and not preview.total("rejected"):
            job.decide(True)  # nothing to ask about: only the log learns of the file
            return
        if self.progress is not None:
            self.progress.hide()
        dialog = PreviewDialog(preview, self.dialog_parent)

        def finished(result: int) -> None:
            accepted = result == PreviewDialog.DialogCode.Accepted
            if accepted and self.progress is not None:
                self.progress.setLabelText(self.tr("Saving…"))
                self.progress.show()
            job.decide(accepted)

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def _imported(self, report: importer.ImportReport) -> None:
        self._importing = None
        self._close_progress()
        preview = report.preview
        if report.committed and preview.changes_anything:
            self.ctx.broadcast(Changes.all())
        self.refresh_review_count()
        self._refresh_undo()
        if preview.already_imported:
            text = self.tr("This file was imported before. Nothing in it is new.")
        elif not report.committed:
            text = self.tr("Import cancelled. Nothing was changed.")
        elif not preview.changes_anything:
            text = self.tr("Nothing in this file is new to this database.")
        else:
            text = self.tr("Imported from {0}: {1}.").format(
                preview.source_name or self.tr("another computer"),
                business_summary(
                    {kind: c.new for kind, c in preview.counts.items()},
                    {kind: c.updated for kind, c in preview.counts.items()},
                ),
            )
            conflicts = preview.total("conflicts")
            if conflicts:
                text = _then(
                    text,
                    self.tr("1 item awaits your review.")
                    if conflicts == 1
                    else self.tr("{0} items await your review.").format(conflicts),
                )
            rejected = preview.total("rejected")
            if rejected:
                text = _then(
                    text,
                    self.tr("1 record was rejected.")
                    if rejected == 1
                    else self.tr("{0} records were rejected.").format(rejected),
                )
            text = _then(text, self.tr("Edit ▸ Undo Last Sync Import puts everything back."))
        if note := import_files_note(report.files, self.ctx.lang):
            text = _then(text, note)
            if not report.committed and report.files is not None and report.files.files:
                self.ctx.broadcast(Changes.all())  # files came with a file imported before
        self._tell(QMessageBox.Icon.Information, self.tr("Import"), text)

    # --- undo ---------------------------------------------------------------------------------
    def undo_last_import(self) -> QMessageBox | None:
        info = self._last_import()
        if info is None or not info.can_undo:
            self._tell(
                QMessageBox.Icon.Information,
                self.tr("Undo Last Sync Import"),
                self.tr("There is no import to undo (its backup may have been removed)."),
            )
            return None
        text = self.tr(
            "Undo the import of {0} from {1} ({2})? The database goes back to how it was just "
            "before it."
        ).format(
            info.file_name,
            info.source_name or self.tr("another computer"),
            local_time(info.imported_at),
        )
        if info.edits_since:
            text = _then(text, self.tr("Changes you made after the import are undone too."))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Undo Last Sync Import"),
            text,
            QMessageBox.StandardButton.Cancel,
            self.dialog_parent,
        )
        box.setObjectName("confirm_undo_import")
        go = box.addButton(self.tr("Undo Import"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(lambda _r: box.clickedButton() is go and self.undo_now(info))
        self.dialog = box
        box.open()
        return box

    def undo_now(self, info: history.LastImport) -> bool:
        path = self.ctx.workspace.path
        self.ctx.workspace.close()
        try:
            history.undo_last_import(path, info)
        except Exception as exc:
            show_error(self.dialog_parent, exc)
            self.ctx.replace_workspace(Workspace.open(path))
            return False
        self.ctx.replace_workspace(Workspace.open(path))
        self.window.statusBar().showMessage(
            self.tr("The import of {0} was undone.").format(info.file_name), 10000
        )
        self._refresh_undo()
        return True

    # --- plumbing -----------------------------------------------------------------------------
    def _start(self, work: Callable[[SyncJob], object], label: str) -> SyncJob:
        job = SyncJob(work, self)
        self.job = job
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 1000, self.dialog_parent)
        progress.setObjectName("sync_progress")
        progress.setWindowTitle(self.tr("Pursuit"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        self.progress = progress
        job.progressed.connect(self._progressed)
        job.failed.connect(self._failed)
        job.start()
        return job

    def _progressed(self, phase: str, done: int, total: int) -> None:
        if self.progress is None or total <= 0:
            return
        labels = {
            "reading": self.tr("Checking the file…"),
            "merging": self.tr("Merging…"),
            "writing": self.tr("Exporting…"),
        }
        if phase in labels and self.progress.labelText() != labels[phase]:
            self.progress.setLabelText(labels[phase])
        base = 0 if phase in ("reading", "writing") else 500
        span = 1000 if phase == "writing" else 500
        self.progress.setValue(base + int(span * min(done, total) / total))

    def _failed(self, exc: BaseException) -> None:
        from desktop.services.sync import export
        from desktop.services.sync.bundle import BundleError

        self._close_progress()
        if isinstance(exc, export.Cancelled):
            self.window.statusBar().showMessage(self.tr("Cancelled. Nothing was changed."), 8000)
            return
        if isinstance(exc, BundleError):
            path, self._importing = self._importing, None
            if exc.code == "wrong_passphrase" and path is not None:
                self._retry_passphrase(path)
                return
            self._refused(exc)
            return
        show_error(self.dialog_parent, exc)

    def _retry_passphrase(self, path: Path) -> None:
        """The same file again, with a word that the passphrase was wrong."""
        from desktop.services.sync import importer
        from desktop.services.sync.bundle import BundleError

        try:
            header = importer.inspect(path)
        except BundleError as exc:
            self._refused(exc)
            return
        self._ask_passphrase(path, header.fields, wrong=True)

    def _refused(self, exc: BundleError) -> None:
        text = refusal(exc.code)
        if exc.code == "unreadable" and os_errors.os_error_in(exc) is not None:
            # Why, in the rep's language: the system's own text is English on most computers.
            text = self.tr("The file cannot be read ({0}). Nothing was imported.").format(
                os_errors.reason(exc, self.ctx.lang)
            )
        if exc.code == "clock_ahead":
            text = text.format(exc.values.get("sender") or self.tr("another computer"))
        self._tell(QMessageBox.Icon.Warning, self.tr("Import"), text)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.dialog_parent)
        box.setObjectName("sync_message")
        self.last_message = box
        box.open()
        return box


def _then(text: str, more: str) -> str:
    """Two sentences: Chinese ones follow each other without a space."""
    return text + ("" if text.endswith(("。", "！", "？", "!", "?")) else " ") + more


class _PathOnly:
    """What export needs of a workspace in another thread: where the file is."""

    def __init__(self, path: Path) -> None:
        self.path = path
