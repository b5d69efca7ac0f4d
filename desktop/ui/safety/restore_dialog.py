"""File ▸ Restore from backup…: the backups with their dates and pursuit counts; restore one.

Besides the database's own backups folder, a backup the rep keeps elsewhere (copied to a USB
stick, mailed to themself) is chosen with "Choose a File…": it is checked as a restore would
check it before it joins the list, so a file that is not a Pursuit backup is refused there, in
one message, with nothing changed.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backup
from desktop.ui.common import format as fmt
from desktop.ui.errors import message_for, show_message

log = logging.getLogger(__name__)


def reason_words(reason: str) -> str:
    """Why a backup was made, in the rep's words (its file name says it in a tag)."""
    return {
        "daily": QCoreApplication.translate("RestoreDialog", "daily"),
        "close": QCoreApplication.translate("RestoreDialog", "at close"),
        "manual": QCoreApplication.translate("RestoreDialog", "by hand"),
        "import": QCoreApplication.translate("RestoreDialog", "before an import"),
        # The names the sync merge and the table import give their backups.
        "before-import": QCoreApplication.translate("RestoreDialog", "before an import"),
        "before-table-import": QCoreApplication.translate("RestoreDialog", "before an import"),
        "migration": QCoreApplication.translate("RestoreDialog", "before an upgrade"),
        "before-restore": QCoreApplication.translate("RestoreDialog", "before a restore"),
    }.get(reason, reason)


class NotThisDatabase(Exception):
    """The file chosen to restore from is the open database itself (or its WAL)."""


class RestoreDialog(QDialog):
    """Lists backups, newest first; `chosen()` is the one to restore after accept."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.empty: QTreeWidgetItem | None = None  # the "No backups yet." row
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick a backup to go back to. The database as it is now is backed up first, so a "
                "restore can itself be undone by restoring that backup."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Pursuits"), self.tr("Size")]
        )
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # At the left, apart from Restore and Cancel: it adds to the list, it restores nothing.
        self.file_button = QPushButton(self.tr("Choose a File…"))
        self.file_button.setAutoDefault(False)
        self.file_button.setObjectName("restore_from_file")
        self.file_button.setToolTip(
            self.tr("A backup kept somewhere else: another folder, a USB stick")
        )
        self.file_button.clicked.connect(self.choose_file)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self._fill(db_path)

    def _reason(self, reason: str) -> str:
        return reason_words(reason)

    def _fill(self, db_path: Path) -> None:
        backups = backup.list_backups(db_path)
        for info in backups:
            self.list.addTopLevelItem(self._row(info.created, self._reason(info.reason), info))
        for column in range(4):
            self.list.resizeColumnToContents(column)
        if not backups:
            self.empty = QTreeWidgetItem([self.tr("No backups yet.")])
            self.empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addTopLevelItem(self.empty)

    def _row(self, made: datetime, why: str, info: backup.BackupInfo) -> QTreeWidgetItem:
        count = info.pursuits()
        item = QTreeWidgetItem(
            [
                fmt.clock(made, fmt.default_lang()),
                why,
                self.tr("unreadable") if count is None else QLocale().toString(count),
                f"{info.size / 1e6:.1f} MB",
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    # --- a backup kept elsewhere -------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """Ask for a backup file anywhere and add it to the list (see `add_file`)."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a Backup"),
            str(self.db_path.parent),
            self.tr("Pursuit backups (*.db);;All files (*)"),
        )
        if not name:
            return None
        return Path(name) if self.add_file(Path(name)) else None

    def add_file(self, path: Path) -> bool:
        """Check `path` as a restore would and list it first, selected; False (the rep told in
        one message, the list as it was) when it is not a backup this program can restore."""
        try:
            if _same_file(path, self.db_path) or path.name in (
                f"{self.db_path.name}-wal",
                f"{self.db_path.name}-shm",
            ):
                raise NotThisDatabase(str(path))
            backup.validate_backup(path)
        except NotThisDatabase:
            show_message(
                self,
                self.tr(
                    "This is the database that is open now, not a backup of it. Nothing was "
                    "changed."
                ),
            )
            return False
        except Exception as exc:  # not a database, damaged, too new: said in the rep's words
            log.info("a file chosen to restore from was refused", exc_info=exc)
            show_message(self, message_for(exc))
            return False
        info = backup.BackupInfo(
            path, datetime.fromtimestamp(path.stat().st_mtime), "file", path.stat().st_size
        )
        item = self._row(info.created, self.tr("from {0}").format(path.name), info)
        item.setToolTip(1, str(path))
        if self.empty is not None:
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(self.empty))
            self.empty = None
        self.list.insertTopLevelItem(0, item)
        self.list.resizeColumnToContents(1)
        self.list.setCurrentItem(item)
        return True

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        items = self.list.selectedItems()
        value = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return Path(value) if value else None

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
