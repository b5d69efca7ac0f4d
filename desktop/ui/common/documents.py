"""Documents on screen: the list of a pursuit's, an account's or a checklist item's files.

One panel serves the pursuit workspace (its Documents tab), the account page and the items of the
collection checklist (a button with the count that opens the panel in a small window), so it
lives in the kit. Files come in by the Add button's file dialog or by dropping them on the list;
each is one undoable step (a drop of several files is one step). A file is opened by the system's
viewer on a checked copy. A document whose file is not on this computer, or is damaged, says so
in its row and when opened; nothing here fails because of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.infra import paths
from desktop.services import documents
from desktop.services.changes import ChangeKind, Changes
from desktop.services.documents import DAMAGED, MISSING, DocumentRow, Owner
from desktop.services.errors import InvalidInput
from desktop.services.sync.attachments import FilesReport
from desktop.ui.common import colors
from desktop.ui.common import format as fmt
from desktop.ui.common.table import RIGHT, Column, RowTableModel
from desktop.ui.context import AppContext, OperationFailed
from desktop.ui.errors import show_message
from desktop.ui.undo import UndoCommand, record

# The tab's title in the pursuit workspace (registered in desktop/ui/screens.py).
TAB_TITLE = QT_TRANSLATE_NOOP("PursuitTabs", "Documents")
RED = QColor("#D32F2F")
AMBER = QColor(colors.AMBER)


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


# How a file reaches the system's viewer; tests put a recorder here (no viewer runs in CI).
open_url: Callable[[QUrl], bool] = _open_url


def local_files(urls: Sequence[QUrl]) -> list[Path]:
    """The local files among dropped URLs (folders and remote links are not documents)."""
    return [
        Path(u.toLocalFile()) for u in urls if u.isLocalFile() and Path(u.toLocalFile()).is_file()
    ]


class DocumentCommand(UndoCommand):
    """Attaching or removing one document: the row lives on as a tombstone, so undo and redo
    only flip it (the file stays in the store)."""

    def __init__(
        self, ctx: AppContext, document_id: str, text: str, *, added: bool, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, text, parent)
        self.document_id = document_id
        self.added = added

    def apply(self) -> None:
        action = documents.restore_document if self.added else documents.remove_document
        self.perform(action, self.document_id)

    def revert(self) -> None:
        action = documents.remove_document if self.added else documents.restore_document
        self.perform(action, self.document_id)


class DocumentsModel(RowTableModel):
    """Name, checklist item (on a pursuit's list), size, date added, and what is wrong if
    anything."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        lang = ctx.lang
        checks = ctx.catalog.collection_checks

        def item(row: DocumentRow) -> str:
            if row.check_key is None or row.check_key not in checks:
                return ""
            return checks[row.check_key].label(lang)

        super().__init__(
            [
                Column(
                    "name",
                    lambda: self.tr("Name"),
                    lambda r: r.name,
                    lambda r: r.name,
                    text=True,
                    tooltip=lambda r: r.name,
                    width=260,
                ),
                Column("item", lambda: self.tr("Checklist item"), item, item, text=True, width=150),
                Column(
                    "size",
                    lambda: self.tr("Size"),
                    lambda r: fmt.file_size(r.size, lang),
                    lambda r: r.size,
                    align=RIGHT,
                    width=80,
                ),
                Column(
                    "added",
                    lambda: self.tr("Added"),
                    lambda r: fmt.moment(r.added_at, lang),
                    lambda r: r.added_at or datetime.min,
                    width=170,
                ),
                Column(
                    "state",
                    lambda: self.tr("Status"),
                    self.state_text,
                    self.state_text,
                    tooltip=self.state_tip,
                    foreground=self.state_colour,
                    width=160,
                ),
            ],
            parent,
        )

    def state_text(self, row: DocumentRow) -> str:
        if row.state == MISSING:
            return self.tr("Not on this computer")
        if row.state == DAMAGED:
            return self.tr("Damaged")
        return ""

    def state_tip(self, row: DocumentRow) -> str:
        if row.state == MISSING:
            return self.tr(
                "This document came by sync without its file. Import a sync file that was "
                "exported with files to get it."
            )
        if row.state == DAMAGED:
            return self.tr(
                "The file on this computer no longer matches what was attached. Attach it again."
            )
        return ""

    def state_colour(self, row: DocumentRow) -> QColor | None:
        return RED if row.state == DAMAGED else AMBER if row.state == MISSING else None


class DocumentTable(QTableView):
    """The list, which also takes files dropped on it from the file manager."""

    files_dropped = Signal(list)  # list[Path]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData().urls())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)


def attach_files(
    ctx: AppContext, parent: QWidget, owner: Owner, paths: Sequence[Path]
) -> list[str]:
    """Attach the files to `owner` as one undo step, and tell once about those refused (beyond
    the size limit, unreadable). Returns the new documents' ids."""
    added: list[str] = []
    too_large: list[str] = []
    unreadable: list[str] = []
    stack = ctx.undo_stack
    several = len(paths) > 1
    if several:
        stack.beginMacro(
            QCoreApplication.translate("DocumentsPanel", "Attach {0} files").format(len(paths))
        )
    try:
        for path in paths:
            try:
                document_id, _ = ctx.on(parent, explains=(InvalidInput,)).perform(
                    documents.add_document, path, owner
                )
            except documents.TooLarge as refused:
                too_large.append(
                    QCoreApplication.translate("DocumentsPanel", '"{0}" ({1})').format(
                        refused.name, fmt.file_size(refused.size, ctx.lang)
                    )
                )
                continue
            except InvalidInput:
                unreadable.append(
                    QCoreApplication.translate("DocumentsPanel", '"{0}"').format(path.name)
                )
                continue
            except OperationFailed:
                continue
            added.append(document_id)
            text = QCoreApplication.translate("DocumentsPanel", 'Attach "{0}"').format(path.name)
            record(DocumentCommand(ctx, document_id, text, added=True, parent=parent))
    finally:
        if several:
            stack.endMacro()
    separator = QCoreApplication.translate("DocumentsPanel", ", ")
    if too_large:
        show_message(
            parent,
            QCoreApplication.translate(
                "DocumentsPanel",
                "Files up to {0} can be attached. Not added: {1}. Make the file smaller (a PDF "
                "of the scan, say) and add it again.",
            ).format(fmt.file_size(documents.MAX_SIZE, ctx.lang), separator.join(too_large)),
        )
    if unreadable:
        show_message(
            parent,
            QCoreApplication.translate(
                "DocumentsPanel", "These could not be read, so they were not added: {0}."
            ).format(separator.join(unreadable)),
        )
    return added


class DocumentsPanel(QWidget):
    """The documents of one owner: list, add (dialog or drop), open, remove (undoable)."""

    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner: Owner | None = None
        self.setObjectName("documents_panel")
        self.model = DocumentsModel(ctx, self)
        self.model.sort(3, Qt.SortOrder.DescendingOrder)
        self.view = DocumentTable()
        self.view.setObjectName("documents_view")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for number, column in enumerate(self.model.columns):
            if number:
                self.view.setColumnWidth(number, column.width)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.files_dropped.connect(self.add_files)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.setObjectName("add_documents")
        self.add_button.clicked.connect(lambda _=False: self.choose_files())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("open_document")
        self.open_button.clicked.connect(lambda _=False: self.open_selected())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_document")
        self.remove_button.setToolTip(self.tr("Remove the selected documents (undo with Ctrl+Z)"))
        self.remove_button.clicked.connect(lambda _=False: self.remove_selected())
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.limit = QLabel(
            self.tr("Drop files on the list, or add them. Up to {0} per file.").format(
                fmt.file_size(documents.MAX_SIZE, ctx.lang)
            )
        )
        self.limit.setObjectName("documents_limit")
        self.limit.setWordWrap(True)
        self.empty = QLabel(
            self.tr(
                "No documents yet. Keep the business licence, the proposal, the acceptance "
                "certificate and the invoices here."
            )
        )
        self.empty.setObjectName("documents_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QHBoxLayout()
        buttons.addWidget(self.limit, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(6)
        box.addLayout(buttons)
        box.addWidget(self.empty)
        box.addWidget(self.view, 1)
        ctx.changed.connect(self._on_changed)
        self._update_buttons()

    # --- what is shown ----------------------------------------------------------------------------
    def set_owner(self, owner: Owner | None) -> None:
        self.owner = owner
        self.view.setColumnHidden(
            1, owner is None or owner.pursuit_id is None or bool(owner.check_key)
        )
        self.reload()

    def reload(self) -> None:
        rows = [] if self.owner is None else documents.documents_of(self.ctx.workspace, self.owner)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self._update_buttons()
        self.count_changed.emit(len(rows))

    def count(self) -> int:
        return self.model.rowCount()

    def tab_title(self) -> str:
        return self.tr("Documents ({0})").format(self.count())

    def _on_changed(self, changes: Changes) -> None:
        if self.owner is not None and changes.touches(ChangeKind.DOCUMENT):
            self.reload()

    def _selected(self) -> list[DocumentRow]:
        rows = {self.model.row_at(index) for index in self.view.selectionModel().selectedRows()}
        return [row for row in rows if row is not None]

    def _update_buttons(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.add_button.setEnabled(self.owner is not None)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # --- gestures ---------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.owner is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), start_folder())
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> list[str]:
        """Attach the files (one undo step for all); returns the new documents' ids."""
        if self.owner is None:
            return []
        return attach_files(self.ctx, self, self.owner, paths)

    def open_selected(self) -> None:
        for row in self._selected()[:10]:
            self.open_document(row.id)

    def open_document(self, document_id: str) -> bool:
        """Hand a checked copy of the file to the system's viewer; tell the user when the file is
        not here or damaged."""
        try:
            path = self.ctx.on(self, explains=(documents.Unavailable,)).perform(
                documents.open_copy, document_id
            )
        except documents.Unavailable as problem:
            if problem.code == MISSING:
                text = self.tr(
                    '"{0}" is not on this computer: it came by sync without its file. Import a '
                    "sync file exported with files to get it."
                )
            else:
                text = self.tr(
                    '"{0}" is damaged on this computer: its content no longer matches what was '
                    "attached, so it was not opened. Attach the file again."
                )
            show_message(self, text.format(problem.name))
            self.reload()  # the row says so from now on
            return False
        except OperationFailed:
            return False
        if not open_url(QUrl.fromLocalFile(str(path))):
            show_message(
                self, self.tr('No program on this computer opens "{0}".').format(path.name)
            )
            return False
        return True

    def remove_selected(self) -> None:
        rows = self._selected()
        if not rows:
            return
        stack = self.ctx.undo_stack
        several = len(rows) > 1
        if several:
            stack.beginMacro(self.tr("Remove {0} documents").format(len(rows)))
        try:
            for row in rows:
                try:
                    self.ctx.perform_in(self, documents.remove_document, row.id)
                except OperationFailed:
                    continue
                record(
                    DocumentCommand(
                        self.ctx,
                        row.id,
                        self.tr('Remove "{0}"').format(row.name),
                        added=False,
                        parent=self,
                    )
                )
        finally:
            if several:
                stack.endMacro()


class PursuitDocumentsTab(DocumentsPanel):
    """The Documents tab of the pursuit workspace (`desktop.ui.screens.PURSUIT_TABS`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("pursuit_documents_tab")
        self.box.setContentsMargins(12, 8, 12, 8)

    def set_pursuit(self, pursuit_id: str | None) -> None:
        self.set_owner(None if pursuit_id is None else Owner.pursuit(pursuit_id))


class DocumentsDialog(QDialog):
    """A checklist item's documents in a small window of their own."""

    def __init__(self, ctx: AppContext, owner: Owner, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_dialog")
        self.setWindowTitle(title)
        self.panel = DocumentsPanel(ctx, self)
        self.panel.set_owner(owner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.panel, 1)
        box.addWidget(buttons)
        self.resize(720, 360)


class DocumentsButton(QToolButton):
    """On a checklist item: how many documents it has; a click shows them, and files dropped on
    the button are attached to the item at once."""

    def __init__(self, ctx: AppContext, check_key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.check_key = check_key
        self.title = title
        self.owner: Owner | None = None
        self.dialog: DocumentsDialog | None = None
        self.setObjectName(f"documents_{check_key}")
        self.setAutoRaise(True)
        self.setAcceptDrops(True)
        # The platform's file icon: an emoji paper clip is a missing glyph on many systems.
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(self.tr("Documents of this item: click to see them, or drop files here"))
        self.clicked.connect(lambda _=False: self.show_documents())
        ctx.changed.connect(self._on_changed)
        self._show_count(0)

    def set_pursuit(self, pursuit_id: str | None) -> None:
        owner = None if pursuit_id is None else Owner.check(pursuit_id, self.check_key)
        # The page loads again after every change, attaching a file in this item's dialog
        # included: only another pursuit closes the dialog.
        if self.dialog is not None and owner != self.owner:
            self.dialog.close()
            self.dialog = None
        self.owner = owner
        self.refresh()

    def refresh(self) -> None:
        n = 0
        if self.owner is not None and self.owner.pursuit_id is not None:
            counts = documents.check_counts(self.ctx.workspace, self.owner.pursuit_id)
            n = counts.get(self.check_key, 0)
        self._show_count(n)

    def _show_count(self, n: int) -> None:
        self.count = n
        self.setText(self.tr("Documents ({0})").format(n) if n else self.tr("Attach files"))

    def _on_changed(self, changes: Changes) -> None:
        if self.owner is not None and changes.touches(ChangeKind.DOCUMENT):
            self.refresh()

    def show_documents(self) -> DocumentsDialog | None:
        if self.owner is None:
            return None
        if self.dialog is None:
            self.dialog = DocumentsDialog(self.ctx, self.owner, self.title, self.window())
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.owner is not None and local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData().urls())
        if self.owner is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        attach_files(self.ctx, self, self.owner, files)


# --- what sync says about the files -------------------------------------------------------------
def _names(names: Sequence[str], lang: str) -> str:
    shown = [f"「{n}」" if fmt.is_zh(lang) else f'"{n}"' for n in names[:3]]
    more = len(names) - len(shown)
    text = ("、" if fmt.is_zh(lang) else ", ").join(shown)
    if more:
        text += QCoreApplication.translate("DocumentsSync", " and {0} more").format(more)
    return text


def export_files_note(files: FilesReport | None, lang: str) -> str:
    """What an export did with the documents' files, to follow its message ("" for nothing)."""
    if files is None:
        return ""
    parts = []
    if files.files and files.path is not None:
        parts.append(
            QCoreApplication.translate(
                "DocumentsSync",
                'The files of the documents ({0}, {1}) are in "{2}" beside it: send both files '
                "together.",
            ).format(files.files, fmt.file_size(files.bytes, lang), files.path.name)
        )
    if files.missing:
        parts.append(
            QCoreApplication.translate(
                "DocumentsSync", "Not on this computer, so not included: {0}."
            ).format(_names(files.missing, lang))
        )
    if files.damaged:
        parts.append(
            QCoreApplication.translate(
                "DocumentsSync", "Damaged on this computer, so left out: {0}. Attach them again."
            ).format(_names(files.damaged, lang))
        )
    return ("" if fmt.is_zh(lang) else " ").join(parts)


def import_files_note(files: FilesReport | None, lang: str) -> str:
    """What an import brought of the documents' files and what is still not here."""
    if files is None:
        return ""
    parts = []
    if files.files:
        parts.append(
            QCoreApplication.translate("DocumentsSync", "Files of {0} documents arrived.").format(
                files.files
            )
        )
    if files.damaged:
        parts.append(
            QCoreApplication.translate(
                "DocumentsSync",
                "Arrived damaged and not kept: {0}. Ask the sender to export again.",
            ).format(_names(files.damaged, lang))
        )
    if files.missing:
        parts.append(
            QCoreApplication.translate(
                "DocumentsSync",
                "Not on this computer (the file came without them): {0}.",
            ).format(_names(files.missing, lang))
        )
    return ("" if fmt.is_zh(lang) else " ").join(parts)


def start_folder() -> str:
    """Where "Attach files…" opens: the Documents folder, or home when there is none (a file
    dialog given a missing folder opens elsewhere with the folder's name typed as the file's)."""
    return str(paths.documents_dir())
