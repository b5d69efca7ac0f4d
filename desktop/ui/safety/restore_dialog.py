"""File ▸ Restore from backup…: the backups with their dates and pursuit counts; restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backup
from desktop.ui.common import format as fmt


class RestoreDialog(QDialog):
    """Lists backups, newest first; `chosen()` is the one to restore after accept."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(db_path)

    def _reason(self, reason: str) -> str:
        return {
            "daily": self.tr("daily"),
            "manual": self.tr("by hand"),
            "import": self.tr("before an import"),
            # The names the sync merge and the table import give their backups.
            "before-import": self.tr("before an import"),
            "before-table-import": self.tr("before an import"),
            "migration": self.tr("before an upgrade"),
            "before-restore": self.tr("before a restore"),
        }.get(reason, reason)

    def _fill(self, db_path: Path) -> None:
        locale, lang = QLocale(), fmt.default_lang()
        backups = backup.list_backups(db_path)
        for info in backups:
            count = info.pursuits()
            item = QTreeWidgetItem(
                [
                    fmt.clock(info.created, lang),
                    self._reason(info.reason),
                    self.tr("unreadable") if count is None else locale.toString(count),
                    f"{info.size / 1e6:.1f} MB",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        if not backups:
            empty = QTreeWidgetItem([self.tr("No backups yet.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addTopLevelItem(empty)

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
