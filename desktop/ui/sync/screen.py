"""The Sync screen (同步): the team folder at a glance, for the rep and for a manager's roll-up.

Which folder and mode, when the last round ran, every colleague's database seen in the folder —
the name it gives its files, its site, the last file merged, how old the newest news from it is
(lag) and what waits — and the recent problems in the rep's words, with "Sync now" and the
folder's settings. The status bar's sync line opens it.

The rounds themselves are the window's `FolderSyncer` (ui.sync.folder): this screen reads its
state and the progress the folder service keeps (`folder.peer_status`, a listing, no file
opened), and refreshes when a round ends.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync import folder as team_folder
from desktop.ui.context import AppContext
from desktop.ui.sync.actions import refusal
from desktop.ui.sync.folder import FolderSyncer
from desktop.ui.sync.format import utc_text_time

Index = QModelIndex | QPersistentModelIndex
MUTED = "color: #6B7280;"


def lag_text(created: str, now: datetime | None = None) -> str:
    """How old the newest merged news from a colleague is: "3 min", "5 h", "2 days"."""
    if not created:
        return "—"
    try:
        moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = max(0, int(((now or datetime.now(UTC)) - moment).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("PeerModel", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("PeerModel", "{0} min").format(seconds // 60)
    if seconds < 2 * 86400:
        return QCoreApplication.translate("PeerModel", "{0} h").format(seconds // 3600)
    return QCoreApplication.translate("PeerModel", "{0} days").format(seconds // 86400)


class PeerModel(QAbstractTableModel):
    """The colleagues' databases in the folder: rep, site, last file, written, lag, waiting."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peers: list[team_folder.PeerStatus] = []

    def set_peers(self, peers: list[team_folder.PeerStatus]) -> None:
        self.beginResetModel()
        self.peers = list(peers)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.peers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            self.tr("Rep"),
            self.tr("Site"),
            self.tr("Last file"),
            self.tr("Written"),
            self.tr("Lag"),
            self.tr("Waiting"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.peers):
            return None
        peer = self.peers[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return peer.name or self.tr("(not read yet)")
            if column == 1:
                return peer.site[:8]
            if column == 2:
                return peer.last_file or "—"
            if column == 3:
                return utc_text_time(peer.created) if peer.created else "—"
            if column == 4:
                return lag_text(peer.created)
            if column == 5:
                if peer.problem:
                    return self.tr("{0} · refused").format(peer.waiting)
                return str(peer.waiting) if peer.waiting else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return peer.site
            if column == 5 and peer.problem:
                return problem_text(peer.problem, peer.name or peer.site[:8])
            if column == 3 and peer.merged_at:
                return self.tr("Merged here {0}").format(utc_text_time(peer.merged_at))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def problem_text(code: str, sender: str = "") -> str:
    """A peer file's problem in the rep's words."""
    if code == "arriving":
        return QCoreApplication.translate(
            "PeerModel", "Still arriving: it is read once the file-sync program has delivered it."
        )
    if code == "waiting":
        return QCoreApplication.translate("PeerModel", "Waiting for the file before it.")
    if code == "own_site":
        return QCoreApplication.translate(
            "PeerModel", "A file claims to come from this database; it was not read."
        )
    if code == "misplaced":
        return QCoreApplication.translate(
            "PeerModel", "A file does not belong where it lies in the folder; it was not read."
        )
    return refusal(code).format(sender)  # some name the sender (a clock far ahead)


class SyncScreen(QWidget):
    """The folder, the colleagues' databases and the recent problems; Sync now."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.setObjectName("sync_screen")
        self.ctx = ctx
        self.window_ref = window
        self.syncer: FolderSyncer | None = (
            window.findChild(FolderSyncer) if window is not None else None
        )

        title = QLabel(self.tr("Team sync"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.where = QLabel()
        self.where.setObjectName("sync_where")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("sync_state")
        self.state.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.sync_now)
        self.settings_button = QPushButton(self.tr("Folder and passphrase…"))
        self.settings_button.setObjectName("sync_settings")
        self.settings_button.clicked.connect(self.configure)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)

        self.model = PeerModel(self)
        self.peers = QTableView()
        self.peers.setObjectName("sync_peers")
        self.peers.setModel(self.model)
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers.verticalHeader().hide()
        self.peers.setAlternatingRowColors(True)
        header = self.peers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.no_peers = QLabel()
        self.no_peers.setObjectName("sync_no_peers")
        self.no_peers.setWordWrap(True)
        self.no_peers.setStyleSheet(MUTED)

        self.problems = QListWidget()
        self.problems.setObjectName("sync_problems")
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(150)
        self.no_problems = QLabel(self.tr("No problems."))
        self.no_problems.setStyleSheet(MUTED)

        box = QVBoxLayout(self)
        box.setContentsMargins(18, 12, 18, 12)
        box.setSpacing(8)
        box.addWidget(title)
        box.addWidget(self.where)
        box.addWidget(self.state)
        box.addLayout(buttons)
        box.addSpacing(6)
        box.addWidget(self._heading(self.tr("Colleagues' databases in the folder")))
        box.addWidget(self.peers, 1)
        box.addWidget(self.no_peers)
        box.addSpacing(6)
        box.addWidget(self._heading(self.tr("Recent problems")))
        box.addWidget(self.problems)
        box.addWidget(self.no_problems)

        if self.syncer is not None:
            self.syncer.updated.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def sync_now(self) -> None:
        if self.syncer is not None:
            self.syncer.sync_now()
            self.refresh()

    def configure(self) -> None:
        if self.syncer is not None:
            self.syncer.configure()

    def _merged(self, syncer: FolderSyncer) -> str:
        """What the rounds merged: this one's files, else those of the last round of this session
        that merged any (the rounds after it merge none: "merged 0 files" hid the file read),
        else that there was nothing new."""
        count = syncer.last.imported_files if syncer.last is not None else 0
        if count:
            return (
                self.tr("merged 1 file")
                if count == 1
                else self.tr("merged {0} files").format(count)
            )
        if syncer.merged_files:
            return (
                self.tr("merged 1 file at {0}").format(syncer.merged_time)
                if syncer.merged_files == 1
                else self.tr("merged {0} files at {1}").format(
                    syncer.merged_files, syncer.merged_time
                )
            )
        return "" if syncer.nothing_read else self.tr("nothing new to merge")

    def refresh(self) -> None:
        syncer = self.syncer
        folder = syncer.folder if syncer is not None else ""
        if not folder:
            self.where.setText(
                self.tr(
                    "No sync folder yet. Choose a folder your team already shares (OneDrive, "
                    "Dropbox, Nextcloud, Syncthing or a network drive) and the team passphrase."
                )
            )
            self.state.setText("")
            self.sync_button.setEnabled(False)
            self.model.set_peers([])
            self.no_peers.setText("")
            self._show_problems([])
            return
        assert syncer is not None
        mode = (
            self.tr("Roll-up: reads the whole team's files and writes none.")
            if syncer.roll_up
            else self.tr("Writes this database's changes and reads the team's.")
        )
        self.where.setText(self.tr("Folder: {0}").format(folder) + "\n" + mode)
        if not syncer.passphrase:
            state = self.tr("Enter the team passphrase to sync (Folder and passphrase…).")
        elif syncer.running:
            state = self.tr("Syncing…")
        elif syncer.last is not None:
            last = syncer.last
            parts = [
                self.tr("Not synced {0}: no file in the folder could be read").format(
                    syncer.last_time
                )
                if syncer.nothing_read
                else self.tr("Last sync {0}").format(syncer.last_time)
            ]
            if last.written:
                written = last.written_records
                parts.append(
                    self.tr("wrote 1 change")
                    if written == 1
                    else self.tr("wrote {0} changes").format(written)
                )
            merged = self._merged(syncer)
            if merged:
                parts.append(merged)
            if last.skipped:
                waiting = len(last.skipped)
                parts.append(
                    self.tr("1 file waiting")
                    if waiting == 1
                    else self.tr("{0} files waiting").format(waiting)
                )
            if last.to_review:
                parts.append(self.tr("{0} awaiting review").format(last.to_review))
            state = " · ".join(parts)
        else:
            state = self.tr("Not synced yet in this session.")
        self.state.setText(state)
        self.sync_button.setEnabled(bool(syncer.passphrase) and not syncer.running)
        peers = team_folder.peer_status(self.ctx.workspace, Path(folder))
        self.model.set_peers(peers)
        self.peers.setVisible(bool(peers))
        self.no_peers.setText(
            ""
            if peers
            else self.tr(
                "No colleague's files in the folder yet. They appear here once their Pursuit "
                "has written to it and the file-sync program has delivered them."
            )
        )
        self.no_peers.setVisible(not peers)
        self._show_problems(syncer.problems)

    def _show_problems(self, problems: list[tuple[str, str]]) -> None:
        self.problems.clear()
        for when, text in problems:
            self.problems.addItem(f"{when}  {text}")
        self.problems.setVisible(bool(problems))
        self.no_problems.setVisible(not problems)
